"""The glossary kind and the encyclopedia's texts (a figure's about and fate, an office's and a
body's about): loaded, checked with file:line messages, and kept out of the rules' fingerprint."""

from __future__ import annotations

from game.ruleset import BASE, PROJECT
from game.ruleset.loader import load_rules
from game.ruleset.records import entry_ref
from game.ruleset.validate import see_problem
from tests.ruleset.edits import line_of, replace_once


def test_the_base_glossary_loads_and_links_only_what_exists():
    rules, problems = load_rules([BASE], PROJECT)
    assert problems == []
    assert len(rules.glossary) >= 24
    for term in rules.glossary.values():
        assert term.text.strip() and term.see, term.id
        for ref in term.see:
            assert see_problem(rules, ref) is None
    assert rules.figures["trotsky"].fate and all(f.about for f in rules.figures.values())
    assert all(o.about for o in rules.offices.values()) and all(b.about for b in rules.bodies.values())
    assert all(r.about for kind in ("regions", "press", "trackers") for r in getattr(rules, kind).values())


def test_glossary_and_encyclopedia_texts_stay_out_of_the_fingerprint(tree):
    before = load_rules([tree / "base"], tree)[0].fingerprint()
    (tree / "base" / "glossary.yaml").unlink()
    replace_once(tree / "base" / "figures.yaml", "    fate: >-\n", "    fate: >-\n      Rewritten.\n")
    replace_once(tree / "base" / "offices.yaml", "    about: >-\n", "    about: >-\n      Rewritten.\n")
    replace_once(tree / "base" / "trackers.yaml", "    about: >-\n", "    about: >-\n      Rewritten.\n")
    rules, problems = load_rules([tree / "base"], tree)
    assert problems == []
    assert rules.glossary == {}
    assert rules.fingerprint() == before
    # while a number the game reads does change it
    replace_once(tree / "base" / "offices.yaml", "    power: 6\n", "    power: 7\n")
    assert load_rules([tree / "base"], tree)[0].fingerprint() != before


def test_a_see_that_names_nothing_is_an_error_at_its_line(tree):
    path = tree / "base" / "glossary.yaml"
    text = replace_once(
        path, "see: [orgburo, appointment_of_secretaries,", "see: [orgbureau, appointment_of_secretaries,"
    )
    text = replace_once(
        path, "see: [secretariat, politburo, offices.general_secretary]", "see: [orgburo, offices.gen_sec]"
    )
    _rules, problems = load_rules([tree / "base"], tree)
    words = [str(p) for p in problems]
    first = line_of(text, "orgbureau")
    assert any(w.startswith(f"base/glossary.yaml:{first}:") and "did you mean 'orgburo'" in w for w in words), words
    second = line_of(text, "offices.gen_sec")
    assert any(
        w.startswith(f"base/glossary.yaml:{second}:") and "did you mean 'offices.general_secretary'" in w for w in words
    )
    assert any("does not send the reader to itself" in w for w in words), words  # orgburo → orgburo


def test_a_glossary_entry_needs_its_text_and_a_source(tree):
    path = tree / "base" / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + '\n  - id: troika\n    name: Troika\n    text: ""\n    see: [triumvirate]\n', encoding="utf-8"
    )
    _rules, problems = load_rules([tree / "base"], tree)
    words = [str(p) for p in problems]
    assert any("[troika]" in w and "needs its text" in w for w in words), words
    assert any("[troika]" in w and "has no source" in w for w in words), words


def test_a_reference_names_a_kind_and_an_id_or_a_glossary_term():
    assert entry_ref("bodies.politburo") == ("bodies", "politburo")
    assert entry_ref("politburo") == ("glossary", "politburo")
    rules = load_rules([BASE], PROJECT)[0]
    assert "no 'actions' entries" in see_problem(rules, "actions.appoint_secretary")
