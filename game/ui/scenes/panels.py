"""The board's panels: each an object with its place on the board, its content drawn from the view
on a surface of its own, its hotspots (tooltips), a dirty flag, and its own state (where it is
scrolled).  The board owns them and places them from the layout table (``layout.py``); they never
write the board's attributes.

A panel's content is drawn whole at the panel's width, however tall it comes out (``body``); a
panel whose content is taller than its room shows it in a pygame_gui scrolling container (it takes
the mouse wheel and has a scroll bar) instead of cutting it, and the board blits the part that
shows.  A new drawing takes effect when the whole picture of the board is drawn (:meth:`commit`),
never half-way, so that a drawing spread over frames keeps the last picture's tooltips right.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui import draw, theme

#: the tallest a panel's content is drawn (pixels); a panel holds far less
TALLEST = 2400
#: the width a scrolling panel leaves for its scroll bar
SCROLL_BAR = 20


#: the encyclopedia entry a click on a panel's heading opens (:mod:`game.ui.scenes.encyclopedia`):
#: a glossary id, ``kind.id``, or a kind for its list; the objectives open the scenario in play
HEADING_ENTRIES = {
    "offices": "offices",
    "bodies": "politburo",
    "press": "press",
    "map": "circular_flow",
    "scales": "trackers",
    "factions": "factions",
    "agenda": "plenum",
    "chronicle": "events",
}


def strip(app) -> int:
    """The height a panel's frame and heading take from it."""
    return app.fonts.heading(15).get_linesize() + 4 + 8


class Panel:
    """One panel of the board.  Subclasses give ``key`` (its name in the layout table), ``titles``
    (longest first; the first that fits is shown), ``tab`` (its name on a tab) and ``body`` (or
    ``draws``, the function ``body`` calls)."""

    key = ""
    titles: tuple[str, ...] = ("",)
    tab = ""
    #: what the panel is, for its tab's tooltip
    about = ""
    #: the fewest lines of text it must show to be read when it shares a column with others
    min_lines = 3
    #: for a panel with no state of its own, the function that draws its content, as ``body``
    #: would: (app, view, surface, width, spots) -> the height used
    draws = None

    def __init__(self, app):
        self.app = app
        self.rect = pygame.Rect(0, 0, 0, 0)  # its place on the board, frame and heading included
        self.inner = pygame.Rect(0, 0, 0, 0)  # where its content shows
        self.dirty = True  # its content is to be drawn again
        self.spots: list[tuple[pygame.Rect, str]] = []  # hotspots, in the content's coordinates
        self.content: pygame.Surface | None = None  # the whole content, while it scrolls
        self.box = None  # the scrolling container, while the content is taller than the panel
        self.area = None  # the scrolled element in it
        self._scratch: dict[int, tuple[pygame.Surface, int]] = {}  # by width: (surface, height used)
        self._next = None  # (inner, spots, content or None) of the picture being drawn

    # --- what subclasses give ------------------------------------------------------------------
    def title(self, view) -> tuple[str, ...]:
        return self.titles

    def body(self, view, surface: pygame.Surface, width: int, room: int, spots: list) -> int:
        """Draw the content from (0, 0) at ``width`` (``room``: the height it has on screen, a
        hint), add (rect, tooltip) pairs in its own coordinates; return the height used."""
        if self.draws is None:
            raise NotImplementedError
        return self.draws(self.app, view, surface, width, spots)

    def min_height(self) -> int:
        return strip(self.app) + self.min_lines * self.app.fonts.body(13).get_linesize()

    def entry(self, view) -> str | None:
        """The encyclopedia entry its heading opens (:data:`HEADING_ENTRIES`)."""
        return f"scenarios.{view.scenario}" if self.key == "objectives" else HEADING_ENTRIES.get(self.key)

    def heading_at(self, pos) -> bool:
        """``pos`` is on the panel's black heading strip."""
        return self.rect.collidepoint(pos) and pos[1] < self.rect.y + self.app.fonts.heading(15).get_linesize() + 4

    # --- drawing -------------------------------------------------------------------------------
    def drawn_whole(self, view, width: int, room: int = 0):
        """The content drawn whole at ``width``: (surface, hotspots, height).  The surface is the
        panel's own, kept from one drawing to the next (making one each time costs more than the
        drawing)."""
        surface, used = self._scratch.get(width) or (None, 0)
        if surface is None or surface.get_height() < min(TALLEST, 2 * self.app.size[1]):
            surface = pygame.Surface((max(1, width), min(TALLEST, 2 * self.app.size[1])))
            used = surface.get_height()
        surface.fill(theme.WHITE, (0, 0, width, used))  # what the last drawing used; the rest is white
        spots: list[tuple[pygame.Rect, str]] = []
        height = min(surface.get_height(), self.body(view, surface, width, room, spots))
        self._scratch[width] = (surface, height)
        return surface, spots, height

    def first_width(self, full: int) -> int:
        """The width to draw the content at first: less the scroll bar if it scrolled last time (it
        almost always still does), so that it is seldom drawn twice."""
        return full - SCROLL_BAR if self.box is not None else full

    def want(self, view, width: int):
        """(height the panel wants, the drawing it measured) at ``width`` for the whole panel."""
        drawn = self.drawn_whole(view, self.first_width(width - 12))
        return drawn[2] + strip(self.app), drawn

    def draw(self, view, surface: pygame.Surface, rect: pygame.Rect, drawn=None) -> None:
        """The panel framed at ``rect`` on the board's picture, its content in it (scrolling when
        taller); takes effect at :meth:`commit`."""
        self.rect = pygame.Rect(rect)
        inner = draw.panel(surface, self.app, rect, self.title(view))
        content, spots, h = drawn or self.drawn_whole(view, self.first_width(inner.w), inner.h)
        narrow = inner.w - SCROLL_BAR
        if h > inner.h and content.get_width() != narrow:
            content, spots, h = self.drawn_whole(view, narrow, inner.h)
        elif h <= inner.h and content.get_width() != inner.w:  # it scrolled, and fits now
            content, spots, h = self.drawn_whole(view, inner.w, inner.h)
        if h > inner.h:
            surface.blit(content, inner.topleft, (0, 0, narrow, inner.h))
            whole = content.subsurface((0, 0, content.get_width(), h)).copy()
            self._next = (inner, spots, whole)
        else:
            surface.blit(content, inner.topleft, (0, 0, inner.w, h))
            self._next = (inner, spots, None)
        self.dirty = False

    def hide(self) -> None:
        """Not on the board (a tab not chosen): nothing of it takes effect."""
        self._next = None
        self.rect = pygame.Rect(0, 0, 0, 0)

    def commit(self, host) -> None:
        """The picture being drawn is whole: this panel's hotspots and scrolling take effect.
        ``host`` (the board) keeps pygame_gui's elements: ``add`` and ``drop_element``."""
        if self._next is None:
            self.inner, self.spots, self.content = pygame.Rect(0, 0, 0, 0), [], None
            self._drop(host)
            return
        self.inner, self.spots, self.content = self._next
        self._next = None
        if self.content is None:
            self._drop(host)
        else:
            self._scroll(host)

    def _scroll(self, host) -> None:
        """A pygame_gui scrolling container over the inner area, kept with its place in the
        content while the panel is there, moved and resized with it."""
        size = self.content.get_size()
        rect = self.inner
        if self.box is not None and self.box.alive():
            if self.box.get_relative_rect() != rect:
                self.box.set_relative_position(rect.topleft)
                self.box.set_dimensions(rect.size)
            if self.area.rect.size != size:
                self.area.set_dimensions(size)
                self.box.set_scrollable_area_dimensions(size)
            return
        self._drop(host)
        manager = self.app.manager
        self.box = host.add(pygame_gui.elements.UIScrollingContainer(rect, manager, allow_scroll_x=False))
        self.area = ScrolledArea(pygame.Rect((0, 0), size), manager, self.box)
        self.box.set_scrollable_area_dimensions(size)
        if not host.visible:
            self.box.hide()

    def _drop(self, host) -> None:
        if self.box is not None:
            host.drop_element(self.box)
        self.box = self.area = None

    def forget_widgets(self) -> None:
        """The board's widgets were all made again: the old container went with them."""
        self.box = self.area = None

    @property
    def scrolls(self) -> bool:
        return self.box is not None and self.box.alive()

    @property
    def top(self) -> int:
        """How far down its content the panel is scrolled (pixels)."""
        return self.box.rect.y - self.area.rect.y if self.scrolls else 0

    def blit_scrolled(self, surface: pygame.Surface) -> None:
        """The part of a scrolling content that its container shows."""
        if self.scrolls and self.box.visible:
            surface.blit(self.content, self.box.rect.topleft, (0, self.top, self.content.get_width(), self.box.rect.h))

    def tip_at(self, pos) -> str | None:
        if not self.inner.collidepoint(pos):
            return None
        local = (pos[0] - self.inner.x, pos[1] - self.inner.y + self.top)
        return next((tip for r, tip in self.spots if r.collidepoint(local)), None)

    def page(self, pages: int) -> bool:
        """Scroll by ``pages`` of the panel's height (negative: back up) from the keyboard; True if
        it scrolls at all."""
        if not self.scrolls:
            return False
        bar = self.box.vert_scroll_bar
        bar.set_scroll_from_start_percentage(bar.start_percentage + pages * bar.visible_percentage * 0.9)
        return True

    def wheel(self, dy: int) -> bool:
        """The mouse wheel over the panel; True if the panel took it (a scrolling container takes
        it itself)."""
        return False


class ScrolledArea(pygame_gui.core.UIElement):
    """The content of a scrolling panel as pygame_gui's scrolling container sees it: an element of
    the content's size that the container moves and that the mouse hovers (so the wheel scrolls
    it), with no image of its own: the board draws the part that shows (an opaque blit of that
    part, where pygame_gui would blend the whole content every frame)."""

    def __init__(self, rect: pygame.Rect, manager, container):
        super().__init__(rect, manager, container, starting_height=1, layer_thickness=1, element_id=["scrolled"])


def share(total: int, wants: list[int]) -> list[int]:
    """Heights for panels that want ``wants``: each what it wants if that is no more than a fair
    share of what is left, the rest a fair share each.

    >>> share(100, [10, 80, 80])
    [10, 45, 45]
    """
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
