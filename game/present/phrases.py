"""What a screen shows about a move, as plain data and strings: the terminal prints it, the window
draws it.

Everything in :mod:`game.present` reads a :class:`~game.engine.views.View` and the rules, never the
state; the engine gives reasons as codes with the numbers it used, and the words are made there
from those numbers, never from a second formula.  No pygame, no printing.  This module: the menu
of actions in fixed places (grouped by kind, destructive ones marked and confirmed), each action's
card (its text, price and forecast) and title, why an action is not offered, and the scenarios in
a menu's order.  Beside it: :mod:`~game.present.naming` (factions and figures),
:mod:`~game.present.forecasts` (what a move would do), :mod:`~game.present.voting` (votes and
their reasons), :mod:`~game.present.situation` (the agenda, what is coming, the regions, the
scales) and :mod:`~game.present.ending` (the end of the game).
"""

from __future__ import annotations

from attrs import frozen

from game.engine.actions import CHOOSE, Action
from game.engine.moves import held_capabilities
from game.engine.preview import (
    action_preview,
)
from game.engine.views import View
from game.present.forecasts import preview_lines
from game.present.words import action_words
from game.ruleset.records import SCENARIO_KINDS
from game.ruleset.vocabulary import ACTION_KINDS

#: kinds a player is asked to confirm (they break something or cannot be taken back in spirit),
#: with the words of the question: from the kinds' declaration
DESTRUCTIVE = {name: kind.confirm for name, kind in ACTION_KINDS.items() if kind.confirm}


WAIT_KIND = "pass"


def cost_text(rule) -> str:
    cost = rule.cost
    parts = [f"{cost.ap} AP"]
    if cost.influence:
        parts.append(f"{cost.influence} influence")
    if cost.prestige:
        parts.append(f"{cost.prestige} prestige")
    if rule.exposure:
        parts.append(f"+{rule.exposure} exposure")
    return ", ".join(parts)


@frozen
class ActionCard:
    """One action as a player reads it."""

    action: Action
    title: str  # the rule's name and its arguments in words
    text: str  # the rule file's description
    cost: str
    confirm: str | None  # a question to ask before taking it, or None
    preview: tuple[str, ...]  # what it would change, from what the faction can see


def action_card(rules, view: View, action: Action, with_preview: bool = True) -> ActionCard:
    if action.name == CHOOSE:
        eid = view.pending_choice[0]
        opt = next(o for o in rules.events[eid].choice.options if o.id == action.args[0])
        preview = preview_lines(rules, view, action_preview(view, rules, action)) if with_preview else ()
        return ActionCard(action, opt.name, " ".join((opt.text or "").split()), "", None, tuple(preview))
    rule = rules.actions[action.name]
    title = action_title(rules, action)
    preview = preview_lines(rules, view, action_preview(view, rules, action)) if with_preview else ()
    return ActionCard(
        action,
        title,
        " ".join(rule.text.split()),
        cost_text(rule),
        confirm_question(rules, view, action),
        tuple(preview),
    )


def is_historical(rules, view: View, action: Action) -> bool:
    """Whether an option of the event put to the viewer is the one history took (the rule file's
    first, which the game plays for a faction no one answers for)."""
    if action.name != CHOOSE or not view.pending_choice:
        return False
    options = rules.events[view.pending_choice[0]].choice.options
    return bool(options) and options[0].id == action.args[0]


def confirm_question(rules, view: View, action: Action) -> str | None:
    """The question to ask before a destructive action, or None.  It does not repeat the
    action's name: every screen shows it beside the question (the card's title)."""
    if action.name == CHOOSE:
        return None
    rule = rules.actions[action.name]
    if rule.kind in DESTRUCTIVE:
        text = DESTRUCTIVE[rule.kind]
        return f"{text[0].upper()}{text[1:]}. Are you sure?"
    if rule.kind == WAIT_KIND and view.factions[action.faction].ap:  # None: another's, which no view shows
        ap = view.factions[action.faction].ap
        return f"Your {ap} remaining action point{'s' if ap != 1 else ''} will be lost this quarter. Are you sure?"
    return None


@frozen
class MenuEntry:
    """One kind of action in its fixed place in the menu."""

    number: int  # its place: the rule file's order, the same every quarter
    action_id: str
    name: str
    actions: tuple[Action, ...]  # the legal ones now (empty: unavailable)
    why_not: str  # why it is unavailable ("" when available)
    text: str
    cost: str


def menu(rules, view: View, legal: tuple[Action, ...]) -> list[MenuEntry]:
    """Every action of the rules in the rule file's order, with the legal ones under each."""
    by_name: dict[str, list[Action]] = {}
    for a in legal:
        by_name.setdefault(a.name, []).append(a)
    out = []
    for number, (aid, rule) in enumerate(rules.actions.items(), 1):
        actions = tuple(by_name.get(aid, ()))
        why = "" if actions else why_unavailable(rules, view, rule)
        out.append(MenuEntry(number, aid, rule.name, actions, why, " ".join(rule.text.split()), cost_text(rule)))
    return out


def why_unavailable(rules, view: View, rule) -> str:
    """Why an action is not among the legal ones now, in words (an explanation: the engine's
    legal actions alone decide)."""
    me = view.you
    if view.active != me or view.phase != "actions":
        return "not your move"
    fs = view.factions[me]
    if fs.status not in rule.allowed_status:
        return f"not while {fs.status.replace('_', ' ')}"
    cost = rule.cost
    for need, have, what in (
        (cost.ap, fs.ap, "action points"),
        (cost.influence, fs.influence, "influence"),
        (cost.prestige, fs.prestige, "prestige"),
    ):
        if need > have:
            return f"needs {need} {what} (you have {have})"
    if rule.requires is not None and rule.requires not in capabilities(rules, view, me):
        holders = [o.name for o in rules.offices.values() if rule.requires in o.grants]
        return "needs " + (" or ".join(holders) if holders else rule.requires)
    if rule.conditions:
        return "not offered now (its conditions do not hold)"
    if rule.kind == "publish":
        return f"at most {rule.params['per_quarter']} articles a quarter, each in another paper, or no paper of yours"
    if rule.kind == "pledge":
        return "nothing a pledge could shed: your signatures stay on file" if fs.exposure else "no exposure to shed"
    return "no one to do it with now, or done already this quarter"


def capabilities(rules, view: View, faction: str) -> set[str]:
    return held_capabilities(rules, view.offices, view.figures, faction)


def action_title(rules, action: Action) -> str:
    """An action in words: its rule's name and its arguments (an event's choice: the option)."""
    if action.name == CHOOSE:
        event = rules.events.get(action.args[0]) if action.args else None
        return "Choose: " + " ".join(action.args[-1:]).replace("_", " ") if event is None else event.name
    words = action_words(rules, action)
    return rules.actions[action.name].name + (": " + ", ".join(words) if words else "")


def scenario_order(rules) -> list[str]:
    """Scenario ids as a menu lists them: the campaign, then classroom, then counterfactuals."""

    def key(sid):
        sc = rules.scenarios[sid]
        kind = SCENARIO_KINDS.index(sc.kind) if sc.kind in SCENARIO_KINDS else len(SCENARIO_KINDS)
        return kind, sc.start, sid

    return sorted(rules.scenarios, key=key)
