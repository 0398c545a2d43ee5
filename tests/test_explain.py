"""The window's words that present.py does not give: dates of turns, scenario spans, and the cited
lines of a source document."""

from __future__ import annotations

import pytest

from game.ruleset import load_base
from game.ruleset.records import Citation
from game.session import explain


@pytest.fixture(scope="module")
def rules():
    return load_base()


def test_quarters_count_from_the_scenario_start():
    assert explain.quarter("1923-Q3", 0) == "1923-Q3"
    assert explain.quarter("1923-Q3", 2) == "1924-Q1"
    assert explain.quarter("1923-Q4", 5) == "1925-Q1"


def test_scenario_span_gives_first_and_last_quarter(rules):
    sc = rules.scenarios["crisis_1923"]
    assert explain.scenario_span(rules, "crisis_1923") == f"{sc.start} – 1925-Q1, {sc.turns} turns"


def test_a_citation_passage_is_read_from_its_lines(rules):
    fig = rules.figures["lenin"]
    c = next(c for c in fig.source if c.seed and c.lines)
    passage = explain.citation_passage(rules.root, c)
    lo, hi = c.line_range()
    first = (rules.root / c.seed).read_text(encoding="utf-8").split("\n")[lo - 1]
    assert passage.startswith(f"{c.seed}, lines {c.lines}:") and first in passage
    assert " ".join(c.quote.split()) in passage


def test_a_missing_document_falls_back_to_the_quote(rules, tmp_path):
    c = Citation(quote="a quoted line", seed="seeds/none.txt", lines="3-4")
    passage = explain.citation_passage(tmp_path, c)
    assert "could not be read" in passage and "a quoted line" in passage


def test_sources_text_titles_each_passage_and_names_design(rules):
    ev = next(e for e in rules.events.values() if any(c.seed and c.lines for c in e.source))
    text = explain.sources_text(rules, ev.source, ev.design)
    titles = explain.seed_titles(rules.root)
    cited = next(c for c in ev.source if c.seed and c.lines)
    assert titles[cited.seed] in text and f"{cited.seed}, lines {cited.lines}:" in text
    assert explain.sources_text(rules, (), "a reason").startswith("Design choice: a reason")
    assert explain.sources_text(rules, ()) == "No source is cited."
