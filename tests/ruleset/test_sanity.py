"""What is well-formed but cannot work: numbers out of range, scenarios that seat the dead or one
man twice, events that can never fire (warnings), roles the engine needs, empty rulesets."""

from __future__ import annotations

from pathlib import Path

from game.ruleset.loader import load_rules
from tests.ruleset.edits import line_of, replace_once

SCENARIO = "base/scenarios/succession_1923.yaml"


def load(root: Path):
    return load_rules([root / "base"], root)


def find(problems, file, line, words, severity="error"):
    hits = [p for p in problems if p.file == file and p.line == line and words in p.message and p.severity == severity]
    assert hits, f"no {severity} '{words}' at {file}:{line} in:\n" + "\n".join(map(str, problems))
    return hits[0]


def test_a_scenario_that_seats_the_dead_one_man_twice_or_in_two_offices(tree):
    path = tree / SCENARIO
    replace_once(path, "      pravda_editor: bukharin", "      pravda_editor: trotsky")
    replace_once(
        path,
        "[lenin, trotsky, stalin, zinoviev, kamenev, rykov, tomsky]",
        "[lenin, trotsky, stalin, zinoviev, kamenev, rykov, rykov]",
    )
    text = replace_once(path, "lenin: {status: incapacitated}", "lenin: {status: dead}")
    rules, problems = load(tree)
    assert rules is None
    find(
        problems,
        SCENARIO,
        line_of(text, "pravda_editor: trotsky"),
        "'trotsky' holds both 'war_commissar' and 'pravda_editor'",
    )
    politburo = line_of(text, "politburo: [lenin")
    find(problems, SCENARIO, politburo, "'rykov' is seated twice in the Politburo")
    find(problems, SCENARIO, politburo, "'lenin' is dead in this scenario and cannot sit in the Politburo")
    find(
        problems,
        SCENARIO,
        line_of(text, "sovnarkom_chair: lenin"),
        "'lenin' is dead in this scenario and cannot sit in office 'sovnarkom_chair'",
    )


def test_offices_that_list_each_other_may_share_a_holder(tree):
    rules, problems = load(tree)  # Zinoviev is Comintern chairman and Leningrad's chief in 1923
    assert rules is not None and problems == []
    assert rules.scenarios["succession_1923"].offices["leningrad_chief"] == "zinoviev"
    assert "leningrad_chief" in rules.offices["comintern_chair"].also


def test_numbers_out_of_range_are_errors_at_their_line(tree):
    text = replace_once(tree / SCENARIO, "    turns: 28", "    turns: 100000")
    actions = replace_once(
        tree / "base/actions.yaml", "    cost: {ap: 1, influence: 2}", "    cost: {ap: 1, influence: -2}"
    )
    settings = replace_once(tree / "base/settings.yaml", "base_income: 2", "base_income: -2")
    bodies = replace_once(tree / "base/bodies.yaml", "kind: council", "kind: council\n    seats: 1000000000000")
    rules, problems = load(tree)
    assert rules is None
    find(problems, SCENARIO, line_of(text, "turns: 100000"), "turns must be within 1..120, got 100000")
    find(
        problems, "base/actions.yaml", line_of(actions, "influence: -2"), "cost.influence must be within 0..100, got -2"
    )
    find(
        problems,
        "base/settings.yaml",
        line_of(settings, "base_income: -2"),
        "base_income must be within 0..1000, got -2",
    )
    find(problems, "base/bodies.yaml", line_of(bodies, "seats: 1000000000000"), "the number 1000000000000 is too large")


def test_a_seats_effect_that_would_hang_the_congress_is_an_error(tree):
    text = replace_once(
        tree / "base/events.yaml",
        "      - tracker: {id: mass_mood, delta: -5}\n",
        "      - tracker: {id: mass_mood, delta: -500}\n      - seats: {body: congress, to: 900000}\n",
    )
    _, problems = load(tree)
    find(problems, "base/events.yaml", line_of(text, "delta: -500"), "must be within -100..100, got -500")
    find(problems, "base/events.yaml", line_of(text, "to: 900000"), "must be within 1..2000, got 900000")


def test_events_that_can_never_fire_are_warnings(tree):
    path = tree / "base/events.yaml"
    replace_once(path, 'date: "1923-03-10"', 'date: "1950-03-10"\n    chance: 0')
    text = replace_once(
        path,
        "      - not_flag: lenin_incapacitated\n",
        "      - not_flag: lenin_incapacitated\n      - flag: lenin_incapacitated\n"
        "      - flag: nobody_sets_this\n      - alive: trotsky\n      - dead: trotsky\n",
    )
    rules, problems = load(tree)
    assert rules is not None, "\n".join(map(str, problems))  # warnings do not stop the rules
    f = "base/events.yaml"
    find(
        problems,
        f,
        line_of(text, "1950-03-10"),
        "dated 1950-03-10, outside every scenario (1923-Q1 to 1929-Q4)",
        "warning",
    )
    find(problems, f, line_of(text, "chance: 0"), "chance 0: this event never fires", "warning")
    find(
        problems,
        f,
        line_of(text, "- flag: lenin_incapacitated"),
        "contradicts condition 2 (flag and not_flag of 'lenin_incapacitated')",
        "warning",
    )
    find(
        problems,
        f,
        line_of(text, "nobody_sets_this"),
        "flag 'nobody_sets_this' is set by no event, scenario or rule",
        "warning",
    )
    find(problems, f, line_of(text, "dead: trotsky"), "(alive and dead of 'trotsky')", "warning")
    assert all(p.severity == "warning" for p in problems)


def test_a_choice_without_options_is_an_error(tree):
    path = tree / "base/events.yaml"
    text = path.read_text(encoding="utf-8") + (
        '  - id: empty_choice\n    name: A choice of nothing\n    date: "1924-01-10"\n    design: test\n'
        "    choice:\n      faction: trotsky\n      prompt: Choose\n      options: []\n"
    )
    path.write_text(text, encoding="utf-8")
    _, problems = load(tree)
    assert any(
        p.line == line_of(text, "options: []") and "a choice needs at least one option" in p.message for p in problems
    ), "\n".join(map(str, problems))


def test_a_ruleset_without_actions_is_an_error(tree):
    (tree / "base/actions.yaml").write_text("format_version: 1\nactions: []\n", encoding="utf-8")
    rules, problems = load(tree)
    assert rules is None
    find(problems, "actions.yaml", 1, "no actions: a ruleset needs at least one entry in 'actions'")


def test_the_roles_the_engine_needs_are_checked(tree):
    replace_once(tree / "base/settings.yaml", "      politburo: politburo", "      politburo: politbureau")
    text = replace_once(tree / "base/settings.yaml", "      mass_mood: mass_mood", "      mass_mood: party_democracy")
    _, problems = load(tree)
    find(
        problems,
        "base/settings.yaml",
        line_of(text, "politburo: politbureau"),
        "unknown body 'politbureau' (did you mean 'politburo'?)",
    )
    find(
        problems,
        "base/settings.yaml",
        line_of(text, "mass_mood: party_democracy"),
        "the mass mood role needs a tracker of kind 'mood', 'party_democracy' is 'issue'",
    )
