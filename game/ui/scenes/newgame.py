"""A new game: the scenario, who plays each faction (human or AI, with a level), players' names,
and the seed (random by default, shown and editable), and for a lesson whether history's results
stay hidden until the end and how long each turn may take.  The last choices (scenario, mods, seats,
levels, names) are kept in the settings and offered again.  Opened from a teacher's preset, the
screen shows the preset's choices, and where the preset is locked nothing can be changed but
started.

This module is longer than the house's 500 lines on purpose: it is the new-game screen's one state
(its pages, the seats, the mods, a preset's choices and locks), clearer read whole.
"""

from __future__ import annotations

import secrets

import attrs
import pygame
import pygame_gui

from game.match.match import AI, HUMAN, LEVELS, Match, Options, Seat
from game.match.presets import Preset, seats_for
from game.present.explain import scenario_factions, scenario_span
from game.present.lesson import preset_text, timer_text
from game.present.phrases import scenario_order
from game.ruleset.loader import errors, load
from game.ruleset.mods import list_mods
from game.ui import draw, text, theme
from game.ui import settings as settings_mod
from game.ui.scene import Scene
from game.ui.scenes.dialog import band_hint, button_need, draw_wrapped, escape, message, wrapped_button, wrapped_height

MAX_SEED_DIGITS = 18
#: the computer's levels a player may choose here ("wait", a seat that only ends its turns, is for
#: measuring the others from the command line)
WINDOW_LEVELS = tuple(level for level in LEVELS if level != "wait")
#: the turn timers the screen offers (seconds; None: no timer); a preset may give any other
TIMERS = (None, 120, 180, 240, 300, 480)


def fresh_seed() -> int:
    return 1 + secrets.randbelow(999_999)


class NewGameScene(Scene):
    #: history's results hidden until the end, and each human seat's time for a turn (seconds)
    hide_history = False
    turn_seconds: int | None = None
    #: the teacher's preset the screen was opened from, if any
    preset: Preset | None = None

    def __init__(self, app, preset: Preset | None = None, preset_rules=None):
        super().__init__(app)
        self.base = app.base_rules  # the rules without mods, whatever the last game was played with
        self.mods = list_mods()  # (id, name, version, description) of every mod installed
        self.chosen: list[str] = []
        self.rules = self.base
        self.ids = scenario_order(self.rules)
        self.scenario = next((i for i in self.ids if self.rules.scenarios[i].kind == "classroom"), self.ids[0])
        self.kinds: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.seed = str(fresh_seed())
        self.entries: dict[str, pygame_gui.elements.UITextEntryLine] = {}
        self._recall(app.settings.new_game)
        if preset is not None:
            self._apply(preset, preset_rules)

    @property
    def locked(self) -> bool:
        return self.preset is not None and self.preset.locked

    def _apply(self, preset: Preset, rules) -> None:
        """Take every choice from the preset (already checked against ``rules``, its mods laid)."""
        self.preset, self.rules = preset, rules
        self.chosen = list(preset.mods)
        self.ids = scenario_order(rules)
        self.scenario = preset.scenario
        seats = seats_for(preset, self.factions())
        self.kinds = {f: s.kind for f, s in seats.items()}
        self.levels = {f: s.level for f, s in seats.items() if not s.is_human}
        self.names = {f: s.name for f, s in seats.items() if s.is_human}
        if preset.seed is not None:
            self.seed = str(preset.seed)
        self.hide_history, self.turn_seconds = preset.hide_history, preset.turn_seconds

    def as_preset(self) -> Preset:
        """The screen's choices as a preset (for Save as preset)."""
        self._keep()
        seed = self.seed.strip()
        return Preset(
            scenario=self.scenario,
            seats=self.seats(),
            seed=int(seed) if seed.isascii() and seed.isdigit() else None,
            mods=tuple(self.chosen),
            title=self.preset.title if self.preset else "",
            locked=self.locked,
            hide_history=self.hide_history,
            turn_seconds=self.turn_seconds,
        )

    def _recall(self, last: dict) -> None:
        """Offer the last game's choices again, as far as they still fit (a mod removed since, a
        scenario or faction gone: those parts are left out)."""
        mods = last.get("mods")
        if isinstance(mods, list) and mods and all(m in {i[0] for i in self.mods} for m in mods):
            rules, problems = load(mods)
            if rules is not None and not errors(problems):
                self.chosen, self.rules, self.ids = list(mods), rules, scenario_order(rules)
        if last.get("scenario") in self.ids:
            self.scenario = last["scenario"]
        self.hide_history = last.get("hide_history") is True
        self.turn_seconds = last.get("turn_seconds") if last.get("turn_seconds") in TIMERS else None
        seats = last.get("seats")
        if not isinstance(seats, dict):
            return
        for fid in self.factions():
            seat = seats.get(fid)
            if not isinstance(seat, dict):
                continue
            if seat.get("kind") in (HUMAN, AI):
                self.kinds[fid] = seat["kind"]
            if seat.get("level") in WINDOW_LEVELS:
                self.levels[fid] = seat["level"]
            if isinstance(seat.get("name"), str):
                self.names[fid] = seat["name"][:24]

    def _remember(self) -> None:
        """Keep this game's choices for the next new game (a settings file that cannot be written
        only loses them)."""
        last = {
            "scenario": self.scenario,
            "mods": list(self.chosen),
            "hide_history": self.hide_history,
            "turn_seconds": self.turn_seconds,
            "seats": {
                fid: {
                    "kind": self.kinds.get(fid, AI),
                    "level": self.levels.get(fid, WINDOW_LEVELS[0]),
                    "name": self.names.get(fid, ""),
                }
                for fid in self.factions()
            },
        }
        self.app.settings = attrs.evolve(self.app.settings, new_game=last)
        try:
            settings_mod.save(self.app.settings, self.app.config_path)
        except OSError:
            pass

    def factions(self) -> tuple[str, ...]:
        return scenario_factions(self.rules, self.scenario)

    # --- layout ------------------------------------------------------------------------------
    #: the screen's page where the window is too small for everything at once ("scenario" or
    #: "players"); None where it is not
    step: str | None = None
    #: the page of the list of scenarios and mods on show (None: the chosen scenario's)
    list_page: int | None = None

    def _bh(self) -> int:
        return int(34 * self.app.settings.font_scale)

    def _top(self) -> int:
        return self.app.fonts.heading(24).get_linesize() + 28

    def _list_width(self) -> int:
        w, s = self.app.size[0], self.app.settings.font_scale
        return int(w * (0.30 if w / s >= 1200 else 0.38))

    def _seat_rows(self, x: int, width: int) -> list[tuple[str, int, list[str]]]:
        """(faction, row height, its name's lines) of each seat, in ``width`` pixels from ``x``."""
        bh, font = self._bh(), self.app.fonts.bold(16)
        out = []
        for fid in self.factions():
            lines = text.wrap(font, self.rules.factions[fid].name, int(width * 0.45) - bh - 12)
            out.append((fid, max(bh, len(lines) * font.get_linesize() + 4), lines))
        return out

    def _players_height(self, width: int) -> int:
        bh = self._bh()
        rows = sum(h + 6 for _, h, _ in self._seat_rows(0, width))
        return rows + 8 + 2 * bh + 16 + bh + 16 + self._options_height(width) + 8

    def _option_labels(self) -> tuple[str, str, str]:
        history = "History: hidden until the end" if self.hide_history else "History: shown"
        timer = f"Turn timer: {timer_text(self.turn_seconds)}" if self.turn_seconds else "Turn timer: none"
        return history, timer, "Save as preset…"

    def _options_height(self, width: int) -> int:
        """The row of the lesson's options under the seed: three buttons side by side, wrapped."""
        each = (width - 16) // 3
        return max(wrapped_height(self.app, label, each, self._bh()) for label in self._option_labels())

    def pages(self) -> int:
        """How many pages the list of scenarios and mods takes."""
        return len(self._list_pages())

    def next_page(self) -> None:
        self._turn(1)()

    def _list_items(self, width: int) -> list[tuple[str, str, int]]:
        """(kind, id, height) of each row of the list: the scenarios, the mods' heading, the mods."""
        bh = self._bh()
        out = [("scenario", sid, wrapped_height(self.app, self._scenario_label(sid), width, bh)) for sid in self.ids]
        if self.mods:
            font = self.app.fonts.bold(16)
            out.append(("heading", "", len(self._mods_heading(width)) * font.get_linesize() + 8))
            out += [("mod", m[0], wrapped_height(self.app, self._mod_label(m), width, bh)) for m in self.mods]
        return out

    def _list_pages(self) -> list[list[tuple[str, str, int]]]:
        """The list cut into pages that fit the room left of the details (a row for ◀ ▶ kept at
        the bottom where there is more than one page)."""
        w, h = self.app.size
        bh = self._bh()
        items = self._list_items(self._list_width())
        room = h - self._top() - bh - 16 - 10  # down to the row of the buttons at the bottom
        if sum(i[2] + 6 for i in items) <= room:
            return [items]
        pages, page, used = [], [], 0
        for item in items:
            if page and used + item[2] + 6 > room:
                pages.append(page)
                page, used = [], 0
            page.append(item)
            used += item[2] + 6
        return [*pages, page] if page else pages

    def _mods_heading(self, width: int) -> list[str]:
        label = f"Mods ({len(self.chosen)} in use)" if self.chosen else "Mods (none in use)"
        return text.wrap(self.app.fonts.bold(16), label, width)

    def _scenario_label(self, sid: str) -> str:
        return ("● " if sid == self.scenario else "") + self.rules.scenarios[sid].name

    def _mod_label(self, mod) -> str:
        mid, name, version, _ = mod
        return ("✓ " if mid in self.chosen else "") + f"{name} {version}"

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        top, bh = self._top(), self._bh()
        self.entries, self.seed_entry = {}, None
        lw = self._list_width()
        x, rw = lw + 32, w - lw - 48
        # too little room for the details and the seats side by side with the list: two pages
        cramped = top + int(h * 0.2) + self._players_height(rw) > h
        if not cramped:
            self.step = None
        elif self.step is None:
            self.step = "scenario"
        self.seat_layout, self.mods_y, self.rows_top, self.seed_y = [], None, None, None
        bw = max(int(220 * min(s, 1.5)), *(button_need(self.app, b) for b in ("Start the game", "◀ Scenario")))
        bottom_y = h - bh - 16
        if self.step != "players":
            self._build_list(top, lw, bottom_y)
        if self.step is None:
            details_h = h - top - 12 - self._players_height(rw)  # the room the seats leave
            self.textbox((x, top, rw, details_h), self.details())
            self._build_seats(x, top + details_h + 12, rw)
        elif self.step == "scenario":
            self.textbox((x, top, rw, bottom_y - 16 - top), self.details())
        else:
            self._build_seats(16, top, w - 32)
        if self.step == "scenario":
            tip = "Who plays each faction, and the seed (Enter)"
            self.button((w - 16 - bw, bottom_y, bw, bh), "Players ▶", self._to("players"), tip)
        else:
            self.button((w - 16 - bw, bottom_y, bw, bh), "Start the game", self.start, "Begin (Enter)")
        self.button((w - 32 - 2 * bw, bottom_y, bw, bh), "Back", self.back)
        if self.step == "players":
            tip = "Back to the choice of scenario and mods"
            self.button((w - 48 - 3 * bw, bottom_y, bw, bh), "◀ Scenario", self._to("scenario"), tip)
        self.focus = len(self.controls) - (3 if self.step == "players" else 2)

    def _build_list(self, top: int, lw: int, bottom_y: int) -> None:
        """The scenarios, then the mods, each a button with its whole name (wrapped), page by page
        where they are more than the window holds."""
        rules, bh = self.rules, self._bh()
        pages = self._list_pages()
        if self.list_page is None or not 0 <= self.list_page < len(pages):
            self.list_page = next(
                (n for n, p in enumerate(pages) if ("scenario", self.scenario) in [i[:2] for i in p]), 0
            )
        y = top
        mods = {m[0]: m for m in self.mods}
        for kind, key, height in pages[self.list_page]:
            if kind == "scenario":
                sc = rules.scenarios[key]
                tip = f"{sc.name}: {sc.kind}, {scenario_span(rules, key)}"
                wrapped_button(
                    self, (16, y, lw, height), self._scenario_label(key), self._scenario(key), tip, not self.locked
                )
            elif kind == "heading":
                self.mods_y = y + 4
            else:
                mid, name, version, description = mods[key]
                on = mid in self.chosen
                tip = f"{name} {version} — {'laid over the rules' if on else 'not in use'}: {description or name} (press to change)"
                wrapped_button(
                    self, (16, y, lw, height), self._mod_label(mods[key]), self._mod(mid), tip, not self.locked
                )
            y += height + 6
        if len(pages) > 1:
            half = (lw - 10) // 2
            for k, (label, step) in enumerate((("◀ Earlier", -1), ("More ▶", 1))):
                tip = f"Page {self.list_page + 1} of {len(pages)} of the scenarios and mods"
                b = wrapped_button(self, (16 + k * (half + 10), bottom_y, half, bh), label, self._turn(step), tip)
                if not 0 <= self.list_page + step < len(pages):
                    b.disable()

    def _build_seats(self, x: int, y: int, rw: int) -> None:
        """Each faction's row (its name, human or the computer's level, the player's name), then the seed."""
        rules, bh = self.rules, self._bh()
        self.rows_top = y
        first = self.kinds == {}
        labels = ["Human", *(f"AI ({level})" for level in WINDOW_LEVELS)]
        toggle_w = max(int(rw * 0.22), *(button_need(self.app, label) for label in labels))
        name_x = x + int(rw * 0.45)
        for fid, height, lines in self._seat_rows(x, rw):
            if first and not any(k == HUMAN for k in self.kinds.values()):
                self.kinds[fid] = HUMAN
                first = False
            kind = self.kinds.setdefault(fid, AI)
            label = "Human" if kind == HUMAN else f"AI ({self.levels.get(fid, WINDOW_LEVELS[0])})"
            self.seat_layout.append((fid, pygame.Rect(x, y, name_x - x, height), lines))
            self.button(
                (name_x, y, toggle_w, bh),
                label,
                self._toggle(fid),
                f"Who leads {rules.factions[fid].name}: a person at this screen, or the computer at one of the levels "
                f"{', '.join(WINDOW_LEVELS)} (press to change)",
                enabled=not self.locked,
            )
            entry = self.typed(
                pygame_gui.elements.UITextEntryLine(
                    pygame.Rect(name_x + toggle_w + 8, y, x + rw - name_x - toggle_w - 8, bh),
                    self.app.manager,
                    placeholder_text=text.gui("player's name"),
                )
            )
            entry.set_text_length_limit(24)
            entry.set_text(self.names.get(fid, ""))
            if kind != HUMAN or self.locked:
                entry.disable()
            self.entries[fid] = entry
            y += height + 6
        y += 8
        self.seed_y = y
        self.seed_entry = self.typed(
            pygame_gui.elements.UITextEntryLine(pygame.Rect(name_x, y, toggle_w, bh), self.app.manager)
        )
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text_length_limit(MAX_SEED_DIGITS)
        self.seed_entry.set_text(self.seed)
        if self.locked:
            self.seed_entry.disable()
        reseed_x = name_x + toggle_w + 8
        reseed_h = wrapped_height(self.app, "New random seed", x + rw - reseed_x, bh)
        wrapped_button(
            self,
            (reseed_x, y, x + rw - reseed_x, reseed_h),
            "New random seed",
            self._reseed,
            "The same scenario, seed and moves always give the same game",
            not self.locked,
        )
        self._build_options(x, y + max(bh, reseed_h) + 8, rw)

    def _build_options(self, x: int, y: int, rw: int) -> None:
        """The lesson's options in a row: history hidden or shown, the turn timer, save as preset."""
        each = (rw - 16) // 3
        high = self._options_height(rw)
        history, timer, save = self._option_labels()
        tips = (
            "Whether each team sees history's result for its faction before the game ends (press to change)",
            "How long each team has for its turn, from the hand-off to Done; when it runs out the turn ends "
            "with what was done (press to change)",
            "Keep these choices in a preset file to hand out or open from the main menu",
        )
        for k, (label, callback) in enumerate(((history, self._history), (timer, self._timer), (save, self._save))):
            enabled = k == 2 or not self.locked
            wrapped_button(self, (x + k * (each + 8), y, each, high), label, callback, tips[k], enabled)

    def _history(self) -> None:
        self._keep()
        self.hide_history = not self.hide_history
        self._rebuild_keeping_focus()

    def _timer(self) -> None:
        self._keep()
        i = TIMERS.index(self.turn_seconds) + 1 if self.turn_seconds in TIMERS else 0
        self.turn_seconds = TIMERS[i % len(TIMERS)]
        self._rebuild_keeping_focus()

    def _save(self) -> None:
        self.app.push_scene("save_preset", self.as_preset())

    def _rebuild_keeping_focus(self) -> None:
        focus = self.focus
        self.rebuild()
        self.focus = focus

    def _to(self, step: str):
        def go():
            self._keep()
            self.step = step
            self.rebuild()
            self.focus = len(self.controls) - (3 if step == "players" else 2)

        return go

    def _turn(self, step: int):
        def turn():
            pages = self.pages()
            if 0 <= self.list_page + step < pages:
                self._keep()
                self.list_page += step
                self.rebuild()

        return turn

    def draw_focus(self, surface: pygame.Surface) -> None:
        draw_wrapped(self, surface)
        super().draw_focus(surface)

    def details(self) -> str:
        rules = self.rules
        sc = rules.scenarios[self.scenario]
        parts = [
            f"<b>{escape(sc.name)}</b>",
            f"<i>{escape(sc.kind)} · {escape(scenario_span(rules, self.scenario))}</i>",
            escape(" ".join(sc.summary.split())),
        ]
        if sc.premise:
            parts.append("<b>What if:</b> " + escape(" ".join(sc.premise.split())))
        if self.preset is not None:
            title = self.preset.title or "a teacher's preset"
            how = "locked: start it as it is" if self.locked else "change what you like before starting"
            parts.append(f"<b>Preset: {escape(title)}</b> — {escape(preset_text(self.preset, rules))} ({how})")
        return "<br>".join(parts)

    def _scenario(self, sid: str):
        def pick():
            self._keep()
            self.scenario = sid
            self.rebuild()

        return pick

    def _mod(self, mid: str):
        def toggle():
            self._keep()
            chosen = [m for m in self.chosen if m != mid] if mid in self.chosen else [*self.chosen, mid]
            rules, problems = load(chosen) if chosen else (self.base, [])
            if rules is None or errors(problems):
                shown = "<br>".join(escape(str(p)) for p in errors(problems)[:3])
                message(self.app, "This mod cannot be used", f"The rules with it have errors:<br>{shown}")
                return
            self.chosen, self.rules = chosen, rules
            self.ids = scenario_order(rules)
            if self.scenario not in rules.scenarios:
                self.scenario = self.ids[0]
            self.kinds = {f: k for f, k in self.kinds.items() if f in self.factions()}
            focus = self.focus
            self.rebuild()
            self.focus = focus

        return toggle

    def _toggle(self, fid: str):
        def toggle():
            self._keep()
            # Human → AI at each level in turn → Human
            if self.kinds.get(fid) == HUMAN:
                self.kinds[fid], self.levels[fid] = AI, WINDOW_LEVELS[0]
            else:
                level = self.levels.get(fid, WINDOW_LEVELS[0])
                i = WINDOW_LEVELS.index(level) + 1 if level in WINDOW_LEVELS else 0
                if i < len(WINDOW_LEVELS):
                    self.levels[fid] = WINDOW_LEVELS[i]
                else:
                    self.kinds[fid] = HUMAN
            focus = self.focus
            self.rebuild()
            self.focus = focus

        return toggle

    def _reseed(self) -> None:
        self.seed = str(fresh_seed())
        if self.seed_entry is not None:
            self.seed_entry.set_text(self.seed)

    def _keep(self) -> None:
        for fid, entry in self.entries.items():
            self.names[fid] = entry.get_text()
        if self.seed_entry is not None:  # on the page of the scenario, the seed is as last typed
            self.seed = self.seed_entry.get_text()

    def seats(self) -> dict[str, Seat]:
        self._keep()
        rules = self.rules
        return {
            fid: Seat(HUMAN, "simple", self.names.get(fid, "").strip() or rules.factions[fid].name)
            if self.kinds.get(fid) == HUMAN
            else Seat(AI, self.levels.get(fid, WINDOW_LEVELS[0]), "")
            for fid in self.factions()
        }

    def start(self) -> None:
        seats = self.seats()
        seed_text = self.seed.strip()
        if not (seed_text.isascii() and seed_text.isdigit()):
            message(
                self.app,
                "The seed",
                "A seed is a whole number written with the digits 0-9; press 'New random seed' for a fresh one.",
            )
            return
        if not any(s.kind == HUMAN for s in seats.values()):
            message(self.app, "No player", "Make at least one faction Human: the computer plays the others.")
            return
        self._remember()
        self.app.rules = self.rules  # the board and the encyclopedia read the rules of this game
        title = self.preset.title if self.preset is not None else ""
        options = Options(title, self.hide_history, self.turn_seconds)
        match = Match.new(self.rules, self.scenario, int(seed_text), seats, options=options)
        self.app.start_match(match, new=True)

    def back(self) -> None:
        """Escape: from the page of the players to the page of the scenario, else away."""
        if self.step == "players":
            self._to("scenario")()
        else:
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.PAPER)
        title = {None: "NEW GAME", "scenario": "NEW GAME · THE SCENARIO", "players": "NEW GAME · THE PLAYERS"}
        hint = band_hint(self.app, title[self.step], "Tab moves · Enter presses · Esc back", "Esc back")
        draw.band(surface, self.app, title[self.step], hint)
        bh = self._bh()
        font = self.app.fonts.bold(16)
        for fid, r, lines in self.seat_layout:
            draw.badge(surface, self.app, fid, (r.x + bh // 2, r.y + bh // 2), bh - 4)
            y = r.y + (r.h - len(lines) * font.get_linesize()) // 2
            text.blit_lines(surface, font, lines, (r.x + bh + 6, y), theme.BLACK)
        if self.seed_y is not None:
            x = self.seat_layout[0][1].x if self.seat_layout else 16
            surface.blit(
                text.render(font, "Seed", theme.BLACK), (x + bh + 6, self.seed_y + (bh - font.get_linesize()) // 2)
            )
        if self.mods_y is not None:
            text.blit_lines(surface, font, self._mods_heading(self._list_width()), (16, self.mods_y), theme.BLACK)
