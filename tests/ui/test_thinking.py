"""The window while the computer thinks in its worker process: the moves it plays are the moves
thought in-process, a move taken back is never answered by a stale thought, a worker that dies is
told in a message while the game goes on, and quitting stops the worker."""

from __future__ import annotations

import os

import pytest

from game.engine import apply_action
from game.match.match import Match, Seat, is_undoable
from game.ui.scenes.board import BoardScene
from game.ui.scenes.dialog import MessageScene
from tests.match.test_thinking import _DyingBot, _WhereBot
from tests.ui.drive import button, click, frames

SCENARIO = "crisis_1923"


def _seats(rules, human="stalin"):
    seats = {f: Seat("ai", "hard") for f in rules.scenarios[SCENARIO].factions}
    seats[human] = Seat("human", "simple", "Anna")
    return seats


def _board(app, match) -> BoardScene:
    app.start_match(match)
    board = app.stack[0]
    while app.scene is not board:  # the briefing and first results: read
        app.pop()
    return board


def _computer_moves(app, board, count: int) -> None:
    """Frames until the computer has made ``count`` more moves (the player ends each turn)."""
    match = board.match
    goal = len(match.record.actions) + count
    while len(match.record.actions) < goal:
        while app.scene is not board:
            app.pop()
        if board.my_turn():
            match.submit(match.legal()[-1] if match.state.phase == "actions" else match.legal()[0])
            board.after_move()
        board.wait_for_ai()
        frames(app)


def test_the_window_plays_the_moves_thought_in_the_worker(make_app, rules):
    app = make_app(thinking="process")
    match = Match.new(rules, SCENARIO, 11, _seats(rules))
    board = _board(app, match)
    assert app.thinker.in_process and app.thinker._pool is not None  # started with the game
    _computer_moves(app, board, 6)
    here = Match.new(rules, SCENARIO, 11, _seats(rules))
    for action in match.record.actions:
        if here.seat().is_human:
            here.submit(action)
        else:
            assert here.ai_move().action == action
    assert app.thinker.trouble is None and not isinstance(app.scene, MessageScene)


def test_a_move_taken_back_is_never_answered_by_the_stale_thought(make_app, rules):
    app = make_app(thinking="process")
    board = _board(app, Match.new(rules, SCENARIO, 11, _seats(rules)))
    match = board.match
    while not board.my_turn() or match.state.phase != "actions":
        _computer_moves(app, board, 1)
    quiet = next(a for a in match.legal() if is_undoable(match.state, apply_action(match.state, rules, a)))
    board.submit(quiet)
    frames(app)  # the computer starts thinking about its reply while the board holds the move
    future = board.future
    assert future is not None
    click(app, button(board, "Undo"))
    n, digest = len(match.record.actions), match.digest()
    try:
        future.result()
    except Exception:  # cancelled before it began
        pass
    frames(app, n=5)
    assert len(match.record.actions) == n and match.digest() == digest and board.my_turn()


def test_a_worker_that_dies_is_told_and_the_game_goes_on(make_app, rules):
    app = make_app(thinking="process")
    match = Match.new(rules, SCENARIO, 11, _seats(rules))
    board = _board(app, match)
    while board.my_turn():
        _computer_moves(app, board, 1)
    faction = match.active
    app.driver.drop()  # drop the thought in hand: the computer thinks again, with the bot below
    board.future = None
    match.bots[faction] = _DyingBot(match.bots[faction], os.getpid())
    n = len(match.record.actions)
    frames(app)
    board.wait_for_ai()
    frames(app)
    assert len(match.record.actions) == n + 1 and match.record.actions[-1].faction == faction
    msg = app.scene
    assert isinstance(msg, MessageScene) and msg.title == "The computer's thinking"
    assert "thinking process stopped" in msg.body and "Traceback" not in msg.body
    click(app, button(msg, "Continue"))
    _computer_moves(app, board, 2)  # on a thread now
    assert app.scene is board and not app.thinker.in_process


def test_quitting_stops_the_worker(make_app, rules):
    app = make_app(thinking="process")
    _board(app, Match.new(rules, SCENARIO, 11, _seats(rules)))
    pid = app.thinker.think(_WhereBot(), None, ("x",), rules).result().reason[0]
    assert pid != os.getpid()
    os.kill(pid, 0)  # the worker is there
    app.quit()
    assert not app.running
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
