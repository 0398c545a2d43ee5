"""The window's modules form no import circle, and scenes reach each other by name through the app.

The graph is read from the source with :mod:`ast` (nothing is imported): every ``import`` and
``from … import`` of a ``game`` module, at module level and inside functions alike, since an import
moved into a function still closes the circle, it only hides it.  Imports under
``if TYPE_CHECKING:`` never run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GAME = ROOT / "game"

#: the modules whose classes other scenes build on (subclass): a scene module may import these
SCENE_BASES = {"game.ui.scene", "game.ui.scenes.dialog", "game.ui.scenes.results"}
#: the registry of scenes by name, the one module that imports every scene
REGISTRY = "game.ui.scenes"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(folder: Path) -> dict[str, Path]:
    return {module_name(p): p for p in sorted(folder.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST):
    """Every import statement that can run (those under ``if TYPE_CHECKING:`` cannot)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking(node):
            yield from (n for child in node.orelse for n in _imports_in(child))
            continue
        yield from _imports_in(node)


def _imports_in(node: ast.AST):
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _imports(node)


def imported(name: str, path: Path, known: set[str]) -> dict[str, int]:
    """The game modules that module ``name`` imports, each with the line of its first import.
    ``from a import b`` counts as importing ``a.b`` when that is a module, else ``a``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        for target in targets:
            while target and target not in known:  # ``import game.ui.app`` names a module; trim an attribute
                target = target.rpartition(".")[0]
            if target and target != name:
                found.setdefault(target, node.lineno)
    return found


def graph(folder: Path) -> dict[str, dict[str, int]]:
    known = modules(GAME)
    return {name: imported(name, path, set(known)) for name, path in modules(folder).items()}


def cycles(edges: dict[str, dict[str, int]], within: str) -> list[list[str]]:
    """The strongly connected groups of more than one module among the modules under ``within``
    (Tarjan's algorithm), each sorted; a module importing itself does not count."""
    nodes = [n for n in edges if n == within or n.startswith(within + ".")]
    inside = set(nodes)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, {}):
            if w not in inside:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in nodes:
        if v not in index:
            visit(v)
    return sorted(groups)


def scene_modules() -> set[str]:
    """The modules under game/ui/scenes that define a screen (a class whose bases end in ``Scene``)."""
    found = set()
    for name, path in modules(GAME / "ui" / "scenes").items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                (isinstance(b, ast.Name) and b.id.endswith("Scene"))
                or (isinstance(b, ast.Attribute) and b.attr.endswith("Scene"))
                for b in node.bases
            ):
                found.add(name)
    return found


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
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    known = set(modules(tmp_path / "game"))
    assert imported("game.ui.one", pkg / "one.py", known) == {"game.ui.two": 2, "game.ui.four": 6, "game.ui.five": 7}


# --- the window ---------------------------------------------------------------------------------------
def test_no_import_circle_in_the_window():
    """No module of game/ui imports, at module level or in a function, a module that leads back to it."""
    found = cycles(graph(GAME / "ui"), "game.ui")
    assert found == [], "import circles in game/ui: " + "; ".join(" ↔ ".join(c) for c in found)


def test_the_scene_modules_are_found():
    """The check below is about these fifteen screens (a new screen is caught by the same rule)."""
    found = scene_modules()
    assert {"game.ui.scenes.board", "game.ui.scenes.menu", "game.ui.scenes.choose", "game.ui.scenes.dialog"} <= found
    assert len(found) >= 15
    assert not found & {"game.ui.scenes.layout", "game.ui.scenes.panels", "game.ui.scenes.board_panels"}


@pytest.mark.parametrize("scene", sorted(scene_modules()))
def test_a_scene_imports_no_other_scene_but_the_bases(scene):
    """A scene opens another by name through the app; it imports only the bases it builds on
    (:data:`SCENE_BASES`) and helpers that are no screens."""
    edges = graph(GAME / "ui")
    wrong = {
        f"{target} (line {line})": line
        for target, line in edges[scene].items()
        if (target in scene_modules() - SCENE_BASES) or target in ("game.ui.app", REGISTRY)
    }
    assert not wrong, f"{scene} imports {', '.join(wrong)}: open a scene with app.push_scene(name, ...) instead"


def test_every_scene_is_registered_by_name_once():
    """The registry names every screen class defined under game/ui/scenes, each once."""
    from game.ui import scenes
    from game.ui.scene import Scene

    defined = {
        obj
        for name in scene_modules()
        for obj in vars(__import__(name, fromlist=["_"])).values()
        if isinstance(obj, type) and issubclass(obj, Scene) and obj.__module__ == name
    }
    registered = list(scenes.SCENES.values())
    assert len(registered) == len(set(registered))
    assert set(registered) == defined
    assert all(name == name.lower() and " " not in name for name in scenes.SCENES)


def test_only_the_app_reads_the_registry():
    """Nothing in game/ui but the app imports the registry package's ``SCENES``."""
    readers = []
    for name, path in modules(GAME / "ui").items():
        if name in ("game.ui.app", REGISTRY):
            continue
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == REGISTRY:
                if any(alias.name == "SCENES" for alias in node.names):
                    readers.append(name)
    assert readers == []


def test_no_function_local_import_of_a_game_module_in_the_window():
    """Imports of game modules sit at the top of the module in game/ui, where a circle would show;
    the only exception is the computer's worker, loaded when the first game needs it."""
    allowed = {("game.ui.app", "game.session.thinking")}
    local = []
    for name, path in modules(GAME / "ui").items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("game"):
                    if (name, node.module) not in allowed:
                        local.append(f"{name}:{node.lineno} {node.module}")
                elif isinstance(node, ast.Import):
                    local += [f"{name}:{node.lineno} {a.name}" for a in node.names if a.name.startswith("game")]
    assert local == []


def test_opening_a_scene_by_a_name_that_is_not_registered_says_which_names_are(app):
    with pytest.raises(KeyError, match="no scene is named 'credits'; the scenes are: board, briefing"):
        app.push_scene("credits")


def test_the_app_opens_screens_by_name(app):
    from game.ui.scenes import SCENES

    menu = app.reset_scene("menu")
    assert app.stack == [menu] and isinstance(menu, SCENES["menu"])
    settings = app.push_scene("settings")
    assert app.stack == [menu, settings] and isinstance(settings, SCENES["settings"])
    guide = app.replace_scene("guide")
    assert app.stack == [menu, guide] and isinstance(guide, SCENES["guide"])
    app.reset_scene("encyclopedia")
    assert len(app.stack) == 1 and isinstance(app.scene, SCENES["encyclopedia"])


def test_nothing_below_the_window_imports_it():
    """The window is the top layer: outside game/ui only the command line (``game.cli``) opens it,
    so no circle can pass through game/ui and another package."""
    edges = graph(GAME)
    readers = sorted(
        f"{name} → {target} (line {line})"
        for name, targets in edges.items()
        if not (name == "game.ui" or name.startswith("game.ui.")) and name != "game.cli"
        for target, line in targets.items()
        if target == "game.ui" or target.startswith("game.ui.")
    )
    assert readers == []
