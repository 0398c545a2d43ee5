"""Objectives measured against history: each faction's goals in a scenario and its result.

A scenario gives every faction goals worth points (``rules/base/scenarios/*.yaml``,
``objectives``) and a scale: the fewest points for a decisive victory, a victory, the historical
result and a defeat; fewer is a disaster.  The historical result is what the faction really
achieved in that span, so a lost cause can still be won by doing better than history did.
Sole leadership is an instant decisive victory.

Goals are judged with the rule files' condition vocabulary.  ``ever`` and ``always`` goals are
tracked at the close of each quarter (:func:`track`); ``end`` goals are read when the game ends.
An ``end`` goal that reads only a Congress's delegates is settled once a Congress has met in the
game and none can meet again before its end: it reads met or failed from then on, not "not met".
"""

from __future__ import annotations

from attrs import frozen

from game.engine.effects import holds
from game.engine.schedule import dated_events
from game.engine.state import State
from game.ruleset.records import RESULTS
from game.ruleset.rules import Rules

#: what a goal's status may be while the game goes on and at its end
MET, NOT_MET, PENDING, FAILED = "met", "not met", "pending", "failed"


@frozen
class GoalStanding:
    goal: str
    name: str
    points: int
    when: str
    by: str | None
    status: str  # met | not met | pending | failed
    scored: bool  # counts towards the points if the game ended now


@frozen
class Standing:
    """How a faction stands against its objectives, as if the game ended now."""

    faction: str
    points: int
    result: str  # one of records.RESULTS
    goals: tuple[GoalStanding, ...]
    history: str


def objectives_of(state: State, rules: Rules, faction: str):
    """The faction's objectives in this game's scenario, or None."""
    return rules.scenarios[state.scenario].objectives.get(faction)


def _key(faction: str, goal) -> str:
    return f"{faction}:{goal.id}"


def _open(state: State, goal) -> bool:
    """May an ``ever`` goal still be met this quarter (its deadline has not passed)?"""
    return goal.by is None or state.date_text() <= goal.by


def track(state: State, rules: Rules) -> None:
    """At the close of a quarter: note the ``ever`` goals met and the ``always`` goals broken."""
    achieved, failed, factions = state.achieved, state.failed, state.factions
    goals = rules.tables.tracked_goals
    if not goals:
        goals.update(_tracked_goals(rules))
    for faction, goal, key in goals[state.scenario]:
        if faction not in factions:
            continue
        if goal.when == "ever":
            if key not in achieved and _open(state, goal) and holds(state, goal.condition, rules):
                achieved.add(key)
        elif goal.when == "always" and key not in failed and not holds(state, goal.condition, rules):
            failed.add(key)


def _tracked_goals(rules: Rules) -> dict[str, tuple]:
    """Scenario → (faction, goal, its key) of every goal of its objectives, in order: worked out
    once per ruleset (every quarter of every playout tracks them)."""
    return {
        sid: tuple((faction, goal, _key(faction, goal)) for faction, obj in sc.objectives.items() for goal in obj.goals)
        for sid, sc in rules.scenarios.items()
    }


def _congress_only(condition) -> bool:
    """Does a condition read nothing but the delegates at the last Congress?"""
    if isinstance(condition, list | tuple):
        return bool(condition) and all(_congress_only(c) for c in condition)
    if not isinstance(condition, dict) or len(condition) != 1:
        return False
    ((verb, arg),) = condition.items()
    if verb == "delegates_at_least":
        return True
    return verb in ("not", "any", "all") and _congress_only(arg)


def _no_congress_to_come(state: State, rules: Rules) -> bool:
    """Has a Congress met in this game, with none able to meet again before the game ends: none is
    called, no dated Congress falls in the quarters left, and none could be convened (a convening
    motion needs its gap of quarters since the last)?"""
    if state.last_congress_turn < 0 or state.congress_due is not None:
        return False
    last = state.turns - 1
    gaps = [m.params["gap"] for m in rules.motions.values() if m.kind == "convene_congress"]
    if any(last - state.last_congress_turn >= gap for gap in gaps):
        return False
    end = state.date(last)
    for eid, when, _ in dated_events(rules, rules.scenarios[state.scenario]):
        if eid in state.fired or not state.date() <= when <= end:
            continue
        if any("congress" in effect for effect in rules.events[eid].effects if isinstance(effect, dict)):
            return False
    return True


def _goal_standing(state: State, rules: Rules, faction: str, goal) -> GoalStanding:
    key = _key(faction, goal)
    if goal.when == "ever":
        if key in state.achieved:
            status, scored = MET, True
        else:
            status, scored = (PENDING if _open(state, goal) and state.outcome is None else FAILED), False
    elif goal.when == "always":
        broken = key in state.failed
        status, scored = (FAILED if broken else MET), not broken
    else:
        now = holds(state, goal.condition, rules)
        status, scored = (MET if now else NOT_MET), now
        if not now and _congress_only(goal.condition) and _no_congress_to_come(state, rules):
            status = FAILED  # the Congress it concerns has met: nothing can change it now
    return GoalStanding(goal.id, goal.name, goal.points, goal.when, goal.by, status, scored)


def result_for(scale, points: int) -> str:
    """The result a number of points earns on a scale.

    >>> from game.ruleset.records import Scale
    >>> result_for(Scale(decisive_victory=9, victory=5, historical=2, defeat=0), 5)
    'victory'
    >>> result_for(Scale(decisive_victory=9, victory=5, historical=2, defeat=0), -1)
    'disaster'
    """
    for result, least in (
        ("decisive_victory", scale.decisive_victory),
        ("victory", scale.victory),
        ("historical", scale.historical),
        ("defeat", scale.defeat),
    ):
        if points >= least:
            return result
    return "disaster"


def standing(state: State, rules: Rules, faction: str) -> Standing | None:
    """The faction's points and result if the game ended now (None: no objectives)."""
    obj = objectives_of(state, rules, faction)
    if obj is None:
        return None
    goals = tuple(_goal_standing(state, rules, faction, g) for g in obj.goals)
    points = sum(g.points for g in goals if g.scored)
    result = result_for(obj.scale, points)
    if _sole_leader_in_time(state, obj, faction):
        result = "decisive_victory"
    return Standing(faction, points, result, goals, obj.history)


def _sole_leader_in_time(state: State, obj, faction: str) -> bool:
    if state.outcome is None or state.outcome[0] != "sole_leadership" or state.outcome[1] != faction:
        return False
    return obj.decisive_before is None or state.date_text() < obj.decisive_before


def final_results(state: State, rules: Rules) -> dict[str, tuple[int, str]]:
    """Every faction's (points, result) at the end of the game."""
    out = {}
    for faction in sorted(state.factions):
        st = standing(state, rules, faction)
        if st is not None:
            out[faction] = (st.points, st.result)
    return out


def at_least(result: str, floor: str) -> bool:
    """Is ``result`` as good as ``floor`` or better?

    >>> at_least("decisive_victory", "victory"), at_least("historical", "victory")
    (True, False)
    """
    return RESULTS.index(result) >= RESULTS.index(floor)
