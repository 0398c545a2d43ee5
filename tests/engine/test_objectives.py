"""Objectives measured against history: goals, their timing, the scale, the end of the game."""

import attrs

from game.engine import apply_action, legal_actions, new_game, objectives, player_view
from game.present import chronicle
from game.ruleset.loader import Rules
from game.ruleset.records import Goal, Objectives, Scale

SCENARIO = "united_opposition_1926"
IN_PARTY = {"not": {"status_at_least": {"faction": "trotsky", "status": "expelled_party"}}}


SCALE = Scale(decisive_victory=9, victory=5, historical=0, defeat=-2)


def _with_goals(rules, goals, scale=SCALE):
    """The base rules, with Trotsky's objectives in the 1926 scenario replaced by ``goals``."""
    sc = rules.scenarios[SCENARIO]
    obj = Objectives(history="expelled from the party in November 1927", scale=scale, goals=tuple(goals))
    scenarios = {**rules.scenarios, SCENARIO: attrs.evolve(sc, objectives={**sc.objectives, "trotsky": obj})}
    return Rules.from_tables({**rules.by_kind, "scenarios": scenarios}, rules.origin, rules.root)


def _goal(gid, points, condition, when="end", by=None):
    return Goal(id=gid, name=gid, points=points, condition=(condition,), when=when, by=by, design="test")


def _pass_turn(state, rules):
    """Every faction waits until the turn changes (or the game ends)."""
    turn = state.turn
    while state.outcome is None and state.turn == turn:
        wait = next(a for a in legal_actions(state, rules) if a.name in ("pass_turn", "choose"))
        state = apply_action(state, rules, wait)
    return state


def test_the_scale_names_each_result():
    got = [objectives.result_for(SCALE, p) for p in (12, 9, 5, 4, 0, -1, -2, -3)]
    assert got == [
        "decisive_victory",
        "decisive_victory",
        "victory",
        "historical",
        "historical",
        "defeat",
        "defeat",
        "disaster",
    ]


def test_end_goals_are_read_when_asked(rules):
    custom = _with_goals(rules, [_goal("in_party", 5, IN_PARTY)])
    state = new_game(custom, SCENARIO, 1)
    st = objectives.standing(state, custom, "trotsky")
    assert (st.points, st.result, st.goals[0].status) == (5, "victory", "met")
    state.factions["trotsky"].status = "expelled_party"
    st = objectives.standing(state, custom, "trotsky")
    assert (st.points, st.result, st.goals[0].status) == (0, "historical", "not met")


def test_ever_goals_are_kept_once_met_and_close_at_their_deadline(rules):
    flag = {"flag": "platform_printed"}
    custom = _with_goals(rules, [_goal("print", 6, flag, when="ever", by="1926-Q3")])
    state = new_game(custom, SCENARIO, 1)
    state.flags.add("platform_printed")
    state = _pass_turn(state, custom)  # closes 1926-Q2: met
    state.flags.discard("platform_printed")
    st = objectives.standing(state, custom, "trotsky")
    assert st.goals[0].status == "met" and st.points == 6

    late = new_game(custom, SCENARIO, 1)
    late = _pass_turn(_pass_turn(late, custom), custom)  # 1926-Q2 and Q3 close without it
    late.flags.add("platform_printed")
    late = _pass_turn(late, custom)  # 1926-Q4: past the deadline
    st = objectives.standing(late, custom, "trotsky")
    assert st.goals[0].status == "failed" and st.points == 0


def test_always_goals_break_for_good(rules):
    seat = {"in_politburo": "trotsky"}
    custom = _with_goals(rules, [_goal("seat", 5, seat, when="always")])
    state = new_game(custom, SCENARIO, 1)
    state = _pass_turn(state, custom)
    assert objectives.standing(state, custom, "trotsky").goals[0].status == "met"
    state.politburo.remove("trotsky")
    state = _pass_turn(state, custom)
    state.politburo.append("trotsky")  # back again: the broken promise stays broken
    st = objectives.standing(state, custom, "trotsky")
    assert st.goals[0].status == "failed" and st.points == 0


def test_negative_goals_mark_a_disaster(rules):
    exiled = {"status_at_least": {"faction": "trotsky", "status": "exiled"}}
    custom = _with_goals(rules, [_goal("in_party", 5, IN_PARTY), _goal("exiled", -3, exiled)])
    state = new_game(custom, SCENARIO, 1)
    state.factions["trotsky"].status = "exiled"
    assert objectives.standing(state, custom, "trotsky").result == "disaster"


def test_the_end_of_the_game_names_every_result(rules):
    custom = _with_goals(rules, [_goal("alive", 5, {"alive": "trotsky"})])
    state = new_game(custom, SCENARIO, 1)
    while state.outcome is None:
        state = _pass_turn(state, custom)
    assert state.results["trotsky"] == (5, "victory")
    assert any("Victory (5 points against history)" in chronicle.render(custom, e) for e in state.log)
    view = player_view(state, custom, "trotsky")
    assert view.results["trotsky"] == (5, "victory")
    assert view.objectives.goals[0].status == "met"


def test_sole_leadership_is_a_decisive_victory_whatever_the_points(rules):
    custom = _with_goals(rules, [_goal("in_party", 5, IN_PARTY)])
    state = new_game(custom, SCENARIO, 1)
    state.outcome = ("sole_leadership", "trotsky")
    assert objectives.standing(state, custom, "trotsky").result == "decisive_victory"


def test_sole_leadership_as_late_as_history_is_judged_by_the_goals(rules):
    custom = _with_goals(rules, [_goal("alive", 5, {"alive": "trotsky"})])
    sc = custom.scenarios[SCENARIO]
    late = attrs.evolve(sc.objectives["trotsky"], decisive_before="1926-Q2")
    scenarios = {**custom.scenarios, SCENARIO: attrs.evolve(sc, objectives={**sc.objectives, "trotsky": late})}
    custom = Rules.from_tables({**custom.by_kind, "scenarios": scenarios}, custom.origin, custom.root)
    state = new_game(custom, SCENARIO, 1)
    state.outcome = ("sole_leadership", "trotsky")
    assert objectives.standing(state, custom, "trotsky").result == "victory"  # 5 points, not decisive


def test_new_conditions_read_the_state(rules):
    from game.engine.effects import holds

    state = new_game(rules, SCENARIO, 1)
    cc = state.cc
    stalin_pct = cc["stalin"] * 100 // sum(cc.values())
    assert holds(state, {"cc_share_at_least": {"faction": "stalin", "percent": stalin_pct}})
    assert not holds(state, {"cc_share_at_least": {"faction": "stalin", "percent": stalin_pct + 1}})
    assert holds(state, {"politburo_seats_at_least": {"faction": "trotsky", "value": 1}})
    assert not holds(state, {"delegates_at_least": {"faction": "stalin", "percent": 1}})  # no Congress yet
    state.congress_shares = {"stalin": 90, "trotsky": 10}
    assert holds(state, {"delegates_at_least": {"faction": "trotsky", "percent": 10}})
    assert not holds(state, {"delegates_at_least": {"faction": "trotsky", "percent": 11}})
    assert holds(state, {"any": [{"flag": "nope"}, {"in_politburo": "trotsky"}]})
    state.scores = [{"stalin": 100, "trotsky": 50, "bukharin": 80}]
    assert holds(state, {"power_ratio_at_least": {"faction": "trotsky", "percent": 50}})
    assert not holds(state, {"power_ratio_at_least": {"faction": "trotsky", "percent": 51}})
    assert holds(state, {"power_ratio_at_least": {"faction": "stalin", "percent": 100}})


def test_a_goal_without_a_condition_or_a_source_is_reported(rules):
    from game.ruleset.validate import _objectives

    class Chk:
        rules = None

        def __init__(self):
            self.found = []

        def report(self, kind, eid, path, message):
            self.found.append(message)

        def one_of(self, *a):
            pass

    bad = Objectives(
        history="h",
        scale=Scale(decisive_victory=1, victory=5, historical=0, defeat=0),
        goals=(Goal(id="g", name="g", points=2, condition=()),),
    )
    chk = Chk()
    _objectives(chk, "x", ["objectives", "trotsky"], bad)
    text = " | ".join(chk.found)
    assert "the scale must rise" in text
    assert "a goal needs a condition" in text
    assert "victory needs 5 points" in text
    assert "cites its yardstick" in text


def test_objectives_reach_the_terminal(rules):
    from game.terminal import objective_lines

    custom = _with_goals(rules, [_goal("in_party", 5, IN_PARTY)])
    state = new_game(custom, SCENARIO, 1)
    lines = objective_lines(player_view(state, custom, "trotsky"))
    assert lines[0].startswith("Objectives — 5 points now: Victory")
    exiled = {"status_at_least": {"faction": "trotsky", "status": "exiled"}}
    custom = _with_goals(rules, [_goal("in_party", 5, IN_PARTY), _goal("exiled", -3, exiled)])
    avoided = objective_lines(player_view(new_game(custom, SCENARIO, 1), custom, "trotsky"))
    assert "[avoided] -3  exiled" in avoided[2]
    assert "in_party" in lines[1] and "+5" in lines[1] and "[    met]" in lines[1]


def test_a_waverer_won_over_counts_as_a_politburo_vote_but_a_leader_never_does(rules):
    """Seed 000: 'a couple of waverers to join Bukharin, Rykov and Tomsky' make a majority."""
    from game.engine import new_game
    from game.engine.effects import holds, politburo_votes

    s = new_game(rules, "united_opposition_1926", 1)
    four = {"politburo_votes_at_least": {"faction": "bukharin", "value": 4}}
    assert politburo_votes(s, rules, "bukharin") == 3 and not holds(s, four, rules)
    margin = rules.settings.votes.defection_margin
    kalinin = s.figures["kalinin"]
    assert kalinin.faction is None and "kalinin" in s.politburo
    best_rival = max(v for f, v in kalinin.affinity.items() if f != "bukharin")
    s.cultivation["bukharin"] = {"kalinin": best_rival - kalinin.affinity["bukharin"] + margin - 1}
    assert not holds(s, four, rules)  # one short of the margin over Stalin's hold on him
    s.cultivation["bukharin"]["kalinin"] += 1
    assert holds(s, four, rules) and politburo_votes(s, rules, "bukharin") == 4
    s.cultivation["bukharin"]["trotsky"] = 100  # a faction's leader never wavers
    assert politburo_votes(s, rules, "bukharin") == 4


def test_a_rivals_secret_contact_does_not_show_in_the_waverers_count(rules):
    """The Right's standing is shown to the Right: Stalin's secret hold on Kalinin must not move it."""
    from game.engine import new_game
    from game.engine.effects import politburo_votes

    s = new_game(rules, "united_opposition_1926", 1)
    s.cultivation["bukharin"] = {"kalinin": 40}
    won = politburo_votes(s, rules, "bukharin")
    s.cultivation["stalin"] = {"kalinin": 60}
    assert politburo_votes(s, rules, "bukharin") == won == 4


def test_a_campaign_trotsky_who_recants_keeps_the_penalty_after_readmission(rules):
    """Recanting and being readmitted must not turn into 'still a party member' for free."""
    state = new_game(rules, "succession_1923", 1)
    state.factions["trotsky"].status = "capitulated"
    state = _pass_turn(state, rules)  # the quarter closes with Trotsky a penitent
    state.factions["trotsky"].status = "active"  # readmitted
    goals = {g.goal: g for g in objectives.standing(state, rules, "trotsky").goals}
    assert goals["recanted"].status == "met" and goals["recanted"].scored
    assert goals["in_party"].scored
