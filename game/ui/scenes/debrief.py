"""The debrief in the window: a game set beside history, for after play (issue 24).

Opened from the end screen (Debrief, or the D key) and from the list of saves (each save's
Debrief button).  One faction at a time (its tab, or the keys 1–9), one section at a time (its
tab, or the letter in its tooltip): this game's dated timeline beside history's; where the two
parted and the moves and votes that made it; each goal met or failed with the quarter; the charts
of power over time (the after-action report's figures, drawn by matplotlib for the window); every
event with the document and passage it comes from; the computer seat's reasons for its key moves;
the scenario's questions for discussion.  *Write the report* writes the same HTML report as
``python -m game debrief FILE``, next to the saves, and says where.

Everything comes from :func:`game.present.debrief.from_match`.  The debrief shows every faction's
goals and the computer's reasons, so a hot-seat game's opens only once the game is over (the
list of saves refuses an unfinished one), and its header says that everything is shown.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.match import saves
from game.present import report
from game.present.debrief import from_match
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes import debrief_parts as parts
from game.ui.scenes.dialog import (
    band_hint,
    button_fits,
    button_need,
    common_size,
    draw_wrapped,
    escape,
    message,
    wrapped_button,
)
from game.ui.scenes.dialog import wrapped_height as need_height

#: the keys that choose a faction by its place in the row
DIGITS = {getattr(pygame, f"K_{n}"): n - 1 for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n - 1 for n in range(1, 10)
}
#: pixels between the screen's rows and tabs (before the font scale)
GAP = 6


def _leader(rules, faction: str, name: str) -> str:
    """A faction's short name: its leader's surname (its name if the rules name no leader)."""
    rec = rules.factions.get(faction)
    figure = rules.figures.get(rec.leader) if rec is not None else None
    return figure.name.split()[-1] if figure is not None and figure.name.split() else name


class DebriefScene(Scene):
    """The debrief of ``match`` (finished, or a save's game so far); ``name`` names the report's
    file (``NAME-report.html`` in the saves' folder)."""

    def __init__(self, app, match, name: str):
        super().__init__(app)
        self.match = match
        self.name = name
        self.debrief = from_match(match)
        humans = match.humans()
        ids = [f.faction for f in self.debrief.factions]
        self.faction = humans[0] if len(humans) == 1 and humans[0] in ids else ids[0]
        self.section = parts.SECTIONS[0][0]
        self.written = None  # the report's path, once written
        self.charts: dict[tuple, pygame.Surface] = {}  # by faction, width and font scale
        self.content = None  # the section's text box or scrolling container

    # --- layout ---------------------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        gap = round(GAP * s)
        y = self.app.fonts.heading(24).get_linesize() + 20 + gap
        font = self.app.fonts.body(15)
        self.head = text.wrap(font, parts.header(self.debrief, self.faction), w - 32)
        self.head_y = y
        y += len(self.head) * font.get_linesize() + gap
        self.faction_tabs = self._faction_row(y)
        top = self.faction_tabs[0][1].bottom + gap
        bh = self.app.fonts.bold(theme.BUTTON_SIZE).get_linesize() + 12
        bottom = h - bh - 16
        label = "Write the report"
        rw = max(int(240 * min(s, 1.5)), button_need(self.app, label))
        back = max(int(160 * min(s, 1.5)), button_need(self.app, "Back"))
        side = self._section_column(top, bottom - gap)  # the keyboard's order: factions, sections, then these
        tip = f"Write the after-action report (HTML, to print or hand in) in {saves.saves_dir().name}/ (R)"
        self.button((16, bottom, rw, bh), label, self.write_report, tip)
        self.button((w - 16 - back, bottom, back, bh), "Back", self.back)
        self.note_rect = pygame.Rect(16 + rw + gap, bottom, w - 32 - rw - back - 2 * gap, bh)
        self.area = pygame.Rect(side.right + gap, top, w - 16 - side.right - gap, bottom - gap - top)
        self._content()

    def _faction_row(self, y: int) -> list[tuple[str, pygame.Rect]]:
        """The factions as tabs across the window, the chosen one marked ●, all in one face; where
        their names do not fit a line each, the leaders' names (the whole name is in the tooltip)."""
        w = self.app.size[0]
        s = self.app.settings.font_scale
        gap = round(GAP * s)
        rules = self.match.rules
        factions = self.debrief.factions
        bw = (w - 32 - gap * (len(factions) - 1)) // len(factions)
        mark = {f.faction: "● " if f.faction == self.faction else "" for f in factions}
        room = bw - 2 * round(9 * s)  # the label clear of the colour down the tab's left edge

        def fit(labels) -> bool:
            return all(button_fits(self.app, x, room, 10**4) for x in labels) or bool(
                common_size(self.app, labels, room)
            )

        labels = [mark[f.faction] + f.name for f in factions]
        if not fit(labels):
            labels = [mark[f.faction] + _leader(rules, f.faction, f.name) for f in factions]
        size = (
            None if all(button_fits(self.app, x, room, 10**4) for x in labels) else common_size(self.app, labels, room)
        )
        least = self.app.fonts.bold(theme.BUTTON_SIZE).get_linesize() + 12
        bh = max(need_height(self.app, label, bw, least) for label in labels) if size is None else least
        out = []
        for i, (f, label) in enumerate(zip(factions, labels, strict=True), 1):
            rect = pygame.Rect(16 + (i - 1) * (bw + gap), y, bw, bh)
            wrapped_button(self, rect, label, self._pick_faction(f.faction), f"{f.name} ({i})", size=size)
            out.append((f.faction, rect))
        return out

    def _section_column(self, top: int, bottom: int) -> pygame.Rect:
        """The sections as a column of tabs down the left, each label whole on a line; returns
        the column's rect."""
        s = self.app.settings.font_scale
        labels = [("● " if key == self.section else "") + label for key, label, _tip in parts.SECTIONS]
        width = max(button_need(self.app, "● " + label) for _key, label, _tip in parts.SECTIONS)
        n = len(labels)
        step = round(2 * s)
        tall = self.app.fonts.bold(theme.BUTTON_SIZE).get_linesize() + 6
        bh = max(tall, min(int(40 * s), (bottom - top - step * (n - 1)) // n))
        for i, ((key, _label, tip), label) in enumerate(zip(parts.SECTIONS, labels, strict=True)):
            self.button((16, top + i * (bh + step), width, bh), label, self._pick_section(key), tip)
        return pygame.Rect(16, top, width, n * bh + (n - 1) * step)

    def _content(self) -> None:
        """The chosen section in the area: words in a scrolling text box, or a picture (the
        timeline's table, the charts) in a scrolling container."""
        d, f, s = self.debrief, self.debrief.faction(self.faction), self.app.settings.font_scale
        area = self.area
        self.above = []
        if self.section in ("timeline", "power"):
            font = self.app.fonts.body(14)
            words = parts.timeline_note(f) if self.section == "timeline" else ""
            if self.section == "power" and d.quarters:
                words = (
                    f"{f.name}'s line is the widest; history's lines are dashed. Each point is the close of a quarter."
                )
            self.above = text.wrap(font, words, area.w) if words else []
            top = len(self.above) * font.get_linesize() + (round(4 * s) if self.above else 0)
            box = pygame.Rect(area.x, area.y + top, area.w, area.h - top)
            picture = self._picture(box.w - 20)
            if picture is None:
                self.content = self.textbox(box, escape(parts.no_chart_words()))
                return
            self.content = self.add(
                pygame_gui.elements.UIScrollingContainer(box, self.app.manager, allow_scroll_x=False)
            )
            pygame_gui.elements.UIImage(
                pygame.Rect(0, 0, picture.get_width(), picture.get_height()),
                picture,
                self.app.manager,
                container=self.content,
            )
            self.content.set_scrollable_area_dimensions((box.w - 20, picture.get_height()))
            return
        html = {
            "divergence": lambda: parts.divergence_html(d, f, s),
            "goals": lambda: parts.goals_html(d, f, s),
            "events": lambda: parts.events_html(d, s),
            "computer": lambda: parts.reasons_html(d, f, self._human(self.faction), s),
            "questions": lambda: parts.questions_html(d, s),
        }[self.section]()
        self.content = self.textbox(area, html)

    def _picture(self, width: int) -> pygame.Surface | None:
        f = self.debrief.faction(self.faction)
        if self.section == "timeline":
            return parts.timeline_picture(self.app, f, width)
        if not self.debrief.quarters:
            return None
        key = (self.faction, width, self.app.settings.font_scale, self.app.settings.colour_blind)
        if key not in self.charts:
            self.charts[key] = parts.chart_picture(self.app, self.debrief, self.faction, width)
        return self.charts[key]

    def _human(self, faction: str) -> bool:
        seat = self.match.seats.get(faction)
        return seat is not None and seat.is_human

    # --- choosing -------------------------------------------------------------------------------
    def _pick_faction(self, faction: str):
        def pick():
            self.faction = faction
            self._refresh([f.faction for f in self.debrief.factions].index(faction))

        return pick

    def _pick_section(self, section: str):
        def pick():
            self.section = section
            keys = [key for key, _label, _tip in parts.SECTIONS]
            self._refresh(len(self.debrief.factions) + keys.index(section))

        return pick

    def _refresh(self, focus: int) -> None:
        """Build again for the faction and section chosen; the keyboard's focus on the tab that
        chose them, wherever it was (a key chooses without moving it)."""
        self.rebuild()
        self.focus = focus

    def key(self, event) -> None:
        ids = [f.faction for f in self.debrief.factions]
        if event.key in DIGITS and DIGITS[event.key] < len(ids) and not event.mod & pygame.KMOD_CTRL:
            self._pick_faction(ids[DIGITS[event.key]])()
        elif event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.page(1 if event.key == pygame.K_PAGEDOWN else -1)
        else:
            super().key(event)

    def page(self, step: int) -> None:
        """Scroll the section a screenful down (1) or up (-1)."""
        box = self.content
        bar = getattr(box, "scroll_bar", None) or getattr(box, "vert_scroll_bar", None)
        if bar is None or not bar.alive():
            return
        move = bar.visible_percentage * step
        bar.set_scroll_from_start_percentage(min(max(bar.start_percentage + move, 0.0), 1.0 - bar.visible_percentage))

    def write_report(self) -> None:
        """The after-action report, as the command line writes it, next to the saves."""
        path = saves.saves_dir() / f"{self.name}-report.html"
        try:
            report.write(self.debrief, path)
        except report.ReportError as exc:
            message(self.app, "The report was not written", str(exc))
            return
        self.written = path
        message(
            self.app,
            "The report is written",
            f"{path}\n\nOne HTML file, with its charts, that opens in any web browser with no network and "
            "prints on A4. It names the seed and the mods, so the game can be played again:\n"
            f"{self.debrief.replay_line}",
        )

    def back(self) -> None:
        self.app.pop()

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.PAPER)
        title = "DEBRIEF"
        if len(self.match.humans()) > 1:  # a hot-seat game, over: everything is shown, and it says so
            hint = band_hint(self.app, title, *parts.ALL_SHOWN)
        else:
            keys = "1–9 a faction · T D G P E C Q a section · PgUp/PgDn scroll · Esc back"
            hint = band_hint(self.app, title, keys, "Esc back")
        draw.band(surface, self.app, title, hint)
        font = self.app.fonts.body(15)
        text.blit_lines(surface, font, self.head, (16, self.head_y), theme.BLACK)
        small = self.app.fonts.body(14)
        text.blit_lines(surface, small, self.above, (self.area.x, self.area.y), theme.BLACK)
        if self.written is not None:
            note = self.app.fonts.body(13)
            lines = text.wrap(note, f"Report written: {self.written.name}", self.note_rect.w)
            lines = lines[: max(1, self.note_rect.h // note.get_linesize())]
            y = self.note_rect.centery - len(lines) * note.get_linesize() // 2
            text.blit_lines(surface, note, lines, (self.note_rect.x, y), theme.DARK_RED)

    def draw_focus(self, surface: pygame.Surface) -> None:
        # each faction's tab marked with its colour down its left edge
        s = self.app.settings.font_scale
        for fid, rect in self.faction_tabs:
            pygame.draw.rect(surface, self.app.palette.colour(fid), (rect.x + 3, rect.y + 3, round(6 * s), rect.h - 6))
        draw_wrapped(self, surface)
        super().draw_focus(surface)
