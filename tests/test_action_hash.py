"""No game changes by accident: the actions of 84 games (every scenario, seeds 1..6, the playout
policy and a uniform pick among the legal actions) hash to the value recorded in
``benchmarks/action_hash.txt``.  A change meant to change games records the new hash there."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "action_hash.py"


def _script():
    spec = importlib.util.spec_from_file_location("action_hash", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_games_are_the_recorded_ones(rules):
    script = _script()
    action_hash, _, games = script.hashes(rules)
    assert games == len(rules.scenarios) * len(script.SEEDS) * 2
    assert action_hash == script.RECORD.read_text(encoding="utf-8").split()[0]


def test_the_hash_sees_a_changed_move(rules):
    """One game played differently changes the hash (the guard is not blind)."""
    script = _script()
    first = script.hashes(rules)[0]
    original = script.play

    def one_move_off(rules_, scenario, seed, policy):
        taken, digest = original(rules_, scenario, seed, policy)
        if (scenario, seed, policy) == ("crisis_1923", 1, "random"):
            taken = taken[:-1]
        return taken, digest

    script.play = one_move_off
    assert script.hashes(rules)[0] != first
