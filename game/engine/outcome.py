"""Who is winning: power scores, sole leadership, and the result at a scenario's end."""

from __future__ import annotations

from game.engine.state import State
from game.ruleset.records import OUT_OF_PARTY
from game.ruleset.rules import Rules

#: rungs at which a rival leader no longer stands in the way of sole leadership
BEATEN = OUT_OF_PARTY + ("capitulated",)


def power_scores(state: State, rules: Rules) -> dict[str, int]:
    """Each faction's power: offices, Politburo seats, CC share, prestige and Lenin's mantle."""
    v = next(iter(rules.victory.values()))
    cc_total = sum(state.cc.values()) or 1
    figures, offices = state.figures, rules.offices
    held = dict.fromkeys(state.factions, 0)  # office power, then Politburo seats: one pass over each
    for o, h in state.offices.items():
        if h:
            fid = figures[h].faction
            if fid in held:
                held[fid] += offices[o].power * v.office_weight
    for f in state.politburo:
        fid = figures[f].faction
        if fid in held:
            held[fid] += v.politburo_seat
    out = {}
    for fid, fs in sorted(state.factions.items()):
        score = held[fid] + v.cc_share * state.cc.get(fid, 0) // cc_total
        out[fid] = score + v.prestige * fs.prestige + v.mantle * fs.mantle
    return out


def sole_leader(state: State, rules: Rules) -> str | None:
    """The faction that holds the party alone, if any.

    It holds the General Secretary's post or a Politburo majority, commands a majority of the
    Central Committee, and every rival is expelled, exiled, deported or has capitulated.
    """
    # every rival beaten: only one faction may stand, and it must be in good standing (asked
    # after every action in search, so this comes first: it settles nearly every call)
    fid = None
    for other, fs in state.factions.items():
        if fs.status not in BEATEN:
            if fid is not None:
                return None  # two still stand
            fid = other
    if fid is None or state.factions[fid].status != "active":
        return None
    seats = sum(1 for f in state.politburo if state.figures[f].faction == fid)
    top = state.holder_faction(rules.settings.roles.general_secretary) == fid or seats * 2 > len(state.politburo)
    cc_total = sum(state.cc.values()) or 1
    return fid if top and state.cc.get(fid, 0) * 2 > cc_total else None


def final_outcome(state: State, rules: Rules) -> tuple[str, str | None]:
    """At the end: the strongest faction if clearly ahead, else a collective leadership."""
    v = next(iter(rules.victory.values()))
    scores = power_scores(state, rules)
    ranked = sorted(scores, key=lambda f: (-scores[f], f))
    best = ranked[0]
    runner = scores[ranked[1]] if len(ranked) > 1 else 0
    if scores[best] * 100 >= runner * (100 + v.margin) and scores[best] > runner:
        return "power_score", best
    return "collective_leadership", None
