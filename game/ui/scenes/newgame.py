"""A new game: the scenario, who plays each faction (human or AI, with a level), players' names,
and the seed (random by default, shown and editable).  The last choices (scenario, mods, seats,
levels, names) are kept in the settings and offered again."""

from __future__ import annotations

import secrets

import attrs
import pygame
import pygame_gui

from game.ruleset import load
from game.ruleset.loader import errors
from game.ruleset.mods import list_mods
from game.session.explain import scenario_factions, scenario_span
from game.session.session import AI, HUMAN, LEVELS, Match, Seat
from game.session.terminal import scenario_order
from game.ui import draw, text, theme
from game.ui import settings as settings_mod
from game.ui.app import Scene
from game.ui.scenes.dialog import escape, message

MAX_SEED_DIGITS = 18
#: the computer's levels a player may choose here ("wait", a seat that only ends its turns, is for
#: measuring the others from the command line)
WINDOW_LEVELS = tuple(level for level in LEVELS if level != "wait")


def fresh_seed() -> int:
    return 1 + secrets.randbelow(999_999)


class NewGameScene(Scene):
    def __init__(self, app):
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

    def build(self) -> None:
        rules = self.rules
        w, h = self.app.size
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(24).get_linesize() + 28
        bh = int(34 * s)
        lw = int(w * 0.30)
        for i, sid in enumerate(self.ids):
            sc = rules.scenarios[sid]
            label = text.fit(self.app.fonts.bold(18), ("● " if sid == self.scenario else "") + sc.name, lw - 20)
            self.button(
                (16, top + i * (bh + 6), lw, bh), label, self._scenario(sid), f"{sc.kind}, {scenario_span(rules, sid)}"
            )
        # the mods, under the scenarios: each a switch that lays it over the rules
        self.mods_y = top + len(self.ids) * (bh + 6) + 8
        my = self.mods_y + self.app.fonts.bold(16).get_linesize() + 4
        for mid, name, version, description in self.mods:
            on = mid in self.chosen
            label = text.fit(self.app.fonts.bold(18), ("✓ " if on else "") + f"{name} {version}", lw - 20)
            self.button(
                (16, my, lw, bh),
                label,
                self._mod(mid),
                f"{'Laid over the rules' if on else 'Not in use'}: {description or name} (press to change)",
            )
            my += bh + 6
        x = lw + 32
        rw = w - x - 16
        details_h = int(h * 0.30)
        self.textbox((x, top, rw, details_h), self.details())
        y = top + details_h + 12
        self.rows_top = y
        if self.kinds == {}:
            first = True
        else:
            first = False
        for fid in self.factions():
            if first and not any(k == HUMAN for k in self.kinds.values()):
                self.kinds[fid] = HUMAN
                first = False
            kind = self.kinds.setdefault(fid, AI)
            label = "Human" if kind == HUMAN else f"AI ({self.levels.get(fid, WINDOW_LEVELS[0])})"
            name_x = x + int(rw * 0.45)
            self.button(
                (name_x, y, int(rw * 0.22), bh),
                label,
                self._toggle(fid),
                f"Who leads {rules.factions[fid].name}: a person at this screen, or the computer at one of the levels "
                f"{', '.join(WINDOW_LEVELS)} (press to change)",
            )
            entry = self.typed(
                pygame_gui.elements.UITextEntryLine(
                    pygame.Rect(name_x + int(rw * 0.22) + 8, y, rw - int(rw * 0.45) - int(rw * 0.22) - 8, bh),
                    self.app.manager,
                    placeholder_text=text.gui("player's name"),
                )
            )
            entry.set_text_length_limit(24)
            entry.set_text(self.names.get(fid, ""))
            if kind != HUMAN:
                entry.disable()
            self.entries[fid] = entry
            y += bh + 6
        y += 8
        self.seed_y = y
        self.seed_entry = self.typed(
            pygame_gui.elements.UITextEntryLine(
                pygame.Rect(x + int(rw * 0.45), y, int(rw * 0.22), bh), self.app.manager
            )
        )
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text_length_limit(MAX_SEED_DIGITS)
        self.seed_entry.set_text(self.seed)
        self.button(
            (x + int(rw * 0.67) + 8, y, rw - int(rw * 0.67) - 8, bh),
            "New random seed",
            self._reseed,
            "The same scenario, seed and moves always give the same game",
        )
        bw = int(220 * min(s, 1.5))
        self.button((w - 16 - bw, h - bh - 16, bw, bh), "Start the game", self.start, "Begin (Enter)")
        self.button((w - 32 - 2 * bw, h - bh - 16, bw, bh), "Back", self.back)
        self.focus = len(self.controls) - 2

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
        self.seed_entry.set_text(self.seed)

    def _keep(self) -> None:
        for fid, entry in self.entries.items():
            self.names[fid] = entry.get_text()
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
        from game.ui.scenes.board import start_match

        self._remember()
        self.app.rules = self.rules  # the board and the encyclopedia read the rules of this game
        start_match(self.app, Match.new(self.rules, self.scenario, int(seed_text), seats), new=True)

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.PAPER)
        draw.band(surface, self.app, "NEW GAME", "Tab moves · Enter presses · Esc back")
        rules = self.rules
        w = surface.get_width()
        x = int(w * 0.30) + 32
        bh = int(34 * self.app.settings.font_scale)
        font = self.app.fonts.bold(16)
        y = self.rows_top
        for fid in self.factions():
            draw.badge(surface, self.app, fid, (x + bh // 2, y + bh // 2), bh - 4)
            name = text.fit(font, rules.factions[fid].name, int((w - x - 16) * 0.45) - bh - 16)
            surface.blit(text.render(font, name, theme.BLACK), (x + bh + 6, y + (bh - font.get_linesize()) // 2))
            y += bh + 6
        surface.blit(
            text.render(font, "Seed", theme.BLACK), (x + bh + 6, self.seed_y + (bh - font.get_linesize()) // 2)
        )
        if self.mods:
            label = f"Mods ({len(self.chosen)} in use)" if self.chosen else "Mods (none in use)"
            surface.blit(
                text.render(self.app.fonts.bold(16), text.fit(self.app.fonts.bold(16), label, x - 48), theme.BLACK),
                (16, self.mods_y),
            )
