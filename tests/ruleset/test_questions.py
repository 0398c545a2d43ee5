"""Discussion questions in the scenario files: four to six for each classroom scenario, each with
its text, and every passage they cite checked like any rule's citation (a quote not in its lines
is an error at its own line)."""

from pathlib import Path

from game.ruleset.loader import load_base, load_rules
from tests.ruleset.edits import line_of, replace_once

CLASSROOM = ("crisis_1923", "united_opposition_1926", "right_last_stand_1928")
CRISIS = Path("base") / "scenarios" / "classroom_1923_crisis.yaml"


def problems_of(root: Path):
    rules, problems = load_rules([root / "base"], root)
    assert rules is None, "the breakage was not noticed"
    return problems


def test_each_classroom_scenario_asks_four_to_six_cited_questions():
    rules = load_base()
    for sid in CLASSROOM:
        questions = rules.scenarios[sid].questions
        assert 4 <= len(questions) <= 6, sid
        assert all("?" in q.text for q in questions), sid
        cited = [q for q in questions if q.source]
        assert len(cited) == len(questions), f"{sid}: every question leans on a document here"
        assert all(c.seed and c.quote for q in cited for c in q.source)


def test_a_question_quoting_words_not_in_its_lines_is_an_error_at_that_line(tree):
    text = replace_once(
        tree / CRISIS, 'quote: "Stalin is too rude and this defect"', 'quote: "Stalin is too polite and this virtue"'
    )
    found = problems_of(tree)
    assert any(
        "quote not found" in p.message and p.line == line_of(text, "too polite") and p.file.endswith(".yaml")
        for p in found
    ), "\n".join(map(str, found))


def test_a_question_without_text_is_an_error_at_its_line(tree):
    text = replace_once(tree / CRISIS, "    questions:\n", '    questions:\n      - text: "   "\n')
    found = problems_of(tree)
    assert any("needs its text" in p.message and p.line == line_of(text, 'text: "   "') for p in found), "\n".join(
        map(str, found)
    )


def test_questions_do_not_change_the_rules_fingerprint(tree):
    before, _ = load_rules([tree / "base"], tree)
    replace_once(tree / CRISIS, "Was his restraint loyalty", "Was his silence loyalty")
    after, _ = load_rules([tree / "base"], tree)
    assert after.scenarios["crisis_1923"].questions != before.scenarios["crisis_1923"].questions
    assert after.fingerprint() == before.fingerprint()
