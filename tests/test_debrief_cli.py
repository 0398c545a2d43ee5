"""``python -m game debrief FILE [--out REPORT.html] [--pdf]``: the debrief of a save or a replay
printed and written as a report (exit 0); a missing file, a damaged save or replay, a save of a mod
that is not installed: one line on stderr and exit 1, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from game.match import saves
from game.match.match import Match
from game.ruleset.loader import load_base

PROJECT = Path(__file__).resolve().parents[1]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """(save, replay) of one finished bot game of the 1923 crisis."""
    folder = tmp_path_factory.mktemp("debrief")
    match = Match.new(load_base(), "crisis_1923", 2)
    while not match.over:
        match.ai_move()
    save = folder / "crisis.save"
    saves.write(match, save)
    replay = folder / "crisis.replay"
    replay.write_text(match.record.to_text(), encoding="utf-8")
    return save, replay


def test_a_save_is_debriefed_and_its_report_written(capsys, files, tmp_path, monkeypatch):
    save, _replay = files
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "debrief", str(save))
    assert code == 0, err
    assert out.startswith("Debrief: Classroom: The Succession Crisis")
    for name in ("Stalin and the Centre", "Trotsky and the Left Opposition", "Zinoviev and Kamenev"):
        assert f"=== {name} ===" in out
    assert "Timeline, this game | history:" in out and "=== Questions for discussion ===" in out
    assert "computer (simple)" in out  # a save names its seats
    report = tmp_path / "crisis-report.html"
    assert out.rstrip().endswith("wrote the report: crisis-report.html")
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _common(text: str) -> str:
    """A debrief's text without what only a save keeps (the seats, the bots' reasons) and the
    report's file name."""
    head, _, rest = text.partition("\n=== The computer seats' key moves")
    tail = rest.partition("\n=== Questions for discussion ===")[2]
    head = re.sub(r"\nSeats: .*?(?=\n\n)", "", head, flags=re.S)
    return head + tail.rpartition("\nwrote the report:")[0]


def test_a_replay_is_debriefed_the_same_but_for_what_it_does_not_keep(capsys, files, tmp_path):
    save, replay = files
    out_file = tmp_path / "r.html"
    code, out, err = run(capsys, "debrief", str(replay), "--out", str(out_file))
    assert code == 0, err
    assert out_file.is_file()
    assert "Seats:" not in out
    assert "None recorded (a replay does not keep them; a save does)." in out
    code, from_save, _ = run(capsys, "debrief", str(save), "--out", str(tmp_path / "s.html"))
    assert code == 0
    assert "Seats:" in from_save and "None recorded" not in from_save
    assert _common(out) == _common(from_save)
    assert len(_common(out)) > 2000


def test_a_missing_file_is_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "debrief", str(tmp_path / "nothing.save"))
    assert code == 1 and out == ""
    assert err == f"{tmp_path / 'nothing.save'}: no such file (give a save or a replay)\n"


def test_a_damaged_save_is_one_line(capsys, files, tmp_path):
    save, _replay = files
    cut = tmp_path / "cut.save"
    cut.write_text(save.read_text(encoding="utf-8")[:400], encoding="utf-8")
    code, out, err = run(capsys, "debrief", str(cut))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"{cut}:") and "cut short" in err
    tampered = tmp_path / "tampered.save"
    data = json.loads(save.read_text(encoding="utf-8"))
    data["actions"][5] = "expel_from_party stalin trotsky"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "debrief", str(tampered))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"{tampered}: move 6")


def test_a_damaged_replay_is_one_line_at_its_line(capsys, files, tmp_path):
    _save, replay = files
    lines = replay.read_text(encoding="utf-8").split("\n")
    at = lines.index("actions:") + 3
    lines[at] = "pass_turn nobody"
    bad = tmp_path / "bad.replay"
    bad.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "debrief", str(bad))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"{bad}:{at + 1}:")


def test_a_save_whose_mod_is_missing_is_one_line(capsys, files, tmp_path):
    save, _replay = files
    data = json.loads(save.read_text(encoding="utf-8"))
    data["mods"] = ["lost_mod@1.0.0"]
    modded = tmp_path / "modded.save"
    modded.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "debrief", str(modded))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "lost_mod@1.0.0" in err and "not installed" in err


def test_pdf_without_a_converter_is_said_and_is_no_failure(capsys, files, tmp_path, monkeypatch):
    save, _replay = files
    monkeypatch.setenv("PATH", str(tmp_path / "no_programs_here"))
    code, out, err = run(capsys, "debrief", str(save), "--out", str(tmp_path / "x.html"), "--pdf")
    assert code == 0
    assert "no PDF: none of chromium" in err
    assert (tmp_path / "x.html").is_file() and not (tmp_path / "x.pdf").exists()


def test_the_command_runs_as_a_program(files, tmp_path):
    """No traceback reaches the terminal: the real entry point, a file that is not a save."""
    junk = tmp_path / "junk.save"
    junk.write_text("not json at all", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "game", "debrief", str(junk)], cwd=PROJECT, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1 and str(junk) in done.stderr
