"""The searching player: reproducible, legal, and it reads only the view."""

from game.ai.search import BUDGETS, Budget, SearchBot, shortlist
from game.engine import apply_action, legal_actions, new_game, player_view

TINY = Budget(determinisations=2, candidates=3, playouts=1)


def _decide(rules, state, seed, budget=TINY):
    bot = SearchBot(state.active, seed, budget)
    return bot.choose(player_view(state, rules, state.active), legal_actions(state, rules), rules)


def test_the_same_view_seed_and_budget_give_the_same_decision(rules):
    state = new_game(rules, "crisis_1923", 4)
    assert _decide(rules, state, 7) == _decide(rules, state, 7)


def test_the_decision_is_legal_and_explained(rules):
    state = new_game(rules, "united_opposition_1926", 2)
    for _ in range(6):
        action, reason = _decide(rules, state, 3)
        assert action in legal_actions(state, rules)
        assert reason and "futures" in reason or reason == "the only move left"
        state = apply_action(state, rules, action)


def test_hidden_things_do_not_change_the_decision(rules):
    state = new_game(rules, "crisis_1923", 6)
    me = state.active
    twin = state.clone()
    other = next(f for f in twin.factions if f != me)
    twin.cultivation[other] = {"kalinin": 60}
    twin.rng ^= 12345
    assert _decide(rules, state, 1) == _decide(rules, twin, 1)


def test_levels_differ_only_in_budget():
    assert BUDGETS["easy"].iterations < BUDGETS["normal"].iterations < BUDGETS["hard"].iterations


def test_the_shortlist_keeps_a_way_to_end_the_turn(rules):
    state = new_game(rules, "succession_1923", 1)
    while state.phase != "actions":
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    view = player_view(state, rules, state.active)
    legal = legal_actions(state, rules)
    short = shortlist(view, legal, rules, 3)
    assert 3 <= len(short) <= 4
    assert any(rules.actions[c.action.name].kind == "pass" for c in short)


def test_a_time_cap_is_a_setting_of_the_bot_not_of_its_level():
    from game.ai import make_bot
    from game.ai.search import BUDGETS

    capped = make_bot("hard", "stalin", 3, seconds=1.5)
    assert capped.budget.seconds == 1.5
    assert capped.budget.iterations == BUDGETS["hard"].iterations  # the same thinking, only capped
    assert make_bot("hard", "stalin", 3).budget.seconds is None  # tests and replays: budgets only
    assert BUDGETS["hard"].seconds is None  # the level itself is untouched


def test_an_event_choice_is_searched_further_ahead_than_a_move(rules, monkeypatch):
    """A choice's effects come late (a plenum a year on): its futures run ``choice_quarters``."""
    from game.ai import make_bot, playout

    state = new_game(rules, "right_last_stand_1928", 2)
    bots = {f: make_bot("simple", f, 2) for f in state.factions}
    while state.phase != "choice" and state.outcome is None:
        action, _ = bots[state.active].choose(
            player_view(state, rules, state.active), legal_actions(state, rules), rules
        )
        state = apply_action(state, rules, action)
    assert state.phase == "choice", "the scenario offers an event choice"
    seen = []
    real = playout.run_ahead

    def spy(state, rules, faction, seed, quarters, own="cheap"):
        seen.append(quarters)
        return real(state, rules, faction, seed, min(quarters, 1), own)  # kept short for the test

    monkeypatch.setattr(playout, "run_ahead", spy)
    budget = Budget(determinisations=1, candidates=2, playouts=1, quarters=1, choice_quarters=8)
    _decide(rules, state, 5, budget)
    assert seen and set(seen) == {8}
    while state.phase == "choice":
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    while state.phase != "actions":
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    seen.clear()
    _decide(rules, state, 5, budget)
    assert seen and set(seen) == {1}
