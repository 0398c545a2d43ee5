"""A player's turn on screen: after a human seat's action the board holds its result, with Done
(Enter or a click) and Undo while the move can be taken back; the computer does not move and no
hand-off screen comes until Done, however long the seat looks at it.  Driven with key presses and
clicks."""

from __future__ import annotations

import pygame
import pytest

from game.ui import text
from game.ui.scenes.board import action_button_label, is_human
from game.ui.scenes.choose import TargetScene
from game.ui.scenes.dialog import MessageScene
from game.ui.scenes.handoff import HandoffScene
from tests.ui.drive import button, click, frames, key
from tests.ui.test_hotseat import _to_a_seat
from tests.ui.test_play import play_until_my_turn, start_classroom


def _act(app, board, action_id: str) -> None:
    """Press an action's button and take its first target, saying yes if asked."""
    click(app, button(board, action_button_label(app.rules, action_id)))
    while isinstance(app.scene, TargetScene | MessageScene):
        click(app, app.scene.controls[0][0])


def _looked_at(app, board, seconds: int = 30) -> list[str]:
    """Frames over ``seconds`` of the seat looking at the board (the computer's reply thought out
    meanwhile); the words of the board as it then stands (its picture drawn afresh: a kept
    picture is only blitted, and its words are not drawn again)."""
    for _ in range(seconds):
        app.frame([], dt=1.0)
        if board.future is not None:
            board.future.result()
    frames(app, n=5)
    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    try:
        board.changed()
        frames(app)
    finally:
        text.WATCHERS.remove(shown.append)
    return shown


def _words(shown: list[str]) -> str:
    return " ".join(" ".join(shown).split())


def _computer_replies(app, board, moves: int) -> None:
    for _ in range(200):
        if len(board.match.record.actions) > moves:
            return
        if board.future is not None:
            board.future.result()
        frames(app)
    raise AssertionError("the computer did not move")


def test_the_board_holds_the_move_until_done_is_pressed_with_enter(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    match = board.match
    _act(app, board, "publish_article")
    moves, digest = len(match.record.actions), match.digest()
    assert match.record.actions[-1].faction == "stalin" and not is_human(match, match.active)
    assert board.held is not None and app.scene is board
    done = button(board, "Done")
    assert done.is_enabled and board.controls[board.focus][0] is done  # the ring sits on Done
    assert button(board, "Undo").is_enabled and button(board, "Save").is_enabled  # saved as it stands
    words = _looked_at(app, board)
    assert len(match.record.actions) == moves and match.digest() == digest  # the computer waited
    assert app.scene is board and board.held is not None and board.viewer == "stalin"
    said = _words(words)
    assert " ".join(board.held[1].split()) in said and "Done (Enter)" in said and "Undo (Ctrl+Z)" in said
    assert "thinking" not in said  # no "thinking" sign over the move's result
    key(app, pygame.K_RETURN)
    assert board.held is None and not button(board, "Undo").is_enabled  # undo lasts until Done
    _computer_replies(app, board, moves)
    assert match.record.actions[moves].faction != "stalin"


def test_undo_takes_the_move_back_and_the_seat_acts_again_then_done_by_click(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    match = board.match
    before, moves = match.digest(), len(match.record.actions)
    _act(app, board, "cultivate_figure")
    assert match.digest() != before and board.held is not None
    _looked_at(app, board, seconds=5)
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    assert match.digest() == before and len(match.record.actions) == moves
    assert board.held is None and board.my_turn() and app.scene is board
    assert not button(board, "Undo").is_enabled
    assert not 0 <= board.focus < len(board.controls)  # nothing pressed by chance with Enter
    _looked_at(app, board, seconds=5)
    assert len(match.record.actions) == moves  # the seat's to move again: the computer waits
    _act(app, board, "publish_article")
    assert match.record.actions[-1].name == "publish_article" and board.held is not None
    click(app, button(board, "Done"))
    assert board.held is None
    _computer_replies(app, board, moves + 1)


def test_in_hot_seat_only_done_brings_the_hand_off(app):
    board = start_classroom(app, humans=("stalin", "trotsky"), seed="5")
    match = board.match
    seat = _to_a_seat(app, board)
    _act(app, board, "publish_article")
    moves = len(match.record.actions)
    for _ in range(40):
        app.frame([], dt=1.0)
        assert not isinstance(app.scene, HandoffScene) and board.viewer == seat and board.held is not None
    assert len(match.record.actions) == moves
    key(app, pygame.K_d)  # Done's own key (its tooltip names it)
    assert board.viewer is None and board.held is None  # nothing of the seat's stays up
    assert isinstance(app.scene, HandoffScene) or not is_human(match, match.active)
    assert not 0 <= board.focus < len(board.controls)
    nxt = _to_a_seat(app, board)  # the next human seat, after the hand-off screen
    assert board.viewer == nxt and board.my_turn()


def test_a_move_that_reveals_something_random_has_no_undo_but_done_hands_over(app):
    board = start_classroom(app, humans=("stalin", "trotsky"), seed="5")
    match = board.match
    for _ in range(10):
        if _to_a_seat(app, board) == "trotsky":
            break
        _act(app, board, "pass_turn")
    assert board.viewer == "trotsky"
    _act(app, board, "underground_press")  # the press run is a draw from the generator
    digest = match.digest()
    assert match.record.actions[-1].name == "underground_press" and board.held is not None
    assert not match.can_undo() and not button(board, "Undo").is_enabled
    said = _words(_looked_at(app, board, seconds=3))
    assert "no undo" in said and "Undo (Ctrl+Z)" not in said
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    assert match.digest() == digest and board.held is not None  # nothing taken back
    click(app, button(board, "Done"))
    assert board.viewer is None and board.held is None
    assert isinstance(app.scene, HandoffScene) or not is_human(match, match.active)


@pytest.mark.parametrize(
    "size,scale", [((1280, 720), 1.0), ((1280, 720), 1.5), ((1280, 720), 2.0), ((1920, 1080), 2.0)]
)
def test_the_held_bar_fits_every_size_and_font(make_app, rules, size, scale):
    """The move's result, the keys' line and Done fit the action bar whole, inside the window,
    with no button over another."""
    from game.match.match import Match, Seat
    from game.ui.scenes import layout
    from game.ui.settings import Settings

    m = Match.new(rules, "crisis_1923", 11, {"stalin": Seat("human", name="Anna")})
    while m.active != "stalin" or m.state.phase != "actions":
        m.ai_move()
    app = make_app(settings=Settings(width=size[0], height=size[1], font_scale=scale))
    app.start_match(m)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    frames(app)
    _act(app, board, "mass_appeal")  # its line names a faction and a region
    frames(app)
    assert board.held is not None
    *_, cut = layout.held_text(app, board.geo, *board.held_lines())
    assert not cut, board.held_lines()
    window = pygame.Rect((0, 0), app.size)
    done = button(board, "Done")
    assert window.contains(done.rect) and board.geo.bar.contains(done.rect)
    shown = [b.rect for b, _ in board.controls if b.visible]
    assert all(not a.colliderect(b) for i, a in enumerate(shown) for b in shown[i + 1 :])
