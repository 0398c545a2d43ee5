"""The cheap playout policy: it draws only legal actions, and each legal action entry in
proportion to its weight (an entry with no legal arguments set aside, the draw made again)."""

import math

from game.ai import playout
from game.engine import legal_actions, new_game, rng
from game.engine.game import apply_in_place, legal_args, offered_rules


def _positions(rules, scenario: str, seed: int):
    """Every position of a quiet game played by the policy itself."""
    state = new_game(rules, scenario, seed)
    state.quiet = True
    gen = rng.seed_state(seed)
    while state.outcome is None:
        yield state
        action, gen = playout.draw(state, rules, gen)
        apply_in_place(state, rules, action)


def test_every_action_drawn_is_legal_in_every_scenario(rules):
    drawn = 0
    for scenario in sorted(rules.scenarios):
        for state in _positions(rules, scenario, 3):
            legal = legal_actions(state, rules)
            action, _ = playout.draw(state.clone(), rules, rng.seed_state(drawn))
            assert action in legal, (scenario, state.turn, action.to_text())
            drawn += 1
    assert drawn > 500


def test_each_legal_entry_is_drawn_in_proportion_to_its_weight(rules):
    weights = playout._weights(rules)
    checked = 0
    for state in _positions(rules, "succession_1923", 5):
        if state.phase != "actions" or state.turn % 5 or checked >= 6:
            continue
        legal = [aid for aid in offered_rules(state, rules) if legal_args(state, rules, aid) and weights[aid]]
        if len(legal) < 4:
            continue
        total = sum(weights[aid] for aid in legal)
        draws = 4000
        counts = dict.fromkeys(legal, 0)
        gen = rng.seed_state(checked)
        for _ in range(draws):
            action, gen = playout.draw(state, rules, gen)
            counts[action.name] += 1  # a KeyError here: an entry that is not legal was drawn
        for aid in legal:
            p = weights[aid] / total
            spread = math.sqrt(draws * p * (1 - p))
            assert abs(counts[aid] - draws * p) < 5 * spread, (aid, counts[aid], draws * p)
        checked += 1
    assert checked == 6
