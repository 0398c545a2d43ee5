"""The computer's moves made apart from the caller, for a window that must keep drawing meanwhile.

A :class:`~game.match.match.Match` is a plain steppable object: its bots choose in the caller.  A
:class:`Driver` owns the asynchronous part: the :class:`~game.match.thinking.Thinker` (a worker
process, or a thread) and the one thought in hand.  :meth:`Driver.think` starts a thought for the
match's active bot on what that seat sees now; :meth:`Driver.play` plays it once it is in, if the
match is still where it was when the thought began.  A thought about a position the match has left
(a move, an undo) is dropped as the match leaves it, and one for a match the window no longer
shows (a load, a new game, quitting) by :meth:`Driver.drop`: it is never played.

>>> from game.match.match import Match
>>> from game.ruleset.loader import load_base
>>> rules = load_base()
>>> driver, m = Driver(), Match.new(rules, "crisis_1923", seed=3)
>>> future = driver.think(m)
>>> driver.think(m) is future  # the same position: the same thought
True
>>> move = driver.play(m, future)  # waits for it
>>> (move.action, len(m.record.actions)) == (m.record.actions[0], 1)
True
>>> driver.play(m, future) is None  # made for a position since left
True
>>> driver.close()
"""

from __future__ import annotations

from concurrent.futures import Future

from attrs import frozen

from game.engine.state import State
from game.match.match import AiMove, Match
from game.match.thinking import THREAD, Thinker


@frozen
class _Pending:
    """The thought in hand: for which match, about which position."""

    match: Match
    state: State
    future: Future


class Driver:
    """Moves the bot seats of the match on show apart from the caller.  ``thinker``: where they
    think (a window shares its own); without one, the driver makes a thread of its own, when
    first needed, and stops it at :meth:`close`."""

    def __init__(self, thinker: Thinker | None = None):
        self._thinker = thinker
        self._own = thinker is None
        self._pending: _Pending | None = None

    @property
    def thinker(self) -> Thinker:
        if self._thinker is None:
            self._thinker = Thinker(THREAD)
        return self._thinker

    @property
    def trouble(self) -> str | None:
        """Why thinking moved from the worker process to a thread, in words (None: it has not)."""
        return self._thinker.trouble if self._thinker is not None else None

    def think(self, match: Match) -> Future:
        """Start the active bot's choice apart from the caller: the future's result is a
        :class:`~game.match.thinking.Thought`.  Asking again for the same position returns the same
        future; any other thought in hand is dropped.  Raises SeatError if a person plays now."""
        pending = self._pending
        if pending is not None and pending.match is match and pending.state is match.state:
            return pending.future
        faction = match.bot_seat()
        self.drop()
        future = self.thinker.think(match.bots[faction], match.view(faction), match.legal(), match.rules)
        self._pending = _Pending(match, match.state, future)
        match.watchers.append(self._moved)
        return future

    def play(self, match: Match, future: Future) -> AiMove | None:
        """Play a thought from :meth:`think` into ``match`` (waiting for it if need be), if it was
        made for the position on the board now; a thought about a position since left, or a
        dropped one, is not played (None)."""
        pending = self._pending
        if pending is None or pending.future is not future:
            future.cancel()  # dropped already (or never the driver's)
            return None
        if pending.match is not match or pending.state is not match.state:
            self.drop()
            return None
        thought = future.result()
        faction = match.active
        match.bots[faction] = thought.bot  # its generator as it moved while thinking
        return AiMove(thought.action, thought.reason, match.submit(thought.action, thought.reason))

    def drop(self) -> None:
        """Drop the thought in hand, if any (a load, a new game or quitting): it is never played."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.future.cancel()
            pending.match.watchers.remove(self._moved)

    def close(self) -> None:
        """Drop any thought in hand; stop the driver's own thread, if it made one (a thinker
        shared with a window is the window's to close)."""
        self.drop()
        if self._own and self._thinker is not None:
            self._thinker.close()
            self._thinker = None

    def _moved(self, match: Match) -> None:
        """The match moved or took a move back: a thought about where it was is moot."""
        pending = self._pending
        if pending is not None and pending.match is match and pending.state is not match.state:
            self.drop()
