"""The board's picture: where each panel sits, and how each is drawn from the view.

Every drawn item that has more to say registers a hotspot (rect, tooltip text) on the scene.
"""

from __future__ import annotations

import attrs
import pygame

from game.session import explain, present
from game.ui import draw, text, theme

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

    def action_rect(self, i: int, count: int, last: bool) -> tuple[int, int, int, int]:
        """The i-th action button's place: rows of ``cols``; the end-turn button always bottom right."""
        cw = (self.bar.w - 12 - 6 * (self.cols - 1)) // self.cols
        ch = (self.bar.h - 12 - 6 * (self.rows - 1)) // self.rows
        row, col = divmod(i, self.cols)
        if last:
            row, col = self.rows - 1, self.cols - 1
        return self.bar.x + 6 + col * (cw + 6), self.bar.y + 6 + row * (ch + 6), cw, ch


def board(app) -> Geometry:
    w, h = app.size
    s = app.settings.font_scale
    band = app.fonts.heading(24).get_linesize() + 16 + 4
    count = len(app.rules.actions)
    cols = max(6, min(10, (w - 16) // int(130 * s)))
    rows = -(-count // cols)
    if rows * cols - count < 1 and "pass_turn" in app.rules.actions:
        rows += 1  # room for the end-turn button in its corner
    bar_h = int(rows * 30 * s + 6 * rows + 8)
    bar = pygame.Rect(8, h - bar_h - 4, w - 16, bar_h)
    top, bottom = band + 6, bar.y - 6
    lw, cw = int(w * 0.27), int(w * 0.40)
    left = pygame.Rect(8, top, lw - 12, bottom - top)
    centre = pygame.Rect(lw, top, cw - 4, bottom - top)
    right = pygame.Rect(lw + cw + 4, top, w - lw - cw - 12, bottom - top)
    return Geometry(band, bar, left, centre, right, cols, rows)


def draw_board(scene, surface: pygame.Surface) -> None:
    app, view = scene.app, scene.view
    rules = app.rules
    surface.fill(theme.PAPER)
    geo = scene.geo
    sc = rules.scenarios[view["scenario"]]
    left_turns = view["turns"] - view["turn"] - 1
    title = f"{view['date']} · turn {view['turn'] + 1} of {view['turns']} · " + (
        "last turn" if left_turns == 0 else f"{left_turns} more after this"
    )
    draw.band(surface, app, title, width=scene.top_buttons_x - _who_width(scene) - 60)
    _who(scene, surface, geo)
    pygame.draw.rect(surface, theme.PAPER_DARK, geo.bar)
    pygame.draw.rect(surface, theme.BLACK, geo.bar, 2)
    if scene.viewer is None and not scene.match.over:
        font = app.fonts.bold(16)
        msg = "Public view — no faction's secrets are shown"
        surface.blit(text.render(font, msg, theme.BLACK), (geo.bar.x + 16, geo.bar.y + 8))
    col = geo.left
    h1 = int(col.h * 0.37)
    h2 = int(col.h * 0.35)
    _offices(scene, surface, pygame.Rect(col.x, col.y, col.w, h1))
    _bodies(scene, surface, pygame.Rect(col.x, col.y + h1 + 6, col.w, h2))
    _press(scene, surface, pygame.Rect(col.x, col.y + h1 + h2 + 12, col.w, col.h - h1 - h2 - 12))
    col = geo.centre
    hm = int(col.h * 0.60)
    _map(scene, surface, pygame.Rect(col.x, col.y, col.w, hm))
    _scales(scene, surface, pygame.Rect(col.x, col.y + hm + 6, col.w, col.h - hm - 6))
    col = geo.right
    strip = app.fonts.heading(15).get_linesize() + 12
    hf = min(
        int(col.h * 0.34),
        strip + len(view["factions"]) * (app.fonts.bold(13).get_linesize() + app.fonts.body(12).get_linesize()),
    )
    ho = int(col.h * 0.25) if view["objectives"] else 0
    ha = int(col.h * 0.14)
    _factions(scene, surface, pygame.Rect(col.x, col.y, col.w, hf))
    y = col.y + hf + 6
    if ho:
        _objectives(scene, surface, pygame.Rect(col.x, y, col.w, ho))
        y += ho + 6
    _agenda(scene, surface, pygame.Rect(col.x, y, col.w, ha))
    y += ha + 6
    geo.chronicle = pygame.Rect(col.x, y, col.w, col.bottom - y)
    _chronicle(scene, surface, geo.chronicle)
    del sc


def _who_text(scene) -> str:
    if scene.viewer is None:
        return "Public view"
    seat = scene.match.seats[scene.viewer]
    faction = present.faction_name(scene.app.rules, scene.viewer)
    return faction if seat.name in ("", faction) else f"{seat.name} — {faction}"


def _who_width(scene) -> int:
    font = scene.app.fonts.bold(16)
    limit = max(40, scene.top_buttons_x - 12 - scene.app.size[0] // 2)
    return min(font.size(_who_text(scene))[0], limit) + 30


def _who(scene, surface, geo) -> None:
    """The seat at the screen, beside the band's buttons."""
    app = scene.app
    font = app.fonts.bold(16)
    words = _who_text(scene)
    x_end = scene.top_buttons_x - 12
    words = text.fit(font, words, max(40, x_end - surface.get_width() // 2))
    img = text.render(font, words, theme.WHITE)
    y = (geo.band - img.get_height()) // 2
    surface.blit(img, (x_end - img.get_width(), y))
    if scene.viewer is not None:
        draw.badge(surface, app, scene.viewer, (x_end - img.get_width() - 18, geo.band // 2 - 2), geo.band - 18)


def _row_font(app):
    return app.fonts.body(13)


def _offices(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Offices")
    font, bold = _row_font(app), app.fonts.bold(13)
    step = font.get_linesize() + 1
    y = inner.y
    surface.set_clip(inner)
    for oid, holder in view["offices"].items():
        office = rules.offices[oid]
        owner = view["figures"][holder]["faction"] if holder in view["figures"] else None
        draw.badge(surface, app, owner, (inner.x + step // 2, y + step // 2), step - 3)
        name = text.fit(font, office.name, inner.w // 2 - step)
        surface.blit(text.render(font, name, theme.BLACK), (inner.x + step + 2, y))
        who = text.fit(bold, present.figure_name(rules, holder), inner.w // 2 - 4)
        surface.blit(text.render(bold, who, theme.BLACK if holder else theme.GREY), (inner.x + inner.w // 2 + 4, y))
        scene.hotspots.append(
            (
                pygame.Rect(inner.x, y, inner.w, step),
                f"{office.name}: {present.figure_name(rules, holder)}"
                f" ({present.faction_name(rules, owner)}). Appointed by the "
                f"{rules.bodies[office.appointed_by].name if office.appointed_by in rules.bodies else office.appointed_by}; "
                f"income {office.income}." + (" Gives: " + ", ".join(office.grants) if office.grants else ""),
            )
        )
        y += step
    surface.set_clip(None)


def _figure_row(scene, surface, x, y, w, ids, step, title) -> int:
    app, view, rules = scene.app, scene.view, scene.app.rules
    font = app.fonts.bold(12)
    surface.blit(text.render(font, title, theme.RED), (x, y))
    y += font.get_linesize()
    cx = x
    for fid in ids:
        owner = view["figures"][fid]["faction"] if fid in view["figures"] else None
        name = rules.figures[fid].name.split()[-1] if fid in rules.figures else fid
        width = step + font.size(name)[0] + 10
        if cx + width > x + w:
            cx = x
            y += step + 2
        draw.badge(surface, app, owner, (cx + step // 2, y + step // 2), step - 2)
        surface.blit(text.render(font, name, theme.BLACK), (cx + step + 2, y + (step - font.get_linesize()) // 2))
        scene.hotspots.append(
            (
                pygame.Rect(cx, y, width, step),
                f"{present.figure_name(rules, fid)} — {present.faction_name(rules, owner)}",
            )
        )
        cx += width
    return y + step + 4


def _bodies(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Politburo · Secretariat · Central Committee")
    surface.set_clip(inner)
    step = _row_font(app).get_linesize() + 2
    y = _figure_row(scene, surface, inner.x, inner.y, inner.w, view["politburo"], step, "POLITBURO")
    y = _figure_row(scene, surface, inner.x, y, inner.w, view["secretariat"], step, "SECRETARIAT")
    font = app.fonts.bold(12)
    for title, counts, tip in (
        ("CENTRAL COMMITTEE", view["central_committee"], "Seats in the Central Committee, by faction"),
        (
            "IF THE CONGRESS MET NOW",
            view["forecast"],
            "Delegates each faction would bring, from the regions' secretaries, their hold and the rank and file's "
            "sympathy (public facts only)",
        ),
    ):
        parts = sorted(((f if f in rules.factions else None, n) for f, n in counts.items()), key=lambda p: p[0] or "~")
        total = sum(n for _, n in parts)
        summary = ", ".join(f"{present.faction_name(rules, f).split()[0] if f else 'unaligned'} {n}" for f, n in parts)
        surface.blit(text.render(font, f"{title} ({total})", theme.RED), (inner.x, y))
        y += font.get_linesize()
        bar = pygame.Rect(inner.x, y, inner.w, max(8, step - 4))
        draw.stacked_bar(surface, app, bar, parts)
        scene.hotspots.append(
            (pygame.Rect(inner.x, y - font.get_linesize(), inner.w, bar.h + font.get_linesize()), f"{tip}: {summary}")
        )
        y += bar.h + 4
    surface.set_clip(None)


def _press(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Press")
    font, bold = _row_font(app), app.fonts.bold(13)
    step = font.get_linesize() + 1
    y = inner.y
    surface.set_clip(inner)
    for pid, organ in rules.press.items():
        holder = view["offices"].get(organ.controlled_by)
        owner = view["figures"][holder]["faction"] if holder in view["figures"] else None
        draw.badge(surface, app, owner, (inner.x + step // 2, y + step // 2), step - 3)
        surface.blit(
            text.render(bold, text.fit(bold, organ.name, inner.w * 3 // 5), theme.BLACK), (inner.x + step + 2, y)
        )
        reach = "●" * organ.reach
        surface.blit(text.render(font, reach, theme.RED), (inner.right - font.size(reach)[0], y))
        office = (
            rules.offices[organ.controlled_by].name if organ.controlled_by in rules.offices else organ.controlled_by
        )
        scene.hotspots.append(
            (
                pygame.Rect(inner.x, y, inner.w, step),
                f"{organ.name}: controlled by the {office} ({present.figure_name(rules, holder)}, "
                f"{present.faction_name(rules, owner)}); reach {organ.reach}",
            )
        )
        y += step
        del pid
    surface.set_clip(None)


def _map(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Party organisations — secretary, hold, sympathy, delegates")
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
    name_font, font, big = app.fonts.bold(13), app.fonts.body(12), app.fonts.heading(20)
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
        delegates = text.render(big, str(row.delegates), theme.RED)
        surface.blit(delegates, (tile.right - delegates.get_width() - 4, tile.y + 2))
        surface.blit(
            text.render(name_font, text.fit(name_font, row.name, tile.w - 16 - delegates.get_width()), theme.BLACK),
            (x, y),
        )
        y += name_font.get_linesize()
        step = font.get_linesize()
        draw.badge(surface, app, row.faction, (x + step // 2, y + step // 2), step - 2)
        surface.blit(
            text.render(font, text.fit(font, row.secretary.split()[-1], tile.w - step - 20), theme.BLACK),
            (x + step + 3, y),
        )
        y += step + 2
        bw = tile.right - x - 6
        bh = max(5, step // 2)
        pygame.draw.rect(surface, theme.LIGHT_GREY, (x, y, bw, bh))
        pygame.draw.rect(surface, theme.BLACK, (x, y, bw * row.hold // 100, bh))
        y += bh + 3
        parts = [(f, n) for f, n in sorted(row.sympathy.items())]
        rest = max(0, 100 - sum(n for _, n in parts))
        draw.stacked_bar(surface, app, pygame.Rect(x, y, bw, bh + 2), parts + [(None, rest)])
        surface.set_clip(None)
        sympathy = ", ".join(f"{present.faction_name(rules, f)} {n}" for f, n in parts if n) or "none"
        follows = (
            f" If the Congress met now it would follow {present.faction_name(rules, row.follows)}"
            + (f" ({row.why})." if row.why else ".")
            if row.follows
            else ""
        )
        scene.hotspots.append(
            (
                tile,
                f"{row.name}: {row.delegates} delegates to the Congress. Secretary "
                f"{row.secretary} ({_owner(rules, row.faction)}), hold {row.hold} "
                f"(black bar). Rank and file's sympathy (coloured bar): {sympathy}.{follows} A delegation "
                "follows its secretary unless the sympathy against him is overwhelming.",
            )
        )


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


def _scales(scene, surface, rect) -> None:
    app, rules = scene.app, scene.app.rules
    inner = draw.panel(surface, app, rect, "Opinion and the times")
    scales = present.scales(rules, scene.view)
    if not scales:
        return
    font, bold = app.fonts.body(11), app.fonts.bold(12)
    step = inner.h // len(scales)
    surface.set_clip(inner)
    for i, sc in enumerate(scales):
        y = inner.y + i * step
        half = inner.w // 2
        value = text.render(bold, str(sc.value), theme.RED)
        name = text.fit(bold, sc.name, half - value.get_width() - 14)
        surface.blit(text.render(bold, name, theme.BLACK), (inner.x, y))
        surface.blit(value, (inner.x + half - value.get_width() - 6, y))
        bar = pygame.Rect(inner.x + half, y + 3, half - 4, max(6, bold.get_linesize() - 8))
        pygame.draw.rect(surface, theme.PAPER_DARK, bar)
        pygame.draw.rect(surface, theme.BLACK, bar, 1)
        span = max(1, sc.high - sc.low)
        mx = bar.x + bar.w * (sc.value - sc.low) // span
        if sc.low < 0 < sc.high:
            zx = bar.x + bar.w * (0 - sc.low) // span
            pygame.draw.line(surface, theme.GREY, (zx, bar.y), (zx, bar.bottom))
        pygame.draw.polygon(surface, theme.RED, [(mx - 5, bar.y - 3), (mx + 5, bar.y - 3), (mx, bar.bottom + 2)])
        y2 = bar.bottom + 1
        if step < bold.get_linesize() + font.get_linesize():
            scene.hotspots.append(
                (
                    pygame.Rect(inner.x, y, inner.w, step),
                    sc.text(),
                )
            )
            continue  # no room for the end labels at this size: the tooltip gives them
        left = text.fit(font, "← " + (sc.left or str(sc.low)), bar.w // 2 - 4)
        right = text.fit(font, (sc.right or str(sc.high)) + " →", bar.w // 2 - 4)
        surface.blit(text.render(font, left, theme.GREY), (bar.x, y2))
        surface.blit(text.render(font, right, theme.GREY), (bar.right - font.size(right)[0], y2))
        scene.hotspots.append(
            (
                pygame.Rect(inner.x, y, inner.w, step),
                sc.text(),
            )
        )
    surface.set_clip(None)


def _factions(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Factions")
    font, bold = app.fonts.body(12), app.fonts.bold(13)
    n = max(1, len(view["factions"]))
    step = inner.h // n
    surface.set_clip(inner)
    blocs = {f for pair in view["blocs"] for f in pair}
    for i, (fid, fs) in enumerate(view["factions"].items()):
        y = inner.y + i * step
        mine = fid == view["you"]
        if mine:
            pygame.draw.rect(surface, theme.PAPER_DARK, (inner.x - 2, y - 1, inner.w + 4, step - 1))
        size = bold.get_linesize()
        draw.badge(surface, app, fid, (inner.x + size // 2, y + size // 2), size - 2)
        name = present.faction_name(rules, fid)
        status = fs["status"].replace("_", " ")
        head = f"{name} — {status}" + (" · in a bloc" if fid in blocs else "") + (" · done" if fs["done"] else "")
        surface.blit(text.render(bold, text.fit(bold, head, inner.w - size - 4), theme.BLACK), (inner.x + size + 4, y))
        stats = f"prestige {fs['prestige']} · exposure {fs['exposure']} · mantle {fs['mantle']}"
        if mine:
            stats = f"influence {fs['influence']} · AP {fs['ap']} · " + stats
        surface.blit(
            text.render(font, text.fit(font, stats, inner.w - size - 4), theme.BLACK), (inner.x + size + 4, y + size)
        )
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
        scene.hotspots.append((pygame.Rect(inner.x, y, inner.w, step), tip))
    surface.set_clip(None)


_WHEN = {"end": "at the end", "always": "throughout", "ever": "at any quarter's close"}


def _objectives(scene, surface, rect) -> None:
    app, view = scene.app, scene.view
    from game.engine.objectives import points_text
    from game.ruleset.records import RESULT_NAMES

    obj = view["objectives"]
    inner = draw.panel(
        surface, app, rect, f"Your objectives — {points_text(obj['points'])}: {RESULT_NAMES[obj['result']]}"
    )
    font = app.fonts.body(12)
    step = font.get_linesize()
    y = inner.y
    surface.set_clip(inner)
    for g in obj["goals"]:
        status = g["status"]
        if g["points"] < 0:
            status = "befell" if status == "met" else "avoided"
        good = status in ("met", "avoided")
        mark = "✔" if good else "✘" if status in ("failed", "befell") else "…"
        colour = theme.BLACK if good else theme.DARK_RED if mark == "✘" else theme.GREY
        when = f"by {g['by']}" if g["by"] else _WHEN.get(g["when"], g["when"])
        line = f"{mark} {g['points']:+d} {g['name']}"
        surface.blit(text.render(font, text.fit(font, line, inner.w), colour), (inner.x, y))
        scene.hotspots.append(
            (pygame.Rect(inner.x, y, inner.w, step), f"{g['name']} ({when}), {g['points']:+d} points — now {status}")
        )
        y += step
    scene.hotspots.append((rect, "History's result for your faction: " + " ".join(obj["history"].split())))
    surface.set_clip(None)


def _agenda(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Agenda")
    font = app.fonts.body(12)
    rows = present.agenda_lines(rules, view)
    surface.set_clip(inner)
    y = inner.y
    if not rows:
        surface.blit(text.render(font, "Nothing is on the agenda.", theme.GREY), (inner.x, y))
    for line in rows:
        surface.blit(text.render(font, text.fit(font, line, inner.w), theme.BLACK), (inner.x, y))
        scene.hotspots.append((pygame.Rect(inner.x, y, inner.w, font.get_linesize()), line))
        y += font.get_linesize()
    surface.set_clip(None)


def _chronicle(scene, surface, rect) -> None:
    app, view, rules = scene.app, scene.view, scene.app.rules
    inner = draw.panel(surface, app, rect, "Chronicle" + (" — public and yours" if view["you"] else ""))
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
    scene.hotspots.append(
        (rect, "The chronicle: every public event, and your own private news in dark red. Scroll with the mouse wheel.")
    )
