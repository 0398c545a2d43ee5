"""The window: a stack of scenes, the pygame_gui manager, settings, sound, and the frame loop.

A scene has enter / handle / update / draw / exit.  :meth:`App.frame` runs one frame from a list of
events, so tests drive every screen headless (``SDL_VIDEODRIVER=dummy``) with synthetic events.
"""

from __future__ import annotations

import array
import math
import os
import time
from pathlib import Path

import pygame
import pygame_gui

from game.ui import settings as settings_mod
from game.ui import text, theme


class Scene:
    """One screen.  ``controls`` are (pygame_gui button, callback) pairs, in keyboard order."""

    modal = False  # drawn over the scene below it

    def __init__(self, app: App):
        self.app = app
        self.controls: list[tuple[pygame_gui.elements.UIButton, object]] = []
        self.elements: list = []
        self.focus = 0

    # --- life cycle ----------------------------------------------------------------------------
    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Create the widgets (again, after a change of window size or font scale)."""

    def exit(self) -> None:
        self.clear()

    def clear(self) -> None:
        for el in self.elements:
            el.kill()
        self.elements, self.controls = [], []

    def show(self, visible: bool) -> None:
        """Hide the widgets while another screen is over this one; show them again after."""
        for el in self.elements:
            el.show() if visible else el.hide()

    def rebuild(self) -> None:
        self.clear()
        self.build()
        self.focus = min(self.focus, max(len(self.controls) - 1, 0))

    # --- widgets -------------------------------------------------------------------------------
    def add(self, element):
        self.elements.append(element)
        return element

    def button(
        self, rect, label: str, callback, tip: str | None = None, enabled: bool = True, object_id: str | None = None
    ) -> pygame_gui.elements.UIButton:
        b = pygame_gui.elements.UIButton(
            pygame.Rect(rect),
            text.gui(label),
            self.app.manager,
            tool_tip_text=text.gui(tip) if tip else None,
            object_id=object_id,
        )
        if not enabled:
            b.disable()
        self.add(b)
        self.controls.append((b, callback))
        return b

    def typed(self, entry) -> pygame_gui.elements.UITextEntryLine:
        """Put a text entry in the keyboard order: Enter on it starts typing, Tab leaves it."""
        self.add(entry)
        self.controls.append((entry, lambda: self.app.manager.set_focus_set(entry)))
        return entry

    def label(self, rect, words: str, object_id: str | None = None):
        return self.add(
            pygame_gui.elements.UILabel(pygame.Rect(rect), text.gui(words), self.app.manager, object_id=object_id)
        )

    def textbox(self, rect, html: str):
        return self.add(pygame_gui.elements.UITextBox(text.gui(html), pygame.Rect(rect), self.app.manager))

    # --- events --------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for b, callback in self.controls:
                if event.ui_element is b:
                    self.focus = [c[0] for c in self.controls].index(b)
                    self.app.sound.click()
                    callback()
                    return
        if event.type == pygame.KEYDOWN and not self.typing():
            self.key(event)

    def typing(self) -> bool:
        """A text entry has the keyboard: every key is its own (the app takes Tab and Escape out
        of it first), so a space typed in a name presses no button."""
        focused = self.app.manager.get_focus_set() or ()
        return any(isinstance(el, pygame_gui.elements.UITextEntryLine) and el.is_enabled for el in focused)

    def key(self, event) -> None:
        """Keyboard control: Tab/arrows move the focus, Enter/Space press, Escape goes back, and a
        letter presses the button whose tooltip ends with it in brackets ("… (H)")."""
        enabled = [i for i, (b, _) in enumerate(self.controls) if b.is_enabled]
        letter = pygame.key.name(event.key).upper() if pygame.K_a <= event.key <= pygame.K_z else None
        for i in enabled if letter and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT) else ():
            b, callback = self.controls[i]
            if (b.tool_tip_text or "").endswith(f"({letter})"):  # a button's key, named in its tooltip
                self.app.sound.click()
                callback()
                return
        if event.key == pygame.K_ESCAPE:
            self.back()
        elif not enabled:
            return
        elif event.key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT, pygame.K_UP, pygame.K_LEFT):
            step = -1 if event.key in (pygame.K_UP, pygame.K_LEFT) or event.mod & pygame.KMOD_SHIFT else 1
            pos = enabled.index(self.focus) if self.focus in enabled else -1 if step > 0 else 0
            self.focus = enabled[(pos + step) % len(enabled)]
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.focus in enabled:
                self.app.sound.click()
                self.controls[self.focus][1]()

    def back(self) -> None:
        """Escape: by default nothing (the main menu and the board ask before leaving)."""

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.PAPER)

    def forget(self) -> None:
        """Forget what the last person at the screen did to the widgets (a hot-seat hand-off): no
        keyboard focus, no button hovered or held, no tooltip open, every scrolling text and panel
        back at its top."""
        self.focus = -1
        for el in self.elements:
            if isinstance(el, pygame_gui.elements.UIButton):
                el.held = False
                if el.hovered:
                    el.hovered = False
                    el.on_unhovered()
            if el.tool_tip is not None:
                el.tool_tip.kill()
                el.tool_tip = None
            el.hover_time = 0.0
            bar = getattr(el, "vert_scroll_bar", None) or getattr(el, "scroll_bar", None)
            if bar is not None and bar.alive():
                bar.set_scroll_from_start_percentage(0.0)

    def draw_focus(self, surface: pygame.Surface) -> None:
        if 0 <= self.focus < len(self.controls):
            b = self.controls[self.focus][0]
            if b.alive() and b.is_enabled:
                pygame.draw.rect(surface, theme.RED, b.rect.inflate(8, 8), 3)


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
        self.trouble_told = False  # the board has said why the computer no longer thinks apart
        loaded, self.settings_note = settings_mod.load(config_path)
        self.settings = settings or loaded
        if data_dir is not None:  # the saves' folder (game.session.saves reads this)
            os.environ["SUCCESSION_DATA_DIR"] = str(data_dir)
        pygame.init()
        pygame.display.set_caption("Succession")
        self._open_window()
        self.sound = Sound(self.settings.sound)
        self.stack: list[Scene] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.match = None  # the game in progress (game.session.session.Match)

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
        the window does not load it)."""
        if self._thinker is None:
            from game.session.thinking import Thinker

            self._thinker = Thinker(self.thinking)
        return self._thinker

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

    # --- saves ---------------------------------------------------------------------------------
    @property
    def saves_dir(self) -> Path:
        from game.session import saves

        return saves.saves_dir()

    @property
    def autosave_path(self) -> Path:
        from game.session import saves

        return saves.saves_dir() / (saves.AUTOSAVE + saves.SUFFIX)

    def autosave(self) -> None:
        """Save the game in progress as the autosave; a failure is told on screen, never fatal."""
        from game.session import saves

        if self.match is not None and not self.match.over:
            try:
                saves.autosave(self.match)
            except saves.SaveError as exc:
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

    def run(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self.push(MenuScene(self))
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
        if self.match is not None:
            self.match.close()
        if self._thinker is not None:
            self._thinker.close()
        self.running = False

    def screenshot(self, path: Path) -> None:
        pygame.image.save(self.screen, str(path))


def can_open_window() -> str | None:
    """None if a window can be opened here, else why not (one line)."""
    import sys

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


def main(rules) -> int:
    start = time.perf_counter()
    app = App(rules)
    app.started = start
    app.run()
    return 0
