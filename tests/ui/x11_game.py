"""The game's window for the X11 tutorial test (``tests/ui/test_tutorial_x11.py``): opened as
``python -m game play`` opens it (the base rules, :class:`game.ui.app.App`, its own loop reading
the display's events), plus, after every frame, what a player would read off the screen written
to a JSON file: the guide's words, the labels and places of the buttons and rows on the screen
on top, how many clicks the window has received, and every step the guide has shown so far.  The test reads that file to know what the
instructions say and where the controls they name are, and clicks them with real X events.

It lives with the tests so that the game has no test hook of its own.  Run as
``python -m tests.ui.x11_game STATUS.json`` under a display (``SDL_VIDEODRIVER=x11``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def _rect(r) -> list[int]:
    return [int(r.x), int(r.y), int(r.w), int(r.h)]


def on_screen(app) -> dict:
    """What the window shows now: the scene on top, the guide, the controls and rows it offers."""
    scene = app.scene
    guide = app.tutorial
    controls = [
        {"label": b.text, "rect": _rect(b.rect), "enabled": bool(b.is_enabled)}
        for b, _ in getattr(scene, "controls", [])
        if b.visible
    ]
    rows = [
        {"label": choice.label, "rect": _rect(b.rect), "enabled": bool(b.is_enabled)}
        for b, choice, _ in getattr(scene, "rows", [])
        if b.visible
    ]
    shown = None
    if guide is not None and not guide.closed:
        close = guide.close_rect
        shown = {"step": guide.index, "say": guide.step.say, "close": _rect(close) if close is not None else None}
    return {
        "scene": type(scene).__name__ if scene is not None else None,
        "size": list(app.size),
        "guide": shown,
        "controls": controls,
        "rows": rows,
        "turn": app.match.state.turn if app.match is not None else None,
    }


def main(status: Path) -> int:
    import pygame

    from game.ruleset.loader import load_base
    from game.ui.app import App

    class Reporting(App):
        frames = 0
        clicks = 0
        steps: list[int] = []  # every step the guide showed, in turn (a test samples the file more slowly)

        def frame(self, events, dt: float = 1 / 60) -> None:
            self.clicks += sum(1 for e in events if e.type == pygame.MOUSEBUTTONUP)
            super().frame(events, dt)
            self.frames += 1
            if self.tutorial is not None and (not self.steps or self.steps[-1] != self.tutorial.index):
                self.steps.append(self.tutorial.index)
            if self.running:
                seen = on_screen(self) | {"frame": self.frames, "clicks": self.clicks, "steps": self.steps}
                part = status.with_suffix(".part")
                part.write_text(json.dumps(seen), encoding="utf-8")
                os.replace(part, status)

    Reporting(load_base()).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
