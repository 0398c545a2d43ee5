"""The documents the rules are drawn from: a list of the five, each with what kind of source it is
and how far to trust it, and a reader that opens a document at the lines a rule cites (marked),
a page at a time, with the line numbers the citations use."""

from __future__ import annotations

import pygame

from game.present.documents import Document, documents, page_of
from game.present.explain import sources_text
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import (
    MessageScene,
    band_hint,
    button_need,
    draw_wrapped,
    escape,
    wrapped_button,
    wrapped_height,
)

GREY = "#7a746c"
RED = "#b01e23"


def _about(doc: Document) -> str:
    return doc.about or "No note on this document."


class DocumentsScene(Scene):
    """The five documents, each a button to read it from its first line, with its note under it."""

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        bh = int(34 * s)
        self.docs = list(documents(self.app.rules.root).values())
        top = self.app.fonts.heading(24).get_linesize() + 36
        self.article = self.textbox((16, top, w - 32, h - top - bh - 28), self.html())
        self.buttons_y = h - bh - 16
        n = len(self.docs)
        room = w - 32 - int(160 * s) - 16
        each = max(60, (room - 8 * (n - 1)) // max(1, n))
        labels = [f"Read {i + 1}" for i in range(n)]
        high = max([wrapped_height(self.app, label, each, bh) for label in labels] or [bh])
        for i, doc in enumerate(self.docs):
            wrapped_button(
                self, (16 + i * (each + 8), self.buttons_y, each, high), labels[i], self._read(doc), doc.title
            )
        back_w = max(int(160 * s), button_need(self.app, "Back"))
        self.button((w - 16 - back_w, self.buttons_y, back_w, bh), "Back", self.back)

    def html(self) -> str:
        parts = []
        for i, doc in enumerate(self.docs, 1):
            parts.append(
                f"<b>{i}. {escape(doc.title)}</b><br><i>{escape(doc.kind)} · {escape(doc.author)} · {escape(doc.date)}</i>"
            )
            parts.append(escape(_about(doc)))
        return "<br><br>".join(parts) or "The documents cannot be read."

    def _read(self, doc: Document):
        return lambda: self.app.push_scene("reader", doc.file)

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface) -> None:
        surface.fill(theme.PAPER)
        draw.band(
            surface, self.app, "THE DOCUMENTS", band_hint(self.app, "THE DOCUMENTS", "Tab the buttons · Esc back")
        )

    def draw_focus(self, surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)


class ReaderScene(Scene):
    """One document, a page of lines at a time, opening at ``lo``..``hi`` (the cited lines,
    marked); what kind of source it is above the text.  Page Up / Page Down scroll the page;
    the buttons turn it."""

    def __init__(self, app, file: str, lo: int = 1, hi: int | None = None, then=None):
        super().__init__(app)
        self.then = then  # what to open again on leaving (the event card the passage was read from)
        self.doc = documents(app.rules.root).get(file)
        self.lo, self.hi = lo, (lo if hi is None else hi)
        self.first: int | None = None  # the page's first line (None: the page of the cited lines)

    @property
    def page(self):
        return page_of(self.app.rules.root, self.doc, self.lo, self.hi, self.first)

    def _header(self, width: int) -> list[tuple]:
        """(font, lines, colour) of the heading and the note above the text."""
        bold, body = self.app.fonts.bold(16), self.app.fonts.body(15)
        if self.doc is None:
            return [(bold, text.wrap(bold, "This document is not among the seeds.", width), theme.DARK_RED)]
        return [
            (bold, text.wrap(bold, self.doc.heading, width), theme.BLACK),
            (body, text.wrap(body, "What kind of source: " + _about(self.doc), width), theme.BLACK),
        ]

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        bh = int(34 * s)
        y = self.app.fonts.heading(24).get_linesize() + 28
        for font, lines, _ in self._header(w - 32):
            y += len(lines) * font.get_linesize() + 6
        self.text_top = y + 4
        page = self.page if self.doc is not None else None
        self.box = self.textbox((16, self.text_top, w - 32, h - self.text_top - bh - 28), self.html(page))
        nav = max(int(170 * s), button_need(self.app, "◀ Earlier"), button_need(self.app, "Later ▶"))
        earlier = self.button((16, h - bh - 16, nav, bh), "◀ Earlier", self._turn(-1), "The lines before these")
        later = self.button((26 + nav, h - bh - 16, nav, bh), "Later ▶", self._turn(1), "The lines after these")
        if page is None or page.first <= 1:
            earlier.disable()
        if page is None or page.last >= page.total:
            later.disable()
        back_w = max(int(160 * s), button_need(self.app, "Back"))
        self.button((w - 16 - back_w, h - bh - 16, back_w, bh), "Back", self.back)

    def html(self, page) -> str:
        if page is None or not page.lines:
            return "The document cannot be read."
        rows = []
        width = len(str(page.total))
        for n, line, cited in page.lines:
            number = f"<font color='{RED if cited else GREY}'>{str(n).rjust(width)}</font>"
            words = escape(line) or "&nbsp;"
            rows.append(f"<b>{number}  {words}</b>" if cited else f"{number}  {words}")
        return "<br>".join(rows)

    def _turn(self, step: int):
        def turn():
            page = self.page
            size = page.last - page.first + 1
            self.first = max(1, page.first + step * size)
            self.rebuild()
            self.focus = 0 if step < 0 else 1

        return turn

    def key(self, event) -> None:
        bar = getattr(self.box, "scroll_bar", None)
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and bar is not None:
            step = bar.visible_percentage * (1 if event.key == pygame.K_PAGEDOWN else -1)
            bar.set_scroll_from_start_percentage(
                min(max(bar.start_percentage + step, 0.0), 1.0 - bar.visible_percentage)
            )
            return
        super().key(event)

    def back(self) -> None:
        self.app.pop()
        if self.then is not None:
            self.then()

    def draw(self, surface) -> None:
        surface.fill(theme.PAPER)
        page = self.page if self.doc is not None else None
        where = f"lines {page.first}–{page.last} of {page.total}" if page and page.lines else ""
        title = "DOCUMENT" + (f" · {where}" if where else "")
        y = draw.band(surface, self.app, title, band_hint(self.app, title, "PgUp/PgDn scroll · Esc back")) + 8
        for font, lines, colour in self._header(surface.get_width() - 32):
            y = text.blit_lines(surface, font, lines, (16, y), colour) + 6

    def draw_focus(self, surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)


class SourcesScene(MessageScene):
    """The passages a rule, an entry or an event is drawn from, each with a button that opens its
    document at those lines (the first three), and the designers' own choice where there is one."""

    def __init__(self, app, title: str, citations, design: str | None = None, then=None, done: str = "OK"):
        body = sources_text(app.rules, citations, design)
        cited = [c for c in citations if c.seed and c.lines][:3]
        self.then = then
        buttons = [
            (f"Passage {i} in its document" if len(cited) > 1 else "Read it in the document", self._open(c))
            for i, c in enumerate(cited, 1)
        ]
        super().__init__(app, title, body, [*buttons, (done, then)], 0.8, 0.8)

    def _open(self, citation):
        lo, hi = citation.line_range()
        return lambda: self.app.push_scene("reader", citation.seed, lo, hi, then=self.then)
