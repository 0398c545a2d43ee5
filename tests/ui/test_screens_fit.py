"""Every screen but the board (the menu, new game, settings, saves, encyclopedia, guide, briefing,
hand-off, the quarter's summary, the history, the end, the debrief, the dialogs) at every supported window size
and font scale: no text cut with an ellipsis, no wrapped line wider than its room, no drawn text
outside the window or its clip, every button's and label's own text within its rect, no control
outside the window or on another; and the long lists (scenarios, encyclopedia entries) reachable
whole, page by page."""

from __future__ import annotations

import types

import pygame
import pygame_gui
import pytest

from game.match import presets, saves
from game.match.match import Match, Seat
from game.match.presets import Preset
from game.present.quarter import book
from game.ui import text, theme
from game.ui.scenes import dialog
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.debrief_parts import SECTIONS
from game.ui.scenes.encyclopedia import CATEGORIES, EncyclopediaScene
from game.ui.scenes.end import EndScene
from game.ui.scenes.guide import GuideScene
from game.ui.scenes.handoff import HandoffScene
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.newgame import NewGameScene
from game.ui.scenes.presets import PresetsScene, SavePresetScene
from game.ui.scenes.reader import DocumentsScene, ReaderScene, SourcesScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.saves import LoadScene, SaveScene
from game.ui.scenes.settings import SettingsScene
from game.ui.settings import FONT_SCALES, SIZES, Settings
from tests.ui.drive import button, click, frames, key, labels
from tests.ui.test_board_layout import _watch_cuts

LONG_NAME = "Anna Petrovna Ivanovaaaa"  # the longest name a seat takes (24 characters)


class Watched(pygame.Surface):
    """The window's surface, telling of every drawn text that lands outside it or its clip."""

    problems: list[str]
    texts: dict[int, str]

    def blit(self, source, dest, area=None, special_flags=0):
        words = self.texts.get(id(source))
        if words is not None:
            pos = dest.topleft if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
            r = pygame.Rect(pos, source.get_size())
            room = self.get_clip().clip(self.get_rect())
            if not room.contains(r):
                self.problems.append(f"drawn outside {room}: {words!r} at {r}")
        return super().blit(source, dest, area, special_flags)


def _watch(monkeypatch, app) -> list[str]:
    """Every cut, every line wider than its room (the board's own watch), and every text drawn
    outside the window."""
    problems = _watch_cuts(monkeypatch)
    render = text.render
    texts: dict[int, str] = {}

    def watched_render(font, words, colour, background=None):
        surf = render(font, words, colour, background)
        texts[id(surf)] = words
        return surf

    monkeypatch.setattr(text, "render", watched_render)
    screen = Watched(app.size)
    screen.problems, screen.texts = problems, texts
    app.screen = screen
    return problems


def _widgets(app, scene) -> list[str]:
    """Controls outside the window or on another; a button's or label's text wider or taller than it."""
    w, h = app.size
    window = pygame.Rect(0, 0, w, h)
    out = []
    shown = [el for el in scene.elements if el.visible]
    rects = [(getattr(el, "text", type(el).__name__), el.rect) for el in shown]
    out += [f"{t!r} at {r} outside the window" for t, r in rects if not window.contains(r)]
    for i, (t, r) in enumerate(rects):
        out += [f"{t!r} on {u!r}" for u, q in rects[i + 1 :] if r.colliderect(q)]
    button_font = app.fonts.bold(theme.BUTTON_SIZE)
    label_font = app.fonts.body(theme.SIZES["text"])
    for el in shown:
        size = getattr(el, "label_size", None)
        if isinstance(el, pygame_gui.elements.UIButton) and el.object_ids[-1] == dialog.WRAPPED and size:
            font = app.fonts.bold(size)  # a row of buttons drawn in one face: each label whole in its button
            lines = text.wrap(font, el.text, el.rect.w - 12)
            if len(lines) * font.get_linesize() > el.rect.h - 4 or any(font.size(x)[0] > el.rect.w - 12 for x in lines):
                out.append(f"{el.text!r} in {size}px bold does not fit its {el.rect.size}")
            continue
        if isinstance(el, pygame_gui.elements.UIButton) and el.object_ids[-1] != dialog.WRAPPED:
            font = button_font
        elif isinstance(el, pygame_gui.elements.UILabel):
            font = label_font
        else:
            continue
        tw, th = font.size(el.text)
        if tw + 4 > el.rect.w or font.get_linesize() > el.rect.h:
            out.append(f"{el.text!r} ({tw}×{font.get_linesize()}px) does not fit its {el.rect.size}")
    return out


@pytest.fixture(scope="module")
def finished(rules):
    """A classroom game played to its end, Stalin's seat a person with a long name."""
    m = Match.new(rules, "crisis_1923", 11, {})
    while not m.over:
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", LONG_NAME)
    return m


def _longest(names) -> str:
    return max(names, key=len)


def _screens(app, match):
    """(name, a function that puts the screen on show and returns the states to look at).  Each
    state is a function that makes it so (None: as built)."""
    rules = app.rules
    fake_board = types.SimpleNamespace(match=match, view=match.view("stalin"), menu=lambda: None)
    longest_faction = max(rules.factions, key=lambda f: len(rules.factions[f].name))
    closed = book(match).closed()
    busiest = max(closed, key=lambda q: len(book(match).summary("stalin", q).votes))

    def newgame_states(scene):
        """Every page of the list; where the screen is two pages, the players' page too."""
        states = [scene.next_page] * (scene.pages() - 1)
        if scene.step is not None:
            states.append(scene._to("players"))
        return states

    def encyclopedia_states(scene):
        states = []
        for i in range(len(CATEGORIES)):

            def pick(i=i):
                scene._pick(i)()

            states.append(pick)
            n = len(scene.entries_of(i))
            for index in range(0, n, 3):

                def go(index=index):
                    scene.index = index

                states.append(go)
        return states

    # a teacher's preset with the longest team names, locked, history hidden, a timer of an odd length
    lesson = Preset(
        "crisis_1923",
        {f: Seat("human", "simple", LONG_NAME) for f in rules.scenarios["crisis_1923"].factions},
        seed=123456789012345678,
        title="x" * 40 + " the longest title " + "y" * 21,
        locked=True,
        hide_history=True,
        turn_seconds=3599,
    )

    def debrief_states(scene):
        """Every section of the first faction; the timeline and goals of each other faction (the
        charts are drawn for one: they are one picture, sized to the area)."""
        states = [scene._pick_section(key) for key, _label, _tip in SECTIONS]
        for f in scene.debrief.factions[1:]:
            states += [scene._pick_faction(f.faction), scene._pick_section("timeline"), scene._pick_section("goals")]
        return states

    return [
        ("menu", lambda: MenuScene(app), None),
        ("new game", lambda: NewGameScene(app), newgame_states),
        ("new game from a locked preset", lambda: NewGameScene(app, lesson, rules), newgame_states),
        ("presets", lambda: PresetsScene(app), None),
        ("save as preset", lambda: SavePresetScene(app, lesson), None),
        ("documents", lambda: DocumentsScene(app), None),
        # the thesis at its longest passage, and the essay whose lines are whole paragraphs
        ("reader", lambda: ReaderScene(app, "seeds/001_4e889e92fdabce2b.txt", 2167, 2171), None),
        ("reader of paragraphs", lambda: ReaderScene(app, "seeds/003_c883042536804572.txt", 40, 44), None),
        (
            "sources",
            lambda: SourcesScene(app, "Sources — " + longest_faction, rules.factions[longest_faction].source),
            None,
        ),
        ("settings", lambda: SettingsScene(app), None),
        ("load", lambda: LoadScene(app), None),
        ("save", lambda: SaveScene(app), None),
        ("encyclopedia", lambda: EncyclopediaScene(app), encyclopedia_states),
        ("guide", lambda: GuideScene(app), None),
        ("briefing", lambda: BriefingScene(app, "crisis_1923", longest_faction), None),
        ("hand-off", lambda: HandoffScene(app, fake_board, "stalin"), None),
        (
            "results",
            lambda: ResultsScene(app, book(match).summary("stalin", busiest), match.view("stalin")),
            None,
        ),
        ("history", lambda: HistoryScene(app, match, "stalin", closed), None),
        ("end", lambda: EndScene(app, match), None),
        ("debrief", lambda: DebriefScene(app, match, "x" * 20 + " long name of a save " + "y" * 23), debrief_states),
        (
            "game menu",
            lambda: dialog.MessageScene(
                app,
                "Game menu",
                "The game is saved automatically.",
                [("Main menu", None), ("Settings", None), ("Back to game", None)],
                0.6,
                0.4,
            ),
            None,
        ),
        (
            "confirm",
            lambda: dialog.MessageScene(
                app,
                _longest(a.name for a in rules.actions.values()),
                "Are you sure?",
                [("Yes, do it", None), ("Cancel", None)],
                0.5,
                0.4,
            ),
            None,
        ),
        (
            "sources",
            lambda: dialog.MessageScene(
                app, f"Sources — {_longest(o.name for o in rules.offices.values())}", "…", None, 0.8, 0.8
            ),
            None,
        ),
    ]


@pytest.mark.parametrize("scale", FONT_SCALES)
@pytest.mark.parametrize("dims", SIZES, ids=lambda d: f"{d[0]}x{d[1]}")
def test_every_screen_fits_at_every_size_and_scale(make_app, finished, dims, scale):
    app = make_app(settings=Settings(width=dims[0], height=dims[1], font_scale=scale))
    app.match = finished
    # saves to list, one with the longest name a save takes
    saves.save_named(finished, "x" * 20 + " long name of a save " + "y" * 23)
    saves.autosave(Match.new(app.rules, "crisis_1923", 3, {}))
    for name in ("Year 11 Tuesday", "x" * 30 + " a long preset name " + "y" * 14):
        preset = Preset("crisis_1923", {"trotsky": Seat("human", "simple", "Team B")})
        presets.write(preset, presets.path_of(saves.data_dir(), name))
    failures: list[str] = []
    for name, make, states in _screens(app, finished):
        monkeypatch = pytest.MonkeyPatch()  # its own: undoing it leaves the app's data folder set
        problems = _watch(monkeypatch, app)  # from the start: a scene cuts its labels as it builds
        scene = make()
        app.push(scene)
        for state in [None, *(states(scene) if states else [])]:
            if state is not None:
                problems = _watch(monkeypatch, app)
                state()
            frames(app)
            monkeypatch.undo()
            where = f"{dims} ×{scale} {name}"
            failures += [f"{where}: {p}" for p in problems + _widgets(app, scene)]
        while app.scene is not scene:
            app.pop()
        app.pop()
    assert failures == [], "\n".join(failures)


def _large_720p(make_app):
    app = make_app(settings=Settings(width=1280, height=720, font_scale=2.0))
    app.push(MenuScene(app))
    frames(app)
    return app


def test_at_720p_with_the_2x_font_every_scenario_and_mod_is_reached_whole_page_by_page(make_app):
    from game.ruleset.mods import list_mods

    app = _large_720p(make_app)
    click(app, button(app.scene, "New game"))
    ng = app.scene
    assert ng.step == "scenario" and ng.pages() > 1  # too much for one screen: pages, not a smaller face
    seen = []
    for page in range(ng.pages()):
        if page:
            click(app, button(ng, "More ▶"))
        seen += [b.text.removeprefix("● ").removeprefix("✓ ") for b, _ in ng.controls]
    names = [app.rules.scenarios[s].name for s in ng.ids]
    assert set(names) <= set(seen)  # each whole, on its button
    assert {f"{name} {version}" for _, name, version, _ in list_mods()} <= set(seen)
    assert not button(ng, "More ▶").is_enabled  # the last page
    # the last scenario (on a later page) is chosen; its details show its whole name
    last = ng.ids[-1]
    while app.rules.scenarios[last].name not in labels(ng):
        click(app, button(ng, "◀ Earlier"))
    click(app, button(ng, app.rules.scenarios[last].name))
    assert ng.scenario == last and app.rules.scenarios[last].name in ng.details()
    # the players' page, and Escape back to the scenario's
    click(app, button(ng, "Players ▶"))
    assert ng.step == "players" and set(ng.entries) == set(ng.factions())
    key(app, pygame.K_ESCAPE)
    assert app.scene is ng and ng.step == "scenario"
    click(app, button(ng, "Players ▶"))
    click(app, button(ng, "Start the game"))
    assert app.match is not None and app.match.scenario == last


def test_an_encyclopedia_entry_whose_name_wraps_is_chosen_by_a_click_on_any_of_its_lines(make_app):
    app = _large_720p(make_app)
    click(app, button(app.scene, "Encyclopedia"))
    enc = app.scene
    click(app, button(enc, "Offices"))
    frames(app)
    font = app.fonts.body(15)
    tall = [(i, r) for i, r in enc.rows if r.h > 2 * font.get_linesize()]
    assert tall  # some office's name takes two lines or more at this size
    i, r = tall[-1]
    pos = (r.centerx, r.bottom - 4)  # its last line
    frames(app, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)])
    assert enc.index == i and enc.record().name in enc.html()


def test_the_list_of_saves_pages_when_it_is_longer_than_the_window(make_app, finished):
    app = _large_720p(make_app)
    for n in range(12):
        saves.save_named(finished, f"save number {n}")
    click(app, button(app.scene, "Load a saved game"))
    load = app.scene
    assert load.pages > 1
    shown = set()
    for page in range(load.pages):
        if page:
            key(app, pygame.K_PAGEDOWN)
        shown |= {b.text.split(" · ")[0] for b, _ in load.controls}
    assert {f"save number {n}" for n in range(12)} <= shown
