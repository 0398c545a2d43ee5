"""Bots: each sees a faction view and the legal actions, and returns an action with a reason.

Every bot has one method, ``choose(view, legal, rules) -> (action, reason)``; ``make_bot`` is the
one lookup from a seat's level to a bot:

>>> bot = make_bot("simple", "stalin", seed=1)
>>> sorted(LEVELS)
['easy', 'hard', 'normal', 'simple', 'wait']
"""

from __future__ import annotations

from game.ai.simple import SimpleBot


class WaitBot:
    """A player that does nothing: it ends its turn whenever it may, and answers an event's
    choice with the first option (the historical path).  The yardstick of the balance report."""

    def __init__(self, faction: str):
        self.faction = faction

    def choose(self, view, legal, rules):
        for action in legal:
            rule = rules.actions.get(action.name)
            if rule is not None and rule.kind == "pass":
                return action, "waits on events"
        return legal[0], "takes the first course offered"


def _search(level: str):
    def make(faction: str, seed: int, personality: float = 1.0):
        from game.ai.search import SearchBot

        return SearchBot.for_game(faction, seed, level, personality)

    return make


#: level → maker(faction, seed)
LEVELS = {
    "simple": SimpleBot.for_game,
    "wait": lambda faction, seed: WaitBot(faction),
    "easy": _search("easy"),
    "normal": _search("normal"),
    "hard": _search("hard"),
}


#: levels that search and so follow a personality
SEARCHING = ("easy", "normal", "hard")


def make_bot(level: str, faction: str, seed: int, personality: float = 1.0):
    """A bot of ``level`` (one of :data:`LEVELS`) for ``faction`` in a game of ``seed``; a
    searching level follows the faction's personality as far as ``personality`` says (0: not at
    all, 1: as in history), a setting apart from the level."""
    try:
        maker = LEVELS[level]
    except KeyError:
        raise ValueError(f"unknown bot level '{level}'; one of: {', '.join(sorted(LEVELS))}") from None
    return maker(faction, seed, personality) if level in SEARCHING else maker(faction, seed)
