"""Teacher presets: read like rule files (every problem at its line), checked against the rules with
their mods, written back in the same format, and kept by a save of the game they set up."""

from __future__ import annotations

import pytest

from game.match import presets, saves
from game.match.match import AI, HUMAN, Match, Options, Seat
from game.match.presets import Preset, PresetError
from game.ruleset.loader import load, load_base

GOOD = """\
preset: 1
title: "Year 11 — the 1923 crisis"
scenario: crisis_1923
seed: 4242
seats:
  stalin: {team: "Team A"}
  trotsky: {team: "Team B"}
  zinoviev: {computer: normal}
locked: true
hide_history: true
turn_seconds: 240
"""


@pytest.fixture(scope="module")
def rules():
    return load_base()


def _problems(text: str) -> list[str]:
    with pytest.raises(PresetError) as caught:
        presets.parse(text, "lesson.preset.yaml")
    return caught.value.problems


def test_a_good_preset_is_read_whole():
    preset = presets.parse(GOOD, "lesson.preset.yaml")
    assert preset.scenario == "crisis_1923" and preset.seed == 4242 and preset.title == "Year 11 — the 1923 crisis"
    assert preset.seats == {
        "stalin": Seat(HUMAN, "simple", "Team A"),
        "trotsky": Seat(HUMAN, "simple", "Team B"),
        "zinoviev": Seat(AI, "normal", ""),
    }
    assert preset.locked and preset.hide_history and preset.turn_seconds == 240
    assert preset.options == Options("Year 11 — the 1923 crisis", True, 240)


def test_a_faction_left_out_is_played_by_the_simple_computer(rules):
    preset = presets.parse(GOOD)
    seats = presets.seats_for(preset, rules.scenarios["crisis_1923"].factions)
    assert seats["bukharin"] == Seat(AI, "simple", "") and seats["stalin"].name == "Team A"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("locked: true", "lockd: true"), "lesson.preset.yaml:9: unknown key 'lockd' (did you mean 'locked'?)"),
        (("{computer: normal}", "{computer: nromal}"), "lesson.preset.yaml:8: the computer's level is one of"),
        (("{computer: normal}", "{computer: wait}"), "lesson.preset.yaml:8: the computer's level is one of"),
        (('{team: "Team B"}', "{player: B}"), "lesson.preset.yaml:7: seat 'trotsky' is {team: <its name>}"),
        (('{team: "Team B"}', '{team: ""}'), "lesson.preset.yaml:7: a team's name is text of 1 to 24"),
        (("seed: 4242", "seed: -3"), "lesson.preset.yaml:4: 'seed' is a whole number from 0"),
        (("seed: 4242", "seed: 4242.5"), "lesson.preset.yaml:4: 'seed' is a whole number"),
        (
            ("turn_seconds: 240", "turn_seconds: 5"),
            "lesson.preset.yaml:11: 'turn_seconds' is a whole number of seconds",
        ),
        (("hide_history: true", "hide_history: 3"), "lesson.preset.yaml:10: 'hide_history' is true or false"),
        (("preset: 1", "preset: 2"), "lesson.preset.yaml:1: this game reads preset format 1, not 2"),
        (("preset: 1\n", ""), "lesson.preset.yaml:1: not a Succession preset"),
        (("scenario: crisis_1923", "scenario: [a]"), "lesson.preset.yaml:3: 'scenario' names the scenario"),
        (("seed: 4242", "seed: 4242\nmods: denunciations"), "lesson.preset.yaml:5: 'mods' is a list of mod ids"),
    ],
)
def test_each_problem_is_named_at_its_line(change, expected):
    old, new = change
    assert old in GOOD
    problems = _problems(GOOD.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("seed: 4242", "seed: x").replace("turn_seconds: 240", "turn_seconds: 99999")
    problems = _problems(text)
    assert [p.split(":")[1] for p in problems] == ["4", "11"]


def test_a_preset_without_a_team_is_refused():
    text = GOOD.replace('{team: "Team A"}', "{computer: easy}").replace('{team: "Team B"}', "{computer: hard}")
    assert _problems(text) == [
        "lesson.preset.yaml:5: at least one faction is played by a team, e.g. trotsky: {team: A}"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("preset: 1\nscenario: [\n", "lesson.preset.yaml:3:"),
        ("- a\n- b\n", "lesson.preset.yaml:1: a preset is a set of 'key: value' lines"),
        ("preset: &a 1\nscenario: *a\n", "lesson.preset.yaml:1:"),
    ],
)
def test_a_file_that_is_no_preset_at_all_gets_one_line(text, expected):
    problems = _problems(text)
    assert problems[0].startswith(expected) and "Traceback" not in problems[0]


def test_checked_against_the_rules_the_scenario_and_factions_must_exist(rules):
    lines = {"scenario": 3, "seats.kamenev": 7}
    assert presets.check(Preset("crisis_1924"), rules, "p", lines)[0].startswith(
        "p:3: unknown scenario 'crisis_1924' (did you mean"
    )
    wrong = Preset("crisis_1923", {"kamenev": Seat(HUMAN, "simple", "K")})
    assert presets.check(wrong, rules, "p", lines) == [
        "p:7: 'kamenev' is not a faction of crisis_1923; its factions are stalin, trotsky, zinoviev, bukharin"
    ]


def test_read_from_a_file_loads_the_rules_with_its_mods(tmp_path):
    path = tmp_path / "mods.preset.yaml"
    path.write_text(GOOD.replace("seed: 4242", "seed: 4242\nmods: [denunciations]"), encoding="utf-8")
    asked = []

    def rules_for(mods):
        asked.append(mods)
        rules, _ = load(list(mods))
        return rules

    preset, rules = presets.read(path, rules_for)
    assert asked == [("denunciations",)] and preset.mods == ("denunciations",)
    assert "denounce_china_line" in rules.actions or any("denounc" in a for a in rules.actions)


def test_a_wrong_faction_in_a_file_is_named_at_its_line(tmp_path, rules):
    path = tmp_path / "wrong.preset.yaml"
    path.write_text(GOOD.replace("zinoviev:", "rykov:"), encoding="utf-8")
    with pytest.raises(PresetError) as caught:
        presets.read(path, lambda mods: rules)
    assert caught.value.problems == [
        f"{path}:8: 'rykov' is not a faction of crisis_1923; its factions are stalin, trotsky, zinoviev, bukharin"
    ]


def test_missing_and_unreadable_files_get_one_line(tmp_path, rules):
    with pytest.raises(PresetError, match=r"nothing\.preset\.yaml:1: no such preset file"):
        presets.read(tmp_path / "nothing.preset.yaml", lambda mods: rules)
    (tmp_path / "dir.preset.yaml").mkdir()
    with pytest.raises(PresetError, match=r"dir\.preset\.yaml:1: cannot read the preset"):
        presets.read(tmp_path / "dir.preset.yaml", lambda mods: rules)
    big = tmp_path / "big.preset.yaml"
    big.write_text("# " + "x" * (presets.MAX_FILE + 10), encoding="utf-8")
    with pytest.raises(PresetError, match=r"big\.preset\.yaml:1: cannot read the preset"):
        presets.read(big, lambda mods: rules)


def test_written_and_read_back_it_is_the_same_preset(tmp_path):
    preset = presets.parse(GOOD)
    path = presets.path_of(tmp_path, "Year 11 Tuesday")
    presets.write(preset, path)
    assert path.name == "Year 11 Tuesday.preset.yaml" and presets.listed(tmp_path) == [path]
    assert presets.parse(path.read_text(encoding="utf-8")) == preset
    quoted = Preset("crisis_1923", {"trotsky": Seat(HUMAN, "simple", 'The "Left"')}, title='A \\ and "quotes"')
    assert presets.parse(quoted.to_yaml()) == quoted


def test_a_bad_preset_name_is_refused(tmp_path):
    with pytest.raises(PresetError, match="cannot name a preset"):
        presets.path_of(tmp_path, "../escape")


def test_a_save_keeps_the_options_of_its_preset(tmp_path, rules):
    preset = presets.parse(GOOD)
    m = Match.new(rules, preset.scenario, preset.seed, preset.seats, options=preset.options)
    m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    saves.write(m, tmp_path / "lesson.save")
    back = saves.read(tmp_path / "lesson.save", rules)
    assert back.options == Options("Year 11 — the 1923 crisis", True, 240)
    assert back.digest() == m.digest()


def test_a_save_with_damaged_options_loads_with_none():
    assert Options.from_data({"hide_history": "yes", "turn_seconds": -4, "title": 7}) == Options()
    assert Options.from_data(None) == Options()
