"""Rule files → typed records, with every problem reported as file:line:col.

The loader (and so PyYAML) is imported only when asked for, so that the engine can use
:mod:`game.ruleset.records` without YAML.
"""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BASE = PROJECT / "rules" / "base"


def load_base(mods: tuple[Path, ...] = ()):
    """The base rules (plus mods); raises RulesError listing every problem."""
    from game.ruleset.loader import RulesError, errors, load_rules

    rules, problems = load_rules([BASE, *mods], PROJECT)
    if errors(problems):
        raise RulesError(errors(problems))
    return rules


def __getattr__(name: str):
    if name in ("Problem", "Rules", "RulesError", "load_rules"):
        from game.ruleset import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["BASE", "PROJECT", "Problem", "Rules", "RulesError", "load_base", "load_rules"]
