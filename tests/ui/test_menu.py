"""The main menu, keyboard control, the encyclopedia with its cited passages, and settings that
persist."""

from __future__ import annotations

import json

import pygame

from game.ui import text
from game.ui.scenes.dialog import MessageScene
from game.ui.scenes.encyclopedia import EncyclopediaScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.settings import SettingsScene
from tests.ui.drive import button, click, frames, key, labels


def test_the_window_runs_on_pygame_ce():
    assert pygame.IS_CE


def test_main_menu_offers_every_way_in(app):
    assert labels(app.scene) == [
        "New game",
        "Continue",
        "Load a saved game",
        "Classroom presets",
        "Tutorial: your first quarter",
        "How to play",
        "Settings",
        "Encyclopedia",
        "Quit",
    ]
    assert not button(app.scene, "Continue").is_enabled  # nothing saved yet


def test_keyboard_reaches_the_encyclopedia_and_back(app):
    for _ in range(
        6
    ):  # New game → (Continue disabled, skipped) Load → Presets → Tutorial → How to play → Settings → Encyclopedia
        key(app, pygame.K_DOWN)
    assert app.scene.controls[app.scene.focus][0].text == "Encyclopedia"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, EncyclopediaScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)


def test_encyclopedia_shows_an_entry_and_its_cited_lines(app, rules):
    click(app, button(app.scene, "Encyclopedia"))
    enc = app.scene
    click(app, button(enc, "Figures"))
    key(app, pygame.K_DOWN)  # the second figure
    fig = list(rules.figures.values())[1]
    assert fig.name in enc.html()
    cited = next(c for c in fig.source if c.seed and c.lines)
    click(app, button(enc, "Read the cited passages"))
    assert isinstance(app.scene, MessageScene)
    from game.present.explain import clean_passage, seed_documents

    lo, hi = cited.line_range()
    lines = (rules.root / cited.seed).read_text(encoding="utf-8").split("\n")[lo - 1 : hi]
    assert clean_passage(lines)[0].strip("…") in app.scene.body  # the passage, to read
    assert seed_documents(rules.root)[cited.seed]["title"] in app.scene.body  # its document by name
    assert cited.seed not in app.scene.body  # not a file's path
    click(app, button(app.scene, "OK"))
    assert app.scene is enc


def test_quit_from_the_menu_stops_the_loop(app):
    click(app, button(app.scene, "Quit"))
    assert not app.running


def test_settings_persist_between_runs(app, make_app, tmp_path):
    click(app, button(app.scene, "Settings"))
    assert isinstance(app.scene, SettingsScene)
    click(app, button(app.scene, "Font scale"))
    click(app, button(app.scene, "Colour-blind palette"))
    click(app, button(app.scene, "Sound"))
    click(app, button(app.scene, "Window size"))
    assert app.size == (1600, 900)
    saved = json.loads((tmp_path / "window.json").read_text())
    assert saved["font_scale"] == 1.25 and saved["colour_blind"] and not saved["sound"]
    again = make_app()
    assert again.settings.font_scale == 1.25 and again.settings.colour_blind and not again.settings.sound
    assert again.settings.size == (1600, 900)


def test_colour_blind_palette_uses_the_rule_files_colours(app, rules):
    from game.ui.theme import hex_colour

    assert app.palette.colour("trotsky") != hex_colour(rules.factions["trotsky"].colour)
    click(app, button(app.scene, "Settings"))
    click(app, button(app.scene, "Colour-blind palette"))
    assert app.palette.colour("trotsky") == hex_colour(rules.factions["trotsky"].colour)
    assert app.palette.symbols["trotsky"] == rules.factions["trotsky"].symbol


def test_damaged_settings_give_defaults_and_a_message(make_app, tmp_path):
    (tmp_path / "window.json").write_text('{"font_scale": "huge"', encoding="utf-8")
    app = make_app()
    assert app.settings.font_scale == 1.0
    assert app.settings_note.startswith(f"{tmp_path / 'window.json'}:1:")
    seen = []
    text.WATCHERS.append(seen.append)
    try:
        app.push(MenuScene(app))
        frames(app)
    finally:
        text.WATCHERS.remove(seen.append)
    assert app.settings_note in " ".join(seen)  # the menu says so, whole (wrapped to the window)


def test_every_setting_is_reachable_by_keyboard(app):
    click(app, button(app.scene, "Settings"))
    scene = app.scene
    before = app.settings.sound
    while scene.controls[scene.focus][0].text.split(":")[0] != "Sound":
        key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    assert app.settings.sound is not before


def test_a_new_game_can_be_set_up_from_the_keyboard(app):
    from game.ui.scenes.board import BoardScene
    from game.ui.scenes.newgame import NewGameScene

    key(app, pygame.K_RETURN)  # New game
    ng = app.scene
    assert isinstance(ng, NewGameScene)
    while ng.controls[ng.focus][0] is not ng.seed_entry:
        key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)  # into the seed field
    ng.seed_entry.set_text("")
    for digit in "4242":
        frames(app, [pygame.event.Event(pygame.TEXTINPUT, text=digit)])
    assert ng.seed_entry.get_text() == "4242"
    key(app, pygame.K_TAB)  # out of the field, to the next button
    assert ng.controls[ng.focus][0].text == "New random seed"
    for _ in range(len(ng.controls)):  # past the mods, each a button of its own
        if ng.controls[ng.focus][0].text == "Start the game":
            break
        key(app, pygame.K_TAB)
    assert ng.controls[ng.focus][0].text == "Start the game"
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack[0], BoardScene) and app.match.seed == 4242


def test_how_to_play_explains_the_board(app):
    from game.ui.scenes.guide import GuideScene

    click(app, button(app.scene, "How to play"))
    assert isinstance(app.scene, GuideScene)
    for words in ("Secretariat", "Party organisations", "Agenda", "Undo"):
        assert words in app.scene.body
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)


def test_page_down_scrolls_a_long_text(app):
    click(app, button(app.scene, "How to play"))
    bar = app.scene.text_box.scroll_bar
    assert bar is not None and bar.start_percentage == 0
    key(app, pygame.K_PAGEDOWN)
    assert bar.start_percentage > 0
    key(app, pygame.K_PAGEUP)
    assert bar.start_percentage == 0


def test_a_mod_chosen_on_the_new_game_screen_is_the_rules_of_the_game(app, rules):
    from game.ui.scenes.newgame import NewGameScene
    from tests.ui.drive import button, click

    key(app, pygame.K_RETURN)  # New game
    ng = app.scene
    assert isinstance(ng, NewGameScene)
    click(app, button(ng, "The weight of the apparatus"))
    ng = app.scene
    assert button(ng, "✓ The weight of the apparatus")  # marked as in use
    click(app, button(ng, "Start the game"))
    assert app.match is not None
    assert [m.id for m in app.match.rules.mods] == ["apparatus_weights"]
    assert app.match.rules.settings.secretary_loyalty_growth != rules.settings.secretary_loyalty_growth
    assert app.match.record.mods == app.match.rules.mod_labels()  # the replay and the saves record it


def test_settings_live_in_the_data_folder_when_it_is_set(rules, tmp_path, monkeypatch):
    from game.ui import settings as settings_mod
    from game.ui.app import App

    home = tmp_path / "config"
    monkeypatch.setattr(settings_mod.platformdirs, "user_config_dir", lambda *a, **k: str(home))
    monkeypatch.setenv("SUCCESSION_DATA_DIR", str(tmp_path / "class"))
    app = App(rules, thinking="thread")  # no settings file named: the default place
    try:
        app.push(MenuScene(app))
        click(app, button(app.scene, "Settings"))
        click(app, button(app.scene, "Sound"))
    finally:
        app.thinker.close()
    kept = tmp_path / "class" / "window.json"
    assert json.loads(kept.read_text())["sound"] is False
    assert not home.exists()  # nothing written to the user's config folder
    monkeypatch.delenv("SUCCESSION_DATA_DIR")
    assert settings_mod.settings_path() == home / "window.json"


def test_the_new_game_screen_offers_the_last_choices_again(app, make_app):
    from tests.ui.test_play import start_classroom
    from tests.ui.test_typing import type_text

    start_classroom(app, humans=("trotsky", "zinoviev"), scenario="crisis_1923", seed="7")
    match = app.match
    assert match.seats["trotsky"].name == "Team trotsky"
    again = make_app()  # the next time the game is started
    again.push(MenuScene(again))
    click(again, button(again.scene, "New game"))
    ng = again.scene
    assert ng.scenario == "crisis_1923"
    assert {f for f, k in ng.kinds.items() if k == "human"} == {"trotsky", "zinoviev"}
    assert ng.entries["trotsky"].get_text() == "Team trotsky"
    assert [b.text for b, _ in ng.controls if b.text.startswith("AI (")] == ["AI (simple)", "AI (simple)"]
    # a level chosen and a name typed are kept too
    toggle = [b for b, _ in ng.controls if b.text.startswith("AI (")][0]
    click(again, toggle)  # simple → easy
    click(again, ng.entries["zinoviev"])
    ng.entries["zinoviev"].set_text("")
    type_text(again, "Red Team")
    click(again, button(again.scene, "Start the game"))
    third = make_app()
    third.push(MenuScene(third))
    click(third, button(third.scene, "New game"))
    ng = third.scene
    assert "AI (easy)" in [b.text for b, _ in ng.controls]
    assert ng.entries["zinoviev"].get_text() == "Red Team"


def test_the_window_offers_every_level_but_the_internal_wait(app):
    from game.match.match import LEVELS

    assert "wait" in LEVELS  # the command line keeps it
    click(app, button(app.scene, "New game"))
    ng = app.scene
    fid = ng.factions()[1]
    toggle = [b for b, _ in ng.controls if b.text == "Human" or b.text.startswith("AI (")][1]
    seen = []
    for _ in range(len(LEVELS) + 1):
        seen.append(toggle.text)
        click(app, toggle)
        toggle = [b for b, _ in app.scene.controls if b.text == "Human" or b.text.startswith("AI (")][1]
    assert "AI (wait)" not in seen and "wait" not in toggle.tool_tip_text
    assert {f"AI ({lv})" for lv in LEVELS if lv != "wait"} <= set(seen) and "Human" in seen
    assert ng.kinds.get(fid) is not None
