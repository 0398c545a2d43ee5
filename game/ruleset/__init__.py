"""Rule files → typed records, with every problem reported as file:line:col.

The loader (and so PyYAML) is imported only when asked for, so that the engine can use
:mod:`game.ruleset.records` without YAML.
"""

from __future__ import annotations

from pathlib import Path

from game import resources

#: the folder holding rules/, mods/, assets/ and seeds/: the repository in a checkout, the
#: package's data in an installed game (see :mod:`game.resources`)
PROJECT = resources.ROOT
BASE = resources.RULES / "base"


def load_base(mods: tuple[Path, ...] = ()):
    """The base rules (plus mods); raises RulesError listing every problem."""
    from game.ruleset import loader

    return loader.load_base(mods)


def load(mods: list[str] | tuple[str, ...] = (), base: Path = BASE, root: Path = PROJECT):
    """The base rules with the mods chosen (ids of installed mods, or folders), each after the
    mods it depends on.  Returns (rules or None, every problem)."""
    from game.ruleset import loader

    return loader.load(mods, base, root)


def __getattr__(name: str):
    if name in ("Problem", "Rules", "RulesError", "load_rules"):
        from game.ruleset import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["BASE", "PROJECT", "Problem", "Rules", "RulesError", "load", "load_base", "load_rules"]
