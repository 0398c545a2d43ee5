"""The turn: events → income → actions → votes and congresses → end of turn.

``advance`` runs every phase that needs no decision and stops when a faction must act (an
action, or a choice in an event) or when the game is over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from game.engine import chronicle, congress, discipline, motions, moves, objectives, posts
from game.engine.effects import bump, holds, run_effects
from game.engine.outcome import final_outcome, power_scores, sole_leader
from game.engine.schedule import dated_events
from game.engine.state import State
from game.ruleset.rules import Rules

#: instrumentation, None in play: ``observer(state, rules, event_id, option_id)`` is called just
#: before a firing event's effects run (``option_id`` is the chosen option, None for an event
#: without a choice).  It must not change the state.  Set it with :func:`observing_events`.
_event_observer: Callable | None = None


@contextmanager
def observing_events(observer: Callable) -> Iterator[None]:
    """Within the ``with`` block, report every event that fires to ``observer`` (see
    ``_event_observer``).  Play is unchanged: the observer only reads the state."""
    global _event_observer
    previous, _event_observer = _event_observer, observer
    try:
        yield
    finally:
        _event_observer = previous


def events_due(state: State, rules: Rules, scenario) -> list[str]:
    """The scenario's dated events due this quarter and not yet fired, by date then id: those of
    this quarter, and the counterfactual ones (``trigger``) whose date has come."""
    now = state.date()
    fired = state.fired
    if rules.scenarios.get(scenario.id) is not scenario:
        return [
            eid
            for eid, when, trigger in dated_events(rules, scenario)
            if eid not in fired and (when == now or (trigger and when <= now))
        ]
    # the ruleset's own scenario: its events indexed by quarter, worked out once per ruleset
    table = rules.tables.events_by_quarter
    if not table:
        table.update(_events_by_quarter(rules))
    by_quarter, triggers = table[scenario.id]
    out = [eid for eid, when in triggers if when < now and eid not in fired]  # earlier quarters come first
    for eid in by_quarter.get(now, ()):
        if eid not in fired:
            out.append(eid)
    return out


def _events_by_quarter(rules: Rules) -> dict[str, tuple[dict, tuple]]:
    """Scenario → (quarter → its dated events, by date then id; the counterfactual events as
    (id, quarter), in the same order): :func:`events_due` without reading every dated event each
    quarter."""
    out = {}
    for sid, scenario in rules.scenarios.items():
        by_quarter: dict[tuple[int, int], list[str]] = {}
        triggers = []
        for eid, when, trigger in dated_events(rules, scenario):
            by_quarter.setdefault(when, []).append(eid)
            if trigger:
                triggers.append((eid, when))
        out[sid] = ({q: tuple(ids) for q, ids in by_quarter.items()}, tuple(triggers))
    return out


def start_turn(state: State, rules: Rules) -> None:
    scenario = rules.scenarios[state.scenario]
    state.acted.clear()
    state.event_queue = events_due(state, rules, scenario)
    state.phase = "events"


def advance(state: State, rules: Rules, on_turn_end=None) -> None:
    """Run automatic phases until a faction must decide or the game ends.

    ``on_turn_end(state)``, if given, is called at the close of each turn (after the votes and any
    Congress, before the next quarter's events) — replays check their checkpoints there.  It must
    not change the state."""
    while state.outcome is None:
        if state.phase == "events":
            if not _run_events(state, rules):
                return  # a choice is pending
            _income(state, rules)
            _begin_actions(state, rules)
        if state.phase == "actions":
            if _next_actor(state):
                return
            state.phase = "votes"
        if state.phase == "votes":
            reveal(state, rules)
            _votes(state, rules)
            if on_turn_end is not None:
                on_turn_end(state)
            _end_turn(state, rules)
            if state.outcome is None:
                start_turn(state, rules)


def _run_events(state: State, rules: Rules) -> bool:
    while state.event_queue:
        eid = state.event_queue[0]
        ev = rules.events[eid]
        if not holds(state, ev.conditions, rules):
            state.event_queue.pop(0)
            if not ev.trigger:
                state.fired.add(eid)  # a dated event whose moment passed does not come back
            continue
        if ev.chance < 100 and state.roll(100) >= ev.chance:
            state.event_queue.pop(0)
            state.fired.add(eid)
            continue
        if ev.choice is not None and state.pending_choice is None:
            chooser = ev.choice.faction
            if chooser in state.factions and state.factions[chooser].status != "deported":
                state.pending_choice = (eid, chooser)
                chronicle.note(state, rules, "event", event=eid)
                state.phase = "choice"
                state.active = chooser
                return False
            chronicle.note(state, rules, "event", event=eid)
            option = ev.choice.options[0]  # the historical path
            if _event_observer is not None:
                _event_observer(state, rules, eid, option.id)
            run_effects(state, rules, option.effects)
        elif ev.choice is None:
            chronicle.note(state, rules, "event", event=eid)
            if _event_observer is not None:
                _event_observer(state, rules, eid, None)
        run_effects(state, rules, ev.effects)
        state.event_queue.pop(0)
        state.fired.add(eid)
    return True


def resolve_choice(state: State, rules: Rules, option_id: str) -> None:
    eid, chooser = state.pending_choice
    ev = rules.events[eid]
    option = next(o for o in ev.choice.options if o.id == option_id)
    chronicle.note(state, rules, "choice", faction=chooser, event=eid, option=option_id)
    for other in motions.option_favours(rules, chooser, option.effects):
        motions.mark_favour(state, chooser, other)
    if _event_observer is not None:
        _event_observer(state, rules, eid, option_id)
    run_effects(state, rules, option.effects)
    run_effects(state, rules, ev.effects)
    state.event_queue.pop(0)
    state.fired.add(eid)
    state.pending_choice = None
    state.phase = "events"
    state.active = None


def incomes(state: State, rules: Rules) -> dict[str, int]:
    """The influence each faction draws at a quarter's opening: the base, its offices, its regions
    and its secretaries of the CC, within the ceiling and its status's limit — all public facts."""
    s = rules.settings
    figures, offices = state.figures, rules.offices
    # one pass over the offices, the regions and the secretaries for every faction at once
    office_income: dict[str | None, int] = {}
    for office, holder in state.offices.items():
        if holder:
            fid = figures[holder].faction
            office_income[fid] = office_income.get(fid, 0) + offices[office].income
    regions: dict[str | None, int] = {}
    for r in state.regions.values():
        regions[r.secretary] = regions.get(r.secretary, 0) + 1
    secretaries: dict[str | None, int] = {}
    head = state.offices.get(posts.head_office(rules))
    for f in state.secretariat:
        if f == head:
            continue  # the General Secretary's income is his office's
        fid = figures[f].faction
        secretaries[fid] = secretaries.get(fid, 0) + 1
    out = {}
    for fid, fs in state.factions.items():
        gain = s.base_income + office_income.get(fid, 0)
        gain += regions.get(fid, 0) // s.regions_per_influence
        gain += secretaries.get(fid, 0) * s.secretary_income
        out[fid] = min(gain, s.max_income, s.income_by_status.get(fs.status, gain))
    return out


def full_ap(fs, rules: Rules) -> int:
    """The action points a faction starts a quarter with at its status."""
    return min(fs.base_ap, rules.settings.ap_by_status.get(fs.status, fs.base_ap))


def _income(state: State, rules: Rules) -> None:
    discipline.readmit_due(state, rules)
    s = rules.settings
    gains = incomes(state, rules)
    for fid, fs in state.factions.items():
        bump(state, rules, fid, "influence", gains[fid])
        if fs.prestige > s.prestige_fade_above:
            bump(state, rules, fid, "prestige", -s.prestige_fade)
        if fs.mantle > s.mantle_fade_above:
            bump(state, rules, fid, "mantle", -s.mantle_fade)
        quiet = state.marks.get("loud_" + fid, -99) < state.turn - 1  # no oppositional act last quarter
        fade = s.exposure_fade + (s.quiet_fade if quiet and state.turn else 0)
        bump(state, rules, fid, "exposure", -fade)
        fs.ap = full_ap(fs, rules)
        fs.done = False


def _begin_actions(state: State, rules: Rules) -> None:
    # initiative: highest prestige first, then the rule files' order
    rank = {f: i for i, f in enumerate(rules.factions)}
    state.order = sorted(state.factions, key=lambda f: (-state.factions[f].prestige, rank[f]))
    state.active = None
    state.phase = "actions"


def _next_actor(state: State) -> bool:
    """Set ``state.active`` to the next faction still to act (round-robin); False when none."""
    order, factions = state.order, state.factions
    count = len(order)
    start = order.index(state.active) + 1 if state.active in order else 0
    for i in range(start, start + count):
        fid = order[i % count]
        if not factions[fid].done:
            state.active = fid
            return True
    state.active = None
    return False


def after_action(state: State, rules: Rules, faction: str) -> None:
    """Bookkeeping after a faction acted: out of action points means done for the turn."""
    fs = state.factions[faction]
    if fs.ap <= 0:
        fs.done = True
    if state.outcome is None and sole_leader(state, rules):
        _declare(state, rules)


def reveal(state: State, rules: Rules) -> None:
    """The quarter's close makes its secret moves public by their effects, all at once, so that no
    one move can be told by what changed after it: a mod's secret composed actions take effect
    (by action, then faction), the machines strengthened this quarter tighten
    their hold (by region, then faction; one a rival has taken over since is not his), and the rumours of courting are told (by figure, each
    once), after every faction's moves."""
    pending, state.pending = state.pending, []
    for _what, faction, action_id, target in sorted(p for p in pending if p[0] == "composed"):
        moves.run_composed(state, rules, faction, action_id, target or None)
    for _what, faction, region, loyalty in sorted(p for p in pending if p[0] == "entrench"):
        reg = state.regions[region]
        if reg.secretary == faction:  # a machine a rival took over since is not the one paid for
            reg.loyalty = min(100, max(0, reg.loyalty + loyalty))
    for figure in sorted({p[1] for p in pending if p[0] == "rumour"}):
        chronicle.note(state, rules, "rumour", figure=figure)


def _votes(state: State, rules: Rules) -> None:
    agenda, state.agenda = state.agenda, []
    later = []
    for prop in agenda:
        if (
            rules.bodies[motions.body_of(rules, prop.motion, prop.args)].kind == "congress"
            and state.congress_due is None
        ):
            later.append(prop)  # waits for the next Congress
            continue
        motions.resolve(state, rules, prop)
    # motions added while voting (e.g. after the Testament) are voted at once
    while state.agenda:
        motions.resolve(state, rules, state.agenda.pop(0))
    if state.congress_due is not None:
        for prop in later:
            motions.resolve(state, rules, prop)
        later = []
        for event, data in congress.run_congress(state, rules, state.congress_due):
            chronicle.note(state, rules, event, kind="congress", **data)
    state.agenda = later
    _fill_vacancies(state, rules)


def _fill_vacancies(state: State, rules: Rules) -> None:
    unopened = posts.unopened(state, rules)
    for office, holder in sorted(state.offices.items()):
        if holder is not None or office in unopened:
            continue
        faction = _majority(state, rules, rules.offices[office].appointed_by, posts.lost_this_quarter(state, office))
        dismissed = next(
            (
                k.rsplit(":", 1)[1]
                for k, t in state.marks.items()
                if t == state.turn and k.startswith(f"dismissed:{office}:")
            ),
            None,
        )
        pick = posts.best_candidate(state, rules, faction, office, dismissed) or posts.best_candidate(
            state, rules, None, office, dismissed
        )
        if pick:
            posts.appoint(state, rules, office, pick)
            chronicle.note(state, rules, "office_filled", kind="office", figure=pick, office=office)


def _majority(state: State, rules: Rules, body_id: str, exclude=()):
    """The faction with most votes in a body (its own seats, blocs not counted), of those not
    in ``exclude`` (the factions that lost the office being filled this quarter)."""
    body = rules.bodies[body_id]
    counts: dict = {}
    if body.kind == "council":
        for f in state.politburo:
            fac = state.figures[f].faction
            if fac in state.factions and state.factions[fac].status not in posts.NO_POSTS:
                counts[fac] = counts.get(fac, 0) + 1
    else:
        counts = {
            f: n for f, n in state.cc.items() if f in state.factions and state.factions[f].status not in posts.NO_POSTS
        }
    counts = {f: n for f, n in counts.items() if f not in exclude}
    return max(sorted(counts), key=lambda f: counts[f]) if counts else None


def _end_turn(state: State, rules: Rules) -> None:
    growth, cap = rules.settings.secretary_loyalty_growth, rules.settings.tenure_hold_cap
    for reg in state.regions.values():
        if reg.secretary is not None and reg.loyalty < cap:
            reg.loyalty = min(cap, reg.loyalty + growth)
    state.offers = [o for o in state.offers if state.turn - o[2] < rules.settings.offer_life]
    state.scores.append(power_scores(state, rules))
    objectives.track(state, rules)
    if sole_leader(state, rules):
        _declare(state, rules)
        return
    if state.turn + 1 >= state.turns:
        kind, winner = final_outcome(state, rules)
        state.outcome = (kind, winner)
        state.phase = "over"
        state.active = None
        chronicle.note(state, rules, "scenario_ends", kind="outcome", outcome=kind, winner=winner)
        _judge(state, rules)
        return
    state.turn += 1


def _declare(state: State, rules: Rules) -> None:
    winner = sole_leader(state, rules)
    state.outcome = ("sole_leadership", winner)
    state.phase = "over"
    state.active = None
    chronicle.note(state, rules, "sole_leadership", kind="outcome", faction=winner)
    _judge(state, rules)


def _judge(state: State, rules: Rules) -> None:
    """The game is over: every faction's result against history, in the chronicle."""
    objectives.track(state, rules)
    state.results = objectives.final_results(state, rules)
    for fid, (points, result) in state.results.items():
        chronicle.note(state, rules, "result", kind="outcome", faction=fid, result=result, points=points)
