"""The look of the window: a constructivist-poster palette (red, black, off-white, ochre), the
shipped fonts, faction colours and the symbols drawn beside them.

The palette, the font sizes and the pygame_gui theme are ``assets/theme.json``, each colour
written once.  Two palettes for the factions, both from the rule files: the poster colours
(``poster_colour``) and the colour-blind-safe colours (``colour``, Okabe-Ito).  Every faction is
always marked by its symbol as well as its colour.
"""

from __future__ import annotations

import json
import math

import pygame

from game.resources import ASSETS

FONTS = ASSETS / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
HEADING = FONTS / "DejaVuSansCondensed-Bold.ttf"
ITALIC = FONTS / "DejaVuSans-Oblique.ttf"

#: the look written once: the palette, the font sizes and the pygame_gui theme (``assets/theme.json``)
STYLE = json.loads((ASSETS / "theme.json").read_text(encoding="utf-8"))


def _rgb(text: str) -> tuple[int, int, int]:
    text = text.lstrip("#")
    return tuple(int(text[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


PALETTE: dict[str, tuple[int, int, int]] = {name: _rgb(value) for name, value in STYLE["palette"].items()}
RED = PALETTE["red"]
DARK_RED = PALETTE["dark_red"]
BLACK = PALETTE["black"]
PAPER = PALETTE["paper"]
PAPER_DARK = PALETTE["paper_dark"]
OCHRE = PALETTE["ochre"]
GREY = PALETTE["grey"]
DISABLED_TEXT = PALETTE["disabled_text"]  # a disabled button's label, here and in the pygame_gui theme
LIGHT_GREY = PALETTE["light_grey"]
WHITE = PALETTE["white"]
UNALIGNED_COLOUR = PALETTE["unaligned"]
#: font sizes (pixels at the normal font scale) by what they are for
SIZES: dict[str, int] = STYLE["sizes"]
#: the size of a plain button's bold label before the font scale (pygame_gui's ``button`` theme)
BUTTON_SIZE = SIZES["button"]


def hex_colour(text: str) -> tuple[int, int, int]:
    text = text.lstrip("#")
    try:
        return tuple(int(text[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return UNALIGNED_COLOUR


class Palette:
    """Faction colours for the chosen setting."""

    def __init__(self, rules, colour_blind: bool):
        self.colours = {}
        for fid, f in rules.factions.items():
            poster = f.poster_colour or f.colour  # a faction without a poster colour keeps its own
            self.colours[fid] = hex_colour(f.colour if colour_blind else poster)
        self.symbols = {fid: f.symbol for fid, f in rules.factions.items()}

    def colour(self, faction: str | None) -> tuple[int, int, int]:
        return self.colours.get(faction, UNALIGNED_COLOUR)


class Fonts:
    """The three faces at sizes scaled by the font-scale setting; cached by size."""

    def __init__(self, scale: float):
        self.scale = scale
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        #: what was measured in these fonts (lines of wrapped labels), kept as long as they are
        self.memo: dict[tuple, object] = {}

    def get(self, face: str, size: int) -> pygame.font.Font:
        px = max(8, round(size * self.scale))
        key = (face, px)
        if key not in self._cache:
            path = {"regular": REGULAR, "bold": BOLD, "heading": HEADING}[face]
            self._cache[key] = pygame.font.Font(str(path), px)
        return self._cache[key]

    def body(self, size: int = 14) -> pygame.font.Font:
        return self.get("regular", size)

    def bold(self, size: int = 14) -> pygame.font.Font:
        return self.get("bold", size)

    def heading(self, size: int = 22) -> pygame.font.Font:
        return self.get("heading", size)


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.42
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    return pts


def draw_symbol(surface: pygame.Surface, symbol: str, centre: tuple[int, int], size: int, colour, ink=WHITE) -> None:
    """A faction's badge: a disc of its colour with its symbol in ``ink``."""
    cx, cy = centre
    r = size // 2
    pygame.draw.circle(surface, colour, centre, r)
    pygame.draw.circle(surface, BLACK, centre, r, max(1, size // 14))
    s = r * 0.62
    if symbol == "star":
        pygame.draw.polygon(surface, ink, _star(cx, cy + s * 0.08, s * 1.05))
    elif symbol == "hammer":
        w = max(2, int(s * 0.32))
        pygame.draw.rect(surface, ink, (cx - w // 2, cy - s * 0.4, w, s * 1.4))
        pygame.draw.rect(surface, ink, (cx - s * 0.8, cy - s * 0.85, s * 1.6, s * 0.55))
    elif symbol == "tower":
        pygame.draw.rect(surface, ink, (cx - s * 0.5, cy - s * 0.5, s, s * 1.4))
        for dx in (-0.5, -0.1, 0.3):
            pygame.draw.rect(surface, ink, (cx + s * dx, cy - s * 0.85, s * 0.22, s * 0.4))
    elif symbol == "book":
        pygame.draw.polygon(
            surface,
            ink,
            [(cx - s, cy - s * 0.6), (cx - 1, cy - s * 0.4), (cx - 1, cy + s * 0.8), (cx - s, cy + s * 0.6)],
        )
        pygame.draw.polygon(
            surface,
            ink,
            [(cx + s, cy - s * 0.6), (cx + 1, cy - s * 0.4), (cx + 1, cy + s * 0.8), (cx + s, cy + s * 0.6)],
        )
    else:  # an unaligned seat or a mod's faction with a symbol we do not draw: a ring
        pygame.draw.circle(surface, ink, centre, max(2, int(s * 0.6)), max(1, size // 10))


def gui_theme(scale: float) -> dict:
    """The pygame_gui theme from ``assets/theme.json``: its colours from the palette, its fonts the
    shipped faces at sizes scaled for the back of the room."""
    faces = {
        "body": {"name": "dejavu", "regular_path": str(REGULAR), "bold_path": str(BOLD), "italic_path": str(ITALIC)},
        "condensed": {"name": "dejavu_condensed", "regular_path": str(HEADING), "bold_path": str(HEADING)},
    }

    def value(v):
        if isinstance(v, dict):
            return {k: value(x) for k, x in v.items() if k != "about"}
        if isinstance(v, str) and v.startswith("$"):
            return STYLE["palette"][v[1:]]
        return v

    out = {}
    for element, block in STYLE["gui"].items():
        block = value(block)
        if "font" in block:
            font = block["font"]
            size = SIZES[font["size"]] if isinstance(font["size"], str) else font["size"]
            block["font"] = dict(faces[font["face"]], size=str(max(8, round(size * scale))))
            if font.get("bold"):
                block["font"]["bold"] = "1"
        if block.get("misc") == "misc":
            block["misc"] = dict(STYLE["misc"])
        out[element] = block
    # a tooltip wraps at a width that grows with its font (pygame_gui's default, 170 pixels, is for 1×)
    out.setdefault("tool_tip", {}).setdefault("misc", {})["rect_width"] = str(round(170 * scale))
    return out
