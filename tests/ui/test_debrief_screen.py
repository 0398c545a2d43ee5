"""The debrief in the window: opened from the end screen by a click or its key and from a save in
the list of saves; every section shows the debrief's own data; the charts are a picture, not a
blank; the report button writes the report next to the saves; a hot-seat game's debrief waits for
the end and then says that everything is shown."""

from __future__ import annotations

import html

import pygame
import pytest

from game.match import saves
from game.match.match import Match, Options, Seat
from game.present.debrief import from_match
from game.ui import text
from game.ui.scenes import SCENES
from game.ui.scenes import debrief_parts as parts
from game.ui.scenes.dialog import MessageScene
from game.ui.settings import Settings
from tests.ui.drive import button, click, frames, key


@pytest.fixture(scope="module")
def finished(rules):
    """A classroom game played to its end by the computer, Stalin's seat then a person's."""
    m = Match.new(rules, "crisis_1923", 11, {})
    while not m.over:
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    return m


@pytest.fixture(scope="module")
def data(finished):
    return from_match(finished)


def _at_end(make_app, match, **settings):
    app = make_app(settings=Settings(**settings)) if settings else make_app()
    app.match = match
    app.reset_scene("end", match)
    frames(app)
    return app


class Seen:
    """Every string the window shows while it is watched."""

    def __init__(self):
        self.words: list[str] = []

    def __call__(self, words: str) -> None:
        self.words.append(words)

    def __enter__(self):
        text.WATCHERS.append(self)
        return self

    def __exit__(self, *exc):
        text.WATCHERS.remove(self)

    def __contains__(self, needle: str) -> bool:
        return any(needle in w for w in self.words)


def _html(scene) -> str:
    """The section's words as shown (the text box's markup, its entities read back)."""
    return html.unescape(scene.content.html_text)


def test_the_end_screen_opens_the_debrief_by_a_click_and_by_its_key(make_app, finished):
    app = _at_end(make_app, finished)
    end = app.scene
    click(app, button(end, "Debrief"))
    assert isinstance(app.scene, SCENES["debrief"]) and app.scene.match is finished
    assert app.scene.faction == "stalin"  # the one human seat's faction first
    key(app, pygame.K_ESCAPE)
    assert app.scene is end
    key(app, pygame.K_d)
    assert isinstance(app.scene, SCENES["debrief"])
    click(app, button(app.scene, "Back"))
    assert app.scene is end


def test_a_save_opens_its_debrief_from_the_list_of_saves(app, finished):
    saves.save_named(finished, "after the lesson")
    click(app, button(app.scene, "Load a saved game"))
    load = app.scene
    click(app, button(load, "Debrief"))
    scene = app.scene
    assert isinstance(scene, SCENES["debrief"])
    assert scene.name == "after the lesson" and scene.debrief.seed == finished.seed
    assert scene.debrief.quarters == from_match(finished).quarters
    key(app, pygame.K_ESCAPE)
    assert app.scene is load


def test_a_damaged_save_has_no_debrief_button_to_press(app):
    saves.saves_dir().mkdir(parents=True, exist_ok=True)
    (saves.saves_dir() / "broken.save").write_text("not a save", encoding="utf-8")
    click(app, button(app.scene, "Load a saved game"))
    assert not button(app.scene, "Debrief").is_enabled


def test_an_unfinished_hot_seat_game_keeps_its_debrief_until_the_end(app, rules):
    m = Match.new(rules, "crisis_1923", 5, {"stalin": Seat("human"), "trotsky": Seat("human")})
    saves.save_named(m, "hot seat")
    click(app, button(app.scene, "Load a saved game"))
    click(app, button(app.scene, "Debrief"))
    assert isinstance(app.scene, MessageScene) and app.scene.title == "Not before the end"
    assert not any(isinstance(s, SCENES["debrief"]) for s in app.stack)


def test_an_unfinished_game_whose_preset_hides_history_keeps_its_debrief_until_the_end(app, rules):
    m = Match.new(rules, "crisis_1923", 5, {"stalin": Seat("human")}, options=Options(hide_history=True))
    saves.save_named(m, "lesson")
    click(app, button(app.scene, "Load a saved game"))
    click(app, button(app.scene, "Debrief"))
    assert isinstance(app.scene, MessageScene) and "hidden until the end" in app.scene.body
    assert not any(isinstance(s, SCENES["debrief"]) for s in app.stack)


def test_an_unfinished_game_with_one_person_opens_its_debrief_and_says_it_is_not_over(app, rules):
    m = Match.new(rules, "crisis_1923", 5, {"stalin": Seat("human")})
    while m.state.turn < 3:  # a year in, the person's seat ending its turns
        m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    saves.save_named(m, "half way")
    click(app, button(app.scene, "Load a saved game"))
    with Seen() as seen:
        click(app, button(app.scene, "Debrief"))
        frames(app)
    assert isinstance(app.scene, SCENES["debrief"])
    assert "not over: played to" in seen


def test_a_finished_hot_seat_game_says_that_everything_is_shown(make_app, rules):
    m = Match.new(rules, "crisis_1923", 11, {})
    while not m.over:
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    m.seats["trotsky"] = Seat("human", "simple", "Boris")
    app = _at_end(make_app, m)
    with Seen() as seen:
        click(app, button(app.scene, "Debrief"))
        frames(app)
    assert any(words in seen for words in parts.ALL_SHOWN)
    # every faction's goals are there to read, not only a seat's own
    for f in app.scene.debrief.factions:
        key(app, pygame.K_1 + [x.faction for x in app.scene.debrief.factions].index(f.faction))
        key(app, pygame.K_g)
        assert f.goals[0].name in _html(app.scene)


def test_each_section_shows_the_debriefs_data(make_app, finished, data):
    app = _at_end(make_app, finished)
    click(app, button(app.scene, "Debrief"))
    scene = app.scene
    for i, f in enumerate(data.factions):
        key(app, pygame.K_1 + i)
        assert scene.faction == f.faction
        # the timeline: every dated line of this game and of history's, and each quarter's date
        with Seen() as seen:
            click(app, button(scene, "Timeline"))
        for m in f.timeline + f.history_timeline:
            assert m.date in seen
            assert m.text.split()[0] in seen
        # the divergence: its quarter, and the moves and votes that made it
        click(app, button(scene, "Divergence"))
        if f.divergence is not None:
            assert f.divergence.date in _html(scene)
            for line in f.divergence.moves + f.divergence.votes:
                assert line in _html(scene)
        # the goals, each with the quarter it was met or failed in
        click(app, button(scene, "Goals"))
        for g in f.goals:
            assert g.name in _html(scene)
            if g.quarter:
                assert f"in {g.quarter}" in _html(scene)
        # the computer's reasons for this faction's key moves
        click(app, button(scene, "Computer"))
        for r in (r for r in data.reasons if r.faction == f.faction):
            assert r.line in _html(scene)
    assert any(g.quarter for f in data.factions for g in f.goals)  # the test saw a dated goal
    click(app, button(scene, "Events"))
    for e in data.events:
        assert e.name in _html(scene)
    passage = next(s.passage for e in data.events for s in e.sources if s.passage)
    assert passage.splitlines()[0] in _html(scene)
    click(app, button(scene, "Questions"))
    assert len(data.questions) >= 4
    for q in data.questions:
        assert q.text in _html(scene)


def test_the_charts_are_a_picture_of_every_faction_and_are_kept(make_app, finished, data):
    app = _at_end(make_app, finished)
    click(app, button(app.scene, "Debrief"))
    scene = app.scene
    key(app, pygame.K_p)
    assert scene.section == "power"
    assert scene.controls[scene.focus][0].text == "● Power"  # the keyboard's focus on the tab chosen
    (picture,) = scene.charts.values()
    assert picture.get_width() == scene.area.w - 20
    pixels = pygame.surfarray.array3d(picture).reshape(-1, 3).astype(int)
    assert len({tuple(p) for p in pixels[::7]}) > 20  # lines, text and axes, not a blank
    for f in data.factions:  # each faction's line in its colour on the window
        want = app.palette.colour(f.faction)
        assert (abs(pixels - want).sum(axis=1) < 12).sum() > 30, f.faction
    key(app, pygame.K_2)
    key(app, pygame.K_1)
    assert len(scene.charts) == 2  # one picture a faction, made once: the first is not drawn again
    frames(app)
    shown = app.screen.get_at((scene.content.rect.x + 40, scene.content.rect.y + 40))
    assert tuple(shown)[:3] != (0, 0, 0)


def test_page_down_scrolls_the_section(make_app, finished):
    app = _at_end(make_app, finished, width=1280, height=720, font_scale=2.0)
    click(app, button(app.scene, "Debrief"))
    key(app, pygame.K_e)
    bar = app.scene.content.scroll_bar
    assert bar is not None and bar.start_percentage == 0
    key(app, pygame.K_PAGEDOWN)
    frames(app, n=3)
    assert bar.start_percentage > 0


def test_the_report_button_writes_the_report_next_to_the_saves(make_app, finished):
    app = _at_end(make_app, finished)
    click(app, button(app.scene, "Debrief"))
    scene = app.scene
    click(app, button(scene, "Write the report"))
    written = list(saves.saves_dir().glob("*-report.html"))
    assert len(written) == 1 and written[0] == scene.written
    page = written[0].read_text(encoding="utf-8")
    assert "Stalin and the Centre" in page and "<svg" in page and str(finished.seed) in page
    said = app.scene
    assert isinstance(said, MessageScene) and str(written[0]) in said.body
    key(app, pygame.K_RETURN)
    assert app.scene is scene
    with Seen() as seen:
        frames(app)
    assert written[0].name in " ".join(seen.words)


def test_the_debrief_leads_with_the_seats_result_and_marks_the_strongest_factions_failure(make_app, rules):
    m = Match.new(rules, "military_option_1924", 1, {})  # Stalin strongest, and a defeat by his goals
    while not m.over:
        m.ai_move()
    m.seats["zinoviev"] = Seat("human", "simple", "Anna")
    app = _at_end(make_app, m)
    click(app, button(app.scene, "Debrief"))
    scene = app.scene
    assert scene.faction == "zinoviev" and scene.debrief.factions[0].faction == "zinoviev"
    # the header: the scenario, the chosen faction's own result, then power in the party at the end
    zinoviev = scene.debrief.faction("zinoviev")
    head = " ".join(scene.head)
    assert f"{zinoviev.name}: {zinoviev.result} · power in the party at the end: The strongest faction" in head
    # Stalin's goals say why the strongest faction's own result is a defeat or a disaster
    scene._pick_faction("stalin")()
    click(app, button(app.scene, "Goals"))
    page = _html(app.scene)
    caveat = scene.debrief.faction("stalin").caveat
    assert "but by its own goals this is a" in caveat and caveat in page
    assert page.index(caveat) < page.index("Goals</b>")
