"""The board's agenda panel names what the next quarter's opening brings the seat at the screen
(the Thirteenth Conference's censure, a quarter ahead), with its tooltip."""

from __future__ import annotations

from tests.engine.test_coming import _trotsky_in


def test_the_board_shows_what_is_coming_in_the_agenda_panel(rules, make_app):
    """On the board, the agenda panel names the censure a quarter ahead, with its tooltip."""
    from game.ui.settings import Settings
    from tests.ui.drive import frames

    m = _trotsky_in(rules, 1)
    app = make_app(settings=Settings(width=1280, height=720, font_scale=1.0))
    app.start_match(m)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    frames(app)
    panel = board.panels["agenda"]
    tips = [tip for _rect, tip in panel.spots]
    assert any("Thirteenth Party Conference" in tip and "will happen as things stand" in tip for tip in tips), tips
    spot = next(r for r, tip in panel.spots if "Thirteenth" in tip).move(panel.inner.topleft)
    assert "censured" in board.tip_at(spot.center)
