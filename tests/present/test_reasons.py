"""Why the computer moved, as the end screen tells it: a sentence a student understands for every
move, with names instead of ids, no clause said twice, and no search jargon."""

from __future__ import annotations

import re

from game.match.match import Match, Seat
from game.present import ending
from game.ruleset.loader import load_base


def _game(level: str, moves: int):
    rules = load_base()
    match = Match.new(rules, "crisis_1923", 5, {})
    for faction in match.seats:
        match.seats[faction] = Seat("ai", level, "")
    from game.ai import make_bot

    match.bots = {f: make_bot(level, f, 5) for f in match.seats}
    for _ in range(moves):
        if match.over:
            break
        match.ai_move()
    return rules, match


def _check(rules, lines) -> None:
    ids = [
        i
        for table in (rules.regions, rules.offices, rules.press, rules.figures, rules.factions, rules.trackers)
        for i, rec in table.items()
        if rec.name != i
    ]
    for line in lines:
        for i in ids:
            assert not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", line), f"raw id {i!r} in: {line}"
        assert "futures played out" not in line and "best of" not in line, line
        assert line.endswith("."), line
        title, _, why = line.partition(". ")
        clauses = [c.strip(" .").lower() for c in re.split(r"[.;:] ", why) if c.strip(" .")]
        assert len(clauses) == len(set(clauses)), f"a clause said twice: {line}"
        assert all(c not in title.lower() for c in clauses), f"the reason repeats the move: {line}"


def test_the_searching_players_reasons_are_sentences_with_names():
    rules, match = _game("easy", 40)
    lines = ending.reason_lines(rules, match)
    assert len(lines) >= 30
    _check(rules, lines)
    assert any("possible moves" in line and "imagined futures" in line for line in lines)
    assert any("Leningrad" in line or "Moscow" in line for line in lines)


def test_the_simple_players_reasons_are_sentences_with_names():
    rules, match = _game("simple", 60)
    lines = ending.reason_lines(rules, match)
    assert len(lines) >= 50
    _check(rules, lines)
