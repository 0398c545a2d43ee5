"""Hostile saves that used to escape as tracebacks: a seed of thousands of digits, a save nested
thousands deep, a format version this game never wrote, a missing mod, a name too long for the file
system; and the temporary files a killed autosave leaves behind.  Each is one clear line naming the
file, and nothing on disk changes by a refusal."""

from __future__ import annotations

import json
import os
import time

import pytest

from game import cli
from game.match import saves
from game.match.match import Match, Seat
from game.match.saves import SaveError

SCENARIO = "crisis_1923"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def good(rules, tmp_path):
    m = Match.new(rules, SCENARIO, 4, {"trotsky": Seat("human", name="Ann")})
    for _ in range(12):
        m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    path = tmp_path / "good.save"
    saves.write(m, path)
    return json.loads(path.read_text(encoding="utf-8"))


def _hostile(good) -> dict[str, str]:
    return {
        "a number in it is far too long": json.dumps({**good, "seed": 0}).replace('"seed": 0', '"seed": ' + "9" * 5000),
        "nested far too deep": json.dumps({**good, "bots": 0}).replace(
            '"bots": 0', '"bots": ' + "[" * 3000 + "]" * 3000
        ),
        "format version -1": json.dumps({**good, "succession_save": -1}),
        "format version 0": json.dumps({**good, "succession_save": 0}),
    }


def test_hostile_saves_are_refused_in_one_line_everywhere(rules, tmp_path, good):
    for expected, body in _hostile(good).items():
        path = tmp_path / "hostile.save"
        path.write_text(body, encoding="utf-8")
        before = path.read_bytes()
        for reader in (saves.peek, lambda p: saves.read(p, rules)):
            with pytest.raises(SaveError) as err:
                reader(path)
            message = str(err.value)
            assert message.startswith(f"{path}:1: ") and expected in message, (expected, message)
            assert "\n" not in message
        assert path.read_bytes() == before


def test_a_hostile_save_in_the_folder_is_listed_with_its_problem(rules, data_dir, good):
    folder = data_dir / "saves"
    folder.mkdir(parents=True)
    for i, body in enumerate(_hostile(good).values()):
        (folder / f"hostile{i}.save").write_text(body, encoding="utf-8")
    listed = saves.list_saves()
    assert len(listed) == 4 and all(s.problem and s.problem.startswith(str(s.path)) for s in listed)


def test_a_hostile_autosave_does_not_stop_the_terminal_game(capsys, data_dir, good, monkeypatch):
    """The autosave is offered at the scenario menu; a hostile one must not crash that menu."""
    import io

    folder = data_dir / "saves"
    folder.mkdir(parents=True)
    (folder / "autosave.save").write_text(_hostile(good)["nested far too deep"], encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert cli.main(["play", "--terminal"]) == 0


def test_a_save_whose_mod_is_missing_is_one_line(capsys, tmp_path, good):
    path = tmp_path / "modded.save"
    path.write_text(json.dumps({**good, "mods": ["atlantis@1.0"]}), encoding="utf-8")
    code = cli.main(["play", "--load", str(path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and err and "atlantis@1.0" in err[0] and "not installed" in err[0], err
    assert "Traceback" not in "\n".join(err)


def test_a_save_name_too_long_for_the_file_system_is_one_line(capsys):
    code = cli.main(["play", "--load", "x" * 300])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "cannot name a save" in err[0], err


def test_the_autosave_clears_what_killed_writes_left(rules, data_dir):
    m = Match.new(rules, SCENARIO, 4, {"trotsky": Seat("human")})
    folder = data_dir / "saves"
    folder.mkdir(parents=True)
    stale = [folder / f"autosave.save.k{i}.tmp" for i in range(3)]
    for p in stale:
        p.write_text("{half", encoding="utf-8")
        old = time.time() - 3600
        os.utime(p, (old, old))
    fresh = folder / "autosave.save.now.tmp"  # a write in progress elsewhere: not touched
    fresh.write_text("{", encoding="utf-8")
    other = folder / "mine.save.k.tmp"  # another save's: not the autosave's to clear
    other.write_text("{", encoding="utf-8")
    os.utime(other, (time.time() - 3600,) * 2)
    saves.autosave(m)
    left = sorted(p.name for p in folder.iterdir())
    assert left == ["autosave.save", "autosave.save.now.tmp", "mine.save.k.tmp"]
    assert saves.peek(folder / "autosave.save")["scenario"] == SCENARIO
