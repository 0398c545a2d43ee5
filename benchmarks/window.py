"""Window benchmarks for `make bench`: measured figures, never timed tests.

Prints:
- launch to menu: a fresh process, from its start to the main menu's first frame (target ≤ 2 s);
- board frame time at 1280×720 and at 1920×1080 with the 2× font (wall clock, and the window thread's own CPU time, which a busy
  machine's other processes do not inflate) with the chronicle of a whole campaign (28 quarters, bots playing
  every faction up to the last quarter, Stalin's seat at the screen): the 95th percentile over
  frames with the mouse moving across the board and its tooltips (target ≤ 8 ms), and the time of a
  frame that redraws the whole board after a move;
- frames while the computer thinks: the board of a classroom game whose AI seats play at the hard
  level, the frames a second and the frame time's 95th percentile over the frames drawn while a
  move was being thought out (the window must keep its frame rate: 60 frames a second is 16.7 ms),
  with the thinking in a worker process (as the window does) and on a thread of the window's
  process (the fallback), and in a worker process at 1920×1080 with the 2× font.

Runs with SDL's dummy video driver unless SDL_VIDEODRIVER is set (pygame draws in software either
way; the figures leave out the display's own flip).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

LAUNCH = """
import sys, tempfile
from pathlib import Path
from game.ruleset.loader import load_base
from game.ui.app import App
d = Path(tempfile.mkdtemp())
app = App(load_base(), data_dir=d, config_path=d / "window.json")
app.push_scene("menu")
app.frame([])
import pygame
pygame.display.flip()
print("menu", flush=True)
"""


def launch_to_menu(repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", LAUNCH], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        for line in proc.stdout:
            if line.strip() == "menu":
                times.append(time.perf_counter() - t)
                break
        proc.wait()
    return statistics.median(times)


def campaign_board(frames: int = 600, size=(1280, 720), scale: float = 1.0, match=None):
    import tempfile

    import pygame

    from game.ruleset.loader import load_base
    from game.ui.app import App
    from game.ui.scenes.board import BoardScene
    from game.ui.settings import Settings

    if match is None:
        match = campaign_match(load_base())
    rules = match.rules
    d = Path(tempfile.mkdtemp())
    app = App(
        rules, Settings(width=size[0], height=size[1], font_scale=scale), data_dir=d, config_path=d / "window.json"
    )
    app.match = match
    board = BoardScene(app, briefed={"stalin"})
    board.votes_seen["stalin"] = len(match.view("stalin").votes)
    board.log_seen["stalin"] = 0
    app.push(board)
    app.frame([])
    w, h = app.size
    steady, redraw, cpu = [], [], []
    for i in range(frames):
        pos = ((i * 37) % w, (i * 23) % h)
        events = [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))]
        if i % 50 == 49:
            board.changed()  # as after a move: the whole board is drawn again
            t = time.perf_counter()
            app.frame(events)
            redraw.append(time.perf_counter() - t)
            continue
        t, c = time.perf_counter(), time.thread_time()
        app.frame(events)
        steady.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
    steady.sort()
    cpu.sort()
    p95 = steady[int(len(steady) * 0.95)]
    cpu95 = cpu[int(len(cpu) * 0.95)]
    log_lines = len(match.view("stalin").log)
    return p95, cpu95, statistics.median(steady), statistics.median(redraw), log_lines, match.state.date_text()


def campaign_match(rules):
    """A campaign whose bots play every faction up to the last quarter, Stalin's seat human."""
    from game.match.match import Match, Seat

    match = Match.new(rules, "succession_1923", 7, {})
    while not match.over and not (match.state.turn == match.state.turns - 1 and match.active == "stalin"):
        match.ai_move()
    match.seats["stalin"] = Seat("human", "simple", "Stalin's player")
    return match


def frames_while_thinking(thinking: str, size=(1280, 720), scale: float = 1.0, seconds: float = 8.0):
    """Frames of the board while hard AI seats move, paced at 60 a second as the window is.
    Returns (frames a second and frame p95 over every frame of the computer's turns, frame p95
    over those drawn while it was thinking, the median frame that played a move, frames, moves)."""
    import tempfile

    import pygame

    from game.match.match import Match, Seat
    from game.ruleset.loader import load_base
    from game.ui.app import App
    from game.ui.scenes.board import BoardScene
    from game.ui.settings import Settings

    rules = load_base()
    seats = {f: Seat("ai", "hard") for f in rules.scenarios["crisis_1923"].factions}
    seats["trotsky"] = Seat("human", "simple", "Trotsky's player")
    match = Match.new(rules, "crisis_1923", 11, seats)
    d = Path(tempfile.mkdtemp())
    app = App(
        rules,
        Settings(width=size[0], height=size[1], font_scale=scale),
        data_dir=d,
        config_path=d / "window.json",
        thinking=thinking,
    )
    app.match = match
    app.thinker.start(rules)  # as when a game with computer seats begins
    app.thinker.wait_ready()
    board = BoardScene(app, briefed={"trotsky"})
    app.push(board)
    app.frame([])
    every, thinking_frames, playing_frames, moves, wall = [], [], [], 0, 0.0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not match.over:
        while app.scene is not board:  # the player reads the results and goes on
            app.pop()
        if match.active == "trotsky":  # the human waits, so the computer moves again
            match.submit(
                next(a for a in match.legal() if rules.actions.get(a.name) and rules.actions[a.name].kind == "pass")
                if match.state.phase == "actions"
                else match.legal()[0]
            )
            board.after_move()
            board.done()  # the player is done with the move at once
            continue
        before = len(match.record.actions)
        t = time.perf_counter()
        app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=(400, 300), rel=(1, 1), buttons=(0, 0, 0))])
        spent = time.perf_counter() - t
        played = len(match.record.actions) - before
        moves += played
        app.clock.tick(60)  # paced by the window's own clock, as in play (a sleep overshoots: 59 a second idle)
        wall += time.perf_counter() - t
        every.append(spent)  # every frame of the computer's turns: thinking, playing, drawing the move
        if played:
            playing_frames.append(spent)
        elif board.future is not None:  # the computer is thinking (it may have begun in this frame)
            thinking_frames.append(spent)
    app.driver.drop()
    app.thinker.close()
    for times in (every, thinking_frames, playing_frames):
        times.sort()
    return (
        len(every) / wall if wall else float("nan"),
        _p95(every),
        _p95(thinking_frames),
        statistics.median(playing_frames) if playing_frames else float("nan"),
        len(every),
        moves,
    )


def _p95(times: list[float]) -> float:
    return times[int(len(times) * 0.95)] if times else float("nan")


def main() -> None:
    launch = launch_to_menu()
    print(f"launch to main menu: {launch:.2f} s (target ≤ 2 s)")
    from game.ruleset.loader import load_base

    match = campaign_match(load_base())
    for size, scale in (((1280, 720), 1.0), ((1920, 1080), 2.0)):
        p95, cpu95, median, redraw, lines, date = campaign_board(size=size, scale=scale, match=match)
        print(
            f"board frame at {size[0]}×{size[1]}, font ×{scale:g}, {lines} chronicle entries ({date}): "
            f"p95 {p95 * 1000:.2f} ms (CPU time of the window's thread: p95 {cpu95 * 1000:.2f} ms), median "
            f"{median * 1000:.2f} ms (target p95 ≤ 8 ms); full redraw after a move {redraw * 1000:.1f} ms"
        )
    for thinking, size, scale in (
        ("process", (1280, 720), 1.0),
        ("thread", (1280, 720), 1.0),
        ("process", (1920, 1080), 2.0),
    ):
        fps, p95, p95_thinking, played, frames, moves = frames_while_thinking(thinking, size, scale)
        where = "in a worker process" if thinking == "process" else "on a thread of the window's process"
        print(
            f"frames while the computer plays ({size[0]}×{size[1]}, font ×{scale:g}; crisis_1923, hard AI seats "
            f"thinking {where}): {fps:.0f} frames a second (target 60), frame p95 {p95 * 1000:.2f} ms over "
            f"{frames} frames and {moves} of its moves (p95 {p95_thinking * 1000:.2f} ms while it thinks); a frame "
            f"that plays its move: median {played * 1000:.1f} ms"
        )
    if hasattr(os, "getloadavg"):
        print(f"machine load while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
