"""A figure who changes sides takes the party organisation he leads with him: Uglanov, Stalin's
appointee in Moscow since 1924, goes over to the Right in 1928, and Moscow with him."""

from game.engine import new_game
from game.engine.effects import holds, run_effects


def test_uglanov_runs_moscow_for_stalin_in_1926(rules):
    s = new_game(rules, "united_opposition_1926", 1)
    assert s.offices["moscow_chief"] == "uglanov"
    assert s.figures["uglanov"].faction == "stalin"
    assert s.regions["moscow"].secretary == "stalin"


def test_a_chief_who_changes_sides_takes_his_region_with_him(rules):
    s = new_game(rules, "united_opposition_1926", 1).clone()
    run_effects(s, rules, [{"join": {"figure": "uglanov", "faction": "bukharin"}}])
    assert s.figures["uglanov"].faction == "bukharin"
    assert s.holder_faction("moscow_chief") == "bukharin"
    assert s.regions["moscow"].secretary == "bukharin"
    assert s.regions["moscow"].loyalty == rules.settings.chief_loyalty
    assert s.regions["leningrad"].secretary == "stalin"  # an office he does not hold is left alone


def test_uglanov_turns_only_against_the_extraordinary_measures(rules):
    ev = rules.events["uglanov_joins_right"]
    s = new_game(rules, "united_opposition_1926", 1).clone()
    assert not holds(s, ev.conditions, rules)
    s.flags.add("extraordinary_measures")
    assert holds(s, ev.conditions, rules)
    run_effects(s, rules, ev.effects)
    assert s.regions["moscow"].secretary == "bukharin"
    assert not holds(s, ev.conditions, rules)  # he does not go over twice
