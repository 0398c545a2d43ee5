"""The quarter in one place: every quarter, for each human seat, a summary of what changed for it,
the votes (each breakdown in words and as a chart whose totals are the vote's own), the Congress
and the events; titled with the quarter that closed, and made from the seat's own views only."""

from __future__ import annotations

from game.engine import player_view
from game.match.match import Match, Seat
from game.present import chronicle, explain, naming, quarter, voting
from game.ui import text
from game.ui.scenes.results import ResultsScene
from tests.ui.drive import play
from tests.ui.test_play import once_a_turn, start_classroom


def test_results_show_every_ballot_and_chart_the_totals(app):
    m = Match.new(app.rules, "crisis_1923", 13, {})  # a game with a vote before its last quarter
    while not m.state.votes:
        m.ai_move()
    while m.state.turn == m.view(None).votes[-1].turn:  # on into the next quarter: the votes' quarter has closed
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    app.start_match(m)
    while app.scene is not app.stack[0]:
        app.pop()
    book = quarter.book(m)
    summary = book.summary("stalin", book.closed()[-1])
    vote = summary.votes[-1]
    scene = ResultsScene(app, summary, m.view("stalin"))
    app.push(scene)
    seen: list[str] = []
    text.WATCHERS.append(seen.append)
    try:
        app.frame([])
    finally:
        text.WATCHERS.remove(seen.append)
    for line in voting.vote_lines(app.rules, vote, "stalin"):  # every ballot, who and why
        assert line in scene.body
    assert all(naming.voter_name(app.rules, vote.body, b.who) in scene.body for b in vote.ballots)
    assert f"for {vote.total('yes')}" in seen and f"against {vote.total('no')}" in seen
    start = app.rules.scenarios["crisis_1923"].start
    assert scene.title.endswith(explain.quarter(start, vote.turn))  # the quarter the votes belong to


def test_every_quarter_is_summed_up_for_the_seat_whether_or_not_a_vote_was_taken(app):
    # seed 13: a game whose quarters include some with votes and some without before the last
    board = start_classroom(app, humans=("trotsky",), seed="13")
    shown = []

    def watch(app):
        top = app.scene
        if isinstance(top, ResultsScene) and (not shown or shown[-1] is not top):
            shown.append(top)

    play(app, once_a_turn("mass_appeal"), on_frame=watch)
    match = board.match
    start = app.rules.scenarios[match.scenario].start
    dates = [s.summary.date for s in shown]
    closed = quarter.book(match).closed()
    # every quarter that closed before the last (the end screen sums that one up) had its summary
    assert dates == [explain.quarter(start, t) for t in closed[:-1]]
    assert any(not s.votes for s in shown) and any(s.votes for s in shown)  # with and without votes
    for s in shown:
        assert s.title == f"The quarter in one place — {s.summary.date}"
        assert all(v.turn == s.summary.turn for v in s.votes)  # the votes of the quarter in the title
        assert s.body.startswith(f"What changed for you over {s.summary.date}")


def test_the_summary_says_what_changed_for_the_seat(rules):
    m = Match.new(rules, "crisis_1923", 5, {})
    while m.state.turn < 3:
        m.ai_move()
    book = quarter.book(m)
    book.update()
    assert book.state.digest() == m.state.digest()  # the replayed quarters are the game's own
    s = book.summary("trotsky", 1)  # the Thirteenth Conference's censure opened 1924-Q1
    assert s.date == "1923-Q4" and s.next_date == "1924-Q1"
    before = player_view(book.opened[1], rules, "trotsky").factions["trotsky"]
    after = player_view(book.opened[2], rules, "trotsky").factions["trotsky"]
    assert before.status == "active" and after.status == "censured"
    assert "Your standing: in good standing → censured" in s.changes
    for attr, label in (("influence", "Influence"), ("prestige", "Prestige"), ("exposure", "Exposure")):
        a, b = getattr(before, attr), getattr(after, attr)
        said = [line for line in s.changes if line.startswith(label + ":")]
        assert said == ([f"{label}: {a} → {b} ({b - a:+d})"] if a != b else [])
    assert any("Trotsky and the Left Opposition are censured" in chronicle.render(rules, e) for e in s.opening)
    assert any(line.startswith("Goal “In good standing at the end: no censure”") for line in s.changes)


def test_no_summary_holds_another_factions_secret(rules):
    m = Match.new(rules, "crisis_1923", 5, {})
    while not m.over:
        m.ai_move()
    book = quarter.book(m)
    secrets = [e for e in m.state.log if e.visible_to]
    assert secrets
    for faction in m.state.factions:
        own = [chronicle.render(rules, e) for e in secrets if faction in e.visible_to]
        words = "\n".join(quarter.summary_text(rules, book.summary(faction, t)) for t in book.closed())
        for e in secrets:
            line = chronicle.render(rules, e)
            if faction not in e.visible_to and line not in own:
                assert line not in words, f"{faction} sees {e.visible_to}'s secret: {line}"
        assert any(text in words for text in own) or not own


def test_the_summary_keeps_up_with_undo(rules):
    m = Match.new(rules, "crisis_1923", 5, {"stalin": Seat("human", "simple", "A")})
    book = quarter.book(m)
    while m.active != "stalin":
        m.ai_move()
    m.submit(next(a for a in m.legal() if a.name == "publish_article"))
    book.update()
    if m.can_undo():
        m.undo()
    book.update()
    assert book.state.digest() == m.state.digest()


def test_a_censure_is_in_the_summary_before_any_event_card_comes(app):
    """The Thirteenth Conference censures Trotsky as 1924-Q1 opens, and the funeral's event card
    follows: the summary that comes first already says so."""
    from game.ui.scenes.event import EventScene

    board = start_classroom(app, humans=("trotsky",), seed="11")
    order = []

    def watch(app):
        top = app.scene
        if isinstance(top, ResultsScene | EventScene) and (not order or order[-1][0] is not top):
            censured = isinstance(top, ResultsScene) and any(c.endswith("→ censured") for c in top.summary.changes)
            order.append((top, board.match.state.turn, censured))

    play(app, once_a_turn("mass_appeal"), on_frame=watch)
    log = board.match.state.log
    rules = board.match.rules
    when = next(e.turn for e in log if chronicle.render(rules, e) == "Trotsky and the Left Opposition are censured")
    first = next(i for i, (_, turn, _) in enumerate(order) if turn >= when)
    assert isinstance(order[first][0], ResultsScene) and order[first][2]  # the summary, saying so, first


def test_after_the_summary_and_an_event_enter_presses_nothing(app):
    """The summary's Continue and an event's choice, each pressed from the keyboard, leave the board
    with nothing focused: two more Enters do nothing (they once reached Menu and left the game)."""
    import pygame

    from game.ui.scenes.event import EventScene
    from tests.ui.drive import button, click, frames, key

    board = start_classroom(app, humans=("trotsky",))
    seen = set()
    for _ in range(300):
        top = app.scene
        if top is board and not board.my_turn():
            board.wait_for_ai()
            frames(app)
            continue
        if isinstance(top, ResultsScene):
            seen.add(ResultsScene)
            key(app, pygame.K_RETURN)  # Continue
            continue
        if isinstance(top, EventScene):
            seen.add(EventScene)
            key(app, pygame.K_RETURN)  # nothing: no option has the keyboard when the card opens
            assert app.scene is top
            key(app, pygame.K_TAB)
            key(app, pygame.K_RETURN)  # the first option, reached with Tab
            continue
        if top is not board:
            key(app, pygame.K_RETURN)  # the briefing
            continue
        assert not 0 <= board.focus < len(board.controls)
        turn = board.match.state.turn
        key(app, pygame.K_RETURN)
        key(app, pygame.K_RETURN)
        assert app.scene is board and app.running and board.match.state.turn == turn
        if seen == {ResultsScene, EventScene}:
            return
        click(app, button(board, "End turn"))
        while app.scene is not board:
            click(app, app.scene.controls[0][0])
    raise AssertionError(f"no summary and event came: {seen}")


def test_a_book_of_quarters_does_not_keep_its_game_alive(rules):
    import gc
    import weakref

    m = Match.new(rules, "crisis_1923", 5, {})
    quarter.book(m).update()
    gone = weakref.ref(m)
    del m
    gc.collect()
    assert gone() is None
