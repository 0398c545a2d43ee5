"""Modal boxes over the current screen: a message (with scrolling text) and a yes/no question; and
the buttons every screen but the board shares: a button whose label does not fit one line is drawn
wrapped over two or more (in a smaller face only where even that does not fit), so no label is cut."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from game.ui import text, theme
from game.ui.scene import Scene

#: the theme's button whose own text is clear: the scene draws its label over it, wrapped
WRAPPED = "#action_wrapped"


def button_fits(app, label: str, width: int, height: int) -> bool:
    """Whether pygame_gui draws ``label`` whole on one line of a plain button (inside its border)."""
    font = app.fonts.bold(theme.BUTTON_SIZE)
    return font.size(label)[0] + 12 <= width and font.get_linesize() <= height


def button_need(app, label: str) -> int:
    """The width a plain button needs to show its label on one line."""
    return app.fonts.bold(theme.BUTTON_SIZE).size(label)[0] + 16


def label_lines(app, label: str, width: int, height: int | None = None):
    """(font, lines): a button's label wrapped to its width, in the largest readable face whose
    lines fit ``height``."""
    fonts = [app.fonts.bold(n) for n in (theme.BUTTON_SIZE, 16, 14)]
    return text.fitting_lines(fonts, label, width - 12, None if height is None else height - 4)


def wrapped_height(app, label: str, width: int, least: int = 0) -> int:
    """The height a button needs to show ``label`` whole in ``width`` (at least ``least``)."""
    font = app.fonts.bold(theme.BUTTON_SIZE)
    lines = text.wrap(font, label, width - 12)
    if all(font.size(line)[0] <= width - 12 for line in lines):
        return max(least, len(lines) * font.get_linesize() + 8)
    return max(least, len(label_lines(app, label, width)[1]) * font.get_linesize() + 8)


def wrapped_button(
    scene, rect, label: str, callback, tip: str | None = None, enabled: bool = True, size: int | None = None
):
    """A plain button whose label, where it does not fit one line, :func:`draw_wrapped` draws
    wrapped over it; with ``size``, always drawn so, in the bold face of that size (a row of
    buttons in one face)."""
    r = pygame.Rect(rect)
    object_id = None if size is None and button_fits(scene.app, label, r.w, r.h) else WRAPPED
    b = scene.button(r, label, callback, tip, enabled, object_id=object_id)
    b.label_size = size
    return b


def common_size(app, labels, width: int) -> int | None:
    """The largest readable bold size in which every one of ``labels`` fits a button ``width``
    wide on one line; None where the button's own face does, or where none does (each label then
    finds its own, wrapped)."""
    for size in (theme.BUTTON_SIZE, 16, 14):
        if all(app.fonts.bold(size).size(label)[0] + 12 <= width for label in labels):
            return None if size == theme.BUTTON_SIZE else size
    return None


def draw_wrapped(scene, surface: pygame.Surface) -> None:
    """Over the widgets: the labels of the scene's wrapped buttons, centred in them."""
    for b, _ in scene.controls:
        if b.object_ids[-1] != WRAPPED or not b.visible:
            continue
        colour = theme.WHITE if b.held else theme.BLACK if b.is_enabled else theme.DISABLED_TEXT
        size = getattr(b, "label_size", None)
        if size is not None:
            font = scene.app.fonts.bold(size)
            lines = text.wrap(font, b.text, b.rect.w - 12)
        else:
            font, lines = label_lines(scene.app, b.text, b.rect.w, b.rect.h)
        y = b.rect.centery - len(lines) * font.get_linesize() // 2
        for line in lines:
            img = text.render(font, line, colour)
            surface.blit(img, (b.rect.centerx - img.get_width() // 2, y))
            y += font.get_linesize()
    # a tooltip open over the buttons stays on top of the labels drawn here
    for b, _ in scene.controls:
        tip = b.tool_tip
        if tip is not None and tip.alive() and tip.text_block is not None:
            surface.blit(tip.text_block.image, tip.text_block.rect)


def band_hint(app, title: str, *hints: str) -> str:
    """The first of ``hints`` (longest first) that fits the title band beside ``title``; none if
    none does (the keys are in the guide)."""
    room = app.size[0] - app.fonts.heading(24).size(title)[0] - 48
    return next((hint for hint in hints if app.fonts.bold(16).size(hint)[0] <= room), "")


def escape(words: str) -> str:
    """Plain text for a pygame_gui text box (its markup is a small HTML)."""
    return html.escape(words).replace("\n", "<br>")


class MessageScene(Scene):
    """A title, a scrolling text, and buttons (default: OK)."""

    modal = True
    #: the share of the box's width left of the text for a subclass to draw in
    side = 0.0

    def __init__(self, app, title: str, body: str, buttons=None, width: float = 0.6, height: float = 0.6):
        super().__init__(app)
        self.title, self.body = title, body
        self.choices = buttons or [("OK", None)]
        self.wf, self.hf = width, height

    def box(self) -> pygame.Rect:
        """The box: its share of the window, wider (up to the window less a margin) where its
        buttons' labels need it, taller where a large font leaves its text too little room."""
        w, h = self.app.size
        need = sum(button_need(self.app, label) for label, _ in self.choices) + 10 * (len(self.choices) - 1) + 32
        bw = min(w - 32, max(int(w * self.wf), need))
        s = self.app.settings.font_scale
        bh = min(h - 32, max(int(h * self.hf), int(h * self.hf * (1 + (s - 1) / 2))))
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def _title_lines(self, r: pygame.Rect) -> list[str]:
        return text.wrap(self.app.fonts.heading(22), self.title, r.w - 24)

    def build(self) -> None:
        r = self.box()
        s = self.app.settings.font_scale
        head = self.app.fonts.heading(22)
        top = len(self._title_lines(r)) * head.get_linesize() + 20
        # each button as wide as its label needs (at least the usual width); equal shares of the
        # row, the labels wrapped, where the row has not the room
        n, room = len(self.choices), r.w - 32 - 10 * (len(self.choices) - 1)
        widths = [max(min(int(240 * s), room // n), button_need(self.app, label)) for label, _ in self.choices]
        if sum(widths) > room:
            widths = [room // n] * n
        bh = max(
            wrapped_height(self.app, label, bw, int(40 * s))
            for (label, _), bw in zip(self.choices, widths, strict=True)
        )
        side = int(r.w * self.side)
        self.side_rect = pygame.Rect(r.x + 16, r.y + top, side - 16, r.h - top - bh - 32)
        self.text_box = self.textbox(
            (r.x + 16 + side, r.y + top, r.w - 32 - side, r.h - top - bh - 32), escape(self.body)
        )
        x = r.right - 16 - sum(widths) - 10 * (n - 1)
        for (label, cb), bw in zip(self.choices, widths, strict=True):
            wrapped_button(self, (x, r.bottom - bh - 16, bw, bh), label, self._choose(cb))
            x += bw + 10

    def draw_focus(self, surface: pygame.Surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)

    def _choose(self, callback):
        def run():
            self.app.pop()
            if callback is not None:
                callback()

        return run

    def key(self, event) -> None:
        """Page Up / Page Down scroll the text; the other keys work the buttons."""
        bar = getattr(getattr(self, "text_box", None), "scroll_bar", None)
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and bar is not None:
            step = bar.visible_percentage * (1 if event.key == pygame.K_PAGEDOWN else -1)
            bar.set_scroll_from_start_percentage(
                min(max(bar.start_percentage + step, 0.0), 1.0 - bar.visible_percentage)
            )
            return
        super().key(event)

    def back(self) -> None:
        self._choose(self.choices[-1][1] if len(self.choices) == 1 else None)()

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((24, 22, 20, 150))
        surface.blit(shade, (0, 0))
        r = self.box()
        pygame.draw.rect(surface, theme.PAPER, r)
        pygame.draw.rect(surface, theme.BLACK, r, 4)
        font = self.app.fonts.heading(22)
        lines = self._title_lines(r)
        pygame.draw.rect(surface, theme.RED, (r.x, r.y, r.w, len(lines) * font.get_linesize() + 12))
        text.blit_lines(surface, font, lines, (r.x + 12, r.y + 6), theme.WHITE)


class NameScene(MessageScene):
    """Ask for a name (of a save, a preset): a prompt, a text entry filled with ``initial()``, the
    rows a subclass adds under it (:meth:`extra`, each a button of the entry's height), then Save
    and Cancel.  Enter in the entry or Save calls :meth:`save`."""

    abstract = True  # a base for the save and preset dialogs, not a screen of its own
    PROMPT = "Name (letters, digits, spaces, . _ -):"
    #: the box's share of the window's width at a small and at a large font
    WIDTHS = (0.5, 0.8)

    def __init__(self, app, title: str):
        super().__init__(app, title, "", None, self.WIDTHS[0], 0.4)

    def initial(self) -> str:
        return ""

    def extra(self) -> list[tuple[str, object, str]]:
        """(label, callback, tip) of each row between the entry and the buttons."""
        return []

    def save(self) -> None:
        raise NotImplementedError

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        bh = int(38 * s)
        self.wf = self.WIDTHS[0] if s < 1.5 else self.WIDTHS[1]
        font = self.app.fonts.body(16)
        self.prompt = text.wrap(font, self.PROMPT, int(w * self.wf) - 32)
        top = self.app.fonts.heading(22).get_linesize() + 24
        rows = self.extra()
        high = top + len(self.prompt) * font.get_linesize() + 6 + bh + (bh + 12) * len(rows) + 24 + bh + 16
        self.hf = min(1.0, max(0.4, high / h))
        r = self.box()
        y = r.y + top + len(self.prompt) * font.get_linesize() + 6
        self.entry = self.typed(
            pygame_gui.elements.UITextEntryLine(pygame.Rect(r.x + 16, y, r.w - 32, bh), self.app.manager)
        )
        self.entry.set_text_length_limit(64)
        self.entry.set_text(self.initial()[:64])
        self.app.manager.set_focus_set(self.entry)
        for label, callback, tip in rows:
            y += bh + 12
            wrapped_button(self, (r.x + 16, y, r.w - 32, bh), label, callback, tip)
        bw = max(int(150 * s), button_need(self.app, "Cancel"))
        self.button((r.right - 16 - bw, r.bottom - bh - 16, bw, bh), "Save", self.save)
        self.button((r.right - 26 - 2 * bw, r.bottom - bh - 16, bw, bh), "Cancel", self.app.pop)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.box()
        top = self.app.fonts.heading(22).get_linesize() + 24
        text.blit_lines(surface, self.app.fonts.body(16), self.prompt, (r.x + 16, r.y + top), theme.BLACK)

    def handle(self, event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.save()
            return
        super().handle(event)

    def back(self) -> None:
        self.app.pop()


def confirm(app, title: str, body: str, yes_label: str, on_yes) -> None:
    """Ask before doing something that cannot be taken back."""
    app.push(MessageScene(app, title, body, [(yes_label, on_yes), ("Cancel", None)], 0.5, 0.4))


def message(app, title: str, body: str) -> None:
    app.push(MessageScene(app, title, body, None, 0.6, 0.5))
