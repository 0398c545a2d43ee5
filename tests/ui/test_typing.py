"""Typing in the window's text boxes: while a text entry has the keyboard, every key is the entry's
(a space is a space, never the press of the focused button); Tab and Escape leave it."""

from __future__ import annotations

import pygame

from game.ui.scenes.newgame import NewGameScene
from game.ui.scenes.saves import SaveScene
from tests.ui.drive import button, click, frames, key
from tests.ui.test_play import play_until_my_turn, start_classroom


def type_text(app, words: str) -> None:
    """Type as a keyboard does: for each character a key press, the text it makes, a key release."""
    for ch in words:
        k = pygame.K_SPACE if ch == " " else ord(ch.lower())
        mod = pygame.KMOD_SHIFT if ch.isupper() else 0
        frames(
            app,
            [
                pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=ch, scancode=0),
                pygame.event.Event(pygame.TEXTINPUT, text=ch),
                pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=ch, scancode=0),
            ],
        )


def test_a_name_with_a_space_is_typed_whole_and_presses_no_button(app):
    click(app, button(app.scene, "New game"))
    ng = app.scene
    assert isinstance(ng, NewGameScene)
    first, second = ng.factions()[:2]
    toggle = [b for b, _ in ng.controls if b.text == "Human" or b.text.startswith("AI (")][1]
    while ng.controls[ng.focus][0] is not toggle:  # the keyboard's focus on the second seat's level
        key(app, pygame.K_TAB)
    before = (dict(ng.kinds), dict(ng.levels))
    click(app, ng.entries[first])  # the mouse puts the first seat's name box in use
    type_text(app, "Team A")
    assert app.scene is ng and ng.entries[first].alive()
    assert ng.entries[first].get_text() == "Team A"
    assert (ng.kinds, ng.levels) == before  # the space pressed nothing
    key(app, pygame.K_TAB)  # Tab leaves the box; the keys work the buttons again
    assert ng.controls[ng.focus][0] is not toggle


def test_spaces_in_the_save_name_stay_where_they_are_typed(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    click(app, button(board, "Save"))
    save = app.scene
    assert isinstance(save, SaveScene)
    save.entry.set_text("")
    type_text(app, "my game two")
    assert save.entry.get_text() == "my game two"
    key(app, pygame.K_ESCAPE)  # Escape leaves the box and the dialog
    assert app.scene is board
