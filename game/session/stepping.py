"""A match you can step: whose turn, that seat's view, its legal actions, submit, undo, save, load.

The window drives this object one action at a time (the terminal's :func:`game.session.match.play`
is a closed loop).  Seats are human or AI; an AI seat's move can be computed off the caller's
thread (:meth:`Match.think_async`), the caller then submits it.

A save is a replay file (header, seed, action list) plus a ``seats:`` header line; loading replays
every action through the legality check, so a corrupt, truncated, foreign or newer file raises
:class:`SaveError` with ``file:line: message`` and never yields a half-loaded game.
"""

from __future__ import annotations

import copy
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from attrs import frozen

from game.ai.simple import SimpleBot
from game.engine import Action, IllegalActionError, apply_action, legal_actions, new_game, player_view
from game.session.replay import Replay, ReplayError, parse, write_atomic

#: AI levels a seat may name; every level plays the built-in simple bot until stronger bots exist
AI_LEVELS = ("simple",)
HUMAN, AI = "human", "ai"


class SaveError(Exception):
    """A save that cannot be read or does not replay; ``str`` is ``file:line: message``."""


@frozen
class Seat:
    kind: str = AI  # human | ai
    level: str = "simple"
    name: str = ""

    def to_text(self) -> str:
        """``human:Anna`` or ``ai:simple`` (names lose the characters the header uses)."""
        if self.kind == HUMAN:
            return "human:" + "_".join(self.name.replace("=", " ").replace(":", " ").split())
        return f"ai:{self.level}"

    @classmethod
    def parse(cls, text: str) -> Seat:
        kind, _, rest = text.partition(":")
        if kind == HUMAN:
            return cls(HUMAN, "simple", rest.replace("_", " "))
        if kind == AI:
            return cls(AI, rest if rest in AI_LEVELS else "simple", "")
        raise ValueError(f"a seat is 'human:NAME' or 'ai:LEVEL', got {text!r}")


class Match:
    """One game in progress.  Read :attr:`active`, :meth:`view` and :meth:`legal`; act with
    :meth:`submit` or :meth:`ai_move`."""

    def __init__(self, rules, state, seats: dict[str, Seat], record: Replay):
        self.rules, self.state, self.seats, self.record = rules, state, dict(seats), record
        #: (faction, state before, record length before) for each action a human may take back
        self._undo: list[tuple[str, object, int]] = []
        self._bots = {f: SimpleBot.for_game(f, record.seed) for f in state.factions}
        self._pool: ThreadPoolExecutor | None = None

    @classmethod
    def new(cls, rules, scenario: str, seed: int, seats: dict[str, Seat]) -> Match:
        state = new_game(rules, scenario, seed)
        full = {f: seats.get(f, Seat()) for f in state.factions}
        return cls(rules, state, full, Replay(scenario, seed))

    # --- reading -------------------------------------------------------------------------------
    @property
    def active(self) -> str | None:
        return None if self.over else self.state.active

    @property
    def over(self) -> bool:
        return self.state.outcome is not None

    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def scenario(self) -> str:
        return self.record.scenario

    @property
    def seed(self) -> int:
        return self.record.seed

    def humans(self) -> list[str]:
        return [f for f, s in self.seats.items() if s.kind == HUMAN]

    def is_human(self, faction: str | None) -> bool:
        return faction is not None and self.seats.get(faction, Seat()).kind == HUMAN

    def view(self, faction: str | None) -> dict:
        """What ``faction`` may see (None: the public view), as a copy that shares nothing with
        the game."""
        return copy.deepcopy(player_view(self.state, self.rules, faction))

    def legal(self) -> tuple[Action, ...]:
        return legal_actions(self.state, self.rules)

    # --- acting --------------------------------------------------------------------------------
    def submit(self, action: Action) -> None:
        """Apply a legal action of the active seat (IllegalActionError otherwise)."""
        before = self.state
        after = apply_action(before, self.rules, action)
        self.record.actions.append(action)
        self.state = after
        if self._reveals(before, after):
            self._undo.clear()
        elif self.is_human(action.faction):
            if self._undo and self._undo[-1][0] != action.faction:
                self._undo.clear()  # never take back another player's move
            self._undo.append((action.faction, before, len(self.record.actions) - 1))

    @staticmethod
    def _reveals(before, after) -> bool:
        """True when undoing would take back something a player has learnt: a random draw, a vote,
        a new quarter, an event's choice, or the end of the game."""
        return (
            after.rng != before.rng
            or after.turn != before.turn
            or after.phase != before.phase
            or after.outcome is not None
            or len(after.votes) != len(before.votes)
        )

    def can_undo(self) -> bool:
        """The active human seat may take back its last action (and the computer's replies to it)
        while no die was rolled, no vote held, and no other player moved since."""
        return bool(self._undo) and self._undo[-1][0] == self.active and self.is_human(self.active)

    def undo(self) -> None:
        if not self.can_undo():
            raise IllegalActionError("nothing to undo")
        _faction, self.state, length = self._undo.pop()
        del self.record.actions[length:]

    def ai_choice(self) -> tuple[Action, str]:
        """The active AI seat's move and its reason (not applied)."""
        faction = self.active
        return self._bots[faction].choose(self.view(faction), self.legal(), self.rules)

    def ai_move(self) -> tuple[Action, str]:
        action, reason = self.ai_choice()
        self.submit(action)
        return action, reason

    def think_async(self) -> Future:
        """The active AI seat's :meth:`ai_choice`, computed on a worker thread.  Submit the result
        only while :attr:`active` and :attr:`turn` are what they were when asked."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ai")
        return self._pool.submit(self.ai_choice)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    # --- saving --------------------------------------------------------------------------------
    def to_text(self) -> str:
        lines = self.record.to_text().split("\n")
        seats = " ".join(f"{f}={s.to_text()}" for f, s in self.seats.items())
        at = lines.index("actions:")
        return "\n".join(lines[:at] + [f"seats: {seats}"] + lines[at:])

    def save(self, path: Path) -> None:
        """Write the save atomically (a temporary file, then a rename)."""
        write_atomic(Path(path), self.to_text())

    @classmethod
    def load(cls, path: Path, rules) -> Match:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SaveError(f"{path}:1: cannot read this file ({exc.__class__.__name__})") from None
        return cls.from_text(text, rules, str(path))

    @classmethod
    def from_text(cls, text: str, rules, name: str = "<save>") -> Match:
        try:
            record = parse(text, name)
        except ReplayError as exc:
            raise SaveError(str(exc)) from None
        if record.scenario not in rules.scenarios:
            raise SaveError(f"{name}:3: this save is of a scenario these rules do not have: {record.scenario!r}")
        seats, seats_line = _seats_of(text, name)
        state = new_game(rules, record.scenario, record.seed)
        for faction in seats:
            if faction not in state.factions:
                raise SaveError(f"{name}:{seats_line}: unknown faction {faction!r} in 'seats:'")
        match = cls(
            rules, state, {f: seats.get(f, Seat()) for f in state.factions}, Replay(record.scenario, record.seed)
        )
        lines = record.action_lines or [0] * len(record.actions)
        for action, line in zip(record.actions, lines, strict=True):
            try:
                match.submit(action)
            except IllegalActionError as exc:
                raise SaveError(f"{name}:{line}: {exc}") from None
        match._undo.clear()
        return match


def _seats_of(text: str, name: str) -> tuple[dict[str, Seat], int]:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip() == "actions:":
            break
        if line.startswith("seats:"):
            seats = {}
            for item in line.partition(":")[2].split():
                faction, _, seat = item.partition("=")
                try:
                    seats[faction] = Seat.parse(seat)
                except ValueError as exc:
                    raise SaveError(f"{name}:{number}: {exc}") from None
            return seats, number
    return {}, 0
