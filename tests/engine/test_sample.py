"""Determinisation: a sampled state agrees with the view and never depends on what it hides."""

import pytest

from game.ai.simple import SimpleBot
from game.engine import apply_action, legal_actions, new_game, player_view
from game.engine.phases import full_ap, incomes
from game.engine.sample import sample_state

SCENARIOS = ("succession_1923", "crisis_1923", "united_opposition_1926", "right_last_stand_1928")
PUBLIC = (
    "offices",
    "politburo",
    "cc",
    "ccc",
    "regions",
    "trackers",
    "blocs",
    "agenda",
    "flags",
    "fired",
    "event_queue",
    "turn",
    "phase",
    "order",
    "active",
    "secretariat",
    "stances",
    "marks",
    "scores",
    "congress_due",
    "last_congress_turn",
    "achieved",
    "failed",
    "seats",
)


def _midgame(rules, scenario, seed, moves):
    """A state after ``moves`` simple-bot moves."""
    state = new_game(rules, scenario, seed)
    for i in range(moves):
        if state.outcome is not None:
            break
        bot = SimpleBot.for_game(state.active, seed + i)
        action, _ = bot.choose(player_view(state, rules, state.active), legal_actions(state, rules), rules)
        state = apply_action(state, rules, action)
    return state


def _hide_differently(state, faction):
    """A twin of ``state`` differing only in what ``faction`` cannot see."""
    twin = state.clone()
    others = sorted(f for f in twin.factions if f != faction)
    twin.cultivation[others[0]] = {"kalinin": 45, "rudzutak": 15}
    twin.rng ^= 0x5DEECE66D
    twin.offers.append((others[1], others[2], twin.turn))
    twin.factions[others[0]].influence += 7  # another's purse and action points: no view shows them
    twin.factions[others[1]].ap += 1
    twin.pending.append(("rumour", "kalinin"))  # a rumour due at the close, told to no one yet
    return twin


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_hidden_differences_give_the_same_sample(rules, scenario):
    state = _midgame(rules, scenario, 11, 30)
    me = state.active
    twin = _hide_differently(state, me)
    assert twin.digest() != state.digest()
    a = sample_state(player_view(state, rules, me), rules, 4)
    b = sample_state(player_view(twin, rules, me), rules, 4)
    assert a.digest() == b.digest()
    assert sample_state(player_view(state, rules, me), rules, 5).digest() != a.digest()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_sample_agrees_with_everything_the_view_shows(rules, scenario):
    state = _midgame(rules, scenario, 3, 25)
    me = state.active
    sample = sample_state(player_view(state, rules, me), rules, 9)
    truth, drawn = state.to_dict(), sample.to_dict()
    for key in PUBLIC:
        assert drawn[key] == truth[key], key
    assert drawn["factions"][me] == truth["factions"][me]
    for fid, fs in truth["factions"].items():  # the others' influence and action points are estimated
        hidden = ("influence", "ap")
        assert {k: v for k, v in drawn["factions"][fid].items() if k not in hidden} == {
            k: v for k, v in fs.items() if k not in hidden
        }
    assert drawn["figures"] == truth["figures"]  # public ties; our own cultivation is kept apart
    assert drawn["cultivation"][me] == truth["cultivation"][me]
    assert set(legal_actions(sample, rules)) >= {a for a in legal_actions(state, rules) if a.name != "accept_bloc"}


def test_sample_never_reads_the_dice(rules):
    state = _midgame(rules, "succession_1923", 2, 12)
    me = state.active
    view = player_view(state, rules, me)
    assert not hasattr(view, "rng") and "rng" not in view.record
    assert sample_state(view, rules, 1).rng != state.rng


def test_other_factions_cultivation_is_drawn_not_copied(rules):
    state = _midgame(rules, "succession_1923", 5, 60)
    me = state.active
    sample = sample_state(player_view(state, rules, me), rules, 2)
    others = [f for f in state.factions if f != me]
    assert any(sample.cultivation[f] for f in others)  # something is assumed of the rivals
    for f in others:  # and it is not the truth unless by chance everywhere
        for fig, amount in sample.cultivation[f].items():
            assert 0 < amount <= 100 and sample.figures[fig].faction != f


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_sample_can_be_played_to_the_end(rules, scenario):
    state = _midgame(rules, scenario, 8, 20)
    sample = sample_state(player_view(state, rules, state.active), rules, 3)
    moves = 0
    while sample.outcome is None:
        legal = legal_actions(sample, rules)
        assert legal
        sample = apply_action(sample, rules, legal[(moves * 7) % len(legal)])
        moves += 1
    assert sample.results and set(sample.results) == set(sample.factions)


def test_others_influence_and_action_points_are_estimated_from_public_facts(rules):
    state = _midgame(rules, "crisis_1923", 3, 25)
    me = state.active
    view = player_view(state, rules, me)
    sample = sample_state(view, rules, 9)
    gains = incomes(sample, rules)
    for fid, fs in sample.factions.items():
        if fid == me:
            assert (fs.influence, fs.ap) == (state.factions[me].influence, state.factions[me].ap)
            continue
        assert fs.influence == gains[fid]  # what its offices, regions and secretaries bring a quarter
        assert fs.ap == (0 if fs.done else max(1, full_ap(fs, rules) - sum(a[0] == fid for a in view.record["acted"])))
