"""`play` opens the window where one can open; without a display it says so in one line and plays
in the terminal."""

from __future__ import annotations

from game import cli
from game.ui import app as app_mod


def test_without_a_display_play_says_so_and_uses_the_terminal(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path))  # no autosave waiting
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # the player closes the input at once
    assert cli.main(["play"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0] == "no display (SDL_VIDEODRIVER=dummy): playing in the terminal "
        "(python -m game play --terminal skips this check)"
    )
    assert "Choose a scenario:" in out[1]  # the terminal game asked its first question


def test_no_display_on_linux_without_display_variables(monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    assert app_mod.can_open_window() == "no display found (DISPLAY and WAYLAND_DISPLAY are unset)"


def test_with_a_display_play_opens_the_window(monkeypatch):
    opened = []
    monkeypatch.setattr(app_mod, "can_open_window", lambda: None)
    monkeypatch.setattr(app_mod, "main", lambda rules, preset=None: opened.append(rules) or 0)
    assert cli.main(["play"]) == 0
    assert len(opened) == 1 and "crisis_1923" in opened[0].scenarios


def test_terminal_flag_keeps_the_terminal(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(app_mod, "can_open_window", lambda: None)
    monkeypatch.setattr(
        app_mod, "main", lambda rules, preset=None: (_ for _ in ()).throw(AssertionError("window opened"))
    )
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["play", "--terminal"]) == 0
    assert "Choose a scenario:" in capsys.readouterr().out
