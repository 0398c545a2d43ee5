"""How the screens name factions and figures: the full name, and the short one a table or a tally
has room for."""

from __future__ import annotations


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
