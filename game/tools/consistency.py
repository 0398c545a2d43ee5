"""The events check: no event may announce what cannot happen or has already happened.

Every effect verb has a checker here: a pure function of the state just before the effect runs
(and of the event that carries it) that says why the effect could not apply, or contradicts the
state — an ``appoint`` of a man who already holds the office, a ``vacate`` of an empty office, a
``politburo_add`` with no free seat, a ``status`` that moves a faction back up the ladder, a
``break_bloc`` of no bloc, a ``motion`` that will lapse, a second Congress in consecutive
quarters — or None when it is sound.

:func:`event_problems` walks an event's effects (every option of its choice, each followed by
the event's own effects) on a copy of the state, checking each effect before applying it, so the
second effect is judged after the first.  :func:`run` plays bot games over every scenario,
watching the events that fire (:func:`game.engine.phases.observing_events`), and collects what
the checkers find; ``python -m game events-check`` prints it.  The count must be zero.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from attrs import define, field, frozen

from game.engine import motions, phases, posts
from game.engine.discipline import set_status
from game.engine.effects import EFFECTS
from game.engine.state import State
from game.engine.votes import DISCIPLINE
from game.match import headless
from game.ruleset.records import LADDER, OUT_OF_PARTY

#: effect verb → checker(state, rules, arg, event) → why the effect is unsound, or None
CHECKS: dict[str, Callable] = {}

#: figure standings in the order they only move down (a readmission is a deliberate exception)
FIGURE_ORDER = {"active": 0, "incapacitated": 0, "expelled": 1, "exiled": 2, "deported": 3}
#: faction statuses whose motions are not voted (see ``motions._still_valid``)
NO_MOTIONS = OUT_OF_PARTY


def check(verb: str):
    def register(fn):
        CHECKS[verb] = fn
        return fn

    return register


@frozen
class Problem:
    scenario: str
    seed: int
    date: str
    event: str
    #: the choice's option whose effects were walked (None: an event without a choice)
    option: str | None
    verb: str
    why: str

    def text(self) -> str:
        where = f" (option {self.option})" if self.option else ""
        return f"{self.scenario} seed {self.seed} {self.date} {self.event}: {self.verb} — {self.why}{where}"


@define
class Report:
    """What :func:`run` found: per scenario the games played and the events that fired, and
    every problem in the order met."""

    games: dict[str, int] = field(factory=dict)
    fired: dict[str, int] = field(factory=dict)
    problems: list[Problem] = field(factory=list)

    def count(self, scenario: str) -> int:
        """Problems found in one scenario's games."""
        return sum(1 for p in self.problems if p.scenario == scenario)


# --- walking an event --------------------------------------------------------------------------


def effect_problem(state: State, rules, effect: dict, event=None) -> str | None:
    """Why one effect (``{verb: arg}``) would not apply to ``state`` as its event says, or None."""
    ((verb, arg),) = effect.items()
    return CHECKS[verb](state, rules, arg, event)


def event_problems(state: State, rules, event_id: str) -> list[tuple[str | None, str, str]]:
    """(option, verb, why) for every unsound effect of the event fired in ``state`` — each option
    of its choice in turn, then the event's own effects.  ``state`` is not changed."""
    ev = rules.events[event_id]
    paths = (
        [(o.id, tuple(o.effects) + tuple(ev.effects)) for o in ev.choice.options] if ev.choice else [(None, ev.effects)]
    )
    out = []
    for option, effects in paths:
        scratch = state.clone()
        for item in effects:
            why = effect_problem(scratch, rules, item, ev)
            ((verb, arg),) = item.items()
            if why:
                out.append((option, verb, why))
            EFFECTS[verb](scratch, rules, arg)
    return out


# --- playing -----------------------------------------------------------------------------------


def check_game(rules, scenario: str, seed: int) -> tuple[int, list[Problem]]:
    """Play one bot game; (events fired, problems found)."""
    found: list[Problem] = []
    fired = 0

    def observe(state, rules_, event_id, _option):
        nonlocal fired
        fired += 1
        for option, verb, why in event_problems(state, rules_, event_id):
            found.append(Problem(scenario, seed, state.date_text(), event_id, option, verb, why))

    with phases.observing_events(observe):
        headless.play(rules, scenario, seed)
    return fired, found


def run(rules, games: int, scenarios: Iterable[str] | None = None, on_scenario: Callable | None = None) -> Report:
    """Bots on every seat, seeds 1..games, over each scenario (all of them by default).
    ``on_scenario(report, scenario)`` is called as each scenario is done."""
    report = Report()
    for sid in scenarios or rules.scenarios:
        report.games[sid] = report.fired[sid] = 0
        for seed in range(1, games + 1):
            fired, found = check_game(rules, sid, seed)
            report.games[sid] += 1
            report.fired[sid] += fired
            report.problems.extend(found)
        if on_scenario is not None:
            on_scenario(report, sid)
    return report


# --- the checkers, one per verb ------------------------------------------------------------------


def _name(rules, kind: str, key: str | None) -> str:
    table = getattr(rules, kind)
    return table[key].name if key in table else str(key)


def _in_play(state: State, rules, faction: str | None) -> str | None:
    if faction is not None and faction not in state.factions:
        return f"{_name(rules, 'factions', faction)} is not in play"
    return None


def _resource(state, rules, arg, event):
    return _in_play(state, rules, arg["faction"])


for _verb in ("prestige", "influence", "exposure", "mantle"):
    check(_verb)(_resource)


@check("tracker")
def _tracker(state, rules, arg, event):
    return None if arg["id"] in state.trackers else f"no tracker {arg['id']}"


@check("sympathy")
def _sympathy(state, rules, arg, event):
    region = arg.get("region")
    if region is not None and region not in state.regions:
        return f"no region {region}"
    return _in_play(state, rules, arg["faction"])


@check("loyalty")
def _loyalty(state, rules, arg, event):
    reg = state.regions.get(arg["region"])
    if reg is None:
        return f"no region {arg['region']}"
    if reg.secretary is None:
        return f"no faction's secretary holds {_name(rules, 'regions', arg['region'])}"
    return None


def _dead(state, rules, figure) -> str | None:
    if state.figures[figure].status == "dead":
        return f"{_name(rules, 'figures', figure)} is dead"
    return None


@check("affinity")
def _affinity(state, rules, arg, event):
    return _dead(state, rules, arg["figure"]) or _in_play(state, rules, arg["faction"])


@check("kill")
def _kill(state, rules, figure, event):
    return _dead(state, rules, figure)


@check("figure_status")
def _figure_status(state, rules, arg, event):
    figure, to = arg["figure"], arg["to"]
    if why := _dead(state, rules, figure):
        return why
    now = state.figures[figure].status
    name = _name(rules, "figures", figure)
    if now == to:
        return f"{name} is already {to}"
    if to in FIGURE_ORDER and FIGURE_ORDER[to] < FIGURE_ORDER[now]:
        return f"{name} is already {now}, further than {to}"
    return None


def _named_holder(state, event, office: str) -> bool:
    """Does the event's own condition name the office's present holder (by figure or faction)?"""
    holder = state.offices.get(office)
    for cond in event.conditions if event is not None else ():
        ((verb, arg),) = cond.items()
        if verb == "holder" and arg["office"] == office and arg["figure"] == holder:
            return True
        if verb == "holds" and arg["office"] == office and arg["faction"] == state.holder_faction(office):
            return True
    return False


def _office_barred(state, rules, figure) -> str | None:
    if posts.can_hold_office(state, figure):
        return None
    fig = state.figures[figure]
    name = _name(rules, "figures", figure)
    if fig.status != "active":
        return f"{name} is {fig.status} and may hold no office"
    return f"{name}'s faction is {state.factions[fig.faction].status} and may hold no office"


@check("appoint")
def _appoint(state, rules, arg, event):
    office, figure = arg["office"], arg["figure"]
    if why := _office_barred(state, rules, figure):
        return why
    holder = state.offices.get(office)
    if holder == figure:
        return f"{_name(rules, 'figures', figure)} already holds {_name(rules, 'offices', office)}"
    if holder is not None and not _named_holder(state, event, office):
        return (
            f"{_name(rules, 'offices', office)} is held by {_name(rules, 'figures', holder)}, "
            "whom the event's conditions do not name"
        )
    return None


@check("vacate")
def _vacate(state, rules, office, event):
    holder = state.offices.get(office)
    if holder is None:
        return f"{_name(rules, 'offices', office)} is already empty"
    if not _named_holder(state, event, office):
        return (
            f"{_name(rules, 'offices', office)} is held by {_name(rules, 'figures', holder)}, "
            "whom the event's conditions do not name"
        )
    return None


@check("politburo_add")
def _pb_add(state, rules, figure, event):
    name = _name(rules, "figures", figure)
    if figure in state.politburo:
        return f"{name} already sits in the Politburo"
    if not posts.can_sit(state, figure):
        return f"{name} may not sit in the Politburo now"
    seats = state.seat_count(rules, "politburo")
    if len(state.politburo) >= seats:
        return f"no free seat in the Politburo ({len(state.politburo)} of {seats} taken)"
    return None


@check("politburo_remove")
def _pb_remove(state, rules, figure, event):
    if figure not in state.politburo:
        return f"{_name(rules, 'figures', figure)} does not sit in the Politburo"
    return None


@check("secretariat_add")
def _sec_add(state, rules, figure, event):
    if figure in state.secretariat:
        return f"{_name(rules, 'figures', figure)} is already a secretary of the CC"
    return _office_barred(state, rules, figure)


@check("secretariat_remove")
def _sec_remove(state, rules, figure, event):
    if figure not in state.secretariat:
        return f"{_name(rules, 'figures', figure)} is not a secretary of the CC"
    return None


@check("seats")
def _seats(state, rules, arg, event):
    body, size = arg["body"], arg["to"]
    if state.seat_count(rules, body) == size:
        return f"{_name(rules, 'bodies', body)} already has {size} seats"
    if body == "politburo" and size < len(state.politburo):
        return f"{size} Politburo seats for {len(state.politburo)} members"
    return None


@check("stance")
def _stance(state, rules, arg, event):
    if why := _in_play(state, rules, arg["faction"]):
        return why
    if state.stance(arg["faction"], arg["issue"]) == arg["to"]:
        return f"{_name(rules, 'factions', arg['faction'])} already stands at {arg['to']} on {arg['issue']}"
    return None


@check("status")
def _status(state, rules, arg, event):
    faction, to = arg["faction"], arg["to"]
    if why := _in_play(state, rules, faction):
        return why
    now = state.factions[faction].status
    name = _name(rules, "factions", faction)
    if now == to:
        return f"{name} is already {to}"
    if now in LADDER and to in LADDER and LADDER.index(to) < LADDER.index(now):
        return f"{name} is {now}: {to} would move it back up the ladder"
    return None


@check("join")
def _join(state, rules, arg, event):
    figure, faction = arg["figure"], arg.get("faction")
    if why := _dead(state, rules, figure) or _in_play(state, rules, faction):
        return why
    if state.figures[figure].faction == faction:
        side = _name(rules, "factions", faction) if faction else "no faction"
        return f"{_name(rules, 'figures', figure)} already stands with {side}"
    return None


@check("bloc")
def _bloc(state, rules, arg, event):
    a, b = arg["a"], arg["b"]
    if why := _in_play(state, rules, a) or _in_play(state, rules, b):
        return why
    if a == b:
        return "a bloc needs two factions"
    if state.in_bloc(a, b):
        return f"{_name(rules, 'factions', a)} and {_name(rules, 'factions', b)} are already in a bloc"
    return None


@check("break_bloc")
def _break_bloc(state, rules, arg, event):
    a, b = arg["a"], arg["b"]
    if not state.in_bloc(a, b):
        return f"{_name(rules, 'factions', a)} and {_name(rules, 'factions', b)} are in no bloc"
    return None


@check("congress")
def _congress(state, rules, name, event):
    if state.congress_due is not None:
        return f"the {state.congress_due} already meets this quarter"
    if state.turn - state.last_congress_turn == 1:
        return "a Congress met last quarter"
    return None


def _agenda_carried(state: State, rules) -> State:
    """The state as it would be if the disciplinary motions already on the agenda carried, in
    order (a motion tabled behind another waits on its vote, which decides: that is no fault)."""
    scratch = state.clone()
    for prop in scratch.agenda:
        motion = rules.motions.get(prop.motion)
        if motion is None or motion.kind not in DISCIPLINE or scratch.factions[prop.proposer].status in NO_MOTIONS:
            continue
        if motions.motion_args_valid(scratch, rules, prop.proposer, prop.motion, prop.args):
            set_status(scratch, rules, prop.args[0], motion.result_status, say=False)
    return scratch


@check("motion")
def _motion(state, rules, arg, event):
    proposer, mid = arg["proposer"], arg["motion"]
    if why := _in_play(state, rules, proposer):
        return why
    status = state.factions[proposer].status
    if status in NO_MOTIONS:
        return f"{_name(rules, 'factions', proposer)} is {status}: its motions are not voted"
    args = tuple(str(arg[k]) for k in ("target", "office", "figure", "issue", "direction") if arg.get(k) is not None)
    if any(p.key() == (mid, args) for p in state.agenda):
        return "the same motion is already on the agenda"
    after = _agenda_carried(state, rules)
    if motions.motion_args_valid(after, rules, proposer, mid, args):
        return None
    motion = rules.motions[mid]
    target = arg.get("target")
    if target is not None and target in after.factions:
        if after.in_bloc(proposer, target):
            return f"would lapse: {_name(rules, 'factions', proposer)} and {_name(rules, 'factions', target)} are in a bloc"
        if motion.target_status and after.factions[target].status not in motion.target_status:
            return (
                f"would lapse: {_name(rules, 'factions', target)} is {after.factions[target].status}, "
                f"the motion needs {' or '.join(motion.target_status)}"
            )
    return "would lapse: the motion may not be moved now"


@check("flag")
def _flag(state, rules, name, event):
    return f"the flag {name} is already set" if name in state.flags else None


@check("unflag")
def _unflag(state, rules, name, event):
    return None if name in state.flags else f"the flag {name} is not set"


@check("log")
def _log(state, rules, text, event):
    return None


__all__ = ["CHECKS", "Problem", "Report", "check_game", "effect_problem", "event_problems", "run"]
