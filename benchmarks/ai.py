"""Search speed and decision times, for `make bench` (measured figures, never timed tests).

The engine's figures beside the search loop's: ``legal_actions`` calls per second, checked and
unchecked applies per second, the time of a ``digest`` and of a ``fingerprint``, and the search
loop (draw one legal action by the playout policy, apply it in place, quiet) in actions per second
on one core.  Then the decision time of each level of the searching player.
"""

from __future__ import annotations

import statistics
import time

from game.ai import make_bot, playout
from game.engine import apply_action, legal_actions, new_game, player_view, rng
from game.engine.game import apply_in_place, apply_unchecked

SCENARIO = "succession_1923"


def _positions(rules, scenario: str = SCENARIO, games: int = 3) -> list:
    """States met in simple-bot games: what the engine is measured on."""
    out = []
    for seed in range(games):
        state = new_game(rules, scenario, seed)
        bots = {f: make_bot("simple", f, seed) for f in state.factions}
        while state.outcome is None:
            out.append(state)
            action, _ = bots[state.active].choose(
                player_view(state, rules, state.active), legal_actions(state, rules), rules
            )
            state = apply_action(state, rules, action)
    return out


def engine_figures(rules) -> dict[str, float]:
    positions = _positions(rules)
    legal = [legal_actions(s, rules) for s in positions]
    actions = [ls[i % len(ls)] for i, ls in enumerate(legal)]
    out = {"actions per decision": statistics.mean(len(ls) for ls in legal)}
    t = time.perf_counter()
    for s in positions:
        legal_actions(s, rules)
    out["legal_actions/s"] = len(positions) / (time.perf_counter() - t)
    t = time.perf_counter()
    for s, a in zip(positions, actions, strict=True):
        apply_action(s, rules, a)
    out["apply_action/s"] = len(positions) / (time.perf_counter() - t)
    t = time.perf_counter()
    for s, a in zip(positions, actions, strict=True):
        apply_unchecked(s, rules, a)
    out["apply_unchecked/s"] = len(positions) / (time.perf_counter() - t)
    sample = positions[:: max(1, len(positions) // 200)]
    t = time.perf_counter()
    for s in sample:
        s.digest()
    out["digest ms"] = (time.perf_counter() - t) * 1000 / len(sample)
    t = time.perf_counter()
    for s in sample:
        s.fingerprint()
    out["fingerprint ms"] = (time.perf_counter() - t) * 1000 / len(sample)
    out["search loop actions/s"] = search_loop(rules)
    return out


def search_loop(rules, games: int = 4) -> float:
    """Whole quiet games played by the playout policy, in place: actions per second."""
    count, spent = 0, 0.0
    for seed in range(games):
        state = new_game(rules, SCENARIO, seed)
        state.quiet = True
        gen = rng.seed_state(seed)
        t = time.perf_counter()
        while state.outcome is None:
            action, gen = playout.draw(state, rules, gen)
            apply_in_place(state, rules, action)
            count += 1
        spent += time.perf_counter() - t
    return count / spent


def decision_times(rules, level: str, scenario: str, games: int = 1, seat: str | None = None) -> list[float]:
    """Seconds per decision of a ``level`` searching player on one seat against simple bots."""
    times = []
    for seed in range(1, games + 1):
        state = new_game(rules, scenario, seed)
        me = seat or sorted(state.factions)[seed % len(state.factions)]
        bots = {f: make_bot(level if f == me else "simple", f, seed) for f in state.factions}
        while state.outcome is None:
            view, legal = player_view(state, rules, state.active), legal_actions(state, rules)
            t = time.perf_counter()
            action, _ = bots[state.active].choose(view, legal, rules)
            if state.active == me:
                times.append(time.perf_counter() - t)
            state = apply_action(state, rules, action)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
