"""Effect and condition verbs: one YAML keyword = one function.

Events (and event choices) in the rule files are lists of one-key maps such as
``{prestige: {faction: trotsky, delta: -2}}``.  Each verb below is registered under its keyword;
its arguments and documentation are declared once, in :mod:`game.ruleset.vocabulary`.  Effects
change a cloned state; conditions only read (the few that need the rules too, such as a body's
size, are registered with ``needs_rules``).
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine import chronicle, posts
from game.engine.discipline import set_status
from game.engine.state import UNALIGNED, Proposal, State
from game.ruleset.records import LADDER, STATUSES
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import CONDITION_VERBS, EFFECT_VERBS

EFFECTS: dict[str, Callable] = {}
CONDITIONS: dict[str, Callable] = {}
#: condition verbs called as ``fn(state, arg, rules)`` rather than ``fn(state, arg)``
NEEDS_RULES: set[str] = set()


def effect(name: str):
    """Register the function of an effect verb declared in the vocabulary; its documentation
    is the vocabulary's."""

    def register(fn):
        fn.__doc__ = EFFECT_VERBS[name].doc  # a KeyError here: the verb is not declared
        EFFECTS[name] = fn
        return fn

    return register


def condition(name: str, needs_rules: bool = False):
    """Register the function of a condition verb declared in the vocabulary."""

    def register(fn):
        fn.__doc__ = CONDITION_VERBS[name].doc
        CONDITIONS[name] = fn
        if needs_rules:
            NEEDS_RULES.add(name)
        return fn

    return register


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def bump(state: State, rules: Rules, faction: str, attr: str, delta: int) -> None:
    """Change a faction resource, kept within 0 and the settings' ceiling."""
    fs = state.factions.get(faction)
    if fs is None:
        return
    value = getattr(fs, attr) + delta
    if value < 0:
        value = 0
    else:
        ceiling = getattr(rules.settings, _CEILING[attr])
        if value > ceiling:
            value = ceiling
    setattr(fs, attr, value)


#: a faction resource → the settings' ceiling on it
_CEILING = {
    "prestige": "max_prestige",
    "exposure": "max_exposure",
    "mantle": "max_mantle",
    "influence": "max_influence",
}


def move_tracker(state: State, rules: Rules, tracker: str, delta: int) -> None:
    t = rules.trackers[tracker]
    state.trackers[tracker] = clamp(state.trackers.get(tracker, 0) + delta, t.low, t.high)


def shift_sympathy(state: State, faction: str, delta: int, region: str | None = None) -> None:
    if faction not in state.factions:
        return
    if region is not None:
        if region in state.regions:
            sympathy = state.regions[region].sympathy
            sympathy[faction] = max(0, min(100, sympathy.get(faction, 0) + delta))
        return
    for reg in state.regions.values():
        sympathy = reg.sympathy
        value = sympathy.get(faction, 0) + delta
        sympathy[faction] = 0 if value < 0 else 100 if value > 100 else value


def run_effects(state: State, rules: Rules, effects) -> None:
    for item in effects:
        ((verb, arg),) = item.items()
        EFFECTS[verb](state, rules, arg)


def holds(state: State, conditions, rules: Rules | None = None) -> bool:
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
    def apply(state, rules: Rules, arg):
        bump(state, rules, arg["faction"], attr, arg["delta"])

    return apply


for _attr in ("prestige", "influence", "exposure", "mantle"):
    effect(_attr)(_resource(_attr))


@effect("tracker")
def _tracker(state, rules: Rules, arg):
    move_tracker(state, rules, arg["id"], arg["delta"])


@effect("sympathy")
def _sympathy(state, rules: Rules, arg):
    shift_sympathy(state, arg["faction"], arg["delta"], arg.get("region"))


@effect("loyalty")
def _loyalty(state, rules: Rules, arg):
    if arg["region"] in state.regions:
        reg = state.regions[arg["region"]]
        reg.loyalty = clamp(reg.loyalty + arg["delta"], 0, 100)


@effect("affinity")
def _affinity(state, rules: Rules, arg):
    fig = state.figures[arg["figure"]]
    fig.affinity[arg["faction"]] = clamp(fig.affinity.get(arg["faction"], 0) + arg["delta"], 0, 100)


@effect("kill")
def _kill(state, rules: Rules, figure):
    posts.set_figure_status(state, rules, figure, "dead")


@effect("figure_status")
def _figure_status(state, rules: Rules, arg):
    posts.set_figure_status(state, rules, arg["figure"], arg["to"])


@effect("appoint")
def _appoint(state, rules: Rules, arg):
    if posts.can_hold_office(state, arg["figure"]):
        posts.appoint(state, rules, arg["office"], arg["figure"])


@effect("vacate")
def _vacate(state, rules: Rules, office):
    posts.vacate(state, rules, office)


@effect("politburo_add")
def _pb_add(state, rules: Rules, figure):
    if figure not in state.politburo and posts.can_sit(state, figure):
        if len(state.politburo) >= state.seat_count(rules, rules.settings.roles.politburo):
            return
        state.politburo.append(figure)


@effect("politburo_remove")
def _pb_remove(state, rules: Rules, figure):
    posts.leave_politburo(state, figure)


@effect("seats")
def _seats(state, rules: Rules, arg):
    body, size = arg["body"], max(1, arg["to"])
    state.seats[body] = size
    roles = rules.settings.roles
    table = {roles.central_committee: state.cc, roles.control_commission: state.ccc}.get(body)
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
def _sec_add(state, rules: Rules, figure):
    if figure not in state.secretariat and posts.can_hold_office(state, figure):
        state.secretariat.append(figure)


@effect("secretariat_remove")
def _sec_remove(state, rules: Rules, figure):
    if figure in state.secretariat:
        state.secretariat.remove(figure)


@effect("stance")
def _stance(state, rules: Rules, arg):
    if arg["faction"] in state.stances:
        state.stances[arg["faction"]][arg["issue"]] = clamp(arg["to"], -100, 100)


@effect("status")
def _status(state, rules: Rules, arg):
    if arg["faction"] in state.factions:
        set_status(state, rules, arg["faction"], arg["to"])


@effect("join")
def _join(state, rules: Rules, arg):
    posts.change_sides(state, rules, arg["figure"], arg.get("faction"))


@effect("bloc")
def _bloc(state, rules: Rules, arg):
    a, b = sorted((arg["a"], arg["b"]))
    if a in state.factions and b in state.factions and (a, b) not in state.blocs and a != b:
        state.blocs.append((a, b))
        state.blocs.sort()


@effect("break_bloc")
def _break_bloc(state, rules: Rules, arg):
    pair = tuple(sorted((arg["a"], arg["b"])))
    if pair in state.blocs:
        state.blocs.remove(pair)


@effect("congress")
def _congress(state, rules: Rules, name):
    state.congress_due = name


@effect("motion")
def _motion(state, rules: Rules, arg):
    proposer = arg["proposer"]
    if proposer not in state.factions:
        return
    args = tuple(str(arg[k]) for k in ("target", "office", "figure", "issue", "direction") if arg.get(k) is not None)
    state.agenda.append(Proposal(proposer, arg["motion"], args))


@effect("flag")
def _flag(state, rules: Rules, name):
    state.flags.add(name)
    state.marks["flag:" + name] = state.turn  # when it became so (a motion may wait a quarter on it)


@effect("unflag")
def _unflag(state, rules: Rules, name):
    state.flags.discard(name)


@effect("log")
def _log(state, rules: Rules, text):
    chronicle.note(state, rules, "log", text=text)


# --- conditions ------------------------------------------------------------------------------


@condition("alive")
def _alive(state, figure):
    return state.figures[figure].status != "dead"


@condition("dead")
def _dead(state, figure):
    return state.figures[figure].status == "dead"


@condition("flag")
def _c_flag(state, name):
    return name in state.flags


@condition("not_flag")
def _c_not_flag(state, name):
    return name not in state.flags


@condition("holds")
def _c_holds(state, arg):
    return state.holder_faction(arg["office"]) == arg["faction"]


@condition("holder")
def _c_holder(state, arg):
    return state.offices.get(arg["office"]) == arg["figure"]


@condition("status_is")
def _c_status_is(state, arg):
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.status == arg["status"]


def _rank(status: str) -> int:
    return LADDER.index(status) if status in LADDER else STATUSES.index(status)


@condition("status_at_least")
def _c_status_at_least(state, arg):
    fs = state.factions.get(arg["faction"])
    if fs is None or fs.status == "capitulated":
        return False
    return _rank(fs.status) >= _rank(arg["status"])


@condition("tracker_at_least")
def _c_tracker_at_least(state, arg):
    return state.trackers.get(arg["id"], 0) >= arg["value"]


@condition("tracker_below")
def _c_tracker_below(state, arg):
    return state.trackers.get(arg["id"], 0) < arg["value"]


@condition("in_politburo")
def _c_in_pb(state, figure):
    return figure in state.politburo


@condition("bloc")
def _c_bloc(state, arg):
    return state.in_bloc(arg["a"], arg["b"])


@condition("prestige_at_least")
def _c_prestige(state, arg):
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.prestige >= arg["value"]


@condition("in_secretariat")
def _c_in_sec(state, figure):
    return figure in state.secretariat


@condition("figure_status")
def _c_figure_status(state, arg):
    return state.figures[arg["figure"]].status == arg["status"]


@condition("vacant")
def _c_vacant(state, office):
    return state.offices.get(office) is None


@condition("politburo_seats_free", needs_rules=True)
def _c_pb_free(state, count, rules: Rules):
    if rules is None:
        raise ValueError("politburo_seats_free needs the rules: holds(state, conditions, rules)")
    return state.seat_count(rules, rules.settings.roles.politburo) - len(state.politburo) >= count


@condition("congress_within")
def _c_congress_within(state, quarters):
    return state.congress_due is not None or state.turn - state.last_congress_turn <= quarters


@condition("not", needs_rules=True)
def _c_not(state, arg, rules: Rules):
    return not holds(state, arg, rules)


@condition("any", needs_rules=True)
def _c_any(state, arg, rules: Rules):
    items = arg if isinstance(arg, list | tuple) else (arg,)
    return any(holds(state, item, rules) for item in items)


def _share(part: int, whole: int, percent: int) -> bool:
    return whole > 0 and part * 100 >= percent * whole


@condition("cc_share_at_least")
def _c_cc_share(state, arg):
    return _share(state.cc.get(arg["faction"], 0), sum(state.cc.values()), arg["percent"])


@condition("politburo_seats_at_least")
def _c_pb_seats(state, arg):
    seats = sum(1 for f in state.politburo if state.figures[f].faction == arg["faction"])
    return seats >= arg["value"]


@condition("politburo_votes_at_least", needs_rules=True)
def _c_pb_votes(state, arg, rules: Rules):
    return politburo_votes(state, rules, arg["faction"]) >= arg["value"]


def politburo_votes(state, rules: Rules, faction: str) -> int:
    """Politburo members who would vote with ``faction``: its own, and the waverers won over
    (seed 000: "a couple of waverers to join Bukharin, Rykov and Tomsky")."""
    return sum(1 for lead in politburo_leads(state, rules, faction) if lead >= 1)


def politburo_leads(state, rules: Rules, faction: str) -> list[float]:
    """For each Politburo member, how far ``faction`` has him: 1 (or more) when he votes with
    it — its own, or ties to it the defection margin ahead of his own faction's (of every other
    faction's, for a member of none) — else that lead as a share of the margin (0 for leaders).
    Ties are counted as far as the faction can know them: the public ones and its own secret
    contacts, never a rival's (a standing shown to the faction reveals no one else's secret)."""
    margin = rules.settings.votes.defection_margin
    mine = state.cultivation.get(faction, {})
    leaders = {rules.factions[f].leader for f in state.factions}
    out = []
    for member in state.politburo:
        own = state.figures[member].faction
        if own == faction:
            out.append(1.0)
            continue
        if member in leaders:
            out.append(0.0)
            continue
        aff = dict(state.figures[member].affinity)
        aff[faction] = aff.get(faction, 0) + mine.get(member, 0)
        rivals = [own] if own is not None else [f for f in state.factions if f != faction]
        lead = min((aff.get(faction, 0) - aff.get(r, 0) for r in rivals), default=0)
        out.append(max(0.0, lead / margin))
    return out


@condition("regions_at_least")
def _c_regions(state, arg):
    return sum(1 for r in state.regions.values() if r.secretary == arg["faction"]) >= arg["value"]


@condition("delegates_at_least")
def _c_delegates(state, arg):
    shares = state.congress_shares
    return _share(shares.get(arg["faction"], 0), sum(shares.values()), arg["percent"])


@condition("signatures_at_least")
def _c_signatures(state, arg):
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.signatures >= arg["value"]


@condition("exposure_below")
def _c_exposure_below(state, arg):
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.exposure < arg["value"]


@condition("mantle_at_least")
def _c_mantle(state, arg):
    fs = state.factions.get(arg["faction"])
    return fs is not None and fs.mantle >= arg["value"]


@condition("power_ratio_at_least")
def _c_power_ratio(state, arg):
    if not state.scores:
        return False
    scores = state.scores[-1]
    mine = scores.get(arg["faction"])
    rivals = [v for f, v in scores.items() if f != arg["faction"]]
    if mine is None or not rivals:
        return False
    return mine * 100 >= arg["percent"] * max(max(rivals), 1)
