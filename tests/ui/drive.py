"""Driving the window as a player would: clicks at a button's centre and key presses, each followed
by the frames that deliver pygame_gui's own events."""

from __future__ import annotations

import pygame


def frames(app, events=(), n: int = 1) -> None:
    app.frame(list(events))
    for _ in range(n):
        app.frame(pygame.event.get())


def click(app, button) -> None:
    assert button.is_enabled, f"button {button.text!r} is disabled"
    pos = button.rect.center
    frames(
        app,
        [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ],
    )


def key(app, k: int, mod: int = 0) -> None:
    frames(
        app,
        [
            pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0),
        ],
    )


def button(scene, label: str):
    """The scene's button whose text starts with ``label``."""
    for b, _ in scene.controls:
        if b.text.removeprefix("● ").startswith(label):
            return b
    raise AssertionError(f"no button {label!r} on {type(scene).__name__}: {[b.text for b, _ in scene.controls]}")


def labels(scene) -> list[str]:
    return [b.text for b, _ in scene.controls]


def play(app, choose=None, max_steps: int = 4000, on_frame=None):
    """Play from the screen on show to the end of the game, answering every screen as a player
    would.  ``choose(board)`` names the action id a human seat takes next (None: end the turn).
    ``on_frame(app)`` runs after every step.  After each of a human seat's moves the board holds
    until Done: pressed with Enter and clicked, in turn.  Returns the end screen."""
    from game.ui.scenes.board import BoardScene
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.choose import TargetScene
    from game.ui.scenes.dialog import MessageScene
    from game.ui.scenes.end import EndScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.handoff import HandoffScene
    from game.ui.scenes.results import ResultsScene

    dones = 0
    for _ in range(max_steps):
        top = app.scene
        if isinstance(top, EndScene):
            return top
        if isinstance(top, HandoffScene):
            click(app, button(top, "I am here"))
        elif isinstance(top, BriefingScene):
            click(app, button(top, "Begin"))
        elif isinstance(top, ResultsScene):
            click(app, button(top, "Continue"))
        elif isinstance(top, EventScene):
            click(app, top.controls[0][0])
        elif isinstance(top, TargetScene):
            click(app, top.controls[0][0])
        elif isinstance(top, MessageScene):  # a confirmation: yes
            click(app, top.controls[0][0])
        elif isinstance(top, BoardScene):
            if top.held is not None:  # the seat has seen its move's result: Done, by Enter or a click
                dones += 1
                key(app, pygame.K_RETURN) if dones % 2 else click(app, button(top, "Done"))
            elif top.my_turn():
                wanted = choose(top) if choose else None
                from game.ui.scenes.board import action_button_label

                name = action_button_label(app.rules, wanted) if wanted else "End turn"
                click(app, button(top, name))
            else:
                top.wait_for_ai()
                frames(app)
        else:
            raise AssertionError(f"unexpected screen {type(top).__name__}")
        if on_frame is not None:
            on_frame(app)
    raise AssertionError("the game did not end")


def point(app, pos) -> None:
    """Move the pointer to ``pos`` (pygame_gui reads the pointer itself for what is hovered)."""
    pygame.mouse.set_pos(pos)
    frames(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])


def wheel(app, pos, notches: int) -> None:
    """Turn the mouse wheel over ``pos`` (up for a positive ``notches``), one notch at a time,
    each followed by the frames pygame_gui's scroll bar glides in."""
    point(app, pos)
    step = 1 if notches > 0 else -1
    for _ in range(abs(notches)):
        frames(
            app,
            [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=step, flipped=False, precise_x=0.0, precise_y=float(step))],
            n=6,
        )


def scroll_into_view(app, box, widget, max_notches: int = 400) -> int:
    """Turn the wheel over the scrolling container ``box`` until ``widget`` in it shows whole;
    returns the notches it took."""
    view = box.rect
    turned = 0
    while not view.contains(widget.rect):
        assert turned < max_notches, f"{widget} does not come into view in {view}"
        wheel(app, view.center, 1 if widget.rect.top < view.top else -1)
        turned += 1
    return turned


def type_number(app, number: int) -> None:
    """Type a number's digits, one key press each."""
    for digit in str(number):
        key(app, getattr(pygame, f"K_{digit}"))


def click_then_keys(app, button, keys) -> None:
    """Click ``button`` and press ``keys`` straight after, as a quick player does: the key presses
    wait in pygame's queue behind the click's own event and reach whatever screen it opens."""
    assert button.is_enabled, f"button {button.text!r} is disabled"
    pos = button.rect.center
    app.frame(
        [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ]
    )
    for k in keys:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0))
    app.frame(pygame.event.get())
