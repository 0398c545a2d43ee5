"""The chronicle as data: the log holds no words; every entry's words are rendered from its data
alone, in one module of the presentation package."""

import ast
from pathlib import Path

import attrs
import pytest

from game import engine
from game.engine import player_view
from game.engine.state import LogEntry
from game.match.headless import play
from game.present import chronicle

SCENARIOS = ["succession_1923", "crisis_1923", "united_opposition_1926", "right_last_stand_1928",
             "military_option_1924"]  # fmt: skip


@pytest.fixture(scope="module")
def games(rules):
    return [play(rules, sid, seed)[0] for sid in SCENARIOS for seed in (1, 2)]


def test_every_entry_is_data_with_words_of_its_own(rules, games):
    assert [f.name for f in attrs.fields(LogEntry)] == ["turn", "visible_to", "kind", "event", "data"]
    seen = set()
    for state in games:
        for entry in state.log:
            assert entry.event in chronicle.WORDS, entry
            words = chronicle.render(rules, entry)
            assert words == chronicle.sentence(rules, entry.event, dict(entry.data)) and words.strip(), entry
            seen.add(entry.event)
    # the common happenings all occur in these games
    assert {
        "game_begins",
        "event",
        "vote",
        "agenda",
        "appoint_secretary",
        "publish",
        "congress_meets",
        "central_committee_elected",
        "result",
    } <= seen, seen


def test_data_holds_ids_and_numbers_only(rules, games):
    for state in games:
        for entry in state.log:
            for key, value in entry.data:
                assert isinstance(key, str)
                assert isinstance(value, (str, int, bool, tuple, type(None))), (entry.event, key, value)


def test_a_vote_entry_carries_its_tally_and_the_view_hands_it_on(rules, games):
    state = games[1]
    entry = next(e for e in state.log if e.event == "vote")
    data = dict(entry.data)
    assert {"body", "motion", "proposer", "args", "yes", "no", "abstain", "passed"} <= set(data)
    assert f"{data['yes']}–{data['no']}" in chronicle.render(rules, entry)
    view = player_view(state, rules, None)
    seen = next(e for e in view.log if e.event == "vote")
    assert seen.data["yes"] == data["yes"] and chronicle.render(rules, seen) == chronicle.render(rules, entry)


def test_secret_happenings_stay_with_their_readers(rules, games):
    for state in games:
        for entry in state.log:
            if entry.event in ("cultivate", "entrench", "bloc_offered", "bloc_declined"):
                assert entry.visible_to, entry
            if entry.event == "appoint_secretary":  # the public line does not say who appointed
                assert dict(entry.data).keys() == {"region"}
        for viewer in state.factions:
            for e in player_view(state, rules, viewer).log:
                if e.event == "cultivate":
                    assert e.data["faction"] == viewer


def test_a_congress_entry_names_each_region_and_whom_its_delegation_followed(rules, games):
    entry = next(e for s in games for e in s.log if e.event == "congress_meets")
    data = dict(entry.data)
    regions = data["regions"]
    assert regions and all(len(r) == 3 for r in regions)
    assert sum(n for _r, _f, n in regions) == sum(n for _f, n in data["delegates"])


def _recorded_events() -> set[str]:
    """Every event name the engine's code records: the literal ``what`` of each ``chronicle.note``
    call, and the (event, data) pairs the Congress hands to it."""
    names = set()
    for path in sorted((Path(engine.__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "note":
                if len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):
                    names.add(node.args[2].value)
            if (
                isinstance(node, ast.Tuple)
                and len(node.elts) == 2
                and isinstance(node.elts[0], ast.Constant)
                and isinstance(node.elts[0].value, str)
                and isinstance(node.elts[1], ast.Dict)
            ):
                names.add(node.elts[0].value)
    return names


def test_every_event_the_engine_records_has_words():
    recorded = _recorded_events()
    assert {"game_begins", "vote", "status", "congress_meets", "secretaries_elected"} <= recorded  # the scan works
    assert recorded - set(chronicle.WORDS) == set()
