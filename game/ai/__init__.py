"""Bots: each sees a faction view and the legal actions, and returns an action with a reason.

Every bot is made through :func:`make_bot`, so a seat names only a difficulty level.  A bot has
``choose(view, legal, rules) -> (action, reason)``; a bot whose ``state`` attribute is an integer
(its own generator) has it kept in saves, so a loaded game goes on exactly as it would have.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.simple import SimpleBot

#: difficulty level → constructor (faction, seed) -> bot.  Add a level here, nowhere else.
LEVELS: dict[str, Callable[[str, int], object]] = {
    "simple": SimpleBot.for_game,
}


class UnknownLevelError(ValueError):
    """A difficulty level no bot plays."""


def make_bot(level: str, faction: str, seed: int):
    """The bot of a difficulty level for a faction in a game of this seed.

    >>> make_bot("simple", "stalin", 7).faction
    'stalin'
    """
    try:
        return LEVELS[level](faction, seed)
    except KeyError:
        raise UnknownLevelError(f"no bot plays at level {level!r}; levels: {', '.join(LEVELS)}") from None
