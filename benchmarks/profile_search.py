"""Where the search loop's time goes: cProfile over quiet playout-policy games, in place — the
loop ``benchmarks/ai.py`` times — on the campaign and the classroom scenarios; then, with
``--decisions``, over a hard searching player's decisions in one classroom game.

    python benchmarks/profile_search.py [--games N] [--top N] [--decisions]

Prints the actions played and the top entries by own time and by cumulative time.  A profile
slows the code it watches, unevenly: read it for the shares, and ``make bench`` for the rates.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.ai import make_bot, playout
from game.engine import apply_action, legal_actions, new_game, player_view, rng  # noqa: E402
from game.engine.game import apply_in_place  # noqa: E402
from game.ruleset import BASE, PROJECT  # noqa: E402
from game.ruleset.loader import load_rules  # noqa: E402


def playouts(rules, scenarios: list[str], games: int) -> int:
    """Whole quiet games by the playout policy; the number of actions played."""
    count = 0
    for sid in scenarios:
        for seed in range(games):
            state = new_game(rules, sid, seed)
            state.quiet = True
            gen = rng.seed_state(seed)
            while state.outcome is None:
                action, gen = playout.draw(state, rules, gen)
                apply_in_place(state, rules, action)
                count += 1
    return count


def decisions(rules, scenario: str = "united_opposition_1926", seed: int = 1, level: str = "hard") -> int:
    """One game with a searching player on one seat against simple bots; its decisions."""
    state = new_game(rules, scenario, seed)
    me = sorted(state.factions)[seed % len(state.factions)]
    bots = {f: make_bot(level if f == me else "simple", f, seed) for f in state.factions}
    count = 0
    while state.outcome is None:
        view, legal = player_view(state, rules, state.active), legal_actions(state, rules)
        action, _ = bots[state.active].choose(view, legal, rules)
        count += state.active == me
        state = apply_action(state, rules, action)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=4, help="games per scenario (default 4)")
    parser.add_argument("--top", type=int, default=25, help="entries shown per table (default 25)")
    parser.add_argument("--decisions", action="store_true", help="profile a hard player's decisions instead")
    args = parser.parse_args()
    if args.games < 1 or args.top < 1:
        parser.error("--games and --top must be at least 1")
    rules, _ = load_rules([BASE], PROJECT)
    scenarios = ["succession_1923"] + [s for s, sc in rules.scenarios.items() if sc.kind == "classroom"]
    profile = cProfile.Profile()
    if args.decisions:
        done = profile.runcall(decisions, rules)
        print(f"{done} decisions of a hard player")
    else:
        done = profile.runcall(playouts, rules, scenarios, args.games)
        print(f"{done} actions of the playout policy over {', '.join(scenarios)}")
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
