"""What the commands share: the default scenario, seeds, loading the rules a command asks for (with
its problems on stderr), and the checks and lines more than one command prints."""

from __future__ import annotations

import argparse
import sys

from game.ruleset.loader import errors

DEFAULT_SCENARIO = "succession_1923"
MAX_SEED_DIGITS = 18  # a seed is typed back by hand; any longer is a mistake


def cpus() -> int:
    import os

    return max(1, os.cpu_count() or 1)


def seed_arg(text: str) -> int:
    """``--seed``: a whole number written with the digits 0-9 (argparse turns the error into a
    usage message)."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_SEED_DIGITS:
        return int(text)
    shown = text if len(text) <= 24 else text[:20] + "…"
    raise argparse.ArgumentTypeError(
        f"a seed is a whole number, 0 or more, written with at most {MAX_SEED_DIGITS} digits 0-9; got {shown!r}"
    )


def fresh_seed() -> int:
    """A new seed for a game started without ``--seed`` (the engine itself never draws one)."""
    import secrets

    return 1 + secrets.randbelow(999_999)


def seed_line(seed: int) -> str:
    return f"seed {seed} — replay this game with --seed {seed}"


def rules_for(mods: list[str]):
    from game.ruleset.loader import load

    rules, problems = load(mods)
    for p in problems:
        print(p, file=sys.stderr)
    if errors(problems):
        print(f"{len(errors(problems))} error(s) in the rules; nothing was started.", file=sys.stderr)
    return rules


def unknown_scenario(rules, ids) -> bool:
    """Say so (on stderr) if any of ``ids`` is not a scenario of these rules."""
    unknown = [s for s in ids if s not in rules.scenarios]
    if unknown:
        print(f"unknown scenario '{unknown[0]}'; try: {', '.join(rules.scenarios)}", file=sys.stderr)
    return bool(unknown)


def bad_personality(weight: float) -> bool:
    """Say so (on stderr) if a personality weight is outside 0..2."""
    if not 0 <= weight <= 2:
        print("--personality is a weight from 0 (none) through 1 (historical) to 2", file=sys.stderr)
        return True
    return False


def print_results(state, rules) -> None:
    """Each faction's result against history: ``result FACTION: RESULT (N points)``."""
    from game.present.words import points_text

    for fid, (points, result) in state.results.items():
        print(f"result {fid}: {result} ({points_text(points)})")


def replay_rules(rep, args):
    """The rules a replay asks for: the base rules and the mods it names (by id: installed, or
    given as a folder with --mod); a mod that is missing is named."""
    from game.ruleset import PROJECT, mods

    given, problems = mods.resolve(args.mod, PROJECT)
    ids = {m.id for m in given}
    wanted = [m.partition("@")[0] for m in rep.mods]
    installed = {m.id for m in mods.available(PROJECT)[0]}
    missing = [m for m in rep.mods if m.partition("@")[0] not in ids | installed]
    for mod in missing:
        print(
            f"{args.file}:{rep.lines.get('mods', 1)}: this replay was recorded with mod {mod}, which is not installed "
            f"(install it, or give its folder with --mod)",
            file=sys.stderr,
        )
    if missing or problems:
        for p in problems:
            print(p, file=sys.stderr)
        return None
    return rules_for(list(args.mod) + [w for w in wanted if w not in ids])
