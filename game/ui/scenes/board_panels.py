"""The board's panels, each drawn from the view: the offices, the party bodies, the press, the map
of party organisations (``board_map.py``), the scales of opinion, the factions, the viewer's
objectives, the agenda and the chronicle.  Each is a :class:`~game.ui.scenes.panels.Panel`; what
each shows is one ``body`` function (content drawn from (0, 0) at a width, hotspots in its own
coordinates).
"""

from __future__ import annotations

import pygame

from game.present import chronicle, explain, naming, situation
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES
from game.ui import draw, text, theme
from game.ui.scenes.board_map import MapPanel
from game.ui.scenes.panels import Panel


def _row_font(app):
    return app.fonts.body(13)


def _lines(surface, font, words: str, x: int, y: int, width: int, colour) -> int:
    """``words`` wrapped to ``width`` and drawn from (x, y); returns the y below them."""
    return text.blit_lines(surface, font, text.wrap(font, words, width), (x, y), colour)


def _offices(app, view, surface, w: int, spots) -> int:
    """Each office and its holder: the office's name at the left and the holder at the right, each
    wrapped in its column, or the holder under the office where the panel is narrow."""
    rules = app.rules
    font, bold = _row_font(app), app.fonts.bold(13)
    step = font.get_linesize() + 1
    right = max(bold.size(naming.holder_name(rules, view, o))[0] for o in view.offices) if view.offices else 0
    right = min(right + 4, w // 2)
    stacked = w - right - step - 8 < w // 2  # too narrow for both side by side: the holder under
    y = 0
    for oid, holder in view.offices.items():
        office = rules.offices[oid]
        owner = view.figures[holder].faction if holder in view.figures else None
        who = naming.holder_name(rules, view, oid)
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
                f"{office.name}: "
                + (
                    f"not yet created ({who})"
                    if naming.not_created_until(rules, view, oid)
                    else f"{who} ({naming.faction_name(rules, owner)})"
                )
                + ". Appointed by the "
                f"{rules.bodies[office.appointed_by].name if office.appointed_by in rules.bodies else office.appointed_by}; "
                f"income {office.income}." + (" Gives: " + ", ".join(office.grants) if office.grants else ""),
            )
        )
        y = end + 1
    return y


def _figure_row(app, view, surface, x, y, w, ids, step, title, spots) -> int:
    rules = app.rules
    font = app.fonts.bold(12)
    surface.blit(text.render(font, title, theme.RED), (x, y))
    y += font.get_linesize()
    cx = x
    for fid in ids:
        owner = view.figures[fid].faction if fid in view.figures else None
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
                f"{naming.figure_name(rules, fid)} — {naming.faction_name(rules, owner)}",
            )
        )
        cx += width
    return y + step + 4


def _bodies(app, view, surface, w: int, spots) -> int:
    rules = app.rules
    step = _row_font(app).get_linesize() + 2
    y = _figure_row(app, view, surface, 0, 0, w, view.politburo, step, "POLITBURO", spots)
    y = _figure_row(app, view, surface, 0, y, w, view.secretariat, step, "SECRETARIAT", spots)
    font = app.fonts.bold(12)
    for titles, counts, tip in (
        (("CENTRAL COMMITTEE", "CC"), view.central_committee, "Seats in the Central Committee, by faction"),
        (
            ("IF THE CONGRESS MET NOW", "CONGRESS NOW"),
            view.forecast,
            "Delegates each faction would bring, from the regions' secretaries, their hold and the rank and file's "
            "sympathy (public facts only)",
        ),
    ):
        parts = sorted(((f if f in rules.factions else None, n) for f, n in counts.items()), key=lambda p: p[0] or "~")
        total = sum(n for _, n in parts)
        summary = ", ".join(f"{naming.faction_name(rules, f).split()[0] if f else 'unaligned'} {n}" for f, n in parts)
        label = text.first_fitting(font, [f"{t} ({total})" for t in titles], w)
        surface.blit(text.render(font, label, theme.RED), (0, y))
        y += font.get_linesize()
        bar = pygame.Rect(0, y, w, max(8, step - 4))
        draw.stacked_bar(surface, app, bar, parts)
        spots.append((pygame.Rect(0, y - font.get_linesize(), w, bar.h + font.get_linesize()), f"{tip}: {summary}"))
        y += bar.h + 4
    return y


def _press(app, view, surface, w: int, spots) -> int:
    rules = app.rules
    font, bold = _row_font(app), app.fonts.bold(13)
    step = font.get_linesize() + 1
    y = 0
    for organ in rules.press.values():
        holder = view.offices.get(organ.controlled_by)
        owner = view.figures[holder].faction if holder in view.figures else None
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
                f"{organ.name}: controlled by the {office} ({naming.figure_name(rules, holder)}, "
                f"{naming.faction_name(rules, owner)}); reach {organ.reach}",
            )
        )
        y = end + 1
    return y


def _scales(app, view, surface, w: int, spots) -> int:
    """Each tracker on its scale: the name and value, then the bar with its two ends named under
    it (when they fit whole; the tooltip always gives them).  A name that leaves no room for the
    bar beside it has a line of its own."""
    rules = app.rules
    scales = situation.scales(rules, view)
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


def _factions(app, view, surface, w: int, spots) -> int:
    """Each faction: its name, then its standing (and, for the viewer's own, its influence and
    action points), each wrapped."""
    rules = app.rules
    font, bold = app.fonts.body(11), app.fonts.bold(13)
    blocs = {f for pair in view.blocs for f in pair}
    size = bold.get_linesize()
    y = 0
    for fid, fs in view.factions.items():
        top = y
        mine = fid == view.you
        name = naming.faction_name(rules, fid)
        status = fs.status.replace("_", " ")
        stats = f"{status}" + (" · in a bloc" if fid in blocs else "") + (" · done" if fs.done else "")
        stats += f" · prestige {fs.prestige} · exposure {fs.exposure} · mantle {fs.mantle}"
        if mine:
            stats = f"influence {fs.influence} · AP {fs.ap} · " + stats
        head = text.wrap(bold, name, w - size - 4)
        lines = text.wrap(font, stats, w - size - 4)
        height = len(head) * size + len(lines) * font.get_linesize()
        if mine:
            pygame.draw.rect(surface, theme.PAPER_DARK, (0, y, w, height + 2))
        draw.badge(surface, app, fid, (size // 2, y + size // 2), size - 2)
        y = text.blit_lines(surface, bold, head, (size + 4, y), theme.BLACK)
        y = text.blit_lines(surface, font, lines, (size + 4, y), theme.BLACK) + 4
        tip = (
            f"{name}: {status}. Prestige {fs.prestige}, exposure under the ban on factions {fs.exposure}, "
            f"Lenin's mantle {fs.mantle}."
        )
        if mine:
            contacts = ", ".join(f"{naming.figure_name(rules, f)} +{v}" for f, v in sorted(view.cultivation.items()))
            tip += f" Yours: influence {fs.influence}, action points {fs.ap}." + (
                f" Your secret contacts: {contacts}." if contacts else ""
            )
            if view.offers:
                tip += " Bloc offers: " + "; ".join(
                    f"{naming.faction_name(rules, a)} → {naming.faction_name(rules, b)}" for a, b in view.offers
                )
        spots.append((pygame.Rect(0, top, w, y - top), tip))
    return y


_WHEN = {"end": "at the end", "always": "throughout", "ever": "at any quarter's close"}


def _standing(view) -> str:
    """Where the viewer's faction would stand if the game ended now: ``7 points, victory``."""
    obj = view.objectives
    return f"{points_text(obj.points)}, {RESULT_NAMES[obj.result].lower()}"


def _objectives_titles(view) -> tuple[str, ...]:
    """The panel's titles, longest first: the standing always says it is the standing if the game
    ended now (on the first turn "7 points: victory" read as a claim of what was won)."""
    standing = _standing(view)
    return (
        f"Your objectives — if the game ended now: {standing}",
        f"Objectives — if it ended now: {standing}",
        "Your objectives",
        "Objectives",
    )


def _objectives(app, view, surface, w: int, spots) -> int:
    """Where the faction would stand if the game ended now, then each goal: met, failed or open,
    its points and its name (wrapped under itself)."""
    obj = view.objectives
    font = app.fonts.body(12)
    standing = f"If the game ended now: {_standing(view)}."
    y = _lines(surface, app.fonts.bold(12), standing, 0, 0, w, theme.GREY) + 2
    spots.append(
        (
            pygame.Rect(0, 0, w, y),
            f"{standing} The goals judged at the end count as they stand now; the game is decided at its end.",
        )
    )
    for g in obj.goals:
        status = g.status
        if g.points < 0:
            status = "befell" if status == "met" else "avoided"
        good = status in ("met", "avoided")
        mark = "✔" if good else "✘" if status in ("failed", "befell") else "…"
        colour = theme.BLACK if good else theme.DARK_RED if mark == "✘" else theme.GREY
        when = f"by {g.by}" if g.by else _WHEN.get(g.when, g.when)
        lead = f"{mark} {g.points:+d} "
        indent = font.size(lead)[0]
        surface.blit(text.render(font, lead, colour), (0, y))
        # a penalty's tick means it was avoided, not that it befell: say so in words
        name = g.name + (" — avoided" if status == "avoided" else " — it happened" if status == "befell" else "")
        end = _lines(surface, font, name, indent, y, w - indent, colour)
        spots.append((pygame.Rect(0, y, w, end - y), f"{g.name} ({when}), {g.points:+d} points — now {status}"))
        y = end + 2
    if obj.history:  # empty where the teacher's preset hides it until the end
        history = "History's result for your faction: " + " ".join(obj.history.split())
        spots.append((pygame.Rect(0, 0, w, y), history))  # after the others: theirs come first
    return y


def _agenda(app, view, surface, w: int, spots) -> int:
    rules = app.rules
    font = app.fonts.body(12)
    rows = situation.agenda_lines(rules, view)
    y = 0
    if not rows:
        surface.blit(text.render(font, "Nothing is on the agenda.", theme.GREY), (0, 0))
        y = font.get_linesize() + 2
    for line in rows:
        end = _lines(surface, font, line, 0, y, w, theme.BLACK)
        spots.append((pygame.Rect(0, y, w, end - y), line))
        y = end + 2
    # what the opening of the next quarter brings the seat at the screen (a censure coming, say)
    for line in situation.coming_lines(rules, view):
        end = _lines(surface, font, line, 0, y, w, theme.DARK_RED)
        spots.append((pygame.Rect(0, y, w, end - y), line))
        y = end + 2
    return y


# --- the panels ----------------------------------------------------------------------------------


class OfficesPanel(Panel):
    key, titles, tab = "offices", ("Offices",), "Offices"
    about = "Each office and the man who holds it"
    draws = staticmethod(_offices)


class BodiesPanel(Panel):
    key, tab = "bodies", "Party bodies"
    titles = ("Politburo · Secretariat · Central Committee", "Politburo · Secretariat · CC", "Party bodies")
    about = "The Politburo, the Secretariat, the Central Committee, and the Congress if it met now"
    draws = staticmethod(_bodies)


class PressPanel(Panel):
    key, titles, tab = "press", ("Press",), "Press"
    about = "The papers and who controls them"
    min_lines = 2
    draws = staticmethod(_press)


class ScalesPanel(Panel):
    key, titles, tab = "scales", ("Opinion and the times", "Opinion"), "Opinion"
    about = "The party's opinion and the times, each on its scale"
    draws = staticmethod(_scales)


class FactionsPanel(Panel):
    key, titles, tab = "factions", ("Factions",), "Factions"
    about = "Each faction's standing"
    draws = staticmethod(_factions)


class ObjectivesPanel(Panel):
    key, tab = "objectives", "Objectives"
    about = "Your faction's goals, and where it would stand if the game ended now"
    draws = staticmethod(_objectives)

    def title(self, view):
        return _objectives_titles(view)


class AgendaPanel(Panel):
    key, titles, tab = "agenda", ("Agenda",), "Agenda"
    about = "The motions and votes to come"
    min_lines = 2
    draws = staticmethod(_agenda)


class ChroniclePanel(Panel):
    """The chronicle, newest at the bottom: it draws only the lines that show, and keeps how many
    lines back it is scrolled (a notch of the mouse wheel is a line)."""

    key, tab = "chronicle", "Chronicle"
    about = "Every public event, and your own private news"

    def __init__(self, app):
        super().__init__(app)
        self.back = 0  # lines scrolled back from the newest
        self.more = False  # older lines than those shown exist

    def title(self, view):
        return ("Chronicle" + (" — public and yours" if view.you else ""), "Chronicle")

    def want(self, view, width):
        return 10**6, None  # all it can have

    def lines(self, view, width: int, rows: int) -> list[tuple[str, tuple]]:
        """The wrapped lines from the newest entry back, as far as the scrolled window reaches."""
        rules = self.app.rules
        font = self.app.fonts.body(12)
        start = rules.scenarios[view.scenario].start
        out: list[tuple[str, tuple]] = []
        for entry in reversed(view.log):
            if len(out) >= rows + self.back + 1:
                break  # one line more than the window: there is more to scroll to
            colour = theme.DARK_RED if entry.kind == "secret" else theme.BLACK
            words = chronicle.render(rules, entry)
            wrapped = text.wrap(font, f"{explain.quarter(start, entry.turn)}  {words}", width)
            out[:0] = [(w, colour) for w in wrapped]
        return out

    def draw(self, view, surface, rect, drawn=None) -> None:
        self.rect = pygame.Rect(rect)
        inner = draw.panel(surface, self.app, rect, self.title(view))
        font = self.app.fonts.body(12)
        step = font.get_linesize()
        rows = max(1, inner.h // step)
        lines = self.lines(view, inner.w - 4, rows)
        self.back = max(0, min(self.back, len(lines) - rows))
        end = len(lines) - self.back
        self.more = end - rows > 0
        y = inner.y
        for words, colour in lines[max(0, end - rows) : end]:
            surface.blit(text.render(font, words, colour), (inner.x, y))
            y += step
        tip = (
            "The chronicle: every public event, and your own private news in dark red. Scroll with the mouse "
            "wheel, or Page Up and Page Down."
        )
        self._next = (inner, [(pygame.Rect((0, 0), inner.size), tip)], None)
        self.dirty = False

    def page(self, pages: int) -> bool:
        """A page is the panel's lines but one; a page up goes back (older), as the wheel does."""
        rows = max(1, self.inner.h // self.app.fonts.body(12).get_linesize())
        return self.wheel(-pages * max(1, rows - 1))

    def wheel(self, dy: int) -> bool:
        back = max(0, self.back + dy)
        if back > self.back and not self.more:
            return True  # the oldest line shows already
        self.back, self.dirty = back, back != self.back or self.dirty
        return True


#: every panel of the board, by the key the layout table names it by
PANELS = (
    OfficesPanel,
    BodiesPanel,
    PressPanel,
    MapPanel,
    ScalesPanel,
    FactionsPanel,
    ObjectivesPanel,
    AgendaPanel,
    ChroniclePanel,
)
