"""Words for the chronicle, the menus and the votes: names looked up by what an id stands for,
a motion's or an action's arguments in words, and verbs that agree with a faction's name.

Ids are shared between tables (the faction ``zinoviev`` and the figure ``zinoviev``), so a name is
always looked up in the table the argument belongs to, never by guessing.  A faction's name may be
plural ("Zinoviev and Kamenev"): templates say ``{name} {is} censured`` or ``{name} recant{s}``
and :func:`faction_says` fills in the forms that agree with it.
"""

from __future__ import annotations

from game.engine.votes import DISCIPLINE
from game.ruleset.vocabulary import ACTION_KINDS, COMPOSED, TARGETS

#: the rule table each argument of an action kind names (from the kinds' declaration)
ACTION_ARGS: dict[str, tuple[str | None, ...]] = {
    name: kind.args for name, kind in ACTION_KINDS.items() if kind.args and name != "propose"
}

#: the same for a motion's arguments, by motion kind
MOTION_ARGS: dict[str, tuple[str | None, ...]] = {
    **{kind: ("factions",) for kind in DISCIPLINE},
    "remove_office": ("offices",),
    "appoint_office": ("offices", "figures"),
    "adopt_line": ("trackers", None),
}


def _named(rules, tables: tuple[str | None, ...], args) -> list[str]:
    out = []
    for i, arg in enumerate(args):
        table = getattr(rules, tables[i]) if i < len(tables) and tables[i] else {}
        out.append(table[arg].name if arg in table else arg)
    return out


def motion_words(rules, motion_id: str, args) -> list[str]:
    """A motion's arguments in words: a discipline motion names the faction, an appointment the
    office and the figure, a policy line the side of the issue it takes."""
    kind = rules.motions[motion_id].kind
    if kind == "adopt_line" and len(args) == 2 and args[0] in rules.trackers:
        issue = rules.trackers[args[0]]
        label = issue.left_label if args[1] == "left" else issue.right_label if args[1] == "right" else None
        if label:
            return [label]
    return _named(rules, MOTION_ARGS.get(kind, ()), args)


def motion_label(rules, motion_id: str, args) -> str:
    """``Expel from the party: Zinoviev and Kamenev``: the motion's name and its arguments."""
    words = ", ".join(motion_words(rules, motion_id, args))
    return rules.motions[motion_id].name + (f": {words}" if words else "")


def action_words(rules, action) -> list[str]:
    """An action's arguments in words (a proposal: the motion and its arguments, as one)."""
    rule = rules.actions[action.name]
    if rule.kind == "propose" and action.args:
        return [motion_label(rules, action.args[0], action.args[1:])]
    return _named(rules, arg_tables(rule), action.args)


def arg_tables(rule) -> tuple[str | None, ...]:
    """The rule table each argument of an action entry names: its kind's, or a composed
    action's target's."""
    if rule.kind == COMPOSED:
        return (TARGETS[rule.target],) if rule.target in TARGETS else ()
    return ACTION_ARGS.get(rule.kind, ())


def target_words(rules, rule, target: str) -> str:
    """The name of a composed action's target."""
    return _named(rules, arg_tables(rule), (target,))[0]


def agreement(rules, faction: str) -> dict[str, str]:
    """The words that agree with a faction's name: ``name``, ``is``, ``has``, ``its`` and the
    verb ending ``s``."""
    rec = rules.factions[faction]
    if rec.plural:
        return {"name": rec.name, "is": "are", "has": "have", "its": "their", "s": ""}
    return {"name": rec.name, "is": "is", "has": "has", "its": "its", "s": "s"}


def faction_says(rules, faction: str, template: str, **more: str) -> str:
    """``template`` with the faction as its subject, e.g. ``"{name} take{s} {its} case to {region}"``."""
    return template.format(**agreement(rules, faction), **more)


def points_text(points: int) -> str:
    """``1 point``, ``3 points``, ``-1 point``.

    >>> points_text(1), points_text(0), points_text(-1)
    ('1 point', '0 points', '-1 point')
    """
    return f"{points} point" + ("" if abs(points) == 1 else "s")


def figure(rules, figure_id: str) -> str:
    return rules.figures[figure_id].name


def leader(rules, faction: str) -> str:
    """The name of the faction's leader, the person who speaks and acts for it."""
    return rules.figures[rules.factions[faction].leader].name
