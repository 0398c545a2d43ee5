"""A goal whose moment has passed reads as met or failed: "A fifth of the delegates at the
Thirteenth Congress" is failed once that Congress has met without them (and no other can meet
before the game ends), while a goal about "the last Congress" stays open while another may come.
The points are what they were: only the status says more."""

from __future__ import annotations

from game.engine.objectives import FAILED, NOT_MET, standing
from game.match.match import Match
from game.ruleset.loader import load_base


def _goal(state, rules, faction: str, goal: str):
    return next(g for g in standing(state, rules, faction).goals if g.goal == goal)


def test_the_thirteenth_congress_goal_is_failed_once_that_congress_has_met():
    rules = load_base()
    m = Match.new(rules, "crisis_1923", 5, {})
    seen = []
    while not m.over:
        g = _goal(m.state, rules, "trotsky", "congress_delegates")
        seen.append((m.state.last_congress_turn >= 0, g.status, g.scored))
        m.ai_move()
    before = {s for met, s, _ in seen if not met}
    after = {s for met, s, _ in seen if met}
    assert before == {NOT_MET}  # the Congress is still to come
    assert after == {FAILED}  # it met, Trotsky short of a fifth: nothing can change that now
    assert not any(scored for *_, scored in seen)
    final = _goal(m.state, rules, "trotsky", "congress_delegates")
    assert final.status == FAILED and not final.scored
    shown = next(g for g in m.view("trotsky").objectives.goals if g.id == "congress_delegates")
    assert shown.status == FAILED  # what the objectives panel reads


def test_a_goal_about_the_last_congress_stays_open_while_another_may_meet():
    rules = load_base()
    m = Match.new(rules, "succession_1923", 3, {})
    while m.state.last_congress_turn < 0:
        m.ai_move()
    g = _goal(m.state, rules, "trotsky", "congress_delegates")
    assert m.state.turn < m.state.turns - 4  # years of the game are left, with Congresses in them
    assert g.status == NOT_MET if not g.scored else g.status == "met"
