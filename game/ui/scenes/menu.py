"""The main menu: new game, continue, load, classroom presets, how to play, settings, encyclopedia, quit."""

from __future__ import annotations

import pygame

from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import button_need


class MenuScene(Scene):
    def heading(self) -> list[tuple]:
        """(font, lines, colour) of the title, the subtitle and the line under it: the title no
        taller than a seventh of the window, the others wrapped to
        the paper left of the red wedge."""
        w, h = self.app.size
        s = self.app.settings.font_scale
        room = w - int(w * 0.08) - 16
        paper = int(w * 0.62) - int(w * 0.08)  # the words stay on the paper, left of the red wedge
        title = self.app.fonts.heading(min(72, int(h * 0.16 / s)))
        sub, small = self.app.fonts.bold(22), self.app.fonts.body(15)
        return [
            (title, text.wrap(title, "SUCCESSION", room), theme.BLACK),
            (sub, text.wrap(sub, "Борьба за наследство Ленина · 1923–1929", paper), theme.RED),
            (
                small,
                text.wrap(
                    small, "The struggle for Lenin's succession, from his last stroke to the Right's defeat", paper
                ),
                theme.BLACK,
            ),
        ]

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        x = int(w * 0.08)
        top = int(h * 0.06) + sum(len(lines) * font.get_linesize() + 4 for font, lines, _ in self.heading()) + 12
        bottom = h - len(self.note()) * self.app.fonts.body(15).get_linesize() - 16
        has_auto = self.app.autosave_path.exists()
        items = [
            ("New game", self.new_game, "Choose a scenario, who plays each faction, and the seed", True),
            (
                "Continue",
                self.continue_game,
                "Resume the game you last played (saved each turn and when you quit)"
                if has_auto
                else "No game to continue yet",
                has_auto,
            ),
            ("Load a saved game", self.load, "Open one of your named saves", True),
            (
                "Classroom presets",
                self.presets,
                "Start a lesson's game from a teacher's preset: scenario, teams, seed, hidden history, timer",
                True,
            ),
            (
                "Tutorial: your first quarter",
                self.app.start_tutorial,
                "A game as Stalin in 1923 with a guide that says, step by step, what to press and why",
                True,
            ),
            ("How to play", self.guide, "The struggle, the turn, and what each part of the board means", True),
            ("Settings", self.settings, "Window size, font size, colour-blind palette, sound", True),
            ("Encyclopedia", self.encyclopedia, "The factions, figures, offices and bodies, with their sources", True),
            ("Quit", self.app.quit, "Leave the game", True),
        ]
        # one column where the buttons fit it, else two; the buttons only as low as a line of their text
        bw = max(int(340 * min(s, 1.6)), max(button_need(self.app, i[0]) for i in items))
        bh, gap = int(44 * s), 10
        least = self.app.fonts.bold(theme.BUTTON_SIZE).get_linesize() + 8
        rows = len(items)
        if rows * (bh + gap) > bottom - top:
            rows = (len(items) + 1) // 2
            bw = min(bw, (w - x - 16 - 2 * gap) // 2)
        bh = max(least, min(bh, (bottom - top) // rows - gap))
        for i, (label, cb, tip, ok) in enumerate(items):
            col, row = divmod(i, rows)
            self.button((x + col * (bw + 2 * gap), top + row * (bh + gap), bw, bh), label, cb, tip, enabled=ok)
        if not has_auto and self.focus == 1:
            self.focus = 0

    def draw(self, surface: pygame.Surface) -> None:
        draw.poster_background(surface)
        w, h = surface.get_size()
        x, y = int(w * 0.08), int(h * 0.06)
        for font, lines, colour in self.heading():
            y = text.blit_lines(surface, font, lines, (x, y), colour) + 4
        small, note = self.app.fonts.body(15), self.note()
        text.blit_lines(surface, small, note, (x, h - len(note) * small.get_linesize() - 8), theme.DARK_RED)

    def note(self) -> list[str]:
        """Why the settings could not be read, if so, wrapped to the window."""
        if not self.app.settings_note:
            return []
        w = self.app.size[0]
        return text.wrap(self.app.fonts.body(15), self.app.settings_note, w - int(w * 0.08) - 16)

    def new_game(self) -> None:
        self.app.push_scene("new_game")

    def continue_game(self) -> None:
        self.app.open_save(self.app.autosave_path)

    def load(self) -> None:
        self.app.push_scene("load")

    def presets(self) -> None:
        self.app.push_scene("presets")

    def guide(self) -> None:
        self.app.push_scene("guide")

    def settings(self) -> None:
        self.app.push_scene("settings")

    def encyclopedia(self) -> None:
        self.app.push_scene("encyclopedia")

    def back(self) -> None:
        self.app.quit()
