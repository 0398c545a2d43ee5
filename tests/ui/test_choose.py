"""The target lists: every legal target the terminal offers is reached in the window with real input
(the action's button clicked, the number typed; the mouse wheel and a click; the arrow keys and
Enter), in each classroom scenario's first two quarters for every faction; numbers stay with their
targets when one drops out; no label is cut and every control is inside the window at 1280×720 ×1
and ×2 and 1920×1080 ×2."""

from __future__ import annotations

import sys

import pygame
import pytest

from game.match.match import Match, Seat
from game.present import phrases
from game.ui import text
from game.ui.scenes.board import action_button_label
from game.ui.scenes.choose import TargetScene, choices, made_for
from game.ui.settings import Settings
from tests.ui.drive import (
    button,
    click,
    click_then_keys,
    frames,
    key,
    scroll_into_view,
    type_number,
    wheel,
)

CLASSROOM = ("crisis_1923", "united_opposition_1926", "right_last_stand_1928")
SIZES = {"720p": ((1280, 720), 1.0), "720p_2x": ((1280, 720), 2.0), "1080p_2x": ((1920, 1080), 2.0)}


def _at(rules, scenario: str, faction: str, quarter: int, seed: int = 11) -> Match | None:
    """The match at ``faction``'s first move in the scenario's ``quarter``-th quarter (0 first),
    the other seats played by the computer; None if it has no move then."""
    m = Match.new(rules, scenario, seed, {})
    turn = m.state.turn + quarter
    while not m.over and m.state.turn <= turn:
        if m.state.turn == turn and m.active == faction and m.state.phase == "actions":
            if not m.view(faction).pending_choice:
                m.seats[faction] = Seat("human", "simple", "Anna")
                return m
        m.ai_move()
    return None


def _board(make_app, match, size=(1280, 720), scale=1.0, app=None):
    """The board of ``match`` at the screen (in ``app`` if given, else a new window)."""
    app = app or make_app(settings=Settings(width=size[0], height=size[1], font_scale=scale))
    app.start_match(match)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    frames(app)
    return app, board


def _lists(app, board):
    """The terminal's lists of targets: each action with more than one legal variant."""
    view = board.view
    return [(e.action_id, e.actions) for e in phrases.menu(app.rules, view, app.match.legal()) if len(e.actions) > 1]


def _picked(board, monkeypatch) -> list:
    """What the window submits from here on (recorded instead of played, so that every target of
    one position can be tried)."""
    got: list = []
    monkeypatch.setattr(board, "submit_checked", got.append)
    return got


def _open(app, board, action_id: str) -> TargetScene:
    click(app, button(board, action_button_label(app.rules, action_id)))
    assert isinstance(app.scene, TargetScene), type(app.scene).__name__
    return app.scene


def _trail(scene: TargetScene, action):
    """The choices that lead to ``action``, from the list on show."""

    def walk(row):
        for c in row:
            if c.action == action:
                return [c]
            deeper = walk(c.children)
            if deeper:
                return [c, *deeper]
        return None

    found = walk(scene.here)
    assert found, f"{action} is not in the list"
    return found


def _row(scene: TargetScene, choice):
    return next(b for b, c, _ in scene.rows if c is choice)


def _by_number(app, scene: TargetScene, action) -> None:
    """Reach ``action`` by typing each step's number (Enter where the number is the start of
    another)."""
    for choice in _trail(scene, action):
        here = scene.here
        type_number(app, choice.number)
        if app.scene is scene and scene.here is here:  # waiting for another digit
            assert scene.typed == str(choice.number) and scene.rows[scene.focus][1] is choice
            key(app, pygame.K_RETURN)


def _keys_to(tree, action) -> list[int]:
    """The keys that pick ``action`` from a list that shows ``tree``: each step's number, and Enter
    where it is the start of another number on that step."""
    here = tree
    while len(here) == 1 and here[0].children:  # the list opens inside a lone group
        here = here[0].children
    keys: list[int] = []
    while True:
        c = next(c for c in here if action in {leaf.action for leaf in _leaves([c])})
        keys += [getattr(pygame, f"K_{d}") for d in str(c.number)]
        if any(o is not c and str(o.number).startswith(str(c.number)) for o in here):
            keys.append(pygame.K_RETURN)
        if c.action is not None:
            return keys
        here = c.children


def _by_wheel_and_click(app, scene: TargetScene, action) -> int:
    """Reach ``action`` with the mouse: the wheel over the list until its row shows, then a click
    at the row's centre; returns the notches turned."""
    turned = 0
    for choice in _trail(scene, action):
        row = _row(scene, choice)
        turned += scroll_into_view(app, scene.list_box, row)
        click(app, row)
    return turned


def _by_keys(app, scene: TargetScene, action) -> None:
    """Reach ``action`` with the arrow keys and Enter; the focused row is always in view."""
    for choice in _trail(scene, action):
        while scene.rows[scene.focus][1] is not choice:
            key(app, pygame.K_DOWN)
            assert scene.list_box.rect.contains(scene.rows[scene.focus][0].rect)
        key(app, pygame.K_RETURN)


POSITIONS = [(s, f, q) for s in CLASSROOM for f in ("stalin", "trotsky", "zinoviev", "bukharin") for q in (0, 1)]


@pytest.mark.parametrize("scenario", CLASSROOM)
def test_every_target_the_terminal_offers_is_reached_in_the_window(make_app, rules, monkeypatch, scenario):
    reached, app = 0, None
    for _, faction, quarter in [p for p in POSITIONS if p[0] == scenario]:
        match = _at(rules, scenario, faction, quarter)
        if match is None:
            continue
        app, board = _board(make_app, match, app=app)
        picked = _picked(board, monkeypatch)
        lists = _lists(app, board)
        for action_id, targets in lists:
            for i, target in enumerate(targets):
                if 0 < i < len(targets) - 1:  # the button pressed and the numbers typed at speed
                    keys = _keys_to(made_for(board, targets), target)
                    click_then_keys(app, button(board, action_button_label(app.rules, action_id)), keys)
                    assert picked[-1] == target and app.scene is board, (scenario, faction, quarter, target)
                    reached += 1
                    continue
                scene = _open(app, board, action_id)
                assert {c.action for c in _leaves(scene.tree)} == set(targets)  # the terminal's, no more
                if i == len(targets) - 1:
                    _by_wheel_and_click(app, scene, target)  # the last one, the farthest down
                else:
                    _by_number(app, scene, target)  # a key at a time
                assert picked[-1] == target and app.scene is board, (scenario, faction, quarter, target)
                reached += 1
        monkeypatch.undo()
    assert reached > 300


def _leaves(row):
    for c in row:
        if c.action is not None:
            yield c
        yield from _leaves(c.children)


def test_the_arrow_keys_reach_the_last_figure_and_keep_it_in_view(make_app, rules, monkeypatch):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    picked = _picked(board, monkeypatch)
    targets = [a for a in app.match.legal() if a.name == "cultivate_figure"]
    scene = _open(app, board, "cultivate_figure")
    last = scene.rows[-1]
    assert not scene.list_box.rect.contains(last[0].rect)  # 28 figures do not fit: the list scrolls
    _by_keys(app, scene, last[1].action)
    assert picked == [last[1].action] and last[1].action in targets
    # Tab moves as the arrows do, Home and End go to the ends, Escape leaves without a choice
    scene = _open(app, board, "cultivate_figure")
    key(app, pygame.K_TAB)
    assert scene.focus == 1
    key(app, pygame.K_END)
    assert scene.focus == len(scene.rows) - 1 and scene.list_box.rect.contains(scene.rows[-1][0].rect)
    key(app, pygame.K_PAGEUP)
    assert scene.focus < len(scene.rows) - 1 and scene.list_box.rect.contains(scene.rows[scene.focus][0].rect)
    key(app, pygame.K_HOME)
    assert scene.focus == 0 and scene.list_box.rect.contains(scene.rows[0][0].rect)
    key(app, pygame.K_ESCAPE)
    assert app.scene is board and picked == [last[1].action]


def test_a_motion_is_chosen_step_by_step_and_back_goes_up_a_step(make_app, rules, monkeypatch):
    app, board = _board(make_app, _at(rules, "crisis_1923", "zinoviev", 0))
    picked = _picked(board, monkeypatch)
    scene = _open(app, board, "propose_motion")
    assert [c.label for c in scene.here] == ["Appoint to an office", "Remove from an office", "Adopt a policy line"]
    assert [c.number for c in scene.here] == [1, 2, 9]  # their places in the motions' file
    assert scene.prompt() == "Which motion?"
    click(app, _row(scene, scene.here[0]))
    assert scene.prompt() == "Appoint to an office — which office?"
    for office in scene.here:  # numbered by the offices' file, the figures under each by theirs
        oid = next(_leaves([office])).action.args[1]
        assert office.number == list(rules.offices).index(oid) + 1
        assert office.label.startswith(rules.offices[oid].name)  # with its one candidate, if only one
        for c in office.children:
            assert c.number == list(rules.figures).index(c.action.args[2]) + 1
    # each office's row says how the vote would go: the engine's forecast, inline
    # (what its candidates' forecasts share: the vote depends on the office, not on the figure)
    for c in scene.here:
        cards = [phrases.action_card(app.rules, board.view, leaf.action).preview for leaf in _leaves([c])]
        assert c.forecast and all(line in card for card in cards for line in c.forecast)
    click(app, button(scene, "Back"))
    assert scene.prompt() == "Which motion?" and scene.rows[scene.focus][1].label == "Appoint to an office"
    click(app, _row(scene, scene.here[1]))
    remove_war = next(c for c in scene.here if c.label == "People's Commissar for War")
    assert remove_war.action.args == ("remove_office", "war_commissar")  # the motion Zinoviev needs
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)
    assert app.scene is board and picked == []
    # a list with one group goes straight into it, and Escape there leaves
    one = [a for a in app.match.legal() if a.name == "propose_motion" and a.args[0] == "remove_office"]
    app.push(TargetScene(app, board, "propose_motion", one))
    frames(app)
    assert app.scene.prompt() == "Remove from an office — which office?"
    assert "Back" not in [b.text for b, _ in app.scene.controls]
    key(app, pygame.K_ESCAPE)
    assert app.scene is board


def test_a_target_that_drops_out_does_not_move_the_others_numbers(make_app, rules, monkeypatch):
    match = _at(rules, "crisis_1923", "trotsky", 0)
    app, board = _board(make_app, match)
    scene = _open(app, board, "mass_appeal")
    before = {c.action.args: c.number for c in scene.here}
    moscow = next(c for c in scene.here if c.action.args == ("moscow",))
    assert moscow.number == 1
    key(app, pygame.K_ESCAPE)
    # the player appeals to Moscow, the others move, and it is Trotsky's turn again this quarter
    click(app, button(board, action_button_label(app.rules, "mass_appeal")))
    type_number(app, 1)
    key(app, pygame.K_RETURN)  # 1 is the start of 10, 11 and 12: Enter picks 1
    assert match.record.actions[-1].args == ("moscow",)
    turn = match.state.turn
    board.done()  # the player has seen the appeal go out
    for _ in range(200):
        if match.active == "trotsky" and app.scene is board:
            break
        if app.scene is board:
            board.wait_for_ai()
        else:
            app.pop()  # a results screen or a message: seen
        frames(app)
    assert match.state.turn == turn and match.active == "trotsky"
    scene = _open(app, board, "mass_appeal")
    after = {c.action.args: c.number for c in scene.here}
    assert ("moscow",) not in after and len(after) == len(before) - 1
    assert after == {args: n for args, n in before.items() if args in after}
    # and the same keys pick the same regions as before: 2 is still Leningrad
    picked = _picked(board, monkeypatch)
    type_number(app, 2)
    assert [a.args for a in picked] == [("leningrad",)]


def test_each_choice_shows_its_forecast_and_what_all_share_is_said_once(make_app, rules, monkeypatch):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    scene = _open(app, board, "mass_appeal")
    cards = {c.action: phrases.action_card(app.rules, board.view, c.action).preview for c in scene.here}
    shared = [line for line in next(iter(cards.values())) if all(line in card for card in cards.values())]
    assert shared and scene.shared() == tuple(shared)  # the cost in influence, exposure, the mood
    said = " ".join(line for _, lines, _, _ in scene.texts for line in lines)
    assert all(line in said for line in shared)
    for _, c, lines in scene.rows:
        own = [line for line in cards[c.action] if line not in shared]
        assert own  # the region's sympathy
        shown = " ".join(line for _, line in lines)
        assert all(line in shown for line in own) and not any(line in shown for line in shared)


def test_numbers_come_from_the_rule_tables(rules):
    match = _at(rules, "crisis_1923", "trotsky", 0)
    view = match.view("trotsky")
    figures = [a for a in match.legal() if a.name == "cultivate_figure"]
    row = choices(rules, view, figures)
    assert [c.number for c in row] == sorted(list(rules.figures).index(a.args[0]) + 1 for a in figures)
    fewer = choices(rules, view, [a for a in figures if a.args[0] != "rykov"])
    assert {c.label: c.number for c in fewer} == {c.label: c.number for c in row if c.label != "Alexei Rykov"}


def _watch(monkeypatch) -> tuple[list[str], list[str]]:
    """Every label the target list cuts to fit, and every line it wraps wider than its room (the
    board under it is another test's); and the words it wrapped."""
    problems: list[str] = []
    wrapped: list[str] = []
    fit, wrap = text.fit, text.wrap

    def mine() -> bool:
        return sys._getframe(2).f_globals["__name__"] in (TargetScene.__module__, "game.ui.scenes.dialog")

    def watched_fit(font, words, width):
        out = fit(font, words, width)
        if out != words and mine():
            problems.append(f"cut: {words!r} → {out!r}")
        return out

    def watched_wrap(font, words, width):
        lines = wrap(font, words, width)
        if mine():
            wrapped.append(words)
            problems.extend(f"too wide for {width}px: {line!r}" for line in lines if font.size(line)[0] > width)
        return lines

    monkeypatch.setattr(text, "fit", watched_fit)
    monkeypatch.setattr(text, "wrap", watched_wrap)
    return problems, wrapped


def _check_fits(app, scene: TargetScene) -> None:
    """Every control inside the window and the dialog; every row holds its lines; the words
    drawn are the choices' whole labels and forecasts."""
    window = pygame.Rect((0, 0), app.size)
    box = scene.box()
    assert window.contains(box)
    for b, _ in scene.controls:
        if b in (row for row, _, _ in scene.rows):
            continue
        assert box.contains(b.rect), (b.text, b.rect, box)
    assert box.contains(scene.list_box.rect)
    for b, c, lines in scene.rows:
        assert b.rect.w <= scene.list_box.rect.w - 20
        assert sum(font.get_linesize() for font, _ in lines) + 2 * scene.pad <= b.rect.h
        assert scene.num_w + scene.pad + max(font.size(line)[0] for font, line in lines) <= b.rect.w
        label_words = " ".join(line for font, line in lines if font is lines[0][0])
        assert label_words.removesuffix(" ›") == c.label
    # the rows are drawn: their numbers, labels and forecast lines
    drawn: list[str] = []
    text.WATCHERS.append(drawn.append)
    try:
        frames(app)
    finally:
        text.WATCHERS.remove(drawn.append)
    shown = next(row for row in scene.rows if scene.list_box.rect.contains(row[0].rect))
    assert f"{shown[1].number}." in drawn and all(line in drawn for _, line in shown[2])


@pytest.mark.parametrize("size", SIZES)
def test_the_lists_fit_the_window_and_no_label_is_cut(make_app, rules, monkeypatch, size):
    match = _at(rules, "united_opposition_1926", "trotsky", 0)  # 35 motions, 27 figures
    app, board = _board(make_app, match, *SIZES[size])
    _picked(board, monkeypatch)
    problems, wrapped = _watch(monkeypatch)
    for action_id in ("propose_motion", "cultivate_figure", "mass_appeal"):
        scene = _open(app, board, action_id)
        _check_fits(app, scene)
        while any(c.children for c in scene.here):  # every step of a motion, down its longest groups
            group = max((c for c in scene.here if c.children), key=lambda c: c.leaves)
            click(app, _row(scene, group))
            _check_fits(app, scene)
        last = scene.rows[-1][0]
        scroll_into_view(app, scene.list_box, last)
        _check_fits(app, scene)
        key(app, pygame.K_ESCAPE)
        while app.scene is not board:
            key(app, pygame.K_ESCAPE)
    assert problems == []
    assert "Alexei Rykov" in wrapped and "Remove from an office ›" in wrapped  # the watch saw the lists


def test_a_long_action_name_wraps_in_the_title(make_app, rules, monkeypatch):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0), (1280, 720), 2.0)
    problems, _ = _watch(monkeypatch)
    targets = [a for a in app.match.legal() if a.name == "mass_appeal"]
    scene = TargetScene(app, board, "mass_appeal", targets)
    scene.title = "Take the case of the opposition over the heads of the apparatus to the workers of a region"
    app.push(scene)
    frames(app)
    assert len(scene.title_lines) > 1 and " ".join(scene.title_lines) == scene.title
    _check_fits(app, scene)
    assert problems == []


def test_the_list_follows_a_change_of_window_and_font(make_app, rules, monkeypatch):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    _picked(board, monkeypatch)
    scene = _open(app, board, "propose_motion")
    click(app, _row(scene, scene.here[0]))
    key(app, pygame.K_END)
    chosen = scene.rows[scene.focus][1]
    app.apply_settings(Settings(width=1920, height=1080, font_scale=2.0))
    frames(app)
    assert app.scene is scene and scene.path and scene.rows[scene.focus][1] is chosen
    assert scene.list_box.rect.contains(scene.rows[scene.focus][0].rect)  # still in view
    _check_fits(app, scene)


def test_the_wheel_scrolls_the_list_and_a_row_under_the_pointer_is_picked(make_app, rules, monkeypatch):
    app, board = _board(make_app, _at(rules, "crisis_1923", "zinoviev", 0))
    picked = _picked(board, monkeypatch)
    scene = _open(app, board, "cultivate_figure")
    content = scene.list_box.scrollable_container
    top = content.rect.y
    wheel(app, scene.list_box.rect.center, -3)
    assert content.rect.y < top  # scrolled down
    wheel(app, scene.list_box.rect.center, 10)
    assert content.rect.y == top  # and back to the start, no further
    target = scene.rows[-1]
    assert scroll_into_view(app, scene.list_box, target[0]) > 0
    click(app, target[0])
    assert picked == [target[1].action]


def test_a_composed_actions_targets_are_named_and_numbered_from_their_table():
    """An action written in a mod's YAML alone aims at a faction: its choices read as the factions'
    names, numbered by their place in the factions' table (not raw ids)."""
    from game.engine import legal_actions, new_game
    from game.ruleset.loader import load
    from game.ui.scenes.choose import steps

    modded, problems = load(["denunciations"])
    assert problems == []
    aid = next(a for a, r in modded.actions.items() if r.kind == "composed" and r.target == "faction")
    state = new_game(modded, "crisis_1923", 1).clone()
    state.figures["lenin"].status = "dead"
    for fid in state.factions:
        state.factions[fid].exposure, state.factions[fid].influence, state.factions[fid].ap = 12, 10, 3
    found = []
    for faction in state.factions:
        state.active = faction
        found += [a for a in legal_actions(state, modded) if a.name == aid]
    assert found, "the composed action is offered to someone"
    for action in found:
        (step,) = steps(modded, action)
        assert step.table == "factions" and step.word == modded.factions[action.args[0]].name
        assert step.number == list(modded.factions).index(action.args[0]) + 1
