"""Saves in the window: named saves, the autosave that 'Continue' resumes, bad saves that give a
message and leave the running game alone, and undo."""

from __future__ import annotations

from game.match import saves
from game.ui.scenes.board import BoardScene
from game.ui.scenes.dialog import MessageScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.saves import LoadScene, SaveScene
from tests.ui.drive import button, click, frames
from tests.ui.test_play import play_until_my_turn, start_classroom


def test_named_save_then_load_gives_the_same_game(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    click(app, button(board, "Save"))
    assert isinstance(app.scene, SaveScene)
    app.scene.entry.set_text("my first game")
    click(app, button(app.scene, "Save"))
    assert isinstance(app.scene, MessageScene) and "my first game" in app.scene.body
    click(app, button(app.scene, "OK"))
    digest = app.match.state.digest()
    path = app.saves_dir / "my first game.save"
    assert path.exists()
    app.reset(MenuScene(app))
    frames(app)
    click(app, button(app.scene, "Load a saved game"))
    assert isinstance(app.scene, LoadScene)
    click(app, button(app.scene, "my first game"))
    assert isinstance(app.stack[0], BoardScene)
    assert app.match.state.digest() == digest
    assert app.match.seats["stalin"].kind == "human" and app.match.seats["stalin"].name == "Team stalin"


def test_autosave_each_turn_and_on_quit_is_continued(app, make_app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    assert app.match.state.turn == 0
    app.quit()
    assert app.autosave_path.exists()
    saved = saves.read(app.autosave_path, app.rules)
    assert saved.state.digest() == app.match.state.digest()
    again = make_app()
    again.push(MenuScene(again))
    frames(again)
    click(again, button(again.scene, "Continue"))
    assert isinstance(again.stack[0], BoardScene)
    assert again.match.state.digest() == app.match.state.digest()


def bad_saves(match) -> dict[str, bytes]:
    """Damaged variants of a real save of ``match``."""
    import json

    good = saves.to_data(match)
    text = json.dumps(good)

    def variant(**changes):
        return json.dumps({**good, **changes}).encode()

    return {
        "corrupt": b"\x00\x01garbage\xff",
        "truncated": text[: len(text) // 2].encode(),
        "foreign": json.dumps({"name": "another game", "version": 3}).encode(),
        "newer": variant(**{saves.MARKER: saves.FORMAT + 1}),
        "illegal": variant(actions=good["actions"] + ["recant stalin", "recant stalin"]),
        "elsewhere": variant(scenario="no_such_scenario"),
        "tampered": variant(digest="0" * 16),
        "seatless": variant(seats={"stalin": {"kind": "robot"}}),
    }


def test_bad_saves_give_a_message_and_never_harm_the_running_game(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    digest = app.match.state.digest()
    running = app.match
    app.saves_dir.mkdir(parents=True, exist_ok=True)
    bad = bad_saves(running)
    for name, content in bad.items():
        (app.saves_dir / f"{name}.save").write_bytes(content)
    for name in bad:
        app.push(LoadScene(app))
        frames(app)
        click(app, button(app.scene, name))
        msg = app.scene
        assert isinstance(msg, MessageScene) and msg.title == "This save cannot be opened", name
        first = msg.body.split("\n")[0]
        assert first.startswith(str(app.saves_dir / f"{name}.save") + ":"), first
        assert "Traceback" not in msg.body
        click(app, button(msg, "OK"))
        app.pop()  # back from the load screen
        assert app.match is running and app.match.state.digest() == digest
        assert app.scene is board


def test_undo_takes_back_the_players_last_move(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    before, moves = app.match.state.digest(), len(app.match.record.actions)
    assert not button(board, "Undo").is_enabled
    click(app, button(board, "Cultivate figure"))
    click(app, app.scene.controls[0][0])  # the first figure offered
    assert app.match.state.digest() != before
    # the computer waits a moment before its reply, while the move can be taken back
    assert app.scene is board and button(board, "Undo").is_enabled
    assert len(app.match.record.actions) == moves + 1
    click(app, button(board, "Undo"))
    assert app.match.state.digest() == before and len(app.match.record.actions) == moves
    assert board.my_turn() and not button(board, "Undo").is_enabled


def test_undo_is_gone_once_another_seat_has_moved(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    click(app, button(board, "Cultivate figure"))
    click(app, app.scene.controls[0][0])
    board.wait_for_ai()  # the pause is skipped: the computer replies
    frames(app)
    board.wait_for_ai()
    frames(app)
    assert app.match.record.actions[-1].faction != "stalin"
    assert not button(board, "Undo").is_enabled
