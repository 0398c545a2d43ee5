"""The corpus of broken rule files and replays (tests/corpus): each case gives exactly the
``file:line`` messages and the exit code written in its expected file, and never a traceback.

A rule case is a mod folder (``rules/NAME/``, validated with ``validate --mod``; a case made of
several mods keeps each in a subfolder) with its ``expected.txt``; a replay case is
``replays/NAME.replay`` with ``NAME.expected``.  An expected file's first line is ``exit N``, the
others the problem lines, in order.  Cases that git cannot hold (a FIFO, a 50 MB file) are in
tests/ruleset/test_hostile.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game import cli
from game.ruleset import PROJECT

CORPUS = Path(__file__).resolve().parent / "corpus"
RULE_CASES = sorted(p for p in (CORPUS / "rules").iterdir() if p.is_dir())
REPLAY_CASES = sorted((CORPUS / "replays").glob("*.replay"))
PROBLEM = re.compile(r"^\S+:\d+:\d+: (error|warning): ")
REPLAY_PROBLEM = re.compile(r"^\S+\.replay:\d+: ")


def expected(path: Path) -> tuple[int, list[str]]:
    first, *lines = path.read_text(encoding="utf-8").splitlines()
    assert first.startswith("exit "), path
    return int(first.split()[1]), lines


def test_the_corpus_covers_at_least_forty_cases():
    assert len(RULE_CASES) + len(REPLAY_CASES) >= 40
    assert all((case / "expected.txt").is_file() for case in RULE_CASES)
    assert all(case.with_suffix(".expected").is_file() for case in REPLAY_CASES)


@pytest.mark.parametrize("case", RULE_CASES, ids=lambda p: p.name)
def test_a_broken_rule_case(case, capsys, monkeypatch):
    monkeypatch.chdir(PROJECT)
    rel = case.relative_to(PROJECT)
    folders = [rel] if (case / "mod.yaml").exists() else sorted(p for p in rel.iterdir() if (p / "mod.yaml").exists())
    argv = ["validate"] + [arg for folder in folders for arg in ("--mod", str(folder))]
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert (code, [line for line in out.splitlines() if PROBLEM.match(line)]) == expected(case / "expected.txt")


@pytest.mark.parametrize("case", REPLAY_CASES, ids=lambda p: p.stem)
def test_a_broken_replay_case(case, capsys, monkeypatch):
    monkeypatch.chdir(PROJECT)
    code = cli.main(["replay", str(case.relative_to(PROJECT))])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "verified" not in out.replace("nothing verified", "")
    assert (code, [line for line in err.splitlines() if REPLAY_PROBLEM.match(line)]) == expected(
        case.with_suffix(".expected")
    )
