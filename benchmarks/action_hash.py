"""The 42-game action hash: a guard for refactors that must not change any game.

Every scenario of the base rules is played with seeds 1..6 twice: once by the search's playout
policy (every seat drawn by its kind's weight, ``game.ai.playout.draw``) and once by a uniform pick
among the legal actions (the engine's own generator, derived from the seed).  Each game is played
to its end; every action taken is written in its text form.  The script prints one SHA-256 of all
those actions, in order, and, on a second line, one of the games' final state digests (which also
cover the words kept in the state, so a change of wording may move it while the actions stay).

    python benchmarks/action_hash.py            # print both hashes
    python benchmarks/action_hash.py --check    # compare the action hash with action_hash.txt

``--check`` exits 1 when the action hash differs from the one recorded in ``action_hash.txt``
beside this script (that file is written by hand, from a reviewed run, never by the script).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.ai import playout
from game.engine import rng  # noqa: E402
from game.engine.game import apply_in_place, legal_actions, new_game  # noqa: E402
from game.ruleset.loader import load_base  # noqa: E402

SEEDS = range(1, 7)
RECORD = Path(__file__).with_name("action_hash.txt")
#: a game that has not ended after this many actions is reported (no scenario comes near it)
MAX_ACTIONS = 20_000


def play(rules, scenario: str, seed: int, policy: str) -> tuple[list[str], str]:
    """(every action taken, in text form; the final state's digest) of one game."""
    state = new_game(rules, scenario, seed)
    gen = rng.derive(seed, f"action-hash-{policy}")
    taken: list[str] = []
    while state.outcome is None:
        if len(taken) >= MAX_ACTIONS:
            raise RuntimeError(f"{scenario} seed {seed} ({policy}): no end after {MAX_ACTIONS} actions")
        if policy == "playout":
            action, gen = playout.draw(state, rules, gen)
        else:
            legal = legal_actions(state, rules)
            i, gen = rng.below(gen, len(legal))
            action = legal[i]
        taken.append(action.to_text())
        apply_in_place(state, rules, action)
    return taken, state.digest()


def hashes(rules) -> tuple[str, str, int]:
    """(the action hash, the final-state hash, how many games)."""
    actions, states = hashlib.sha256(), hashlib.sha256()
    games = 0
    for scenario in sorted(rules.scenarios):
        for seed in SEEDS:
            for policy in ("playout", "random"):
                taken, digest = play(rules, scenario, seed, policy)
                actions.update(f"{scenario} {seed} {policy}\n".encode())
                actions.update(("\n".join(taken) + "\n").encode())
                states.update(f"{scenario} {seed} {policy} {digest}\n".encode())
                games += 1
    return actions.hexdigest(), states.hexdigest(), games


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the recorded action hash")
    args = parser.parse_args(argv)
    rules = load_base()
    action_hash, state_hash, games = hashes(rules)
    print(f"actions {action_hash}  ({len(rules.scenarios)} scenarios x {len(SEEDS)} seeds x 2 policies = {games})")
    print(f"states  {state_hash}")
    if args.check:
        recorded = RECORD.read_text(encoding="utf-8").split()[0] if RECORD.exists() else ""
        if recorded != action_hash:
            print(f"action hash differs from {RECORD.name}: recorded {recorded or 'nothing'}")
            return 1
        print(f"same as {RECORD.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
