"""Board panels drawn whole: each panel's content is drawn at the panel's width on a surface of
its own, however tall it comes out; the panels of a column share its height (each as tall as its
content while there is room), and a panel whose content is taller than its room shows it in a
pygame_gui scrolling container (see ``BoardScene.scroller``) instead of cutting it.

:func:`column` and :func:`panel` are generators that yield after each piece of work (a panel's
content drawn, a panel placed), so that the window can spread a drawing of the board over frames.

A panel's content is drawn by a *body*: ``body(scene, surface, width, hotspots) -> height``, which
draws from (0, 0) and adds (rect, tooltip) pairs in its own coordinates.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pygame

from game.ui import draw, theme

#: the tallest a panel's content is drawn (pixels); a panel holds far less
TALLEST = 2400
#: the width a scrolling panel leaves for its scroll bar
SCROLL_BAR = 20


def strip(app) -> int:
    """The height a panel's frame and heading take from it."""
    return app.fonts.heading(15).get_linesize() + 4 + 8


def drawn_whole(scene, body, width: int):
    """A panel's content drawn whole at ``width``: (surface, hotspots, height).  The surface is
    the panel's own, kept from one drawing to the next (making one each time costs more than the
    drawing)."""
    key = (body.__name__, width, scene.app.size[1])
    surface, used = scene.scratch.get(key) or (None, 0)
    if surface is None:
        surface = pygame.Surface((max(1, width), min(TALLEST, 2 * scene.app.size[1])))
        used = surface.get_height()
    surface.fill(theme.WHITE, (0, 0, width, used))  # what the last drawing used; the rest is white
    spots: list[tuple[pygame.Rect, str]] = []
    height = min(surface.get_height(), body(scene, surface, width, spots))
    scene.scratch[key] = (surface, height)
    return surface, spots, height


def first_width(scene, body, full: int) -> int:
    """The width to draw a panel's content at first: less the scroll bar if it scrolled last
    time (it almost always still does), so that it is seldom drawn twice."""
    return full - SCROLL_BAR if body.__name__ in scene.scrollers else full


def column(scene, surface, col: pygame.Rect, panels, rest: int = 0) -> Generator[None, None, pygame.Rect]:
    """Panels stacked down a column, each as tall as its content while there is room; when there
    is not, each has a fair share and the taller ones scroll.  ``panels``: (titles, body, share)
    each, where a share above 0 lets that panel have what it wants up to that part of the column
    before the others share.  ``rest``: height kept below the panels (returned as a rect) for a
    panel that fills what is left (the generator's value)."""
    app = scene.app
    gap = 6
    inner_w = col.w - 12
    drawn = []
    for _, body, _ in panels:
        drawn.append(drawn_whole(scene, body, first_width(scene, body, inner_w)))
        yield
    wants = [h + strip(app) for _, _, h in drawn]
    room = col.h - gap * (len(panels) - (0 if rest else 1)) - rest
    # a panel that comes first has what it wants up to its share of the column; the rest share
    first = [min(want, int(col.h * part)) if part else 0 for want, (_, _, part) in zip(wants, panels, strict=True)]
    others = share(room - sum(first), [w for w, f in zip(wants, first, strict=True) if not f])
    heights = [f or others.pop(0) for f in first]
    if not rest:
        heights[-1] += room - sum(heights)  # the last panel takes what is left
    y = col.y
    for (title, body, _), h, content in zip(panels, heights, drawn, strict=True):
        yield from panel(scene, surface, pygame.Rect(col.x, y, col.w, h), title, body, content)
        y += h + gap
    return pygame.Rect(col.x, y, col.w, col.bottom - y)


def share(total: int, wants: list[int]) -> list[int]:
    """Heights for panels that want ``wants``: each what it wants if that is no more than a fair
    share of what is left, the rest a fair share each."""
    out = [0] * len(wants)
    todo = list(range(len(wants)))
    left = total
    while todo:
        fair = left // len(todo)
        small = [i for i in todo if wants[i] <= fair]
        if not small:
            for i in todo:
                out[i] = fair
            break
        for i in small:
            out[i] = wants[i]
            left -= wants[i]
            todo.remove(i)
    return out


def panel(scene, surface, rect: pygame.Rect, title, body, drawn=None) -> Iterator[None]:
    """A panel whose content ``body(scene, content, width, hotspots) -> height`` is drawn whole
    (``drawn``: already, at the width :func:`first_width` gives); when it is taller than the
    panel it scrolls, in a pygame_gui scrolling container."""
    inner = draw.panel(surface, scene.app, rect, title)
    content, spots, h = drawn or drawn_whole(scene, body, first_width(scene, body, inner.w))
    narrow = inner.w - SCROLL_BAR
    if h > inner.h and content.get_width() != narrow:
        content, spots, h = drawn_whole(scene, body, narrow)
    elif h <= inner.h and content.get_width() == narrow:  # it scrolled, and fits now
        content, spots, h = drawn_whole(scene, body, inner.w)
    if h > inner.h:
        surface.blit(content, inner.topleft, (0, 0, inner.w - SCROLL_BAR, inner.h))
        scene.scroller(body.__name__, inner, content.subsurface((0, 0, content.get_width(), h)).copy(), spots)
    else:
        surface.blit(content, inner.topleft, (0, 0, inner.w, h))
        scene.next_hotspots.extend((r.move(inner.topleft), tip) for r, tip in spots)
    yield
