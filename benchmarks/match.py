"""The match layer's figures for `make bench`: what a screen costs to build from a match.

A view after a full campaign (the longest log and vote record), a save and a load (which
replays every action), the forecast of every legal action at a decision, and the menu.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from game.engine import player_view
from game.engine.preview import action_preview
from game.match import saves
from game.match.match import Match, Seat
from game.present import phrases

SCENARIO = "succession_1923"


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def figures(rules) -> dict[str, float]:
    """Milliseconds (medians) for each step a screen or a save takes."""
    finished = Match.new(rules, SCENARIO, 7)
    while not finished.over:
        finished.ai_move()
    out = {"view after a campaign, ms": _median_ms(lambda: player_view(finished.state, rules, "stalin"), 21)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.save"
        out["save after a campaign, ms"] = _median_ms(lambda: saves.write(finished, path), 7)
        out["load after a campaign (replays every action), ms"] = _median_ms(lambda: saves.read(path, rules), 3)
    m = Match.new(rules, SCENARIO, 7, {"stalin": Seat("human")})
    while not (m.seat().is_human and m.state.phase == "actions"):
        m.ai_move()
    view, legal = m.view("stalin"), m.legal()
    out[f"forecasts of all {len(legal)} legal actions, ms"] = _median_ms(
        lambda: [action_preview(view, rules, a) for a in legal], 5
    )
    out["menu with reasons, ms"] = _median_ms(lambda: phrases.menu(rules, view, legal), 21)
    return out
