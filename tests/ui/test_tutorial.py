"""The guided first quarter is completed by following its instructions alone: from the main menu,
each step's words name, between ‘ and ’, what to press; the test clicks only those (a button with
that label, or a row of a list of targets whose label begins with it), waits where the guide says
to wait, and reaches the last step.  Along the way the guide shows over the board and its dialogs,
outlines what it names, and its steps match the game (the secretary appointed in the Volga, the
article, the motion, the quarter voted)."""

from __future__ import annotations

import re

import pygame

from game.present.tutorial import SEAT, STEPS
from game.ui import text
from game.ui.scenes.tutorial import CLOSE
from tests.ui.drive import button, click, frames

NAMED = re.compile(r"‘([^’]+)’")


def _named(say: str) -> list[str]:
    return NAMED.findall(say)


def _press(app, name: str) -> bool:
    """Click the control the instruction names on the screen on top, if it is there."""
    scene = app.scene
    for b, _ in scene.controls:
        if b.visible and b.is_enabled and b.text == name:
            click(app, b)
            return True
    for b, choice, _ in getattr(scene, "rows", []):
        if choice.label == name or choice.label.startswith(name + " "):
            click(app, b)
            return True
    return False


def test_the_guided_quarter_is_completed_by_following_its_instructions(app):
    click(app, button(app.scene, "Tutorial: your first quarter"))
    guide = app.tutorial
    assert guide is not None and guide.index == 0
    m = app.match
    seen_steps = []
    for _ in range(3000):
        step = guide.step
        if not seen_steps or seen_steps[-1] != guide.index:
            seen_steps.append(guide.index)
        if guide.index == len(STEPS) - 1:
            break
        names = _named(step.say)
        pressed = False
        for name in names:
            if name in {"Party organisations", "If the Congress met now", "Guide"}:
                continue  # names of what to look at, not to press
            if _press(app, name):
                pressed = True
                break
        if not pressed:  # "wait": the computer moves
            board = app.stack[0]
            if board.future is not None:
                board.future.result()
        frames(app)
    assert guide.index == len(STEPS) - 1, f"stuck at step {guide.index + 1}: {guide.step.say}"
    assert seen_steps == list(range(len(STEPS)))  # every step in turn, none skipped
    mine = [a for a in m.record.actions if a.faction == SEAT]
    assert [a.name for a in mine][:3] == ["appoint_secretary", "publish_article", "propose_motion"]
    assert mine[0].args == ("volga",)
    assert m.state.turn >= 1  # the quarter closed and was voted
    # the last step: the guide closes with its own button and the game goes on
    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    try:
        frames(app)
    finally:
        text.WATCHERS.remove(shown.append)
    assert CLOSE in shown and f"Guide · step {len(STEPS)} of {len(STEPS)}" in shown
    rect = guide.close_rect
    frames(app, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1)])
    assert app.tutorial is None and app.match is m and not m.over


def test_every_instruction_names_what_it_asks_for_and_the_guide_outlines_it(app):
    for step in STEPS:
        assert set(step.press) <= set(_named(step.say)), step.say
    click(app, button(app.scene, "Tutorial: your first quarter"))
    guide = app.tutorial
    board = app.stack[0]
    while type(app.scene).__name__ != "BriefingScene":  # the computer moves first
        if board.future is not None:
            board.future.result()
        frames(app)
    assert guide.step.press == ("Begin",)
    assert [r for r in guide.targets(app)] == [button(app.scene, "Begin").rect]
    click(app, button(app.scene, "Begin"))
    frames(app)
    while not (app.scene is board and board.my_turn()):
        if board.future is not None:
            board.future.result()
        frames(app)
    assert guide.index == 1 and guide.targets(app) == [button(board, "Appoint secretary").rect]
    assert guide.box is not None and guide.box.bottom <= board.geo.bar.y  # above the action bar


def test_leaving_the_guided_game_ends_the_guide(app):
    click(app, button(app.scene, "Tutorial: your first quarter"))
    assert app.tutorial is not None
    app.reset_scene("menu")
    app.match = None
    frames(app)
    assert app.tutorial is None


def test_a_move_taken_back_takes_the_guide_back_to_the_step_that_asked_for_it(app):
    click(app, button(app.scene, "Tutorial: your first quarter"))
    guide = app.tutorial
    board = app.stack[0]
    for _ in range(400):
        if guide.index == 3:  # "Your move stands on the board … Press ‘Done’"
            break
        for name in _named(guide.step.say):
            if _press(app, name):
                break
        if board.future is not None:
            board.future.result()
        frames(app)
    assert guide.index == 3 and board.held is not None
    click(app, button(board, "Undo"))
    assert guide.index == 1 and "Press ‘Appoint secretary’" in guide.step.say
    assert not any(a.name == "appoint_secretary" for a in app.match.record.actions)
