"""The hot-seat hand-off: names the next player and shows nothing private until they confirm."""

from __future__ import annotations

import pygame

from game.present import naming
from game.present.lesson import timer_text
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import button_need


class HandoffScene(Scene):
    def __init__(self, app, board, faction: str):
        super().__init__(app)
        self.board, self.faction = board, faction

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        labels = ("I am here — show my faction", "Game menu")
        bw = min(w - 32, max(int(360 * min(s, 1.6)), *(button_need(self.app, label) for label in labels)))
        bh = int(48 * s)
        y = min(int(h * 0.68), h - 2 * bh - 28)
        self.button(
            ((w - bw) // 2, y, bw, bh),
            "I am here — show my faction",
            self.confirm,
            "Only press this when the other players cannot see the screen",
        )
        self.button(((w - bw) // 2, y + bh + 12, bw, bh), "Game menu", self.board.menu)

    def confirm(self) -> None:
        self.app.pop()
        self.board.seat_confirmed(self.faction)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        surface.fill(theme.BLACK)
        pygame.draw.polygon(surface, theme.RED, [(0, h), (w * 0.35, 0), (w * 0.45, 0), (w * 0.1, h)])
        seat = self.board.match.seats[self.faction]
        mid = self.app.fonts.bold(22)
        big = self.app.fonts.heading(
            54 if self.app.settings.font_scale * 54 <= h / 10 else int(h / 10 / self.app.settings.font_scale)
        )
        date = self.board.view.date
        lines = [
            (mid, f"{date} — next to play", theme.OCHRE),
            (big, f"Pass the screen to {seat.name}", theme.WHITE),
            (mid, naming.faction_name(self.app.rules, self.faction), theme.WHITE),
        ]
        seconds = self.board.match.options.turn_seconds
        if seconds:
            small = self.app.fonts.bold(16)
            lines.append((small, f"{timer_text(seconds)} for the turn, from when the board is yours", theme.OCHRE))
        # each line whole, wrapped (the heading's face is smaller where the window is small for
        # the font); as high on the screen as the badge under them needs
        room = self.controls[0][0].rect.y - 24 if self.controls else h
        wrapped = [(font, text.wrap(font, words, w - 80), colour) for font, words, colour in lines]
        high = sum(len(ls) * font.get_linesize() + 10 for font, ls, _ in wrapped) + 80
        y = max(int(h * 0.06), min(int(h * 0.22), room - high))
        for font, ls, colour in wrapped:
            for line in ls:
                img = text.render(font, line, colour)
                surface.blit(img, ((w - img.get_width()) // 2, y))
                y += font.get_linesize()
            y += 10
        size = min(72, max(24, room - y - 8))
        draw.badge(surface, self.app, self.faction, (w // 2, y + size // 2 + 4), size)
