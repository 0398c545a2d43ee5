"""The board: what the seat at the screen may see of the game, and the action bar.

The board owns its panels (``board_panels.py``), placed from the layout table (``layout.py``): at
a small window or a large font a column's panels become tabs.  The picture is drawn from the
viewing seat's view once each time the game changes and kept, so a frame is one blit plus the
scrolled panels, the tooltip and the "thinking" sign; a panel whose own state changes (the
chronicle scrolled) is drawn again alone, over the picture.  After the
computer's move the new picture is drawn a few steps a frame while the last one stays up (the
same seat's view, one move older), so that no frame takes longer than the window's 60 frames a
second allow.  When no single human is at the screen (between hot-seat players, while the computer
moves), the public view is shown.

A player's turn on screen: the engine passes play to the next faction after every action, so after
a human seat's action the board holds (:attr:`BoardScene.held`): the seat's own view stays up with
a line in the action bar saying what the move did, a *Done* button with the keyboard's focus, and
*Undo* while the move can be taken back.  Nothing moves on, neither the computer nor a hand-off
screen, until the seat presses Done (Enter).  Ending the turn is the seat's "done for the quarter"
already (asked first when action points are left), so it hands over at once.

This module is longer than the house's 500 lines on purpose: it is the board's one state machine
(whose screen is up, the held move and Done, hand-offs, the computer's thinking, undo, drawing in
steps), clearer read whole; what it draws lives elsewhere (the panels in ``board_panels.py`` and
``board_map.py``, their places in ``layout.py``, the sign and the tooltips in ``board_overlay.py``).
"""

from __future__ import annotations

import time

import pygame

from game.present import chronicle, forecasts, phrases, quarter, words
from game.ui import text, theme
from game.ui.scene import Scene
from game.ui.scenes import layout
from game.ui.scenes.board_overlay import ThinkingSign, tooltip
from game.ui.scenes.board_panels import PANELS
from game.ui.scenes.dialog import confirm, message
from game.ui.scenes.entries import entry_in
from game.ui.scenes.layout import action_button_label, end_turn
from game.ui.scenes.turn_clock import TurnClock, draw_clock

#: the Done button's tooltip: its keys (a letter in brackets is pressed by the scene's keyboard)
DONE_TIP = "Your move stands and play passes to the next seat; Enter presses it too (D)"
#: the time a frame gives to the steps of a new picture of the board after the computer's move
#: (seconds; a step takes a few milliseconds at most)
DRAW_BUDGET = 0.003


class BoardScene(Scene):
    """The match in progress, ``app.match`` (opened by :meth:`game.ui.app.App.start_match`); ``briefed``
    holds the factions whose briefing is not to be shown again."""

    def __init__(self, app, briefed: set[str]):
        super().__init__(app)
        self.match = app.match
        self.briefed = briefed
        humans = self.match.humans()
        #: the faction whose view is on screen (None: the public view)
        self.viewer: str | None = humans[0] if len(humans) == 1 else None
        self.future = None
        #: after the seat's action, until it presses Done: (the seat, what its move did); else None
        self.held: tuple[str, str] | None = None
        self.thinking_since = 0.0
        self.cache: pygame.Surface | None = None  # the board's picture (None: to be drawn again)
        self.picture: pygame.Surface | None = None  # the picture on screen, up to date or not
        self.canvas: pygame.Surface | None = None  # the surface the next picture is drawn on
        self.drawn_for: str | None = None  # the seat whose view the picture shows
        self.steps = None  # the drawing of the next picture in progress (layout.board_steps)
        self.gradual = False  # the next picture may be drawn over several frames
        self.defer = False  # a move was played this frame: draw the new picture in the next
        self.votes_seen: dict[str | None, int] = {}
        self.log_seen: dict[str | None, int] = {}
        self.mouse = (-1, -1)
        self._view = None
        self.sign = ThinkingSign()  # the sign over the action bar while the computer moves
        self.built: list[tuple] = []  # the buttons on screen, as _buttons() describes them
        #: the board's panels, by their key in the layout table
        self.panels = {cls.key: cls(app) for cls in PANELS}
        #: the panel on show in each column of tabs (by the column's first panel); the first if none
        self.chosen: dict[str, str] = {}
        self.visible = True
        self.geo: layout.Geometry | None = None  # where everything goes, as last built
        seconds = self.match.options.turn_seconds
        #: the turn timer, where the teacher set one (each human seat's time for a turn)
        self.clock = TurnClock(seconds) if seconds else None

    # --- the view on screen ------------------------------------------------------------------
    @property
    def view(self) -> dict:
        if self._view is None:
            self._view = self.match.view(self.viewer)
        return self._view

    def changed(self) -> None:
        """The game or the seat at the screen has changed: draw the board again, and bring its
        buttons up to date (those whose label, tooltip or state changed; all of them made again
        only if they are no longer the same buttons, since making two dozen buttons takes longer
        than a frame)."""
        self._view = None
        self.cache = None
        self.steps = None
        self.gradual = False
        new = self._buttons()
        if self.geo is not None and layout.board(self.app, self.shown()) != self.geo:
            self.rebuild()  # the view has other panels (a seat's objectives, or none): laid out again
            return
        if new == self.built:
            return
        same = len(new) == len(self.built) and all(
            (a[0], a[5]) == (b[0], b[5]) for a, b in zip(new, self.built, strict=True)
        )
        if not same or len(self.controls) != len(new):
            self.rebuild()
            return
        for i, (now, was) in enumerate(zip(new, self.built, strict=True)):
            if now == was:
                continue
            _, label, does, tip, ok, _ = now
            b = self.controls[i][0]
            if label != was[1]:
                b.set_text(text.gui(label))
            if tip != was[3]:
                b.set_tooltip(text.gui(tip) if tip else None)
            if ok != b.is_enabled:
                b.enable() if ok else b.disable()
            if does != was[2]:
                self.controls[i] = (b, self._callback(does))
        self.built = new

    def shown(self) -> dict:
        """The panels this view has, by key (the public view has no objectives)."""
        return {k: p for k, p in self.panels.items() if k != "objectives" or self.view.objectives}

    def tab(self, column) -> str:
        """The panel on show in a column of tabs."""
        chosen = self.chosen.get(column.keys[0])
        return chosen if chosen in column.keys else column.keys[0]

    def choose_tab(self, key: str) -> None:
        """Show ``key``'s panel in its column of tabs."""
        column = self.geo.column_of(key)
        if column is not None and column.tabs and self.tab(column) != key:
            self.chosen[column.keys[0]] = key
            self.changed()

    def forget(self) -> None:
        """A hand-off: besides the widgets' state, each column of tabs back at its first panel and
        the chronicle at its newest line (nothing shows where the last player was looking)."""
        super().forget()
        self.chronicle_scroll = 0
        if self.chosen:
            self.chosen = {}
            self.changed()

    @property
    def chronicle_scroll(self) -> int:
        """Lines the chronicle is scrolled back from the newest (its panel keeps them)."""
        return self.panels["chronicle"].back

    @chronicle_scroll.setter
    def chronicle_scroll(self, lines: int) -> None:
        chronicle = self.panels["chronicle"]
        chronicle.dirty = chronicle.dirty or lines != chronicle.back
        chronicle.back = lines

    @property
    def hot_seat(self) -> bool:
        return len(self.match.humans()) > 1

    def my_turn(self) -> bool:
        return self.viewer is not None and self.match.active == self.viewer

    # --- widgets -------------------------------------------------------------------------------
    def _buttons(self) -> list[tuple]:
        """What the buttons are now: (rect, label, what it does, tooltip, enabled, object id)
        each; an action's button does ("action", its id)."""
        w = self.app.size[0]
        geo = layout.board(self.app, self.shown())
        rules = self.app.rules
        top_bh = geo.band - 10
        x = w - 8
        out = []
        for label, cb, tip, ok in (
            ("Menu", self.menu, "Save, load, settings, or leave (Escape)", True),
            ("Guide", self.guide, "How to play: what each part of the board means, and how a turn runs (F1)", True),
            ("History", self.history, "Earlier quarters, each in one place (H)", True),
            (
                "Save",
                self.save,
                "Save this game under a name",
                is_human(self.match, self.match.active) or self.held is not None,
            ),
            (
                "Undo",
                self.undo,
                "Take back your last action (Ctrl+Z), until you press Done or something random or hidden is revealed",
                self.can_undo(),
            ),
        ):
            bw = max(96, layout.button_width(self.app, label) + 24)
            x -= bw + 6
            out.append(((x, 5, bw, top_bh), label, cb, tip, ok, None))
        for column in geo.columns:
            for key, rect in column.tabs:
                panel = self.panels[key]
                chosen = self.tab(column) == key
                tip = f"{panel.about}" + (" (on show)" if chosen else "")
                out.append((tuple(rect), panel.tab, ("tab", key), tip, True, "#tab_chosen" if chosen else "#tab"))
        if self.match.over:
            return out
        if self.held is not None:  # the bar holds the move's result and Done, nothing else
            done = layout.done_rect(self.app, geo)
            return out + [(done, "Done", self.done, DONE_TIP, True, "#end_turn")]
        legal = self.match.legal() if self.my_turn() else ()
        entries = phrases.menu(rules, self.view, legal)
        last = end_turn(rules)
        entries = [e for e in entries if e.action_id != last] + [e for e in entries if e.action_id == last]
        for e in entries:
            reason = (e.why_not or None) if self.viewer else "not your move"
            tip = f"{e.name} — costs {e.cost}. {e.text}" + (f"\n\nNot now: {reason}." if reason else "")
            if len(e.actions) == 1 and e.action_id != last:  # no list of targets to show its forecast: here
                preview = phrases.action_card(rules, self.view, e.actions[0]).preview
                if list(preview) == [forecasts.CHANCE_WORDS]:
                    tip += "\n\nIts outcome depends on chance."
                elif preview:
                    tip += "\n\nIt would bring: " + "; ".join(preview)
            rect = geo.action_rect(e.action_id)
            label = action_button_label(rules, e.action_id)
            kind = "#action" if layout.label_fits(self.app, label, rect[2]) else "#action_wrapped"
            out.append(
                (
                    rect,
                    label,
                    ("action", e.action_id),
                    tip,
                    bool(e.actions),
                    "#end_turn" if e.action_id == last else kind,
                )
            )
        return out

    def build(self) -> None:
        for panel in self.panels.values():
            panel.forget_widgets()  # their scrolling containers went with the other widgets
            panel.dirty = True
        self.cache = None
        self.steps = None
        self.geo = layout.board(self.app, self.shown())
        self.built = self._buttons()
        for rect, label, does, tip, ok, object_id in self.built:
            self.button(rect, label, self._callback(does), tip, enabled=ok, object_id=object_id)
        self.top_buttons_x = min(b[0][0] for b in self.built if b[5] is None)  # the leftmost top button

    def _callback(self, does):
        """What a button does: a callable, ("action", its id) or ("tab", a panel's key)."""
        if not isinstance(does, tuple):
            return does
        if does[0] == "tab":
            return lambda: self.choose_tab(does[1])
        return self._action(does[1])

    def _action(self, aid: str):
        def act():
            options = [a for a in self.match.legal() if a.name == aid] if self.my_turn() else []
            if not options:
                return
            if len(options) == 1:
                self.submit_checked(options[0])
            else:
                self.app.push_scene("choose", self, aid, options)

        return act

    def submit_checked(self, action) -> None:
        """Submit, asking first for what cannot be taken back."""
        card = phrases.action_card(self.app.rules, self.view, action)
        if card.confirm:
            body = card.confirm + (f"\n\n{card.text}" if card.text else "")  # the title is the dialog's own
            confirm(self.app, card.title, body, "Yes, do it", lambda: self.submit(action))
        else:
            self.submit(action)

    def submit(self, action) -> None:
        """Play the seat's action; unless it ended the seat's turn, the game or left the seat to
        move again, hold the board on its result until Done."""
        m = self.match
        entries = m.submit(action)
        self.app.sound.click()
        if action.name != end_turn(self.app.rules) and not m.over and m.active != action.faction:
            self.held = (action.faction, self._result(action, entries))
        self.after_move()
        if self.held is not None:
            self.focus = next(i for i, c in enumerate(self.built) if c[2] == self.done)  # the ring on Done

    def _result(self, action, entries) -> str:
        """What the seat's move did, in the words of the chronicle it may read (the action's own
        title if it wrote nothing)."""
        said = [line for line in (chronicle.render(self.app.rules, e) for e in entries) if line]
        if said:
            return " ".join(said)
        return phrases.action_card(self.app.rules, self.match.view(action.faction), action, with_preview=False).title

    def held_lines(self) -> tuple[str, str]:
        """The action bar's words while the board holds: what the move did, and what the keys do
        now (empty when it does not hold)."""
        if self.held is None:
            return "", ""
        if self.can_undo():
            return self.held[1], "Done (Enter) passes play on, or Undo (Ctrl+Z) takes the move back"
        return self.held[1], "Done (Enter) passes play on. Something random or hidden came out: no undo"

    def done(self) -> None:
        """The seat is done with its move: play passes on (the computer, or a hand-off screen).
        Nothing if the board does not hold."""
        if self.held is None:
            return
        self.held = None
        self.focus = -1  # the ring on Done goes with it
        self.changed()
        self.next_step()

    def can_undo(self) -> bool:
        """The seat at the screen may take back its own last move: until it presses Done (or, if
        it is still to move, until it moves again)."""
        m = self.match
        return (
            self.viewer is not None
            and (self.held is not None or self.my_turn())
            and m.can_undo()
            and bool(m.record.actions)
            and m.record.actions[-1].faction == self.viewer
        )

    def after_move(self) -> None:
        if self.match.state.turn != getattr(self, "_turn", self.match.state.turn):
            self.app.autosave()
        self._turn = self.match.state.turn
        self.changed()
        self.next_step()

    # --- the flow of play ----------------------------------------------------------------------
    def enter(self) -> None:
        self._turn = self.match.state.turn
        super().enter()
        self.next_step()

    def next_step(self) -> None:
        """Decide what the screen shows next: the end, a hand-off, a briefing, results, an event."""
        if self.app.scene is not self or self.held is not None:
            return  # the seat at the screen has not pressed Done
        m = self.match
        if m.over:
            self.app.autosave_clear()
            self.app.replace_scene("end", m)
            return
        active = m.active
        if not is_human(m, active):
            if self.hot_seat and self.viewer is not None:
                self.viewer = None  # nobody's secrets stay on screen while the computer moves
                self.forget()
                self.chronicle_scroll, self.mouse = 0, (-1, -1)
                self.changed()
            return
        if active != self.viewer:
            self.viewer = None
            self.forget()
            self.chronicle_scroll, self.mouse = 0, (-1, -1)
            self.changed()
            self.app.push_scene("handoff", self, active)
            return
        if self.log_seen.get(active) is None:
            self.focus = -1  # a seat sits down with nothing focused: Enter presses nothing by chance
        if active not in self.briefed:
            self.briefed.add(active)
            self.app.push_scene("briefing", m.scenario, active, then=self.next_step)
            return
        book = quarter.book(m)
        closed = book.closed()
        if book.shown.setdefault(active, closed[-1] if closed else -1) < (closed[-1] if closed else -1):
            book.shown[active] = closed[-1]  # the quarter in one place, each quarter, for each seat
            self.focus = -1
            self.app.push_scene("results", book.summary(active, closed[-1]), self.view, then=self.next_step)
            return
        self.log_seen[active] = len(self.view.log)
        if self.view.pending_choice:
            self.focus = -1
            self.app.push_scene("event", self, self.view)

    def seat_confirmed(self, faction: str) -> None:
        """The hand-off screen's player is at the screen (and nothing of the last player's is)."""
        self.viewer = faction
        self.forget()
        self.chronicle_scroll, self.mouse = 0, (-1, -1)
        self.changed()
        self.next_step()

    def show(self, visible: bool) -> None:
        super().show(visible)
        self.visible = visible
        if visible:
            self.changed()

    # --- the panels' widgets ---------------------------------------------------------------------
    def picture_done(self) -> None:
        """The picture being drawn is whole: its panels' hotspots and scrolling take effect."""
        for panel in self.panels.values():
            panel.commit(self)

    def drop_element(self, element) -> None:
        """A panel's scrolling container is no longer needed."""
        element.kill()
        if element in self.elements:
            self.elements.remove(element)

    def draw_scrolled(self, surface: pygame.Surface) -> None:
        """The part of each scrolling panel's content that its scrolling container shows."""
        for panel in self.panels.values():
            panel.blit_scrolled(surface)

    def panel_at(self, pos):
        return next((p for p in self.panels.values() if p.rect.collidepoint(pos)), None)

    def page(self, pages: int) -> None:
        """Page Up / Page Down: scroll the panel under the pointer, else the one whose tab has the
        keyboard focus, else the chronicle."""
        panel = self.panel_at(self.mouse)
        does = self.built[self.focus][2] if 0 <= self.focus < len(self.built) else None
        if panel is None and isinstance(does, tuple) and does[0] == "tab":
            panel = self.panels[does[1]]
        if panel is None:
            panel = self.panels["chronicle"]
        if panel.rect.h:  # on show
            panel.page(pages)

    def tip_at(self, pos) -> str | None:
        """The tooltip of what is under ``pos``, if any."""
        if 0 <= pos[1] < self.geo.band and pos[0] < self.top_buttons_x:
            return layout.band_tip(self)  # the band's title and seat in full
        if self.held is not None and self.geo.bar.collidepoint(pos):
            lines = self.held_lines()
            return "\n\n".join(lines) if layout.held_text(self.app, self.geo, *lines)[-1] else None  # cut: whole
        panel = self.panel_at(pos)
        if panel is not None and panel.heading_at(pos) and panel.entry(self.view):
            return f"{panel.about}.\n\nClick the heading to read about it in the encyclopedia."
        return panel.tip_at(pos) if panel is not None else None

    def entry_at(self, pos) -> str | None:
        """The encyclopedia entry of what is under ``pos``: a panel heading's, or the first entry
        its tooltip names."""
        panel = self.panel_at(pos)
        if panel is not None and panel.heading_at(pos):
            return panel.entry(self.view)
        tip = self.tip_at(pos)
        return entry_in(self.app.rules, tip) if tip else None

    def open_entry(self, ref: str) -> None:
        self.app.push_scene("encyclopedia", ref)

    def update(self, dt: float) -> None:
        m = self.match
        if m.over or self.app.scene is not self or is_human(m, m.active):
            return
        if self.future is None:
            if self.cache is None:
                return  # the board is drawn again first: one frame for each piece of work
            self.future = self.app.driver.think(m)  # while the board holds too, so that Done is answered soon
            self.thinking_since = pygame.time.get_ticks()
        elif self.held is None and self.future.done():  # played only once the seat is done
            future, self.future = self.future, None
            if self.app.driver.play(m, future) is not None:  # None: a thought about a position since left
                self.after_move()
                self.defer = True
                self.gradual = self.app.scene is self  # drawn over the next frames
        self._tell_trouble()

    def _tell_trouble(self) -> None:
        """Say once that the computer's thinking process failed (it goes on thinking here)."""
        trouble = self.app.driver.trouble
        if not trouble or self.app.trouble_told:
            return
        self.app.trouble_told = True
        self.app.push_scene("message", "The computer's thinking", trouble, [("Continue", None)])

    def wait_for_ai(self) -> None:
        """Press Done if the board holds, and block until the computer's move in progress is in
        (for tests and benchmarks)."""
        self.done()
        if self.future is not None:
            self.future.result()

    # --- buttons -------------------------------------------------------------------------------
    def menu(self) -> None:
        def leave():
            self.app.autosave()
            self.app.reset_scene("menu")

        self.app.push_scene(
            "message",
            "Game menu",
            "The game is saved automatically at every turn and when you leave; 'Continue' on the main menu resumes it.",
            [("Main menu", leave), ("Settings", lambda: self.app.push_scene("settings")), ("Back to game", None)],
            0.6,
            0.4,
        )

    def back(self) -> None:
        self.menu()

    def guide(self) -> None:
        self.app.push_scene("guide")

    def save(self) -> None:
        self.app.push_scene("save")

    def history(self) -> None:
        """Every closed quarter for the seat at the screen (nobody's while no single seat is)."""
        faction = self.viewer
        if faction is None:
            message(
                self.app, "History", "The history opens for the player whose turn it is, once they are at the screen."
            )
            return
        quarters = quarter.book(self.match).closed()
        if not quarters:
            message(self.app, "History", "No quarter has closed yet: each quarter's summary is kept here once it has.")
            return
        self.app.push_scene("history", self.match, faction, quarters)

    def undo(self) -> None:
        if self.can_undo():
            self.future = None  # a move the computer was thinking about is moot
            self.held = None
            self.match.undo()
            self.focus = -1  # the seat chooses again, with nothing pressed by chance
            self.changed()

    # --- events --------------------------------------------------------------------------------
    def handle(self, event) -> None:
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
        elif event.type == pygame.MOUSEWHEEL and (panel := self.panel_at(pygame.mouse.get_pos())) is not None:
            panel.wheel(event.y)
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.page(-1 if event.key == pygame.K_PAGEUP else 1)
            return
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
            self.undo()
            return
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:  # over a thing: its entry
            ref = self.entry_at(self.mouse)
            self.open_entry(ref) if ref else self.guide()
            return
        elif (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and (panel := self.panel_at(event.pos)) is not None
            and panel.heading_at(event.pos)
            and panel.entry(self.view)
        ):
            self.open_entry(panel.entry(self.view))
            return
        elif (
            event.type == pygame.KEYDOWN
            and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            and self.held is not None
            and not (0 <= self.focus < len(self.controls) and self.controls[self.focus][0].is_enabled)
        ):
            self.done()  # with no ring on a button (the seat tabbed off), Enter is still Done
            return
        super().handle(event)

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        if self.cache is None or self.cache.get_size() != size:
            kept = self.picture is not None and self.picture.get_size() == size and self.drawn_for == self.viewer
            if not kept or not self.gradual:
                self.steps = None  # nothing of this seat's to keep up, or the player's own doing: now
                self._draw_steps(size, None)
            elif self.defer:
                pass  # this frame played the computer's move: the new picture begins in the next
            else:
                self._draw_steps(size, DRAW_BUDGET)
        elif self.steps is None and any(p.dirty for p in self.panels.values()):
            self._redraw_dirty()
        self.defer = False
        surface.blit(self.picture, (0, 0))
        self.draw_scrolled(surface)
        left = self.clock.left() if self.clock is not None else None
        if left is not None and self.geo is not None:
            who = self.match.seats[self.clock.key[0]].name or self.app.rules.factions[self.clock.key[0]].name
            draw_clock(self.app, surface, self.geo.bar, who, left)

    # --- the turn timer --------------------------------------------------------------------------
    def tick(self) -> None:
        """Time the turn of the seat at the screen, where the match has a turn timer: from when the
        seat has the board (after the hand-off, its briefing and the quarter's summary) to Done.
        When the time runs out, the turn ends (:meth:`time_up`)."""
        clock, m = self.clock, self.match
        if clock is None or m.over or self.viewer is None:
            return
        if self.held is None:
            if m.active != self.viewer or not is_human(m, m.active):
                clock.stop()
                return
            top = self.app.scene  # the board, or an event card or a choice of targets over it
            if top is self or (top.part_of_turn and getattr(top, "board", None) is self):
                clock.start((m.active, len(m.record.actions)))
        if clock.run_out():
            self.time_up()

    def time_up(self) -> None:
        """The seat's time ran out: its turn ends with what it has done.  A move held on screen
        stands (Done); an event's open choice takes history's course (its first option); a seat
        that has not moved ends its turn for the quarter.  Any dialog over the board closes."""
        m, seat = self.match, self.viewer
        self.clock.stop()
        while self.app.scene is not self:
            self.app.pop()
        for _ in range(8):  # an answered choice may leave the seat to move again
            if self.held is not None or m.over or m.active != seat:
                break
            legal = m.legal()
            if m.view(seat).pending_choice:
                action = legal[0]
            else:
                action = next((a for a in legal if a.name == end_turn(self.app.rules)), legal[0])
            self.submit(action)
        self.done()
        who = m.seats[seat].name or self.app.rules.factions[seat].name
        message(
            self.app,
            "Time is up",
            f"{who}'s time for the turn ran out: the turn ends with what was done, and play passes on.",
        )

    def _draw_steps(self, size: tuple[int, int], budget: float | None) -> None:
        """Go on drawing the next picture for up to ``budget`` seconds (None: to its end); once it
        is whole it is the picture on screen."""
        if self.steps is None:
            if self.canvas is None or self.canvas.get_size() != size:
                self.canvas = pygame.Surface(size)
            self.steps = layout.board_steps(self, self.canvas)
        start = time.perf_counter()
        for _ in self.steps:
            if budget is not None and time.perf_counter() - start >= budget:
                return
        self.steps = None
        self.picture, self.canvas = self.canvas, self.picture
        self.cache, self.drawn_for, self.gradual = self.picture, self.viewer, False

    def _redraw_dirty(self) -> None:
        """Panels whose own state changed (the chronicle scrolled), drawn again over the picture."""
        shown = self.shown()
        for key, panel in self.panels.items():
            if panel.dirty and panel.rect.w and key in shown:  # not a panel this view lacks
                panel.draw(self.view, self.picture, panel.rect)
                panel.commit(self)
            panel.dirty = False

    def draw_focus(self, surface: pygame.Surface) -> None:
        """Over the widgets: the keyboard focus, the labels of the action buttons that wrap, the
        "thinking" sign over the action bar while the computer moves, then the tooltip of what is
        under the mouse."""
        super().draw_focus(surface)
        for b, _ in self.controls:
            if b.object_ids[-1] == "#action_wrapped" and b.visible:
                colour = theme.WHITE if b.held else theme.BLACK if b.is_enabled else theme.DISABLED_TEXT
                font, lines = layout.label_lines(self.app, b.text, b.rect.w)
                y = b.rect.centery - len(lines) * font.get_linesize() // 2
                for line in lines:
                    img = text.render(font, line, colour)
                    surface.blit(img, (b.rect.centerx - img.get_width() // 2, y))
                    y += font.get_linesize()
        if self.held is None and (
            self.future is not None or (not self.match.over and not is_human(self.match, self.match.active))
        ):
            self._thinking(surface)
        if self.app.scene is self:
            tip = self.tip_at(self.mouse)
            if tip:
                tooltip(self.app, surface, tip, self.mouse)

    def _thinking(self, surface: pygame.Surface) -> None:
        """The "thinking" sign over the action bar while the computer moves (board_overlay)."""
        who = words.faction_says(self.app.rules, self.match.active, "{name} {is} thinking")
        log = self.view.log
        latest = "Latest: " + chronicle.render(self.app.rules, log[-1]) if log else None
        self.sign.draw(self.app, surface, self.geo.bar, who, latest)


def is_human(match, faction: str | None) -> bool:
    return faction is not None and match.seats[faction].is_human
