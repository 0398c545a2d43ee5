"""The window: a stack of scenes, the pygame_gui manager, settings, sound, and the frame loop.

A scene (:class:`game.ui.scene.Scene`) has enter / handle / update / draw / exit.  Scenes are opened
by name (:meth:`App.push_scene`, :meth:`App.replace_scene`, :meth:`App.reset_scene`) from the one
registry, :data:`game.ui.scenes.SCENES`; so this module imports the scenes and no scene imports
another to open it.  :meth:`App.frame` runs one frame from a list of events, so tests drive every
screen headless (``SDL_VIDEODRIVER=dummy``) with synthetic events.
"""

from __future__ import annotations

import array
import math
import os
import sys
import time
from pathlib import Path

import pygame
import pygame_gui

from game.match import saves
from game.match.driver import Driver
from game.match.saves import SaveError
from game.match.thinking import Thinker
from game.ui import settings as settings_mod
from game.ui import text, theme
from game.ui.scene import Scene
from game.ui.scenes import SCENES
from game.ui.scenes.dialog import message
from game.ui.scenes.tutorial import Tutorial
from game.ui.scenes.tutorial import new_match as new_tutorial_match


class Sound:
    """A short click, made in memory (no sound files to ship); silent if there is no audio."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._click = None
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(22050, -16, 1, 256)
            rate = pygame.mixer.get_init()[0]
            n = rate // 30
            samples = array.array(
                "h", (int(9000 * math.sin(2 * math.pi * 660 * i / rate) * (1 - i / n)) for i in range(n))
            )
            channels = pygame.mixer.get_init()[2]
            if channels > 1:
                samples = array.array("h", (s for s in samples for _ in range(channels)))
            self._click = pygame.mixer.Sound(buffer=samples.tobytes())
        except pygame.error:
            self._click = None

    def click(self) -> None:
        if self.enabled and self._click is not None:
            self._click.play()


class App:
    """The running window."""

    def __init__(
        self,
        rules,
        settings: settings_mod.Settings | None = None,
        data_dir: Path | None = None,
        config_path: Path | None = None,
        thinking: str = "process",
    ):
        self.rules = rules  # the rules of the game on the board (with the mods it was started with)
        self.base_rules = rules  # the rules as launched: a new game lays its mods over these
        self.config_path = config_path
        # the computer thinks in a process of its own (started with the first game that has a
        # computer seat), so the window keeps its frames; "thread" keeps it in this process
        self.thinking = thinking
        self._thinker = None
        self._driver = None
        self.trouble_told = False  # the board has said why the computer no longer thinks apart
        loaded, self.settings_note = settings_mod.load(config_path)
        self.settings = settings or loaded
        if data_dir is not None:  # the saves' folder (game.match.saves reads this)
            os.environ["SUCCESSION_DATA_DIR"] = str(data_dir)
        pygame.init()
        pygame.display.set_caption("Succession")
        self._open_window()
        self.sound = Sound(self.settings.sound)
        self.stack: list[Scene] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.match = None  # the game in progress (game.match.match.Match)
        self.tutorial: Tutorial | None = None  # the guide of the guided first quarter, while it is on

    # --- window --------------------------------------------------------------------------------
    def _open_window(self) -> None:
        flags = pygame.FULLSCREEN if self.settings.fullscreen else 0
        self.screen = pygame.display.set_mode(self.settings.size, flags)
        self.fonts = theme.Fonts(self.settings.font_scale)
        self.palette = theme.Palette(self.rules, self.settings.colour_blind)
        self.manager = pygame_gui.UIManager(self.settings.size, theme.gui_theme(self.settings.font_scale))
        self.manager.preload_fonts(
            [
                {"name": "dejavu", "point_size": round(n * self.settings.font_scale), "style": style}
                for n in (16, 18)
                for style in ("regular", "bold", "italic")
                if (n, style) not in ((16, "regular"), (18, "bold"))  # the theme loads these itself
            ]
            + [{"name": "dejavu", "point_size": text.heading_px(self.settings.font_scale), "style": "bold"}]
        )

    @property
    def thinker(self):
        """Where the computer thinks for this window (made when first needed, so that launching
        the window does not start it)."""
        if self._thinker is None:
            self._thinker = Thinker(self.thinking)
        return self._thinker

    @property
    def driver(self) -> Driver:
        """Moves the computer's seats of the game on the board, thinking with :attr:`thinker`."""
        if self._driver is None:
            self._driver = Driver(self.thinker)
        return self._driver

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def apply_settings(self, new: settings_mod.Settings) -> None:
        """Use and keep new settings: the window and every scene's widgets are made again."""
        for scene in self.stack:
            scene.clear()
        self.settings = new
        self.sound.enabled = new.sound
        settings_mod.save(new, self.config_path)
        self._open_window()
        for scene in self.stack:
            scene.build()
        for scene in self.stack[:-1]:
            scene.show(False)

    # --- scenes --------------------------------------------------------------------------------
    @property
    def scene(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].show(False)
        self.stack.append(scene)
        scene.enter()

    def pop(self) -> None:
        self.stack.pop().exit()
        if self.stack:
            self.stack[-1].show(True)

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        while self.stack:
            self.pop()
        self.push(scene)

    def make_scene(self, name: str, *args, **kwargs) -> Scene:
        """The scene registered as ``name`` in :data:`game.ui.scenes.SCENES`, made for this window
        with the arguments its class takes after the app."""
        try:
            kind = SCENES[name]
        except KeyError:
            raise KeyError(f"no scene is named {name!r}; the scenes are: {', '.join(sorted(SCENES))}") from None
        return kind(self, *args, **kwargs)

    def push_scene(self, name: str, *args, **kwargs) -> Scene:
        """Open the scene named ``name`` over the one on screen."""
        scene = self.make_scene(name, *args, **kwargs)
        self.push(scene)
        return scene

    def replace_scene(self, name: str, *args, **kwargs) -> Scene:
        """Open the scene named ``name`` in place of the one on screen."""
        scene = self.make_scene(name, *args, **kwargs)
        self.replace(scene)
        return scene

    def reset_scene(self, name: str, *args, **kwargs) -> Scene:
        """Close every scene and open the one named ``name`` alone."""
        scene = self.make_scene(name, *args, **kwargs)
        self.reset(scene)
        return scene

    # --- the game on the board -----------------------------------------------------------------
    def start_tutorial(self) -> Scene:
        """The guided first quarter: a new game under the rules as launched, with its guide."""
        self.rules = self.base_rules
        scene = self.start_match(new_tutorial_match(self.rules), new=True)
        self.tutorial = Tutorial(self.match)
        return scene

    def start_match(self, match, new: bool = False) -> Scene:
        """Show a match: the board, with each human's briefing on their first turn when ``new``."""
        if self.match is not None and self.match is not match:
            self.driver.drop()  # a thought about the game left is never played
        self.match = match
        if any(not seat.is_human for seat in match.seats.values()):
            self.thinker.start(match.rules)  # the worker is ready before the computer's first move
        return self.reset_scene("board", briefed=set() if new else set(match.humans()))

    def open_save(self, path) -> bool:
        """Load ``path`` and show it; on failure say why and keep what is on screen."""
        try:
            match = saves.read(path, self.rules)
        except SaveError as exc:
            message(
                self,
                "This save cannot be opened",
                f"{exc}\n\nNothing was changed: the game you had open, if any, goes on as it was.",
            )
            return False
        self.start_match(match)
        return True

    # --- saves ---------------------------------------------------------------------------------
    @property
    def saves_dir(self) -> Path:
        return saves.saves_dir()

    @property
    def autosave_path(self) -> Path:
        return saves.saves_dir() / (saves.AUTOSAVE + saves.SUFFIX)

    def autosave(self) -> None:
        """Save the game in progress as the autosave; a failure is told on screen, never fatal."""
        if self.match is not None and not self.match.over:
            try:
                saves.autosave(self.match)
            except SaveError as exc:
                self.settings_note = f"{exc}; the game goes on without autosave"

    def autosave_clear(self) -> None:
        """A finished game is not continued: its autosave goes."""
        if self.match is not None and self.match.over and self.autosave_path.exists():
            self.autosave_path.unlink()

    # --- the loop ------------------------------------------------------------------------------
    def frame(self, events: list[pygame.event.Event], dt: float = 1 / 60) -> None:
        """One frame: route the events, update, draw."""
        for event in events:
            if event.type == pygame.QUIT:
                self.quit()
                return
            if self.tutorial is not None and self.tutorial.handle(event):
                continue  # a click on the guide's own 'Close the guide'
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_TAB, pygame.K_ESCAPE) and self._typing():
                self.manager.set_focus_set(None)  # Tab and Escape leave a text entry for the buttons
            elif self.manager.process_events(event) and event.type != pygame_gui.UI_BUTTON_PRESSED:
                continue
            if self.scene is not None:
                self.scene.handle(event)
        if not self.running:
            return
        if self.scene is not None:
            self.scene.update(dt)
        for scene in list(self.stack):
            scene.tick()
        if self.tutorial is not None:
            self.tutorial.update(self)
            if self.tutorial.closed:
                self.tutorial = None
        self.manager.update(dt)
        self.draw()

    def _typing(self) -> bool:
        focused = self.manager.get_focus_set() or ()
        return any(isinstance(el, pygame_gui.elements.UITextEntryLine) for el in focused)

    def draw(self) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].modal:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        if self.scene is not None:
            self.scene.draw_focus(self.screen)
        if self.tutorial is not None:
            self.tutorial.draw(self, self.screen)

    def run(self, preset=None, preset_rules=None) -> None:
        """The main loop, from the main menu (with a teacher's preset, from the new-game screen it
        sets up, over the menu)."""
        self.push_scene("menu")
        if preset is not None:
            self.push_scene("new_game", preset=preset, preset_rules=preset_rules)
        try:
            while self.running:
                dt = self.clock.tick(60) / 1000
                self.frame(pygame.event.get(), dt)
                if self.running:
                    pygame.display.flip()
        finally:
            if self._thinker is not None:
                self._thinker.close()
            pygame.quit()

    def quit(self) -> None:
        """Leave: the game in progress is autosaved first."""
        self.autosave()
        if self._driver is not None:
            self._driver.drop()
        if self._thinker is not None:
            self._thinker.close()
        self.running = False

    def screenshot(self, path: Path) -> None:
        pygame.image.save(self.screen, str(path))


def can_open_window() -> str | None:
    """None if a window can be opened here, else why not (one line)."""
    if (
        sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        and os.environ.get("SDL_VIDEODRIVER") in (None, "", "x11", "wayland")
    ):
        return "no display found (DISPLAY and WAYLAND_DISPLAY are unset)"
    driver = os.environ.get("SDL_VIDEODRIVER", "")
    if driver in ("dummy", "offscreen"):
        return f"no display (SDL_VIDEODRIVER={driver})"
    try:
        pygame.display.init()
        pygame.display.quit()
    except pygame.error as exc:
        return f"the window cannot open ({exc})"
    return None


def main(rules, preset=None) -> int:
    """Open the window; with a preset (already checked against ``rules``, its mods laid), on the
    new-game screen it sets up."""
    start = time.perf_counter()
    app = App(rules)
    app.started = start
    app.run(preset, rules if preset is not None else None)
    return 0
