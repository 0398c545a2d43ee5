"""Teacher presets in the window, driven with clicks and keys: the list from the main menu, a locked
preset that cannot be changed, a broken one that says where, saving the new-game screen's choices
as a preset; history's results hidden until the end; and the turn timer that ends a team's turn."""

from __future__ import annotations

import pygame

from game.engine import player_view
from game.match import presets, saves
from game.match.match import Match, Options, Seat
from game.match.presets import Preset
from game.ui import text
from game.ui.scenes.board import action_button_label, end_turn
from game.ui.scenes.choose import TargetScene
from game.ui.scenes.dialog import MessageScene
from game.ui.scenes.end import summary_html
from game.ui.scenes.handoff import HandoffScene
from game.ui.scenes.newgame import NewGameScene
from game.ui.scenes.presets import PresetsScene, SavePresetScene
from tests.match.test_presets import GOOD
from tests.ui.drive import button, click, frames, key, labels
from tests.ui.test_hotseat import _to_a_seat

LESSON = GOOD  # the lesson's preset file, as the file tests read it


def _write(name: str, body: str):
    folder = presets.presets_dir(saves.data_dir())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name + presets.SUFFIX)
    path.write_text(body, encoding="utf-8")
    return path


def _to_presets(app) -> PresetsScene:
    click(app, button(app.scene, "Classroom presets"))
    assert isinstance(app.scene, PresetsScene)
    return app.scene


def test_a_locked_preset_opens_the_new_game_screen_with_nothing_to_change(app):
    _write("Year 11 Tuesday", LESSON)
    listed = _to_presets(app)
    assert "Year 11 Tuesday" in labels(listed)
    click(app, button(listed, "Year 11 Tuesday"))
    ng = app.scene
    assert isinstance(ng, NewGameScene) and ng.locked
    assert ng.scenario == "crisis_1923" and ng.seed == "4242"
    assert "Preset: Year 11 — the 1923 crisis" in ng.details() and "history hidden until the end" in ng.details()
    # every choice is shown but cannot be pressed; Start, Back and Save as preset can
    free = {b.text for b, _ in ng.controls if b.is_enabled}
    assert free <= {"Start the game", "Back", "Save as preset…", "Players ▶", "◀ Scenario", "More ▶", "◀ Earlier"}
    assert not button(ng, "Turn timer: 4 min").is_enabled
    assert not button(ng, "History: hidden until the end").is_enabled
    assert all(not e.is_enabled for e in ng.entries.values()) and not ng.seed_entry.is_enabled
    click(app, button(ng, "Start the game"))
    m = app.match
    assert m.seed == 4242 and m.options == Options("Year 11 — the 1923 crisis", True, 240)
    assert {f: (s.kind, s.level, s.name) for f, s in m.seats.items()} == {
        "stalin": ("human", "simple", "Team A"),
        "trotsky": ("human", "simple", "Team B"),
        "zinoviev": ("ai", "normal", ""),
        "bukharin": ("ai", "simple", ""),
    }


def test_a_broken_preset_says_where_and_changes_nothing(app):
    path = _write("broken", LESSON.replace("zinoviev:", "kamenev:"))
    listed = _to_presets(app)
    click(app, button(listed, "broken"))
    assert isinstance(app.scene, MessageScene) and app.scene.title == "This preset cannot be used"
    assert f"{path}:8: 'kamenev' is not a faction of crisis_1923" in app.scene.body
    key(app, pygame.K_RETURN)
    assert app.scene is listed and app.match is None


def test_the_list_says_where_presets_go_when_there_are_none(app):
    listed = _to_presets(app)
    assert listed.intro[0].startswith("No presets yet.")
    assert str(presets.presets_dir(saves.data_dir())) in " ".join(listed.intro)
    key(app, pygame.K_ESCAPE)


def test_the_new_game_screen_saves_its_choices_as_a_preset(app):
    click(app, button(app.scene, "New game"))
    ng = app.scene
    click(app, button(ng, "History: shown"))
    assert ng.hide_history
    click(app, button(ng, "Turn timer: none"))
    click(app, button(ng, "Turn timer: 2 min"))
    assert ng.turn_seconds == 180
    ng.seed_entry.set_text("77")
    click(app, button(ng, "Save as preset…"))
    dialog = app.scene
    assert isinstance(dialog, SavePresetScene)
    dialog.entry.set_text("Lesson two")
    click(app, button(dialog, "Not locked: it can be changed"))
    click(app, button(app.scene, "Save"))
    assert isinstance(app.scene, MessageScene) and app.scene.title == "Preset saved"
    path = presets.path_of(saves.data_dir(), "Lesson two")
    saved = presets.parse(path.read_text(encoding="utf-8"))
    assert saved.title == "Lesson two" and saved.locked and saved.hide_history and saved.turn_seconds == 180
    assert saved.scenario == ng.scenario and saved.seed == 77 and saved.seats == ng.seats()


def test_a_game_started_with_hidden_history_never_shows_it_before_the_end(app, rules):
    options = Options(hide_history=True)
    m = Match.new(rules, "crisis_1923", 5, {"trotsky": Seat("human", name="Team B")}, options=options)
    history = player_view(m.state, rules, "trotsky").objectives.history
    assert history  # the engine has it; the match keeps it from every screen
    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    try:
        app.start_match(m, new=True)
        board = app.stack[0]
        _to_a_seat(app, board)
        board.changed()
        frames(app)
    finally:
        text.WATCHERS.remove(shown.append)
    assert m.view("trotsky").objectives.history == ""
    tips = [tip for panel in board.panels.values() for _, tip in panel.spots]
    assert any("If the game ended now" in tip for tip in tips)  # the objectives panel was drawn
    assert not any("History's result" in tip for tip in tips)
    first_words = " ".join(history.split()[:6])
    assert not any(first_words in line for line in shown)
    # once the game is over, the end shows it
    while not m.over:
        m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    assert m.view("trotsky").objectives.history == history
    assert "In history (" in summary_html(rules, m)


class _Clock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _timed_hot_seat(app, rules, seconds: int = 60):
    seats = {"stalin": Seat("human", name="Team A"), "trotsky": Seat("human", name="Team B")}
    m = Match.new(rules, "crisis_1923", 8, seats, options=Options(turn_seconds=seconds))
    app.start_match(m, new=True)
    board = app.stack[0]
    clock = _Clock()
    board.clock.now = clock
    return m, board, clock


def test_the_timer_counts_down_on_the_board_and_ends_an_idle_turn(app, rules):
    m, board, clock = _timed_hot_seat(app, rules)
    seat = _to_a_seat(app, board)
    frames(app)
    assert board.clock.key[0] == seat and board.clock.left() == 60
    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    try:
        clock.t += 23.5
        frames(app)
    finally:
        text.WATCHERS.remove(shown.append)
    who = m.seats[seat].name
    assert f"{who}: 0:37 left" in shown  # rounded up
    moves = len(m.record.actions)
    clock.t += 40
    frames(app)
    # the idle seat's turn ended: it passed, and the next team's hand-off waits under the notice
    assert m.record.actions[moves].faction == seat and m.record.actions[moves].name == end_turn(rules)
    assert isinstance(app.scene, MessageScene) and app.scene.title == "Time is up"
    assert f"{who}'s time for the turn ran out" in app.scene.body
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, HandoffScene) or not m.seats[m.active].is_human


def test_when_time_runs_out_on_a_move_held_on_screen_the_move_stands(app, rules):
    m, board, clock = _timed_hot_seat(app, rules)
    seat = _to_a_seat(app, board)
    frames(app)
    legal = [a for a in m.legal() if a.name != end_turn(rules)]
    board.submit(legal[0])
    assert board.held is not None
    moves = len(m.record.actions)
    clock.t += 61
    frames(app)
    assert board.held is None and len(m.record.actions) == moves  # Done: nothing more was played for it
    assert m.record.actions[-1] == legal[0] and legal[0].faction == seat
    assert app.scene.title == "Time is up"


def test_time_running_out_closes_a_choice_of_targets_over_the_board(app, rules):
    m, board, clock = _timed_hot_seat(app, rules)
    seat = _to_a_seat(app, board)
    frames(app)
    names = [a.name for a in m.legal()]
    several = next(n for n in names if names.count(n) > 1)  # an action with targets to choose among
    click(app, button(board, action_button_label(rules, several)))
    assert isinstance(app.scene, TargetScene)
    clock.t += 61
    frames(app)
    assert app.stack[0] is board and app.scene.title == "Time is up"
    assert not any(isinstance(s, TargetScene) for s in app.stack)
    assert m.record.actions[-1].faction == seat


def test_no_timer_no_clock(app, rules):
    m = Match.new(rules, "crisis_1923", 8, {"stalin": Seat("human", name="A")})
    app.start_match(m, new=True)
    assert app.stack[0].clock is None


def test_a_preset_with_seats_for_every_team_starts_from_the_new_game_screen(app, rules):
    preset = Preset("crisis_1923", {"bukharin": Seat("human", "simple", "Rightists")}, seed=9)
    ng = NewGameScene(app, preset, rules)
    app.push(ng)
    frames(app)
    assert not ng.locked and ng.kinds["bukharin"] == "human" and ng.names["bukharin"] == "Rightists"
    click(app, button(ng, "Start the game"))
    assert app.match.seed == 9 and app.match.options == Options()


def test_play_with_a_preset_opens_the_window_on_the_new_game_screen_it_sets_up(make_app, monkeypatch, tmp_path):
    from game.cli import main as cli_main
    from game.ui import app as app_module

    path = tmp_path / "lesson.preset.yaml"
    path.write_text(LESSON, encoding="utf-8")
    opened = []

    def run(self, preset=None, preset_rules=None):
        opened.append(self)
        monkeypatch.setattr(pygame.event, "get", lambda: [pygame.event.Event(pygame.QUIT)])
        real_run(self, preset, preset_rules)

    real_run = app_module.App.run
    monkeypatch.setattr(app_module.App, "run", run)
    monkeypatch.setattr(app_module, "can_open_window", lambda: None)
    assert cli_main(["play", "--preset", str(path)]) == 0
    (app,) = opened
    menu, ng = app.stack
    assert labels(menu)[0] == "New game"
    assert isinstance(ng, NewGameScene) and ng.locked and ng.preset.title == "Year 11 — the 1923 crisis"
