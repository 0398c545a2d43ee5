"""A match you can step: whose turn, that seat's view, its legal actions, submit, undo, save, load.

The terminal, the window and the bots all drive the same :class:`Match`.  A match holds the game
state, the seats (human or bot, with a difficulty and a name), the bots of the bot seats and the
record of every action, which is what a save is made of: loading replays the record through the
legality check, so a bad save fails loudly instead of loading a corrupt game.  A match has no
threads: a bot seat's choice is made in the caller (:meth:`Match.think`, :meth:`Match.ai_move`);
the window has it made apart through :class:`game.match.driver.Driver`.

>>> from game.ruleset.loader import load_base
>>> rules = load_base()
>>> m = Match.new(rules, "crisis_1923", seed=3, seats={"trotsky": Seat("human", name="Ann")})
>>> m.seat(m.active).kind in ("human", "ai"), m.over
(True, False)
>>> action, reason = m.think() if m.seat(m.active).kind == "ai" else (m.legal()[0], "")
>>> entries = m.submit(action)
>>> len(m.record.actions)
1
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import define, evolve, field, frozen

from game.ai import LEVELS as BOT_LEVELS
from game.ai import make_bot
from game.engine import Action, IllegalActionError, apply_action, legal_actions, new_game, player_view
from game.engine.state import State
from game.engine.views import LogView, View, frozen_map
from game.match.replay import Replay

HUMAN, AI = "human", "ai"
SEAT_KINDS = (HUMAN, AI)
#: the difficulty levels a bot seat may have: every level :func:`game.ai.make_bot` knows
LEVELS = tuple(BOT_LEVELS)


class SeatError(ValueError):
    """A seat that cannot be filled: an unknown kind, level or faction."""


@frozen
class Seat:
    """Who plays a faction: a person at this computer, or a bot of a difficulty level."""

    kind: str = AI
    level: str = "simple"
    name: str = ""

    def __attrs_post_init__(self):
        if self.kind not in SEAT_KINDS:
            raise SeatError(f"a seat is 'human' or 'ai', not {self.kind!r}")
        if self.level not in LEVELS:
            raise SeatError(f"difficulty is one of {', '.join(LEVELS)}, not {self.level!r}")

    @property
    def is_human(self) -> bool:
        return self.kind == HUMAN


@frozen
class Options:
    """How a classroom runs a match, from a teacher's preset (:mod:`game.match.presets`): its title,
    whether history's results stay hidden until the end, and the time each seat has for a turn.
    None of it changes the game; a save keeps it, so a loaded game runs as it began."""

    title: str = ""
    #: history's results for each faction and the "In history" texts shown only once the game is over
    hide_history: bool = False
    #: seconds a human seat has for its turn, from the hand-off to Done (None: no limit)
    turn_seconds: int | None = None

    def to_data(self) -> dict:
        return {"title": self.title, "hide_history": self.hide_history, "turn_seconds": self.turn_seconds}

    @classmethod
    def from_data(cls, data) -> Options:
        """Options read back from a save; anything malformed is left at its default."""
        if not isinstance(data, dict):
            return cls()
        title = data.get("title")
        seconds = data.get("turn_seconds")
        return cls(
            title=title[:80] if isinstance(title, str) else "",
            hide_history=data.get("hide_history") is True,
            turn_seconds=seconds
            if isinstance(seconds, int) and not isinstance(seconds, bool) and seconds > 0
            else None,
        )


@frozen
class AiMove:
    """What a bot did and why, and what the log said about it."""

    action: Action
    reason: str
    entries: tuple[LogView, ...] = ()


@define
class _Step:
    """One undoable action: the state before it and who took it."""

    faction: str
    before: State


@define(eq=False)
class Match:
    rules: object
    scenario: str
    seed: int
    seats: dict[str, Seat]
    state: State
    record: Replay
    bots: dict[str, object] = field(factory=dict)
    mods: tuple[str, ...] = ()
    #: called with the match after each action that closed a quarter or ended the game
    on_turn_end: Callable[[Match], None] | None = None
    #: why each computer seat moved: (index of the action in the record, date, faction, reason);
    #: kept for showing after the game and written in saves
    reasons: list[tuple[int, str, str, str]] = field(factory=list)
    #: the teacher's options for this match (hidden history, a turn timer), from a preset
    options: Options = field(factory=Options)
    _undo: list[_Step] = field(factory=list)
    #: called with the match after each move and each undo (a driver drops a thought about a
    #: position the match has left)
    watchers: list[Callable[[Match], None]] = field(factory=list)
    _views: tuple[State | None, dict] = (None, {})

    # --- making a match ------------------------------------------------------------------------

    @classmethod
    def new(
        cls,
        rules,
        scenario: str,
        seed: int,
        seats: dict[str, Seat] | None = None,
        mods: tuple[str, ...] | list[str] = (),
        options: Options | None = None,
    ) -> Match:
        """A fresh game.  Factions without a seat are played by the simple bot."""
        if scenario not in rules.scenarios:
            raise SeatError(f"unknown scenario {scenario!r}; one of: {', '.join(rules.scenarios)}")
        state = new_game(rules, scenario, seed)
        seats = dict(seats or {})
        unknown = [f for f in seats if f not in state.factions]
        if unknown:
            raise SeatError(f"{unknown[0]!r} is not a faction of {scenario}; one of: {', '.join(state.factions)}")
        seats = {f: seats.get(f, Seat()) for f in state.factions}
        bots = {f: make_bot(s.level, f, seed) for f, s in seats.items() if not s.is_human}
        mods = tuple(mods) or tuple(rules.mod_labels())  # id@version of each mod in force
        record = Replay(scenario, seed, mods=list(mods), rules=rules.fingerprint())
        return cls(rules, scenario, seed, seats, state, record, bots, mods, options=options or Options())

    # --- reading -------------------------------------------------------------------------------

    @property
    def active(self) -> str | None:
        """The faction whose move it is, or None when the game is over."""
        return None if self.over else self.state.active

    @property
    def over(self) -> bool:
        return self.state.outcome is not None

    def seat(self, faction: str | None = None) -> Seat | None:
        """The seat of a faction (default: the active one)."""
        faction = self.active if faction is None else faction
        return self.seats.get(faction) if faction else None

    def humans(self) -> list[str]:
        return [f for f, s in self.seats.items() if s.is_human]

    def view(self, faction: str | None) -> View:
        """What a faction sees now (None: the public view for a shared screen).  Views are
        immutable, so the same one is handed out until the game moves."""
        state, cache = self._views
        if state is not self.state:
            cache = {}
            self._views = (self.state, cache)
        if faction not in cache:
            cache[faction] = self._hide_history(player_view(self.state, self.rules, faction))
        return cache[faction]

    def _hide_history(self, view: View) -> View:
        """The view without history's result for the faction while the game goes on, where the
        teacher's preset hides it until the end (every screen draws views, so none can show it)."""
        if not self.options.hide_history or self.over or view.objectives is None or not view.objectives.history:
            return view
        return evolve(view, objectives=evolve(view.objectives, history=""))

    def legal(self) -> tuple[Action, ...]:
        """The legal actions of the active seat (empty when the game is over)."""
        return legal_actions(self.state, self.rules)

    def digest(self) -> str:
        return self.state.digest()

    # --- moving --------------------------------------------------------------------------------

    def submit(self, action: Action, reason: str | None = None) -> tuple[LogView, ...]:
        """Check, apply and record an action of the active seat (with the computer's ``reason``
        for it, if a bot chose it).  Returns the new log entries the actor may see.  Raises
        IllegalActionError (changing nothing) if it is not legal now."""
        if self.over:
            raise IllegalActionError("the game is over")
        before = self.state
        after = apply_action(before, self.rules, action)
        self.state = after
        if reason is not None:
            self.reasons.append((len(self.record.actions), before.date_text(), action.faction, reason))
        self.record.actions.append(action)
        step = _Step(action.faction, before)
        if self._undo and self._undo[-1].faction != action.faction:
            self._undo.clear()  # another seat has moved since: its move is known to everyone
        if self.seats[action.faction].is_human and is_undoable(before, after):
            self._undo.append(step)
        else:
            self._undo.clear()
        if after.turn != before.turn or after.outcome is not None:
            self._turn_ended()
        self._moved()
        return new_entries(before, after, action.faction)

    def _moved(self) -> None:
        for watcher in tuple(self.watchers):  # a watcher may stop watching as it is told
            watcher(self)

    def _turn_ended(self) -> None:
        if self.over:
            self.record.final = self.state.digest()
        if self.on_turn_end is not None:
            self.on_turn_end(self)

    def can_undo(self) -> bool:
        """Whether the last action can be taken back: a human seat's own actions, made since any
        other seat last moved, none of which drew from the generator or revealed anything hidden
        (see :func:`is_undoable`)."""
        return bool(self._undo)

    def undo(self) -> Action:
        """Take back the last undoable action; returns it.  Raises UndoError if there is none."""
        if not self._undo:
            raise UndoError("nothing to undo")
        step = self._undo.pop()
        self.state = step.before
        action = self.record.actions.pop()
        self.reasons = [r for r in self.reasons if r[0] < len(self.record.actions)]
        self.record.final = None
        self._moved()
        return action

    # --- bots ----------------------------------------------------------------------------------

    def think(self) -> tuple[Action, str]:
        """The bot seat's choice for the active faction (action, reason), not yet submitted."""
        faction = self.bot_seat()
        return self.bots[faction].choose(self.view(faction), self.legal(), self.rules)

    def bot_seat(self) -> str:
        """The active faction, which a bot plays; raises SeatError if a person plays it (or the
        game is over)."""
        faction = self.active
        if faction is None or faction not in self.bots:
            raise SeatError(f"{faction or 'nobody'} is not a bot seat now")
        return faction

    def ai_move(self) -> AiMove:
        """Let the active bot seat choose and play; returns its move, its reason and the log."""
        action, reason = self.think()
        return AiMove(action, reason, self.submit(action, reason))


class UndoError(Exception):
    """Nothing can be taken back now."""


def is_undoable(before: State, after: State) -> bool:
    """Whether an action may be taken back: it drew nothing from the generator and revealed
    nothing hidden.  Hidden things come out when the quarter moves on (votes with their secret
    contacts, a Congress, events, income), when a choice is put to a faction, or when the game
    ends; any of these closes the door."""
    return (
        after.rng == before.rng
        and after.turn == before.turn
        and after.phase == "actions"
        and len(after.votes) == len(before.votes)
        and after.fired == before.fired
        and after.pending_choice is None
        and after.outcome is None
    )


def new_entries(before: State, after: State, faction: str | None) -> tuple[LogView, ...]:
    """The log entries an action added that ``faction`` may see."""
    start = len(before.log) if len(after.log) >= len(before.log) else 0
    return tuple(
        LogView(e.turn, e.kind, e.event, frozen_map(e.data))
        for e in after.log[start:]
        if e.visible_to is None or (faction is not None and faction in e.visible_to)
    )
