"""The look of the window: a constructivist-poster palette (red, black, off-white, ochre), the
shipped fonts, faction colours and the symbols drawn beside them.

Two palettes for the factions, both from the rule files: the poster colours (``poster_colour``),
and the colour-blind-safe colours (``colour``, Okabe-Ito).  Every faction is always marked by its symbol as well as its colour.
"""

from __future__ import annotations

import math

import pygame

from game.resources import ASSETS

FONTS = ASSETS / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
HEADING = FONTS / "DejaVuSansCondensed-Bold.ttf"
ITALIC = FONTS / "DejaVuSans-Oblique.ttf"

RED = (196, 30, 36)
DARK_RED = (140, 18, 22)
#: the size of a plain button's bold label before the font scale (pygame_gui's ``button`` theme)
BUTTON_SIZE = 18
BLACK = (24, 22, 20)
PAPER = (240, 232, 214)
PAPER_DARK = (222, 210, 186)
OCHRE = (222, 160, 38)
GREY = (128, 120, 110)
DISABLED_TEXT = (110, 102, 92)  # a disabled button's label, here and in the pygame_gui theme
LIGHT_GREY = (190, 182, 168)
WHITE = (252, 248, 240)

UNALIGNED_COLOUR = (150, 142, 130)


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


def _hex(rgb: tuple[int, int, int]) -> str:
    """A colour as pygame_gui's theme writes it (``#RRGGBB``)."""
    return "#" + "".join(f"{c:02X}" for c in rgb)


def gui_theme(scale: float) -> dict:
    """The pygame_gui theme: shipped fonts, poster colours, sizes scaled for the back of the room."""

    def size(n: int) -> str:
        return str(max(8, round(n * scale)))

    font = {
        "name": "dejavu",
        "size": size(16),
        "regular_path": str(REGULAR),
        "bold_path": str(BOLD),
        "italic_path": str(ITALIC),
    }
    colours = {
        "normal_bg": "#F0E8D6",
        "hovered_bg": "#DEA026",
        "disabled_bg": "#BEB6A8",
        "selected_bg": "#C41E24",
        "active_bg": "#C41E24",
        "dark_bg": "#F0E8D6",
        "normal_text": "#181614",
        "hovered_text": "#181614",
        "selected_text": "#FCF8F0",
        "disabled_text": _hex(DISABLED_TEXT),
        "active_text": "#FCF8F0",
        "normal_border": "#181614",
        "hovered_border": "#181614",
        "selected_border": "#181614",
        "text_cursor": "#C41E24",
        "link_text": "#8C1216",
        "link_hover": "#C41E24",
        "link_selected": "#181614",
    }
    condensed = {"name": "dejavu_condensed", "size": size(13), "regular_path": str(HEADING), "bold_path": str(HEADING)}
    misc = {"shape": "rectangle", "border_width": "2", "shadow_width": "0", "tool_tip_delay": "0.4"}
    return {
        "defaults": {"font": font, "colours": colours, "misc": misc},
        "button": {"font": dict(font, size=size(BUTTON_SIZE), bold="1"), "misc": misc},
        "#action": {"font": condensed, "misc": misc},
        # an action whose name takes more than a line: the board draws it wrapped over the button
        "#action_wrapped": {
            "font": condensed,
            "misc": misc,
            "colours": {
                k: "#00000000" for k in ("normal_text", "hovered_text", "disabled_text", "selected_text", "active_text")
            },
        },
        # a panel's tab, where a column shows its panels one at a time; the one on show in red
        "#tab": {"font": dict(condensed, size=size(14)), "misc": misc},
        "#tab_chosen": {
            "font": dict(condensed, size=size(14)),
            "misc": misc,
            "colours": {"normal_bg": "#C41E24", "normal_text": "#FCF8F0", "hovered_bg": "#DEA026"},
        },
        "#end_turn": {
            "font": dict(font, size=size(15), bold="1"),
            "misc": misc,
            "colours": {"normal_bg": "#C41E24", "normal_text": "#FCF8F0", "hovered_bg": "#DEA026"},
        },
        "label": {"colours": {"dark_bg": "#00000000", "normal_text": "#181614"}},
        "#title": {"font": dict(font, size=size(40), bold="1"), "colours": {"normal_text": "#C41E24"}},
        "text_box": {"font": dict(font, size=size(16)), "colours": {"dark_bg": "#FCF8F0"}},
        "tool_tip": {"colours": {"dark_bg": "#181614", "normal_text": "#FCF8F0"}},
        "text_entry_line": {
            "font": dict(font, size=size(16)),
            "colours": {
                "dark_bg": "#FCF8F0",
                "normal_text": "#181614",
                "disabled_dark_bg": "#DED2BA",
                "disabled_text": _hex(DISABLED_TEXT),
            },
        },
        "drop_down_menu": {"colours": {"dark_bg": "#FCF8F0"}},
        "selection_list": {"colours": {"dark_bg": "#FCF8F0"}},
    }
