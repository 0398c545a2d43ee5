"""Words for the window: what an action does and costs, why one is out of reach, how a vote went,
when an agenda item is voted, the regions table and the trackers' labelled scales.

Everything here reads a player view and the rule files; nothing reads the hidden state, so what it
returns may be shown to the view's faction.
"""

from __future__ import annotations

from attrs import frozen

from game.engine import Action
from game.engine.actions import CHOOSE

SIDES = {"yes": "for", "no": "against", "abstain": "abstained"}


def figure_name(rules, fid: str | None) -> str:
    if fid is None:
        return "vacant"
    return rules.figures[fid].name if fid in rules.figures else fid


def faction_name(rules, fid: str | None) -> str:
    if fid is None:
        return "unaligned"
    return rules.factions[fid].name if fid in rules.factions else fid


def cost_text(rule) -> str:
    parts = [f"{rule.cost.ap} AP"]
    if rule.cost.influence:
        parts.append(f"{rule.cost.influence} influence")
    if rule.cost.prestige:
        parts.append(f"{rule.cost.prestige} prestige")
    return ", ".join(parts)


def action_label(rules, action: Action, view: dict) -> str:
    """One line naming the action and its target, without the cost."""
    if action.name == CHOOSE:
        eid = view["pending_choice"][0]
        opt = next(o for o in rules.events[eid].choice.options if o.id == action.args[0])
        return opt.name
    from game.engine.words import action_words

    words = action_words(rules, action)
    return rules.actions[action.name].name + (": " + ", ".join(words) if words else "")


def action_help(rules, action_id: str) -> str:
    """The rule file's description of an action kind, with its cost."""
    rule = rules.actions[action_id]
    text = " ".join(rule.text.split())
    return f"{rule.name} — costs {cost_text(rule)}" + (f". {text}" if text else "")


def unavailable_reason(rules, view: dict, action_id: str, legal: tuple[Action, ...]) -> str | None:
    """Why the viewing faction cannot take this kind of action now (None: it can)."""
    if any(a.name == action_id for a in legal):
        return None
    rule = rules.actions[action_id]
    me = view["factions"][view["you"]]
    if view["active"] != view["you"]:
        return "not your turn"
    if view["pending_choice"]:
        return "answer the event first"
    if me["status"] not in rule.allowed_status:
        return f"not while your faction is {me['status'].replace('_', ' ')}"
    if rule.cost.ap > me["ap"]:
        return f"needs {rule.cost.ap} AP (you have {me['ap']})"
    if rule.cost.influence > me["influence"]:
        return f"needs {rule.cost.influence} influence (you have {me['influence']})"
    if rule.cost.prestige > me["prestige"]:
        return f"needs {rule.cost.prestige} prestige (you have {me['prestige']})"
    if rule.requires:
        return f"needs control of the {rule.requires.replace('_', ' ')}, or it has no target now"
    return "no target for it now, or its conditions do not hold"


@frozen
class BallotRow:
    voter: str  # a figure, a faction's bloc of seats, or the unaligned members, by name
    faction: str | None  # the faction the voter belongs to (None: unaligned)
    side: str  # for | against | abstained
    weight: int
    reason: str
    #: the vote showed this figure to be another faction's secret contact
    revealed: bool = False


SECRET_REASON = "secretly won over by"


def _voter(rules, name: str, view: dict | None) -> str | None:
    """The faction a voter (named as the vote records it) belongs to."""
    for fid, f in rules.factions.items():
        if f.name == name:
            return fid
    for gid, g in rules.figures.items():
        if g.name == name:
            if view is not None and gid in view.get("figures", {}):
                return view["figures"][gid]["faction"]
            return g.faction
    return None


def vote_rows(rules, vote: dict, view: dict | None = None) -> list[BallotRow]:
    """Who voted how, with how many votes, and why (factions as ``view`` knows them)."""
    return [
        BallotRow(
            voter, _voter(rules, voter, view), SIDES.get(side, side), weight, reason, reason.startswith(SECRET_REASON)
        )
        for voter, side, weight, reason in vote["ballots"]
    ]


def vote_title(rules, vote: dict) -> str:
    yes = sum(b[2] for b in vote["ballots"] if b[1] == "yes")
    no = sum(b[2] for b in vote["ballots"] if b[1] == "no")
    body = rules.bodies[vote["body"]].name if vote["body"] in rules.bodies else vote["body"]
    return f"{body}: {vote['motion']} — {'carried' if vote['passed'] else 'defeated'} {yes}–{no}"


def agenda_rows(rules, view: dict) -> list[tuple[str, str]]:
    """(the motion and its mover, when it will be voted) for each item on the agenda."""
    from game.engine.motions import body_of, motion_label

    out = []
    for proposer, motion, args in view["agenda"]:
        body = rules.bodies[body_of(rules, motion, tuple(args))]
        label = f"{motion_label(rules, motion, tuple(args))} (moved by {faction_name(rules, proposer)})"
        if body.kind == "congress":
            when = "at the Congress this quarter" if view["congress_due"] else "at the next Congress"
        else:
            when = f"by the {body.name} at the close of this quarter"
        out.append((label, when))
    return out


@frozen
class Scale:
    name: str
    value: int
    low: int
    high: int
    left: str
    right: str


def scales(rules, view: dict) -> list[Scale]:
    """Each tracker with its range and the labels of its two ends."""
    out = []
    for tid, value in view["trackers"].items():
        t = rules.trackers[tid]
        out.append(Scale(t.name, value, t.low, t.high, t.left_label or str(t.low), t.right_label or str(t.high)))
    return out


@frozen
class RegionRow:
    id: str
    name: str
    secretary: str
    faction: str | None
    hold: int
    sympathy: dict
    delegates: int


def region_rows(rules, view: dict) -> list[RegionRow]:
    out = []
    for rid, reg in view["regions"].items():
        sec = reg["secretary"]
        owner = view["figures"][sec]["faction"] if sec in view["figures"] else None
        out.append(
            RegionRow(
                rid,
                rules.regions[rid].name,
                figure_name(rules, sec),
                owner,
                reg["loyalty"],
                dict(reg["sympathy"]),
                rules.regions[rid].delegates,
            )
        )
    return out


def citation_passage(rules_root, citation) -> str:
    """The cited lines of a seed document, read from ``seeds/`` (or the quote, if it cannot be read)."""
    from pathlib import Path

    head = []
    if citation.seed and citation.lines:
        path = Path(rules_root) / citation.seed
        try:
            text = path.read_text(encoding="utf-8").split("\n")
            first, _, last = str(citation.lines).partition("-")
            lo, hi = int(first), int(last or first)
            head = [f"{citation.seed}, lines {citation.lines}:", ""] + text[max(lo - 1, 0) : hi]
        except (OSError, ValueError, UnicodeDecodeError):
            head = [f"{citation.seed}, lines {citation.lines} (the document could not be read)"]
    elif citation.outside:
        head = [f"Outside the documents: {citation.outside}"]
    if citation.quote:
        head += ["", f"Quoted: “{' '.join(citation.quote.split())}”"]
    if citation.says:
        head += ["", " ".join(citation.says.split())]
    return "\n".join(head)


def quarter(start: str, turn: int) -> str:
    """The date of a turn, counted from a scenario's first quarter (``1923-Q3``, 2 → ``1924-Q1``)."""
    year, _, q = start.partition("-Q")
    index = int(q) - 1 + turn
    return f"{int(year) + index // 4}-Q{index % 4 + 1}"


def scenario_span(rules, scenario: str) -> str:
    sc = rules.scenarios[scenario]
    return f"{sc.start} – {quarter(sc.start, sc.turns - 1)}, {sc.turns} turns"


def scenario_factions(rules, scenario: str) -> tuple[str, ...]:
    return tuple(rules.scenarios[scenario].factions) or tuple(rules.factions)
