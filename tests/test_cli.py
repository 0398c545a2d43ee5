"""The command line: validate, scenarios, play --headless, replay, and usage errors.

Commands are run through :func:`game.cli.main` with captured output; one test runs the real
``python -m game`` entry point in a subprocess.  Every test runs inside ``tmp_path`` with the
home and data folders pointed there, and any file the game writes must land under ``tmp_path``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from game.cli import common as cli_common
from game.cli import play as cli_play
from game.match import replay as replay_mod
from game.ruleset import BASE, PROJECT

PROBLEM_LINE = re.compile(r"^\S+\.yaml:\d+:\d+: (error|warning): ")
DATED = re.compile(r"^\d{4}-Q[1-4]\b")
OUTCOME = re.compile(r"^outcome: \w+ winner=\w+$")
SEED_LINE = re.compile(r"^seed (\d+) — replay this game with --seed (\d+)$")
RESULT = re.compile(r"^result \w+: \w+ \(-?\d+ points?\)$")


@pytest.fixture(autouse=True)
def sandbox(tmp_path, monkeypatch):
    """Run in tmp_path; send home/data folders there; refuse any write outside it."""
    monkeypatch.chdir(tmp_path)
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "home"))
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "home" / "succession"))
    real_write = replay_mod.write_atomic
    written: list[Path] = []

    def guarded_write(path, text):
        resolved = Path(path).resolve()
        assert resolved.is_relative_to(tmp_path.resolve()), f"the game wrote outside tmp_path: {resolved}"
        written.append(resolved)
        real_write(path, text)

    monkeypatch.setattr(replay_mod, "write_atomic", guarded_write)
    return written


def run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> str:
    """The text of a replay of a headless game with seed 3 (played once for the module)."""
    import contextlib
    import io

    path = tmp_path_factory.mktemp("recorded") / "seed3.replay"
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(["play", "--headless", "--seed", "3", "--record", str(path)]) == 0
    return path.read_text(encoding="utf-8")


# --- validate --------------------------------------------------------------------------------


def test_validate_base_rules(capsys):
    code, out, err = run(capsys, "validate")
    assert code == 0
    assert out[0].startswith("rules ok: ")
    assert any(line.startswith("citations: ") for line in out)
    assert err == []


def test_validate_a_broken_copy(capsys, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(BASE, broken)
    regions = broken / "regions.yaml"
    text = regions.read_text(encoding="utf-8").replace("    delegates: 14\n", "    delegates: 14\n    delegats: 5\n", 1)
    regions.write_text(text, encoding="utf-8")
    figures = broken / "figures.yaml"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("    faction: stalin\n", "    faction: stallin\n", 1),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", "--rules", str(broken))
    assert code == 1
    everything = "\n".join(out + err)
    assert "Traceback" not in everything
    problems = [line for line in out if PROBLEM_LINE.match(line)]
    assert len(problems) >= 2, everything
    # outside the project a label is the folder's name and the file's
    assert any(line.startswith("broken/figures.yaml:") and "unknown faction 'stallin'" in line for line in problems)
    assert any(line.startswith("broken/regions.yaml:") and "unknown key 'delegats'" in line for line in problems)
    assert out[-1] == f"{len(problems)} error(s), 0 warning(s)"
    assert all(PROBLEM_LINE.match(line) for line in out[:-1]), everything


def test_validate_a_missing_folder(capsys, tmp_path):
    code, out, err = run(capsys, "validate", "--rules", str(tmp_path / "nothing"))
    assert code == 1
    assert any("no such rules folder" in line for line in out)


def test_module_entry_point_runs_validate(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", HOME=str(tmp_path / "home"))
    proc = subprocess.run(
        [sys.executable, "-m", "game", "validate"], capture_output=True, text=True, cwd=PROJECT, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "citations:" in proc.stdout
    assert "Traceback" not in proc.stderr


# --- scenarios -------------------------------------------------------------------------------


def test_scenarios_lists_the_campaign(capsys):
    code, out, err = run(capsys, "scenarios")
    assert code == 0
    heads = [line for line in out if not line.startswith(" ")]
    assert any(line.startswith("succession_1923 ") for line in heads), out
    assert any("1923-Q1 to 1929-Q4, 28 turns" in line for line in heads), out


def test_scenarios_with_a_broken_mod_fails_cleanly(capsys, tmp_path):
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "mod.yaml").write_text(
        'id: m\nname: M\nversion: "1.0"\nformat_version: 1\nremove: [figures.kamenev]\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "scenarios", "--mod", str(mod))
    assert code == 1
    assert any("unknown figure 'kamenev'" in line for line in err)
    assert "error(s) in the rules" in err[-1]


# --- play ------------------------------------------------------------------------------------


def test_play_headless_prints_a_dated_chronicle_and_the_outcome(capsys, sandbox):
    code, out, err = run(capsys, "play", "--headless", "--seed", "3")
    assert code == 0
    assert len(out) > 10
    assert out[0] == "seed 3 — replay this game with --seed 3"
    assert OUTCOME.match(out[-1]), out[-1]
    results = [line for line in out[:-1] if RESULT.match(line)]
    assert len(results) == 4, results  # every faction's result against history, before the outcome
    assert out[-1 - len(results) : -1] == results
    undated = [line for line in out[1:-1] if not DATED.match(line) and line not in results]
    assert undated == []
    assert out[1].startswith("1923-Q1")
    assert sandbox == []  # headless without --record writes nothing


def test_without_a_seed_a_fresh_one_is_printed_and_replays_the_same_game(capsys, tmp_path):
    games = {}
    for i in range(2):
        path = tmp_path / f"game{i}.replay"
        code, out, err = run(capsys, "play", "--headless", "--scenario", "crisis_1923", "--record", str(path))
        assert code == 0, err
        match = SEED_LINE.match(out[0])
        assert match and match.group(1) == match.group(2), out[0]
        seed = match.group(1)
        assert f"\nseed: {seed}\n" in path.read_text(encoding="utf-8")  # the replay file records it
        games[i] = (seed, out, path.read_text(encoding="utf-8"))
    for seed, out, text in games.values():
        again = tmp_path / "again.replay"
        code, out2, _ = run(
            capsys, "play", "--headless", "--scenario", "crisis_1923", "--seed", seed, "--record", str(again)
        )
        assert code == 0
        assert out2 == out  # the printed seed line, the chronicle and the outcome
        assert again.read_text(encoding="utf-8") == text


def test_fresh_seeds_differ_from_run_to_run():
    seeds = {cli_common.fresh_seed() for _ in range(20)}
    assert len(seeds) > 1
    assert all(0 <= s < 10**cli_common.MAX_SEED_DIGITS for s in seeds)


def test_a_fresh_seed_makes_a_different_game(capsys, monkeypatch):
    outs = []
    for seed in (11, 12):
        monkeypatch.setattr(cli_play, "fresh_seed", lambda seed=seed: seed)
        code, out, _ = run(capsys, "play", "--headless", "--scenario", "crisis_1923")
        assert code == 0 and out[0] == f"seed {seed} — replay this game with --seed {seed}"
        outs.append(out[1:])
    assert outs[0] != outs[1]


@pytest.mark.parametrize("seed", ["-5", "abc", "３", "٣", "1.5", "9" * 5000, ""])
def test_a_bad_seed_is_a_usage_message(capsys, seed):
    with pytest.raises(SystemExit) as exc:
        cli.main(["play", "--headless", "--seed", seed])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "a seed is a whole number" in err
    assert len(err) < 2000  # a 5000-digit seed is not echoed back whole


def test_record_into_a_folder_is_refused_before_the_game(capsys, tmp_path):
    code, out, err = run(capsys, "play", "--headless", "--scenario", "crisis_1923", "--record", str(tmp_path))
    assert code == 2
    assert out == []
    assert any("that is a folder" in line for line in err)


def test_record_to_a_path_that_cannot_be_written_is_a_message(capsys, tmp_path):
    (tmp_path / "blocker").write_text("a file, not a folder", encoding="utf-8")
    path = tmp_path / "blocker" / "game.replay"
    code, out, err = run(
        capsys, "play", "--headless", "--scenario", "crisis_1923", "--seed", "3", "--record", str(path)
    )
    assert code == 1
    assert OUTCOME.match(out[-1])  # the game was played and its outcome still printed
    assert any(line.startswith(f"cannot write the replay to {path}") for line in err), err


def test_a_terminal_game_goes_on_when_the_autosave_cannot_be_written(capsys, tmp_path, monkeypatch):
    import io

    (tmp_path / "blocker").write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "blocker"))
    monkeypatch.setattr("sys.stdin", io.StringIO("19\ny\n\n" * 30))  # then end of input: the player leaves
    code, out, err = run(capsys, "play", "--scenario", "crisis_1923", "--human", "stalin", "--seed", "5")
    assert code == 0
    assert out[0] == "seed 5 — replay this game with --seed 5"
    assert sum("cannot autosave" in line for line in err) == 1, err
    assert out[-1] == "Game left."  # and no autosave to point to


def test_leaving_autosaves_and_continue_goes_on_from_there(capsys, tmp_path, monkeypatch):
    import io

    from game.match import saves

    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    code, out, err = run(capsys, "play", "--scenario", "crisis_1923", "--human", "stalin", "--seed", "5")
    assert code == 0 and out[-1].startswith("Game left. Autosave: ")
    auto = saves.latest_autosave()
    assert auto is not None and auto.is_relative_to(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("save lesson one\nq\n"))
    code, out, err = run(capsys, "play", "--continue")
    assert code == 0 and out[0] == "crisis_1923, 1923-Q3: seed 5 — replay this game with --seed 5", out[:2]
    assert any("Saved as 'lesson one'" in line for line in out)
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    code, out, err = run(capsys, "play", "--load", "lesson one")
    assert code == 0 and out[0].startswith("crisis_1923, 1923-Q3")
    # with no --scenario, the scenario menu's last line offers to continue the autosave
    monkeypatch.setattr("sys.stdin", io.StringIO("continue\nq\n"))
    code, out, err = run(capsys, "play", "--terminal")
    assert code == 0 and any("Continue the last game (crisis_1923, 1923-Q3)" in line for line in out)
    assert any("crisis_1923, 1923-Q3: seed 5" in line for line in out)  # after the prompt


def test_bad_saves_on_the_command_line_are_one_line_messages(capsys, tmp_path):
    code, out, err = run(capsys, "play", "--continue")
    assert code == 1 and err == ["no autosave to continue: start a new game with: play"]
    bad = tmp_path / "broken.save"
    bad.write_text('{"succession_save": 1, "rules": "x"', encoding="utf-8")
    code, out, err = run(capsys, "play", "--load", str(bad))
    assert code == 1 and len(err) == 1 and err[0].startswith(f"{bad}:1: the save is cut short"), err
    code, out, err = run(capsys, "play", "--load", "no such game")
    assert code == 1 and err[0].endswith("no such save")


def test_play_unknown_scenario_is_a_usage_error(capsys):
    code, out, err = run(capsys, "play", "--headless", "--scenario", "nosuch")
    assert code == 2
    assert any("unknown scenario 'nosuch'" in line for line in err)


def test_play_record_then_replay_verifies(capsys, tmp_path, sandbox):
    path = tmp_path / "games" / "seed3.replay"
    code, out, _ = run(capsys, "play", "--headless", "--seed", "3", "--record", str(path))
    assert code == 0
    assert path.is_file()
    assert sandbox == [path.resolve()]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Succession replay\n")
    assert "\nseed: 3\n" in text and re.search(r"^final: [0-9a-f]{64}$", text, re.M)
    outcome = out[-1]

    code, out, err = run(capsys, "replay", str(path))
    assert code == 0, err
    assert "final state hash verified" in out
    assert out[-1] == outcome  # the replay reaches the same end as the game


def test_the_output_may_be_cut_short_by_its_reader(tmp_path):
    """``succession play --headless | head -1``: no traceback when the pipe closes."""
    env = dict(os.environ, HOME=str(tmp_path / "home"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--headless", "--scenario", "crisis_1923", "--seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PROJECT,
        env=env,
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert first.decode().startswith("seed 3 ")
    assert "Traceback" not in err


def test_the_same_seed_gives_the_same_game(tmp_path, recorded, capsys):
    path = tmp_path / "again.replay"
    assert cli.main(["play", "--headless", "--seed", "3", "--record", str(path)]) == 0
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == recorded


# --- replay failures -------------------------------------------------------------------------


def first_action_line(text: str) -> int:
    """0-based index of the first action line of a replay."""
    lines = text.split("\n")
    return lines.index("actions:") + 1


def test_replay_with_an_illegal_action_names_file_and_line(capsys, tmp_path, recorded):
    lines = recorded.split("\n")
    index = first_action_line(recorded)
    assert lines[index] and not lines[index].startswith("final:")
    lines[index] = "pass_turn nosuchfaction"
    path = tmp_path / "illegal.replay"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    message = "\n".join(err)
    assert f"{path}:{index + 1}:" in message, message
    assert "Traceback" not in message
    assert "final state hash verified" not in out


def test_replay_with_an_unparseable_action_names_file_and_line(capsys, tmp_path, recorded):
    lines = recorded.split("\n")
    index = first_action_line(recorded) + 2
    lines[index] = "pass_turn"  # too few words
    path = tmp_path / "garbled.replay"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    assert f"{path}:{index + 1}:" in "\n".join(err)


def test_replay_with_an_altered_final_hash_fails(capsys, tmp_path, recorded):
    match = re.search(r"^final: ([0-9a-f]{64})$", recorded, re.M)
    assert match
    digest = match.group(1)
    altered = digest[:-1] + ("0" if digest[-1] != "0" else "1")
    path = tmp_path / "altered.replay"
    path.write_text(recorded.replace(f"final: {digest}", f"final: {altered}"), encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    assert "final state hash verified" not in out
    assert any("final state hash differs" in line and str(path) in line for line in err), err


def test_replay_without_its_rules_line_says_so_and_still_checks_the_game(capsys, tmp_path, recorded):
    assert re.search(r"^rules: [0-9a-f]{64}$", recorded, re.M)
    path = tmp_path / "norules.replay"
    path.write_text(re.sub(r"^rules: .*\n", "", recorded, flags=re.M), encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path))
    assert code == 0 and "final state hash verified" in out
    assert any(line.startswith(f"{path}:") and "no 'rules:' line" in line for line in err), err
    whole = tmp_path / "whole.replay"
    whole.write_text(recorded, encoding="utf-8")
    code, out, err = run(capsys, "replay", str(whole))
    assert code == 0 and not any("no 'rules:' line" in line for line in err)


def test_replay_of_a_file_that_is_not_a_replay(capsys, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\neggs\n", encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    message = "\n".join(out + err)
    assert "Traceback" not in message
    assert f"{path}:1:" in message and "not a Succession replay" in message


def test_replay_of_a_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "replay", str(tmp_path / "absent.replay"))
    assert code == 1
    assert any("cannot read" in line for line in err)


def test_replay_of_an_unknown_scenario(capsys, tmp_path, recorded):
    path = tmp_path / "other.replay"
    path.write_text(recorded.replace("scenario: succession_1923", "scenario: nosuch", 1), encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    assert any(f"{path}:3:" in line and "unknown scenario 'nosuch'" in line for line in err), err


# --- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["play", "--seed", "notanumber"],
        ["nosuchcommand"],
        ["replay"],
        ["validate", "--bogus"],
    ],
)
def test_bad_command_line_exits_with_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_hot_seat_and_bot_level_from_the_command_line(capsys, monkeypatch):
    import io
    import json

    from game.match import saves

    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    code, out, err = run(
        capsys, "play", "--scenario", "crisis_1923", "--human", "stalin,trotsky", "--level", "wait", "--seed", "5"
    )
    assert code == 0 and out[-1].startswith("Game left. Autosave: ")
    seats = json.loads(saves.latest_autosave().read_text(encoding="utf-8"))["seats"]
    assert {f for f, s in seats.items() if s["kind"] == "human"} == {"stalin", "trotsky"}
    assert {s["level"] for s in seats.values() if s["kind"] == "ai"} == {"wait"}
    code, out, err = run(capsys, "play", "--scenario", "crisis_1923", "--human", "stalin,lenin", "--seed", "5")
    assert code == 2 and "unknown faction 'lenin'" in err[0]


PRESET = """\
preset: 1
title: Year 11
scenario: crisis_1923
seed: 4242
seats:
  stalin: {team: "Team A"}
  trotsky: {team: "Team B"}
  zinoviev: {computer: easy}
hide_history: true
turn_seconds: 240
"""


def test_a_preset_sets_up_the_game_from_the_command_line(capsys, tmp_path, monkeypatch):
    import io
    import json

    from game.match import saves

    path = tmp_path / "lesson.preset.yaml"
    path.write_text(PRESET.replace("{computer: easy}", "{computer: hard}"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    code, out, err = run(capsys, "play", "--preset", str(path), "--terminal")
    assert code == 0, err
    assert out[0] == "preset Year 11: crisis_1923, seed 4242 — replay this game with --seed 4242"
    assert out[1] == "the turn timer runs in the window only; in the terminal, turns are untimed"
    save = json.loads(saves.latest_autosave().read_text(encoding="utf-8"))
    assert save["seed"] == 4242 and save["options"] == {"title": "Year 11", "hide_history": True, "turn_seconds": 240}
    assert {f: (s["kind"], s["level"], s["name"]) for f, s in save["seats"].items()} == {
        "stalin": ("human", "simple", "Team A"),
        "trotsky": ("human", "simple", "Team B"),
        "zinoviev": ("ai", "hard", ""),
        "bukharin": ("ai", "simple", ""),
    }


def test_a_preset_played_headless_is_a_preview_with_bots_in_the_teams_seats(capsys, tmp_path):
    path = tmp_path / "lesson.preset.yaml"
    path.write_text(PRESET, encoding="utf-8")
    code, out, err = run(capsys, "play", "--preset", str(path), "--headless")
    assert code == 0, err
    assert out[0].startswith("preset Year 11: crisis_1923, seed 4242")
    assert OUTCOME.match(out[-1])


@pytest.mark.parametrize(
    ("body", "extra", "expected"),
    [
        (
            PRESET.replace("zinoviev:", "kamenev:"),
            (),
            "lesson.preset.yaml:8: 'kamenev' is not a faction of crisis_1923",
        ),
        (PRESET.replace("turn_seconds: 240", "turn_seconds: 2"), (), "lesson.preset.yaml:10: 'turn_seconds' is"),
        (PRESET, ("--seed", "3"), "--seed cannot be given with a preset (the preset names it)"),
        (PRESET, ("--mod", "denunciations"), "--mod cannot be given with a preset (the preset names it)"),
        (PRESET + "mods: [nosuchmod]\n", (), "nosuchmod"),
    ],
)
def test_a_bad_preset_on_the_command_line_is_a_usage_error(capsys, tmp_path, body, extra, expected):
    path = tmp_path / "lesson.preset.yaml"
    path.write_text(body, encoding="utf-8")
    code, out, err = run(capsys, "play", "--preset", str(path), "--headless", *extra)
    assert code == 2 and any(expected in line for line in err), err
    assert not any("Traceback" in line for line in err)
