"""Actions composed in the rule files from condition and effect verbs (kind ``composed``): who may
take them, their targets, their effects with ``$self`` and ``$target`` bound, once a quarter per
target, secrecy, their words, the validator's checks, and the bots' weights from ai.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai import playout
from game.ai.personality import Persona, bias
from game.ai.simple import score_action
from game.engine import legal_actions, new_game, player_view
from game.engine.actions import Action
from game.engine.game import apply_unchecked, legal_args
from game.present import chronicle
from game.present.words import action_words
from game.ruleset import guide, schema
from game.ruleset.loader import load
from game.ruleset.validate import PLACES


@pytest.fixture(scope="module")
def rules():
    rules, problems = load(["denunciations"])
    assert problems == []
    return rules


def after_lenin(rules, faction="trotsky"):
    """A 1923 crisis game with Lenin dead and ``faction`` to act with action points to spare."""
    state = new_game(rules, "crisis_1923", 1).clone()
    state.figures["lenin"].status = "dead"
    state.active = faction
    state.factions[faction].ap = 3
    state.factions[faction].influence = 10
    return state


def test_a_faction_targets_rivals_outside_its_blocs_with_prestige_to_lose(rules):
    state = after_lenin(rules)
    state.factions["zinoviev"].prestige = 2
    assert legal_args(state, rules, "denounce_china_line") == [("bukharin",), ("stalin",)]
    state.blocs = [("bukharin", "trotsky")]
    assert legal_args(state, rules, "denounce_china_line") == [("stalin",)]


def test_conditions_with_self_decide_who_is_offered_it(rules):
    state = after_lenin(rules, "stalin")  # the General Secretary's faction: the line is its own
    assert legal_args(state, rules, "denounce_china_line") == []
    alive = after_lenin(rules)
    alive.figures["lenin"].status = "active"
    assert legal_args(alive, rules, "denounce_china_line") == []


def test_its_effects_bind_self_and_target_and_it_is_taken_once_a_quarter_per_target(rules):
    state = after_lenin(rules)
    before = state.clone()
    after = apply_unchecked(state, rules, Action("denounce_china_line", "trotsky", ("stalin",)))
    assert after.factions["stalin"].prestige == before.factions["stalin"].prestige - 3
    assert after.factions["trotsky"].mantle == before.factions["trotsky"].mantle + 1
    assert after.trackers["world_revolution"] == before.trackers["world_revolution"] - 4
    assert after.factions["trotsky"].ap == before.factions["trotsky"].ap - 1
    line = after.log[-1]
    assert line.event == "composed_action" and line.visible_to is None
    assert (
        chronicle.render(rules, line)
        == "Trotsky and the Left Opposition: Denounce the line on China (Stalin and the Centre)"
    )
    if after.active == "trotsky":
        assert ("stalin",) not in legal_args(after, rules, "denounce_china_line")
        assert ("bukharin",) in legal_args(after, rules, "denounce_china_line")


def test_a_secret_action_is_seen_only_by_its_faction(rules):
    state = after_lenin(rules)
    state.factions["trotsky"].status = "censured"
    state.factions["trotsky"].exposure = 8
    state.factions["trotsky"].prestige = 5
    action = Action("appeal_to_control_commission", "trotsky", ())
    assert action in legal_actions(state, rules)
    after = apply_unchecked(state, rules, action)
    assert after.factions["trotsky"].exposure == 8  # a secret move's effects wait for the close
    assert ("composed", "trotsky", "appeal_to_control_commission", "") in after.pending
    assert after.log[-1].visible_to == ("trotsky",)
    mine = [chronicle.render(rules, e) for e in player_view(after, rules, "trotsky").log]
    theirs = [chronicle.render(rules, e) for e in player_view(after, rules, "stalin").log]
    assert "Trotsky and the Left Opposition: Appeal to the Central Control Commission" in mine
    assert not any("Control Commission" in t and "Appeal" in t for t in theirs)


def test_its_words_name_the_target(rules):
    assert action_words(rules, Action("denounce_china_line", "trotsky", ("stalin",))) == ["Stalin and the Centre"]


def test_the_bots_weigh_it_from_ai_yaml(rules):
    state = after_lenin(rules)
    view = player_view(state, rules, "trotsky")
    action = Action("denounce_china_line", "trotsky", ("stalin",))
    assert score_action(view, action, rules) == (5, "the party must hear who lost China")
    value, why = bias(view, action, rules, Persona("trotsky", {"policy": 10, "masses": 5}, None, None))
    assert value == 6 + 2 and why == "the party must hear who lost China"
    assert playout._weight_table(rules)["denounce_china_line"] == 2


def test_an_action_composed_without_its_own_weights_takes_the_default(rules, tmp_path: Path):
    mod = tmp_path / "plain"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: plain\nname: "Plain"\nversion: "1.0.0"\nformat_version: 1\ndescription: "t"\n')
    (mod / "actions.yaml").write_text(
        "format_version: 1\nactions:\n  - id: rally\n    name: Rally\n    kind: composed\n    target: region\n"
        "    effects:\n      - sympathy: {faction: $self, delta: 1, region: $target}\n"
        '    design: test\n    text: t\n    source:\n      - outside: "A history"\n        says: "rallies were held"\n'
    )
    plain, problems = load([str(mod)])
    assert [str(p) for p in problems] == []
    default = plain.action_weights["composed"]
    assert playout._weight_table(plain)["rally"] == default.playout
    state = new_game(plain, "crisis_1923", 1)
    view = player_view(state, plain, state.active)
    assert score_action(view, Action("rally", state.active, ("moscow",)), plain) == (default.score, default.reason)


BAD = [
    (
        "    target: region\n    effects:\n      - prestige: {faction: $target, delta: 1}\n",
        "$target is a region here, not a faction",
    ),
    ("    effects:\n      - prestige: {faction: $target, delta: 1}\n", "$target stands for nothing here: " + PLACES),
    (
        "    target: army\n    effects:\n      - flag: x\n",
        "unknown target 'army'; one of: faction, figure, region, issue",
    ),
    ("    target: faction\n", "a composed action needs effects (what taking it does)"),
    (
        "    conditions:\n      - bloc: {a: $self, b: $target}\n    target: faction\n    effects:\n      - flag: x\n",
        "$target stands for nothing here: " + PLACES,
    ),
]


@pytest.mark.parametrize("body, message", BAD)
def test_the_validator_checks_a_composed_action(tmp_path: Path, body, message):
    mod = tmp_path / "bad"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: bad\nname: "Bad"\nversion: "1.0.0"\nformat_version: 1\ndescription: "t"\n')
    head = "format_version: 1\nactions:\n  - id: odd\n    name: Odd\n    kind: composed\n    design: t\n"
    (mod / "actions.yaml").write_text(head + body)
    _rules, problems = load([str(mod)])
    assert any(p.message == message and p.file.endswith("actions.yaml") for p in problems), [str(p) for p in problems]


def test_a_coded_kind_may_not_have_effects(tmp_path: Path):
    mod = tmp_path / "coded"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: coded\nname: "C"\nversion: "1.0.0"\nformat_version: 1\ndescription: "t"\n')
    (mod / "actions.yaml").write_text("format_version: 1\nactions:\n  - id: pass_turn\n    effects:\n      - flag: x\n")
    _rules, problems = load([str(mod)])
    assert [p.message for p in problems] == ["only an action of kind composed has effects (its kind does it)"]


def test_the_guide_walks_through_adding_an_action_and_the_schema_knows_the_kind():
    text = guide.build()
    assert "## Walkthrough: adding an action" in text and "kind: composed" in text
    action = schema.build()["$defs"]["Action"]["properties"]
    assert "composed" in action["kind"]["enum"] and action["target"]["enum"][:4] == [
        "faction",
        "figure",
        "region",
        "issue",
    ]
    assert action["target_conditions"]["items"] == {"$ref": "#/$defs/condition"}


def test_a_coded_kind_may_not_say_self(tmp_path: Path):
    mod = tmp_path / "selfish"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: selfish\nname: "S"\nversion: "1.0.0"\nformat_version: 1\ndescription: "t"\n')
    (mod / "actions.yaml").write_text(
        "format_version: 1\nactions:\n  - id: pass_turn\n    conditions:\n      - prestige_at_least: {faction: $self, value: 1}\n"
    )
    _rules, problems = load([str(mod)])
    assert [str(p) for p in problems] == [
        f"selfish/actions.yaml:5:38: error: $self stands for nothing here: {PLACES} [pass_turn]"
    ]
