"""Modal boxes over the current screen: a message (with scrolling text) and a yes/no question."""

from __future__ import annotations

import html

import pygame

from game.ui import text, theme
from game.ui.app import Scene


def escape(words: str) -> str:
    """Plain text for a pygame_gui text box (its markup is a small HTML)."""
    return html.escape(words).replace("\n", "<br>")


class MessageScene(Scene):
    """A title, a scrolling text, and buttons (default: OK)."""

    modal = True
    #: the share of the box's width left of the text for a subclass to draw in
    side = 0.0

    def __init__(self, app, title: str, body: str, buttons=None, width: float = 0.6, height: float = 0.6):
        super().__init__(app)
        self.title, self.body = title, body
        self.choices = buttons or [("OK", None)]
        self.wf, self.hf = width, height

    def box(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(int(w * (1 - self.wf) / 2), int(h * (1 - self.hf) / 2), int(w * self.wf), int(h * self.hf))

    def build(self) -> None:
        r = self.box()
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(22).get_linesize() + 20
        bh = int(40 * s)
        side = int(r.w * self.side)
        self.side_rect = pygame.Rect(r.x + 16, r.y + top, side - 16, r.h - top - bh - 32)
        self.text_box = self.textbox(
            (r.x + 16 + side, r.y + top, r.w - 32 - side, r.h - top - bh - 32), escape(self.body)
        )
        n = len(self.choices)
        bw = min(int(240 * s), (r.w - 32 - 10 * (n - 1)) // n)
        for i, (label, cb) in enumerate(self.choices):
            x = r.right - 16 - (n - i) * bw - (n - 1 - i) * 10
            self.button((x, r.bottom - bh - 16, bw, bh), label, self._choose(cb))

    def _choose(self, callback):
        def run():
            self.app.pop()
            if callback is not None:
                callback()

        return run

    def key(self, event) -> None:
        """Page Up / Page Down scroll the text; the other keys work the buttons."""
        bar = getattr(getattr(self, "text_box", None), "scroll_bar", None)
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and bar is not None:
            step = bar.visible_percentage * (1 if event.key == pygame.K_PAGEDOWN else -1)
            bar.set_scroll_from_start_percentage(
                min(max(bar.start_percentage + step, 0.0), 1.0 - bar.visible_percentage)
            )
            return
        super().key(event)

    def back(self) -> None:
        self._choose(self.choices[-1][1] if len(self.choices) == 1 else None)()

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((24, 22, 20, 150))
        surface.blit(shade, (0, 0))
        r = self.box()
        pygame.draw.rect(surface, theme.PAPER, r)
        pygame.draw.rect(surface, theme.BLACK, r, 4)
        font = self.app.fonts.heading(22)
        pygame.draw.rect(surface, theme.RED, (r.x, r.y, r.w, font.get_linesize() + 12))
        surface.blit(text.render(font, text.fit(font, self.title, r.w - 24), theme.WHITE), (r.x + 12, r.y + 6))


def confirm(app, title: str, body: str, yes_label: str, on_yes) -> None:
    """Ask before doing something that cannot be taken back."""
    app.push(MessageScene(app, title, body, [(yes_label, on_yes), ("Cancel", None)], 0.5, 0.4))


def message(app, title: str, body: str) -> None:
    app.push(MessageScene(app, title, body, None, 0.6, 0.5))
