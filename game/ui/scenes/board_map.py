"""The board's map of the party organisations: each region's tile in its cell (from the rule
files' ``map``), its name whole, its secretary, delegates, the secretary's hold and the rank and
file's sympathy; its tooltip the engine's own reason for where its delegation would go.
"""

from __future__ import annotations

import attrs
import pygame

from game.present import naming, situation
from game.ui import draw, text, theme
from game.ui.scenes.panels import Panel


@attrs.frozen
class _Region:
    id: str
    name: str
    secretary: str
    faction: str | None
    hold: int
    sympathy: dict
    delegates: int
    follows: str | None
    why: object  # the engine's reason (congress.Why), or None


def _region_rows(rules, view) -> list[_Region]:
    """Each party organisation as the map draws it: the secretary by name and his faction."""
    out = []
    for rid, reg in view.regions.items():
        sec = reg.secretary
        owner = view.figures[sec].faction if sec in view.figures else None
        delegates = reg.delegates or rules.regions[rid].delegates
        out.append(
            _Region(
                rid,
                rules.regions[rid].name,
                naming.figure_name(rules, sec),
                owner,
                reg.loyalty,
                dict(reg.sympathy),
                delegates,
                reg.follows,
                reg.why,
            )
        )
    return out


def _owner(rules, faction: str | None) -> str:
    return naming.faction_name(rules, faction) if faction else "unaligned"


#: the map's grid at its smallest (columns, rows); it grows to hold every region's cell
MAP_GRID = (4, 3)
#: the faces a region's name is tried in, largest first: the first whose lines fit the tile
NAME_SIZES = (13, 11, 10, 9)
#: the most lines a region's name takes before a smaller face is tried
NAME_LINES = 2


def map_cells(rules) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Each region's cell on the map, and the grid's columns and rows: a region's own cell where it
    has one (``map`` in the rule files), else the first free cell in reading order; the grid
    grows a row when none is free."""
    cells = {rid: tuple(reg.map) for rid, reg in rules.regions.items() if reg.map is not None}
    cols = max([MAP_GRID[0]] + [c + 1 for c, _ in cells.values()])
    rows = max([MAP_GRID[1]] + [r + 1 for _, r in cells.values()])
    taken = set(cells.values())
    for rid in rules.regions:
        if rid in cells and list(cells.values()).count(cells[rid]) == 1:
            continue
        if rid in cells:  # two on one cell (a mod's oversight, which the validator reports)
            taken.add(cells.pop(rid))
        free = next(((c, r) for r in range(rows) for c in range(cols) if (c, r) not in taken), None)
        if free is None:
            free, rows = (0, rows), rows + 1
        cells[rid] = free
        taken.add(free)
    return cells, cols, rows


def region_tip(rules, row: _Region) -> str:
    """A region's tooltip: its delegates, secretary, hold and sympathy, and whom it would follow."""
    parts = [(f, n) for f, n in sorted(row.sympathy.items())]
    sympathy = ", ".join(f"{naming.faction_name(rules, f)} {n}" for f, n in parts if n) or "none"
    # the engine's own sum, term by term (situation.delegation_text), where the view gives it
    why = situation.delegation_text(rules, row.why, row.follows) if row.why is not None else ""
    if why:
        follows = f" If the Congress met now: {why}."
    elif row.follows:
        follows = f" If the Congress met now it would follow {naming.faction_name(rules, row.follows)}."
    else:
        follows = ""
    return (
        f"{row.name}: {row.delegates} delegates to the Congress. Secretary "
        f"{row.secretary} ({_owner(rules, row.faction)}), hold {row.hold} "
        f"(black bar). Rank and file's sympathy (coloured bar): {sympathy}.{follows} A delegation "
        "follows its secretary unless the sympathy against him is overwhelming."
    )


def _name_lines(app, name: str, width: int):
    """(font, lines): a region's name wrapped in the largest face whose lines all fit ``width`` in
    at most two lines (the smallest face in as many lines as it needs, if none does)."""
    return text.fitting_lines([app.fonts.bold(n) for n in NAME_SIZES], name, width, max_lines=NAME_LINES)


def _map(app, view, surface, w: int, room: int, spots) -> int:
    """The regions on a grid, each tile its name whole, its secretary, its delegates, the
    secretary's hold (black bar) and the rank and file's sympathy (coloured bar).  The tiles share
    the room the panel has, and are as tall as their text needs where that is more."""
    rules = app.rules
    rows = _region_rows(rules, view)
    cells, ncols, nrows = map_cells(rules)
    font, big = app.fonts.body(12), app.fonts.heading(14)
    step = font.get_linesize()
    cw = w // ncols
    names = {row.id: _name_lines(app, row.name, cw - 6 - 14) for row in rows}
    need = max((len(lines) * f.get_linesize() for f, lines in names.values()), default=0)
    need += step + 2 + big.get_linesize() + 10
    ch = max(need, (room // nrows) if room else 0)
    pygame.draw.rect(surface, theme.PAPER, (0, 0, w, ch * nrows))
    for row in rows:
        c, r = cells[row.id]
        tile = pygame.Rect(c * cw + 3, r * ch + 3, cw - 6, ch - 6)
        colour = app.palette.colour(row.faction)
        pygame.draw.rect(surface, theme.WHITE, tile)
        pygame.draw.rect(surface, colour, (tile.x, tile.y, 6, tile.h))
        pygame.draw.rect(surface, theme.BLACK, tile, 1 if rules.regions[row.id].organisation else 2)
        x = tile.x + 10
        room_w = tile.right - x - 4
        name_font, lines = names[row.id]
        y = text.blit_lines(surface, name_font, lines, (x, tile.y + 3), theme.BLACK)
        draw.badge(surface, app, row.faction, (x + step // 2, y + step // 2), step - 2)
        surname = row.secretary.split()[-1]
        surface.blit(text.render(font, text.fit(font, surname, room_w - step - 4), theme.BLACK), (x + step + 3, y))
        y += step + 2
        delegates = text.render(big, str(row.delegates), theme.RED)
        surface.blit(delegates, (x, y - 2))
        bx = x + delegates.get_width() + 6
        bw = tile.right - bx - 6
        bh = max(5, step // 2)
        pygame.draw.rect(surface, theme.LIGHT_GREY, (bx, y + 2, bw, bh))
        pygame.draw.rect(surface, theme.BLACK, (bx, y + 2, bw * row.hold // 100, bh))
        parts = [(f, n) for f, n in sorted(row.sympathy.items())]
        rest = max(0, 100 - sum(n for _, n in parts))
        draw.stacked_bar(surface, app, pygame.Rect(bx, y + bh + 5, bw, bh + 2), parts + [(None, rest)])
        spots.append((tile, region_tip(rules, row)))
    return ch * nrows


class MapPanel(Panel):
    key, tab = "map", "Map"
    titles = ("Party organisations — secretary, hold, sympathy, delegates", "Party organisations", "Organisations")
    about = "The party organisations: secretaries, hold, sympathy and delegates"
    min_lines = 9

    def want(self, view, width):
        return self.min_height(), None  # it takes the part of its column the layout gives it

    def body(self, view, surface, width, room, spots):
        return _map(self.app, view, surface, width, room, spots)
