"""Mods: manifests checked, partial overrides (maps merge, lists replace, ``+``/``-`` edit
them), explicit removal, dependencies in load order, and messages that name the mod's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ruleset import mods
from game.ruleset.loader import load_rules
from tests.ruleset.edits import line_of


def write_mod(
    root: Path, mod_id: str, files: dict[str, str] | None = None, extra: str = "", version: str = '"1.0.0"'
) -> Path:
    folder = root / "mods" / mod_id
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(
        f"id: {mod_id}\nname: Mod {mod_id}\nversion: {version}\nformat_version: 1\n{extra}", encoding="utf-8"
    )
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load(root: Path, *folders: Path):
    return load_rules([root / "base", *folders], root)


def report(problems) -> str:
    return "\n".join(map(str, problems))


def test_a_partial_override_changes_only_the_keys_it_gives(tree):
    mod = write_mod(
        tree,
        "cheap",
        {
            "settings.yaml": "format_version: 1\nsettings:\n  - id: standard\n"
            "    base_income: 3\n    votes:\n      testament: 9\n"
        },
    )
    base, _ = load(tree)
    rules, problems = load(tree, mod)
    assert problems == [], report(problems)
    assert rules.settings.base_income == 3 and rules.settings.votes.testament == 9
    assert rules.settings.votes.routine == base.settings.votes.routine  # the rest of the map merged
    assert rules.settings.max_income == base.settings.max_income
    assert rules.settings.source == base.settings.source  # sources kept, not copied
    assert rules.mods[0].label == "cheap@1.0.0"
    assert rules.fingerprint() != base.fingerprint()


SCENARIO_EDIT = """\
format_version: 1
scenarios:
  - id: succession_1923
    offices: {pravda_editor: radek}
    offices-: [pur_chief]
    politburo-: [lenin]
    politburo+: [bukharin]
    flags+: [a_new_flag]
"""


def test_maps_merge_and_lists_are_edited_with_plus_and_minus(tree):
    mod = write_mod(tree, "edit", {"scenarios/edit.yaml": SCENARIO_EDIT})
    base, _ = load(tree)
    rules, problems = load(tree, mod)
    assert not [p for p in problems if p.is_error], report(problems)
    sc, old = rules.scenarios["succession_1923"], base.scenarios["succession_1923"]
    assert sc.offices["pravda_editor"] == "radek" and sc.offices["war_commissar"] == "trotsky"
    assert "pur_chief" not in sc.offices
    assert sc.politburo == tuple(f for f in old.politburo if f != "lenin") + ("bukharin",)
    assert sc.flags == old.flags + ("a_new_flag",)
    assert sc.briefings == old.briefings


def test_removing_what_is_not_there_is_an_error_in_the_mod_file(tree):
    text = (
        "format_version: 1\nscenarios:\n  - id: succession_1923\n    politburo-: [nobody]\n    offices-: [no_office]\n"
    )
    mod = write_mod(tree, "bad", {"scenarios/bad.yaml": text})
    rules, problems = load(tree, mod)
    assert rules is None
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("mods/bad/scenarios/bad.yaml", 4, "no item 'nobody' to remove"),
        ("mods/bad/scenarios/bad.yaml", 5, "no key 'no_office' to remove"),
    ]


def test_a_mod_cannot_add_a_kind_of_rule_entry(tree):
    """The rules have one field per kind the game declares; a mod's new section or a removal of an
    entry of an unknown kind is an error in the mod's file, so every ruleset has the same fields."""
    generals = "format_version: 1\ngenerals:\n  - id: tukhachevsky\n    name: Mikhail Tukhachevsky\n"
    mod = write_mod(tree, "army", {"generals.yaml": generals}, extra="remove: [generals.frunze]\n")
    rules, problems = load(tree, mod)
    assert rules is None
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("mods/army/generals.yaml", 2, "unknown section 'generals'"),
        ("mods/army/mod.yaml", 1, "remove: no entry 'generals.frunze' to remove (write kind.id)"),
    ]


def test_a_problem_in_a_merged_entry_names_the_file_of_its_part(tree):
    text = "format_version: 1\nscenarios:\n  - id: succession_1923\n    turns: 0\n"
    mod = write_mod(tree, "short", {"scenarios/short.yaml": text}, extra="remove: [figures.kamenev]\n")
    _, problems = load(tree, mod)
    assert any(
        p.file == "mods/short/scenarios/short.yaml" and p.line == 4 and "turns must be within 1..120" in p.message
        for p in problems
    ), report(problems)
    base_text = (tree / "base/scenarios/succession_1923.yaml").read_text(encoding="utf-8")
    assert any(
        p.file == "base/scenarios/succession_1923.yaml"
        and "unknown figure 'kamenev'" in p.message
        and p.line == line_of(base_text, "politburo: [lenin")
        for p in problems
    ), report(problems)


def test_replace_and_remove_in_the_entry(tree):
    fig = (
        "format_version: 1\nfigures:\n  - id: sklyansky\n    replace: true\n    name: Sklyansky\n"
        "    source: [{outside: A test, says: nothing}]\n  - id: kamenev_junior\n    remove: true\n"
    )
    mod = write_mod(tree, "rep", {"figures.yaml": fig})
    _, problems = load(tree, mod)
    assert [(p.line, p.message) for p in problems if p.file == "mods/rep/figures.yaml"] == [
        (8, "remove: there is no figures entry 'kamenev_junior' to remove")
    ]
    fig = fig[: fig.index("  - id: kamenev_junior")]
    (mod / "figures.yaml").write_text(fig, encoding="utf-8")
    rules, problems = load(tree, mod)
    assert problems == [], report(problems)
    assert rules.figures["sklyansky"].leaning == 0 and len(rules.figures["sklyansky"].source) == 1


def test_remove_true_takes_an_entry_out(tree):
    events = "format_version: 1\nevents:\n  - id: lenin_third_stroke\n    remove: true\n"
    mod = write_mod(tree, "rm", {"events.yaml": events})
    rules, problems = load(tree, mod)
    assert problems == [], report(problems)
    assert "lenin_third_stroke" not in rules.events


@pytest.mark.parametrize(
    ("manifest", "line", "message"),
    [
        (
            'id: x\nname: X\nversion: "1.0"\nformat_version: 2\n',
            4,
            "format_version 2 is not supported: this game reads rule files of format 1",
        ),
        ("id: x\nname: X\nformat_version: 1\n", 1, "mod.yaml needs 'version'"),
        ("id: x\nname: X\nversion: one\nformat_version: 1\n", 3, "version is written like \"1.2.0\", got 'one'"),
        ('id: X-1\nname: X\nversion: "1"\nformat_version: 1\n', 1, "a mod's id must be lowercase snake_case"),
        ('id: x\nname: X\nversion: "1"\nformat_version: 1\nrequires: [y]\n', 5, "unknown key 'requires' in mod.yaml"),
        ('id: x\nname: X\nversion: "1"\nformat_version: 1\ndepends_on: y\n', 5, "depends_on is a list of mod ids"),
    ],
)
def test_manifest_problems(tmp_path, manifest, line, message):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "mod.yaml").write_text(manifest, encoding="utf-8")
    problems: list = []
    info, _ = mods.read_manifest(tmp_path / "x", tmp_path, problems)
    assert info is None
    assert [(p.file, p.line) for p in problems] == [("x/mod.yaml", line)]
    assert message in problems[0].message


def test_dependencies_load_first_and_bring_themselves(tmp_path):
    write_mod(tmp_path, "a")
    write_mod(tmp_path, "b", extra="depends_on: [a]\n")
    write_mod(tmp_path, "c", extra="depends_on: [b]\n")
    order, problems = mods.resolve(["c"], tmp_path, [tmp_path / "mods"])
    assert problems == []
    assert [m.id for m in order] == ["a", "b", "c"]
    order, _ = mods.resolve(["a", "c", "b"], tmp_path, [tmp_path / "mods"])
    assert [m.id for m in order] == ["a", "b", "c"]


def test_a_missing_dependency_names_both_mods(tmp_path):
    write_mod(tmp_path, "b", extra="depends_on: [ghost]\n")
    _, problems = mods.resolve(["b"], tmp_path, [tmp_path / "mods"])
    assert [str(p) for p in problems] == [
        "mods/b/mod.yaml:1:1: error: mod 'b' depends on mod 'ghost', which is not installed [b]"
    ]


def test_a_cycle_names_both_mods(tmp_path):
    write_mod(tmp_path, "a", extra="depends_on: [b]\n")
    write_mod(tmp_path, "b", extra="depends_on: [a]\n")
    _, problems = mods.resolve(["a"], tmp_path, [tmp_path / "mods"])
    assert [p.message for p in problems] == ["mod 'b' and mod 'a' depend on each other: a -> b -> a"]


def test_an_unknown_mod_id_lists_the_installed_ones(tmp_path):
    write_mod(tmp_path, "a")
    _, problems = mods.resolve(["nosuch"], tmp_path, [tmp_path / "mods"])
    assert [str(p) for p in problems] == [
        "--mod:1:1: error: no mod 'nosuch' (neither an installed mod's id nor a folder); installed: a"
    ]


def test_available_mods_for_the_new_game_screen(tmp_path):
    write_mod(tmp_path, "b", extra='description: "Second."\n', version='"2.1"')
    write_mod(tmp_path, "a")
    (tmp_path / "mods" / "not_a_mod").mkdir()
    found, problems = mods.available(tmp_path, [tmp_path / "mods"])
    assert problems == []
    assert [(m.id, m.name, m.version, m.description) for m in found] == [
        ("a", "Mod a", "1.0.0", ""),
        ("b", "Mod b", "2.1", "Second."),
    ]


def test_a_mod_in_the_user_data_folder_is_found_by_id(tmp_path, monkeypatch):
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path))
    write_mod(
        tmp_path, "mine", {"settings.yaml": "format_version: 1\nsettings:\n  - id: standard\n    base_income: 4\n"}
    )
    assert mods.search_path()[1] == tmp_path / "mods"
    assert "mine" in [m[0] for m in mods.list_mods()]
    assert "lenin_lives" in [m[0] for m in mods.list_mods()]  # the shipped ones too
    from game.ruleset.loader import load as load_with

    rules, problems = load_with(["mine"])
    assert problems == [] and rules.settings.base_income == 4
    assert rules.origin[("settings", "standard")][0] == "mine/settings.yaml"  # the mod and the path inside it
