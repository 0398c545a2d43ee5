"""The exile of 1928-1929: Stalin needs a case to deport Trotsky, and Radek, Preobrazhensky and
Smilga break with him only once he is abroad or the Opposition has fallen silent."""

from game.engine import new_game
from game.engine.effects import holds
from game.engine.motions import motion_options

SCENARIO = "right_last_stand_1928"


def test_a_deportation_needs_a_case(rules):
    state = new_game(rules, SCENARIO, 1)
    event = rules.events["trotsky_deported"]
    state.factions["trotsky"].exposure = 5
    assert not holds(state, event.conditions, rules)
    assert ("deport", ("trotsky",)) not in motion_options(state, rules, "stalin")
    state.factions["trotsky"].exposure = 6
    assert holds(state, event.conditions, rules)
    assert ("deport", ("trotsky",)) in motion_options(state, rules, "stalin")


def test_the_followers_hold_while_the_exile_is_at_home_and_at_work(rules):
    state = new_game(rules, SCENARIO, 1)
    event = rules.events["trotskyist_capitulations"]
    state.factions["trotsky"].exposure = 3
    assert not holds(state, event.conditions, rules)
    state.factions["trotsky"].exposure = 2
    assert holds(state, event.conditions, rules)
    state.factions["trotsky"].exposure = 10
    state.factions["trotsky"].status = "deported"
    assert holds(state, event.conditions, rules)
