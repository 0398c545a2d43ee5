"""Settings: window size, fullscreen, font scale, colour-blind palette, sound.  Kept on disk."""

from __future__ import annotations

import attrs
import pygame

from game.ui import draw, text, theme
from game.ui.app import Scene
from game.ui.settings import FONT_SCALES, SIZES


def _next(options, value):
    options = list(options)
    return options[(options.index(value) + 1) % len(options)] if value in options else options[0]


class SettingsScene(Scene):
    def build(self) -> None:
        s = self.app.settings
        w, h = self.app.size
        scale = s.font_scale
        bw, bh = int(520 * min(scale, 1.6)), int(42 * scale)
        x, y = int(w * 0.08), int(h * 0.22)
        rows = [
            (f"Window size: {s.width}×{s.height}", self.size, "Cycle through 1280×720, 1600×900 and 1920×1080"),
            (f"Fullscreen: {'on' if s.fullscreen else 'off'}", self.fullscreen, "Fill the screen (for a projector)"),
            (f"Font scale: {s.font_scale:g}×", self.font, "Larger type, readable from the back of a classroom"),
            (
                f"Colour-blind palette: {'on' if s.colour_blind else 'off'}",
                self.palette,
                "Okabe-Ito colours; every faction also keeps its symbol",
            ),
            (f"Sound: {'on' if s.sound else 'off'}", self.sound, "A click on every button"),
            ("Back", self.back, "Return to the previous screen (Escape)"),
        ]
        for i, (label, cb, tip) in enumerate(rows):
            self.button((x, y + i * (bh + 10), bw, bh), label, cb, tip)

    def _apply(self, **changes) -> None:
        focus = self.focus
        self.app.apply_settings(attrs.evolve(self.app.settings, **changes))
        self.focus = focus

    def size(self) -> None:
        w, h = _next(SIZES, self.app.settings.size)
        self._apply(width=w, height=h)

    def fullscreen(self) -> None:
        self._apply(fullscreen=not self.app.settings.fullscreen)

    def font(self) -> None:
        self._apply(font_scale=_next(FONT_SCALES, self.app.settings.font_scale))

    def palette(self) -> None:
        self._apply(colour_blind=not self.app.settings.colour_blind)

    def sound(self) -> None:
        self._apply(sound=not self.app.settings.sound)

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        draw.poster_background(surface)
        draw.band(surface, self.app, "SETTINGS")
        w, h = surface.get_size()
        font = self.app.fonts.body(15)
        x = int(w * 0.08)
        y = h - 4 * font.get_linesize() - 16
        for line in (
            "Keyboard: Tab or the arrows move between buttons, Enter presses, Escape goes back.",
            "Settings are kept for the next time the game starts.",
        ):
            surface.blit(text.render(font, line, theme.BLACK), (x, y))
            y += font.get_linesize()
        # a sample of every faction's badge, to check the palette at a glance
        y += 6
        for i, fid in enumerate(self.app.rules.factions):
            cx = x + 20 + i * 60
            draw.badge(surface, self.app, fid, (cx, y + 14), 28)
