"""Words for the window: action help and reasons, vote rows, agenda timing, scales, citations."""

from __future__ import annotations

import pytest

from game.engine import Action
from game.ruleset import load_base
from game.session import explain
from game.session.stepping import Match, Seat


@pytest.fixture(scope="module")
def rules():
    return load_base()


def test_action_help_gives_the_rule_text_and_cost(rules):
    words = explain.action_help(rules, "appoint_secretary")
    assert words.startswith("Appoint a regional secretary — costs 1 AP, 2 influence. Place one of your people")


def test_unavailable_reasons(rules):
    m = Match.new(rules, "crisis_1923", 3, {"trotsky": Seat("human")})
    while m.active != "trotsky":
        m.ai_move()
    view = m.view("trotsky")
    legal = m.legal()
    # Trotsky does not hold the Secretariat: he cannot appoint secretaries
    assert explain.unavailable_reason(rules, view, "appoint_secretary", legal).startswith(
        "needs control of the secretariat"
    )
    assert explain.unavailable_reason(rules, view, "pass_turn", legal) is None
    other = m.view("stalin")
    assert explain.unavailable_reason(rules, other, "pass_turn", ()) == "not your turn"


def test_vote_rows_name_the_voters_and_reasons(rules):
    vote = {
        "turn": 0,
        "body": "politburo",
        "motion": "Censure X",
        "passed": True,
        "ballots": [
            ["Joseph Stalin", "yes", 1, "his faction's interest"],
            ["Lev Kamenev", "no", 1, "secretly won over by Trotsky and the Left Opposition"],
            ["Stalin and the Centre", "yes", 12, "own motion"],
            ["unaligned members", "abstain", 3, "party opinion"],
        ],
    }
    rows = explain.vote_rows(rules, vote)
    assert rows[0] == explain.BallotRow("Joseph Stalin", "stalin", "for", 1, "his faction's interest", False)
    assert rows[1].side == "against" and rows[1].faction == rules.figures["kamenev"].faction and rows[1].revealed
    assert rows[2].faction == "stalin" and rows[2].weight == 12
    assert rows[3].faction is None and rows[3].side == "abstained"
    assert explain.vote_title(rules, vote).endswith("Censure X — carried 13–1")


def test_vote_rows_follow_the_view_for_a_figures_faction(rules):
    vote = {"ballots": [["Lev Kamenev", "yes", 1, "x"]]}
    view = {"figures": {"kamenev": {"faction": "stalin"}}}
    assert explain.vote_rows(rules, vote, view)[0].faction == "stalin"


def test_scales_carry_both_end_labels(rules):
    m = Match.new(rules, "crisis_1923", 3, {})
    scales = {s.name: s for s in explain.scales(rules, m.view(None))}
    t = rules.trackers["mass_mood"]
    s = scales[t.name]
    assert (s.low, s.high) == (t.low, t.high) and s.left == (t.left_label or str(t.low))


def test_quarters_count_from_the_scenario_start():
    assert explain.quarter("1923-Q3", 0) == "1923-Q3"
    assert explain.quarter("1923-Q3", 2) == "1924-Q1"
    assert explain.quarter("1923-Q4", 5) == "1925-Q1"


def test_agenda_says_when_an_item_is_voted(rules):
    view = {"agenda": [["stalin", "censure", ["trotsky"]]], "congress_due": None}
    label, when = explain.agenda_rows(rules, view)[0]
    assert "moved by Stalin and the Centre" in label
    assert when.startswith("by the ") or "Congress" in when


def test_a_citation_passage_is_read_from_its_lines(rules):
    fig = rules.figures["lenin"]
    c = next(c for c in fig.source if c.seed and c.lines)
    passage = explain.citation_passage(rules.root, c)
    lo, hi = c.line_range()
    first = (rules.root / c.seed).read_text(encoding="utf-8").split("\n")[lo - 1]
    assert passage.startswith(f"{c.seed}, lines {c.lines}:") and first in passage


def test_choose_labels_name_the_option(rules):
    ev = next(e for e in rules.events.values() if e.choice)
    opt = ev.choice.options[0]
    view = {"pending_choice": [ev.id, ev.choice.faction]}
    assert explain.action_label(rules, Action("choose", ev.choice.faction, (opt.id,)), view) == opt.name
