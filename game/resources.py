"""Where the game's data lives: the rule files, the example mods, the assets and the seed documents.

In the repository these are the top-level folders ``rules/``, ``mods/``, ``assets/`` and ``seeds/``
beside ``game/``, and a checkout (the tests, ``make play``, an editable install) reads them there.
A built wheel carries the same four folders inside the package, as ``game/_data/rules`` and so on
(``setup.py`` maps them in as package data), and an installed game reads them from there through
:mod:`importlib.resources`.  Nothing else in the game knows which of the two it is: every module
asks this one.

``ROOT`` is the folder that holds the four, so that a path such as ``seeds/000_….txt`` (as the
rule files cite it) or ``rules/base/factions.yaml`` (as a problem is labelled) reads the same in
both.  This module imports only the standard library, so that every layer may use it.

>>> (ROOT / "rules" / "base" / "mod.yaml").is_file()
True
>>> RULES == ROOT / "rules" and ASSETS.name == "assets"
True
"""

from __future__ import annotations

import atexit
import contextlib
from pathlib import Path

#: the data folders, at the top of the repository and under ``game/_data`` in a wheel
FOLDERS = ("rules", "mods", "assets", "seeds")
#: where a wheel puts them, inside the package
PACKAGED = "_data"

# ``as_file`` gives a real folder for package data that is not one already (a zip import, on
# Python 3.12 and later); the folder must outlive every reader, so it is released at exit.
_kept = contextlib.ExitStack()
atexit.register(_kept.close)


def _packaged() -> Path | None:
    """The data inside the installed package, or None (a checkout has none).

    A package installed on disk holds its data as a plain folder beside this file, read as one.
    Only a package that is not on disk (imported from a zip) needs :mod:`importlib.resources`,
    imported then and only then: it brings in ``tempfile`` and with it ``random``, which the
    engine's layers must be importable without (a test blocks it)."""
    here = Path(__file__).resolve().parent
    if (here / PACKAGED / "rules").is_dir():
        return here / PACKAGED
    if here.is_dir():
        return None  # a package on disk without its data: a checkout or an editable install
    from importlib.resources import as_file, files

    data = files(__package__) / PACKAGED
    if not (data / "rules").is_dir():
        return None
    return Path(_kept.enter_context(as_file(data)))


def _checkout() -> Path:
    """The top of the repository, in a checkout or an editable install."""
    return Path(__file__).resolve().parent.parent


def where_looked() -> str:
    """Where the rules are looked for, for the one line that says they are missing."""
    packaged = Path(__file__).resolve().parent / PACKAGED / "rules"
    return f"neither in the installed package ({packaged}) nor in a checkout ({_checkout() / 'rules'})"


#: the folder that holds rules/, mods/, assets/ and seeds/
ROOT = _packaged() or _checkout()
RULES = ROOT / "rules"
MODS = ROOT / "mods"
ASSETS = ROOT / "assets"
SEEDS = ROOT / "seeds"
