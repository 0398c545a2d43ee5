"""The base of every screen: a scene has enter / handle / update / draw / exit, its widgets and its
keyboard order.  Scenes are opened by name through the app (:meth:`game.ui.app.App.push_scene`,
the names in :mod:`game.ui.scenes`), so a scene module imports this base, never another scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui import text, theme

if TYPE_CHECKING:  # for the annotations only: the app imports the scenes, not the other way round
    from game.ui.app import App


class Scene:
    """One screen.  ``controls`` are (pygame_gui button, callback) pairs, in keyboard order."""

    modal = False  # drawn over the scene below it
    #: a scene over the board that is part of the seat's turn (its turn timer runs while it is up)
    part_of_turn = False

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

    def tick(self) -> None:
        """Every frame, for every scene on the stack, covered or not (the board's turn timer runs
        while a dialog is over it); by default nothing."""

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
