"""Shared fixtures: the base rules are loaded once per test session."""

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from game.ruleset import load_base  # noqa: E402

SCENARIO = "succession_1923"


@pytest.fixture(scope="session")
def rules():
    return load_base()


@pytest.fixture
def fresh(rules):
    """A new campaign at its first decision (seed 1)."""
    from game.engine import new_game

    return new_game(rules, SCENARIO, 1)
