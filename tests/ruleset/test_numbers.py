"""The numbers that decide the balance live in the rule files: every param an action or motion
kind reads is given in the shipped rules, and a rule file that misses one (or a setting) is
reported by the validator at its file and line, never found missing at play time."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import motions, moves
from game.ruleset import BASE, PROJECT, records
from game.ruleset.loader import load_rules
from game.ruleset.vocabulary import COMPOSED
from tests.ruleset.edits import line_of, replace_once


def problems_of(root: Path):
    rules, problems = load_rules([root / "base"], root)
    assert rules is None, "the breakage was not noticed"
    return problems


def the_one(problems):
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


@pytest.fixture(scope="module")
def shipped():
    rules, problems = load_rules([BASE], PROJECT)
    assert problems == [], "\n".join(map(str, problems))
    return rules


def test_the_engine_implements_exactly_the_kinds_the_records_list():
    assert set(moves.OPTIONS) == set(moves.DO) == set(records.ACTION_KINDS)
    assert set(motions.OPTIONS) == set(motions.PASS) == set(records.MOTION_KINDS)


def test_every_param_each_kind_reads_is_in_the_shipped_rules(shipped):
    for aid, action in shipped.actions.items():
        assert set(action.params) == set(records.ACTION_KINDS[action.kind]), aid
    for mid, motion in shipped.motions.items():
        assert set(motion.params) == set(records.MOTION_KINDS[motion.kind]), mid
    # every coded kind is used; actions composed in YAML come with mods (mods/comintern_appeals)
    assert {a.kind for a in shipped.actions.values()} == set(records.ACTION_KINDS) - {COMPOSED}
    assert {m.kind for m in shipped.motions.values()} == set(records.MOTION_KINDS)


def test_the_engine_reads_params_without_fallbacks():
    engine = Path(moves.__file__).parent
    for path in sorted(engine.glob("*.py")):
        assert "params.get(" not in path.read_text(encoding="utf-8"), path.name


def test_a_missing_action_param_is_reported_at_its_line(tree):
    text = replace_once(
        tree / "base" / "actions.yaml", "params: {affinity: 15, rumour_at: 30}", "params: {affinity: 15}"
    )
    p = the_one(problems_of(tree))
    assert p.file == "base/actions.yaml" and p.id == "cultivate_figure"
    assert p.line == line_of(text, "params: {affinity: 15}")
    assert "missing param 'rumour_at'" in p.message


def test_a_motion_without_its_params_is_reported_at_the_entry(tree):
    text = replace_once(tree / "base" / "motions.yaml", "    params: {gap: 4}\n", "")
    p = the_one(problems_of(tree))
    assert p.file == "base/motions.yaml" and p.id == "convene_congress"
    assert p.line == line_of(text, "id: convene_congress")
    assert "missing param 'gap'" in p.message


def test_an_unknown_param_is_reported_with_a_hint(tree):
    text = replace_once(tree / "base" / "motions.yaml", "params: {gap: 4}", "params: {gap: 4, gaps: 2}")
    p = the_one(problems_of(tree))
    assert p.file == "base/motions.yaml" and p.line == line_of(text, "gaps: 2")
    assert "unknown param of convene_congress 'gaps'" in p.message and "did you mean 'gap'" in p.message


def test_a_param_the_engine_divides_by_must_not_be_zero(tree):
    replace_once(tree / "base" / "actions.yaml", "mood_par: 50", "mood_par: 0")
    assert "mood_par divides" in the_one(problems_of(tree)).message


def test_a_missing_setting_is_reported_in_the_settings_file(tree):
    replace_once(tree / "base" / "settings.yaml", "    offer_life: 1 ", "    # offer_life: 1 ")
    p = the_one(problems_of(tree))
    assert p.file == "base/settings.yaml" and p.id == "standard"
    assert "offer_life" in p.message and "required" in p.message


def test_a_missing_vote_weight_is_reported_in_the_settings_file(tree):
    replace_once(tree / "base" / "settings.yaml", "      testament: 6 ", "      # testament: 6 ")
    p = the_one(problems_of(tree))
    assert p.file == "base/settings.yaml" and "votes.testament" in p.message


def test_a_status_table_names_real_statuses(tree):
    text = replace_once(
        tree / "base" / "settings.yaml",
        "{expelled_party: 1, exiled: 1, deported: 1}",
        "{expeled_party: 1, exiled: 1, deported: 1}",
    )
    p = the_one(problems_of(tree))
    assert p.line == line_of(text, "expeled_party")
    assert "unknown status 'expeled_party'" in p.message and "did you mean 'expelled_party'" in p.message


def test_a_tracker_starts_within_its_range(tree):
    text = replace_once(tree / "base" / "trackers.yaml", "    start: 50\n", "    start: 150\n")
    p = the_one(problems_of(tree))
    assert p.file == "base/trackers.yaml" and p.line == line_of(text, "start: 150")
    assert "start must be within 0..100" in p.message


def test_a_tracker_needs_a_start(tree):
    replace_once(tree / "base" / "trackers.yaml", "    start: 50\n", "")
    p = the_one(problems_of(tree))
    assert p.file == "base/trackers.yaml" and "start" in p.message and "required" in p.message


def test_the_testament_tables_only_a_removal_from_office(tree):
    text = replace_once(tree / "base" / "motions.yaml", "follow_up: remove_office", "follow_up: censure")
    p = the_one(problems_of(tree))
    assert p.line == line_of(text, "follow_up: censure")
    assert "must be a remove_office motion" in p.message


def test_a_motion_effect_moves_a_line_left_or_right(tree):
    effect = "      - influence: {faction: stalin, delta: 2}\n"
    bad = "      - motion: {motion: adopt_line, proposer: trotsky, issue: industrialisation, direction: 1}\n"
    text = replace_once(tree / "base" / "events.yaml", effect, bad)
    p = the_one(problems_of(tree))
    assert p.file == "base/events.yaml" and p.line == line_of(text, "direction: 1")
    assert "unknown direction '1'" in p.message


def test_removed_fields_are_unknown_keys(tree):
    replace_once(tree / "base" / "motions.yaml", "    params: {gap: 4}\n", "    params: {gap: 4}\n    cost: {ap: 1}\n")
    assert "unknown key 'cost'" in the_one(problems_of(tree)).message
