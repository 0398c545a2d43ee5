"""The computer thinking in a process of its own: the same thoughts as here, stale thoughts never
played, and a failed worker replaced by a thread with a message (never a traceback, never a lost
game)."""

from __future__ import annotations

import copy
import os

import attrs
import pytest

import game
from game.engine import apply_action
from game.match.driver import Driver
from game.match.match import Match, Seat, is_undoable
from game.match.thinking import PROCESS, THREAD, Thinker, Thought

SCENARIO = "crisis_1923"


@pytest.fixture(scope="module")
def thinker(rules):
    t = Thinker(PROCESS)
    t.start(rules)
    yield t
    t.close()


def _hard_seats(rules, human: str | None = None) -> dict[str, Seat]:
    seats = {f: Seat("ai", "hard") for f in rules.scenarios[SCENARIO].factions}
    if human:
        seats[human] = Seat("human")
    return seats


def test_the_worker_process_runs_this_code(thinker, rules):
    thought = thinker.think(_WhereBot(), None, ("x",), rules).result()
    pid, path = thought.reason
    assert pid != os.getpid()  # another process
    assert path == game.__file__  # the same package: a worktree's code, not an installed one
    assert thinker.in_process and thinker.trouble is None


@pytest.mark.parametrize("level", ["hard", "simple"])
def test_a_thought_made_in_the_worker_is_the_thought_made_here(thinker, rules, level):
    m = Match.new(rules, SCENARIO, 11, {f: Seat("ai", level) for f in rules.scenarios[SCENARIO].factions})
    for _ in range(8):
        faction = m.active
        bot, view, legal = m.bots[faction], m.view(faction), m.legal()
        here = copy.deepcopy(bot)
        expected = here.choose(view, legal, rules)
        thought = thinker.think(bot, view, legal, rules).result()
        assert isinstance(thought, Thought)
        assert (thought.action, thought.reason) == expected
        assert getattr(thought.bot, "state", None) == getattr(here, "state", None)  # its generator, moved alike
        m.submit(*expected)
        m.bots[faction] = here
    assert thinker.trouble is None


def test_a_match_played_through_the_worker_is_the_match_played_here(thinker, rules):
    far, near = Match.new(rules, SCENARIO, 4), Match.new(rules, SCENARIO, 4)
    driver = Driver(thinker)
    for _ in range(30):
        driver.play(far, driver.think(far))
        near.ai_move()
    assert far.record.actions == near.record.actions and far.digest() == near.digest()
    assert [b.state for b in far.bots.values()] == [b.state for b in near.bots.values()]


def test_rules_with_a_mod_and_rules_made_in_code_reach_the_worker(thinker, rules):
    from game.ruleset.loader import Rules, load

    modded, problems = load(["lenin_lives"])
    assert modded is not None, problems
    made = Rules.from_tables(rules.by_kind, rules.origin, rules.root)  # no folders: the rules travel whole
    for each in (modded, made):
        scenario = next(iter(each.scenarios))
        m = Match.new(each, scenario, 3, {})
        bot, view, legal = m.bots[m.active], m.view(m.active), m.legal()
        thought = thinker.think(bot, view, legal, each).result()
        assert (thought.action, thought.reason) == copy.deepcopy(bot).choose(view, legal, each)
    assert thinker.trouble is None


def _after_an_undoable_move(rules, thinker):
    m = Match.new(rules, SCENARIO, 11, _hard_seats(rules, human="stalin"))
    while not (m.seat().is_human and m.state.phase == "actions"):
        m.ai_move() if not m.seat().is_human else m.submit(m.legal()[0])
    quiet = next(a for a in m.legal() if is_undoable(m.state, apply_action(m.state, rules, a)))
    m.submit(quiet)
    assert not m.seat().is_human and m.can_undo()
    return m


def test_a_thought_about_a_position_taken_back_is_never_played(thinker, rules):
    m, driver = _after_an_undoable_move(rules, thinker), Driver(thinker)
    bots = {f: copy.deepcopy(b) for f, b in m.bots.items()}
    future = driver.think(m)
    m.undo()
    before, n = m.digest(), len(m.record.actions)
    assert future.cancelled() or future.done()
    assert driver.play(m, future) is None  # stale: dropped
    assert m.digest() == before and len(m.record.actions) == n and m.seat().is_human
    assert {f: getattr(b, "state", None) for f, b in m.bots.items()} == {
        f: getattr(b, "state", None) for f, b in bots.items()
    }
    # the same move again is a new position: the old thought is not played there either
    m.submit(_quiet(m, rules)[0])
    assert driver.play(m, future) is None and len(m.record.actions) == n + 1
    move = driver.play(m, driver.think(m))
    assert move is not None and len(m.record.actions) == n + 2


def _quiet(m, rules):
    return [a for a in m.legal() if is_undoable(m.state, apply_action(m.state, rules, a))]


def test_a_closed_match_drops_its_thinking(thinker, rules):
    m, driver = _after_an_undoable_move(rules, thinker), Driver(thinker)
    future = driver.think(m)
    n = len(m.record.actions)
    driver.drop()  # a new game, a load or quitting
    assert driver.play(m, future) is None and len(m.record.actions) == n


class _WhereBot:
    """Answers where it thinks: its process and the package it runs."""

    def choose(self, view, legal, rules):
        return legal[0], (os.getpid(), game.__file__)


class _DyingBot:
    """A bot whose worker process dies as it thinks (as after a crash in native code); thinking
    anywhere else it plays the hard bot's move."""

    def __init__(self, bot, parent: int):
        self.bot, self.parent = bot, parent

    def choose(self, view, legal, rules):
        if os.getpid() != self.parent:
            os._exit(3)
        return self.bot.choose(view, legal, rules)


def test_a_worker_that_dies_is_replaced_by_a_thread_with_a_message(rules):
    t = Thinker(PROCESS)
    m = Match.new(rules, SCENARIO, 11, _hard_seats(rules))
    driver = Driver(t)
    try:
        faction = m.active
        expected = copy.deepcopy(m.bots[faction]).choose(m.view(faction), m.legal(), rules)
        m.bots[faction] = _DyingBot(m.bots[faction], os.getpid())
        move = driver.play(m, driver.think(m))
        assert (move.action, move.reason) == expected  # the game goes on with the same move
        assert t.mode == THREAD and not t.in_process
        assert "thinking process stopped" in t.trouble and "ended abruptly" in t.trouble
        assert "Traceback" not in t.trouble
        assert driver.play(m, driver.think(m)) is not None  # and on, on a thread
    finally:
        t.close()


def test_a_worker_that_cannot_have_the_rules_is_replaced_by_a_thread(rules):
    # rules whose files no longer give them (as if edited during the game): the worker refuses
    changed = attrs.evolve(rules, scenarios={SCENARIO: rules.scenarios[SCENARIO]})
    t = Thinker(PROCESS)
    try:
        m = Match.new(rules, SCENARIO, 5, {})
        bot, view, legal = m.bots[m.active], m.view(m.active), m.legal()
        thought = t.think(bot, view, legal, changed).result()
        assert (thought.action, thought.reason) == copy.deepcopy(bot).choose(view, legal, changed)
        assert "the rule files have changed" in t.trouble
    finally:
        t.close()


def test_thinking_on_a_thread_needs_no_process(rules):
    t = Thinker(THREAD)
    try:
        m = Match.new(rules, SCENARIO, 5, {})
        bot, view, legal = m.bots[m.active], m.view(m.active), m.legal()
        state = bot.state
        thought = t.think(bot, view, legal, rules).result()
        assert (thought.action, thought.reason) == copy.deepcopy(bot).choose(view, legal, rules)
        assert bot.state == state and thought.bot is not bot  # the seat's bot is untouched until played
        assert t._pool is None and t.trouble is None
    finally:
        t.close()


def test_an_unknown_way_of_thinking_is_refused_in_words():
    with pytest.raises(ValueError, match="'process' or a 'thread'"):
        Thinker("fibres")


def test_where_no_process_can_be_started_the_computer_thinks_on_a_thread(rules, monkeypatch):
    from game.match import thinking

    def refuse(*args, **kwargs):
        raise OSError("this system has no working semaphores")

    monkeypatch.setattr(thinking, "ProcessPoolExecutor", refuse)
    t = Thinker(PROCESS)
    try:
        t.start(rules)
        assert t.mode == THREAD and "no working semaphores" in t.trouble
        m, driver = Match.new(rules, SCENARIO, 5, {}), Driver(t)
        near = Match.new(rules, SCENARIO, 5, {})
        assert driver.play(m, driver.think(m)).action == near.ai_move().action
    finally:
        t.close()


def test_every_think_waiting_behind_a_worker_that_dies_is_answered(rules):
    t = Thinker(PROCESS)
    try:
        m = Match.new(rules, SCENARIO, 11, _hard_seats(rules))
        faction = m.active
        bot, view, legal = m.bots[faction], m.view(faction), m.legal()
        dying = t.think(_DyingBot(bot, os.getpid()), view, legal, rules)
        waiting = [t.think(bot, view, legal, rules) for _ in range(2)]  # queued behind it
        expected = copy.deepcopy(bot).choose(view, legal, rules)
        for future in (dying, *waiting):
            thought = future.result()
            assert (thought.action, thought.reason) == expected
        assert not t.in_process and t.trouble
    finally:
        t.close()
