"""The guided first quarter completed in a real window, by following its instructions alone.

An Xvfb display of the test's own (:func:`xvfb`) runs the game's window (SDL's x11 driver, in a
process of its own: ``tests/ui/x11_game.py``, the window as ``python -m game play`` opens it,
thinking for the computer in its worker process as it does for a player).  The test opens the
tutorial from the main menu, then, step by step, reads what the guide says and clicks, with real
X events (xdotool: the pointer moved onto the control, then a press and a release), only what
the words tell it to press or choose (``Press ‘Done’``, ``choose ‘Volga’``, ``then the line
‘…’``); a name the words only point at (``In ‘Party organisations’``) is never clicked, and a
step that names nothing to press is waited out.  Where the named control is, the test learns
from the running game: after every frame the window writes the guide's words and the labels and
places of the buttons and rows on the screen on top to a small JSON file (``x11_game.py``; the
game itself has no such hook) — the simplest honest stand-in for a person reading the screen.

``make test`` installs Xvfb and xdotool as root (CI); where they are missing the test fails
saying what to install — it is never skipped."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.present.tutorial import STEPS

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1280, 720)
#: what an instruction tells the player to click: ‘Label’ after press, choose or "then the line"
TO_PRESS = re.compile(r"(?:[Pp]ress|[Cc]hoose|then the line) ‘([^’]+)’")
#: a hang guard, not a measure of speed: a quarter of the computer's moves takes seconds here
PATIENCE = 300.0


def _need(*programs: tuple[str, str]) -> None:
    missing = [pkg for prog, pkg in programs if not shutil.which(prog)]
    if missing:
        pytest.fail(
            f"the X11 tutorial test needs {' and '.join(missing)}: apt-get install {' '.join(missing)} "
            "(make test installs them as root)"
        )


@pytest.fixture
def xvfb(tmp_path):
    """An Xvfb display of this test's own, 1280×720: Xvfb picks a free display number itself
    (``-displayfd``) and writes it once it accepts connections; stopped after the test."""
    _need(("Xvfb", "xvfb"), ("xdotool", "xdotool"))
    read, write = os.pipe()
    log = (tmp_path / "xvfb.log").open("wb")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=log,
        stderr=log,
    )
    os.close(write)
    with os.fdopen(read) as said:
        number = said.readline().strip()
    if not number:
        server.kill()
        server.wait()
        pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text(errors='replace')[-500:]}")
    display = f":{number}"
    geometry = subprocess.run(
        ["xdotool", "getdisplaygeometry"], env=os.environ | {"DISPLAY": display}, capture_output=True, text=True
    )
    assert geometry.stdout.split() == [str(n) for n in SIZE], geometry
    yield display
    server.terminate()
    server.wait()
    log.close()


class Window:
    """The game's window on the display, as the test sees and clicks it."""

    def __init__(self, display: str, folder: Path):
        self.display = display
        self.status = folder / "screen.json"
        self.log = folder / "game.log"
        self.env = os.environ | {
            "DISPLAY": display,
            "SDL_VIDEODRIVER": "x11",
            "SDL_AUDIODRIVER": "dummy",
            "SUCCESSION_DATA_DIR": str(folder / "data"),
        }
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.ui.x11_game", str(self.status)],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.id = None

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr.strip()}"
        return done.stdout.strip()

    def screen(self) -> dict:
        """What the window showed at its last frame (waits for its first)."""
        while True:
            self.alive()
            try:
                return json.loads(self.status.read_text(encoding="utf-8"))
            except (FileNotFoundError, json.JSONDecodeError):
                time.sleep(0.05)

    def alive(self) -> None:
        code = self.process.poll()
        assert code is None, f"the game ended (exit {code}): {self.log.read_text(errors='replace')[-2000:]}"

    def wait(self, until, what: str) -> dict:
        """The screen once ``until(screen)`` holds (a hang guard gives up with ``what``)."""
        start = time.monotonic()
        while True:
            seen = self.screen()
            if until(seen):
                return seen
            assert time.monotonic() - start < PATIENCE, f"waited in vain for {what}; the screen: {seen}"
            time.sleep(0.05)

    def windows(self) -> list[str]:
        """The game process's windows on the display (SDL names the process on its window; a search
        by the window's title finds nothing under a bare Xvfb with no window manager)."""
        search = ["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)]
        return subprocess.run(search, env=self.env, capture_output=True, text=True).stdout.split()

    def open(self) -> dict:
        seen = self.wait(lambda s: s["scene"] == "MenuScene", "the main menu")
        self.wait(lambda _s: self.windows(), "the game's window to be mapped")
        self.id = self.windows()[0]
        self.xdotool("windowmove", self.id, "0", "0")
        return seen

    def click(self, rect: list[int]) -> dict:
        """Click the middle of ``rect`` as a person would, and wait until the window has taken it
        (received the release and drawn a few frames since)."""
        before = self.screen()
        x, y = rect[0] + rect[2] // 2, rect[1] + rect[3] // 2
        self.xdotool("mousemove", "--window", self.id, str(x), str(y), "sleep", "0.15", "click", "1")
        got = self.wait(lambda s: s["clicks"] > before["clicks"], "the click to reach the window")
        return self.wait(lambda s: s["frame"] >= got["frame"] + 5, "the frames after the click")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def named(seen: dict, name: str) -> list[int] | None:
    """Where the control ``name`` is on the screen on top: an enabled button with that label, a
    row of a list whose label is it or begins with it, or the guide's own button; None if absent."""
    for c in seen["controls"]:
        if c["enabled"] and c["label"] == name:
            return c["rect"]
    for r in seen["rows"]:
        if r["enabled"] and (r["label"] == name or r["label"].startswith(name + " ")):
            return r["rect"]
    guide = seen["guide"]
    if guide is not None and guide["close"] is not None and name == "Close the guide":
        return guide["close"]
    return None


@pytest.fixture
def window(xvfb, tmp_path):
    w = Window(xvfb, tmp_path)
    yield w
    w.stop()


def test_the_guided_quarter_is_completed_in_a_real_window_by_following_its_instructions(window):
    menu = window.open()
    assert menu["size"] == list(SIZE)
    start = named(menu, "Tutorial: your first quarter")
    assert start is not None, [c["label"] for c in menu["controls"]]
    seen = window.click(start)
    clicked: list[tuple[int, str]] = []
    last = len(STEPS) - 1
    while True:
        seen = window.wait(lambda s: s["guide"] is not None, "the guide")
        step = seen["guide"]["step"]
        # the first thing the words tell to press that is on the screen and not pressed yet in this step
        todo = [n for n in TO_PRESS.findall(seen["guide"]["say"]) if (step, n) not in clicked]
        here = [(n, rect) for n in todo if (rect := named(seen, n)) is not None]
        if here:
            name, rect = here[0]
            clicked.append((step, name))
            if step == last:  # the guide's own ‘Close the guide’: it goes, and the game goes on
                seen = window.click(rect)
                seen = window.wait(lambda s: s["guide"] is None, "the guide to close")
                break
            window.click(rect)
        else:  # nothing to press here yet: the computer moves, or the screen changes
            window.wait(
                lambda s, was=seen: any(s[k] != was[k] for k in ("guide", "scene", "controls", "rows")),
                f"step {step + 1} to go on ({seen['guide']['say']!r})",
            )
    assert seen["steps"] == list(range(len(STEPS)))  # every step in turn, none skipped (as the window saw them)
    pressed = [name for _step, name in clicked]
    assert pressed == [n for s in STEPS for n in TO_PRESS.findall(s.say)]  # all it said, and nothing else
    assert all(set(TO_PRESS.findall(s.say)) == set(s.press) for s in STEPS)  # it said what the guide outlines
    assert seen["guide"] is None and seen["scene"] == "BoardScene" and seen["turn"] >= 1
    window.alive()
