"""The driver that thinks apart from the caller, beside a match that holds no thread: a thought is
played only into the match and the position it was made for, and a played or dropped thought
leaves the match as plain as before (it pickles: no future, lock or thread inside)."""

from __future__ import annotations

import copyreg
import io
import pickle
from types import MappingProxyType

import pytest

from game.match.driver import Driver
from game.match.match import Match, Seat, SeatError

SCENARIO = "crisis_1923"


def _mapping(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


def _pickles(match: Match) -> bytes:
    """The match pickled (its cached views hold read-only mappings, carried as dicts): only a
    plain object pickles; a future, a lock or a thread would not."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out)
    pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda m: (_mapping, (dict(m),))}
    pickler.dump(match)
    return out.getvalue()


@pytest.fixture
def driver():
    d = Driver()
    yield d
    d.close()


def test_a_match_is_a_plain_object_before_and_after_the_driver_moves_it(rules, driver):
    m = Match.new(rules, SCENARIO, 4)
    assert _pickles(m)
    future = driver.think(m)
    assert m.watchers  # told of the next move or undo while a thought is in hand
    move = driver.play(m, future)
    assert move is not None and m.record.actions == [move.action]
    assert m.watchers == []
    assert _pickles(m)
    driver.think(m)
    driver.drop()
    assert m.watchers == []


def test_a_thought_is_played_only_into_the_match_it_was_made_for(rules, driver):
    one, two = Match.new(rules, SCENARIO, 4), Match.new(rules, SCENARIO, 4)
    future = driver.think(one)
    assert driver.play(two, future) is None and not two.record.actions
    assert driver.play(one, driver.think(one)) is not None  # the first match thinks again, and moves
    assert len(one.record.actions) == 1


def test_thinking_for_a_person_s_seat_is_refused(rules, driver):
    m = Match.new(rules, SCENARIO, 4, {f: Seat("human") for f in rules.scenarios[SCENARIO].factions})
    with pytest.raises(SeatError, match="not a bot seat"):
        driver.think(m)
    assert m.watchers == [] and driver.trouble is None
