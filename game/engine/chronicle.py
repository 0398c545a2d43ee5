"""The chronicle as data: what happened, recorded in the log for every screen and report to read.

The engine records each happening with :func:`note`: an event name, the ids and numbers it
concerns, and who may see it (everyone, or the factions named).  No words are made here: the
chronicle's sentences are rendered from this data by :mod:`game.present.chronicle` when a screen
reads them, so mending a word changes no game, save or replay.

Every event's data holds only what its readers may see: the public line of an appointment names
the region, not the faction that made it.

>>> from game.engine.state import State
>>> state = State("succession_1923", 7, 1923, 1, 28, {}, {}, {}, [], {}, {}, {}, {})
>>> note(state, None, "speech", figure="trotsky", issue="party_democracy")
>>> state.log[-1]
LogEntry(turn=0, visible_to=None, kind='event', event='speech', data=(('figure', 'trotsky'), ('issue', 'party_democracy')))
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from game.engine.state import LogEntry, State
from game.ruleset.rules import Rules

#: instrumentation, None in play: ``observer(state, entry)`` is called as each entry is recorded
#: (the state as it stands then).  It must not change the state.  Set it with :func:`observing`.
_observer: Callable | None = None


@contextmanager
def observing(observer: Callable) -> Iterator[None]:
    """Within the ``with`` block, show every entry recorded to ``observer`` (see ``_observer``);
    the narrative check reads the state beside each entry.  Play is unchanged."""
    global _observer
    previous, _observer = _observer, observer
    try:
        yield
    finally:
        _observer = previous


def note(
    state: State, rules: Rules, what: str, visible_to: tuple[str, ...] | None = None, kind: str = "event", **data
) -> None:
    """Record that ``what`` happened, with its data (ids and numbers), in the log: visible to
    everyone, or only to the factions in ``visible_to``."""
    if state.quiet:
        return
    frozen = tuple(sorted((k, _freeze(v)) for k, v in data.items()))
    state.log.append(LogEntry(state.turn, visible_to, kind, what, frozen))
    if _observer is not None:
        _observer(state, state.log[-1])


def _freeze(value):
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value
