"""Saves: round trip, bad saves, atomic writes, the autosave, the folder."""

import json
import os

import pytest

from game.match import saves
from game.match.match import Match, Seat
from game.match.saves import SaveError

SCENARIO = "crisis_1923"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _played(rules, moves=40, seed=4):
    m = Match.new(rules, SCENARIO, seed, {"trotsky": Seat("human", name="Ann"), "stalin": Seat("ai", "simple", "")})
    for _ in range(moves):
        if m.over:
            break
        if m.seat().is_human:
            m.submit(m.legal()[0])
        else:
            m.ai_move()
    return m


def test_save_and_load_give_the_same_game(rules, tmp_path):
    m = _played(rules)
    path = tmp_path / "one.save"
    saves.write(m, path)
    back = saves.read(path, rules)
    assert back.digest() == m.digest()
    assert back.legal() == m.legal() and back.active == m.active
    assert back.seats == m.seats and back.seats["trotsky"].name == "Ann"
    assert back.record.actions == m.record.actions
    # the bots go on exactly as they would have: both games play on identically
    for _ in range(30):
        if m.over:
            break
        if m.seat().is_human:
            m.submit(m.legal()[-1])
            back.submit(back.legal()[-1])
        else:
            assert back.ai_move().action == m.ai_move().action
    assert back.digest() == m.digest()


def test_a_finished_game_round_trips(rules, tmp_path):
    m = Match.new(rules, SCENARIO, 3)
    while not m.over:
        m.ai_move()
    saves.write(m, tmp_path / "done.save")
    back = saves.read(tmp_path / "done.save", rules)
    assert back.over and back.state.outcome == m.state.outcome and back.record.final == m.digest()


def _bad(tmp_path, text: str, name="bad.save"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_saves_raise_one_clear_error(rules, tmp_path):
    m = _played(rules)
    good = tmp_path / "good.save"
    saves.write(m, good)
    text = good.read_text(encoding="utf-8")
    data = json.loads(text)
    cases = {
        "cut short": text[: len(text) // 2],
        "empty": "",
        "not a Succession save": json.dumps({"hello": 1}),
        "newer version": json.dumps({**data, "succession_save": 99}),
        "damaged": text.replace('"actions": [', '"actions": [[', 1) + "}",
        "lacks 'seed'": json.dumps({k: v for k, v in data.items() if k != "seed"}),
        "does not replay": json.dumps({**data, "actions": data["actions"][:3] + ["pass_turn nobody"]}),
        "differs from the one saved": json.dumps({**data, "digest": "0" * 64}),
        "scenario 'atlantis'": json.dumps({**data, "scenario": "atlantis"}),
        "seats cannot be filled": json.dumps({**data, "seats": {"trotsky": {"kind": "robot"}}}),
    }
    before = m.digest()
    for expected, body in cases.items():
        path = _bad(tmp_path, body)
        with pytest.raises(SaveError) as err:
            saves.read(path, rules)
        message = str(err.value)
        assert str(path) in message and expected in message, (expected, message)
        assert "Traceback" not in message
    foreign = tmp_path / "binary.save"
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(SaveError, match="cannot read"):
        saves.read(foreign, rules)
    with pytest.raises(SaveError, match="no such save"):
        saves.read(tmp_path / "missing.save", rules)
    assert m.digest() == before  # the running match is untouched


def test_a_failing_write_leaves_the_old_save_intact(rules, tmp_path, monkeypatch):
    path = tmp_path / "keep.save"
    first = _played(rules, moves=10)
    saves.write(first, path)
    old = path.read_bytes()
    later = _played(rules, moves=30)

    def broken(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(SaveError, match="No space left"):
        saves.write(later, path)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.save"]  # no temporary file left


def test_autosave_each_quarter(rules, data_dir):
    m = saves.autosaving(Match.new(rules, SCENARIO, 6))
    assert saves.latest_autosave() is None
    dates = []
    while not m.over:
        turn = m.state.turn
        m.ai_move()
        if m.state.turn != turn:
            auto = saves.latest_autosave()
            assert auto is not None and auto.parent == data_dir / "saves"
            dates.append(json.loads(auto.read_text())["date"])
            assert saves.read(auto, rules).digest() == m.digest()
    assert len(dates) == m.state.turn and len(set(dates)) == len(dates)


def test_a_failing_autosave_is_reported_once_and_the_game_goes_on(rules, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(blocker))  # a file where the folder should be
    said = []
    m = saves.autosaving(Match.new(rules, SCENARIO, 6), said.append)
    while not m.over:
        m.ai_move()
    assert len(said) == 1 and "without autosave" in said[0]


def test_named_saves_list_load_and_delete(rules):
    m = _played(rules, moves=12)
    saves.save_named(m, "before the Congress")
    saves.autosave(m)
    (saves.saves_dir() / "junk.save").write_text("{", encoding="utf-8")
    listed = {s.name: s for s in saves.list_saves()}
    assert set(listed) == {"before the Congress", "autosave", "junk"}
    info = listed["before the Congress"]
    assert info.scenario == SCENARIO and info.date == m.state.date_text() and ("trotsky", "Ann") in info.seats
    assert listed["junk"].problem and "cut short" in listed["junk"].problem
    assert listed["autosave"].is_autosave
    assert saves.load_named("before the Congress", rules).digest() == m.digest()
    saves.delete("before the Congress")
    assert "before the Congress" not in {s.name for s in saves.list_saves()}
    with pytest.raises(SaveError, match="no such save"):
        saves.delete("before the Congress")
    for bad in ("../escape", "", ".hidden", "a/b"):
        with pytest.raises(SaveError, match="cannot name a save"):
            saves.path_of(bad)


def test_a_save_from_other_rule_files_loads_when_it_still_replays(rules, tmp_path):
    m = _played(rules, moves=12)
    saves.write(m, tmp_path / "a.save")
    data = json.loads((tmp_path / "a.save").read_text(encoding="utf-8"))
    assert data["rules"] == saves.rules_hash(rules) and len(data["rules"]) == 16
    path = _bad(tmp_path, json.dumps({**data, "rules": "f" * 16, "digest": "0" * 64}), "other.save")
    assert saves.read(path, rules).digest() == m.digest()
    broken = _bad(tmp_path, json.dumps({**data, "rules": "f" * 16, "actions": ["pass_turn nobody"]}), "x.save")
    with pytest.raises(SaveError, match="played under other rule files"):
        saves.read(broken, rules)
