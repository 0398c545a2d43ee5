"""The board's agenda panel names what the next quarter's opening brings the seat at the screen
(the Thirteenth Conference's censure, a quarter ahead), with its tooltip."""

from __future__ import annotations

from tests.engine.test_coming import _trotsky_in


def test_the_board_shows_what_is_coming_in_the_agenda_panel(rules, make_app):
    """On the board, the agenda panel names the censure a quarter ahead, with its tooltip."""
    from game.ui.settings import Settings
    from tests.ui.drive import frames, wheel

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
    # its tooltip on screen: the panel may have to be scrolled to it, as a player would, with the wheel
    inner = panel.inner
    for _ in range(12):
        shown = {board.tip_at((inner.x + 20, y)) for y in range(inner.y + 2, inner.bottom, 6)}
        if any(t and "Thirteenth" in t for t in shown):
            break
        wheel(app, inner.center, -1)
    assert any(t and "Thirteenth" in t and "censured" in t for t in shown), shown
