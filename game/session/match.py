"""Playing a match: seats are bots or people; the record of actions makes the replay."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.simple import SimpleBot
from game.engine import Action, apply_action, legal_actions, new_game, player_view
from game.session.replay import Replay

#: a human seat: (view, legal actions) -> action
Chooser = Callable[[dict, tuple[Action, ...]], Action]


def play(rules, scenario: str, seed: int, humans: dict[str, Chooser] | None = None,
         on_turn: Callable | None = None):
    """Play to the end.  Returns (final state, replay).  ``on_turn(state, replay so far)`` runs
    as each turn ends (the autosave hook)."""
    humans = humans or {}
    state = new_game(rules, scenario, seed)
    bots = {f: SimpleBot.for_game(f, seed) for f in state.factions if f not in humans}
    record = Replay(scenario, seed, mods=rules.mod_labels(), rules=rules.fingerprint())
    turn = state.turn
    while state.outcome is None:
        actor = state.active
        legal = legal_actions(state, rules)
        view = player_view(state, rules, actor)
        if actor in humans:
            action = humans[actor](view, legal)
        else:
            action, _reason = bots[actor].choose(view, legal, rules)
        state = apply_action(state, rules, action)
        record.actions.append(action)
        if on_turn is not None and (state.turn != turn or state.outcome is not None):
            on_turn(state, record)
            turn = state.turn
    record.final = state.digest()
    return state, record


def chronicle(state, rules) -> list[str]:
    """One dated line per public event."""
    return [f"{state.date_text(e.turn)}  {e.text}" for e in state.log if e.visible_to is None]
