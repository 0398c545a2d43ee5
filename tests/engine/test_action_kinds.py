"""Every action kind is declared once (``game.ruleset.vocabulary.ACTION_KINDS``) and has an
entry everywhere it is needed: the engine's options and effect, the records' params, the words of
its arguments, the confirmation it asks for, the simple bot's score, the personalities' bias and
the bots' weights in ai.yaml.  Remove any one of them and a test here fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai import personality, playout, simple
from game.engine import moves
from game.present import phrases, words
from game.ruleset import records
from game.ruleset.loader import load, load_base
from game.ruleset.vocabulary import ACTION_KINDS, COMPOSED

DECLARED = set(ACTION_KINDS)


@pytest.fixture(scope="module")
def rules():
    return load_base()


@pytest.mark.parametrize(
    "name, table",
    [
        ("records.ACTION_KINDS", records.ACTION_KINDS),
        ("moves.OPTIONS", moves.OPTIONS),
        ("moves.DO", moves.DO),
        ("simple.SCORES", simple.SCORES),
        ("personality._BIAS", personality._BIAS),
    ],
)
def test_every_declared_kind_and_no_other_is_in_each_table(name, table):
    assert set(table) == DECLARED, f"{name}: missing {DECLARED - set(table)}, undeclared {set(table) - DECLARED}"


def test_every_declared_kind_has_its_weights_in_the_base_ai_file(rules):
    assert DECLARED <= set(rules.action_weights), (
        f"ai.yaml action_weights: missing {DECLARED - set(rules.action_weights)}"
    )
    for kind in DECLARED:
        assert rules.action_weights[kind].name


def test_the_tables_made_from_the_declaration_agree_with_it():
    for name, kind in ACTION_KINDS.items():
        assert records.ACTION_KINDS[name] == kind.params
        assert (name in moves.ONCE_PER_TURN) == kind.once_per_turn
        assert phrases.DESTRUCTIVE.get(name) == kind.confirm
        if name not in ("propose", COMPOSED):  # a motion's arguments are the motion's; a composed one's its target's
            assert words.ACTION_ARGS.get(name, ()) == kind.args
    assert set(phrases.DESTRUCTIVE) == {"break_bloc", "recant", "military"}


def test_every_action_of_the_base_rules_is_weighed_by_the_bots_without_a_fallback(rules):
    weights = playout._weight_table(rules)
    assert set(weights) == set(rules.actions)
    for aid, rule in rules.actions.items():
        assert weights[aid] == rules.action_weights[rule.kind].playout


def test_the_validator_reports_a_kind_without_weights(tmp_path: Path):
    mod = tmp_path / "no_speeches"
    mod.mkdir()
    (mod / "mod.yaml").write_text(
        'id: no_speeches\nname: "No speeches"\nversion: "1.0.0"\nformat_version: 1\ndescription: "test"\n'
    )
    (mod / "ai.yaml").write_text("format_version: 1\naction_weights:\n  - id: speak\n    remove: true\n")
    _rules, problems = load([str(mod)])
    assert [str(p) for p in problems if "action_weights" in p.message] == [
        "ai.yaml:1:1: error: action_weights: no entry for the action kind(s) speak"
    ]


def test_the_validator_reports_weights_for_no_kind_and_no_action(tmp_path: Path):
    mod = tmp_path / "typo"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: typo\nname: "Typo"\nversion: "1.0.0"\nformat_version: 1\ndescription: "t"\n')
    (mod / "ai.yaml").write_text(
        "format_version: 1\naction_weights:\n  - id: speek\n    name: Speeches\n    playout: 3\n"
        "    leanings: {polcy: 2}\n"
    )
    _rules, problems = load([str(mod)])
    messages = [p.message for p in problems]
    assert "'speek' is neither an action kind nor an action (did you mean 'speak'?)" in messages
    assert any(m.startswith("unknown leaning 'polcy' (did you mean 'policy'?)") for m in messages)
