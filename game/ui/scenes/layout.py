"""The board's picture: where each panel sits, and how each is drawn from the view.

Every drawn item that has more to say registers a hotspot (rect, tooltip text) on the scene.
"""

from __future__ import annotations

import attrs
import pygame

from game.session import explain, present
from game.ui import draw, text, theme
from game.ui.scenes import panels

#: the stylised map: each base region's cell (column, row) on a 4×3 grid, west to east; the
#: Red Army and the Komsomol are organisations, not places, and sit apart.  Regions a mod adds fill
#: the free cells.
MAP_CELLS = {
    "leningrad": (0, 0),
    "central_industrial": (1, 0),
    "urals": (2, 0),
    "siberia": (3, 0),
    "belorussia": (0, 1),
    "moscow": (1, 1),
    "volga": (2, 1),
    "central_asia": (3, 1),
    "ukraine": (0, 2),
    "transcaucasia": (1, 2),
    "red_army": (2, 2),
    "komsomol": (3, 2),
}
NOT_PLACES = {"red_army", "komsomol"}


@attrs.define
class Geometry:
    band: int
    bar: pygame.Rect
    left: pygame.Rect
    centre: pygame.Rect
    right: pygame.Rect
    cols: int = 9
    rows: int = 2
    chronicle: pygame.Rect = attrs.field(factory=lambda: pygame.Rect(0, 0, 0, 0))
    #: each action's cell in the bar: (row, column, columns it spans)
    cells: dict = attrs.field(factory=dict)

    def action_rect(self, action_id: str) -> tuple[int, int, int, int]:
        """An action button's place: rows of ``cols`` in the rules' order, a name too long for
        one cell spanning more; the end-turn button always bottom right."""
        cw = (self.bar.w - 12 - 6 * (self.cols - 1)) // self.cols
        ch = (self.bar.h - 12 - 6 * (self.rows - 1)) // self.rows
        row, col, span = self.cells.get(action_id, (self.rows - 1, 0, 1))
        return self.bar.x + 6 + col * (cw + 6), self.bar.y + 6 + row * (ch + 6), span * cw + (span - 1) * 6, ch


#: the faces of an action button's label, largest first (the first is the pygame_gui theme's);
#: a name that needs more than a line wraps in two, in the first face whose lines fit the button,
#: over as many cells of the bar as it needs
LABEL_SIZES = (13, 12, 11)
END_TURN = "pass_turn"


def label_fits(app, label: str, width: int) -> bool:
    """Whether an action button's label fits on one line of the button as pygame_gui draws it
    (inside its border of 2 pixels)."""
    return app.fonts.heading(LABEL_SIZES[0]).size(label)[0] <= width - 4


def button_width(app, label: str) -> int:
    """The width a plain (non-action) button needs to show its label whole, as pygame_gui draws
    it in the theme's ``button`` face, inside its border of 2 pixels (as :func:`label_fits`)."""
    return app.fonts.bold(theme.BUTTON_SIZE).size(label)[0] + 4


def label_lines(app, label: str, width: int, height: int | None = None):
    """(font, lines): an action button's label wrapped to the button's width, in the largest face
    whose lines fit ``height`` (a row of the action bar if not given)."""
    # by the font scale, not the Fonts object: a new one may take a freed one's id
    key = (app.fonts.scale, label, width, height)
    if key not in _LABELS:
        if len(_LABELS) > 500:
            _LABELS.clear()
        fonts = [app.fonts.heading(n) for n in LABEL_SIZES]
        _LABELS[key] = _fitting_lines(fonts, label, width - 8, height if height is not None else row_height(app))
    return _LABELS[key]


_LABELS: dict[tuple, tuple] = {}


def row_height(app) -> int:
    """A row of the action bar: a line of the buttons' text, or two of the smallest label face."""
    return max(int(30 * app.settings.font_scale), 2 * app.fonts.heading(LABEL_SIZES[-1]).get_linesize() + 4)


def _span(app, label: str, cw: int, cols: int) -> int:
    """The cells of the bar an action's button takes: one, or as many as its name needs to show
    whole in two lines of the smallest label face."""
    if label_fits(app, label, cw):
        return 1
    small = app.fonts.heading(LABEL_SIZES[-1])
    for span in range(1, cols):
        width = span * cw + (span - 1) * 6 - 8
        lines = text.wrap(small, label, width)
        if len(lines) <= 2 and all(small.size(line)[0] <= width for line in lines):
            return span
    return cols


def board(app) -> Geometry:
    from game.ui.scenes.board import action_button_label

    w, h = app.size
    band = app.fonts.heading(24).get_linesize() + 16 + 4
    s = app.settings.font_scale
    cols = max(6, min(10, (w - 16) // int(130 * s)))
    cw = (w - 16 - 12 - 6 * (cols - 1)) // cols
    cells, row, col = {}, 0, 0
    for aid in app.rules.actions:
        if aid == END_TURN:
            continue
        span = _span(app, action_button_label(app.rules, aid), cw, cols)
        if col + span > cols:
            row, col = row + 1, 0
        cells[aid] = (row, col, span)
        col += span
    if END_TURN in app.rules.actions:
        if col >= cols:  # room for the end-turn button in its corner
            row += 1
        cells[END_TURN] = (row, cols - 1, 1)
    rows = row + 1
    bar_h = rows * row_height(app) + 6 * rows + 8
    bar = pygame.Rect(8, h - bar_h - 4, w - 16, bar_h)
    top, bottom = band + 6, bar.y - 6
    lw, cw = int(w * 0.27), int(w * 0.40)
    left = pygame.Rect(8, top, lw - 12, bottom - top)
    centre = pygame.Rect(lw, top, cw - 4, bottom - top)
    right = pygame.Rect(lw + cw + 4, top, w - lw - cw - 12, bottom - top)
    return Geometry(band, bar, left, centre, right, cols, rows, cells=cells)


def draw_board(scene, surface: pygame.Surface) -> None:
    """The whole board drawn on ``surface`` at once."""
    for _ in board_steps(scene, surface):
        pass


def board_steps(scene, surface: pygame.Surface):
    """The board drawn on ``surface`` step by step: a generator whose every step draws one panel's
    content or places it (a few milliseconds at most), so that a window can spread a drawing over
    frames.  The picture's hotspots and scrolling panels take effect when the last step is done
    (``scene.picture_done()``), never half-way."""
    app, view = scene.app, scene.view
    scene.next_hotspots = []
    scene.next_scrollers = {}
    surface.fill(theme.PAPER)
    geo = scene.geo
    left_turns = view["turns"] - view["turn"] - 1
    when = f"{view['date']} · turn {view['turn'] + 1} of {view['turns']}"
    titles = (when + " · " + ("last turn" if left_turns == 0 else f"{left_turns} more after this"), when, view["date"])
    room = scene.top_buttons_x - _who_width(scene) - 60
    draw.band(surface, app, text.first_fitting(app.fonts.heading(24), titles, max(60, room)), width=room)
    _who(scene, surface, geo)
    pygame.draw.rect(surface, theme.PAPER_DARK, geo.bar)
    pygame.draw.rect(surface, theme.BLACK, geo.bar, 2)
    if scene.viewer is None and not scene.match.over:
        font = app.fonts.bold(16)
        msg = "Public view — no faction's secrets are shown"
        surface.blit(text.render(font, msg, theme.BLACK), (geo.bar.x + 16, geo.bar.y + 8))
    yield
    col = geo.left
    yield from panels.column(
        scene,
        surface,
        col,
        [
            (("Offices",), _offices, 0),
            (
                ("Politburo · Secretariat · Central Committee", "Politburo · Secretariat · CC", "Party bodies"),
                _bodies,
                0,
            ),
            (("Press",), _press, 0),
        ],
    )
    col = geo.centre
    hm = int(col.h * 0.60)
    _map(scene, surface, pygame.Rect(col.x, col.y, col.w, hm))
    yield
    yield from panels.panel(
        scene,
        surface,
        pygame.Rect(col.x, col.y + hm + 6, col.w, col.h - hm - 6),
        ("Opinion and the times", "Opinion"),
        _scales,
    )
    col = geo.right
    stack = [(("Factions",), _factions, 0.45)]
    if view["objectives"]:
        stack.append((_objectives_titles(view), _objectives, 0))
    stack.append((("Agenda",), _agenda, 0))
    chronicle = yield from panels.column(scene, surface, col, stack, rest=int(col.h * 0.22))
    title = "Chronicle" + (" — public and yours" if view["you"] else "")
    geo.chronicle = chronicle
    _chronicle(scene, surface, chronicle, (title, "Chronicle"))
    scene.picture_done()


def _who_texts(scene) -> tuple[str, ...]:
    """The seat at the screen, longest first: the player and the faction, the faction, the player."""
    if scene.viewer is None:
        return ("Public view",)
    seat = scene.match.seats[scene.viewer]
    faction = present.faction_name(scene.app.rules, scene.viewer)
    if seat.name in ("", faction):
        return (faction,)
    return (f"{seat.name} — {faction}", faction, seat.name)


def _who_room(scene) -> int:
    """Room for the seat's name: what the band leaves after the date and turn."""
    view = scene.view
    shortest = f"{view['date']} · turn {view['turn'] + 1} of {view['turns']}"
    title = scene.app.fonts.heading(24).size(shortest)[0]
    return max(40, scene.top_buttons_x - 12 - 16 - title - 60 - scene.geo.band)


def _who_width(scene) -> int:
    font = scene.app.fonts.bold(16)
    return font.size(text.first_fitting(font, _who_texts(scene), _who_room(scene)))[0] + scene.geo.band


def _who(scene, surface, geo) -> None:
    """The seat at the screen, beside the band's buttons."""
    app = scene.app
    font = app.fonts.bold(16)
    words = text.first_fitting(font, _who_texts(scene), _who_room(scene))
    x_end = scene.top_buttons_x - 12
    img = text.render(font, words, theme.WHITE)
    y = (geo.band - img.get_height()) // 2
    surface.blit(img, (x_end - img.get_width(), y))
    if scene.viewer is not None:
        size = geo.band - 18
        draw.badge(surface, app, scene.viewer, (x_end - img.get_width() - size // 2 - 6, geo.band // 2 - 2), size)


def _row_font(app):
    return app.fonts.body(13)


def _lines(surface, font, words: str, x: int, y: int, width: int, colour) -> int:
    """``words`` wrapped to ``width`` and drawn from (x, y); returns the y below them."""
    return text.blit_lines(surface, font, text.wrap(font, words, width), (x, y), colour)


def _offices(scene, surface, w: int, spots) -> int:
    """Each office and its holder: the office's name at the left and the holder at the right, each
    wrapped in its column, or the holder under the office where the panel is narrow."""
    app, view, rules = scene.app, scene.view, scene.app.rules
    font, bold = _row_font(app), app.fonts.bold(13)
    step = font.get_linesize() + 1
    right = max(bold.size(present.figure_name(rules, h))[0] for h in view["offices"].values()) if view["offices"] else 0
    right = min(right + 4, w // 2)
    stacked = w - right - step - 8 < w // 2  # too narrow for both side by side: the holder under
    y = 0
    for oid, holder in view["offices"].items():
        office = rules.offices[oid]
        owner = view["figures"][holder]["faction"] if holder in view["figures"] else None
        who = present.figure_name(rules, holder)
        colour = theme.BLACK if holder else theme.GREY
        draw.badge(surface, app, owner, (step // 2, y + step // 2), step - 3)
        if stacked:
            end = _lines(surface, font, office.name, step + 2, y, w - step - 2, theme.BLACK)
            end = _lines(surface, bold, who, step + 2, end, w - step - 2, colour)
        else:
            end = _lines(surface, font, office.name, step + 2, y, w - right - step - 8, theme.BLACK)
            end = max(end, _lines(surface, bold, who, w - right, y, right, colour))
        spots.append(
            (
                pygame.Rect(0, y, w, end - y),
                f"{office.name}: {present.figure_name(rules, holder)}"
                f" ({present.faction_name(rules, owner)}). Appointed by the "
                f"{rules.bodies[office.appointed_by].name if office.appointed_by in rules.bodies else office.appointed_by}; "
                f"income {office.income}." + (" Gives: " + ", ".join(office.grants) if office.grants else ""),
            )
        )
        y = end + 1
    return y


def _figure_row(scene, surface, x, y, w, ids, step, title, spots) -> int:
    app, view, rules = scene.app, scene.view, scene.app.rules
    font = app.fonts.bold(12)
    surface.blit(text.render(font, title, theme.RED), (x, y))
    y += font.get_linesize()
    cx = x
    for fid in ids:
        owner = view["figures"][fid]["faction"] if fid in view["figures"] else None
        name = rules.figures[fid].name.split()[-1] if fid in rules.figures else fid
        width = step + font.size(name)[0] + 10
        if cx + width > x + w and cx > x:
            cx = x
            y += step + 2
        draw.badge(surface, app, owner, (cx + step // 2, y + step // 2), step - 2)
        surface.blit(text.render(font, name, theme.BLACK), (cx + step + 2, y + (step - font.get_linesize()) // 2))
        spots.append(
            (
                pygame.Rect(cx, y, width, step),
                f"{present.figure_name(rules, fid)} — {present.faction_name(rules, owner)}",
            )
        )
        cx += width
    return y + step + 4


def _bodies(scene, surface, w: int, spots) -> int:
    app, view, rules = scene.app, scene.view, scene.app.rules
    step = _row_font(app).get_linesize() + 2
    y = _figure_row(scene, surface, 0, 0, w, view["politburo"], step, "POLITBURO", spots)
    y = _figure_row(scene, surface, 0, y, w, view["secretariat"], step, "SECRETARIAT", spots)
    font = app.fonts.bold(12)
    for titles, counts, tip in (
        (("CENTRAL COMMITTEE", "CC"), view["central_committee"], "Seats in the Central Committee, by faction"),
        (
            ("IF THE CONGRESS MET NOW", "CONGRESS NOW"),
            view["forecast"],
            "Delegates each faction would bring, from the regions' secretaries, their hold and the rank and file's "
            "sympathy (public facts only)",
        ),
    ):
        parts = sorted(((f if f in rules.factions else None, n) for f, n in counts.items()), key=lambda p: p[0] or "~")
        total = sum(n for _, n in parts)
        summary = ", ".join(f"{present.faction_name(rules, f).split()[0] if f else 'unaligned'} {n}" for f, n in parts)
        label = text.first_fitting(font, [f"{t} ({total})" for t in titles], w)
        surface.blit(text.render(font, label, theme.RED), (0, y))
        y += font.get_linesize()
        bar = pygame.Rect(0, y, w, max(8, step - 4))
        draw.stacked_bar(surface, app, bar, parts)
        spots.append((pygame.Rect(0, y - font.get_linesize(), w, bar.h + font.get_linesize()), f"{tip}: {summary}"))
        y += bar.h + 4
    return y


def _press(scene, surface, w: int, spots) -> int:
    app, view, rules = scene.app, scene.view, scene.app.rules
    font, bold = _row_font(app), app.fonts.bold(13)
    step = font.get_linesize() + 1
    y = 0
    for organ in rules.press.values():
        holder = view["offices"].get(organ.controlled_by)
        owner = view["figures"][holder]["faction"] if holder in view["figures"] else None
        draw.badge(surface, app, owner, (step // 2, y + step // 2), step - 3)
        reach = "●" * organ.reach
        reach_w = font.size("●" * 3)[0]
        surface.blit(text.render(font, reach, theme.RED), (w - font.size(reach)[0], y))
        end = _lines(surface, bold, organ.name, step + 2, y, w - step - reach_w - 8, theme.BLACK)
        office = (
            rules.offices[organ.controlled_by].name if organ.controlled_by in rules.offices else organ.controlled_by
        )
        spots.append(
            (
                pygame.Rect(0, y, w, end - y),
                f"{organ.name}: controlled by the {office} ({present.figure_name(rules, holder)}, "
                f"{present.faction_name(rules, owner)}); reach {organ.reach}",
            )
        )
        y = end + 1
    return y


def _map(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(
        surface,
        app,
        rect,
        ("Party organisations — secretary, hold, sympathy, delegates", "Party organisations", "Organisations"),
    )
    rows = _region_rows(rules, view)
    cells = dict(MAP_CELLS)
    free = [(c, r) for r in range(3) for c in range(4) if (c, r) not in cells.values()]
    placed = {}
    for row in rows:
        cell = cells.get(row.id) or (free.pop(0) if free else None)
        if cell is not None:
            placed[row.id] = cell
    pygame.draw.rect(surface, theme.PAPER, inner)
    cw, ch = inner.w // 4, inner.h // 3
    font, big = app.fonts.body(12), app.fonts.heading(14)
    for row in rows:
        if row.id not in placed:
            continue
        c, r = placed[row.id]
        tile = pygame.Rect(inner.x + c * cw + 3, inner.y + r * ch + 3, cw - 6, ch - 6)
        colour = app.palette.colour(row.faction)
        pygame.draw.rect(surface, theme.WHITE, tile)
        pygame.draw.rect(surface, colour, (tile.x, tile.y, 6, tile.h))
        pygame.draw.rect(surface, theme.BLACK, tile, 2 if row.id not in NOT_PLACES else 1)
        surface.set_clip(tile)
        x = tile.x + 10
        y = tile.y + 3
        room = tile.right - x - 4
        step = font.get_linesize()
        fonts = [app.fonts.bold(13), app.fonts.bold(11), app.fonts.bold(10), app.fonts.bold(9)]
        name_font, lines = _fitting_lines(fonts, row.name, room, tile.h - step - big.get_linesize() - 8)
        y = text.blit_lines(surface, name_font, lines, (x, y), theme.BLACK)
        draw.badge(surface, app, row.faction, (x + step // 2, y + step // 2), step - 2)
        surface.blit(
            text.render(font, text.fit(font, row.secretary.split()[-1], room - step - 4), theme.BLACK),
            (x + step + 3, y),
        )
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
        surface.set_clip(None)
        sympathy = ", ".join(f"{present.faction_name(rules, f)} {n}" for f, n in parts if n) or "none"
        follows = (
            f" If the Congress met now it would follow {present.faction_name(rules, row.follows)}"
            + (f" ({row.why})." if row.why else ".")
            if row.follows
            else ""
        )
        scene.next_hotspots.append(
            (
                tile,
                f"{row.name}: {row.delegates} delegates to the Congress. Secretary "
                f"{row.secretary} ({_owner(rules, row.faction)}), hold {row.hold} "
                f"(black bar). Rank and file's sympathy (coloured bar): {sympathy}.{follows} A delegation "
                "follows its secretary unless the sympathy against him is overwhelming.",
            )
        )


def _fitting_lines(fonts, words: str, width: int, height: int):
    """(font, lines): ``words`` wrapped in the first of ``fonts`` (largest first) whose lines all
    fit ``width`` and together ``height``; the last font's lines cut to fit if none does."""
    for font in fonts:
        lines = text.wrap(font, words, width)
        if all(font.size(line)[0] <= width for line in lines) and len(lines) * font.get_linesize() <= height:
            return font, lines
    return font, [text.fit(font, line, width) for line in lines]


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
    why: str


def _region_rows(rules, view) -> list[_Region]:
    """Each party organisation as the map draws it: the secretary by name and his faction."""
    out = []
    for rid, reg in view["regions"].items():
        sec = reg["secretary"]
        owner = view["figures"][sec]["faction"] if sec in view["figures"] else None
        delegates = reg["delegates"] or rules.regions[rid].delegates
        out.append(
            _Region(
                rid,
                rules.regions[rid].name,
                present.figure_name(rules, sec),
                owner,
                reg["loyalty"],
                dict(reg["sympathy"]),
                delegates,
                reg["follows"],
                reg["why"],
            )
        )
    return out


def _owner(rules, faction: str | None) -> str:
    return present.faction_name(rules, faction) if faction else "unaligned"


def _scales(scene, surface, w: int, spots) -> int:
    """Each tracker on its scale: the name and value, then the bar with its two ends named under
    it (when they fit whole; the tooltip always gives them).  A name that leaves no room for the
    bar beside it has a line of its own."""
    app, rules = scene.app, scene.app.rules
    scales = present.scales(rules, scene.view)
    font, bold = app.fonts.body(11), app.fonts.bold(12)
    half = w // 2
    y = 0
    for sc in scales:
        top = y
        value = text.render(bold, str(sc.value), theme.RED)
        if bold.size(sc.name)[0] + value.get_width() + 14 <= half:
            surface.blit(text.render(bold, sc.name, theme.BLACK), (0, y))
            surface.blit(value, (half - value.get_width() - 6, y))
            bar = pygame.Rect(half, y + 3, half - 4, max(6, bold.get_linesize() - 8))
        else:
            end = _lines(surface, bold, sc.name, 0, y, w - value.get_width() - 8, theme.BLACK)
            surface.blit(value, (w - value.get_width() - 4, y))
            bar = pygame.Rect(0, end + 3, w - 4, max(6, bold.get_linesize() - 8))
        pygame.draw.rect(surface, theme.PAPER_DARK, bar)
        pygame.draw.rect(surface, theme.BLACK, bar, 1)
        span = max(1, sc.high - sc.low)
        mx = bar.x + bar.w * (sc.value - sc.low) // span
        if sc.low < 0 < sc.high:
            zx = bar.x + bar.w * (0 - sc.low) // span
            pygame.draw.line(surface, theme.GREY, (zx, bar.y), (zx, bar.bottom))
        pygame.draw.polygon(surface, theme.RED, [(mx - 5, bar.y - 3), (mx + 5, bar.y - 3), (mx, bar.bottom + 2)])
        y = bar.bottom + 2
        left = "← " + (sc.left or str(sc.low))
        right = (sc.right or str(sc.high)) + " →"
        if font.size(left)[0] + font.size(right)[0] + 8 <= bar.w:
            surface.blit(text.render(font, left, theme.GREY), (bar.x, y))
            surface.blit(text.render(font, right, theme.GREY), (bar.right - font.size(right)[0], y))
            y += font.get_linesize()
        y += 4
        spots.append((pygame.Rect(0, top, w, y - top), sc.text()))
    return y


def _factions(scene, surface, w: int, spots) -> int:
    """Each faction: its name, then its standing (and, for the viewer's own, its influence and
    action points), each wrapped."""
    app, view, rules = scene.app, scene.view, scene.app.rules
    font, bold = app.fonts.body(11), app.fonts.bold(13)
    blocs = {f for pair in view["blocs"] for f in pair}
    size = bold.get_linesize()
    y = 0
    for fid, fs in view["factions"].items():
        top = y
        mine = fid == view["you"]
        name = present.faction_name(rules, fid)
        status = fs["status"].replace("_", " ")
        stats = f"{status}" + (" · in a bloc" if fid in blocs else "") + (" · done" if fs["done"] else "")
        stats += f" · prestige {fs['prestige']} · exposure {fs['exposure']} · mantle {fs['mantle']}"
        if mine:
            stats = f"influence {fs['influence']} · AP {fs['ap']} · " + stats
        head = text.wrap(bold, name, w - size - 4)
        lines = text.wrap(font, stats, w - size - 4)
        height = len(head) * size + len(lines) * font.get_linesize()
        if mine:
            pygame.draw.rect(surface, theme.PAPER_DARK, (0, y, w, height + 2))
        draw.badge(surface, app, fid, (size // 2, y + size // 2), size - 2)
        y = text.blit_lines(surface, bold, head, (size + 4, y), theme.BLACK)
        y = text.blit_lines(surface, font, lines, (size + 4, y), theme.BLACK) + 4
        tip = (
            f"{name}: {status}. Prestige {fs['prestige']}, exposure under the ban on factions {fs['exposure']}, "
            f"Lenin's mantle {fs['mantle']}."
        )
        if mine:
            contacts = ", ".join(
                f"{present.figure_name(rules, f)} +{v}" for f, v in sorted(view["cultivation"].items())
            )
            tip += f" Yours: influence {fs['influence']}, action points {fs['ap']}." + (
                f" Your secret contacts: {contacts}." if contacts else ""
            )
            if view["offers"]:
                tip += " Bloc offers: " + "; ".join(
                    f"{present.faction_name(rules, a)} → {present.faction_name(rules, b)}" for a, b in view["offers"]
                )
        spots.append((pygame.Rect(0, top, w, y - top), tip))
    return y


_WHEN = {"end": "at the end", "always": "throughout", "ever": "at any quarter's close"}


def _objectives_titles(view) -> tuple[str, ...]:
    from game.engine.objectives import points_text
    from game.ruleset.records import RESULT_NAMES

    obj = view["objectives"]
    standing = f"{points_text(obj['points'])}: {RESULT_NAMES[obj['result']]}"
    return (f"Your objectives — {standing}", f"Objectives — {standing}", standing)


def _objectives(scene, surface, w: int, spots) -> int:
    """Each goal: met, failed or open, its points and its name (wrapped under itself)."""
    view = scene.view
    obj = view["objectives"]
    font = scene.app.fonts.body(12)
    y = 0
    for g in obj["goals"]:
        status = g["status"]
        if g["points"] < 0:
            status = "befell" if status == "met" else "avoided"
        good = status in ("met", "avoided")
        mark = "✔" if good else "✘" if status in ("failed", "befell") else "…"
        colour = theme.BLACK if good else theme.DARK_RED if mark == "✘" else theme.GREY
        when = f"by {g['by']}" if g["by"] else _WHEN.get(g["when"], g["when"])
        lead = f"{mark} {g['points']:+d} "
        indent = font.size(lead)[0]
        surface.blit(text.render(font, lead, colour), (0, y))
        # a penalty's tick means it was avoided, not that it befell: say so in words
        name = g["name"] + (" — avoided" if status == "avoided" else " — it happened" if status == "befell" else "")
        end = _lines(surface, font, name, indent, y, w - indent, colour)
        spots.append((pygame.Rect(0, y, w, end - y), f"{g['name']} ({when}), {g['points']:+d} points — now {status}"))
        y = end + 2
    history = "History's result for your faction: " + " ".join(obj["history"].split())
    spots.append((pygame.Rect(0, 0, w, y), history))  # after the goals': theirs come first
    return y


def _agenda(scene, surface, w: int, spots) -> int:
    app, view, rules = scene.app, scene.view, scene.app.rules
    font = app.fonts.body(12)
    rows = present.agenda_lines(rules, view)
    if not rows:
        surface.blit(text.render(font, "Nothing is on the agenda.", theme.GREY), (0, 0))
        return font.get_linesize()
    y = 0
    for line in rows:
        end = _lines(surface, font, line, 0, y, w, theme.BLACK)
        spots.append((pygame.Rect(0, y, w, end - y), line))
        y = end + 2
    return y


def _chronicle(scene, surface, rect, title) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, title)
    font = app.fonts.body(12)
    step = font.get_linesize()
    start = rules.scenarios[view["scenario"]].start
    rows = max(1, inner.h // step)
    lines: list[tuple[str, tuple]] = []
    # wrap from the newest entry back, only as far as the scrolled window reaches
    entries = 0
    for turn, words, kind in reversed(view["log"]):
        entries += 1
        colour = theme.DARK_RED if kind == "secret" else theme.BLACK
        wrapped = text.wrap(font, f"{explain.quarter(start, turn)}  {words}", inner.w - 4)
        if lines and len(lines) + len(wrapped) > rows + scene.chronicle_scroll:
            entries -= 1
            break  # only whole entries
        lines[:0] = [(w, colour) for w in wrapped]
    scene.chronicle_scroll = min(scene.chronicle_scroll, max(0, len(lines) - rows))
    end = len(lines) - scene.chronicle_scroll
    if entries == 1 and len(lines) > rows and scene.chronicle_scroll == 0:
        end = rows  # the newest entry alone is taller than the panel: show its beginning
    surface.set_clip(inner)
    y = inner.y
    for words, colour in lines[max(0, end - rows) : end]:
        surface.blit(text.render(font, words, colour), (inner.x, y))
        y += step
    surface.set_clip(None)
    scene.next_hotspots.append(
        (rect, "The chronicle: every public event, and your own private news in dark red. Scroll with the mouse wheel.")
    )
