"""The disciplinary ladder: what each rung does to a faction and its figures.

active → censured → removed from posts → expelled from the CC → expelled from the party →
internal exile → deported.  A faction that recants becomes ``capitulated``: back in the party
after a wait, without posts, diminished.
"""

from __future__ import annotations

from game.engine import chronicle, posts
from game.engine.state import UNALIGNED, State
from game.ruleset.records import OUT_OF_PARTY
from game.ruleset.rules import Rules


def set_status(state: State, rules: Rules, faction: str, status: str, say: bool = True) -> None:
    fs = state.factions[faction]
    fs.status = status
    state.marks["ladder_" + faction] = state.turn
    members = posts.faction_figures(state, faction)
    _lose_seats(state, rules, faction, status, members)
    if status in OUT_OF_PARTY:
        _leave_party(state, rules, faction, status, members)
    if status == "capitulated":
        fs.readmit_turn = state.turn + rules.settings.readmit_wait
        fs.exposure = 0
    if say:
        leader_deported = state.figures[rules.factions[faction].leader].status == "deported"
        chronicle.note(
            state, rules, "status", kind="discipline", faction=faction, status=status, leader_deported=leader_deported
        )


def _lose_seats(state: State, rules: Rules, faction: str, status: str, members) -> None:
    """What a rung takes: the members' posts, their Politburo seats, the faction's seats in the
    Central Committee and the Control Commission (which go to the unaligned)."""
    if status in posts.NO_POSTS:
        for fig in members:
            posts.strip_posts(state, rules, fig)
    if status in posts.NO_POLITBURO:
        for fig in members:
            posts.leave_politburo(state, fig)
    if status in posts.NO_CC:
        for seats in (state.cc, state.ccc):
            seats[UNALIGNED] = seats.get(UNALIGNED, 0) + seats.pop(faction, 0)


def _leave_party(state: State, rules: Rules, faction: str, status: str, members) -> None:
    """Out of the party: the members expelled or exiled, the faction's regions without a
    secretary, and on deportation the leader sent abroad."""
    new = {"expelled_party": "expelled", "exiled": "exiled", "deported": "exiled"}[status]
    for fig in members:
        if state.figures[fig].status in ("active", "expelled"):
            posts.set_figure_status(state, rules, fig, new)
    for reg in state.regions.values():
        if reg.secretary == faction:
            reg.secretary, reg.loyalty = None, 0
    if status == "deported":
        leader = rules.factions[faction].leader
        if state.figures[leader].status != "dead":
            posts.set_figure_status(state, rules, leader, "deported")


def readmit_due(state: State, rules: Rules) -> None:
    """Penitents whose wait is over return to the party (without posts)."""
    for fid, fs in sorted(state.factions.items()):
        if fs.status == "capitulated" and fs.readmit_turn == state.turn:
            back = []
            for fig in posts.faction_figures(state, fid):
                if state.figures[fig].status in ("expelled", "exiled"):
                    state.figures[fig].status = "active"
                    back.append(fig)
            if back:
                chronicle.note(state, rules, "readmitted", kind="discipline", figures=back)
