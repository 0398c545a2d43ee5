"""The mods shipped in mods/: each validates without a problem, changes what it says it changes,
and the bots play the campaign to the end under it."""

from __future__ import annotations

import pytest

from game.match import headless
from game.present import chronicle
from game.ruleset import PROJECT, mods
from game.ruleset.loader import load

SHIPPED = ["apparatus_weights", "denunciations", "lenin_lives", "testament_to_congress"]


@pytest.fixture(scope="module")
def base():
    rules, problems = load([])
    assert problems == []
    return rules


def modded(mod_id):
    rules, problems = load([mod_id])
    assert problems == [], "\n".join(map(str, problems))
    assert [m.id for m in rules.mods] == [mod_id]
    return rules


def test_the_shipped_mods_are_listed_for_the_new_game_screen():
    found, problems = mods.available(PROJECT, [PROJECT / "mods"])
    assert problems == []
    assert [m.id for m in found] == SHIPPED
    assert all(m.name and m.description and m.version == "1.0.0" for m in found)


def test_apparatus_weights_changes_only_the_numbers_it_writes(base):
    rules = modded("apparatus_weights")
    votes, old = rules.settings.votes, base.settings.votes
    assert (votes.prestige_default, votes.status_quo) == (6, -6)
    assert rules.settings.secretary_loyalty_growth == 12
    assert (votes.testament, votes.routine, votes.unaligned_base) == (old.testament, old.routine, old.unaligned_base)
    assert rules.settings.source == base.settings.source and rules.settings.design == base.settings.design
    victory, old_v = rules.victory["standard"], base.victory["standard"]
    assert (victory.politburo_seat, victory.cc_share) == (5, 36)
    assert (victory.prestige, victory.margin) == (old_v.prestige, old_v.margin)


def test_lenin_lives_moves_his_death_a_year_on(base):
    rules = modded("lenin_lives")
    assert rules.events["lenin_dies"].date == "1925-01-21"
    assert rules.events["lenin_dies"].effects == base.events["lenin_dies"].effects
    assert rules.events["lenin_dies"].source == base.events["lenin_dies"].source
    assert "lenin_lingers" in rules.events and "lenin_lingers" not in base.events


def test_testament_to_congress_adds_to_the_base_event(base):
    rules = modded("testament_to_congress")
    event, old = rules.events["testament_read"], base.events["testament_read"]
    assert event.effects[: len(old.effects)] == old.effects
    assert event.effects[len(old.effects) :] == (
        {"mantle": {"faction": "stalin", "delta": -2}},
        {"tracker": {"id": "party_democracy", "delta": 5}},
    )
    assert event.choice == old.choice and event.conditions == old.conditions
    assert event.source[: len(old.source)] == old.source and len(event.source) == len(old.source) + 2


def dated(state, rules, name):
    public = (e for e in state.log if e.visible_to is None)
    return [state.date_text(e.turn) for e in public if chronicle.render(rules, e).startswith(name)]


@pytest.mark.parametrize("mod_id", SHIPPED)
def test_the_bots_play_the_campaign_to_the_end_under_each_mod(mod_id):
    rules = modded(mod_id)
    state, record = headless.play(rules, "succession_1923", 4)
    assert state.outcome is not None
    assert record.mods == [f"{mod_id}@1.0.0"] and record.rules == rules.fingerprint()
    if mod_id == "lenin_lives":
        assert dated(state, rules, "Lenin dies") == ["1925-Q1"]
        assert dated(state, rules, "Lenin lingers at Gorki") == ["1924-Q1"]
    if mod_id == "testament_to_congress":
        assert dated(state, rules, "Lenin's Testament read to the Thirteenth Congress") == ["1924-Q2"]


def test_denunciations_adds_two_actions_composed_in_yaml_alone(base):
    rules = modded("denunciations")
    added = {a: r for a, r in rules.actions.items() if a not in base.actions}
    assert sorted(added) == ["appeal_to_control_commission", "denounce_china_line"]
    assert all(r.kind == "composed" and r.effects and r.source for r in added.values())
    assert rules.actions["appeal_to_control_commission"].secret
    assert rules.action_weights["denounce_china_line"].leanings == {"policy": 6, "masses": 4}


def test_under_denunciations_the_bots_take_both_new_actions():
    rules = modded("denunciations")
    taken = set()
    for seed in (1, 2, 3):
        state, _record = headless.play(rules, "crisis_1923", seed)
        assert state.outcome is not None
        taken |= {dict(e.data)["action"] for e in state.log if e.event == "composed_action"}
    assert taken == {"appeal_to_control_commission", "denounce_china_line"}
