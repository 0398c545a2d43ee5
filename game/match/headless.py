"""Playing a match to its end in one call, for headless games and scripted seats.

Built on :class:`game.match.match.Match`: bots play the seats without a chooser; the record
of actions makes the replay.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine import Action
from game.engine.views import View
from game.match.match import Match, Seat

#: a human seat: (view, legal actions) -> action
Chooser = Callable[[View, tuple[Action, ...]], Action]


def play(rules, scenario: str, seed: int, humans: dict[str, Chooser] | None = None, on_turn: Callable | None = None):
    """Play to the end.  Returns (final state, replay).  ``on_turn(state, replay so far)`` runs
    as each turn ends (the autosave hook)."""
    humans = humans or {}
    match = Match.new(rules, scenario, seed, {f: Seat("human") for f in humans})
    if on_turn is not None:
        match.on_turn_end = lambda m: on_turn(m.state, m.record)
    drive(match, humans)
    return match.state, match.record


def drive(match: Match, choosers: dict[str, Chooser]) -> Match:
    """Step a match to its end: each human seat's chooser is asked, bots play the rest."""
    while not match.over:
        actor = match.active
        if actor in choosers:
            match.submit(choosers[actor](match.view(actor), match.legal()))
        else:
            match.ai_move()
    return match
