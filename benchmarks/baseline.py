"""The engine the AI issue measured, measured again beside today's, for `make bench`.

The AI issue gives the engine's speed "measured on this machine": a full bot game of the
campaign in 150 ms, ``legal_actions`` 9,000 calls a second, ``apply_unchecked`` 16,000 — and asks
for a search loop of 30,000 actions a second beside those figures.  They were taken on the
engine of commit ``2189956`` (165 tests; the last commit of 23 November).  The machine a benchmark
runs on is not the same from one day to the next: the same code runs at very different speeds on
different days.  So this module takes that engine out of the project's own history, times it
now, on this machine (its own campaign benchmark, and ``legal_actions`` and ``apply_unchecked``
over the positions of fixed walks), and says how fast this machine is against the one the issue
measured — and what today's search loop comes to at that machine's speed.

Run alone: ``python benchmarks/baseline.py`` (it times today's search loop too).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the engine the AI issue measured
BASELINE = "21899564aff55e97084e00196fde8b8f05ffefe6"
#: the issue's figures for that engine, on the machine it was measured on
ISSUE = {"campaign game ms": 150.0, "legal_actions/s": 9000.0, "apply_unchecked/s": 16000.0}
TARGET = 30000

#: run inside the baseline's tree: its own campaign benchmark (the issue's "full bot game of the
#: campaign"), and legal_actions and apply_unchecked over the positions of fixed walks
MEASURE = r"""
import json, sys, time
sys.path.insert(0, "."); sys.path.insert(0, "benchmarks")
import run
from game.engine import legal_actions, new_game
from game.engine.game import apply_unchecked
from game.ruleset import BASE, PROJECT
from game.ruleset.loader import load_rules

rules, _ = load_rules([BASE], PROJECT)
out = {"campaign game ms": run.bench_campaign(rules) * 1000}
positions = []
for seed in range(3):
    state, i = new_game(rules, "succession_1923", seed), 0
    while state.outcome is None:
        positions.append(state)
        legal = legal_actions(state, rules)
        state = apply_unchecked(state, rules, legal[(i * 7 + seed) % len(legal)])
        i += 1
t = time.perf_counter()
listed = [legal_actions(s, rules) for s in positions]
out["legal_actions/s"] = len(positions) / (time.perf_counter() - t)
t = time.perf_counter()
for s, legal in zip(positions, listed):
    apply_unchecked(s, rules, legal[0])
out["apply_unchecked/s"] = len(positions) / (time.perf_counter() - t)
print(json.dumps(out))
"""


def measure_baseline() -> dict[str, float] | str:
    """The baseline engine's figures now, or why they could not be taken."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", BASELINE, "game", "rules", "seeds", "benchmarks"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        detail = err.stderr.decode(errors="replace").strip() if isinstance(err, subprocess.CalledProcessError) else err
        return f"the project's git history is not here ({detail})"
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
                tar.extractall(tmp, filter="data")
            else:
                tar.extractall(tmp)  # noqa: S202 - the project's own history
        done = subprocess.run([sys.executable, "-c", MEASURE], cwd=tmp, capture_output=True, text=True)
    if done.returncode != 0:
        return f"the baseline engine did not run: {done.stderr.strip().splitlines()[-1:]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(search_loop: float) -> None:
    """Print the baseline's figures now beside the issue's, and the search loop at the issue's
    machine speed (the most cautious of the three ratios: the one that scales it least)."""
    figures = measure_baseline()
    print(f"the engine the AI issue measured (commit {BASELINE[:7]}), on this machine now:")
    if isinstance(figures, str):
        print(f"  not measured: {figures}")
        return
    speeds = {}
    for name, issue in ISSUE.items():
        now = figures[name]
        # how fast this machine is against the issue's: a time shrinks, a rate grows
        speeds[name] = issue / now if name.endswith("ms") else now / issue
        unit = f"{now:.0f} ms" if name.endswith("ms") else f"{now:,.0f}"
        given = f"{issue:.0f} ms" if name.endswith("ms") else f"{issue:,.0f}"
        print(f"  {name}: {unit} (the issue: {given}) -> this machine at {speeds[name]:.2f}x its speed")
    speed = max(speeds.values())
    print(
        f"search loop: {search_loop:,.0f} actions/s on this machine, "
        f"{search_loop / speed:,.0f} at the issue's machine speed (target {TARGET:,})"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ai  # noqa: E402

    from game.ruleset import BASE, PROJECT  # noqa: E402
    from game.ruleset.loader import load_rules  # noqa: E402

    rules, _ = load_rules([BASE], PROJECT)
    report(ai.search_loop(rules))
