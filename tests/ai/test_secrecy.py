"""Bots see only their faction's view: never another faction's secrets, never the dice.

At every decision of real games the true state is given a twin that differs only in what the
acting faction cannot see (others' secret contacts, bloc offers between others, the generator);
every level must decide the same in both.  And no bot module reaches for the engine's state.
"""

import ast
from pathlib import Path

import pytest

from game.ai import make_bot
from game.engine import apply_action, legal_actions, new_game, player_view

AI = Path(__file__).resolve().parents[2] / "game" / "ai"


def _twin(state, me):
    twin = state.clone()
    others = sorted(f for f in twin.factions if f != me)
    for i, f in enumerate(others):
        twin.cultivation[f] = {"kalinin": 30 + 10 * i, "rudzutak": 15, "voroshilov": 45}
    twin.rng = (twin.rng * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    if len(others) >= 2 and not twin.in_bloc(others[0], others[1]):
        twin.offers.append((others[0], others[1], twin.turn))
    return twin


@pytest.mark.parametrize("level", ["simple", "wait", "easy"])
def test_hidden_things_never_change_a_decision(rules, level):
    for scenario in ("crisis_1923", "right_last_stand_1928"):
        state = new_game(rules, scenario, 5)
        bots = {f: make_bot(level, f, 5) for f in state.factions}
        decisions = 0
        while state.outcome is None and decisions < 40:
            me = state.active
            legal = legal_actions(state, rules)
            twin = _twin(state, me)
            assert twin.digest() != state.digest()
            shadow = make_bot(level, me, 5)
            if hasattr(shadow, "state"):
                shadow.state = bots[me].state  # the same generator as the seat's own bot
            seen = bots[me].choose(player_view(state, rules, me), legal, rules)
            other = shadow.choose(player_view(twin, rules, me), legal_actions(twin, rules), rules)
            assert seen == other
            state = apply_action(state, rules, seen[0])
            decisions += 1


def test_no_bot_module_reads_the_engine_state():
    for path in sorted(AI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module != "game.engine.state", f"{path.name} imports the engine's state"
            if isinstance(node, ast.Attribute):  # the dice nowhere; secret contacts only the view's own
                assert node.attr != "rng", f"{path.name}:{node.lineno} reads the generator"
                if node.attr == "cultivation":
                    assert isinstance(node.value, ast.Name) and node.value.id == "view", (
                        f"{path.name}:{node.lineno} reads contacts other than its view's"
                    )
