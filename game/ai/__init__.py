"""Bots: each sees a faction view and the legal actions, and returns an action with a reason.

Every bot is made through :func:`make_bot`, so a seat names only a difficulty level.  A bot has
``choose(view, legal, rules) -> (action, reason)``; a bot whose ``state`` attribute is an integer
(its own generator) has it kept in saves, so a loaded game goes on exactly as it would have.

>>> sorted(LEVELS)
['easy', 'hard', 'normal', 'simple', 'wait']
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.search import SearchBot
from game.ai.simple import SimpleBot
from game.ruleset.rules import Rules


class WaitBot:
    """A player that does nothing: it ends its turn whenever it may, and answers an event's
    choice with the first option (the historical path).  The yardstick of the balance report."""

    def __init__(self, faction: str):
        self.faction = faction

    def choose(self, view, legal, rules: Rules):
        for action in legal:
            rule = rules.actions.get(action.name)
            if rule is not None and rule.kind == "pass":
                return action, "waits on events"
        return legal[0], "takes the first course offered"


def _search(level: str):
    def make(faction: str, seed: int, personality: float = 1.0, seconds: float | None = None):
        return SearchBot.for_game(faction, seed, level, personality, seconds)

    return make


#: difficulty level → constructor (faction, seed) -> bot.  Add a level here, nowhere else.
LEVELS: dict[str, Callable[[str, int], object]] = {
    "simple": SimpleBot.for_game,
    "wait": lambda faction, seed: WaitBot(faction),
    "easy": _search("easy"),
    "normal": _search("normal"),
    "hard": _search("hard"),
}


class UnknownLevelError(ValueError):
    """A difficulty level no bot plays."""


#: levels that search and so follow a personality
SEARCHING = ("easy", "normal", "hard")


def make_bot(level: str, faction: str, seed: int, personality: float = 1.0, seconds: float | None = None):
    """The bot of a difficulty level for a faction in a game of this seed.  A searching level
    follows the faction's personality as far as ``personality`` says (0: not at all, 1: as in
    history), a setting apart from the level; ``seconds``, in play, caps its thinking time (it
    then stops after the sampled state in hand; tests never set it).

    >>> make_bot("simple", "stalin", 7).faction
    'stalin'
    """
    try:
        maker = LEVELS[level]
    except KeyError:
        raise UnknownLevelError(f"no bot plays at level {level!r}; levels: {', '.join(LEVELS)}") from None
    return maker(faction, seed, personality, seconds) if level in SEARCHING else maker(faction, seed)
