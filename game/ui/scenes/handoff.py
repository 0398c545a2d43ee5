"""The hot-seat hand-off: names the next player and shows nothing private until they confirm."""

from __future__ import annotations

import pygame

from game.session import present
from game.ui import draw, text, theme
from game.ui.app import Scene


class HandoffScene(Scene):
    def __init__(self, app, board, faction: str):
        super().__init__(app)
        self.board, self.faction = board, faction

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        bw, bh = int(360 * min(s, 1.6)), int(48 * s)
        self.button(
            ((w - bw) // 2, int(h * 0.68), bw, bh),
            "I am here — show my faction",
            self.confirm,
            "Only press this when the other players cannot see the screen",
        )
        self.button(((w - bw) // 2, int(h * 0.68) + bh + 12, bw, bh), "Game menu", self.board.menu)

    def confirm(self) -> None:
        self.app.pop()
        self.board.seat_confirmed(self.faction)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        surface.fill(theme.BLACK)
        pygame.draw.polygon(surface, theme.RED, [(0, h), (w * 0.35, 0), (w * 0.45, 0), (w * 0.1, h)])
        seat = self.board.match.seats[self.faction]
        big, mid = self.app.fonts.heading(54), self.app.fonts.bold(22)
        date = self.board.view["date"]
        lines = [
            (mid, f"{date} — next to play", theme.OCHRE),
            (big, f"Pass the screen to {seat.name}", theme.WHITE),
            (mid, present.faction_name(self.app.rules, self.faction), theme.WHITE),
        ]
        y = int(h * 0.22)
        for font, words, colour in lines:
            img = text.render(font, text.fit(font, words, w - 80), colour)
            surface.blit(img, ((w - img.get_width()) // 2, y))
            y += font.get_linesize() + 10
        draw.badge(surface, self.app, self.faction, (w // 2, y + 40), 72)
