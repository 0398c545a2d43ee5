"""The rules engine: pure, deterministic, no I/O, no pygame, no YAML, no global random.

Public API: :func:`new_game`, :func:`legal_actions`, :func:`apply_action`, :func:`player_view`,
:func:`outcome`; actions are :class:`Action` values.
"""

from game.engine.actions import Action, ActionSyntaxError, IllegalActionError
from game.engine.game import apply_action, apply_unchecked, legal_actions, new_game, outcome
from game.engine.views import player_view

__all__ = [
    "Action",
    "ActionSyntaxError",
    "IllegalActionError",
    "apply_action",
    "apply_unchecked",
    "legal_actions",
    "new_game",
    "outcome",
    "player_view",
]
