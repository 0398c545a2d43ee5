"""Cross-entry checks: text normalisation for citations, effect verbs and arguments, scenario
seat counts, and citation coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ruleset import BASE, PROJECT, records
from game.ruleset.loader import load_rules
from game.ruleset.validate import coverage, normalise
from tests.ruleset.edits import line_of, replace_once


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
        ("Lenin’s “Testament” — 1923", 'lenin\'s "testament" - 1923'),
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


CAMPAIGN = ("scenarios", "succession_1923.yaml")


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        (
            "    kind: campaign\n",
            "    kind: campain\n",
            "    kind: campain",
            "unknown scenario kind 'campain' (did you mean 'campaign'?)",
        ),
        (
            "    kind: campaign\n",
            "    kind: counterfactual\n",
            "  - id: succession_1923",
            "a counterfactual needs a premise",
        ),
        (
            "    secretariat: [stalin, molotov, kuibyshev]\n",
            "    secretariat: [molotov, kuibyshev]\n",
            "    secretariat:",
            "the General Secretary 'stalin' is not in the Secretariat",
        ),
        (
            "    secretariat: [stalin, molotov, kuibyshev]\n",
            "    secretariat: [stalin, molotof]\n",
            "    secretariat:",
            "unknown figure 'molotof' (did you mean 'molotov'?)",
        ),
        (
            "    seats: {central_committee: 27}\n",
            "    seats: {central_comittee: 27}\n",
            "    seats:",
            "unknown body 'central_comittee'",
        ),
        (
            "    vacant_until: {ccc_chair: 1923-Q2}\n",
            "    vacant_until: {ccc_chair: 1923-Q1}\n",
            "    vacant_until:",
            "vacant_until is a YYYY-Qn after the start, got '1923-Q1'",
        ),
        (
            "    vacant_until: {ccc_chair: 1923-Q2}\n",
            "    vacant_until: {ccc_chair: 'April 1923'}\n",
            "    vacant_until:",
            "vacant_until is a YYYY-Qn after the start, got 'April 1923'",
        ),
        (
            "    vacant_until: {ccc_chair: 1923-Q2}\n",
            "    vacant_until: {ccc_chiar: 1923-Q2}\n",
            "    vacant_until:",
            "unknown office 'ccc_chiar' (did you mean 'ccc_chair'?)",
        ),
        (
            "    vacant_until: {ccc_chair: 1923-Q2}\n",
            "    vacant_until: {pur_chief: 1923-Q2}\n",
            "    vacant_until:",
            "'pur_chief' is vacant until 1923-Q2 but has a holder at the start",
        ),
    ],
)
def test_scenario_checks(tree, old, new, needle, message):
    text = replace_once(tree / "base" / CAMPAIGN[0] / CAMPAIGN[1], old, new)
    problems = problems_of(tree)
    hits = [p for p in problems if message in p.message]
    assert hits, "\n".join(map(str, problems))
    assert hits[0].file == "base/scenarios/succession_1923.yaml"
    assert hits[0].line == line_of(text, needle)


def _cut(path: Path, start: str, stop: str) -> str:
    """Remove from ``path`` the lines from the one starting ``start`` up to (not including) the
    next one starting ``stop``."""
    text = path.read_text(encoding="utf-8")
    a = text.index("\n" + start) + 1
    b = text.index("\n" + stop, a) + 1
    text = text[:a] + text[b:]
    path.write_text(text, encoding="utf-8")
    return text


def test_a_faction_without_objectives_is_reported(tree):
    path = tree / "base" / CAMPAIGN[0] / CAMPAIGN[1]
    text = _cut(path, "      zinoviev:\n        history:", "      bukharin:\n        history:")
    problems = problems_of(tree)
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    assert p.file == "base/scenarios/succession_1923.yaml"
    assert p.line == line_of(text, "    objectives:") + 1  # where the objectives' table begins
    assert p.message == "no objectives for faction 'zinoviev'"
    assert p.id == "succession_1923"


def test_a_scenario_without_any_objectives_names_every_faction(tree):
    path = tree / "base" / CAMPAIGN[0] / CAMPAIGN[1]
    text = _cut(path, "    objectives:\n", "    design:")
    problems = problems_of(tree)
    assert sorted(p.message for p in problems) == [
        f"no objectives for faction '{f}'" for f in ("bukharin", "stalin", "trotsky", "zinoviev")
    ]
    assert {p.line for p in problems} == {line_of(text, "  - id: succession_1923")}


def test_objectives_for_a_faction_not_in_the_scenario(tree):
    path = tree / "base" / CAMPAIGN[0] / CAMPAIGN[1]
    text = replace_once(path, "    objectives:\n      stalin:\n", "    objectives:\n      staline:\n")
    problems = problems_of(tree)
    messages = sorted(p.message for p in problems)
    assert messages == [
        "no objectives for faction 'stalin'",
        "unknown faction of this scenario 'staline' (did you mean 'stalin'?)",
    ], messages
    assert line_of(text, "      staline:") in {p.line for p in problems}


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            '        quote: "Every year the Communist Party of the Soviet Union (CPSU) elected a 27 member Central Committee."\n',
            '        quote: "Every year the Communist Party of the Soviet Union (CPSU) elected a 27 member Central Committee."\n'
            '        says: "The CC of 1922 had 27 members."\n',
            "an outside reference needs a quote or (if the text is not at hand) says, not both",
        ),
        (
            '        quote: "Every year the Communist Party of the Soviet Union (CPSU) elected a 27 member Central Committee."\n',
            "",
            "an outside reference needs a quote or (if the text is not at hand) says, not both",
        ),
        (
            '        quote: "When Stalin was appointed to the position of GenSec in 1922"\n',
            '        says: "Stalin became General Secretary in 1922"\n',
            "'says' is for outside references",
        ),
    ],
)
def test_citation_kinds(tree, old, new, message):
    replace_once(tree / "base" / CAMPAIGN[0] / CAMPAIGN[1], old, new)
    problems = problems_of(tree)
    assert any(message in p.message and p.file == "base/scenarios/succession_1923.yaml" for p in problems), "\n".join(
        map(str, problems)
    )


def test_a_paraphrase_alone_is_not_a_verified_citation(tree):
    from game.ruleset.validate import unverified

    path = tree / "base" / CAMPAIGN[0] / CAMPAIGN[1]
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("\n    source:\n") + 1]  # the source list closes the file's only entry
    path.write_text(head + '    source:\n      - outside: "A book"\n        says: "Something."\n', encoding="utf-8")
    rules, problems = load_rules([tree / "base"], tree)
    assert problems == [], "\n".join(map(str, problems))
    cited, total = coverage(rules)
    assert cited == coverage(load_rules([BASE], PROJECT)[0])[0] - 1
    assert ("scenarios", "succession_1923") in unverified(rules)


# --- coverage --------------------------------------------------------------------------------


def test_coverage_of_the_base_rules_is_complete():
    rules, problems = load_rules([BASE], PROJECT)
    assert problems == []
    cited, total = coverage(rules)
    assert total > 0
    assert cited == total
    assert total == sum(len(rules.by_kind[k]) for k in records.HISTORICAL)
