"""The built wheel is a whole game: installed into a fresh environment outside the checkout, it
validates its rules, plays a headless game and opens the window, all from its own package data.

The wheel is built once for the module, offline, with the project's own setuptools (the dev extra
brings it), from a copy of the sources: setuptools writes ``build/`` and ``*.egg-info`` beside the
sources it builds, and other work in the checkout must not see them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
#: what a wheel is built from: the packaging files, the package and the four data folders
SOURCES = ("pyproject.toml", "setup.py", "README.md", "game", "rules", "mods", "assets", "seeds")

FIRST_FRAME = """
import sys, tempfile
from pathlib import Path
from game import resources
from game.ruleset.loader import load_base
from game.ui import theme
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
folder = Path(tempfile.mkdtemp())
app = App(load_base(), data_dir=folder, config_path=folder / "window.json", thinking="thread")
app.push(MenuScene(app))
app.frame([])
print("fonts", theme.REGULAR)
print("scene", type(app.scene).__name__)
print("colours", len(set(app.screen.get_at((x, y))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40))))
"""


def _bin(env: Path, name: str) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / name


def _run(args, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the fresh environment, a working folder outside the checkout, the environment variables)."""
    top = tmp_path_factory.mktemp("wheel")
    source = top / "source"
    source.mkdir()
    for name in SOURCES:
        if (PROJECT / name).is_dir():
            shutil.copytree(PROJECT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(PROJECT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    built = _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", top / "dist", source], top, None
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (top / "dist").glob("succession-*.whl")

    env_dir = top / "env"
    made = _run([sys.executable, "-m", "venv", "--without-pip", env_dir], top, None)
    assert made.returncode == 0, made.stderr
    python = _bin(env_dir, "python")
    put = _run([*pip, "--python", python, "install", "--no-deps", "--no-index", wheel], top, None)
    assert put.returncode == 0, put.stdout + put.stderr
    # The game's dependencies are not downloaded again: a .pth file lets the new environment see the
    # ones already installed for the tests (the same versions pyproject.toml asks for).  It is
    # written after the wheel is installed, so pip sees an empty environment, and a .pth line only
    # appends a folder to sys.path: the project's editable-install hook in that folder is not run,
    # and the new environment's own site-packages, holding the wheel, comes first.
    site = Path(
        _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], top, None).stdout.strip()
    )
    theirs = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "test-dependencies.pth").write_text("\n".join(sorted(theirs)) + "\n", encoding="utf-8")

    elsewhere = top / "elsewhere"
    elsewhere.mkdir()
    variables = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    variables.update(
        HOME=str(top / "home"),
        SUCCESSION_DATA_DIR=str(top / "data"),
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    return env_dir, elsewhere, variables, site


def test_the_wheel_holds_the_package_and_its_data(installed):
    env_dir, elsewhere, variables, site = installed
    data = site / "game" / "_data"
    assert (site / "game" / "cli" / "__init__.py").is_file()
    assert (data / "rules" / "base" / "mod.yaml").is_file()
    assert (data / "rules" / "base" / "scenarios" / "classroom_1923_crisis.yaml").is_file()
    assert sorted(p.name for p in (data / "mods").iterdir()) == sorted(
        p.name for p in (PROJECT / "mods").iterdir() if (p / "mod.yaml").is_file()
    )
    assert (data / "assets" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (data / "seeds" / "index.yaml").is_file()
    where = _run(
        [_bin(env_dir, "python"), "-c", "import game, game.resources as r; print(game.__file__); print(r.ROOT)"],
        elsewhere,
        variables,
    )
    package, root = where.stdout.split()
    assert Path(package) == site / "game" / "__init__.py"
    assert Path(root) == data, "the installed game must read its own data, not the checkout's"


def test_installed_game_validates(installed):
    env_dir, elsewhere, variables, _ = installed
    done = _run([_bin(env_dir, "succession"), "validate"], elsewhere, variables)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("rules ok: ")
    assert "citations: " in done.stdout  # the quotes were checked against the installed seeds


def test_installed_game_plays_a_headless_game(installed):
    env_dir, elsewhere, variables, _ = installed
    args = ["play", "--headless", "--scenario", "crisis_1923", "--seed", "1"]
    done = _run([_bin(env_dir, "succession"), *args], elsewhere, variables)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("outcome: ")


def test_installed_game_plays_with_a_shipped_mod(installed):
    env_dir, elsewhere, variables, _ = installed
    args = ["play", "--headless", "--scenario", "crisis_1923", "--seed", "1", "--mod", "lenin_lives"]
    done = _run([_bin(env_dir, "succession"), *args], elsewhere, variables)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("outcome: ")


def test_installed_game_opens_its_window(installed):
    env_dir, elsewhere, variables, site = installed
    done = _run([_bin(env_dir, "python"), "-c", FIRST_FRAME], elsewhere, variables)
    assert done.returncode == 0, done.stdout + done.stderr
    said = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert Path(said["fonts"]) == site / "game" / "_data" / "assets" / "fonts" / "DejaVuSans.ttf"
    assert said["scene"] == "MenuScene"
    assert int(said["colours"]) > 1  # the menu was drawn, not a blank screen


def test_a_missing_rules_folder_says_so_in_one_line(installed, tmp_path):
    env_dir, elsewhere, variables, site = installed
    rules = site / "game" / "_data" / "rules"
    aside = tmp_path / "rules"
    shutil.move(rules, aside)
    try:
        done = _run([_bin(env_dir, "succession"), "validate"], elsewhere, variables)
        played = _run([_bin(env_dir, "succession"), "play", "--headless", "--seed", "1"], elsewhere, variables)
    finally:
        shutil.move(aside, rules)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    problems = [line for line in done.stdout.splitlines() if "error:" in line]
    assert len(problems) == 1 and "no such rules folder" in problems[0], done.stdout
    assert str(rules) in problems[0]  # where it looked
    assert played.returncode != 0
    assert "Traceback" not in played.stdout + played.stderr
    assert [line for line in played.stderr.splitlines() if "no such rules folder" in line]
