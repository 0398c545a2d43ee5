"""Named saves: saving under a name, the list of saves to load, and opening one.  A save that
cannot be read gives a message and leaves the game in progress as it was."""

from __future__ import annotations

import time

import pygame

from game.match import saves
from game.match.saves import SaveError
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.debrief_parts import waits_for_end
from game.ui.scenes.dialog import NameScene, button_need, draw_wrapped, message, wrapped_button, wrapped_height


class SaveScene(NameScene):
    PROMPT = "Name of the save (letters, digits, spaces, . _ -):"

    def __init__(self, app):
        super().__init__(app, "Save the game")

    def initial(self) -> str:
        return f"{self.app.match.scenario} {time.strftime('%Y-%m-%d %H%M')}"

    def save(self) -> None:
        name = self.entry.get_text().strip()
        try:
            path = saves.save_named(self.app.match, name)
        except SaveError as exc:
            self.app.pop()
            message(self.app, "Not saved", str(exc))
            return
        self.app.pop()
        message(self.app, "Saved", f"Saved as “{path.stem}”. Load it from the main menu.")


class LoadScene(Scene):
    """Every save, newest first, page by page where they are more than the window holds; one the
    game already knows to be damaged says why.  A label too long for a line is wrapped."""

    page = 0

    def build(self) -> None:
        rules = self.app.rules
        w, h = self.app.size
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(24).get_linesize() + 30
        bh = int(36 * s)
        bottom = h - bh - 32
        found = saves.list_saves()
        rows = []
        for info in found:
            stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.modified))
            where = ""
            if info.scenario in rules.scenarios:
                where = f" · {rules.scenarios[info.scenario].name}, {info.date}"
            label = ("Autosave" if info.is_autosave else info.name) + f" · {stamp}" + where
            players = ", ".join(f"{f}: {who}" for f, who in info.seats)
            rows.append((label, info.problem or players or info.path.name, info.path))
        # each save's row, and beside it the button that opens its debrief
        dw = max(int(130 * min(s, 1.5)), button_need(self.app, "Debrief"))
        bw = w - 32 - dw - 8 if s >= 1.5 else int(w * 0.75)
        rh = max([wrapped_height(self.app, label, bw, bh) for label, _, _ in rows] or [bh])
        per_page = max(1, (bottom - top) // (rh + 6))
        self.pages = max(1, -(-len(rows) // per_page))
        self.page = min(self.page, self.pages - 1)
        damaged = {info.path for info in found if info.problem}
        for i, (label, tip, path) in enumerate(rows[self.page * per_page : (self.page + 1) * per_page]):
            y = top + i * (rh + 6)
            wrapped_button(self, (16, y, bw, rh), label, self._open(path), tip)
            why = "This game beside history: timelines, goals, charts of power, sources, questions"
            self.button((16 + bw + 8, y, dw, rh), "Debrief", self._debrief(path), why, path not in damaged)
        self.empty = [] if found else text.wrap(self.app.fonts.body(16), self.EMPTY, w - 32)
        nav = int(160 * s)
        if self.pages > 1:
            for k, (label, step, tip) in enumerate(
                (("◀ Newer", -1, "The newer saves (Page Up)"), ("Older ▶", 1, "The older saves (Page Down)"))
            ):
                b = self.button((16 + k * (nav + 10), h - bh - 16, nav, bh), label, self._turn(step), tip)
                if not 0 <= self.page + step < self.pages:
                    b.disable()
        self.button((w - 16 - nav, h - bh - 16, nav, bh), "Back", self.back)

    EMPTY = "No saves yet: save a game from its board (Save)."

    def _turn(self, step: int):
        def turn():
            if 0 <= self.page + step < self.pages:
                self.page += step
                self.rebuild()
                self.focus = len(self.controls) - 1

        return turn

    def key(self, event) -> None:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self._turn(1 if event.key == pygame.K_PAGEDOWN else -1)()
        else:
            super().key(event)

    def _open(self, path):
        return lambda: self.app.open_save(path)

    def _debrief(self, path):
        def debrief():
            try:
                match = saves.read(path, self.app.rules)
            except SaveError as exc:
                message(self.app, "This save cannot be debriefed", str(exc))
                return
            why = waits_for_end(match)
            if why is not None:
                message(self.app, "Not before the end", why)
                return
            self.app.push_scene("debrief", match, path.stem)

        return debrief

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface) -> None:
        draw.poster_background(surface)
        y = draw.band(surface, self.app, "LOAD A SAVED GAME") + 26
        text.blit_lines(surface, self.app.fonts.body(16), self.empty, (16, y), theme.BLACK)

    def draw_focus(self, surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)
