"""Hot-seat: two human seats share the screen.  Every frame drawn is checked: while a seat is not
the one at the screen (another seat is active, the computer moves, or the hand-off screen is up),
none of its private chronicle entries may be among the words drawn.  After a seat's move the
board holds its own view until it presses Done: that is still its screen, and only Done brings
the hand-off."""

from __future__ import annotations

import pygame

from game.present import chronicle
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
    checked = {"frames": 0, "own_secrets_seen": 0, "handoffs": 0, "public_frames": 0, "held_frames": 0}
    original_draw = app.draw

    def checked_draw():
        shown.clear()
        original_draw()
        board = app.stack[0]
        if not isinstance(board, BoardScene):
            return
        match = board.match
        handoff = isinstance(app.scene, HandoffScene)
        held = board.held is not None
        if held:  # the seat that just moved, still at the screen: its move and nothing else's
            assert not handoff and board.viewer == board.held[0] == match.record.actions[-1].faction
            checked["held_frames"] += 1
        at_screen = None if handoff or (board.viewer != match.active and not held) else board.viewer
        if handoff:
            checked["handoffs"] += 1
        if at_screen is None:
            checked["public_frames"] += 1
        assert board.viewer in (at_screen, None), "a seat's view stays up while it is not that seat's turn"
        words = _norm(" ".join(shown))
        for entry in match.state.log:
            if entry.visible_to is None:
                continue
            secret = _norm(chronicle.render(app.rules, entry))
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
    assert checked["handoffs"] > 0 and checked["public_frames"] > 0 and checked["held_frames"] > 0
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
    assert board.viewer is None and board.view.you is None


def _to_a_seat(app, board, by_keys: bool = False) -> str:
    """Answer every screen (the computer's moves, hand-offs, briefings, summaries, events) until a
    human seat is at the screen with its board on top, and name it; with ``by_keys`` the screens
    are answered with Enter, as a player at the keyboard would."""
    from game.ui.scenes.event import EventScene
    from tests.ui.drive import click, frames, key

    for _ in range(400):
        top = app.scene
        if top is board and board.my_turn():
            return board.viewer
        if top is board:
            board.wait_for_ai()
            frames(app)
        elif isinstance(top, EventScene) or not by_keys:
            click(app, top.controls[0][0])
        else:
            key(app, pygame.K_RETURN)
    raise AssertionError("no human seat came to the screen")


def test_after_the_briefing_enter_presses_nothing_and_never_leaves_the_game(app):
    from tests.ui.drive import key

    board = start_classroom(app, humans=("trotsky",))
    assert _to_a_seat(app, board, by_keys=True) == "trotsky"  # Begin, pressed with Enter
    assert not 0 <= board.focus < len(board.controls)  # no ring: nothing is pressed by chance
    for _ in range(3):
        key(app, pygame.K_RETURN)
    assert app.scene is board and app.running and app.match is board.match
    key(app, pygame.K_TAB)  # the keyboard still reaches the buttons
    assert 0 <= board.focus < len(board.controls)


def _chronicle(app, board) -> tuple[int, int]:
    """A point over the chronicle (found by its tooltip, wherever the layout puts it)."""
    w, h = app.size
    for y in range(h - 8, 0, -16):
        for x in range(8, w, 16):
            if (board.tip_at((x, y)) or "").startswith("The chronicle"):
                return x, y
    raise AssertionError("no chronicle on the board")


def test_a_hand_off_carries_no_widget_state_of_the_last_seat(app, monkeypatch):
    """The last seat's focus ring, hovered and held buttons, tooltips, scrolled panels, the
    chronicle's scroll and open dialogs: none of them is there when the next seat sits down."""
    from game.ui.scenes.choose import TargetScene
    from game.ui.scenes.dialog import MessageScene
    from tests.ui.drive import button, click, frames

    where = [(0, 0)]
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: where[0])

    def point(pos) -> None:
        where[0] = pos
        frames(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])

    def press(b) -> None:
        where[0] = b.rect.center
        click(app, b)

    board = start_classroom(app, humans=("stalin", "trotsky"), seed="5")
    for _ in range(30):  # on until the chronicle holds more than it shows
        first = _to_a_seat(app, board)
        point(_chronicle(app, board))  # the first seat reads back in the chronicle ...
        for _ in range(3):
            frames(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False)])
        if board.chronicle_scroll > 0:
            break
        press(button(board, "End turn"))
        while isinstance(app.scene, MessageScene):
            press(app.scene.controls[0][0])
    assert board.chronicle_scroll > 0
    # ... scrolls the panels, hovers a button ...
    bars = [getattr(el, "vert_scroll_bar", None) for el in board.elements]
    bars = [b for b in bars if b is not None]
    assert bars, "no panel scrolls at this size: the test would prove nothing about scrolled panels"
    for bar in bars:
        bar.set_scroll_from_start_percentage(0.5)
    frames(app)
    assert any(bar.start_percentage > 0 for bar in bars)
    guide = button(board, "Guide")
    point(guide.rect.center)
    app.frame([], dt=0.8)
    app.frame([], dt=0.8)
    assert guide.hovered and guide.tool_tip is not None
    # ... and takes a secret action with the mouse: the focus ring goes to its button
    cultivate = button(board, "Cultivate figure")
    press(cultivate)
    assert board.controls[board.focus][0] is cultivate
    while isinstance(app.scene, TargetScene | MessageScene):
        press(app.scene.controls[0][0])
    second = next(f for f in ("stalin", "trotsky") if f != first)
    saw_handoff = []

    def watch():
        saw_handoff.append(isinstance(app.scene, HandoffScene))

    for _ in range(400):  # every frame between the seats: nothing of the first seat's on the board
        if app.scene is board and board.viewer == second and board.my_turn():
            break
        if board.viewer is None:
            assert not 0 <= board.focus < len(board.controls), "a focus ring on the public board"
            assert board.chronicle_scroll == 0 and board.mouse == (-1, -1)
        watch()
        if app.scene is board:
            board.wait_for_ai()
            frames(app)
        else:
            press(app.scene.controls[0][0])
    assert any(saw_handoff)
    point((2, app.size[1] - 2))  # the next player's mouse, somewhere of its own
    app.frame([], dt=0.8)
    app.frame([], dt=0.8)
    assert app.stack == [board]  # no dialog of the first seat's left open
    assert not 0 <= board.focus < len(board.controls)  # no focus ring (it was on "Cultivate figure")
    buttons = [b for b, _ in board.controls]
    assert not any(b.held for b in buttons)
    assert not any(b.hovered for b in buttons)
    assert all(el.tool_tip is None for el in board.elements)
    assert board.chronicle_scroll == 0
    bars = [getattr(el, "vert_scroll_bar", None) for el in board.elements]
    assert all(bar.start_percentage == 0 for bar in bars if bar is not None)


class _Seen(Exception):
    """Both visits are made: the game need not be played on."""


def _reference_screens(app):
    """(name, open it over what is on show, its states) of every screen a seat may open mid-game that
    is not the board: the encyclopedia (each category, entries through it, a link followed), the
    documents, a reader, an entry's sources, the presets, saving a preset, the new-game screen from a
    preset."""
    from game.match.match import Seat
    from game.match.presets import Preset
    from game.ui.scenes.encyclopedia import CATEGORIES

    rules = app.rules
    lesson = Preset("crisis_1923", {f: Seat("human", "simple", f"Team {f}") for f in ("stalin", "trotsky")}, seed=5)

    def encyclopedia_states(scene):
        states = []
        for i in range(len(CATEGORIES)):
            states.append(scene._pick(i))
            for index in range(0, len(scene.entries_of(i)), 7):
                states.append(lambda index=index: (setattr(scene, "index", index), scene.refresh()))
        return states + [lambda: scene.follow("secretariat"), lambda: scene.follow("figures.trotsky")]

    return [
        ("encyclopedia", lambda: app.push_scene("encyclopedia"), encyclopedia_states),
        ("glossary entry", lambda: app.push_scene("encyclopedia", "testament"), lambda scene: []),
        ("documents", lambda: app.push_scene("documents"), lambda scene: []),
        ("reader", lambda: app.push_scene("reader", "seeds/001_4e889e92fdabce2b.txt", 2167, 2171), lambda s: []),
        (
            "sources",
            lambda: app.push_scene("sources", "Sources — Stalin", rules.figures["stalin"].source),
            lambda scene: [],
        ),
        ("presets", lambda: app.push_scene("presets"), lambda scene: []),
        ("save as preset", lambda: app.push_scene("save_preset", lesson), lambda scene: []),
        ("new game from a preset", lambda: app.push_scene("new_game", preset=lesson, preset_rules=rules), lambda s: []),
    ]


def _visit(app, board, at_screen) -> int:
    """Open each reference screen over what is on show, go through its states, and check that no
    secret of a seat not at the screen is drawn; close it again.  Returns the secrets checked."""
    from tests.ui.drive import frames

    match = board.match
    hidden = [
        _norm(chronicle.render(app.rules, e)) for e in match.state.log if e.visible_to and at_screen not in e.visible_to
    ]
    assert hidden, "no secret to keep: the check would prove nothing"
    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    try:
        for name, open_, states in _reference_screens(app):
            under, depth = app.scene, len(app.stack)
            scene = open_()
            frames(app)
            drawn = 0
            for state in [None, *states(scene)]:
                if state is not None:
                    state()
                    frames(app)
                words = _norm(" ".join(shown))
                drawn += len(words)
                shown.clear()
                for secret in hidden:
                    assert secret not in words, f"{name}, with {at_screen} at the screen, shows: {secret}"
            assert drawn > 0, f"{name} drew no words"
            while len(app.stack) > depth:
                app.pop()
            assert app.scene is under
        # the check sees a secret when one is drawn: a dialog showing one is caught
        app.push_scene("message", "A secret", hidden[0])
        frames(app)
        assert hidden[0] in _norm(" ".join(shown))
        app.pop()
    finally:
        text.WATCHERS.remove(shown.append)
    return len(hidden)


def test_the_reference_and_preset_screens_show_no_seats_secrets_and_the_debrief_waits(app):
    """Mid-game in a hot-seat game, at the hand-off (nobody at the screen) and with a seat at the
    screen: the encyclopedia and glossary, the documents and their reader, an entry's sources, the
    presets, saving a preset and the new-game screen opened from one show nothing of a seat's
    secrets but the seat's own; and the debrief refuses until the game is over."""
    from game.match import saves
    from game.ui.scenes.dialog import MessageScene
    from tests.ui.drive import button, click

    board = start_classroom(app, humans=("stalin", "trotsky"), seed="5")
    checked = {}

    def on_frame(app):
        match = board.match
        if not {"stalin", "trotsky"} <= {f for e in match.state.log if e.visible_to for f in e.visible_to}:
            return  # until both seats have secrets to keep
        if isinstance(app.scene, HandoffScene) and "handoff" not in checked:
            checked["handoff"] = _visit(app, board, None)
        elif app.scene is board and board.my_turn() and board.held is None and "seat" not in checked:
            checked["seat"] = _visit(app, board, board.viewer)
        if len(checked) == 2:
            raise _Seen

    try:
        play(app, once_a_turn("cultivate_figure"), on_frame=on_frame)
    except _Seen:
        pass
    assert set(checked) == {"handoff", "seat"} and all(checked.values())
    match = board.match
    assert not match.over
    # the debrief of the unfinished hot-seat game, asked for from the saved games: refused
    saves.save_named(match, "hotseat mid-game")
    load = app.push_scene("load")
    click(app, button(load, "Debrief"))
    assert isinstance(app.scene, MessageScene) and app.scene.title == "Not before the end"
    assert "hot-seat game is not over" in app.scene.body
