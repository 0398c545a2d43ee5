"""Where everything on the board goes: one layout table, and the geometry worked out from it for
the window's size and font scale; then the board's picture drawn panel by panel.

The table (:data:`ARRANGEMENTS`) lists the board's columns, widest arrangement first.  The first
arrangement whose every column is wide enough to read (:data:`READABLE_CHARS` characters of the
body text) is used; a column whose panels do not all fit down it with their fewest lines
(``Panel.min_lines``) shows them as tabs, one at a time, instead of shrinking or cutting them.  At
1280×720 the normal font gets three columns; at 1.5× and 2× two columns of tabs.
"""

from __future__ import annotations

import attrs
import pygame

from game.present import naming
from game.ui import draw, text, theme
from game.ui.scenes import panels as panels_mod

#: the board's columns, widest arrangement first: each (part of the window's width, the panels
#: down it, top to bottom); a panel the view lacks (the objectives of the public view) is left out
ARRANGEMENTS = (
    (
        (0.27, ("offices", "bodies", "press")),
        (0.40, ("map", "scales")),
        (0.33, ("factions", "objectives", "agenda", "chronicle")),
    ),
    (
        (0.55, ("map", "scales", "offices", "bodies", "press")),
        (0.45, ("factions", "objectives", "agenda", "chronicle")),
    ),
    ((1.0, ("map", "scales", "offices", "bodies", "press", "factions", "objectives", "agenda", "chronicle")),),
)
#: how a stacked panel takes its column's height: ("fixed", part) takes that part of the column;
#: ("first", part) what it wants up to that part, before the others; ("rest", part) what the
#: others leave, at least that part; any other panel a fair share of what is left (the last one
#: all that is left when no panel takes the rest)
HEIGHTS = {"map": ("fixed", 0.60), "factions": ("first", 0.45), "chronicle": ("rest", 0.22)}
#: the fewest characters of body text a column's line must hold to be read
READABLE_CHARS = 34
#: pixels: the board's margin, and the gap between panels and between buttons
MARGIN, GAP = 8, 6
#: the action bar: columns of buttons (at most, at least), a cell's width at the normal font
BAR_COLUMNS = (6, 10)
BAR_CELL = 130
#: a tab's label face (condensed heading) and the room around it
TAB_SIZE = theme.SIZES["tab"]
TAB_PAD = 20


@attrs.define
class Column:
    """A column of panels: where they go (below the tabs, if tabs), and the tabs' places."""

    rect: pygame.Rect
    keys: tuple[str, ...]
    #: each tab's panel and button rect, when the column shows its panels as tabs (else empty)
    tabs: list[tuple[str, pygame.Rect]] = attrs.field(factory=list)


@attrs.define
class Geometry:
    band: int
    bar: pygame.Rect
    columns: list[Column]
    cols: int = 9
    rows: int = 2
    #: each action's cell in the bar: (row, column, columns it spans)
    cells: dict = attrs.field(factory=dict)

    def action_rect(self, action_id: str) -> tuple[int, int, int, int]:
        """An action button's place: rows of ``cols`` in the rules' order, a name too long for
        one cell spanning more; the end-turn button always bottom right."""
        cw = (self.bar.w - 2 * GAP - GAP * (self.cols - 1)) // self.cols
        ch = (self.bar.h - 2 * GAP - GAP * (self.rows - 1)) // self.rows
        row, col, span = self.cells.get(action_id, (self.rows - 1, 0, 1))
        return (
            self.bar.x + GAP + col * (cw + GAP),
            self.bar.y + GAP + row * (ch + GAP),
            span * cw + (span - 1) * GAP,
            ch,
        )

    def column_of(self, key: str) -> Column | None:
        return next((c for c in self.columns if key in c.keys), None)


def action_button_label(rules, action_id: str) -> str:
    """An action's button label: its short label from the rules (``short``), else its name (the
    whole name is always in the button's tooltip)."""
    action = rules.actions[action_id]
    return action.short or action.name


#: the faces of an action button's label, largest first (the first is the pygame_gui theme's);
#: a name that needs more than a line wraps in two, in the first face whose lines fit the button,
#: over as many cells of the bar as it needs
LABEL_SIZES = (theme.SIZES["action"], 12, 11)
#: the engine verb of the action that ends a faction's turn: its button sits alone at the bar's end
END_TURN_KIND = "pass"


def end_turn(rules) -> str | None:
    """The id of the action that ends the turn (the rules' action of kind ``pass``), if any."""
    return next((aid for aid, a in rules.actions.items() if a.kind == END_TURN_KIND), None)


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
    # kept with the fonts they were measured in (a font outlives no pygame.quit)
    memo = app.fonts.memo
    key = ("label", label, width, height)
    if key not in memo:
        if len(memo) > 500:
            memo.clear()
        fonts = [app.fonts.heading(n) for n in LABEL_SIZES]
        memo[key] = text.fitting_lines(fonts, label, width - 8, height if height is not None else row_height(app))
    return memo[key]


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


def tab_width(app, label: str) -> int:
    """A tab's width: its label whole, in the tab face, with room around it."""
    return app.fonts.heading(TAB_SIZE).size(label)[0] + TAB_PAD


def tab_height(app) -> int:
    return app.fonts.heading(TAB_SIZE).get_linesize() + 10


def readable(app) -> int:
    """The narrowest a column may be (pixels): :data:`READABLE_CHARS` of the body text, and the
    panel's frame."""
    font = app.fonts.body(13)
    sample = "abcdefghijklmnopqrstuvwxyz"
    return READABLE_CHARS * font.size(sample)[0] // len(sample) + 12


def _bar(app) -> tuple[pygame.Rect, int, int, dict]:
    """The action bar along the bottom: its rect, columns, rows and each action's cell."""
    w, h = app.size
    cols = max(BAR_COLUMNS[0], min(BAR_COLUMNS[1], (w - 2 * MARGIN) // int(BAR_CELL * app.settings.font_scale)))
    cw = (w - 2 * MARGIN - 2 * GAP - GAP * (cols - 1)) // cols
    cells, row, col = {}, 0, 0
    last = end_turn(app.rules)
    for aid in app.rules.actions:
        if aid == last:
            continue
        span = _span(app, action_button_label(app.rules, aid), cw, cols)
        if col + span > cols:
            row, col = row + 1, 0
        cells[aid] = (row, col, span)
        col += span
    if last is not None:
        if col >= cols:  # room for the end-turn button in its corner
            row += 1
        cells[last] = (row, cols - 1, 1)
    rows = row + 1
    bar_h = rows * row_height(app) + GAP * rows + MARGIN
    return pygame.Rect(MARGIN, h - bar_h - MARGIN // 2, w - 2 * MARGIN, bar_h), cols, rows, cells


#: the faces of the action bar's words while the board holds after a move, largest first
HELD_SIZES = (16, 14, 13, 12, 11)


def done_rect(app, geo: Geometry) -> tuple[int, int, int, int]:
    """The Done button, while the board holds after a move: the bar's right end, its full height."""
    bar = geo.bar
    w = max(int(160 * app.settings.font_scale), button_width(app, "Done") + 48)
    return (bar.right - GAP - w, bar.y + GAP, w, bar.h - 2 * GAP)


def held_text(app, geo: Geometry, result: str, keys: str):
    """The bar's words while the board holds after a move, fitted beside the Done button:
    (room, face, bold face, the result's lines, the keys' lines, whether the result was cut).
    The largest face that fits; in the smallest the result is cut short with "…" if even that
    does not (the bar's tooltip then has it whole)."""
    bar = geo.bar
    room = pygame.Rect(bar.x + 16, bar.y + GAP, done_rect(app, geo)[0] - bar.x - 32, bar.h - 2 * GAP)
    memo = app.fonts.memo  # kept with the fonts they were measured in, as label_lines
    key = ("held", result, keys, tuple(room))
    if key in memo:
        return memo[key]
    cut = False
    for size in HELD_SIZES:
        font, bold = app.fonts.body(size), app.fonts.bold(size)
        said, told = text.wrap(font, result, room.w), text.wrap(bold, keys, room.w)
        if len(said) * font.get_linesize() + len(told) * bold.get_linesize() <= room.h:
            break
    else:
        fits = max(1, (room.h - len(told) * bold.get_linesize()) // font.get_linesize())
        if len(said) > fits:
            said, cut = said[: fits - 1] + [text.fit(font, " ".join(said[fits - 1 :]), room.w)], True
    if len(memo) > 500:
        memo.clear()
    memo[key] = (room, font, bold, said, told, cut)
    return memo[key]


def _held(scene, surface: pygame.Surface, geo: Geometry) -> None:
    """The bar's words while the board holds after a move: what the move did, and below it what
    Done and Undo do (:func:`held_text`)."""
    room, font, bold, said, told, _ = held_text(scene.app, geo, *scene.held_lines())
    high = len(said) * font.get_linesize() + len(told) * bold.get_linesize()
    y = room.y + max(0, (room.h - high) // 2)
    y = text.blit_lines(surface, font, said, (room.x, y), theme.BLACK)
    text.blit_lines(surface, bold, told, (room.x, y), theme.RED)


def board(app, shown: dict) -> Geometry:
    """The board's geometry for the window and font scale; ``shown``: the panels the view has,
    by key (their ``min_height`` decides whether a column stacks them or shows tabs)."""
    w, _ = app.size
    band = app.fonts.heading(24).get_linesize() + 16 + 4
    bar, cols, rows, cells = _bar(app)
    top, bottom = band + GAP, bar.y - GAP
    narrowest = readable(app)
    for arrangement in ARRANGEMENTS:
        widths = [int((w - 2 * MARGIN + GAP) * part) - GAP for part, _ in arrangement]
        if min(widths) >= narrowest or arrangement is ARRANGEMENTS[-1]:
            break
    columns, x = [], MARGIN
    for (_, keys), width in zip(arrangement, widths, strict=True):
        keys = tuple(k for k in keys if k in shown)
        rect = pygame.Rect(x, top, width, bottom - top)
        columns.append(_column(app, rect, keys, shown))
        x += width + GAP
    return Geometry(band, bar, columns, cols, rows, cells=cells)


def _column(app, rect: pygame.Rect, keys: tuple[str, ...], shown: dict) -> Column:
    """A column that stacks its panels if each gets its fewest lines, else shows them as tabs:
    rows of tab buttons along its top, the chosen panel below."""
    need = sum(shown[k].min_height() for k in keys) + GAP * (len(keys) - 1)
    if need <= rect.h or len(keys) < 2:
        return Column(rect, keys)
    tabs, x, y, th = [], rect.x, rect.y, tab_height(app)
    for key in keys:
        tw = min(rect.w, tab_width(app, shown[key].tab))
        if x + tw > rect.right and x > rect.x:
            x, y = rect.x, y + th + GAP // 2
        tabs.append((key, pygame.Rect(x, y, tw, th)))
        x += tw + GAP // 2
    below = y + th + GAP // 2
    return Column(pygame.Rect(rect.x, below, rect.w, rect.bottom - below), keys, tabs)


def heights(column: pygame.Rect, keys, wants: list[int]) -> list[int]:
    """Each stacked panel's height in ``column`` (see :data:`HEIGHTS`), from what each wants."""
    room = column.h - GAP * (len(keys) - 1)
    out: list[int | None] = [None] * len(keys)
    for i, key in enumerate(keys):
        how, part = HEIGHTS.get(key, ("fair", 0))
        if how == "fixed":
            out[i] = int(column.h * part)
        elif how == "first":
            out[i] = min(wants[i], int(column.h * part))
    rest = next((i for i, k in enumerate(keys) if HEIGHTS.get(k, ("",))[0] == "rest"), None)
    if rest is not None:
        out[rest] = int(column.h * HEIGHTS[keys[rest]][1])
    left = room - sum(h for h in out if h is not None)
    fair = [i for i, h in enumerate(out) if h is None]
    for i, h in zip(fair, panels_mod.share(left, [wants[i] for i in fair]), strict=True):
        out[i] = h
    spare = room - sum(out)
    if spare > 0:  # what the fair shares left: to the panel that takes the rest, else the last
        out[rest if rest is not None else -1] += spare
    return out


# --- the picture ---------------------------------------------------------------------------------


def draw_board(scene, surface: pygame.Surface) -> None:
    """The whole board drawn on ``surface`` at once."""
    for _ in board_steps(scene, surface):
        pass


def board_steps(scene, surface: pygame.Surface):
    """The board drawn on ``surface`` step by step: a generator whose every step draws one panel
    (a few milliseconds at most), so that a window can spread a drawing over frames.  The panels'
    hotspots and scrolling take effect when the last step is done (``scene.picture_done()``),
    never half-way."""
    app, view, geo = scene.app, scene.view, scene.geo
    surface.fill(theme.PAPER)
    titles = band_titles(view)
    room = scene.top_buttons_x - _who_width(scene) - 60
    draw.band(surface, app, text.first_fitting(app.fonts.heading(24), titles, max(60, room)), width=room)
    _who(scene, surface, geo)
    pygame.draw.rect(surface, theme.PAPER_DARK, geo.bar)
    pygame.draw.rect(surface, theme.BLACK, geo.bar, 2)
    if scene.viewer is None and not scene.match.over:
        font = app.fonts.bold(16)
        msg = "Public view — no faction's secrets are shown"
        surface.blit(text.render(font, msg, theme.BLACK), (geo.bar.x + 16, geo.bar.y + 8))
    if scene.held is not None:
        _held(scene, surface, geo)
    yield
    panels = scene.panels
    for column in geo.columns:
        if column.tabs:
            chosen = scene.tab(column)
            for key in column.keys:
                if key != chosen:
                    panels[key].hide()
            panels[chosen].draw(view, surface, column.rect)
            yield
            continue
        measured = []
        for key in column.keys:
            measured.append(panels[key].want(view, column.rect.w))
            yield
        y = column.rect.y
        for key, h, (_, drawn) in zip(
            column.keys, heights(column.rect, column.keys, [m[0] for m in measured]), measured, strict=True
        ):
            panels[key].draw(view, surface, pygame.Rect(column.rect.x, y, column.rect.w, h), drawn)
            y += h + GAP
        yield
    scene.picture_done()


def band_titles(view) -> tuple[str, ...]:
    """The band's title, longest first: the date, the turn, and how many are left."""
    left_turns = view.turns - view.turn - 1
    when = f"{view.date} · turn {view.turn + 1} of {view.turns}"
    return (when + " · " + ("last turn" if left_turns == 0 else f"{left_turns} more after this"), when, view.date)


def band_tip(scene) -> str:
    """The band's tooltip: its title and the seat at the screen in full, however little of them
    the band has room for."""
    return f"{band_titles(scene.view)[0]}. At the screen: {_who_texts(scene)[0]}."


def _who_texts(scene) -> tuple[str, ...]:
    """The seat at the screen, longest first: the player and the faction, the faction, the player."""
    if scene.viewer is None:
        return ("Public view",)
    seat = scene.match.seats[scene.viewer]
    faction = naming.faction_name(scene.app.rules, scene.viewer)
    if seat.name in ("", faction):
        return (faction,)
    return (f"{seat.name} — {faction}", faction, seat.name)


def _who_room(scene) -> int:
    """Room for the seat's name: what the band leaves after the date and turn."""
    view = scene.view
    shortest = f"{view.date} · turn {view.turn + 1} of {view.turns}"
    title = scene.app.fonts.heading(24).size(shortest)[0]
    return max(40, scene.top_buttons_x - 12 - 16 - title - 60 - scene.geo.band)


def _who_words(scene) -> str:
    """The longest of the seat's names that fits its room; none if none does (the faction's badge
    still shows whose view it is)."""
    font = scene.app.fonts.bold(16)
    room = _who_room(scene)
    return next((t for t in _who_texts(scene) if font.size(t)[0] <= room), "")


def _who_width(scene) -> int:
    return scene.app.fonts.bold(16).size(_who_words(scene))[0] + scene.geo.band


def _who(scene, surface, geo) -> None:
    """The seat at the screen, beside the band's buttons."""
    app = scene.app
    font = app.fonts.bold(16)
    x_end = scene.top_buttons_x - 12
    img = text.render(font, _who_words(scene), theme.WHITE)
    y = (geo.band - img.get_height()) // 2
    surface.blit(img, (x_end - img.get_width(), y))
    if scene.viewer is not None:
        size = geo.band - 18
        draw.badge(surface, app, scene.viewer, (x_end - img.get_width() - size // 2 - 6, geo.band // 2 - 2), size)
