"""Choosing the target of an action: every legal variant, grouped step by step, scrolling.

A proposal is chosen as a player thinks of it: first the kind of motion, then the office (or the
issue), then the figure; a step with a single choice is folded into the one before.  Each list
scrolls (pygame_gui's scrolling container: the mouse wheel, its scroll bar, or the keys, which
bring the focused choice into view), shows every label whole (wrapped, never cut) and each
choice's forecast under it (``phrases.action_card``'s preview; a group shows what all its choices
share, such as the vote the motion would get).

Every choice carries a number that does not change while the game lasts: its place in the rule
table it comes from (the regions' file for a region, the figures' file for a figure), so Moscow
is always 1 and a region already appealed to leaves a gap instead of renumbering the others.
Typing a number picks it; where a number is the start of others (1 of 1, 10, 11, 12) it waits for
the next digit, or Enter.
"""

from __future__ import annotations

import attrs
import pygame
import pygame_gui

from game.present import phrases, words
from game.ruleset.records import DIRECTIONS
from game.ui import text, theme
from game.ui.scenes.dialog import MessageScene

#: the step that says which way a policy line moves its issue (its value is one of DIRECTIONS)
DIRECTION = "direction"

#: what the list asks for, by the rule table its choices come from
WHICH = {
    "motions": "Which motion?",
    "offices": "Which office?",
    "figures": "Which leading figure?",
    "regions": "Which region?",
    "factions": "Which faction?",
    "press": "Which paper?",
    "trackers": "Which issue?",
    DIRECTION: "Which way?",
}

#: number keys, on the main keyboard and the keypad
DIGITS = {getattr(pygame, f"K_{d}"): str(d) for d in range(10)} | {
    getattr(pygame, f"K_KP{d}"): str(d) for d in range(10)
}

#: the lists made last, by the game's state (kept whole: a state is never changed), the seat and
#: the options, so that a list opened again comes at once (its forecasts take a while to work out)
_MADE: list[tuple[object, tuple, tuple]] = []
#: the shade laid over the screen under the dialog, by the window's size
_SHADE: dict[tuple[int, int], pygame.Surface] = {}

#: the room between two choices, and inside a choice around its words (pixels before the font scale)
GAP, PAD = 6, 8


@attrs.frozen
class Step:
    """One argument of an action as a list shows it: the table it comes from, its id, its name,
    and its stable number (its place in that table, from 1; 0 where the argument has no table)."""

    table: str | None
    value: str
    word: str
    number: int


@attrs.frozen
class Choice:
    """A row of a list: an action (a leaf) or a group of choices one step further on."""

    number: int
    label: str
    table: str | None
    forecast: tuple[str, ...] = ()
    action: object = None
    children: tuple[Choice, ...] = ()

    @property
    def leaves(self) -> int:
        return 1 if self.action is not None else sum(c.leaves for c in self.children)


def steps(rules, action) -> tuple[Step, ...]:
    """An action's arguments as the steps of choosing it (a proposal: the motion, then its own
    arguments; a policy line: the issue, then the way it moves)."""
    rule = rules.actions[action.name]
    kind = rule.kind
    args = action.args
    out: list[Step] = []
    if kind == "propose" and args:
        motion = rules.motions[args[0]]
        out.append(_step(rules, "motions", args[0]))
        args = args[1:]
        tables = words.MOTION_ARGS.get(motion.kind, ())
        if motion.kind == "adopt_line" and len(args) == 2 and args[1] in DIRECTIONS:
            side = words.motion_words(rules, motion.id, args)[-1]
            return (
                *out,
                _step(rules, "trackers", args[0]),
                Step(DIRECTION, args[1], side, DIRECTIONS.index(args[1]) + 1),
            )
    else:
        tables = words.arg_tables(rule)  # a kind's tables, or what a composed action aims at
    for i, arg in enumerate(args):
        out.append(_step(rules, tables[i] if i < len(tables) else None, arg))
    return tuple(out)


def _step(rules, table: str | None, value: str) -> Step:
    entries = getattr(rules, table) if table else {}
    if value in entries:
        return Step(table, value, entries[value].name, list(entries).index(value) + 1)
    return Step(None, value, value.replace("_", " "), 0)


def choices(rules, view, options) -> tuple[Choice, ...]:
    """The legal variants of one action as a tree of choices, each level in its stable order."""
    items = [(steps(rules, a), a, phrases.action_card(rules, view, a).preview) for a in options]
    return _level(items, 0)


def made_for(board, options) -> tuple[Choice, ...]:
    """:func:`choices` for the board's seat now, made again only when the game has moved."""
    state, key = board.match.state, (board.viewer, tuple(options))
    for made_state, made_key, tree in _MADE:
        if made_state is state and made_key == key:
            return tree
    tree = choices(board.app.rules, board.view, options)
    _MADE.insert(0, (state, key, tree))
    del _MADE[8:]
    return tree


def _level(items, depth: int) -> tuple[Choice, ...]:
    groups: dict[tuple, list] = {}
    for item in items:
        st = item[0]
        key = (st[depth].table, st[depth].value) if depth < len(st) else (None, None)
        groups.setdefault(key, []).append(item)
    out = []
    for members in groups.values():
        st, action, preview = members[0]
        if depth >= len(st):  # an action with no argument left here (a mod's odd shape): itself
            out.extend(
                Choice(0, " ".join(s.word for s in st) or action.name, None, preview, action)
                for _, action, _ in members
            )
            continue
        step = st[depth]
        if len(members) == 1:
            label = ": ".join(s.word for s in st[depth:])
            out.append(Choice(step.number, label, step.table, preview, action))
            continue
        children = _level(members, depth + 1)
        if len(children) == 1:  # one way on from here: folded into this row
            child = children[0]
            out.append(attrs.evolve(child, number=step.number, label=f"{step.word}: {child.label}", table=step.table))
            continue
        shared = [line for line in members[0][2] if all(line in m[2] for m in members)]
        out.append(Choice(step.number, step.word, step.table, tuple(shared), None, children))
    return _numbered(out)


def _numbered(row: list[Choice]) -> tuple[Choice, ...]:
    """The row in the order of its numbers; a choice without a table's number (or sharing one)
    takes the next number free after the others."""
    row.sort(key=lambda c: (c.number == 0, c.number, c.label))
    used: set[int] = set()
    out = []
    for c in row:
        if c.number == 0 or c.number in used:
            c = attrs.evolve(c, number=max(used | {c.number}) + 1)
        used.add(c.number)
        out.append(c)
    return tuple(out)


class TargetScene(MessageScene):
    """The legal variants of one kind of action, step by step: a scrolling list of numbered
    choices, each with its forecast; Back (or Escape) goes up a step, Cancel leaves."""

    #: the seat's turn timer runs while the seat picks targets (the board's :meth:`tick`)
    part_of_turn = True

    def __init__(self, app, board, action_id: str, options):
        rules = app.rules
        self.board, self.options = board, list(options)
        rule = rules.actions[action_id]
        self.help = f"Costs {phrases.cost_text(rule)}. {' '.join(rule.text.split())}"
        super().__init__(app, rule.name, self.help, None)
        self.tree = made_for(board, self.options)
        self.path: list[Choice] = []
        while len(self.here) == 1 and self.here[0].children:  # a single group: straight into it
            self.path.append(self.here[0])
        self.floor = len(self.path)  # Back goes no higher than this
        self.typed = ""  # the digits of a number typed so far
        self.rows: list[tuple[pygame_gui.elements.UIButton, Choice, list]] = []

    # --- what is shown ---------------------------------------------------------------------
    @property
    def here(self) -> tuple[Choice, ...]:
        return self.path[-1].children if self.path else self.tree

    def prompt(self) -> str:
        tables = [c.table for c in self.here]
        which = WHICH.get(max(tables, key=tables.count) if tables else None, "Which one?")
        trail = " › ".join(c.label for c in self.path)
        return f"{trail} — {which[0].lower()}{which[1:]}" if trail else which

    def shared(self) -> tuple[str, ...]:
        """The forecast lines every choice here has (said once, over the list)."""
        here = self.here
        if len(here) < 2:
            return ()
        return tuple(line for line in here[0].forecast if all(line in c.forecast for c in here[1:]))

    @staticmethod
    def summary(c: Choice) -> str:
        """A group's second line: how many choices it holds, and which where they are few."""
        names = [k.label for k in c.children]
        if all(k.action is not None for k in c.children) and len(names) <= 4:
            return f"{c.leaves} choices: " + ", ".join(names)
        return f"{c.leaves} choices"

    def box(self) -> pygame.Rect:
        """Most of the window: as wide as a long label needs, more so where the font is large."""
        w, h = self.app.size
        crowded = self.app.settings.font_scale * 1280 / w > 1.3
        wf, hf = (0.94, 0.94) if crowded else (0.76, 0.88)
        return pygame.Rect(int(w * (1 - wf) / 2), int(h * (1 - hf) / 2), int(w * wf), int(h * hf))

    def fonts(self):
        """The title's face, the text's (help, forecasts), the question's and the choices' names'."""
        f = self.app.fonts
        return f.heading(22), f.body(13), f.bold(14), f.bold(15)

    def build(self) -> None:
        r = self.box()
        s = self.app.settings.font_scale
        head, body, bold, label_font = self.fonts()
        width = r.w - 32
        self.title_lines = text.wrap(head, self.title, r.w - 24)
        y = r.y + len(self.title_lines) * head.get_linesize() + 12 + 10
        self.texts = []
        said = [(body, self.help, theme.BLACK), (bold, self.prompt(), theme.DARK_RED)]
        if self.shared():
            said.append((body, "Each choice: " + "; ".join(self.shared()) + ".", theme.BLACK))
        for font, words_, colour in said:
            lines = text.wrap(font, words_, width)
            self.texts.append((font, lines, (r.x + 16, y), colour))
            y += len(lines) * font.get_linesize() + 8
        bh = int(40 * s)
        self.list_rect = pygame.Rect(r.x + 16, y, width, max(bh, r.bottom - bh - 32 - y))
        self._build_list(label_font, body)
        bw = min(int(160 * s), (width - 10) // 3)
        y = r.bottom - bh - 16
        cancel = r.right - 16 - bw
        left = cancel - bw - 10 if len(self.path) > self.floor else cancel
        if len(self.path) > self.floor:
            self.button((left, y, bw, bh), "Back", self.back)
        self.button((cancel, y, bw, bh), "Cancel", self.app.pop)
        self.bottom = pygame.Rect(r.x + 16, y, left - 10 - r.x - 16, bh)
        self._reveal()

    def _build_list(self, label_font, small) -> None:
        """The choices as buttons in a scrolling container; their words are drawn over them."""
        manager = self.app.manager
        s = self.app.settings.font_scale
        gap, pad = round(GAP * s), round(PAD * s)
        box = pygame_gui.elements.UIScrollingContainer(self.list_rect, manager, allow_scroll_x=False)
        self.list_box = self.add(box)
        inner = self.list_rect.w - 20  # the scroll bar's room, kept whether it shows or not
        widest = max((c.number for c in self.here), default=0)
        num_w = label_font.size(f"{widest}.")[0] + 2 * pad
        room = inner - num_w - pad
        self.rows = []
        shared = self.shared()
        y = 0
        for c in self.here:
            lines = [(label_font, line) for line in text.wrap(label_font, c.label + (" ›" if c.children else ""), room)]
            more = ([self.summary(c)] if c.children else []) + [line for line in c.forecast if line not in shared]
            lines += [(small, line) for words_ in more for line in text.wrap(small, words_, room)]
            h = 2 * pad + sum(font.get_linesize() for font, _ in lines)
            b = pygame_gui.elements.UIButton(pygame.Rect(0, y, inner, h), "", manager, container=box)
            self.add(b)
            self.controls.append((b, self._open(c)))
            self.rows.append((b, c, lines))
            y += h + gap
        box.set_scrollable_area_dimensions((inner, max(y, 1)))  # a gap under the last: room for rounding
        self.num_w, self.pad = num_w, pad

    # --- scrolling -------------------------------------------------------------------------
    def _reveal(self) -> None:
        """Scroll the list so that the focused choice shows whole."""
        if not (0 <= self.focus < len(self.rows)):
            return
        box = self.list_box
        view_h = box.rect.h
        content = box.scrollable_container
        b = self.rows[self.focus][0]
        margin = round(GAP * self.app.settings.font_scale) // 2  # the scroll bar places to a pixel or so
        top = b.relative_rect.y
        shown = -content.relative_rect.y
        if top < shown:
            self._scroll_to(top - margin)
        elif top + b.rect.h > shown + view_h:
            self._scroll_to(top + b.rect.h + margin - view_h)

    def _scroll_to(self, offset: int) -> None:
        """Show the content from ``offset`` pixels down, the scroll bar moved to match (through
        the bar, so that the container's own update keeps it)."""
        box = self.list_box
        bar = box.vert_scroll_bar
        total = box.scrollable_container.rect.h
        view_h = box.rect.h
        offset = max(0, min(offset, total - view_h))
        if bar is None or not box.vert_scroll_bar_active or total <= view_h:
            return
        box.scrollable_container.set_relative_position((0, -offset))
        fraction = offset / total
        if fraction > 0.5 and bar.sliding_button is not None:  # the container reads the bar's bottom there
            fraction = (offset + view_h) / total - bar.sliding_button.rect.h / bar.scrollable_height
        bar.set_scroll_from_start_percentage(fraction)

    # --- choosing --------------------------------------------------------------------------
    def _open(self, choice: Choice):
        def go():
            self.typed = ""
            if choice.action is not None:
                self.app.pop()
                self.board.submit_checked(choice.action)
            else:
                self.path.append(choice)
                self.focus = 0
                self.rebuild()

        return go

    def back(self) -> None:
        """Up a step (to the group just left), or out of the list from its first step."""
        self.typed = ""
        if len(self.path) <= self.floor:
            self.app.pop()
            return
        left = self.path.pop()
        self.focus = next((i for i, c in enumerate(self.here) if c is left), 0)
        self.rebuild()

    def key(self, event) -> None:
        if event.key in DIGITS:
            self._digit(DIGITS[event.key])
            return
        if event.key == pygame.K_BACKSPACE and self.typed:
            self.typed = self.typed[:-1]
            return
        if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END) and self.rows:
            self._page(event.key)
            return
        self.typed = ""
        super(MessageScene, self).key(event)  # the plain keys of a screen: no text box to page here
        self._reveal()

    def _page(self, key: int) -> None:
        n = len(self.rows)
        view_h = self.list_box.rect.h
        here = self.focus if 0 <= self.focus < n else 0
        if key == pygame.K_HOME:
            self.focus = 0
        elif key == pygame.K_END:
            self.focus = n - 1
        else:
            step = 1 if key == pygame.K_PAGEDOWN else -1
            y = self.rows[here][0].relative_rect.y + step * view_h
            order = range(here, n) if step > 0 else range(here, -1, -1)
            self.focus = next((i for i in order if (self.rows[i][0].relative_rect.y - y) * step >= 0), order[-1])
        self._reveal()

    def _digit(self, digit: str) -> None:
        """A number typed: picked as soon as no other number starts with it; until then the first
        choice it could be is focused (Enter picks it)."""
        numbers = [str(c.number) for c in self.here]
        typed = self.typed + digit
        if not any(n.startswith(typed) for n in numbers):
            typed = digit
        matching = [i for i, n in enumerate(numbers) if n.startswith(typed)]
        if not matching:
            self.typed = ""
            return
        exact = [i for i in matching if numbers[i] == typed]
        if exact and len(matching) == 1:
            self.typed = ""
            self.focus = exact[0]
            self.controls[exact[0]][1]()
            return
        self.typed = typed
        self.focus = (exact or matching)[0]
        self._reveal()

    def hint(self) -> str:
        if self.typed and 0 <= self.focus < len(self.rows):
            return f"Typed {self.typed}: another digit, or Enter for {self.rows[self.focus][1].number}"
        return "Type a number or click; Esc: " + ("back" if len(self.path) > self.floor else "cancel")

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The dialogs' look (a shade, paper, a red title bar), the title wrapped, the help and
        the question over the list."""
        shade = _SHADE.get(surface.get_size())
        if shade is None:
            shade = _SHADE[surface.get_size()] = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((24, 22, 20, 150))
        surface.blit(shade, (0, 0))
        r = self.box()
        pygame.draw.rect(surface, theme.PAPER, r)
        pygame.draw.rect(surface, theme.BLACK, r, 4)
        head = self.fonts()[0]
        pygame.draw.rect(surface, theme.RED, (r.x, r.y, r.w, len(self.title_lines) * head.get_linesize() + 12))
        text.blit_lines(surface, head, self.title_lines, (r.x + 12, r.y + 6), theme.WHITE)
        for font, lines, pos, colour in self.texts:
            text.blit_lines(surface, font, lines, pos, colour)
        small = self.fonts()[1]
        lines = text.wrap(small, self.hint(), self.bottom.w)
        y = self.bottom.centery - len(lines) * small.get_linesize() // 2
        text.blit_lines(surface, small, lines, (self.bottom.x, y), theme.GREY)

    def draw_focus(self, surface: pygame.Surface) -> None:
        """The choices' numbers, labels and forecasts over their buttons (after pygame_gui has
        drawn them), clipped to the list; the focus ring inside the focused choice."""
        view = self.list_box.rect
        clip = surface.get_clip()
        surface.set_clip(view)
        for i, (b, c, lines) in enumerate(self.rows):
            if not b.rect.colliderect(view):
                continue
            x, y = b.rect.x + self.pad, b.rect.y + self.pad
            number_font = lines[0][0]
            surface.blit(text.render(number_font, f"{c.number}.", theme.RED), (x, y))
            x += self.num_w
            for font, line in lines:
                surface.blit(text.render(font, line, theme.BLACK), (x, y))
                y += font.get_linesize()
            if i == self.focus:
                pygame.draw.rect(surface, theme.RED, b.rect, 3)
        surface.set_clip(clip)
        if self.focus >= len(self.rows):
            super().draw_focus(surface)
