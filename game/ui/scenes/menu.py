"""The main menu: new game, continue, load, settings, encyclopedia, quit."""

from __future__ import annotations

import pygame

from game.ui import draw, text, theme
from game.ui.app import Scene


class MenuScene(Scene):
    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        bw, bh = int(340 * min(s, 1.6)), int(44 * s)
        x, y = int(w * 0.08), int(h * 0.36)
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
            ("How to play", self.guide, "The struggle, the turn, and what each part of the board means", True),
            ("Settings", self.settings, "Window size, font size, colour-blind palette, sound", True),
            ("Encyclopedia", self.encyclopedia, "The factions, figures, offices and bodies, with their sources", True),
            ("Quit", self.app.quit, "Leave the game", True),
        ]
        for i, (label, cb, tip, ok) in enumerate(items):
            self.button((x, y + i * (bh + 10), bw, bh), label, cb, tip, enabled=ok)
        if not has_auto and self.focus == 1:
            self.focus = 0

    def draw(self, surface: pygame.Surface) -> None:
        draw.poster_background(surface)
        w, h = surface.get_size()
        x = int(w * 0.08)
        title = self.app.fonts.heading(72)
        surface.blit(text.render(title, "SUCCESSION", theme.BLACK), (x, int(h * 0.08)))
        sub = self.app.fonts.bold(22)
        y = int(h * 0.08) + title.get_linesize()
        surface.blit(text.render(sub, "Борьба за наследство Ленина · 1923–1929", theme.RED), (x, y))
        small = self.app.fonts.body(15)
        surface.blit(
            text.render(
                small, "The struggle for Lenin's succession, from his last stroke to the Right's defeat", theme.BLACK
            ),
            (x, y + sub.get_linesize() + 4),
        )
        if self.app.settings_note:
            surface.blit(text.render(small, self.app.settings_note, theme.DARK_RED), (x, h - 30))

    def new_game(self) -> None:
        from game.ui.scenes.newgame import NewGameScene

        self.app.push(NewGameScene(self.app))

    def continue_game(self) -> None:
        from game.ui.scenes.saves import open_save

        open_save(self.app, self.app.autosave_path)

    def load(self) -> None:
        from game.ui.scenes.saves import LoadScene

        self.app.push(LoadScene(self.app))

    def guide(self) -> None:
        from game.ui.scenes.guide import GuideScene

        self.app.push(GuideScene(self.app))

    def settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def encyclopedia(self) -> None:
        from game.ui.scenes.encyclopedia import EncyclopediaScene

        self.app.push(EncyclopediaScene(self.app))

    def back(self) -> None:
        self.app.quit()
