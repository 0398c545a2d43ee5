"""Hot-seat: two human seats share the screen.  Every frame drawn is checked: while a seat is not
the one at the screen (another seat is active, the computer moves, or the hand-off screen is up),
none of its private chronicle entries may be among the words drawn."""

from __future__ import annotations

from game.ui import text
from game.ui.scenes.board import BoardScene
from game.ui.scenes.handoff import HandoffScene
from tests.ui.drive import play
from tests.ui.test_play import once_a_turn, start_classroom


def _norm(words: str) -> str:
    return " ".join(words.split())


def test_no_frame_shows_another_seats_secrets(app):
    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    checked = {"frames": 0, "own_secrets_seen": 0, "handoffs": 0, "public_frames": 0}
    original_draw = app.draw

    def checked_draw():
        shown.clear()
        original_draw()
        board = app.stack[0]
        if not isinstance(board, BoardScene):
            return
        match = board.match
        handoff = isinstance(app.scene, HandoffScene)
        at_screen = None if handoff or board.viewer != match.active else board.viewer
        if handoff:
            checked["handoffs"] += 1
        if at_screen is None:
            checked["public_frames"] += 1
        assert board.viewer in (at_screen, None), "a seat's view stays up while it is not that seat's turn"
        words = _norm(" ".join(shown))
        for entry in match.state.log:
            if entry.visible_to is None:
                continue
            secret = _norm(entry.text)
            if at_screen in entry.visible_to:
                checked["own_secrets_seen"] += secret in words
            else:
                assert secret not in words, f"{entry.visible_to} secret shown with {at_screen} at the screen: {secret}"
        checked["frames"] += 1

    app.draw = checked_draw
    try:
        start_classroom(app, humans=("stalin", "trotsky"), seed="5")
        assert isinstance(app.scene, HandoffScene)  # nobody's board before the first player confirms
        play(app, once_a_turn("cultivate_figure"))
    finally:
        text.WATCHERS.remove(shown.append)
    match = app.match
    private = [e for e in match.state.log if e.visible_to]
    assert {f for e in private for f in e.visible_to} >= {"stalin", "trotsky"}  # both seats had secrets
    assert checked["own_secrets_seen"] > 0  # the check can see a secret when it is drawn
    assert checked["handoffs"] > 0 and checked["public_frames"] > 0
    assert checked["frames"] > 100


def test_hand_off_names_the_next_player_and_nothing_else(app):
    shown: list[str] = []
    start_classroom(app, humans=("stalin", "trotsky"), seed="5")
    handoff = app.scene
    assert isinstance(handoff, HandoffScene)
    text.WATCHERS.append(shown.append)
    try:
        app.frame([])
    finally:
        text.WATCHERS.remove(shown.append)
    seat = app.match.seats[handoff.faction]
    assert f"Pass the screen to {seat.name}" in shown
    assert seat.name == f"Team {handoff.faction}"
    board = app.stack[0]
    assert board.viewer is None and board.view["you"] is None
