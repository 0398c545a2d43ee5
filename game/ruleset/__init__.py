"""Rule files → typed records, with every problem reported as file:line:col.

The package itself names only where the rules lie, so that importing any part of it (the engine
reads :mod:`game.ruleset.records` and :mod:`game.ruleset.rules`) loads no YAML.  The rules are
loaded by :mod:`game.ruleset.loader` (``load_base``, ``load``, ``load_rules``); what is wrong with
them is a :class:`game.ruleset.problems.Problem`.
"""

from __future__ import annotations

from game import resources

#: the folder holding rules/, mods/, assets/ and seeds/: the repository in a checkout, the
#: package's data in an installed game (see :mod:`game.resources`)
PROJECT = resources.ROOT
BASE = resources.RULES / "base"

__all__ = ["BASE", "PROJECT"]
