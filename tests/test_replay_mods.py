"""Replays record the mods in force (id@version) and the rules' fingerprint; a replay says which
mod is missing or changed, never loads a folder it names, and a file without its final hash is
incomplete, not verified."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game import cli

MOD = 'id: cheap_influence\nname: Cheap influence\nversion: "1.0.0"\nformat_version: 1\n'
SETTINGS = "format_version: 1\nsettings:\n  - id: standard\n    base_income: 3\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_mod(folder: Path, version: str = "1.0.0") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(MOD.replace("1.0.0", version), encoding="utf-8")
    (folder / "settings.yaml").write_text(SETTINGS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def modded(tmp_path_factory):
    """(mod folder, replay path) of a headless classroom game played with the mod."""
    root = tmp_path_factory.mktemp("modded")
    mod = make_mod(root / "cheap_influence")
    path = root / "game.replay"
    assert (
        cli.main(
            ["play", "--headless", "--scenario", "crisis_1923", "--seed", "5", "--mod", str(mod), "--record", str(path)]
        )
        == 0
    )
    return mod, path


def test_the_record_names_the_mod_and_the_rules_fingerprint(modded):
    _, path = modded
    text = path.read_text(encoding="utf-8")
    assert "\nmods: cheap_influence@1.0.0\n" in text
    assert re.search(r"^rules: [0-9a-f]{64}$", text, re.M)


def test_a_modded_replay_verifies_with_its_mod(capsys, modded):
    mod, path = modded
    code, out, err = run(capsys, "replay", str(path), "--mod", str(mod))
    assert code == 0, err
    assert "final state hash verified" in out
    assert err == ""


def test_a_missing_mod_is_named(capsys, modded):
    _, path = modded
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    assert f"{path}:5: this replay was recorded with mod cheap_influence@1.0.0, which is not installed" in err


def test_a_changed_mod_is_named(capsys, modded, tmp_path):
    _, path = modded
    newer = make_mod(tmp_path / "cheap_influence", version="1.1.0")
    code, out, err = run(capsys, "replay", str(path), "--mod", str(newer))
    assert f"{path}:5: mod 'cheap_influence' has changed: recorded with version 1.0.0, now version 1.1.0" in err
    assert code == 0  # the same rules: it still replays to the same final state
    (newer / "settings.yaml").write_text(SETTINGS.replace("base_income: 3", "base_income: 5"), encoding="utf-8")
    code, out, err = run(capsys, "replay", str(path), "--mod", str(newer))
    assert "the rules in force differ from those this was recorded with" in err
    assert code == 1 and "final state hash verified" not in out


def test_a_replay_cannot_name_a_folder(capsys, modded, tmp_path):
    _, path = modded
    bad = tmp_path / "bad.replay"
    bad.write_text(
        path.read_text(encoding="utf-8").replace("mods: cheap_influence@1.0.0", "mods: ../../etc"), encoding="utf-8"
    )
    code, out, err = run(capsys, "replay", str(bad))
    assert code == 1
    assert err.strip() == (
        f"{bad}:5: mods: '../../etc' is not a mod's id@version (a replay names mods by id, never by folder)"
    )


def test_a_replay_without_its_final_hash_is_incomplete(capsys, modded, tmp_path):
    mod, path = modded
    lines = path.read_text(encoding="utf-8").split("\n")
    cut = tmp_path / "cut.replay"
    cut.write_text("\n".join(line for line in lines[:40] if not line.startswith("final:")) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "replay", str(cut), "--mod", str(mod))
    assert code == 1
    assert re.search(
        rf"^{re.escape(str(cut))}:40: incomplete: no final hash \(an autosave, or a file cut short\); "
        r"replayed to \d{4}-Q[1-4], nothing verified$",
        err,
        re.M,
    ), err
    assert "verified" not in out
