"""Shapes of the poster style shared by the screens: the red band, wedges, panels, bars, badges."""

from __future__ import annotations

import pygame

from game.ui import text, theme


def poster_background(surface: pygame.Surface) -> None:
    """Off-white paper, a red wedge and a black beam: the backdrop of the menus."""
    w, h = surface.get_size()
    surface.fill(theme.PAPER)
    pygame.draw.polygon(surface, theme.RED, [(w * 0.62, 0), (w, 0), (w, h), (w * 0.80, h)])
    pygame.draw.polygon(surface, theme.BLACK, [(w * 0.55, h), (w * 0.60, h), (w, h * 0.18), (w, h * 0.10)])
    pygame.draw.circle(surface, theme.OCHRE, (int(w * 0.86), int(h * 0.30)), int(h * 0.11))


def band(surface: pygame.Surface, app, title: str, right: str = "", width: int | None = None) -> int:
    """The red title band across the top (the title cut to ``width``); returns its height."""
    font = app.fonts.heading(24)
    h = font.get_linesize() + 16
    w = surface.get_width()
    pygame.draw.rect(surface, theme.RED, (0, 0, w, h))
    pygame.draw.rect(surface, theme.BLACK, (0, h, w, 4))
    if width is not None:
        title = text.fit(font, title, max(60, width))
    surface.blit(text.render(font, title, theme.WHITE), (16, 8))
    if right:
        img = text.render(app.fonts.bold(16), right, theme.WHITE)
        surface.blit(img, (w - img.get_width() - 16, (h - img.get_height()) // 2))
    return h + 4


def panel(surface: pygame.Surface, app, rect: pygame.Rect, title: str | tuple[str, ...]) -> pygame.Rect:
    """A framed panel with a black heading strip; returns the inner area below the heading.
    ``title`` may be a tuple of titles, longest first: the first that fits is shown."""
    pygame.draw.rect(surface, theme.WHITE, rect)
    font = app.fonts.heading(15)
    strip = font.get_linesize() + 4
    pygame.draw.rect(surface, theme.BLACK, (rect.x, rect.y, rect.w, strip))
    titles = tuple(t.upper() for t in ((title,) if isinstance(title, str) else title))
    surface.blit(
        text.render(font, text.first_fitting(font, titles, rect.w - 12), theme.PAPER), (rect.x + 6, rect.y + 2)
    )
    pygame.draw.rect(surface, theme.BLACK, rect, 2)
    return pygame.Rect(rect.x + 6, rect.y + strip + 4, rect.w - 12, rect.h - strip - 8)


def badge(surface: pygame.Surface, app, faction: str | None, centre: tuple[int, int], size: int) -> None:
    symbol = app.palette.symbols.get(faction, "") if faction else ""
    theme.draw_symbol(surface, symbol, centre, size, app.palette.colour(faction))


def stacked_bar(surface: pygame.Surface, app, rect: pygame.Rect, parts: list[tuple[str | None, int]]) -> None:
    """A bar split in proportion to each (faction, count), in faction colours."""
    total = sum(n for _, n in parts) or 1
    x = rect.x
    for i, (faction, n) in enumerate(parts):
        w = rect.w - (x - rect.x) if i == len(parts) - 1 else round(rect.w * n / total)
        if w > 0:
            pygame.draw.rect(surface, app.palette.colour(faction), (x, rect.y, w, rect.h))
            pygame.draw.line(surface, theme.BLACK, (x, rect.y), (x, rect.bottom - 1))
        x += w
    pygame.draw.rect(surface, theme.BLACK, rect, 1)
