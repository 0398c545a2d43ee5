"""Mods: folders shaped like ``rules/base`` with a ``mod.yaml`` manifest, found by id, ordered by
their dependencies.

A mod is found in ``mods/`` (shipped with the game) and in ``mods/`` under the user's data folder
(platformdirs, or ``SUCCESSION_DATA_DIR`` when set, as for saves); ``--mod`` takes a mod's id or the path of its folder.  Its manifest gives ``id``,
``name``, ``version``, ``format_version`` (the rule-file format it is written for: must be
:data:`FORMAT_VERSION`), and optionally ``depends_on`` (ids of mods it needs, loaded before it),
``description``, ``author`` and ``remove`` (``kind.id`` of entries it takes out).  A mod chosen
brings the mods it depends on; a cycle or a missing dependency is an error naming both mods.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs
from attrs import frozen

from game import resources
from game.ruleset import safeio, yamlpos
from game.ruleset.problems import WARNING, Problem, file_label
from game.ruleset.records import FORMAT_VERSION

MANIFEST = "mod.yaml"
#: the base rules' id, which no mod may take
BASE_ID = "base"
REQUIRED = ("id", "name", "version", "format_version")
OPTIONAL = ("depends_on", "description", "author", "remove")
VERSION = re.compile(r"^\d+(\.\d+){0,2}$")
ID = re.compile(r"^[a-z][a-z0-9_]*$")


@frozen
class ModInfo:
    """What the new-game screen shows of a mod, and what a replay records of it."""

    id: str
    name: str
    version: str
    description: str
    depends_on: tuple[str, ...]
    folder: Path

    @property
    def label(self) -> str:
        """``id@version``, as a replay's ``mods:`` line records it."""
        return f"{self.id}@{self.version}"


def search_path() -> list[Path]:
    """Where mods are looked for by id: the shipped ``mods/``, then the user's own."""
    override = os.environ.get("SUCCESSION_DATA_DIR")  # as for saves: a classroom machine, a test
    if override:
        return [resources.MODS, Path(override) / "mods"]
    return [resources.MODS, Path(platformdirs.user_data_dir("succession", appauthor=False)) / "mods"]


def read_manifest(folder: Path, root: Path, problems: list[Problem]) -> tuple[ModInfo | None, list[str]]:
    """The manifest of ``folder`` checked; (info or None, the ``remove:`` list)."""
    path = folder / MANIFEST
    label = file_label(path, root)
    if not (path.exists() or path.is_symlink()):
        problems.append(Problem(label, 1, 1, f"missing {MANIFEST} (id, name, version, format_version)"))
        return None, []
    try:
        data = yamlpos.load(safeio.read_text(path, safeio.MAX_RULE_FILE, inside=folder))
    except safeio.UnsafeFileError as exc:
        problems.append(Problem(label, 1, 1, str(exc)))
        return None, []
    except yamlpos.YamlError as exc:
        problems.append(Problem(label, exc.line, exc.col, exc.message))
        return None, []
    if not isinstance(data, dict):
        problems.append(Problem(label, 1, 1, f"{MANIFEST} must be a map: id, name, version, format_version"))
        return None, []
    return _check(data, label, folder, problems)


def _check(data, label, folder, problems) -> tuple[ModInfo | None, list[str]]:
    before = len(problems)

    def bad(key, message, at_key=False):
        line, col = (data.key_pos if at_key else data.value_pos).get(key, data.pos)
        problems.append(
            Problem(label, line, col, message, str(data.get("id", "")) if isinstance(data.get("id"), str) else "")
        )

    for key in REQUIRED:
        if key not in data:
            problems.append(Problem(label, data.pos[0], data.pos[1], f"{MANIFEST} needs '{key}'"))
    for key in data:
        if key not in REQUIRED + OPTIONAL:
            bad(key, f"unknown key '{key}' in {MANIFEST}; allowed: {', '.join(REQUIRED + OPTIONAL)}", at_key=True)
    if "id" in data and not (isinstance(data["id"], str) and ID.match(data["id"])):
        bad("id", "a mod's id must be lowercase snake_case")
    if "version" in data and not (isinstance(data["version"], str | int) and VERSION.match(str(data["version"]))):
        bad("version", f'version is written like "1.2.0", got {data["version"]!r}')
    if "format_version" in data and data["format_version"] != FORMAT_VERSION:
        bad(
            "format_version",
            f"format_version {data['format_version']!r} is not supported: this game reads rule files "
            f"of format {FORMAT_VERSION}",
        )
    for key in ("name", "description", "author"):
        if key in data and not isinstance(data[key], str):
            bad(key, f"{key} must be text")
    depends = data.get("depends_on", [])
    if not isinstance(depends, list) or not all(isinstance(d, str) and ID.match(d) for d in depends):
        bad("depends_on", "depends_on is a list of mod ids")
        depends = []
    removals = data.get("remove") or []
    if not isinstance(removals, list):
        bad("remove", "remove is a list of kind.id")
        removals = []
    if len(problems) > before:
        return None, [str(r) for r in removals]
    info = ModInfo(data["id"], data["name"], str(data["version"]), data.get("description", ""), tuple(depends), folder)
    return info, [str(r) for r in removals]


def available(root: Path | None = None, folders: list[Path] | None = None) -> tuple[list[ModInfo], list[Problem]]:
    """Every mod found in the search path (first found wins for an id), and the problems of
    folders that look like mods but cannot be read."""
    root = root or resources.ROOT
    found: dict[str, ModInfo] = {}
    problems: list[Problem] = []
    for parent in folders if folders is not None else search_path():
        if not parent.is_dir():
            continue
        for folder in sorted(p for p in parent.iterdir() if p.is_dir() and (p / MANIFEST).exists()):
            info, _ = read_manifest(folder, root, problems)
            if info is None or _reserved(info, root, problems):
                continue
            if info.id in found:
                problems.append(
                    Problem(
                        file_label(folder / MANIFEST, root),
                        1,
                        1,
                        f"mod id '{info.id}' is taken already by {file_label(found[info.id].folder, root)}, which is "
                        "the one loaded: this mod is never loaded under that id (give it an id of its own)",
                        info.id,
                        WARNING,
                    )
                )
                continue
            found[info.id] = info
    return sorted(found.values(), key=lambda m: m.id), problems


def _reserved(info: ModInfo, root: Path, problems: list[Problem]) -> bool:
    """A mod that takes the base rules' id, which no mod may (an error)."""
    if info.id != BASE_ID:
        return False
    problems.append(
        Problem(
            file_label(info.folder / MANIFEST, root),
            1,
            1,
            f"the id '{BASE_ID}' is the base rules' own: a mod needs an id of its own",
            info.id,
        )
    )
    return True


def list_mods() -> list[tuple[str, str, str, str]]:
    """(id, name, version, description) of every mod installed, for the new-game screen."""
    return [(m.id, m.name, m.version, m.description) for m in available()[0]]


def resolve(chosen: list[str], root: Path, folders: list[Path] | None = None) -> tuple[list[ModInfo], list[Problem]]:
    """The mods to load for ``chosen`` (ids or folder paths), with their dependencies, in load
    order (a mod after every mod it depends on; otherwise in the order chosen)."""
    problems: list[Problem] = []
    known, found = available(root, folders)
    by_id = {m.id: m for m in known}
    picked: list[ModInfo] = []
    for item in chosen:
        info = _pick(item, by_id, root, problems)
        if info is None or _reserved(info, root, problems):
            continue
        twin = next((m for m in picked if m.id == info.id), None)
        if twin is not None:
            if twin.folder.resolve() != info.folder.resolve():
                problems.append(
                    Problem(
                        "--mod",
                        1,
                        1,
                        f"two mods with the id '{info.id}' ({file_label(twin.folder, root)} and "
                        f"{file_label(info.folder, root)}): only one can be loaded",
                        info.id,
                    )
                )
            continue
        picked.append(info)
        by_id[info.id] = info  # a folder given by path can satisfy another's dependency
    # a twin's warning names the folder never loaded; a mod chosen by its folder is loaded, so its
    # own folder's warning would say the opposite of what happens
    loaded = {file_label(m.folder / MANIFEST, root) for m in picked}
    chosen_ids = {m.id for m in picked}
    problems.extend(p for p in found if p.severity == WARNING and p.id in chosen_ids and p.file not in loaded)
    order: list[ModInfo] = []
    state: dict[str, str] = {}
    for info in picked:
        _visit(info, by_id, state, order, [], root, problems)
    return order, problems


def _pick(item: str, by_id: dict, root: Path, problems: list[Problem]) -> ModInfo | None:
    if ID.match(item) and item in by_id and not Path(item).is_dir():
        return by_id[item]
    path = Path(item)
    if path.is_dir():
        info, _ = read_manifest(path, root, problems)
        return info
    hint = f"; installed: {', '.join(sorted(by_id))}" if by_id else "; no mods are installed"
    problems.append(Problem("--mod", 1, 1, f"no mod '{item}' (neither an installed mod's id nor a folder){hint}"))
    return None


def _visit(info: ModInfo, by_id, state, order, stack, root, problems) -> None:
    if state.get(info.id) == "done":
        return
    if state.get(info.id) == "visiting":
        cycle = stack[stack.index(info.id) :] + [info.id]
        problems.append(
            Problem(
                file_label(info.folder / MANIFEST, root),
                1,
                1,
                f"mod '{stack[-1]}' and mod '{info.id}' depend on each other: {' -> '.join(cycle)}",
                info.id,
            )
        )
        return
    state[info.id] = "visiting"
    for dep in info.depends_on:
        if dep not in by_id:
            problems.append(
                Problem(
                    file_label(info.folder / MANIFEST, root),
                    1,
                    1,
                    f"mod '{info.id}' depends on mod '{dep}', which is not installed",
                    info.id,
                )
            )
            continue
        _visit(by_id[dep], by_id, state, order, stack + [info.id], root, problems)
    state[info.id] = "done"
    order.append(info)
