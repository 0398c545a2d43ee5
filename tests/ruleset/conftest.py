"""Fixtures for the rule-file tests: a scratch copy of the base rules and the seeds."""

import shutil
from pathlib import Path

import pytest

from game.ruleset import BASE, PROJECT


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A root holding a copy of the base rules (``base/``) and of the seeds (``seeds/``)."""
    shutil.copytree(BASE, tmp_path / "base")
    shutil.copytree(PROJECT / "seeds", tmp_path / "seeds")
    return tmp_path
