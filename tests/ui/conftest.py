"""Headless window fixtures: a dummy video and audio driver, the base rules, an app whose saves and
settings live in a temporary folder, and helpers that drive it with synthetic events."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ruleset.loader import load_base  # noqa: E402


@pytest.fixture(scope="session")
def rules():
    return load_base()


@pytest.fixture
def make_app(rules, tmp_path, monkeypatch):
    from game.ui.app import App

    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "data"))
    apps = []

    def make(**kw):
        # the window's flow is the same wherever the computer thinks; a worker process per test
        # would start dozens of interpreters, so these think on a thread unless a test asks
        kw.setdefault("thinking", "thread")
        app = App(kw.pop("rules", rules), config_path=tmp_path / "window.json", **kw)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.driver.drop()
        app.thinker.close()
    pygame.quit()


@pytest.fixture
def app(make_app):
    from game.ui.scenes.menu import MenuScene

    a = make_app()
    a.push(MenuScene(a))
    a.frame([])
    return a
