"""Settings: window size, fullscreen, font scale, colour-blind palette, sound.  Kept on disk."""

from __future__ import annotations

import attrs
import pygame

from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import button_need, draw_wrapped, wrapped_button
from game.ui.settings import FONT_SCALES, SIZES


def _next(options, value):
    options = list(options)
    return options[(options.index(value) + 1) % len(options)] if value in options else options[0]


class SettingsScene(Scene):
    def build(self) -> None:
        s = self.app.settings
        w, h = self.app.size
        scale = s.font_scale
        x, top = int(w * 0.08), self.app.fonts.heading(24).get_linesize() + 44
        bottom = h - self.notes_height() - 16
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
        # one column where the buttons fit it, else two; each as wide as the longest label needs
        bw = max(int(520 * min(scale, 1.6)), max(button_need(self.app, r[0]) for r in rows))
        bh, gap = int(42 * scale), 10
        n = len(rows)
        if n * (bh + gap) > bottom - top:
            n = (len(rows) + 1) // 2
            bw = min(bw, (w - x - 16 - 2 * gap) // 2)
        least = self.app.fonts.bold(theme.BUTTON_SIZE).get_linesize() + 8
        bh = max(least, min(bh, (bottom - top) // n - gap))
        for i, (label, cb, tip) in enumerate(rows):
            col, row = divmod(i, n)
            wrapped_button(self, (x + col * (bw + 2 * gap), top + row * (bh + gap), bw, bh), label, cb, tip)

    NOTES = (
        "Keyboard: Tab or the arrows move between buttons, Enter presses, Escape goes back.",
        "Settings are kept for the next time the game starts.",
    )

    def notes(self) -> list[str]:
        w = self.app.size[0]
        font = self.app.fonts.body(15)
        paper = int(w * 0.55) - int(w * 0.08)  # on the paper, left of the black beam
        return [line for note in self.NOTES for line in text.wrap(font, note, paper)]

    def notes_height(self) -> int:
        """The lines under the buttons and the row of badges."""
        return len(self.notes()) * self.app.fonts.body(15).get_linesize() + 6 + self.badge_size() + 8

    def badge_size(self) -> int:
        return int(28 * min(self.app.settings.font_scale, 1.5))

    def draw_focus(self, surface: pygame.Surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)

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
        y = h - self.notes_height() - 8
        y = text.blit_lines(surface, font, self.notes(), (x, y), theme.BLACK) + 6
        # a sample of every faction's badge, to check the palette at a glance
        size = self.badge_size()
        for i, fid in enumerate(self.app.rules.factions):
            draw.badge(surface, self.app, fid, (x + size // 2 + i * (size * 2), y + size // 2), size)
