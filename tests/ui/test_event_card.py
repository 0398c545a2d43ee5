"""The event card: each option with what history chose and what it would change, from the
engine's own run of the option's effects on the game as the chooser sees it."""

from __future__ import annotations

from game.match.match import Match, Seat
from game.present import phrases
from game.ui.scenes.event import EventScene


def _at_trotskys_choice(app):
    """A 1923 crisis game at the screen when an event puts its choice to Trotsky: (match, card)."""
    m = Match.new(app.rules, "crisis_1923", 3, {"trotsky": Seat("human", name="Ann")})
    while not m.state.pending_choice or m.state.pending_choice[1] != "trotsky":
        m.submit(m.legal()[0]) if m.seat().is_human else m.ai_move()
    app.start_match(m)
    app.frame([])
    return m, next(s for s in app.stack if isinstance(s, EventScene))


def test_an_event_card_shows_each_options_effects(app):
    m, scene = _at_trotskys_choice(app)
    view = m.view("trotsky")
    event = app.rules.events[view.pending_choice[0]]
    cards = [phrases.action_card(app.rules, view, a) for a in m.legal()]
    assert len(cards) == len(event.choice.options)
    for card in cards:
        assert card.title in scene.body and card.preview
        for line in card.preview:
            assert f"→ {line}" in scene.body
    assert f"{event.choice.options[0].name} (what history chose)" in scene.body


def test_enter_on_an_event_card_chooses_nothing_until_an_option_is_reached(app):
    """An Enter pressed to close the screen before must not choose for the player; Tab then Enter
    chooses the first option."""
    import pygame

    from tests.ui.drive import key

    m, scene = _at_trotskys_choice(app)
    while app.scene is not scene:  # a summary or briefing above it: closed with Enter, as a player would
        key(app, pygame.K_RETURN)
    before = len(m.record.actions)
    key(app, pygame.K_RETURN)
    assert app.scene is scene and len(m.record.actions) == before and m.state.pending_choice
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    assert len(m.record.actions) == before + 1 and m.record.actions[-1].args[0] == scene.event.choice.options[0].id
