"""The board's layout at every supported window size and font scale: no label is cut with an
ellipsis, no wrapped line is wider than its room (nor the action buttons' names a mod gives, nor
the thinking sign's latest news), no control falls outside the window or on another, every column
is wide enough to read, and where the panels do not fit a column they are tabs, each reachable by
mouse and keyboard and each drawn whole.  A panel whose content is taller than its room scrolls
(pygame_gui's scrolling container) with its tooltips still right; the chronicle scrolls back a
line a notch.  The end screen's heading follows the font scale."""

from __future__ import annotations

import attrs
import pygame
import pytest

from game.engine.views import LogView, frozen_map
from game.match.match import Match, Seat
from game.ui import text
from game.ui.scenes import layout
from game.ui.settings import FONT_SCALES, Settings
from game.ui.settings import SIZES as WINDOW_SIZES
from tests.ui.drive import click, frames, key

SIZES = {"720p": ((1280, 720), 1.0), "1080p_2x": ((1920, 1080), 2.0)}


@pytest.fixture(scope="module")
def positions(rules):
    """Stalin's seat at the screen early in a classroom game, and in a campaign's last year."""
    out = []
    for scenario, turn in (("crisis_1923", 2), ("succession_1923", 20)):
        m = Match.new(rules, scenario, 11, {})
        while not m.over and not (m.state.turn >= turn and m.active == "stalin" and m.state.phase == "actions"):
            m.ai_move()
        m.seats["stalin"] = Seat("human", "simple", "Anna Petrovna Ivanova")
        out.append(m)
    return out


def _board(make_app, match, size, scale):
    app = make_app(settings=Settings(width=size[0], height=size[1], font_scale=scale))
    app.start_match(match)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    return app, board


def _watch_cuts(monkeypatch) -> list[str]:
    """Every label cut to fit, and every wrapped line wider than its room, while the board draws."""
    problems: list[str] = []
    fit, wrap, fitting = text.fit, text.wrap, text.fitting_lines
    probing = []

    def watched_fit(font, words, width):
        out = fit(font, words, width)
        if out != words:
            problems.append(f"cut: {words!r} → {out!r}")
        return out

    def watched_wrap(font, words, width):
        lines = wrap(font, words, width)
        if not probing:
            problems.extend(f"too wide for {width}px: {line!r}" for line in lines if font.size(line)[0] > width)
        return lines

    def watched_fitting(fonts, words, width, height=None, max_lines=None):
        probing.append(True)  # it tries each face in turn: only the lines it settles on count
        try:
            font, lines = fitting(fonts, words, width, height, max_lines)
        finally:
            probing.pop()
        problems.extend(f"too wide for {width}px: {line!r}" for line in lines if font.size(line)[0] > width)
        if height is not None and len(lines) * font.get_linesize() > height:
            problems.append(f"too tall for {height}px: {words!r}")
        return font, lines

    monkeypatch.setattr(text, "fit", watched_fit)
    monkeypatch.setattr(text, "wrap", watched_wrap)
    monkeypatch.setattr(text, "fitting_lines", watched_fitting)
    return problems


def _controls_in_the_window(app, board) -> list[str]:
    """Controls outside the window, or on top of another."""
    w, h = app.size
    rects = [(b.text, b.rect) for b, _ in board.controls]
    out = [f"{t!r} at {r} outside the window" for t, r in rects if not pygame.Rect(0, 0, w, h).contains(r)]
    for i, (t, r) in enumerate(rects):
        out += [f"{t!r} on {u!r}" for u, q in rects[i + 1 :] if r.colliderect(q)]
    return out


@pytest.mark.parametrize("scale", FONT_SCALES)
@pytest.mark.parametrize("dims", WINDOW_SIZES, ids=lambda d: f"{d[0]}x{d[1]}")
def test_no_text_on_the_board_is_cut_at_any_size_and_scale(make_app, positions, monkeypatch, dims, scale):
    """Every panel, on every tab, at every window size and font scale: nothing cut, nothing outside
    the window, every column wide enough to read and every panel inside its column."""
    for match in positions:
        app, board = _board(make_app, match, dims, scale)
        where = f"{dims} ×{scale} {match.scenario} {match.state.date_text()}"
        tabs = [k for c in board.geo.columns for k, _ in c.tabs]
        chosen = [None] + tabs  # first as laid out, then each tab chosen in turn
        for tab in chosen:
            if tab is not None:
                board.choose_tab(tab)
            problems = _watch_cuts(monkeypatch)
            frames(app)
            monkeypatch.undo()
            assert problems == [], f"{where} tab {tab}: {problems}"
            assert _controls_in_the_window(app, board) == [], where
            for column in board.geo.columns:
                assert column.rect.w >= layout.readable(app), where
                on_show = [board.tab(column)] if column.tabs else column.keys
                for k in on_show:
                    panel = board.panels[k]
                    assert column.rect.contains(panel.rect) and panel.rect.h > 0, f"{where}: {k} at {panel.rect}"
                    assert panel.rect.bottom <= board.geo.bar.y, where
            if tab is not None:
                assert board.panels[tab].rect.h > 0 and board.tab(board.geo.column_of(tab)) == tab
        # where the columns would be too narrow or short, the panels are tabs; never at the normal size
        if dims == (1280, 720) and scale >= 1.5:
            assert tabs, where
        if scale == 1.0:
            assert not tabs, where


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_at_720p_with_a_large_font_the_panels_are_tabs_reached_by_mouse_and_keyboard(make_app, positions, scale):
    app, board = _board(make_app, positions[0], (1280, 720), scale)
    frames(app)
    column = board.geo.column_of("chronicle")
    assert column.tabs and board.tab(column) != "chronicle"
    assert board.panels["chronicle"].rect.h == 0  # not on show
    tab = next(b for b, _ in board.controls if b.text == "Chronicle")
    click(app, tab)
    assert board.tab(board.geo.column_of("chronicle")) == "chronicle" and board.panels["chronicle"].rect.h > 0
    assert next(b for b, _ in board.controls if b.text == "Chronicle").object_ids[-1] == "#tab_chosen"
    # by keyboard: Tab to the "Agenda" tab, Enter
    board.focus = -1
    for _ in range(len(board.controls)):
        key(app, pygame.K_TAB)
        if board.controls[board.focus][0].text == "Agenda":
            break
    key(app, pygame.K_RETURN)
    assert board.tab(board.geo.column_of("agenda")) == "agenda" and board.panels["agenda"].rect.h > 0
    assert board.panels["chronicle"].rect.h == 0


def test_a_panel_taller_than_its_room_scrolls_and_its_tooltips_follow(make_app, positions, monkeypatch):
    app, board = _board(make_app, positions[0], *SIZES["1080p_2x"])
    frames(app)
    offices = board.panels["offices"]
    assert offices.scrolls  # eleven offices do not fit at this size
    box, image = offices.box, offices.area
    assert image.rect.h > box.rect.h
    top = image.rect.y
    first = board.tip_at((box.rect.x + 20, box.rect.y + 10))
    assert first.startswith(app.rules.offices[next(iter(board.view.offices))].name)
    inside = box.rect.center
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: inside)  # pygame_gui reads the pointer itself
    for _ in range(40):  # the mouse wheel, over the panel, down to its end
        frames(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=inside, rel=(1, 1), buttons=(0, 0, 0))])
        frames(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0)])
    assert image.rect.y < top  # scrolled
    last = list(board.view.offices)[-1]
    bottom = board.tip_at((box.rect.x + 20, box.rect.bottom - 6))
    assert bottom.startswith(app.rules.offices[last].name), bottom


def test_a_panel_that_fits_does_not_scroll(make_app, positions):
    app, board = _board(make_app, positions[0], *SIZES["720p"])
    frames(app)
    press = board.panels["press"]
    assert not press.scrolls and not board.panels["factions"].scrolls
    spot = next(r for r, tip in press.spots if tip.startswith("Pravda:"))
    assert board.tip_at(spot.move(press.inner.topleft).center).startswith("Pravda:")


@pytest.mark.parametrize("size", SIZES)
def test_the_thinking_sign_is_drawn_over_the_action_bar(make_app, rules, size):
    from game.ui import theme

    m = Match.new(rules, "crisis_1923", 11, {})
    while m.active == "stalin":
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    app, board = _board(make_app, m, *SIZES[size])
    frames(app)
    assert not m.seat().is_human and board.controls  # the computer's turn; the bar's buttons are there
    bar = board.geo.bar
    button = next(b for b, _ in board.controls if b.rect.colliderect(bar))
    assert tuple(app.screen.get_at((button.rect.x + 3, button.rect.centery)))[:3] == theme.BLACK


def test_changing_the_window_and_font_from_the_board_lays_it_out_again(make_app, positions):
    from game.ui.scenes.settings import SettingsScene

    app, board = _board(make_app, positions[0], *SIZES["720p"])
    frames(app)
    app.push(SettingsScene(app))
    frames(app)
    app.apply_settings(Settings(width=1920, height=1080, font_scale=2.0))
    frames(app)
    boxes = [p.box for p in board.panels.values() if p.scrolls]
    assert not any(box.visible for box in boxes)  # nothing shows through the settings
    app.pop()
    frames(app)
    assert app.size == (1920, 1080) and board.geo.bar.w == 1920 - 16
    assert board.panels["offices"].scrolls
    boxes = [p.box for p in board.panels.values() if p.scrolls]
    assert all(box.alive() and box.visible for box in boxes)
    assert all(box.rect.right <= 1920 and box.rect.bottom <= board.geo.bar.y for box in boxes)


def test_the_computers_move_is_drawn_over_the_frames_after_the_one_that_plays_it(make_app, rules, monkeypatch):
    from game.ui.scenes import board as board_scene

    m = Match.new(rules, "crisis_1923", 11, {f: Seat("ai", "hard") for f in rules.scenarios["crisis_1923"].factions})
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    while m.active == "stalin":
        m.ai_move()
    app, board = _board(make_app, m, *SIZES["720p"])
    started = []
    real = layout.board_steps
    monkeypatch.setattr(
        layout, "board_steps", lambda scene, surface: (started.append(scene.match.digest()), real(scene, surface))[1]
    )
    monkeypatch.setattr(board_scene, "DRAW_BUDGET", 0.0)  # one step a frame
    frames(app)
    board.wait_for_ai()
    n, before = len(m.record.actions), len(started)
    old, old_spots = board.picture, board.panels["offices"].spots
    app.frame([])  # plays the move
    assert len(m.record.actions) == n + 1 and len(started) == before and board.cache is None
    steps = 0
    while board.cache is None:
        app.frame([])  # a step of the new picture; the last one stays on screen until it is whole
        steps += 1
        assert started[-1] == m.digest() and len(started) == before + 1
        if board.cache is None:
            assert board.picture is old and board.panels["offices"].spots is old_spots and board.future is None
            assert app.screen.get_at((5, 5)) == old.get_at((5, 5))
    assert 5 < steps < 40 and board.picture is board.cache and board.panels["offices"].spots is not old_spots
    # a picture of another seat's view is never left up, not even for a frame
    board.defer, board.gradual, board.cache, board.drawn_for = True, True, None, "trotsky"
    count = len(started)
    app.frame([])
    assert len(started) == count + 1 and board.cache is not None and board.drawn_for == board.viewer


def test_the_players_own_move_is_drawn_in_the_frame_after_it(make_app, positions):
    app, board = _board(make_app, positions[0], *SIZES["720p"])
    frames(app)
    board.changed()  # as after the player's move, or a seat at the screen that changed
    app.frame([])
    assert board.cache is not None and board.steps is None


LONG_NAME = "Denounce the opposition's platform in a letter to every provincial committee"
LONG_ACTION = f"""\
format_version: 1
actions:
  - id: denounce_the_opposition
    name: {LONG_NAME}
    kind: publish
    cost: {{ap: 1, influence: 1}}
    params: {{opinion: 8, prestige: 1, mantle: 1, sympathy: 3, reach_par: 2, per_quarter: 2}}
    text: "Argue your line in a circular letter to the party's provincial committees."
    source:
      - seed: seeds/001_4e889e92fdabce2b.txt
        lines: 2070-2072
        quote: "attacked Trotsky through the press media"
"""


@pytest.fixture(scope="module")
def modded(tmp_path_factory):
    """The base rules with a mod whose action has a long name."""
    from game.ruleset.loader import load_base

    folder = tmp_path_factory.mktemp("mods") / "long_names"
    folder.mkdir()
    (folder / "mod.yaml").write_text(
        'id: long_names\nname: "Long names"\nversion: "1.0.0"\nformat_version: 1\n', encoding="utf-8"
    )
    (folder / "actions.yaml").write_text(LONG_ACTION, encoding="utf-8")
    return load_base((folder,))


@pytest.mark.parametrize("size", SIZES)
def test_an_action_a_mod_adds_shows_its_whole_name_wrapped_in_its_button(make_app, modded, monkeypatch, size):
    m = Match.new(modded, "crisis_1923", 11, {})
    while not (m.active == "stalin" and m.state.phase == "actions"):
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    dims, scale = SIZES[size]
    app = make_app(rules=modded, settings=Settings(width=dims[0], height=dims[1], font_scale=scale))
    app.start_match(m)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    app.fonts.memo.clear()
    problems = _watch_cuts(monkeypatch)
    frames(app)
    button = next(b for b, _ in board.controls if b.text == LONG_NAME)  # the whole name, not cut
    font, lines = layout.label_lines(app, button.text, button.rect.w)
    # (the board's other labels are the first test's: here an action more takes a row of the bar
    # at 1920×1080, and the map's tiles are shorter for it)
    assert [p for p in problems if "Denounce" in p] == []
    assert len(lines) > 1 and " ".join(lines) == LONG_NAME
    assert all(font.size(line)[0] <= button.rect.w - 8 for line in lines)
    assert len(lines) * font.get_linesize() <= button.rect.h
    assert button.rect.bottom <= board.geo.bar.bottom and board.geo.bar.bottom <= app.size[1]
    # the base actions keep their one-line labels, drawn by pygame_gui
    assert all(layout.label_fits(app, b.text, b.rect.w) for b, _ in board.controls if b.text != LONG_NAME)


@pytest.mark.parametrize("size", SIZES)
def test_the_thinking_sign_shows_the_latest_news_whole(make_app, positions, monkeypatch, size):
    app, board = _board(make_app, positions[0], *SIZES[size])
    frames(app)
    news = " ".join(["The Central Committee hears the long report of the commission on the Georgian affair"] * 10)
    latest = LogView(board.view.turn, "event", "log", frozen_map({"text": news}))
    board._view = attrs.evolve(board.view, log=(*board.view.log, latest))  # a long piece of news the latest
    drawn = []
    problems = _watch_cuts(monkeypatch)
    real = text.render
    monkeypatch.setattr(
        text, "render", lambda font, words, *a, **k: (drawn.append(words), real(font, words, *a, **k))[1]
    )
    board._thinking(app.screen)
    assert problems == []
    lines = drawn[drawn.index(next(w for w in drawn if w.startswith("Latest:"))) :]
    assert " ".join(lines) == "Latest: " + news  # every word, none cut
    sign = board.sign.cache[1]
    assert sign.get_width() <= board.geo.bar.w - 100


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_end_screens_heading_follows_the_font_scale(positions, scale):
    import re

    from game.present import ending
    from game.ui.scenes.dialog import escape
    from game.ui.scenes.end import summary_html
    from game.ui.theme import gui_theme

    html = summary_html(positions[0].rules, positions[0], scale)
    heading = int(re.search(r"<font pixel_size=(\d+)><b>", html).group(1))
    body = int(gui_theme(scale)["text_box"]["font"]["size"])
    assert heading > body and heading == round(20 * scale)
    # the results lead, with what they measure under them
    assert escape(ending.MEASURED_NOTE) in html


@pytest.mark.parametrize("size", SIZES)
def test_the_encyclopedias_buttons_show_their_labels_whole(make_app, size):
    from game.ui.scenes.encyclopedia import EncyclopediaScene

    dims, scale = SIZES[size]
    app = make_app(settings=Settings(width=dims[0], height=dims[1], font_scale=scale))
    app.push(EncyclopediaScene(app))
    frames(app)
    buttons = [b for b, _ in app.scene.controls]
    assert any(b.text == "Read the cited passages" for b in buttons)
    assert all(layout.button_width(app, b.text) <= b.rect.w for b in buttons), [
        (b.text, b.rect.w) for b in buttons if layout.button_width(app, b.text) > b.rect.w
    ]
    for a in buttons:  # and no button runs into another
        assert not any(a is not b and a.rect.colliderect(b.rect) for b in buttons)


def test_the_chronicle_scrolls_back_a_line_a_notch_to_its_oldest_line(make_app, positions, monkeypatch):
    app, board = _board(make_app, positions[1], (1280, 720), 1.0)  # a campaign's last year: a long chronicle
    frames(app)
    chronicle = board.panels["chronicle"]
    inside = chronicle.rect.center
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: inside)
    every = [w for w, _ in chronicle.lines(board.view, chronicle.inner.w - 4, 10**6)]  # oldest first
    rows = chronicle.inner.h // app.fonts.body(12).get_linesize()
    assert len(every) > rows + 40
    real = text.render

    def notch(y) -> list[str]:
        """The chronicle's lines drawn after a notch of the wheel."""
        shown = []
        monkeypatch.setattr(text, "render", lambda f, words, *a, **k: (shown.append(words), real(f, words, *a, **k))[1])
        frames(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y))])
        monkeypatch.setattr(text, "render", real)
        return [w for w in shown if w in every]

    for n in range(1, 41):  # each notch a line further back, however tall the entries
        lines = notch(1)
        assert chronicle.back == n
        assert lines == every[len(every) - rows - n : len(every) - n]
    last = []
    for _ in range(len(every)):  # on to the oldest line, and no further
        last = notch(1) or last
    assert chronicle.back == len(every) - rows and last == every[:rows]
    for _ in range(len(every)):
        last = notch(-1) or last
    assert chronicle.back == 0 and last == every[-rows:]


@pytest.mark.parametrize("dims,scale", [((1280, 720), 1.0), ((1280, 720), 2.0)])
def test_the_first_turns_objectives_say_the_standing_is_if_the_game_ended_now(
    make_app, rules, monkeypatch, dims, scale
):
    m = Match.new(rules, "crisis_1923", 11, {})
    m.seats[m.active] = Seat("human", "simple", "Anna")  # the first seat, before anything is done
    app, board = _board(make_app, m, dims, scale)
    obj = board.view.objectives
    assert obj.points > 0 and m.state.turn == 0 and not m.record.actions  # "7 POINTS: VICTORY" once
    if board.geo.column_of("objectives").tabs:
        board.choose_tab("objectives")
    drawn: list[str] = []
    real = text.render
    monkeypatch.setattr(text, "render", lambda f, w, *a, **k: (drawn.append(w), real(f, w, *a, **k))[1])
    frames(app)
    monkeypatch.undo()
    title = next(w for w in drawn if "OBJECTIVES" in w)
    assert title in ("YOUR OBJECTIVES", "OBJECTIVES") or "IF THE GAME ENDED NOW" in title or "IF IT ENDED NOW" in title
    assert not any(w.split(" — ")[-1].startswith(f"{obj.points} POINTS") for w in drawn)
    assert any(w.startswith("If the game ended now:") for w in drawn)  # said in the panel itself
    panel = board.panels["objectives"]
    spot = panel.spots[0][0].move(panel.inner.topleft)
    assert board.tip_at(spot.center).startswith("If the game ended now:")


def test_a_hand_off_puts_every_column_of_tabs_back_at_its_first_panel(make_app, positions, monkeypatch):
    app, board = _board(make_app, positions[1], (1280, 720), 2.0)
    frames(app)
    column = board.geo.column_of("chronicle")
    first = column.keys[0]
    board.choose_tab("chronicle")
    frames(app)
    inside = board.panels["chronicle"].rect.center
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: inside)
    frames(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=3, flipped=False, precise_x=0.0, precise_y=3.0)])
    assert board.tab(column) == "chronicle" and board.chronicle_scroll == 3
    board.forget()  # as the hand-off to the next seat does
    frames(app)
    column = board.geo.column_of("chronicle")
    assert board.tab(column) == first and board.panels["chronicle"].rect.h == 0 and board.chronicle_scroll == 0
    assert next(b for b, _ in board.controls if b.text == board.panels[first].tab).object_ids[-1] == "#tab_chosen"


def test_page_up_and_down_scroll_a_panel_from_the_keyboard(make_app, positions):
    app, board = _board(make_app, positions[1], (1920, 1080), 2.0)
    frames(app)
    chronicle = board.panels["chronicle"]
    key(app, pygame.K_PAGEUP)  # the pointer over no panel: the chronicle, a page back
    rows = chronicle.inner.h // app.fonts.body(12).get_linesize()
    assert chronicle.back == rows - 1
    key(app, pygame.K_PAGEDOWN)
    assert chronicle.back == 0
    offices = board.panels["offices"]
    assert offices.scrolls and offices.top == 0
    board.mouse = offices.rect.center  # the pointer over the offices
    key(app, pygame.K_PAGEDOWN)
    frames(app)
    assert offices.top > 0 and chronicle.back == 0
    key(app, pygame.K_PAGEUP)
    frames(app)
    assert offices.top == 0


def test_page_down_scrolls_the_panel_whose_tab_has_the_focus(make_app, positions):
    app, board = _board(make_app, positions[1], (1280, 720), 2.0)
    frames(app)
    board.mouse = (-1, -1)
    assert board.tab(board.geo.column_of("map")) == "map"
    board.focus = next(i for i, (b, _) in enumerate(board.controls) if b.text == "Map")
    key(app, pygame.K_PAGEDOWN)
    frames(app)
    assert board.panels["map"].scrolls and board.panels["map"].top > 0


def test_the_band_says_in_full_what_it_has_no_room_for(make_app, positions):
    app, board = _board(make_app, positions[0], (1280, 720), 2.0)
    frames(app)
    tip = board.tip_at((20, board.geo.band // 2))
    view = board.view
    assert tip.startswith(f"{view.date} · turn {view.turn + 1} of {view.turns} · ")
    assert tip.endswith("At the screen: Anna Petrovna Ivanova — Stalin and the Centre.")
