"""Shared fixtures: the base rules are loaded once per test session."""

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from game.ruleset.loader import load_base  # noqa: E402

SCENARIO = "succession_1923"


@pytest.fixture(scope="session")
def rules():
    return load_base()


@pytest.fixture
def fresh(rules):
    """A new campaign at its first decision (seed 1)."""
    from game.engine import new_game

    return new_game(rules, SCENARIO, 1)


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory, monkeypatch):
    """No test reads or writes the player's real saves, settings or mods: each gets a data
    folder of its own (a test may still point it elsewhere)."""
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path_factory.mktemp("data")))
