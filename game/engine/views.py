"""The one door secrets leave by: what a faction may see of the game.

A view is plain JSON-ready data.  Private to each faction: its cultivation of figures, the bloc
offers it made or received, and its private log.  The generator state never leaves the engine.
"""

from __future__ import annotations

from game.engine.congress import delegate_shares
from game.engine.objectives import standing
from game.engine.state import State


def player_view(state: State, rules, faction: str | None) -> dict:
    """What ``faction`` sees (``None``: the public view, e.g. for a shared screen)."""
    mine = state.cultivation.get(faction, {}) if faction else {}
    figures = {}
    for fid, fig in state.figures.items():
        aff = dict(fig.affinity)
        if fid in mine:
            aff[faction] = aff.get(faction, 0) + mine[fid]
        figures[fid] = {"faction": fig.faction, "status": fig.status, "affinity": aff}
    regions = {}
    for rid, reg in state.regions.items():
        regions[rid] = {
            "secretary": reg.secretary,
            "loyalty": reg.loyalty,
            "sympathy": dict(reg.sympathy),
        }
    return {
        "you": faction,
        "scenario": state.scenario,
        "turn": state.turn,
        "turns": state.turns,
        "date": state.date_text(),
        "phase": state.phase,
        "active": state.active,
        "factions": {
            fid: {"status": fs.status, "prestige": fs.prestige, "influence": fs.influence,
                  "exposure": fs.exposure, "mantle": fs.mantle, "ap": fs.ap, "done": fs.done}
            for fid, fs in state.factions.items()
        },
        "figures": figures,
        "offices": dict(state.offices),
        "politburo": list(state.politburo),
        "secretariat": list(state.secretariat),
        "seats": {b: state.seat_count(rules, b) for b in rules.bodies},
        "central_committee": dict(state.cc),
        "control_commission": dict(state.ccc),
        "regions": regions,
        "trackers": dict(state.trackers),
        "stances": {f: dict(v) for f, v in state.stances.items()},
        "blocs": [list(p) for p in state.blocs],
        "offers": [list(o[:2]) for o in state.offers if faction in o[:2]],
        "agenda": [[p.proposer, p.motion, list(p.args)] for p in state.agenda],
        "congress_due": state.congress_due,
        "cultivation": dict(mine),
        "pending_choice": list(state.pending_choice) if state.pending_choice and state.pending_choice[1] == faction else None,
        "log": [
            [e.turn, e.text, e.kind] for e in state.log
            if e.visible_to is None or (faction is not None and faction in e.visible_to)
        ],
        "votes": list(state.votes),
        "forecast": forecast(state, rules),
        "outcome": list(state.outcome) if state.outcome else None,
        "objectives": _objectives(state, rules, faction),
        "results": {f: list(r) for f, r in state.results.items()},
        "record": public_record(state, faction),
    }


#: action kinds whose once-a-turn marks only the actor may see (they are taken in secret)
_SECRET_KINDS = ("cultivate", "entrench")


def public_record(state: State, faction: str | None) -> dict:
    """The game's public bookkeeping a player could note down from the table: the initiative
    order, the flags and events history has set, the marks that time actions, what each faction
    has done this turn (its secret moves aside), the goals met or broken so far, and the numbers
    the screens do not show.  Enough, with the rest of the view, to rebuild a consistent state
    (:func:`game.engine.sample.sample_state`)."""
    return {
        "order": list(state.order),
        "last_congress_turn": state.last_congress_turn,
        "flags": sorted(state.flags),
        "fired": sorted(state.fired),
        "event_queue": list(state.event_queue),
        "pending_choice": list(state.pending_choice) if state.pending_choice else None,
        "marks": dict(state.marks),
        "acted": sorted(list(a) for a in state.acted if a[0] == faction or a[1] not in _SECRET_KINDS),
        "achieved": sorted(state.achieved),
        "failed": sorted(state.failed),
        "congress_shares": dict(state.congress_shares),
        "scores": [dict(s) for s in state.scores],
        "seats": dict(state.seats),
        "factions": {f: {"signatures": fs.signatures, "base_ap": fs.base_ap, "readmit_turn": fs.readmit_turn}
                     for f, fs in state.factions.items()},
        "appointed": {r: reg.appointed_turn for r, reg in state.regions.items()},
        "my_offers": [list(o) for o in state.offers if faction in o[:2]],
    }


def _objectives(state: State, rules, faction: str | None) -> dict | None:
    """The faction's goals, how it stands on each, and the result if the game ended now."""
    st = standing(state, rules, faction) if faction else None
    if st is None:
        return None
    return {
        "points": st.points, "result": st.result, "history": st.history,
        "goals": [
            {"id": g.goal, "name": g.name, "points": g.points, "when": g.when, "by": g.by, "status": g.status}
            for g in st.goals
        ],
    }


def forecast(state: State, rules) -> dict[str, int]:
    """'If the Congress met now': delegates per faction, from public facts only (secretaries,
    their hold, the rank and file's sympathy)."""
    return delegate_shares(state, rules)
