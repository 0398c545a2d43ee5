"""Mods that used to be accepted without a word, or to exhaust the machine: two mods with one id,
a mod that takes the base rules' id, a base manifest with dependencies, files the loader would
ignore, and a mod far larger than any ruleset.  Each is one clear problem naming its file."""

from __future__ import annotations

import tracemalloc

from game.ruleset import loader, mods
from game.ruleset.loader import load_rules
from tests.ruleset.test_mods import load, write_mod


def test_two_installed_mods_with_one_id_warn_when_that_id_is_chosen(tmp_path):
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    write_mod(shipped, "same")
    write_mod(user, "same", extra='description: "The user\'s own."\n')
    found, problems = mods.available(tmp_path, [shipped / "mods", user / "mods"])
    assert [m.folder for m in found] == [shipped / "mods" / "same"]
    assert [(p.file, p.severity) for p in problems] == [("user/mods/same/mod.yaml", "warning")]
    assert "taken already by shipped/mods/same" in problems[0].message
    order, problems = mods.resolve(["same"], tmp_path, [shipped / "mods", user / "mods"])
    assert [m.folder for m in order] == [shipped / "mods" / "same"]
    assert [p.severity for p in problems] == ["warning"] and "never loaded" in problems[0].message


def test_two_mods_given_with_one_id_are_an_error(tmp_path):
    a = write_mod(tmp_path / "one", "same")
    b = write_mod(tmp_path / "two", "same")
    order, problems = mods.resolve([str(a), str(b)], tmp_path, [])
    assert [p.severity for p in problems] == ["error"]
    assert "two mods with the id 'same'" in problems[0].message
    _, problems = mods.resolve([str(a), str(a)], tmp_path, [])  # the same folder twice: one mod
    assert problems == []


def test_a_mod_may_not_take_the_base_rules_id(tmp_path):
    folder = write_mod(tmp_path, "base")
    _, problems = mods.resolve([str(folder)], tmp_path, [])
    assert [(p.file, p.severity) for p in problems] == [("mods/base/mod.yaml", "error")]
    assert "the base rules' own" in problems[0].message
    found, problems = mods.available(tmp_path, [tmp_path / "mods"])
    assert found == [] and problems[0].severity == "error"


def test_the_base_rules_depend_on_nothing(tree):
    manifest = tree / "base" / "mod.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "depends_on: [lenin_lives]\n", encoding="utf-8")
    rules, problems = load(tree)
    assert rules is None
    assert [p.file for p in problems if "depend on no mod" in p.message] == ["base/mod.yaml"]


def test_files_the_loader_would_ignore_are_named(tree):
    text = "format_version: 1\nfigures: []\n"
    folder = write_mod(
        tree,
        "extra",
        {
            "figures.yml": text,
            "FIGURES.YAML": text,
            "events/extra.yaml": text,
            "scenarios/ok.yaml": "format_version: 1\n",
        },
    )
    (folder / "scenarios" / "ok.yaml").unlink()
    rules, problems = load(tree, folder)
    ignored = sorted(p.file for p in problems if "this file is not read" in p.message)
    assert ignored == ["mods/extra/FIGURES.YAML", "mods/extra/events/extra.yaml", "mods/extra/figures.yml"]
    assert all(p.severity == "warning" for p in problems if "this file is not read" in p.message)
    assert rules is not None  # warnings only: the mod still loads
    _, base_problems = load(tree)
    assert not [p for p in base_problems if "this file is not read" in p.message]  # historical/ is the base's own


def test_a_mod_larger_than_any_ruleset_is_refused_before_it_is_read(tree):
    """Twelve files just under the per-file cap (47 MB): refused in one error, reading nothing."""
    body = "format_version: 1\nfigures:\n" + "# " + "x" * 1000 + "\n"
    filler = body * (int(3.9 * 2**20) // len(body))
    folder = write_mod(tree, "huge", {f"part{i:02}.yaml": filler for i in range(12)})
    tracemalloc.start()
    rules, problems = load_rules([tree / "base", folder], tree)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert rules is None
    big = [p for p in problems if "a ruleset may hold at most" in p.message]
    assert [p.file for p in big] == ["mods/huge/mod.yaml"]
    assert peak < 100 * 2**20  # none of the 47 MB was loaded


def test_a_mod_with_too_many_files_is_refused(tree):
    files = {f"f{i:03}.yaml": "format_version: 1\n" for i in range(loader.MAX_FILES + 1)}
    folder = write_mod(tree, "many", files)
    rules, problems = load_rules([tree / "base", folder], tree)
    assert rules is None
    assert any(p.file == "mods/many/mod.yaml" and f"at most {loader.MAX_FILES}" in p.message for p in problems)


def test_a_twin_chosen_by_its_folder_is_loaded_without_a_warning_against_it(tmp_path):
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    write_mod(shipped, "same")
    mine = write_mod(user, "same")
    order, problems = mods.resolve([str(mine)], tmp_path, [shipped / "mods", user / "mods"])
    assert [m.folder for m in order] == [mine] and problems == []


def test_hidden_folders_are_not_searched_for_unread_rule_files(tree):
    folder = write_mod(tree, "tidy", {".github/workflows/ci.yml": "on: push\n", "notes/old.yaml": "x: 1\n"})
    _, problems = load(tree, folder)
    unread = [p.file for p in problems if "this file is not read" in p.message]
    assert unread == ["mods/tidy/notes/old.yaml"]
