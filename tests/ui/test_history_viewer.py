"""The history viewer: from the board (its History button or the H key) the seat at the screen
pages back through the summaries of the quarters that have closed, its own views only."""

from __future__ import annotations

import pygame

from game.present import chronicle, quarter
from game.ui.scenes.board import BoardScene
from game.ui.scenes.history import HistoryScene
from tests.ui.drive import button, click, frames, key
from tests.ui.test_hotseat import _to_a_seat
from tests.ui.test_play import start_classroom


def _play_quarters(app, board, n: int, secret: bool = False) -> str:
    """End turns (each seat first cultivating a figure in secret, with ``secret``) until ``n``
    quarters have closed; the seat at the screen then."""
    from game.ui.scenes.choose import TargetScene
    from game.ui.scenes.dialog import MessageScene

    done = set()
    while True:
        seat = _to_a_seat(app, board)
        if len(quarter.book(board.match).closed()) >= n:
            return seat
        cultivate = button(board, "Cultivate figure")
        if secret and cultivate.is_enabled and (seat, board.match.state.turn) not in done:
            done.add((seat, board.match.state.turn))
            click(app, cultivate)
        else:
            click(app, button(board, "End turn"))
        while isinstance(app.scene, MessageScene | TargetScene):
            click(app, app.scene.controls[0][0])


def test_h_opens_the_history_and_the_arrows_page_through_it(app):
    board = start_classroom(app, humans=("trotsky",))
    _play_quarters(app, board, 3)
    closed = quarter.book(board.match).closed()
    key(app, pygame.K_h)
    history = app.scene
    assert isinstance(history, HistoryScene) and history.faction == "trotsky"
    assert history.summary.turn == closed[-1]  # the newest first
    assert not button(history, "Later").is_enabled
    dates = [history.summary.date]
    for _ in closed[:-1]:
        key(app, pygame.K_LEFT)
        dates.append(history.summary.date)
        assert history.summary.date in history.title and history.body.startswith("What changed for you")
    start = app.rules.scenarios[board.match.scenario].start
    assert dates == [quarter.quarter_date(start, t) for t in reversed(closed)]
    assert not button(history, "◀ Earlier").is_enabled  # the first quarter: nothing earlier
    click(app, button(history, "Later"))
    assert history.summary.turn == closed[1]
    key(app, pygame.K_ESCAPE)
    assert app.scene is board
    click(app, button(board, "History"))  # the button beside Menu and Guide does the same
    assert isinstance(app.scene, HistoryScene)
    click(app, button(app.scene, "Close"))
    assert app.scene is board and isinstance(board, BoardScene)


def test_in_hot_seat_the_history_is_the_seat_at_the_screen_and_no_other(app):
    board = start_classroom(app, humans=("stalin", "trotsky"), seed="5")
    seat = _play_quarters(app, board, 2, secret=True)
    other = next(f for f in ("stalin", "trotsky") if f != seat)
    key(app, pygame.K_h)
    history = app.scene
    assert isinstance(history, HistoryScene) and history.faction == seat
    words = []
    for _ in range(len(quarter.book(board.match).closed())):
        words.append(history.body)
        key(app, pygame.K_LEFT)
    words = "\n".join(words)
    secrets = [e for e in board.match.state.log if e.visible_to]
    rules = board.match.rules
    theirs = [chronicle.render(rules, e) for e in secrets if other in e.visible_to and seat not in e.visible_to]
    assert theirs, "the other seat had no secret: the test would prove nothing"
    assert not [t for t in theirs if t in words]
    closed = max(quarter.book(board.match).closed())
    mine = [chronicle.render(rules, e) for e in secrets if seat in e.visible_to and e.turn <= closed]
    assert any(t in words for t in mine)  # the seat's own secrets are there: the check can see one
    key(app, pygame.K_ESCAPE)
    frames(app)
    assert app.scene is board


def test_the_end_screen_pages_through_every_quarter_the_last_included(app):
    from game.ui.scenes.end import EndScene
    from tests.ui.drive import play
    from tests.ui.test_play import once_a_turn

    board = start_classroom(app, humans=("trotsky",))
    end = play(app, once_a_turn("publish_article"))
    assert isinstance(end, EndScene)
    match = board.match
    key(app, pygame.K_h)
    history = app.scene
    assert isinstance(history, HistoryScene) and history.faction == "trotsky"
    assert history.summary.turn == match.state.turn  # the quarter the game ended in
    assert history.summary.next_date is None and len(history.quarters) == match.state.turn + 1
    click(app, button(history, "Close"))
    assert app.scene is end
