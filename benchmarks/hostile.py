"""Hostile input, measured: how long each refusal takes and the peak memory it needs.

Each case builds a mod (or a replay) holding one hostile file in a scratch folder and runs the
real command in a fresh process — ``python -m game validate --mod DIR`` or
``python -m game replay FILE`` — timing it and reading the child's peak resident memory from
``getrusage``.  The figures include starting Python and loading and validating the base rules
(the first line, ``clean mod``, is that baseline).  Run: ``python benchmarks/hostile.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MANIFEST = "id: hostile\nname: Hostile\nversion: 1.0.0\nformat_version: 1\n"


def _bomb() -> str:
    lines = ["format_version: 1", "events: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(8):
        prev, cur = chr(97 + i), chr(98 + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    return "\n".join(lines) + "\n"


def _write(folder: Path, name: str, make) -> Path:
    path = folder / name
    if callable(make):
        make(path)
    else:
        path.write_text(make, encoding="utf-8")
    return path


def _big(size_mb: int, line: bytes):
    def make(path: Path) -> None:
        with open(path, "wb") as fh:
            block = line * (1024 * 1024 // len(line))
            for _ in range(size_mb):
                fh.write(block)

    return make


CASES = {
    "clean mod (baseline)": ("events.yaml", "format_version: 1\nevents: []\n"),
    "alias bomb (9 levels)": ("events.yaml", _bomb()),
    "recursive alias": ("events.yaml", "format_version: 1\nevents: &loop\n  - *loop\n"),
    "deep nesting (600)": ("events.yaml", "format_version: 1\nevents: " + "[" * 600 + "]" * 600 + "\n"),
    "/dev/zero symlink": ("events.yaml", lambda p: os.symlink("/dev/zero", p)),
    "FIFO": ("events.yaml", lambda p: os.mkfifo(p)),
    "50 MB rule file": ("events.yaml", _big(50, b"# " + b"x" * 61 + b"\n")),
}
#: mods of many files, each under the per-file cap, together far over what a ruleset may hold
BIG_MODS = {"48 MB mod (12 files of 3.9 MB)": (12, 3.9)}
REPLAYS = {
    "100 MB replay": _big(100, b"pass stalin\n"),
    "replay: /dev/zero symlink": lambda p: os.symlink("/dev/zero", p),
    "replay: FIFO": lambda p: os.mkfifo(p),
    "replay: checkpoint alias bomb": "# Succession replay\nformat: 1\nscenario: succession_1923\nseed: 7\nmods:\n"
    "actions:\ncheck 1924-Q1 | bomb | [&a [x, x], &b [*a, *a], [*b, *b]]\n",
}


def measure(args: list[str]) -> tuple[float, int, int, str]:
    """(seconds, peak RSS in MB, exit code, the first problem line) of one fresh process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "game", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=PROJECT,
            env=dict(os.environ, SDL_VIDEODRIVER="dummy"),
        )
        _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest so far
        elapsed = time.perf_counter() - start
        out.seek(0)
        lines = out.read().strip().splitlines()
    shown = next(
        (line for line in lines if "error:" in line or ":1:" in line or ":7:" in line), lines[-1] if lines else ""
    )
    return elapsed, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), shown


def in_process(run) -> tuple[float, float]:
    """(milliseconds, peak traced MB) of the refusal alone, inside this process."""
    tracemalloc.start()
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed * 1000, peak / (1024 * 1024)


def _refuse_rule_file(path: Path, mod: Path):
    from game.ruleset import loader

    return lambda: loader._read(path, path.name, [], mod)


def _refuse_mod(mod: Path):
    from game.ruleset import loader

    return lambda: loader.load_folder(mod, mod.parent, {kind: {} for kind in loader.records.KINDS}, {}, [])


def _big_mod(mod: Path, files: int, size_mb: float) -> None:
    line = b"# " + b"x" * 61 + b"\n"
    block = b"format_version: 1\nfigures:\n" + line * (int(size_mb * 1024 * 1024) // len(line))
    for i in range(files):
        (mod / f"part{i:02}.yaml").write_bytes(block)


def _refuse_replay(path: Path):
    from game.match import replay

    def run():
        try:
            replay.load(path)
        except replay.ReplayError:
            pass

    return run


def main() -> int:
    sys.path.insert(0, str(PROJECT))
    print(f"{'case':30} {'refusal':>9} {'traced':>8} | {'command':>7} {'peak RSS':>8} exit  first problem")
    with tempfile.TemporaryDirectory() as scratch:
        for name, (file, make) in CASES.items():
            mod = Path(scratch) / name.replace(" ", "_").replace("/", "_").replace("(", "").replace(")", "")
            mod.mkdir()
            (mod / "mod.yaml").write_text(MANIFEST, encoding="utf-8")
            path = _write(mod, file, make)
            ms, traced = in_process(_refuse_rule_file(path, mod))
            seconds, peak, code, shown = measure(["validate", "--mod", str(mod)])
            print(f"{name:30} {ms:7.1f}ms {traced:6.2f}MB | {seconds:6.2f}s {peak:5d} MB {code:4d}  {shown[-80:]}")
        for name, (files, size_mb) in BIG_MODS.items():
            mod = Path(scratch) / "big_mod"
            mod.mkdir()
            (mod / "mod.yaml").write_text(MANIFEST, encoding="utf-8")
            _big_mod(mod, files, size_mb)
            ms, traced = in_process(_refuse_mod(mod))
            seconds, peak, code, shown = measure(["validate", "--mod", str(mod)])
            print(f"{name:30} {ms:7.1f}ms {traced:6.2f}MB | {seconds:6.2f}s {peak:5d} MB {code:4d}  {shown[-80:]}")
        for name, make in REPLAYS.items():
            path = _write(Path(scratch), name.replace(" ", "_").replace(":", "").replace("/", "_") + ".replay", make)
            ms, traced = in_process(_refuse_replay(path))
            seconds, peak, code, shown = measure(["replay", str(path)])
            print(f"{name:30} {ms:7.1f}ms {traced:6.2f}MB | {seconds:6.2f}s {peak:5d} MB {code:4d}  {shown[-80:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
