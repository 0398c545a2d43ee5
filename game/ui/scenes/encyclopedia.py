"""The encyclopedia: a glossary of the period's terms, the factions, figures, offices, bodies,
regions, press organs, trackers, events and scenarios from the rule files, each with the passages
of the source documents it is drawn from.

An entry's text links the other entries it mentions (a name, a surname, a glossary term or one of
its other names: the first mention of each), and a glossary entry ends with its ``see`` list; a
click on a link opens that entry, and Back returns to the entry the link was followed from.  The
board opens an entry here too: a click on a panel's heading, or F1 over something whose tooltip
names an entry (:func:`game.ui.scenes.entries.entry_in`).  Everything shown is rule data, never a game's state, so the
encyclopedia shows nothing secret whoever is at the screen."""

from __future__ import annotations

import re

import pygame
import pygame_gui

from game.present.explain import citation_label, design_words
from game.present.naming import faction_name, figure_name
from game.ruleset.records import entry_ref
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import band_hint, common_size, draw_wrapped, escape, wrapped_button, wrapped_height
from game.ui.scenes.entries import link, linked, record_of
from game.ui.scenes.layout import button_width

CATEGORIES = (
    ("glossary", "Glossary"),
    ("factions", "Factions"),
    ("figures", "Figures"),
    ("offices", "Offices"),
    ("bodies", "Bodies"),
    ("regions", "Regions"),
    ("press", "Press"),
    ("trackers", "Opinion"),
    ("events", "Events"),
    ("scenarios", "Scenarios"),
)
KIND_INDEX = {kind: i for i, (kind, _) in enumerate(CATEGORIES)}


#: what an entry of each kind is, where a "see also" must tell it from a glossary term of its name
KIND_WORDS = {"bodies": "the body", "offices": "the office", "figures": "the man", "press": "the paper"}


def _see_label(rules, ref: str) -> str:
    """A "see also" link's words: the entry's name, and what it is where a glossary term has the
    same name (the Politburo, the term, beside the Politburo, the body on the board)."""
    name = record_of(rules, ref).name
    kind = entry_ref(ref)[0]
    if kind != "glossary" and any(t.name == name for t in rules.glossary.values()):
        return f"{name} ({KIND_WORDS.get(kind, kind)})"
    return name


def _sort_name(rec) -> str:
    return re.sub(r"^the ", "", rec.name.lower())


def _facts(rules, table: str, rec) -> list[str]:
    """A few lines of what the record says, in words."""
    if table == "factions":
        p = rec.profile
        out = [f"Leader: {figure_name(rules, rec.leader)}"]
        for title, items in (
            ("Strengths", p.strengths),
            ("Power bases", p.power_bases),
            ("Habits", p.behaviour),
            ("Weaknesses", p.weaknesses),
        ):
            if items:
                out.append(f"{title}: " + "; ".join(items))
        return out
    if table == "figures":
        lean = "left" if rec.leaning < -20 else "right" if rec.leaning > 20 else "centre"
        out = [
            f"Faction at the start of history: {faction_name(rules, rec.faction)}",
            f"Leaning: {lean} ({rec.leaning})",
        ]
        if rec.traits:
            out.append("Traits: " + ", ".join(rec.traits))
        if rec.born:
            out.append(f"Born: {rec.born}")
        return out
    if table == "offices":
        body = rules.bodies[rec.appointed_by].name if rec.appointed_by in rules.bodies else rec.appointed_by
        out = [f"Appointed by: {body}", f"Income: {rec.income} influence a quarter", f"Weight in power: {rec.power}"]
        if rec.grants:
            out.append("Gives its holder's faction: " + ", ".join(rec.grants))
        return out
    if table == "bodies":
        return [
            f"Kind: {rec.kind}",
            f"Seats: {rec.seats or 'elected at the Congress'}",
            f"A motion carries with more than {rec.threshold}% of the votes cast",
        ]
    if table == "regions":
        out = [f"Delegates to the Congress: {rec.delegates} in {sum(r.delegates for r in rules.regions.values())}"]
        if rec.chief_office in rules.offices:
            chief = rules.offices[rec.chief_office].name
            out.append(f"Its party chief holds an office of his own ({chief}): the Secretariat cannot appoint over him")
        return out
    if table == "press":
        return [
            f"Controlled by the holder of: {rules.offices[rec.controlled_by].name if rec.controlled_by in rules.offices else rec.controlled_by}",
            f"Reach: {rec.reach} (how far its articles carry)",
        ]
    if table == "trackers":
        if rec.left_label or rec.right_label:
            ends = f"from {rec.left_label or rec.low} at {rec.low} to {rec.right_label or rec.high} at {rec.high}"
        else:
            ends = f"from {rec.low} to {rec.high}"
        return [f"A scale {ends}; a game starts at {rec.start} unless its scenario sets another value"]
    return _story_facts(rules, table, rec)


def _story_facts(rules, table: str, rec) -> list[str]:
    """The facts of an event or a scenario."""
    if table == "events":
        when = f"Date: {rec.date}" if rec.date else "Undated: it fires when its conditions hold"
        return [when + (" (a turn of events history did not take)" if rec.trigger else "")]
    if table == "scenarios":
        out = [f"From {rec.start}, {rec.turns} quarters · a {rec.kind} scenario"]
        if rec.factions:
            out.append("Factions: " + ", ".join(faction_name(rules, f) for f in rec.factions))
        return out
    return []


#: each kind's own texts, in the order the article shows them: (field, its heading or "")
TEXTS = {
    "glossary": (("text", ""),),
    "figures": (("about", ""), ("fate", "What became of him")),
    "offices": (("about", ""),),
    "bodies": (("about", ""),),
    "regions": (("about", ""),),
    "press": (("about", ""),),
    "trackers": (("about", ""),),
    "events": (("text", ""),),
    "scenarios": (("summary", ""), ("premise", "What is changed")),
}


class EncyclopediaScene(Scene):
    """The encyclopedia; ``ref`` (``kind.id``, or a glossary id): the entry it opens at."""

    def __init__(self, app, ref: str | None = None):
        super().__init__(app)
        self.category = 0
        self.index = 0
        #: (category, index) of each entry a link was followed from: Back returns to the last
        self.trail: list[tuple[int, int]] = []
        if ref is not None:
            self.go(ref)

    def entries(self) -> list:
        return self.entries_of(self.category)

    def entries_of(self, category: int) -> list:
        kind = CATEGORIES[category][0]
        table = list(getattr(self.app.rules, kind).values())
        return sorted(table, key=_sort_name) if kind == "glossary" else table

    def go(self, ref: str) -> bool:
        """Show the entry ``ref`` names (a kind alone: its list, from the top); False (nothing
        changes) if there is none."""
        if ref in KIND_INDEX:
            self.category, self.index = KIND_INDEX[ref], 0
            return True
        rec = record_of(self.app.rules, ref)
        if rec is None:
            return False
        self.category = KIND_INDEX[entry_ref(ref)[0]]
        self.index = next(i for i, r in enumerate(self.entries()) if r is rec)
        return True

    def follow(self, ref: str) -> None:
        """A link was clicked: its entry, and the one it was clicked in onto the trail."""
        here = (self.category, self.index)
        if self.go(ref):
            self.trail.append(here)
            self.refresh()

    def refresh(self) -> None:
        if getattr(self, "article", None) is not None:
            self.article.set_text(text.gui(self.html()))

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(24).get_linesize() + 30
        bh = int(34 * s)
        n = len(CATEGORIES)
        labels = [label for _, label in CATEGORIES]
        # one row of category buttons where every label fits it, else two
        per = n if (w - 32 - (n - 1) * 8) // n >= max(button_width(self.app, x) for x in labels) else (n + 1) // 2
        bw = (w - 32 - (per - 1) * 8) // per
        size = common_size(self.app, labels, bw)  # the rows in one face
        #: each category's button, to mark the one on show
        self.tabs = []
        for i, label in enumerate(labels):
            rect = (16 + (i % per) * (bw + 8), top + (i // per) * (bh + 6), bw, bh)
            self.tabs.append(wrapped_button(self, rect, label, self._pick(i), f"Show the {label.lower()}", size=size))
        top += ((n + per - 1) // per - 1) * (bh + 6)
        share = 0.28 if w / s >= 1200 else 0.36  # a large font on a small window: names need room
        # the row of buttons under the list and the article: the sources, the documents, Back;
        # each as wide as its label needs where the row has room, wrapped where it has not
        label, docs = "Read the cited passages", "The documents"
        back_w = int(160 * s)
        room = w - 32 - back_w - 16 - 8
        wide = min(max(int(300 * min(s, 1.5)), button_width(self.app, label)), room * 3 // 5)
        docs_w = min(max(int(200 * min(s, 1.5)), button_width(self.app, docs)), room - wide)
        row_h = max(bh, wrapped_height(self.app, label, wide, bh), wrapped_height(self.app, docs, docs_w, bh))
        row_y = h - 16 - row_h
        self.list_rect = pygame.Rect(16, top + bh + 12, int(w * share), row_y - 12 - (top + bh + 12))
        art = pygame.Rect(self.list_rect.right + 16, top + bh + 12, w - self.list_rect.right - 32, self.list_rect.h)
        self.article = self.textbox(art, self.html())
        back = pygame.Rect(w - 16 - back_w, row_y, back_w, bh)
        tip = "The lines of the source documents this entry is drawn from"
        wrapped_button(self, (16, row_y, wide, row_h), label, self.sources, tip)
        tip = "The five documents the rules are drawn from, what kind of source each is, and how far to trust it"
        wrapped_button(self, (16 + wide + 8, row_y, docs_w, row_h), docs, self.documents, tip)
        self.button(back, "Back", self.back, "Back to the entry a link was followed from, else out (Esc)")

    def _pick(self, i: int):
        def pick():
            self.category, self.index = i, 0
            self.refresh()

        return pick

    def record(self):
        entries = self.entries()
        return entries[min(self.index, len(entries) - 1)] if entries else None

    def html(self) -> str:
        rec = self.record()
        if rec is None:
            return "Nothing here."
        rules = self.app.rules
        table = CATEGORIES[self.category][0]
        own = rec.id if table == "glossary" else f"{table}.{rec.id}"
        parts = [text.heading_html(escape(rec.name), self.app.settings.font_scale)]
        facts = _facts(rules, table, rec)
        if facts:  # one block, a line each: the texts under them stay in sight on a small screen
            parts.append("<br>".join(escape(line) for line in facts))
        for name, heading in TEXTS.get(table, ()):
            words = getattr(rec, name, "") or ""
            if words.strip():
                parts.append((f"<b>{escape(heading)}</b>: " if heading else "") + linked(rules, words, own))
        if table not in TEXTS:
            extra = getattr(rec, "text", "")
            if extra:
                parts.append(linked(rules, extra, own))
        see = [ref for ref in getattr(rec, "see", ()) if record_of(rules, ref) is not None]
        if see:
            parts.append("<b>See also</b>: " + " · ".join(link(ref, _see_label(rules, ref)) for ref in see))
        if table != "glossary":  # the glossary's terms that send the reader here
            back = [t for t in sorted(rules.glossary.values(), key=_sort_name) if own in t.see]
            if back:
                parts.append("<b>In the glossary</b>: " + " · ".join(link(t.id, t.name) for t in back))
        if rec.source:
            parts.append("<b>Sources</b>")
            for c in rec.source:
                where = citation_label(rules.root, c)
                quote = f" — “{escape(' '.join(c.quote.split()))}”" if c.quote else ""
                parts.append(f"<i>{escape(where)}</i>{quote}")
        if rec.design:
            parts.append(f"<b>Design choice</b>: {escape(design_words(rec.design))}")
        return "<br><br>".join(parts)

    def sources(self) -> None:
        rec = self.record()
        if rec is None:
            return
        self.app.push_scene("sources", f"Sources — {rec.name}", rec.source, rec.design)

    def documents(self) -> None:
        self.app.push_scene("documents")

    def key(self, event) -> None:
        n = len(self.entries())
        if event.key in (pygame.K_DOWN, pygame.K_UP, pygame.K_PAGEDOWN, pygame.K_PAGEUP) and n:
            step = {pygame.K_DOWN: 1, pygame.K_UP: -1, pygame.K_PAGEDOWN: 10, pygame.K_PAGEUP: -10}[event.key]
            self.index = max(0, min(n - 1, self.index + step))
            self.refresh()
        else:
            super().key(event)

    def handle(self, event) -> None:
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED and event.ui_element is self.article:
            self.follow(event.link_target)
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.list_rect.collidepoint(event.pos):
            for i, rect in self.rows:
                if rect.collidepoint(event.pos):
                    self.index = i
                    self.refresh()
            return
        if event.type == pygame.MOUSEWHEEL and self.list_rect.collidepoint(pygame.mouse.get_pos()):
            self.index = max(0, min(len(self.entries()) - 1, self.index - event.y))
            self.refresh()
            return
        super().handle(event)

    first = 0
    #: (index, rect) of each entry on show in the list, for the mouse
    rows: list = []

    def row_lines(self, rec, width: int) -> list[str]:
        """An entry's name wrapped to the list's width (never cut)."""
        return text.wrap(self.app.fonts.body(15), rec.name, width)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.PAPER)
        hint = band_hint(
            self.app,
            "ENCYCLOPEDIA",
            "↑↓ choose an entry · click a link to open it · Tab the buttons · Esc back",
            "↑↓ choose · Esc back",
        )
        draw.band(surface, self.app, "ENCYCLOPEDIA", hint)
        r = self.list_rect
        pygame.draw.rect(surface, theme.WHITE, r)
        pygame.draw.rect(surface, theme.BLACK, r, 2)
        font = self.app.fonts.body(15)
        line = font.get_linesize()
        table = CATEGORIES[self.category][0]
        badged = table in ("factions", "figures")
        width = r.w - 14 - (line + 2 if badged else 0)
        entries = self.entries()
        heights = [len(self.row_lines(rec, width)) * line + 4 for rec in entries]
        # the first entry shown: the chosen one in view, as near the middle as the list allows
        self.index = max(0, min(self.index, len(entries) - 1))
        first, room = self.index, (r.h - 8) // 2
        while first > 0 and sum(heights[first - 1 : self.index]) <= room:
            first -= 1
        while first > 0 and sum(heights[first - 1 :]) <= r.h - 8:
            first -= 1
        self.first = first
        self.rows = []
        y = r.y + 4
        for i in range(first, len(entries)):
            if y + heights[i] > r.bottom - 4:
                break
            rec = entries[i]
            row = pygame.Rect(r.x + 2, y - 2, r.w - 4, heights[i])
            self.rows.append((i, row))
            if i == self.index:
                pygame.draw.rect(surface, theme.RED, row)
            colour = theme.WHITE if i == self.index else theme.BLACK
            x = r.x + 8
            if badged:
                owner = rec.id if table == "factions" else getattr(rec, "faction", None)
                draw.badge(surface, self.app, owner, (x + line // 2, y + line // 2), line - 4)
                x += line + 2
            text.blit_lines(surface, font, self.row_lines(rec, width), (x, y), colour)
            y += heights[i]

    def draw_focus(self, surface: pygame.Surface) -> None:
        draw_wrapped(self, surface)
        # the category on show: a bar along the foot of its button (the focus ring may be elsewhere)
        tabs = getattr(self, "tabs", [])
        if 0 <= self.category < len(tabs):
            r = tabs[self.category].rect
            bar = max(3, r.h // 8)
            pygame.draw.rect(surface, theme.RED, (r.x + 3, r.bottom - bar - 2, r.w - 6, bar))
        super().draw_focus(surface)

    def back(self) -> None:
        if self.trail:
            self.category, self.index = self.trail.pop()
            self.refresh()
            return
        self.app.pop()
