"""The rule loader: the base rules load clean, and every kind of breakage is reported once,
positioned on the file and line at fault, with a helpful message.

Each breakage test works on a copy of ``rules/base`` in ``tmp_path/base`` with the seeds copied to
``tmp_path/seeds``, and loads it with ``tmp_path`` as the root, so labels read ``base/<file>``.
"""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from game.ruleset import BASE, PROJECT, records
from game.ruleset.loader import load_rules
from game.ruleset.problems import Problem
from game.ruleset.rules import FIELDS, Rules
from tests.ruleset.edits import line_of, replace_once

# --- helpers ---------------------------------------------------------------------------------


def load(root: Path, *mods: str):
    return load_rules([root / "base", *(root / m for m in mods)], root)


def only(problems: list[Problem], fragment: str) -> Problem:
    """The one problem whose message contains ``fragment``."""
    found = [p for p in problems if fragment in p.message]
    assert len(found) == 1, f"expected one problem with {fragment!r}, got:\n" + "\n".join(map(str, problems))
    return found[0]


def write_mod(root: Path, name: str, manifest_extra: str = "", files: dict[str, str] | None = None) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "mod.yaml").write_text(
        f'id: {name}\nname: Test mod {name}\nversion: "1.0.0"\nformat_version: 1\n{manifest_extra}', encoding="utf-8"
    )
    for fname, text in (files or {}).items():
        (folder / fname).write_text(text, encoding="utf-8")
    return folder


# --- the base rules --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_rules():
    rules, problems = load_rules([BASE], PROJECT)
    assert problems == [], "\n".join(map(str, problems))
    assert rules is not None
    return rules


def test_base_rules_load_without_problems(base_rules):
    for kind in (
        "settings",
        "trackers",
        "bodies",
        "offices",
        "factions",
        "figures",
        "regions",
        "press",
        "actions",
        "motions",
        "events",
        "victory",
        "scenarios",
    ):
        assert base_rules.by_kind[kind], f"no {kind} in the base rules"
    assert "succession_1923" in base_rules.scenarios
    assert base_rules.figures["stalin"].faction == "stalin"
    assert base_rules.regions["moscow"].delegates == 14


def test_every_record_is_a_frozen_attrs_instance_of_its_kind(base_rules):
    for kind, cls in records.KINDS.items():
        for entry_id, rec in base_rules.by_kind[kind].items():
            assert isinstance(rec, cls), (kind, entry_id)
            assert attrs.has(type(rec))
            assert rec.id == entry_id


def test_records_cannot_be_changed(base_rules):
    stalin = base_rules.figures["stalin"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        stalin.name = "Koba"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        base_rules.regions["moscow"].delegates = 99
    assert base_rules.figures["stalin"].name == "Joseph Stalin"
    assert isinstance(stalin.traits, tuple)  # lists in YAML become tuples: no mutable innards


def test_each_kind_is_an_attribute_and_the_rules_stay_frozen(base_rules):
    for kind in records.KINDS:
        if kind != "settings":
            assert getattr(base_rules, kind) is base_rules.by_kind[kind], kind
    assert base_rules.settings is next(iter(base_rules.by_kind["settings"].values()))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        base_rules.actions = {}
    with pytest.raises(AttributeError):
        base_rules.no_such_kind  # noqa: B018
    fewer = attrs.evolve(base_rules, press={})
    assert fewer.press == {} and fewer.by_kind["press"] == {} and base_rules.press
    assert fewer.figures is base_rules.figures


def test_rules_have_one_field_per_kind_of_rule_entry():
    names = {f.name for f in attrs.fields(Rules)}
    for kind in records.KINDS:
        assert FIELDS[kind] in names, kind
    with pytest.raises(ValueError, match="no kind of rule entry is called 'generals'"):
        Rules.from_tables({"generals": {}})


def test_the_rules_module_imports_no_yaml():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'yaml':\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import game.ruleset.rules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_what_is_worked_out_from_the_rules_is_kept_with_them(base_rules):
    tables = base_rules.tables
    assert tables.granting is tables.granting  # worked out once
    assert tables.granting["secretariat"] == ("general_secretary",)
    assert tables.issues == tuple(t for t, rec in base_rules.trackers.items() if rec.kind == "issue")
    assert tables.office_order == tuple(sorted(base_rules.offices))
    assert base_rules.fingerprint() == tables.fingerprint
    other = attrs.evolve(base_rules, offices={})
    assert other.tables is not tables and other.tables.granting == {}  # a new ruleset works its tables out anew
    assert other.fingerprint() != base_rules.fingerprint()


def test_the_tables_read_what_the_rule_files_say(base_rules):
    tables = base_rules.tables
    for oid, office in base_rules.offices.items():
        fit = tables.eligible[oid]
        if not office.traits:
            assert fit is None, oid  # anyone may hold it
        else:
            assert fit == {f for f, fig in base_rules.figures.items() if set(fig.traits) & set(office.traits)}, oid
    offered = [entry[0] for entry in tables.offer["active"]]
    assert offered == [aid for aid, a in base_rules.actions.items() if "active" in a.allowed_status]  # rule order
    assert tables.next_rung_exposure["censured"] == min(
        m.min_exposure for m in base_rules.motions.values() if m.result_status and "censured" in m.target_status
    )


def test_the_rules_travel_to_another_process_without_their_tables(base_rules):
    base_rules.tables.rung_paces[("censured", None)] = "1925-Q1"
    try:
        copied = pickle.loads(pickle.dumps(base_rules))
    finally:
        base_rules.tables.rung_paces.pop(("censured", None))
    assert copied.figures == base_rules.figures and copied.settings == base_rules.settings
    assert copied.tables.rules is copied and copied.tables.rung_paces == {}
    assert copied.fingerprint() == base_rules.fingerprint()


def test_every_entry_remembers_where_it_was_defined(base_rules):
    file, line, col = base_rules.origin[("figures", "stalin")]
    assert file == "rules/base/figures.yaml"
    text = (BASE / "figures.yaml").read_text(encoding="utf-8")
    assert line == line_of(text, "- id: stalin")


def test_problem_prints_as_file_line_col_message_id():
    assert str(Problem("base/x.yaml", 3, 7, "bad thing", "foo")) == "base/x.yaml:3:7: error: bad thing [foo]"
    assert str(Problem("base/x.yaml", 3, 7, "odd", severity="warning")) == "base/x.yaml:3:7: warning: odd"
    assert str(Problem("base/x.yaml", 3, 7, "bad thing")) == "base/x.yaml:3:7: error: bad thing"


def test_the_copied_tree_loads_clean(tree):
    rules, problems = load(tree)
    assert problems == [], "\n".join(map(str, problems))
    assert rules is not None
    assert rules.origin[("regions", "moscow")][0] == "base/regions.yaml"


# --- one breakage at a time ------------------------------------------------------------------


def test_yaml_syntax_error_bad_indentation(tree):
    text = replace_once(tree / "base" / "regions.yaml", "    delegates: 14\n", "   delegates: 14\n")
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "YAML syntax")
    assert p.file == "base/regions.yaml"
    assert p.line == line_of(text, "   delegates: 14")


def test_yaml_syntax_error_unclosed_flow_mapping(tree):
    text = replace_once(tree / "base" / "trackers.yaml", "format_version: 1\n", "format_version: 1\nbroken: {a: 1\n")
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "YAML syntax")
    assert p.file == "base/trackers.yaml"
    # the parser notices the missing '}' somewhere after the opening brace, never before it
    assert p.line >= line_of(text, "broken: {a: 1")


def test_wrong_type_names_the_field_and_the_expected_type(tree):
    text = replace_once(tree / "base" / "regions.yaml", "    delegates: 14\n", "    delegates: many\n")
    rules, problems = load(tree)
    assert rules is None
    regional = [p for p in problems if p.file == "base/regions.yaml"]
    assert len(regional) == 1, "\n".join(map(str, problems))
    p = regional[0]
    assert p.line == line_of(text, "delegates: many")
    assert p.id == "moscow"
    assert "delegates" in p.message
    assert "expected a whole number" in p.message, str(p)


def test_unknown_key_suggests_the_known_one(tree):
    text = replace_once(tree / "base" / "regions.yaml", "    delegates: 14\n", "    delegates: 14\n    delegats: 5\n")
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "unknown key 'delegats'")
    assert p.file == "base/regions.yaml"
    assert "did you mean 'delegates'" in p.message
    assert p.id == "moscow"
    assert p.line == line_of(text, "delegats: 5"), (
        f"reported at line {p.line}, the key is on line {line_of(text, 'delegats: 5')}"
    )


def test_dangling_reference_suggests_the_close_id(tree):
    text = replace_once(tree / "base" / "figures.yaml", "    faction: stalin\n", "    faction: stallin\n")
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "unknown faction 'stallin'")
    assert p.file == "base/figures.yaml"
    assert p.line == line_of(text, "faction: stallin")
    assert "did you mean 'stalin'" in p.message
    assert p.id == "stalin"
    assert len(problems) == 1, "\n".join(map(str, problems))


def test_wrong_citation_quote(tree):
    text = replace_once(
        tree / "base" / "regions.yaml", "the most powerful in the country", "the most powerful in the county"
    )
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "quote not found")
    assert p.file == "base/regions.yaml"
    assert p.line == line_of(text, "the most powerful in the county")
    assert "seeds/000_91784d57bb673ed7.txt" in p.message
    assert p.id == "moscow"


def test_duplicate_id_in_one_file(tree):
    text = replace_once(tree / "base" / "regions.yaml", "  - id: leningrad\n", "  - id: moscow\n")
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "duplicate id 'moscow'")
    assert p.file == "base/regions.yaml"
    second = text.index("- id: moscow", text.index("- id: moscow") + 1)
    assert p.line == text[:second].count("\n") + 1
    assert f"base/regions.yaml:{line_of(text, '- id: moscow')}" in p.message  # points at the first


def test_citation_lines_out_of_range(tree):
    text = replace_once(tree / "base" / "regions.yaml", 'lines: "191"', 'lines: "9999"')
    rules, problems = load(tree)
    assert rules is None
    p = only(problems, "outside")
    assert p.file == "base/regions.yaml"
    assert p.line == line_of(text, 'lines: "9999"')
    assert "9999" in p.message


def test_citation_lines_just_past_the_end_of_the_seed(tree):
    seed = "seeds/000_91784d57bb673ed7.txt"
    count = len((tree / seed).read_text(encoding="utf-8").splitlines())
    text = replace_once(tree / "base" / "regions.yaml", 'lines: "191"', f'lines: "{count + 1}"')
    rules, problems = load(tree)
    p = only(problems, "outside")
    assert p.line == line_of(text, f'lines: "{count + 1}"')
    assert f"(1-{count})" in p.message


def test_citation_lines_past_a_seed_that_ends_with_a_newline(tree):
    (tree / "seeds" / "tiny.txt").write_text("alpha beta\ngamma delta\n", encoding="utf-8")
    text = replace_once(
        tree / "base" / "regions.yaml",
        '      - seed: seeds/000_91784d57bb673ed7.txt\n        lines: "191"\n',
        '      - seed: seeds/tiny.txt\n        lines: "3"\n',
    )
    # keep the quote matching nothing on purpose: the point is the range check comes first
    rules, problems = load(tree)
    assert rules is None
    regional = [p for p in problems if p.file == "base/regions.yaml"]
    assert len(regional) == 1, "\n".join(map(str, problems))
    assert regional[0].line == line_of(text, 'lines: "3"')
    assert "outside seeds/tiny.txt (1-2)" in regional[0].message, str(regional[0])


def test_an_empty_quote_is_not_a_verified_citation(tree):
    text = replace_once(
        tree / "base" / "regions.yaml",
        'quote: "control of the Moscow Party organization, the most powerful in the country (Uglanov)"',
        'quote: ""',
    )
    rules, problems = load(tree)
    assert rules is None, "an empty quote was accepted as a verified citation"
    assert any(p.file == "base/regions.yaml" and p.line == line_of(text, 'quote: ""') for p in problems)


def test_several_problems_in_several_files_are_all_reported(tree):
    regions = replace_once(tree / "base" / "regions.yaml", 'lines: "191"', 'lines: "9999"')
    figures = replace_once(tree / "base" / "figures.yaml", "    faction: stalin\n", "    faction: stallin\n")
    rules, problems = load(tree)
    assert rules is None
    assert len(problems) == 2, "\n".join(map(str, problems))
    assert problems == sorted(problems)
    figure, region = problems  # sorted by file
    assert (figure.file, figure.line) == ("base/figures.yaml", line_of(figures, "faction: stallin"))
    assert "unknown faction 'stallin'" in figure.message
    assert (region.file, region.line) == ("base/regions.yaml", line_of(regions, 'lines: "9999"'))
    assert "outside" in region.message


def test_missing_rules_folder_is_a_problem_not_an_exception(tmp_path):
    rules, problems = load_rules([tmp_path / "nowhere"], tmp_path)
    assert rules is None
    assert any("no such rules folder" in p.message and p.file == "nowhere" for p in problems)


# --- mods ------------------------------------------------------------------------------------

SKLYANSKY_OVERRIDE = """\
format_version: 1
figures:
  - id: sklyansky
    name: Efraim M. Sklyansky (modded)
    faction: trotsky
    leaning: -40
    traits: [soldier]
    source:
      - outside: "Isaac Deutscher, The Prophet Unarmed: Trotsky 1921-1929 (1959)"
        quote: "Sklyansky, Trotsky's deputy on the Revolutionary Military Council"
"""


def test_a_mod_overrides_an_entry_by_id(tree):
    write_mod(tree, "mymod", files={"figures.yaml": SKLYANSKY_OVERRIDE})
    rules, problems = load(tree, "mymod")
    assert problems == [], "\n".join(map(str, problems))
    fig = rules.figures["sklyansky"]
    assert fig.name == "Efraim M. Sklyansky (modded)"
    assert fig.leaning == -40
    assert fig.traits == ("soldier",)
    assert rules.origin[("figures", "sklyansky")][0] == "mymod/figures.yaml"
    base_count = len(load(tree)[0].figures)
    assert len(rules.figures) == base_count  # replaced, not added


def test_a_mod_adds_a_new_entry(tree):
    new = SKLYANSKY_OVERRIDE.replace("id: sklyansky", "id: sklyansky_junior")
    write_mod(tree, "addmod", files={"figures.yaml": new})
    rules, problems = load(tree, "addmod")
    assert problems == [], "\n".join(map(str, problems))
    assert rules.figures["sklyansky"].name == "Efraim Sklyansky"
    assert rules.figures["sklyansky_junior"].name == "Efraim M. Sklyansky (modded)"


def _unreferenced_figure(tree) -> str:
    """A figure no other rule file names (the base rules change; the test must not)."""
    texts = [p.read_text(encoding="utf-8") for p in (tree / "base").rglob("*.yaml") if p.name != "figures.yaml"]
    base = load(tree)[0]
    for fid in base.figures:
        if not any(re.search(rf"\b{fid}\b", t) for t in texts):
            return fid
    raise AssertionError("every figure is referenced somewhere")


def test_a_mod_removes_an_unreferenced_entry(tree):
    victim = _unreferenced_figure(tree)
    write_mod(tree, "rmmod", manifest_extra=f"remove: [figures.{victim}]\n")
    rules, problems = load(tree, "rmmod")
    assert problems == [], "\n".join(map(str, problems))
    assert victim not in rules.figures
    assert ("figures", victim) not in rules.origin
    assert "trotsky" in rules.figures


def test_removing_a_referenced_entry_leaves_dangling_references(tree):
    write_mod(tree, "rmmod", manifest_extra="remove: [figures.kamenev]\n")
    rules, problems = load(tree, "rmmod")
    assert rules is None
    scenario = (tree / "base" / "scenarios" / "succession_1923.yaml").read_text(encoding="utf-8")
    dangling = [p for p in problems if "unknown figure 'kamenev'" in p.message]
    assert dangling, "\n".join(map(str, problems))
    assert any(
        p.file == "base/scenarios/succession_1923.yaml"
        and p.line == line_of(scenario, "politburo: [lenin, trotsky, stalin, zinoviev, kamenev")
        for p in dangling
    ), "\n".join(map(str, dangling))


def test_removing_an_entry_that_does_not_exist_is_reported(tree):
    write_mod(tree, "rmmod", manifest_extra="remove: [figures.nobody]\n")
    rules, problems = load(tree, "rmmod")
    assert rules is None
    p = only(problems, "figures.nobody")
    assert p.file == "rmmod/mod.yaml"


def test_a_mod_without_a_manifest_is_reported(tree):
    (tree / "bare").mkdir()
    rules, problems = load(tree, "bare")
    assert rules is None
    p = only(problems, "missing mod.yaml")
    assert p.file == "bare/mod.yaml"


def test_a_broken_mod_entry_is_positioned_in_the_mod_file(tree):
    broken = SKLYANSKY_OVERRIDE.replace("faction: trotsky", "faction: trotski")
    write_mod(tree, "badmod", files={"figures.yaml": broken})
    rules, problems = load(tree, "badmod")
    assert rules is None
    p = only(problems, "unknown faction 'trotski'")
    assert p.file == "badmod/figures.yaml"
    assert p.line == line_of(broken, "faction: trotski")
    assert "did you mean 'trotsky'" in p.message
