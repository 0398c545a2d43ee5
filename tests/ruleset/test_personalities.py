"""Bot personalities and the ladder's pace in ai.yaml: loaded, cited, and checked at their line."""

from pathlib import Path

from game.ai.personality import office_pace, pace_for
from game.ruleset import records
from game.ruleset.loader import load_rules
from tests.ruleset.edits import line_of, replace_once


def problems_of(root: Path):
    rules, problems = load_rules([root / "base"], root)
    assert rules is None, "the breakage was not noticed"
    return problems


def reported_at(found, message: str, text: str, marker: str) -> bool:
    """Whether a problem saying ``message`` points at the line of ``text`` holding ``marker``."""
    return any(message in p.message and p.line == line_of(text, marker) for p in found)


def test_every_faction_has_a_personality_and_every_leaning_is_known(rules):
    by_faction = {p.faction: p for p in rules.personalities.values()}
    assert set(by_faction) == set(rules.factions)
    assert by_faction["zinoviev"].home == "leningrad" and by_faction["zinoviev"].target == "trotsky"
    assert by_faction["trotsky"].weights["military_refusal"].value == 10
    for p in rules.personalities.values():
        for name, w in p.weights.items():
            assert name in records.PERSONALITY_WEIGHTS and 0 <= w.value <= 10
            assert w.source or w.design


def test_the_pace_follows_the_ladder(rules):
    pace = {p.rung: p.not_before for p in rules.pace.values() if p.target is None}
    assert pace["expelled_party"] == "1927-Q4" and pace["exiled"] == "1928-Q1"
    order = [pace[r] for r in records.LADDER if r in pace]
    assert order == sorted(order)
    for fid in rules.factions:  # each faction's own pace follows the ladder too
        own = [d for d in (pace_for(rules, r, fid) for r in records.LADDER) if d is not None]
        assert own == sorted(own), fid


def test_a_leaning_whose_quote_is_not_in_its_lines(tree):
    path = tree / "base" / "ai.yaml"
    text = replace_once(path, 'quote: "At first Stalin hesitated and waited."', 'quote: "Stalin never waited."')
    found = problems_of(tree)
    assert any("quote not found" in p.message and p.line == line_of(text, "Stalin never waited") for p in found)


def test_an_unknown_leaning_and_an_uncited_one(tree):
    path = tree / "base" / "ai.yaml"
    text = replace_once(path, "      mood_swing:\n", "      mood_swings:\n")
    replace_once(path, '        design: "Trotsky never recanted; exile and deportation did not change that."\n', "")
    text = path.read_text(encoding="utf-8")
    found = problems_of(tree)
    assert reported_at(found, "unknown leaning 'mood_swings' (did you mean 'mood_swing'?)", text, "mood_swings")
    assert any("a leaning needs a source" in p.message for p in found)


def test_a_pace_with_a_bad_rung_or_date(tree):
    path = tree / "base" / "ai.yaml"
    replace_once(path, "rung: exiled", "rung: exile")
    replace_once(path, 'not_before: "1929-Q1"', 'not_before: "February 1929"')
    messages = [p.message for p in problems_of(tree)]
    assert any("unknown rung 'exile'" in m for m in messages)
    assert any("not_before is YYYY-Qn" in m for m in messages)


def test_a_pace_can_be_for_one_faction_and_the_latest_applies(rules):
    # the Right was condemned only in April 1929, Trotsky in January 1924, and nobody names a
    # pace for condemning Stalin; the general pace of a removal from posts (January 1925) binds
    # every rival it is not stricter for, and a later rung is never sooner than an earlier one
    assert pace_for(rules, "censured", "bukharin") == "1929-Q2"
    assert pace_for(rules, "censured", "trotsky") == "1924-Q1"
    assert pace_for(rules, "censured", "stalin") is None
    assert pace_for(rules, "expelled_party", "bukharin") == "1930-Q1"
    assert pace_for(rules, "removed", "trotsky") == "1925-Q1"
    assert pace_for(rules, "removed", "bukharin") == "1929-Q2"


def test_a_pace_for_an_unknown_faction(tree):
    path = tree / "base" / "ai.yaml"
    text = replace_once(
        path, '    target: zinoviev\n    not_before: "1926-Q1"', '    target: zinovyev\n    not_before: "1926-Q1"'
    )
    found = problems_of(tree)
    assert any("zinovyev" in p.message and p.line == line_of(text, "target: zinovyev") for p in found)


def test_an_office_pace_binds_those_offices_and_not_the_rung(rules):
    # the Right kept Moscow until November 1928 and the government until December 1930;
    # Zinoviev Leningrad until January 1926 and the Comintern until October 1926
    assert office_pace(rules, "moscow_chief", "bukharin") == "1928-Q4"
    assert office_pace(rules, "sovnarkom_chair", "bukharin") == "1930-Q4"
    assert office_pace(rules, "comintern_chair", "zinoviev") == "1926-Q4"
    # only the offices named, and only from the faction named
    assert office_pace(rules, "pravda_editor", "bukharin") is None
    assert office_pace(rules, "comintern_chair", "bukharin") is None
    assert office_pace(rules, "leningrad_chief", "zinoviev") == "1926-Q1"
    assert office_pace(rules, "war_commissar", "trotsky") is None
    # and the rung itself keeps its own pace (Zinoviev lost his posts from January 1926)
    assert pace_for(rules, "removed", "zinoviev") == "1926-Q1"
    assert pace_for(rules, "removed", "bukharin") == "1929-Q2"


def test_an_office_pace_naming_an_unknown_office_or_no_faction(tree):
    path = tree / "base" / "ai.yaml"
    replace_once(path, "offices: [moscow_chief]", "offices: [moscow_chef]")
    replace_once(path, '    target: zinoviev\n    not_before: "1926-Q4"\n', '    not_before: "1926-Q4"\n')
    text = path.read_text(encoding="utf-8")
    found = problems_of(tree)
    assert reported_at(found, "unknown office 'moscow_chef' (did you mean 'moscow_chief'?)", text, "moscow_chef")
    assert any("a pace that names offices needs a target" in p.message for p in found)
