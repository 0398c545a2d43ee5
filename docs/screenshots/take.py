"""Take the README's screenshots: every screen of the window, at 1280×720 (font scale 1), at
1280×720 with the 2× font (``*_720p_large.png``, a classroom projector) and at 1920×1080 with the 2×
font (``*_1080p_large.png``).  Run under a display (e.g. ``xvfb-run python
docs/screenshots/take.py``); the pictures land beside this file.  Where a screen is split into
pages at a size (the new game at 2× on 720p), its second page is taken too (``new_game_players``).
The debrief is taken on its timeline and on its charts (``debrief``, ``debrief_power``)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.match import presets, saves  # noqa: E402
from game.match.match import Match, Seat  # noqa: E402
from game.present.quarter import book  # noqa: E402
from game.ruleset.loader import load_base  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.scenes import SCENES  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


def shoot(app, name: str, suffix: str, mouse=None) -> None:
    if mouse is not None:
        app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=mouse, rel=(0, 0), buttons=(0, 0, 0))])
    for _ in range(3):
        app.frame([])
    app.screenshot(HERE / f"{name}{suffix}.png")


def at_choice(rules):
    """A classroom game played by the bots up to an event whose choice is a faction's to make."""
    for seed in range(1, 60):
        m = Match.new(rules, "crisis_1923", seed, {})
        while not m.over:
            if m.state.phase == "choice":
                faction = m.state.pending_choice[1]
                m.seats[faction] = Seat("human", "simple", "Player")
                return m, faction
            m.ai_move()
    raise SystemExit("no event with a choice in 60 games")


def main(size=(1280, 720), scale=1.0, suffix="") -> None:
    rules = load_base()
    data = Path(tempfile.mkdtemp())
    os.chdir(data)  # the saves' folder is named relatively, so messages show no machine's paths
    os.environ["SUCCESSION_DATA_DIR"] = "succession-data"
    app = App(
        rules,
        Settings(width=size[0], height=size[1], font_scale=scale),
        config_path=data / "window.json",
    )
    app.push_scene("menu")
    shoot(app, "menu", suffix)
    app.push_scene("new_game")
    shoot(app, "new_game", suffix)
    if app.scene.step is not None:  # the screen is two pages at this size: the players' too
        app.scene._to("players")()
        shoot(app, "new_game_players", suffix)
    app.reset_scene("menu")
    app.push_scene("encyclopedia", "figures")
    shoot(app, "encyclopedia", suffix)
    app.reset_scene("menu")
    app.push_scene("encyclopedia", "secretariat")  # the glossary, an entry with its links
    shoot(app, "glossary", suffix)
    app.reset_scene("menu")
    app.push_scene("encyclopedia", "regions.leningrad")  # a region: what it was and why it mattered
    shoot(app, "encyclopedia_region", suffix)
    app.reset_scene("menu")
    app.push_scene("documents")  # the five documents, then one opened at a cited passage
    shoot(app, "documents", suffix)
    app.push_scene("reader", "seeds/001_4e889e92fdabce2b.txt", 2167, 2171)
    shoot(app, "reader", suffix)
    # a teacher's preset: the list of presets, then the new-game screen it sets up, locked
    lesson = presets.Preset(
        "crisis_1923",
        {"stalin": Seat("human", "simple", "Team A"), "trotsky": Seat("human", "simple", "Team B")},
        seed=4242,
        title="Year 11 — the 1923 crisis",
        locked=True,
        hide_history=True,
        turn_seconds=240,
    )
    presets.write(lesson, presets.path_of(saves.data_dir(), "Year 11 Tuesday"))
    app.reset_scene("menu")
    app.push_scene("presets")
    shoot(app, "presets", suffix)
    app.push_scene("new_game", preset=lesson, preset_rules=rules)
    if app.scene.step is not None:
        app.scene._to("players")()
    shoot(app, "new_game_preset", suffix)
    app.reset_scene("menu")
    app.push_scene("settings")
    shoot(app, "settings", suffix)
    app.reset_scene("menu")
    app.push_scene("guide")
    shoot(app, "guide", suffix)

    # a game in its third quarter, Stalin's seat at the screen
    m = Match.new(rules, "crisis_1923", 13, {})  # a vote before its third quarter is out
    while not (
        m.state.turn >= 2
        and m.active == "stalin"
        and m.state.votes
        and any(a.name == "cultivate_figure" for a in m.legal())
    ):
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    app.start_match(m)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    w, h = app.size
    app.frame([])  # the board laid out and drawn: its panels are in place
    where = board.panels["map"].inner  # a region's tooltip (on the map's tab, where the panels are tabs)
    shoot(app, "board", suffix, mouse=(where.x + where.w // 8, where.y + h // 10))
    app.push_scene("briefing", m.scenario, "stalin")
    shoot(app, "briefing", suffix)
    app.pop()
    closed = book(m).closed()
    busiest = max(closed, key=lambda q: len(book(m).summary("stalin", q).votes))
    app.push_scene("results", book(m).summary("stalin", busiest), board.view)
    shoot(app, "results", suffix)
    app.pop()
    options = [a for a in m.legal() if a.name == "cultivate_figure"]
    app.push_scene("choose", board, "cultivate_figure", options)
    shoot(app, "choose_target", suffix)
    app.pop()
    app.push_scene("handoff", board, "stalin")
    shoot(app, "handoff", suffix)
    app.pop()

    # an event card and its source
    m2, faction = at_choice(rules)
    app.start_match(m2)
    while not isinstance(app.scene, SCENES["event"] | SCENES["board"]):
        app.pop()
    if not isinstance(app.scene, SCENES["event"]):
        app.push_scene("event", app.stack[0], app.stack[0].view)
    shoot(app, "event", suffix)
    app.scene.source()
    shoot(app, "event_source", suffix)

    # a bad save
    app.saves_dir.mkdir(parents=True, exist_ok=True)
    bad = app.saves_dir / "damaged.save"
    bad.write_text("# Succession replay\nformat: 1\nscenario: crisis_1923\nseed: 4\nactions:\nrecant stalin\n")
    app.reset_scene("menu")
    app.push_scene("load")
    app.open_save(bad)
    shoot(app, "bad_save", suffix)

    # the end of a game
    m3 = Match.new(rules, "crisis_1923", 11, {})
    while not m3.over:
        m3.ai_move()
    m3.seats["stalin"] = Seat("human", "simple", "Anna")
    app.match = m3
    app.reset_scene("end", m3)
    shoot(app, "end", suffix)
    # its debrief, from the end screen: the timeline beside history's, then the charts of power
    # (at the normal font the README shows it as debrief_720p)
    app.push_scene("debrief", m3, "crisis lesson")
    shoot(app, "debrief" + ("" if suffix else "_720p"), suffix)
    app.scene._pick_section("power")()
    shoot(app, "debrief_power" + ("" if suffix else "_720p"), suffix)
    # the guided first quarter, at its second step: the guide over the board
    app.start_tutorial()
    for _ in range(200):
        if app.tutorial.index >= 1:
            break
        board = app.stack[0]
        if board.future is not None:
            board.future.result()
        if type(app.scene).__name__ == "BriefingScene":
            app.scene.controls[0][1]()
        app.frame([])
    shoot(app, "tutorial", suffix)
    pygame.quit()


if __name__ == "__main__":
    main()
    main((1280, 720), 2.0, "_720p_large")
    main((1920, 1080), 2.0, "_1080p_large")
