"""The window's modules form no import circle, and scenes reach each other by name through the app.

The graph is read from the source with :mod:`ast` (nothing is imported): every ``import`` and
``from … import`` of a ``game`` module, at module level and inside functions alike, since an import
moved into a function still closes the circle, it only hides it.  Imports under
``if TYPE_CHECKING:`` never run and are left out.
"""

from __future__ import annotations

import ast

import pytest

from tests.architecture import GAME, cycles, graph, imports, modules

#: the modules whose classes other scenes build on (subclass): a scene module may import these
SCENE_BASES = {"game.ui.scene", "game.ui.scenes.dialog", "game.ui.scenes.results"}
#: the registry of scenes by name, the one module that imports every scene
REGISTRY = "game.ui.scenes"


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
    """The registry names every screen class defined under game/ui/scenes, each once (a base that
    only others build on says so with ``abstract = True`` in its own body)."""
    from game.ui import scenes
    from game.ui.scene import Scene

    defined = {
        obj
        for name in scene_modules()
        for obj in vars(__import__(name, fromlist=["_"])).values()
        if isinstance(obj, type)
        and issubclass(obj, Scene)
        and obj.__module__ == name
        and not vars(obj).get("abstract", False)
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
        for node in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == REGISTRY:
                if any(alias.name == "SCENES" for alias in node.names):
                    readers.append(name)
    assert readers == []


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
    """The window is the top layer: outside game/ui only the command line (``game.cli``'s ``play``) opens it,
    so no circle can pass through game/ui and another package."""
    edges = graph(GAME)
    readers = sorted(
        f"{name} → {target} (line {line})"
        for name, targets in edges.items()
        if not (name == "game.ui" or name.startswith("game.ui.")) and name != "game.cli.play"
        for target, line in targets.items()
        if target == "game.ui" or target.startswith("game.ui.")
    )
    assert readers == []
