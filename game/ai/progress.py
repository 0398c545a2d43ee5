"""How far a faction has come towards the goals it has not met yet.

A goal is scored only when its condition holds, so a search that looks one quarter ahead sees no
difference between a rival pushed one rung down the ladder and one left alone, or between a
Platform with 25,000 signatures and one with none.  :func:`progress` reads the same condition
vocabulary as the rule files' objectives and says, between 0 and 1, how near the condition is:
a rung of the ladder climbed, a share of the delegates, a count of signatures.  Conditions that
are simply true or false (an office held, a flag) give 1 or 0.

The searching player adds a fraction of each open goal's points times its progress to its
evaluation (:func:`game.ai.playout.evaluate`); the game's own scoring never reads this.
"""

from __future__ import annotations

from game.engine.congress import delegate_shares
from game.engine.effects import holds, politburo_leads
from game.engine.objectives import objectives_of
from game.ruleset.records import LADDER
from game.ruleset.rules import Rules

#: how much of an open goal's points its progress is worth (a met goal is worth them all)
SHAPE = 0.5
#: the span of a tracker's scale, for how far a tracker is from a bound
TRACKER_SPAN = 100


def _ratio(have: float, need: float) -> float:
    if need <= 0:
        return 1.0 if have >= need else 0.0
    return max(0.0, min(1.0, have / need))


def _rung(status: str) -> int:
    return LADDER.index(status) if status in LADDER else 0


def exposure_for_next_rung(rules: Rules) -> dict[str, int]:
    """For each status, the least exposure at which a motion may move a faction down from it
    (the rule files' ``min_exposure`` of the motions whose ``target_status`` names it)."""
    return rules.tables.next_rung_exposure


def _status_at_least(state, rules: Rules, arg) -> float:
    """Rungs climbed, and half a rung for the exposure gathered towards the next one: a rival
    tarred enough for the next motion is nearer the goal than one who is not."""
    fs = state.factions.get(arg["faction"])
    if fs is None or fs.status == "capitulated":
        return 0.0
    rung, goal = _rung(fs.status), _rung(arg["status"])
    if rung >= goal:
        return 1.0
    need = exposure_for_next_rung(rules).get(fs.status)
    toward = 0.5 * _ratio(fs.exposure, need) if need else 0.0
    return _ratio(rung + toward, goal)


def _status_is(state, rules: Rules, arg) -> float:
    fs = state.factions.get(arg["faction"])
    if fs is None:
        return 0.0
    if fs.status == arg["status"]:
        return 1.0
    if arg["status"] not in LADDER or fs.status not in LADDER:
        return 0.0
    return _ratio(_rung(fs.status), _rung(arg["status"]))


def _cc_share(state, rules: Rules, arg) -> float:
    total = sum(state.cc.values())
    share = 100 * state.cc.get(arg["faction"], 0) / total if total else 0
    return _ratio(share, arg["percent"])


def _delegates(state, rules: Rules, arg) -> float:
    shares = delegate_shares(state, rules)  # the forecast for the next Congress
    total = sum(shares.values())
    share = 100 * shares.get(arg["faction"], 0) / total if total else 0
    return _ratio(share, arg["percent"])


def _faction_number(attr: str):
    def read(state, rules: Rules, arg) -> float:
        fs = state.factions.get(arg["faction"])
        return 0.0 if fs is None else _ratio(getattr(fs, attr), arg["value"])

    return read


def _pb_seats(state, rules: Rules, arg) -> float:
    seats = sum(1 for f in state.politburo if state.figures[f].faction == arg["faction"])
    return _ratio(seats, arg["value"])


def _pb_votes(state, rules: Rules, arg) -> float:
    """Votes won, and half a vote for the waverer nearest to being won over."""
    leads = politburo_leads(state, rules, arg["faction"])
    won = sum(1 for lead in leads if lead >= 1)
    nearest = max((lead for lead in leads if lead < 1), default=0.0)
    return _ratio(won + 0.5 * nearest, arg["value"])


def _regions(state, rules: Rules, arg) -> float:
    return _ratio(sum(1 for r in state.regions.values() if r.secretary == arg["faction"]), arg["value"])


def _tracker_below(state, rules: Rules, arg) -> float:
    gap = state.trackers.get(arg["id"], 0) - arg["value"]
    return 1.0 if gap < 0 else max(0.0, 1 - (gap + 1) / TRACKER_SPAN)


def _tracker_at_least(state, rules: Rules, arg) -> float:
    gap = arg["value"] - state.trackers.get(arg["id"], 0)
    return 1.0 if gap <= 0 else max(0.0, 1 - gap / TRACKER_SPAN)


def _not(state, rules: Rules, arg) -> float:
    return 1.0 - progress(state, rules, arg)


def _any(state, rules: Rules, arg) -> float:
    items = arg if isinstance(arg, list | tuple) else (arg,)
    return max((progress(state, rules, item) for item in items), default=0.0)


GRADED = {
    "status_at_least": _status_at_least,
    "status_is": _status_is,
    "cc_share_at_least": _cc_share,
    "delegates_at_least": _delegates,
    "signatures_at_least": _faction_number("signatures"),
    "prestige_at_least": _faction_number("prestige"),
    "mantle_at_least": _faction_number("mantle"),
    "politburo_seats_at_least": _pb_seats,
    "politburo_votes_at_least": _pb_votes,
    "regions_at_least": _regions,
    "tracker_below": _tracker_below,
    "tracker_at_least": _tracker_at_least,
    "not": _not,
    "any": _any,
}


def progress(state, rules: Rules, conditions) -> float:
    """How near ``conditions`` (one ``{verb: arg}`` map or a list, all of which must hold) are to
    holding, from 0 to 1; 1 when they hold."""
    if isinstance(conditions, dict):
        conditions = (conditions,)
    if not conditions:
        return 1.0
    total = 0.0
    for item in conditions:
        ((verb, arg),) = item.items()
        graded = GRADED.get(verb)
        total += graded(state, rules, arg) if graded else float(holds(state, item, rules))
    return total / len(conditions)


def open_goals_value(state, rules: Rules, faction: str, standing) -> float:
    """:data:`SHAPE` × points × progress, summed over the faction's goals that are not scored
    now but may still be: ``end`` goals not met, and ``ever`` goals still open."""
    obj = objectives_of(state, rules, faction)
    if obj is None or standing is None:
        return 0.0
    value = 0.0
    for goal, st in zip(obj.goals, standing.goals, strict=True):
        # an ``end`` goal whose Congress has met reads failed, yet its progress is still counted
        # (as before that status existed), so the bots' choices do not change with the words
        if st.scored or goal.when == "always" or (st.status == "failed" and goal.when == "ever"):
            continue
        value += SHAPE * goal.points * progress(state, rules, goal.condition)
    return value
