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
    from game.ruleset.loader import RulesError, errors, load_rules

    if not BASE.is_dir():
        raise RulesError([_missing(BASE, PROJECT)])
    rules, problems = load_rules([BASE, *mods], PROJECT)
    if errors(problems):
        raise RulesError(errors(problems))
    return rules


def load(mods: list[str] | tuple[str, ...] = (), base: Path = BASE, root: Path = PROJECT):
    """The base rules with the mods chosen (ids of installed mods, or folders), each after the
    mods it depends on.  Returns (rules or None, every problem)."""
    from game.ruleset.loader import errors, load_rules
    from game.ruleset.mods import resolve

    if not base.is_dir():  # one line that says so, not every check failing on empty rules
        return None, [_missing(base, root)]
    order, problems = resolve(list(mods), root)
    if errors(problems):
        return None, problems
    rules, more = load_rules([base, *(m.folder for m in order)], root)
    return rules, problems + more


def _missing(base: Path, root: Path):
    """The one problem of a rules folder that is not there (for the game's own: where it looked)."""
    from game.ruleset.loader import Problem

    try:
        label = base.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        label = str(base)
    where = f": the game's rules are {resources.where_looked()}; reinstall the game" if base == BASE else ""
    return Problem(label, 1, 1, f"no such rules folder{where}")


def __getattr__(name: str):
    if name in ("Problem", "Rules", "RulesError", "load_rules"):
        from game.ruleset import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["BASE", "PROJECT", "Problem", "Rules", "RulesError", "load", "load_base", "load_rules"]
