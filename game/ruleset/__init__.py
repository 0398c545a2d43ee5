"""Rule files → typed records, with every problem reported as file:line:col."""

from __future__ import annotations

from pathlib import Path

from game.ruleset.loader import Problem, Rules, RulesError, load_rules

PROJECT = Path(__file__).resolve().parents[2]
BASE = PROJECT / "rules" / "base"


def load_base(mods: tuple[Path, ...] = ()) -> Rules:
    """The base rules (plus mods); raises RulesError listing every problem."""
    rules, problems = load_rules([BASE, *mods], PROJECT)
    if problems:
        raise RulesError(problems)
    return rules


__all__ = ["BASE", "PROJECT", "Problem", "Rules", "RulesError", "load_base", "load_rules"]
