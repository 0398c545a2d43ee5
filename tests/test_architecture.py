"""The game's packages show its architecture, and the imports keep to it.

Layers run one way, from the top: the command line, the window or the terminal, the tools, the
words (``present``), the match, the bots, the engine, the rule loader, the data folders.  The
contract is ``.importlinter`` at the top of the repository, run here with import-linter; it also
keeps pygame out of everything below the window and YAML out of the engine and the bots.  On top
of it, read from the source: no import circle anywhere in the game, and no import of a game module
inside a function, where it would hide one.
"""

from __future__ import annotations

import configparser
import sys

from importlinter.cli import lint_imports

from tests import architecture
from tests.architecture import GAME, ROOT, cycles, graph, imported, local_imports, modules

CONTRACT = ROOT / ".importlinter"
#: the modules allowed imports inside functions (the command line's), and why
_COMMAND_LINE = (
    "the top of the game, imported by nothing but itself and game.__main__, so a lazy import there cannot hide "
    "a circle; each command loads only what it runs (`validate` never loads pygame)"
)
LAZY = {
    name: _COMMAND_LINE
    for name in (
        "game.cli",
        "game.cli.common",
        "game.cli.play",
        "game.cli.replays",
        "game.cli.rulefiles",
        "game.cli.tools",
    )
}


def _lint(config, monkeypatch, root=None) -> int:
    if root is not None:
        monkeypatch.syspath_prepend(str(root))
    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_the_import_contract_is_kept(monkeypatch):
    assert _lint(CONTRACT, monkeypatch) == 0


def test_every_part_of_the_game_is_in_a_layer():
    """A new package or top-level module must be given its place in the layers."""
    config = configparser.ConfigParser()
    config.read(CONTRACT)
    layers = config["importlinter:contract:layers"]["layers"].split()
    named = {part for part in layers if part != "|"}
    parts = {p.stem if p.is_file() else p.name for p in GAME.iterdir() if p.name != "__init__.py"}
    parts = {f"game.{p}" for p in parts if not p.startswith(("_", ".")) or p == "__main__"}
    parts.discard("game.__pycache__")
    assert parts <= named, f"not in any layer of .importlinter: {sorted(parts - named)}"


def test_the_contract_fails_on_a_wrong_way_import(tmp_path, monkeypatch):
    pkg = tmp_path / "layered"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "top.py").write_text("from layered import low\n")
    (pkg / "low.py").write_text("def f():\n    from layered import top\n    return top\n")
    config = tmp_path / "contract.ini"
    config.write_text(
        "[importlinter]\nroot_package = layered\n\n"
        "[importlinter:contract:one]\nname = one way\ntype = layers\nlayers =\n    layered.top\n    layered.low\n"
    )
    assert _lint(config, monkeypatch, tmp_path) == 1
    (pkg / "low.py").write_text("")
    sys.modules.pop("layered", None)
    assert _lint(config, monkeypatch, tmp_path) == 0


def test_no_import_circle_in_the_game():
    """No module imports, at module level or in a function, a module that leads back to it."""
    found = cycles(graph(GAME), "game")
    assert found == [], "import circles: " + "; ".join(" ↔ ".join(c) for c in found)


def test_no_function_local_import_of_a_game_module():
    """Imports of game modules sit at the top of the module, where a circle would show."""
    found = [f"{name}:{line} {target}" for name, line, target in local_imports(GAME) if name not in LAZY]
    assert found == []


def test_the_lazy_modules_are_imported_by_nothing_but_the_command_line():
    edges = graph(GAME)
    readers = sorted({name for name, targets in edges.items() for lazy in LAZY if lazy in targets} - set(LAZY))
    assert readers == ["game.__main__"]


def test_every_module_of_the_command_line_is_named_in_the_lazy_table():
    """A new module of game/cli is given the allowance (and its reason) here, not found by a test."""
    assert {name for name in modules(GAME) if name == "game.cli" or name.startswith("game.cli.")} == set(LAZY)


# --- the reader itself, on a small made-up package ----------------------------------------------------
def test_the_cycle_finder_finds_a_circle_and_only_that():
    edges = {
        "game.ui.a": {"game.ui.b": 1},
        "game.ui.b": {"game.ui.c": 3},
        "game.ui.c": {"game.ui.a": 9, "game.ui.d": 2},
        "game.ui.d": {"game.engine.x": 1},
        "game.engine.x": {"game.ui.d": 1},  # a circle through another package is not one within game.ui
    }
    assert cycles(edges, "game.ui") == [["game.ui.a", "game.ui.b", "game.ui.c"]]
    assert cycles(edges, "game") == [["game.engine.x", "game.ui.d"], ["game.ui.a", "game.ui.b", "game.ui.c"]]


def test_the_reader_counts_imports_in_functions_and_leaves_out_type_checking(tmp_path, monkeypatch):
    pkg = tmp_path / "game" / "ui"
    pkg.mkdir(parents=True)
    (tmp_path / "game" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "one.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from game.ui import two\n"
        "if TYPE_CHECKING:\n"
        "    from game.ui.three import Three\n"
        "def f():\n"
        "    from game.ui.four import g\n"
        "    from .five import h\n"
        "    return g, h\n"
    )
    for other in ("two", "three", "four", "five"):
        (pkg / f"{other}.py").write_text("")
    monkeypatch.setattr(architecture, "ROOT", tmp_path)
    known = set(modules(tmp_path / "game"))
    assert imported("game.ui.one", pkg / "one.py", known) == {"game.ui.two": 2, "game.ui.four": 6, "game.ui.five": 7}
