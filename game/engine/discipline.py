"""The disciplinary ladder: what each rung does to a faction and its figures.

active → censured → removed from posts → expelled from the CC → expelled from the party →
internal exile → deported.  A faction that recants becomes ``capitulated``: back in the party
after a wait, without posts, diminished.
"""

from __future__ import annotations

from game.engine import posts, words
from game.engine.state import UNALIGNED, State

#: the chronicle's line for each rung; the faction is the subject (see ``words.faction_says``)
_TEXT = {
    "active": "{name} {is} restored to good standing",
    "censured": "{name} {is} censured",
    "removed": "{name} {is} removed from {its} posts",
    "expelled_cc": "{name} {is} expelled from the Central Committee",
    "expelled_party": "{name} {is} expelled from the party",
    "exiled": "{name} {is} sent into internal exile",
    "deported": "{leader} is deported from the Soviet Union",
    "capitulated": "{name} recant{s} and capitulate{s}",
}
#: deportation when the leader is dead: no one is put on the ship
_DEPORTED_WITHOUT_LEADER = "{name} {is} broken up, {its} people in exile"


def status_text(state: State, rules, faction: str, status: str) -> str:
    """The chronicle's line for a faction reaching ``status``."""
    template = _TEXT[status]
    if status == "deported" and state.figures[rules.factions[faction].leader].status != "deported":
        template = _DEPORTED_WITHOUT_LEADER
    return words.faction_says(rules, faction, template, leader=words.leader(rules, faction))


def set_status(state: State, rules, faction: str, status: str, say: bool = True) -> None:
    fs = state.factions[faction]
    fs.status = status
    state.marks["ladder_" + faction] = state.turn
    members = posts.faction_figures(state, faction)
    if status in posts.NO_POSTS:
        for fig in members:
            posts.strip_posts(state, rules, fig)
    if status in posts.NO_POLITBURO:
        for fig in members:
            posts.leave_politburo(state, fig)
    if status in posts.NO_CC:
        for seats in (state.cc, state.ccc):
            seats[UNALIGNED] = seats.get(UNALIGNED, 0) + seats.pop(faction, 0)
    if status in ("expelled_party", "exiled", "deported"):
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
    if status == "capitulated":
        fs.readmit_turn = state.turn + rules.settings.readmit_wait
        fs.exposure = 0
    if say:
        state.say(status_text(state, rules, faction, status), kind="discipline")


def readmit_due(state: State, rules) -> None:
    """Penitents whose wait is over return to the party (without posts)."""
    for fid, fs in sorted(state.factions.items()):
        if fs.status == "capitulated" and fs.readmit_turn == state.turn:
            back = []
            for fig in posts.faction_figures(state, fid):
                if state.figures[fig].status in ("expelled", "exiled"):
                    state.figures[fig].status = "active"
                    back.append(rules.figures[fig].name)
            if back:
                state.say(f"Readmitted to the party: {', '.join(back)}", kind="discipline")
