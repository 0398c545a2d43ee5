"""Named saves: saving under a name, the list of saves to load, and opening one.  A save that
cannot be read gives a message and leaves the game in progress as it was."""

from __future__ import annotations

import time

import pygame
import pygame_gui

from game.session import saves
from game.session.saves import SaveError
from game.ui import draw
from game.ui.app import Scene
from game.ui.scenes.dialog import MessageScene, message


def open_save(app, path) -> bool:
    """Load ``path`` and show it; on failure say why and keep what is on screen."""
    try:
        match = saves.read(path, app.rules)
    except SaveError as exc:
        message(
            app,
            "This save cannot be opened",
            f"{exc}\n\nNothing was changed: the game you had open, if any, goes on as it was.",
        )
        return False
    from game.ui.scenes.board import start_match

    start_match(app, match)
    return True


class SaveScene(MessageScene):
    def __init__(self, app):
        super().__init__(app, "Save the game", "Type a name for this save, then press Save.", None, 0.5, 0.4)

    def build(self) -> None:
        r = self.box()
        s = self.app.settings.font_scale
        bh = int(38 * s)
        top = self.app.fonts.heading(22).get_linesize() + 24
        self.label((r.x + 16, r.y + top, r.w - 32, bh), "Name of the save (letters, digits, spaces, . _ -):")
        self.entry = self.typed(
            pygame_gui.elements.UITextEntryLine(
                pygame.Rect(r.x + 16, r.y + top + bh + 6, r.w - 32, bh), self.app.manager
            )
        )
        self.entry.set_text_length_limit(64)
        self.entry.set_text(f"{self.app.match.scenario} {time.strftime('%Y-%m-%d %H%M')}")
        self.app.manager.set_focus_set(self.entry)
        bw = int(150 * s)
        self.button((r.right - 16 - bw, r.bottom - bh - 16, bw, bh), "Save", self.save)
        self.button((r.right - 26 - 2 * bw, r.bottom - bh - 16, bw, bh), "Cancel", self.app.pop)

    def handle(self, event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.save()
            return
        super().handle(event)

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

    def back(self) -> None:
        self.app.pop()


class LoadScene(Scene):
    """Every save, newest first; one the game already knows to be damaged says why."""

    def build(self) -> None:
        rules = self.app.rules
        w, h = self.app.size
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(24).get_linesize() + 30
        bh = int(36 * s)
        rows = max(1, (h - top - 2 * bh - 40) // (bh + 6))
        found = saves.list_saves()
        for i, info in enumerate(found[:rows]):
            stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.modified))
            where = ""
            if info.scenario in rules.scenarios:
                where = f" · {rules.scenarios[info.scenario].name}, {info.date}"
            label = ("Autosave" if info.is_autosave else info.name) + f" · {stamp}" + where
            players = ", ".join(f"{f}: {who}" for f, who in info.seats)
            tip = info.problem or players or info.path.name
            self.button((16, top + i * (bh + 6), int(w * 0.75), bh), label, self._open(info.path), tip)
        if not found:
            self.label((16, top, int(w * 0.6), bh), "No saves yet: save a game from its board (Save).")
        bw = int(160 * s)
        self.button((w - 16 - bw, h - bh - 16, bw, bh), "Back", self.back)

    def _open(self, path):
        return lambda: open_save(self.app, path)

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface) -> None:
        draw.poster_background(surface)
        draw.band(surface, self.app, "LOAD A SAVED GAME")
