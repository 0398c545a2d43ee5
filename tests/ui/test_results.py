"""The quarter's results: each vote's breakdown in words and as a chart whose totals are the
vote's own."""

from __future__ import annotations

from game.session import present
from game.session.session import Match, Seat
from game.ui import text
from game.ui.scenes.board import start_match
from game.ui.scenes.results import ResultsScene


def test_results_show_every_ballot_and_chart_the_totals(app):
    m = Match.new(app.rules, "crisis_1923", 11, {})
    while not m.state.votes:
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    start_match(app, m)
    while app.scene is not app.stack[0]:
        app.pop()
    view = m.view("stalin")
    vote = view["votes"][-1]
    scene = ResultsScene(app, view, [vote], [])
    app.push(scene)
    seen: list[str] = []
    text.WATCHERS.append(seen.append)
    try:
        app.frame([])
    finally:
        text.WATCHERS.remove(seen.append)
    for ballot in vote.ballots:
        assert ballot.voter in scene.body and present.ballot_reason(app.rules, ballot) in scene.body
    assert f"for {vote.total('yes')}" in seen and f"against {vote.total('no')}" in seen
