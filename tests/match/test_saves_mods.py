"""Saves record the mods in force and say which is missing; hostile save files are refused
before they are read."""

import json
import os

import pytest

from game.match import saves
from game.match.match import Match
from game.match.saves import SaveError


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "data"))


def _saved(rules, tmp_path):
    m = Match.new(rules, "crisis_1923", 3)
    for _ in range(10):
        m.ai_move()
    path = tmp_path / "game.save"
    saves.write(m, path)
    return path


def test_a_save_records_the_mods_in_force(rules, tmp_path):
    data = json.loads(_saved(rules, tmp_path).read_text(encoding="utf-8"))
    assert data["mods"] == rules.mod_labels() == []


def test_a_save_made_with_a_mod_that_is_missing_says_which(rules, tmp_path):
    path = _saved(rules, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "mods": ["lenin_lives@1.0.0"]}), encoding="utf-8")
    with pytest.raises(SaveError) as err:
        saves.read(path, rules)
    assert str(err.value) == (
        f"{path}:1: mod 'lenin_lives' (version 1.0.0) was in force when this was recorded, and is not now"
    )


@pytest.mark.parametrize("kind", ["fifo", "devzero", "huge"])
def test_a_hostile_save_is_refused_before_it_is_read(rules, tmp_path, kind):
    path = tmp_path / "hostile.save"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "devzero":
        os.symlink("/dev/zero", path)
    else:
        with open(path, "wb") as fh:
            fh.truncate(100 * 1024 * 1024)
    with pytest.raises(SaveError) as err:
        saves.read(path, rules)
    assert str(err.value).startswith(f"{path}:1: cannot read the save: ")
    assert ("not a regular file" in str(err.value)) == (kind != "huge")
