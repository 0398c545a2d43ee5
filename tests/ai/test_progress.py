"""The searching player's sense of direction: progress towards open goals, danger on the ladder,
the same futures for every candidate, and history's pace as part of the personality."""

import pytest

from game.ai import playout
from game.ai.progress import SHAPE, open_goals_value, progress
from game.ai.search import Budget, SearchBot, shortlist
from game.ai.simple import score_action
from game.engine import legal_actions, new_game, player_view
from game.engine.actions import Action
from game.engine.objectives import objectives_of, standing


def test_a_rung_down_the_ladder_is_progress_towards_an_expulsion(rules):
    state = new_game(rules, "united_opposition_1926", 1)
    goal = {"status_at_least": {"faction": "trotsky", "status": "expelled_party"}}
    state.factions["trotsky"].status = "censured"
    censured = progress(state, rules, goal)
    state.factions["trotsky"].status = "expelled_cc"
    assert 0 < censured < progress(state, rules, goal) < 1
    state.factions["trotsky"].status = "expelled_party"
    assert progress(state, rules, goal) == 1
    # a capitulation is no step towards an expulsion, but meets a goal that asks for either
    state.factions["trotsky"].status = "capitulated"
    assert progress(state, rules, goal) == 0
    either = {"any": [goal, {"status_is": {"faction": "trotsky", "status": "capitulated"}}]}
    assert progress(state, rules, either) == 1


def test_exposure_gathered_towards_the_next_rung_is_half_a_rung_of_progress(rules):
    """A rival tarred enough for the next motion (remove_posts asks exposure 10 of a censured
    faction) is nearer his expulsion than a clean one, but not as near as one a rung further down."""
    state = new_game(rules, "united_opposition_1926", 1)
    goal = {"status_at_least": {"faction": "zinoviev", "status": "expelled_party"}}
    zin = state.factions["zinoviev"]
    zin.status, zin.exposure = "censured", 0
    clean = progress(state, rules, goal)
    zin.exposure = 5
    half = progress(state, rules, goal)
    zin.exposure = 25
    ready = progress(state, rules, goal)
    zin.status, zin.exposure = "removed", 0
    next_rung = progress(state, rules, goal)
    assert clean < half < ready < next_rung
    assert ready - clean == pytest.approx((next_rung - clean) / 2)  # past the threshold: no more


def test_signatures_and_shares_are_graded_and_not_inverts(rules):
    state = new_game(rules, "united_opposition_1926", 1)
    sig = {"signatures_at_least": {"faction": "trotsky", "value": 30}}
    state.factions["trotsky"].signatures = 0
    assert progress(state, rules, sig) == 0
    state.factions["trotsky"].signatures = 15
    assert progress(state, rules, sig) == 0.5
    assert progress(state, rules, {"not": sig}) == 0.5
    share = {"cc_share_at_least": {"faction": "stalin", "percent": 50}}
    total = sum(state.cc.values())
    assert progress(state, rules, share) == min(1.0, 100 * state.cc["stalin"] / total / 50)
    # a list of conditions, all of which must hold: the mean of their progress
    assert progress(state, rules, [sig, {"not": sig}]) == 0.5


def test_open_goals_add_a_share_of_their_points_and_met_goals_add_nothing_more(rules):
    state = new_game(rules, "united_opposition_1926", 1)
    goal = next(g for g in objectives_of(state, rules, "trotsky").goals if g.id == "signatures")
    need = goal.condition[0]["any"][0]["signatures_at_least"]["value"]
    state.factions["trotsky"].signatures = 0
    before = open_goals_value(state, rules, "trotsky", standing(state, rules, "trotsky"))
    state.factions["trotsky"].signatures = need // 2
    after = open_goals_value(state, rules, "trotsky", standing(state, rules, "trotsky"))
    # the signatures goal is worth its points: part of the way is SHAPE × points × that part more
    assert abs(after - before - SHAPE * goal.points * (need // 2) / need) < 1e-9


def test_exposure_enough_for_the_next_rung_counts_as_danger(rules):
    state = new_game(rules, "crisis_1923", 1)
    censure = min(m.min_exposure for m in rules.motions.values() if "active" in m.target_status)
    state.factions["trotsky"].exposure = censure - 1
    safe = playout.evaluate(state, rules, "trotsky")
    assert playout.in_danger(state, rules, "trotsky") == 0
    state.factions["trotsky"].exposure = censure
    assert playout.in_danger(state, rules, "trotsky") == 1
    assert playout.evaluate(state, rules, "trotsky") < safe


def test_waiting_in_a_future_means_ending_each_turn(rules):
    state = new_game(rules, "crisis_1923", 2)
    me = state.active
    # a faction that waits never moves down by its own acts: its exposure cannot rise in its turn
    value = playout.run_ahead(state, rules, me, 5, 1, own="wait")
    assert value == playout.run_ahead(state, rules, me, 5, 1, own="wait")


def test_every_candidate_is_judged_on_the_same_futures(rules, monkeypatch):
    state = new_game(rules, "crisis_1923", 3)
    seeds: list[int] = []
    real = playout.run_ahead

    def spy(after, rules_, faction, seed, quarters, own):
        seeds.append(seed)
        return real(after, rules_, faction, seed, quarters, own)

    monkeypatch.setattr(playout, "run_ahead", spy)
    bot = SearchBot(state.active, 9, Budget(determinisations=2, candidates=4, playouts=2))
    bot.choose(player_view(state, rules, state.active), legal_actions(state, rules), rules)
    per_sample = len(seeds) // 2
    for block in (seeds[:per_sample], seeds[per_sample:]):
        futures = [tuple(block[i : i + 2]) for i in range(0, len(block), 2)]
        assert len(futures) >= 2 and len(set(futures)) == 1  # every candidate, the same two futures
    assert seeds[:2] != seeds[per_sample : per_sample + 2]  # another sampled state, other futures


def test_historys_pace_binds_a_historical_player_not_one_playing_to_win(rules):
    state = new_game(rules, "united_opposition_1926", 1)
    state.factions["trotsky"].status = "removed"
    state.factions["trotsky"].exposure = 20
    view = player_view(state, rules, "stalin")
    expel = Action("propose_motion", "stalin", ("expel_cc", "trotsky"))
    assert score_action(view, expel, rules)[0] == 0  # history expelled him from the CC only in 1927-Q4
    assert score_action(view, expel, rules, pace=False)[0] > 0
    legal = (expel, *[a for a in legal_actions(state, rules, None) if a.faction == "stalin"])
    assert any(c.action == expel for c in shortlist(view, legal, rules, 3, personality=0.0))


def test_cultivating_a_waverer_is_progress_towards_a_politburo_majority(rules):
    state = new_game(rules, "united_opposition_1926", 1)
    goal = {"politburo_votes_at_least": {"faction": "bukharin", "value": 4}}
    before = progress(state, rules, goal)
    state.cultivation["bukharin"] = {"kalinin": 15}
    half_way = progress(state, rules, goal)
    state.cultivation["bukharin"]["kalinin"] = 40
    assert before < half_way < progress(state, rules, goal) == 1


def test_the_shortlist_keeps_a_motion_on_an_office_the_objectives_name(rules):
    """The Right's objectives name the Comintern: a motion on it is weighed by the search even
    when the simple bot's judgement ranks it low."""
    from game.ai.search import goal_offices

    state = new_game(rules, "united_opposition_1926", 1)
    assert "comintern_chair" in goal_offices(rules, "united_opposition_1926", "bukharin")
    while not (state.active == "bukharin" and state.phase == "actions"):
        from game.engine import apply_action

        state = apply_action(state, rules, legal_actions(state, rules)[-1])
    view = player_view(state, rules, "bukharin")
    short = shortlist(view, legal_actions(state, rules), rules, 1, personality=0.0)
    offices = {c.action.args[1] for c in short if c.action.name == "propose_motion" and len(c.action.args) > 1}
    assert offices & goal_offices(rules, "united_opposition_1926", "bukharin")
