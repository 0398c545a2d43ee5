"""Cross-entry checks: text normalisation for citations, effect verbs and arguments, scenario
seat counts, and citation coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.ruleset import BASE, PROJECT, load_rules, records
from game.ruleset.validate import coverage, normalise


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "base")
    shutil.copytree(PROJECT / "seeds", tmp_path / "seeds")
    return tmp_path


def replace_once(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems_of(root: Path):
    rules, problems = load_rules([root / "base"], root)
    assert rules is None, "the breakage was not noticed"
    return problems


# --- normalise -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hello   World", "hello world"),
        ("  Tabs\tand\nnewlines \r\n here  ", "tabs and newlines here"),
        ("ALL CAPS", "all caps"),
        ("Lenin’s “Testament” — 1923", "lenin's \"testament\" - 1923"),
        ("", ""),
    ],
)
def test_normalise_collapses_whitespace_case_and_typography(text, expected):
    assert normalise(text) == expected


def test_normalise_makes_a_wrapped_quote_match_its_seed_lines():
    seed = "Stalin was removing\n   detractors and REPLACING them"
    assert normalise("stalin was removing detractors and replacing them") in normalise(seed)
    assert normalise("stalin was removing supporters") not in normalise(seed)


# --- events ----------------------------------------------------------------------------------

EFFECT = "      - influence: {faction: stalin, delta: 2}\n"


def test_unknown_effect_verb(tree):
    text = replace_once(tree / "base" / "events.yaml", EFFECT, "      - influense: {faction: stalin, delta: 2}\n")
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    assert p.file == "base/events.yaml"
    assert p.line == line_of(text, "influense:")
    assert "unknown effect 'influense'" in p.message
    assert "did you mean 'influence'" in p.message


def test_an_effect_that_is_not_a_verb_at_all(tree):
    text = replace_once(tree / "base" / "events.yaml", EFFECT, "      - frobnicate: 3\n")
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert "unknown effect 'frobnicate'" in problems[0].message
    assert problems[0].line == line_of(text, "frobnicate")


def test_missing_effect_argument(tree):
    text = replace_once(tree / "base" / "events.yaml", EFFECT, "      - influence: {faction: stalin}\n")
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    assert p.file == "base/events.yaml"
    assert p.line == line_of(text, "influence: {faction: stalin}")
    assert "missing argument 'delta'" in p.message


def test_effect_argument_with_a_dangling_reference(tree):
    text = replace_once(tree / "base" / "events.yaml", EFFECT, "      - influence: {faction: stallin, delta: 2}\n")
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert "unknown faction 'stallin'" in problems[0].message
    assert problems[0].line == line_of(text, "faction: stallin")


def test_effect_argument_of_the_wrong_type(tree):
    replace_once(tree / "base" / "events.yaml", EFFECT, "      - influence: {faction: stalin, delta: lots}\n")
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert "expected a whole number" in problems[0].message


def test_every_effect_verb_in_the_base_rules_is_known():
    rules, problems = load_rules([BASE], PROJECT)
    assert problems == []
    used = set()
    for event in rules.events.values():
        options = event.choice.options if event.choice else ()
        for eff in list(event.effects) + [e for o in options for e in o.effects]:
            used |= set(eff)
    assert used and used <= set(records.EFFECTS)


# --- scenarios -------------------------------------------------------------------------------


def test_central_committee_seats_must_add_up_to_the_body(tree):
    text = replace_once(
        tree / "base" / "scenarios" / "succession_1923.yaml",
        "central_committee: {stalin: 8,",
        "central_committee: {stalin: 9,",
    )
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    assert p.file == "base/scenarios/succession_1923.yaml"
    assert p.line == line_of(text, "    central_committee: {")
    assert "central_committee seats add up to 28, the body has 27" in p.message
    assert p.id == "succession_1923"


def test_body_seats_changed_instead_of_the_scenario(tree):
    replace_once(tree / "base" / "bodies.yaml", "    seats: 20\n", "    seats: 22\n")
    problems = problems_of(tree)
    assert any("control_commission seats add up to 20, the body has 22" in p.message for p in problems)


# --- coverage --------------------------------------------------------------------------------


def test_coverage_of_the_base_rules_is_complete():
    rules, problems = load_rules([BASE], PROJECT)
    assert problems == []
    cited, total = coverage(rules)
    assert total > 0
    assert cited == total
    assert total == sum(len(rules.by_kind[k]) for k in records.HISTORICAL)
