"""The house's lint, in CI: ruff's checks over the code, the tests and the benchmarks, with no
function more complex than ``[tool.ruff.lint.mccabe] max-complexity`` (15) in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "ruff"]


def test_ruff_passes_with_the_complexity_limit():
    out = subprocess.run(
        [*_ruff(), "check", "--no-cache", "game", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_complexity_limit_is_in_force(tmp_path):
    """A function of too many branches is refused (the check is not blind)."""
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(20))
    (tmp_path / "branchy.py").write_text(f"def f(x):\n{branches}\n    return -1\n", encoding="utf-8")
    out = subprocess.run(
        [*_ruff(), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(tmp_path / "branchy.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1 and "C901" in out.stdout, out.stdout + out.stderr
