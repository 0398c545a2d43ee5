"""Benchmarks for `make bench`: measured figures, never timed tests.

Prints: rule loading + validation time; actions applied per second; the time of one full
campaign with the simple bots; a bot game of every other scenario; replaying the historical line
with its checkpoints; bot games per second using both cores; the engine's figures beside the
search loop's and each level's decision times (benchmarks/ai.py); what a screen costs to build
(benchmarks/match.py); and the engine the AI issue measured, timed again now
(benchmarks/baseline.py), which says how fast this machine is against the issue's.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from game.engine import legal_actions, new_game  # noqa: E402
from game.engine.game import apply_unchecked  # noqa: E402
from game.match.headless import play  # noqa: E402
from game.ruleset import BASE, PROJECT  # noqa: E402
from game.ruleset import validate as _validate  # noqa: E402
from game.ruleset.loader import load_rules  # noqa: E402

SCENARIO = "succession_1923"


def bench_load(repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        _validate._seed_lines.cache_clear()
        t = time.perf_counter()
        rules, problems = load_rules([BASE], PROJECT)
        times.append(time.perf_counter() - t)
        assert not problems, problems
    return statistics.median(times)


def bench_actions(rules, games: int = 5) -> float:
    """Actions applied per second (legal actions listed, first-legal policy, no bots)."""
    count, spent = 0, 0.0
    for seed in range(games):
        state = new_game(rules, SCENARIO, seed)
        while state.outcome is None:
            legal = legal_actions(state, rules)
            action = legal[(seed + count) % len(legal)]
            t = time.perf_counter()
            state = apply_unchecked(state, rules, action)
            spent += time.perf_counter() - t
            count += 1
    return count / spent


def bench_campaign(rules, repeat: int = 9) -> float:
    times = []
    for seed in range(repeat):
        t = time.perf_counter()
        play(rules, SCENARIO, seed)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_scenarios(rules, repeat: int = 5) -> dict[str, float]:
    """Median time of a bot game of each scenario."""
    out = {}
    for sid in rules.scenarios:
        times = []
        for seed in range(repeat):
            t = time.perf_counter()
            play(rules, sid, seed)
            times.append(time.perf_counter() - t)
        out[sid] = statistics.median(times)
    return out


def bench_historical(rules, repeat: int = 5) -> tuple[float, int, int]:
    """Median time to replay the historical line with every checkpoint checked."""
    from game.match import replay

    rep = replay.load(BASE / "historical.replay")
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        _state, results = replay.run_checked(rep, rules)
        times.append(time.perf_counter() - t)
    return statistics.median(times), sum(1 for r in results if r.met), len(results)


def _worker_games(seeds: list[int]) -> int:
    rules, _ = load_rules([BASE], PROJECT)
    for seed in seeds:
        play(rules, SCENARIO, seed)
    return len(seeds)


def bench_parallel(games: int = 16) -> tuple[float, int]:
    workers = min(2, os.cpu_count() or 1)
    chunks = [list(range(i, games, workers)) for i in range(workers)]
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = sum(pool.map(_worker_games, chunks))
    return done / (time.perf_counter() - t), workers


def main() -> None:
    load = bench_load()
    print(f"rule loading + validation: {load * 1000:.0f} ms (median of 7)")
    rules, _ = load_rules([BASE], PROJECT)
    print(f"actions applied per second: {bench_actions(rules):.0f}")
    print(f"one full campaign with the simple bots: {bench_campaign(rules) * 1000:.0f} ms (median of 9)")
    for sid, spent in bench_scenarios(rules).items():
        if sid != SCENARIO:
            print(f"  bot game of {sid} ({rules.scenarios[sid].turns} turns): {spent * 1000:.0f} ms (median of 5)")
    spent, met, total = bench_historical(rules)
    print(f"historical line replayed with checkpoints: {spent * 1000:.0f} ms (median of 5), {met}/{total} met")
    rate, workers = bench_parallel()
    print(f"bot games per second on {workers} cores: {rate:.2f}")
    loop = bench_ai(rules)
    bench_match(rules)
    import baseline

    baseline.report(loop)


def bench_match(rules) -> None:
    """What a screen costs to build from a match: views, saves, forecasts, the menu."""
    import match

    print("match:")
    for name, value in match.figures(rules).items():
        print(f"  {name}: {value:.1f}")


def bench_ai(rules) -> float:
    """The engine's figures beside the search loop's, then each level's decision times; returns
    the search loop's actions per second."""
    import ai

    figures = ai.engine_figures(rules)
    loop = figures["search loop actions/s"]
    print(f"engine, {figures.pop('actions per decision'):.0f} legal actions per decision on average:")
    for name, value in figures.items():
        print(f"  {name}: {value:.3f}" if name.endswith("ms") else f"  {name}: {value:.0f}")
    scenarios = [SCENARIO] + [s for s, sc in rules.scenarios.items() if sc.kind == "classroom"]
    for level in ("easy", "normal", "hard"):
        for sid in scenarios:
            times = ai.decision_times(rules, level, sid)
            print(
                f"  {level} decision in {sid}: mean {statistics.mean(times):.3f} s, "
                f"p95 {ai.p95(times):.3f} s over {len(times)} decisions"
            )
    return loop


if __name__ == "__main__":
    main()
