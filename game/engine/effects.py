"""Effect and condition verbs: one YAML keyword = one function.

Events (and event choices) in the rule files are lists of one-key maps such as
``{prestige: {faction: trotsky, delta: -2}}``.  Each verb below is registered under its keyword;
its docstring is the modder documentation.  Effects change a cloned state; conditions only read
(the few that need the rules too, such as a body's size, are registered with ``needs_rules``).
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine import posts
from game.engine.state import UNALIGNED, Proposal, State
from game.ruleset.records import LADDER, STATUSES

EFFECTS: dict[str, Callable] = {}
CONDITIONS: dict[str, Callable] = {}
#: condition verbs called as ``fn(state, arg, rules)`` rather than ``fn(state, arg)``
NEEDS_RULES: set[str] = set()


def effect(name: str):
    def register(fn):
        EFFECTS[name] = fn
        return fn

    return register


def condition(name: str, needs_rules: bool = False):
    def register(fn):
        CONDITIONS[name] = fn
        if needs_rules:
            NEEDS_RULES.add(name)
        return fn

    return register


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def bump(state: State, rules, faction: str, attr: str, delta: int) -> None:
    """Change a faction resource, kept within 0 and the settings' ceiling."""
    if faction not in state.factions:
        return
    fs = state.factions[faction]
    s = rules.settings
    ceiling = {"prestige": s.max_prestige, "exposure": s.max_exposure, "mantle": s.max_mantle,
               "influence": s.max_influence}[attr]
    setattr(fs, attr, clamp(getattr(fs, attr) + delta, 0, ceiling))


def move_tracker(state: State, rules, tracker: str, delta: int) -> None:
    t = rules.trackers[tracker]
    state.trackers[tracker] = clamp(state.trackers.get(tracker, 0) + delta, t.low, t.high)


def shift_sympathy(state: State, faction: str, delta: int, region: str | None = None) -> None:
    if faction not in state.factions:
        return
    for rid, reg in state.regions.items():
        if region is None or rid == region:
            reg.sympathy[faction] = clamp(reg.sympathy.get(faction, 0) + delta, 0, 100)


def run_effects(state: State, rules, effects) -> None:
    for item in effects:
        ((verb, arg),) = item.items()
        EFFECTS[verb](state, rules, arg)


def holds(state: State, conditions, rules=None) -> bool:
    """Do all the conditions (one ``{verb: arg}`` map, or a list of them) hold in ``state``?
    ``rules`` is needed only by the verbs in ``NEEDS_RULES``."""
    if isinstance(conditions, dict):
        conditions = (conditions,)
    for item in conditions:
        ((verb, arg),) = item.items()
        test = CONDITIONS[verb]
        if not (test(state, arg, rules) if verb in NEEDS_RULES else test(state, arg)):
            return False
    return True


# --- effects ---------------------------------------------------------------------------------


def _resource(attr: str):
    def apply(state, rules, arg):
        bump(state, rules, arg["faction"], attr, arg["delta"])

    apply.__doc__ = f"Change a faction's {attr} by delta: ``{{{attr}: {{faction: F, delta: N}}}}``."
    return apply


for _attr in ("prestige", "influence", "exposure", "mantle"):
    effect(_attr)(_resource(_attr))


@effect("tracker")
def _tracker(state, rules, arg):
    """Move a tracker by delta within its range: ``{tracker: {id: mass_mood, delta: -10}}``."""
    move_tracker(state, rules, arg["id"], arg["delta"])


@effect("sympathy")
def _sympathy(state, rules, arg):
    """Change the rank and file's sympathy for a faction, in one region or all."""
    shift_sympathy(state, arg["faction"], arg["delta"], arg.get("region"))


@effect("loyalty")
def _loyalty(state, rules, arg):
    """Strengthen or weaken a regional secretary's hold on the delegation."""
    if arg["region"] in state.regions:
        reg = state.regions[arg["region"]]
        reg.loyalty = clamp(reg.loyalty + arg["delta"], 0, 100)


@effect("affinity")
def _affinity(state, rules, arg):
    """Change a figure's public affinity towards a faction (0..100)."""
    fig = state.figures[arg["figure"]]
    fig.affinity[arg["faction"]] = clamp(fig.affinity.get(arg["faction"], 0) + arg["delta"], 0, 100)


@effect("kill")
def _kill(state, rules, figure):
    """A figure dies: offices and seats fall vacant."""
    posts.set_figure_status(state, rules, figure, "dead")


@effect("figure_status")
def _figure_status(state, rules, arg):
    """Set a figure's standing: active, incapacitated, dead, expelled, exiled, deported."""
    posts.set_figure_status(state, rules, arg["figure"], arg["to"])


@effect("appoint")
def _appoint(state, rules, arg):
    """Put a figure in an office (skipped if the figure may not hold office now)."""
    if posts.can_hold_office(state, arg["figure"]):
        posts.appoint(state, rules, arg["office"], arg["figure"])


@effect("vacate")
def _vacate(state, rules, office):
    """Leave an office empty; the appointing body fills it at the next vote."""
    posts.vacate(state, rules, office)


@effect("politburo_add")
def _pb_add(state, rules, figure):
    """Give a figure a Politburo seat if one is free and the figure may sit."""
    if figure not in state.politburo and posts.can_sit(state, figure):
        if len(state.politburo) >= state.seat_count(rules, "politburo"):
            return
        state.politburo.append(figure)


@effect("politburo_remove")
def _pb_remove(state, rules, figure):
    """Take a figure's Politburo seat away."""
    posts.leave_politburo(state, figure)


@effect("seats")
def _seats(state, rules, arg):
    """Change how many seats a body has (the CC grew at each Congress).  A Central Committee or
    Control Commission changes size at once: new seats sit unaligned until the next election
    fills them; lost seats come from the unaligned first, then from the largest factions."""
    body, size = arg["body"], max(1, arg["to"])
    state.seats[body] = size
    table = {"central_committee": state.cc, "control_commission": state.ccc}.get(body)
    if table is None:
        return
    gap = size - sum(table.values())
    if gap > 0:
        table[UNALIGNED] = table.get(UNALIGNED, 0) + gap
    while gap < 0:
        key = UNALIGNED if table.get(UNALIGNED, 0) > 0 else max(sorted(table), key=lambda k: table[k])
        table[key] -= 1
        if table[key] == 0:
            del table[key]
        gap += 1


@effect("secretariat_add")
def _sec_add(state, rules, figure):
    """Make a figure a secretary of the Central Committee (skipped if the figure may not hold office)."""
    if figure not in state.secretariat and posts.can_hold_office(state, figure):
        state.secretariat.append(figure)


@effect("secretariat_remove")
def _sec_remove(state, rules, figure):
    """Relieve a secretary of the Central Committee."""
    if figure in state.secretariat:
        state.secretariat.remove(figure)


@effect("stance")
def _stance(state, rules, arg):
    """A faction changes its stance on an issue (-100 left .. 100 right): Stalin's turn of 1928."""
    if arg["faction"] in state.stances:
        state.stances[arg["faction"]][arg["issue"]] = clamp(arg["to"], -100, 100)


@effect("status")
def _status(state, rules, arg):
    """Put a faction on a rung of the disciplinary ladder (or capitulated)."""
    from game.engine.discipline import set_status

    if arg["faction"] in state.factions:
        set_status(state, rules, arg["faction"], arg["to"])


@effect("join")
def _join(state, rules, arg):
    """A figure changes sides (faction may be null: unaligned)."""
    state.figures[arg["figure"]].faction = arg.get("faction")


@effect("bloc")
def _bloc(state, rules, arg):
    """Two factions form a bloc."""
    a, b = sorted((arg["a"], arg["b"]))
    if a in state.factions and b in state.factions and (a, b) not in state.blocs and a != b:
        state.blocs.append((a, b))
        state.blocs.sort()


@effect("break_bloc")
def _break_bloc(state, rules, arg):
    """A bloc between two factions ends."""
    pair = tuple(sorted((arg["a"], arg["b"])))
    if pair in state.blocs:
        state.blocs.remove(pair)


@effect("congress")
def _congress(state, rules, name):
    """A Party Congress meets in this turn's vote phase."""
    state.congress_due = name


@effect("motion")
def _motion(state, rules, arg):
    """Put a motion on this turn's agenda, as if the proposer had moved it.  Whether it may be
    voted is checked when the vote comes (it lapses otherwise), so an event can table the next
    rung of the ladder behind one still on the agenda (the CC expulsion, then the party's)."""
    proposer = arg["proposer"]
    if proposer not in state.factions:
        return
    args = tuple(str(arg[k]) for k in ("target", "office", "figure", "issue", "direction") if arg.get(k) is not None)
    state.agenda.append(Proposal(proposer, arg["motion"], args))


@effect("flag")
def _flag(state, rules, name):
    """Set a named flag that conditions can test."""
    state.flags.add(name)


@effect("unflag")
def _unflag(state, rules, name):
    """Clear a named flag."""
    state.flags.discard(name)


@effect("log")
def _log(state, rules, text):
    """Write a line in the public chronicle."""
    from game.engine import chronicle

    chronicle.note(state, rules, "log", text=text)


# --- conditions ------------------------------------------------------------------------------


@condition("alive")
def _alive(state, figure):
    """The figure is alive."""
    return state.figures[figure].status != "dead"


@condition("dead")
def _dead(state, figure):
    """The figure is dead."""
    return state.figures[figure].status == "dead"


@condition("flag")
def _c_flag(state, name):
    """The flag is set."""
    return name in state.flags


@condition("not_flag")
def _c_not_flag(state, name):
    """The flag is not set."""
    return name not in state.flags


@condition("holds")
def _c_holds(state, arg):
    """A figure of the faction holds the office."""
    return state.holder_faction(arg["office"]) == arg["faction"]


@condition("holder")
def _c_holder(state, arg):
    """This figure holds the office."""
    return state.offices.get(arg["office"]) == arg["figure"]


@condition("status_is")
def _c_status_is(state, arg):
    """The faction is in play and has exactly this status."""
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.status == arg["status"]


def _rank(status: str) -> int:
    return LADDER.index(status) if status in LADDER else STATUSES.index(status)


@condition("status_at_least")
def _c_status_at_least(state, arg):
    """The faction is in play and at least this far down the ladder."""
    fs = state.factions.get(arg["faction"])
    if fs is None or fs.status == "capitulated":
        return False
    return _rank(fs.status) >= _rank(arg["status"])


@condition("tracker_at_least")
def _c_tracker_at_least(state, arg):
    """The tracker is at or above the value."""
    return state.trackers.get(arg["id"], 0) >= arg["value"]


@condition("tracker_below")
def _c_tracker_below(state, arg):
    """The tracker is below the value."""
    return state.trackers.get(arg["id"], 0) < arg["value"]


@condition("in_politburo")
def _c_in_pb(state, figure):
    """The figure sits in the Politburo."""
    return figure in state.politburo


@condition("bloc")
def _c_bloc(state, arg):
    """The two factions are in a bloc."""
    return state.in_bloc(arg["a"], arg["b"])


@condition("prestige_at_least")
def _c_prestige(state, arg):
    """The faction is in play with at least this much prestige."""
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.prestige >= arg["value"]


@condition("in_secretariat")
def _c_in_sec(state, figure):
    """The figure is a secretary of the Central Committee."""
    return figure in state.secretariat


@condition("figure_status")
def _c_figure_status(state, arg):
    """The figure has exactly this standing (active, incapacitated, dead, expelled, exiled, deported)."""
    return state.figures[arg["figure"]].status == arg["status"]


@condition("vacant")
def _c_vacant(state, office):
    """Nobody holds the office (a death or a removal left it empty)."""
    return state.offices.get(office) is None


@condition("politburo_seats_free", needs_rules=True)
def _c_pb_free(state, count, rules):
    """At least this many Politburo seats are empty, so an event may seat someone."""
    if rules is None:
        raise ValueError("politburo_seats_free needs the rules: holds(state, conditions, rules)")
    return state.seat_count(rules, "politburo") - len(state.politburo) >= count


@condition("congress_within")
def _c_congress_within(state, quarters):
    """A Congress meets this quarter, or met within the last N quarters (0: this quarter only).
    A dated Congress waits on ``not: {congress_within: 1}``: two do not meet back to back."""
    return state.congress_due is not None or state.turn - state.last_congress_turn <= quarters


@condition("not", needs_rules=True)
def _c_not(state, arg, rules):
    """The condition (or all of a list of conditions) does not hold."""
    return not holds(state, arg, rules)


@condition("any", needs_rules=True)
def _c_any(state, arg, rules):
    """At least one of a list of conditions holds."""
    items = arg if isinstance(arg, list | tuple) else (arg,)
    return any(holds(state, item, rules) for item in items)


def _share(part: int, whole: int, percent: int) -> bool:
    return whole > 0 and part * 100 >= percent * whole


@condition("cc_share_at_least")
def _c_cc_share(state, arg):
    """The faction holds at least this percent of the Central Committee's seats."""
    return _share(state.cc.get(arg["faction"], 0), sum(state.cc.values()), arg["percent"])


@condition("politburo_seats_at_least")
def _c_pb_seats(state, arg):
    """At least this many of the faction's figures sit in the Politburo."""
    seats = sum(1 for f in state.politburo if state.figures[f].faction == arg["faction"])
    return seats >= arg["value"]


@condition("regions_at_least")
def _c_regions(state, arg):
    """The faction's secretaries lead at least this many party organisations."""
    return sum(1 for r in state.regions.values() if r.secretary == arg["faction"]) >= arg["value"]


@condition("delegates_at_least")
def _c_delegates(state, arg):
    """At the last Congress held in this game, the faction sent at least this percent of the
    delegates (false if no Congress has met yet)."""
    shares = state.congress_shares
    return _share(shares.get(arg["faction"], 0), sum(shares.values()), arg["percent"])


@condition("signatures_at_least")
def _c_signatures(state, arg):
    """The faction's platform has gathered at least this many thousand signatures."""
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.signatures >= arg["value"]


@condition("exposure_below")
def _c_exposure_below(state, arg):
    """The faction is in play with exposure below the value."""
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.exposure < arg["value"]


@condition("mantle_at_least")
def _c_mantle(state, arg):
    """The faction is in play with at least this much of Lenin's mantle."""
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.mantle >= arg["value"]


@condition("power_ratio_at_least")
def _c_power_ratio(state, arg):
    """At the close of the last quarter, the faction's power score was at least this percent of
    the strongest rival's (100: it was the strongest)."""
    if not state.scores:
        return False
    scores = state.scores[-1]
    mine = scores.get(arg["faction"])
    rivals = [v for f, v in scores.items() if f != arg["faction"]]
    if mine is None or not rivals:
        return False
    return mine * 100 >= arg["percent"] * max(max(rivals), 1)
