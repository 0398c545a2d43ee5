"""Offices, seats and figures: the changes that must keep each other consistent.

Every change of an office holder, a Politburo seat or a figure's standing goes through here, so
that the invariants hold everywhere: every office holder exists, is alive and in the party; a
region led by a chief office follows its holder.
"""

from __future__ import annotations

from game.engine.state import State
from game.ruleset import records
from game.ruleset.rules import Rules

#: statuses (faction ladder) from which a faction's figures may no longer hold posts
NO_POSTS = records.NO_POSTS
#: removal from posts costs the Politburo seat too (Trotsky, October 1926)
NO_POLITBURO = NO_POSTS
#: statuses whose seats in the CC and the Control Commission are lost
NO_CC = records.NO_CC
#: traits preferred for an office, by what the office grants
TRAIT_FOR = {
    "police": "policeman",
    "army": "soldier",
    "press": "journalist",
    "government": "economist",
    "secretariat": "organiser",
    "unions": "organiser",
    "party_city": "organiser",
    "comintern": "theorist",
    "discipline": "organiser",
}


#: the office whose holder heads the Secretariat
def head_office(rules: Rules) -> str:
    """The office whose holder heads the Secretariat (the General Secretary's, by its role)."""
    return rules.settings.roles.general_secretary


def can_hold_office(state: State, figure: str) -> bool:
    fig = state.figures[figure]
    if fig.status != "active":
        return False
    return (
        fig.faction is None
        or state.factions.get(fig.faction) is None
        or (state.factions[fig.faction].status not in NO_POSTS)
    )


def eligible(rules: Rules, office: str, figure: str) -> bool:
    """Has the figure a trait the office asks for (the rule file's ``traits``; none: anyone)?"""
    fit = rules.tables.eligible[office]
    return fit is None or figure in fit


def unopened(state: State, rules: Rules) -> tuple[str, ...]:
    """The offices the scenario keeps empty this quarter (its ``vacant_until``: not created yet,
    as the Control Commission's chairmanship before April 1923): no vacancy is filled and no motion
    names a holder for them until their quarter comes.  An event may appoint to them."""
    scenario = rules.scenarios.get(state.scenario)
    if scenario is None or not scenario.vacant_until:
        return ()
    now = state.date()
    return tuple(o for o, q in sorted(scenario.vacant_until.items()) if now < (int(q[:4]), int(q[-1])))


def contested(state: State, office: str) -> bool:
    """May a motion touch the office?  Not while a stricken holder keeps it (Lenin, 1923)."""
    holder = state.offices.get(office)
    return holder is None or state.figures[holder].status != "incapacitated"


def can_sit(state: State, figure: str) -> bool:
    """May the figure take a Politburo seat?"""
    fig = state.figures[figure]
    if not fig.in_party:
        return False
    fs = state.factions.get(fig.faction) if fig.faction else None
    return fs is None or fs.status not in NO_POLITBURO


def appoint(state: State, rules: Rules, office: str, figure: str) -> None:
    old = state.offices.get(office)
    if old == figure:
        return
    if old is not None and state.figures[old].faction != state.figures[figure].faction:
        _taken(state, office, old)  # replaced by another faction's man: as taken as a vacated post
    state.offices[office] = figure
    _chief_changed(state, rules, office)
    if office == head_office(rules):
        head_first(state, figure)


def head_first(state: State, head: str) -> None:
    """The head of the Secretariat sits first in it (a secretary already, he moves to the front).
    The order is an invariant: the Secretariat's income pays every secretary but the first."""
    if head in state.secretariat:
        state.secretariat.remove(head)
    state.secretariat.insert(0, head)


def vacate(state: State, rules: Rules, office: str) -> str | None:
    holder = state.offices.get(office)
    state.offices[office] = None
    if holder is not None:
        _taken(state, office, holder)
    _chief_changed(state, rules, office)
    return holder


def _taken(state: State, office: str, holder: str) -> None:
    """The office is taken from ``holder``'s faction (a death takes nothing from it): no vacancy
    or motion this quarter hands it back (:func:`lost_this_quarter`)."""
    fig = state.figures[holder]
    if fig.status != "dead" and fig.faction:
        state.marks[f"lost:{office}:{fig.faction}"] = state.turn


def lost_this_quarter(state: State, office: str) -> set[str]:
    """The factions the office was taken from this quarter (see :func:`vacate`): no body hands
    it back to them before the quarter is out."""
    prefix = f"lost:{office}:"
    return {k[len(prefix) :] for k, t in state.marks.items() if t == state.turn and k.startswith(prefix)}


def change_sides(state: State, rules: Rules, figure: str, faction: str | None) -> None:
    """A figure goes over to another faction (or to none), and a region led by an office he
    holds follows him (Uglanov and the Moscow organisation, 1928)."""
    state.figures[figure].faction = faction
    for office, holder in sorted(state.offices.items()):
        if holder == figure:
            _chief_changed(state, rules, office)


def _chief_changed(state: State, rules: Rules, office: str) -> None:
    """A region whose chief office changed hands now follows the new chief's faction."""
    faction = state.holder_faction(office)
    for rid, region in rules.regions.items():
        if region.chief_office == office and rid in state.regions:
            reg = state.regions[rid]
            if faction != reg.secretary:
                reg.secretary, reg.loyalty, reg.appointed_turn = (
                    faction,
                    rules.settings.chief_loyalty if faction else 0,
                    state.turn,
                )


def strip_posts(state: State, rules: Rules, figure: str) -> list[str]:
    """Remove a figure from every office; returns the offices vacated."""
    lost = [o for o, h in sorted(state.offices.items()) if h == figure]
    for office in lost:
        vacate(state, rules, office)
    if figure in state.secretariat:
        state.secretariat.remove(figure)
    return lost


def leave_politburo(state: State, figure: str) -> bool:
    if figure in state.politburo:
        state.politburo.remove(figure)
        return True
    return False


def set_figure_status(state: State, rules: Rules, figure: str, status: str) -> None:
    fig = state.figures[figure]
    fig.status = status
    if status not in ("active", "incapacitated"):  # a stricken man keeps his titles (Lenin, 1923)
        strip_posts(state, rules, figure)
    elif status == "incapacitated" and figure in state.secretariat:
        state.secretariat.remove(figure)
    if status not in ("active", "incapacitated"):
        leave_politburo(state, figure)


def faction_figures(state: State, faction: str) -> list[str]:
    return [f for f, fig in state.figures.items() if fig.faction == faction]


def best_candidate(
    state: State, rules: Rules, faction: str | None, office: str | None = None, exclude: str | None = None
) -> str | None:
    """The faction's best eligible figure for an office (never ``exclude``): the right trait
    first, then those with no office, the leader last, then rule-file order."""
    leader = rules.factions[faction].leader if faction in rules.factions else None
    wanted = {TRAIT_FOR.get(g) for g in rules.offices[office].grants} if office else set()
    busy = set(state.offices.values())
    pool = [f for f in rules.figures if state.figures[f].faction == faction and f != exclude]
    pool.sort(key=lambda f: (not wanted & set(rules.figures[f].traits), f in busy, f == leader))
    for fig in pool:
        if can_hold_office(state, fig) and (office is None or eligible(rules, office, fig)):
            return fig
    return None
