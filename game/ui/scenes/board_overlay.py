"""What the board draws over its widgets: the "thinking" sign over the action bar while the computer
moves (who is thinking and the latest news, whole), and the tooltip box beside the pointer.  Each
keeps what it drew for the next frame (the sign its news, the tooltips their boxes), so a frame
redraws neither."""

from __future__ import annotations

import math

import pygame

from game.ui import text, theme

#: the faces the thinking sign's latest news is tried in, largest first, and the room it leaves at
#: the right for the spinner
NEWS_SIZES = (14, 13, 12, 11)
NEWS_SPINNER = 100


class ThinkingSign:
    """The sign over the action bar while the computer moves, with the latest news it may show."""

    def __init__(self) -> None:
        #: (what the news was drawn for, its picture)
        self.cache: tuple | None = None

    def draw(self, app, surface: pygame.Surface, bar: pygame.Rect, who: str, latest: str | None) -> None:
        """Who is thinking, and the latest news whole: wrapped, in a smaller face if the bar needs it,
        and in a taller sign if even that does not fit the bar."""
        dots = "." * (1 + (pygame.time.get_ticks() // 300) % 3)
        img = text.render(app.fonts.bold(16), who + dots, theme.WHITE)
        news = self.news(app, latest, bar, img.get_height()) if latest else None
        high = img.get_height() + (news.get_height() + 2 if news else 0)
        r = pygame.Rect(bar.x, bar.y, bar.w, bar.h)
        if high + 16 > r.h:
            r.h = high + 16
            r.bottom = bar.bottom
        pygame.draw.rect(surface, theme.BLACK, r)
        y = r.centery - high // 2
        surface.blit(img, (r.x + 16, y))
        if news:
            surface.blit(news, (r.x + 16, y + img.get_height() + 2))
        angle = pygame.time.get_ticks() / 200
        cx, cy = r.right - 40, r.centery
        for i in range(8):
            a = angle + i * math.pi / 4
            colour = theme.RED if i == 0 else theme.OCHRE
            pygame.draw.circle(surface, colour, (cx + int(16 * math.cos(a)), cy + int(16 * math.sin(a))), 4 if i else 6)

    def news(self, app, latest: str, bar: pygame.Rect, heading: int) -> pygame.Surface:
        """The latest news wrapped beside the spinner, in the largest face that fits the bar (made
        once for each piece of news and size)."""
        width = bar.w - NEWS_SPINNER
        key = (latest, width, bar.h, heading, app.settings.font_scale)
        if self.cache is not None and self.cache[0] == key:
            text.shown(latest)
            return self.cache[1]
        room = bar.h - heading - 18
        for size in NEWS_SIZES:
            font = app.fonts.body(size)
            lines = text.wrap(font, latest, width)
            if len(lines) * font.get_linesize() <= room:
                break
        image = pygame.Surface((width, len(lines) * font.get_linesize()))
        image.fill(theme.BLACK)
        text.blit_lines(image, font, lines, (0, 0), theme.PAPER)
        self.cache = (key, image)
        return image


_TIPS: dict[tuple, pygame.Surface] = {}
#: the widths a tooltip is tried at (parts of the window's), narrowest first
TIP_WIDTHS = (0.3, 0.45, 0.6, 0.95)


def tooltip(app, surface: pygame.Surface, tip: str, pos: tuple[int, int]) -> None:
    """A dark box with ``tip`` wrapped to a third of the window (wider where that would be taller
    than the window, as a long tip at a large font is), beside the pointer (made once per text and
    size, then reused)."""
    key = (tip, surface.get_size(), app.settings.font_scale)
    box = _TIPS.get(key)
    if box is None:
        if len(_TIPS) > 500:
            _TIPS.clear()
        font = app.fonts.body(14)
        for part in TIP_WIDTHS:
            lines = text.wrap(font, tip, int(surface.get_width() * part))
            if len(lines) * font.get_linesize() + 12 <= surface.get_height() - 8:
                break
        w = max(font.size(line)[0] for line in lines) + 16
        h = len(lines) * font.get_linesize() + 12
        box = pygame.Surface((w, h))
        box.fill(theme.BLACK)
        pygame.draw.rect(box, theme.OCHRE, (0, 0, w, h), 2)
        text.blit_lines(box, font, lines, (8, 6), theme.WHITE)
        _TIPS[key] = box
    else:
        text.shown(tip)
    x = min(pos[0] + 16, surface.get_width() - box.get_width() - 4)
    y = max(0, min(pos[1] + 16, surface.get_height() - box.get_height() - 4))
    surface.blit(box, (x, y))
