"""The window's words that present.py does not give: dates of turns, scenario spans, and the cited
lines of a source document."""

from __future__ import annotations

import pytest

from game.present import explain
from game.ruleset.loader import load_base
from game.ruleset.records import Citation


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


def test_a_citation_passage_names_its_document_and_reads_its_lines(rules):
    fig = rules.figures["lenin"]
    c = next(c for c in fig.source if c.seed and c.lines)
    passage = explain.citation_passage(rules.root, c)
    doc = explain.seed_documents(rules.root)[c.seed]
    for field in ("title", "author", "date", "kind"):
        assert doc[field] in passage  # the document as a student can look it up
    assert "seeds/" not in passage and ".txt" not in passage
    lo, hi = c.line_range()
    lines = (rules.root / c.seed).read_text(encoding="utf-8").split("\n")[lo - 1 : hi]
    assert explain.clean_passage(lines)[0].strip("…") in passage


def test_a_passage_is_cleaned_of_scanning_slips_and_says_so(rules):
    cited = [
        c
        for table in (rules.events, rules.figures, rules.actions, rules.regions)
        for rec in table.values()
        for c in rec.source
        if c.seed and c.lines
    ]
    broken = next(c for c in cited if _break(_lines(rules, c)) is not None)
    text = explain.citation_passage(rules.root, broken)
    assert "(passage cleaned of scanning errors)" in text
    lines = _lines(rules, broken)
    i = _break(lines)
    word = lines[i].rstrip().split()[-1][:-1] + lines[i + 1].split()[0]
    assert word.rstrip(".,;:") in text  # the word broken at the line's end is whole again
    clean = next(c for c in cited if explain.clean_passage(_lines(rules, c)) == (" ".join(_lines(rules, c)), False))
    assert "cleaned" not in explain.citation_passage(rules.root, clean)  # only said when it was


def _break(lines: list[str]) -> int | None:
    """The first line that ends with a word broken by a hyphen, if any."""
    return next(
        (
            i
            for i, line in enumerate(lines[:-1])
            if line.rstrip().endswith("-") and line.rstrip()[-2:-1].isalpha() and lines[i + 1][:1].islower()
        ),
        None,
    )


def _lines(rules, c) -> list[str]:
    lo, hi = c.line_range()
    return (rules.root / c.seed).read_text(encoding="utf-8").split("\n")[lo - 1 : hi]


def test_a_missing_document_falls_back_to_the_quote(rules, tmp_path):
    c = Citation(quote="a quoted line", seed="seeds/none.txt", lines="3-4")
    passage = explain.citation_passage(tmp_path, c)
    assert "could not be read" in passage and "a quoted line" in passage


def test_sources_text_names_each_document_and_says_design_in_plain_words(rules):
    ev = rules.events["scissors_crisis"]
    text = explain.sources_text(rules, ev.source, ev.design)
    cited = next(c for c in ev.source if c.seed and c.lines)
    assert explain.seed_documents(rules.root)[cited.seed]["title"] in text
    assert "From outside the documents: " in text
    assert "Deltas" not in text and "The sizes of these effects are the designers' estimates" in text
    assert explain.sources_text(rules, (), "a reason") == (
        "Design choice (the game's designers', not found in the documents): a reason"
    )
    assert explain.sources_text(rules, ()) == "No source is cited."
