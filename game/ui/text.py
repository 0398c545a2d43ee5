"""Every word the window shows passes through :func:`shown`: drawn text via :func:`render`, and the
text given to pygame_gui widgets via :func:`gui`.  Tests replace :data:`WATCHERS` entries to check
that nothing private reaches the screen while another seat is at it.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

#: callables told of every string about to be shown
WATCHERS: list[Callable[[str], None]] = []

_CACHE: dict[tuple, pygame.Surface] = {}
_CACHE_LIMIT = 4000


def shown(text: str) -> str:
    for watch in WATCHERS:
        watch(text)
    return text


def gui(text: str) -> str:
    """Text handed to a pygame_gui widget."""
    return shown(text)


def heading_html(words: str, scale: float) -> str:
    """A heading in a pygame_gui text box, at a size that follows the font scale (pygame_gui's
    ``<font size=…>`` is the same at every scale: at 2× it came out smaller than the text)."""
    return f"<font pixel_size={heading_px(scale)}><b>{words}</b></font>"


def heading_px(scale: float) -> int:
    """The pixel size of a text box's heading: 20 at the normal font scale (the text is 16)."""
    return max(8, round(20 * scale))


def render(font: pygame.font.Font, text: str, colour, background=None) -> pygame.Surface:
    """The one place drawn text is made; surfaces are cached by (font, text, colour)."""
    shown(text)
    key = (id(font), text, tuple(colour), background)
    surf = _CACHE.get(key)
    if surf is None:
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.clear()
        surf = font.render(text, True, colour, background)
        _CACHE[key] = surf
    return surf


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of ``text`` that fit in ``width`` pixels (paragraphs kept at newlines)."""
    out: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            out.append("")
            continue
        line = words[0]
        for word in words[1:]:
            trial = line + " " + word
            if font.size(trial)[0] <= width:
                line = trial
            else:
                out.append(line)
                line = word
        out.append(line)
    return out


def blit_lines(
    surface: pygame.Surface,
    font: pygame.font.Font,
    lines: list[str],
    pos: tuple[int, int],
    colour,
    max_height: int | None = None,
) -> int:
    """Draw lines downward from ``pos``; returns the y below the last one drawn."""
    x, y = pos
    step = font.get_linesize()
    for line in lines:
        if max_height is not None and y + step > pos[1] + max_height:
            break
        surface.blit(render(font, line, colour), (x, y))
        y += step
    return y


def fit(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


def first_fitting(font: pygame.font.Font, options: tuple[str, ...] | list[str], width: int) -> str:
    """The first of ``options`` (longest first) that fits ``width`` pixels; the last one cut to
    fit if none does."""
    for option in options:
        if font.size(option)[0] <= width:
            return option
    return fit(font, options[-1], width)


def fitting_lines(fonts, words: str, width: int, height: int | None = None, max_lines: int | None = None):
    """(font, lines): ``words`` wrapped in the first of ``fonts`` (largest first) whose lines all
    fit ``width``, together ``height`` and no more than ``max_lines``; if none does, the last
    font's lines, cut to fit ``width`` where a ``height`` is given (else whole, however many)."""
    for font in fonts:
        lines = wrap(font, words, width)
        if (
            all(font.size(line)[0] <= width for line in lines)
            and (height is None or len(lines) * font.get_linesize() <= height)
            and (max_lines is None or len(lines) <= max_lines)
        ):
            return font, lines
    if height is None:
        return font, lines
    return font, [fit(font, line, width) for line in lines]
