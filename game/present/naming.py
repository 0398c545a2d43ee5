"""How the screens name factions and figures: the full name, and the short one a table or a tally
has room for."""

from __future__ import annotations

from game.engine.state import UNALIGNED


def faction_name(rules, fid: str | None) -> str:
    if fid is None:
        return "nobody"
    rec = rules.factions.get(fid)
    return rec.name if rec is not None else fid.replace("_", " ")


def figure_name(rules, fid: str | None) -> str:
    if fid is None:
        return "vacant"
    rec = rules.figures.get(fid)
    return rec.name if rec is not None else fid


def short_faction(rules, fid: str | None) -> str:
    """A faction's leader's surname, for tight columns."""
    if fid is None or fid not in rules.factions:
        return "-"
    return rules.figures[rules.factions[fid].leader].name.split()[-1]


def voter_name(rules, body: str, who: str) -> str:
    """Who cast a ballot in a body's vote: a council's voters are its members (figures), an
    assembly's the factions' delegates and the unaligned members.

    >>> from game.ruleset.loader import load_base
    >>> rules = load_base()
    >>> voter_name(rules, "politburo", "zinoviev"), voter_name(rules, "central_committee", "zinoviev")
    ('Grigory Zinoviev', 'Zinoviev and Kamenev')
    """
    if who == UNALIGNED:
        return "unaligned members"
    if rules.bodies[body].kind == "council":
        return figure_name(rules, who)
    return faction_name(rules, who)
