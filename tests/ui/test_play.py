"""A classroom scenario played to its end through the window: one human seat against three AI
seats, every screen answered with synthetic clicks."""

from __future__ import annotations

from game.match.match import Match, Seat
from game.present import ending
from game.ruleset.records import RESULT_NAMES
from game.ui.scenes.board import BoardScene, action_button_label
from game.ui.scenes.dialog import escape
from game.ui.scenes.end import EndScene, summary_html
from game.ui.scenes.newgame import NewGameScene
from tests.ui.drive import button, click, frames, labels, play


def start_classroom(app, humans=("stalin",), scenario="crisis_1923", seed="11"):
    click(app, button(app.scene, "New game"))
    ng = app.scene
    assert isinstance(ng, NewGameScene)
    sc = app.rules.scenarios[scenario]
    click(app, button(ng, sc.name[:20]))
    ng = app.scene
    for idx, fid in enumerate(ng.factions()):
        for _ in range(6):  # Human → AI (each level) → Human
            want_human = fid in humans
            is_human = ng.kinds[fid] == "human"
            if is_human == want_human and (is_human or ng.levels.get(fid, "simple") == "simple"):
                break
            toggles = [b for b, _ in ng.controls if b.text == "Human" or b.text.startswith("AI (")]
            click(app, toggles[idx])
    for fid in humans:
        ng.entries[fid].set_text(f"Team {fid}")
    ng.seed_entry.set_text(seed)
    click(app, button(ng, "Start the game"))
    return app.stack[0]


def once_a_turn(action_id):
    """A human who takes ``action_id`` once each turn when it is on offer, then ends the turn."""
    done = set()

    def choose(board):
        key = (board.match.state.turn, board.viewer)
        enabled = {b.text for b, _ in board.controls if b.is_enabled}
        name = action_button_label(board.app.rules, action_id)
        if key not in done and name in enabled:
            done.add(key)
            return action_id
        return None

    return choose


def test_a_classroom_game_plays_to_its_end_in_the_window(app):
    board = start_classroom(app)
    assert isinstance(board, BoardScene)
    assert board.match.seed == 11 and board.match.scenario == "crisis_1923"
    end = play(app, once_a_turn("publish_article"))
    assert isinstance(end, EndScene)
    match = end.match
    assert match.over
    html = end.elements[0].html_text
    for fid in match.state.factions:
        assert app.rules.factions[fid].name in html
    assert "seed 11" in html
    # one verdict: the human seat's own result leads, power in the party comes after it
    result = RESULT_NAMES[match.state.results["stalin"][1]]
    assert html.index(f"Your result: {result}") < html.index(ending.POWER_HEADING)
    assert html.index(f"{app.rules.factions['stalin'].name}</b> (you)") < html.index(ending.POWER_HEADING)
    assert labels(end) == ["Play again", "Main menu", "History", "Debrief"]  # History: one human seat played
    # the human really played: every publish of an article in the record is Stalin's own
    published = [a for a in match.record.actions if a.name == "publish_article" and a.faction == "stalin"]
    assert published
    # a finished game is not offered for "Continue"
    assert not app.autosave_path.exists()
    click(app, button(end, "Play again"))
    assert isinstance(app.scene, NewGameScene)


def test_the_action_bar_keeps_every_action_in_its_place(app):
    board = start_classroom(app)
    play_until_my_turn(app, board)
    places = {b.text: b.rect.topleft for b in bar(board)}
    expected = [action_button_label(app.rules, a) for a in app.rules.actions if a != "pass_turn"] + ["End turn"]
    assert list(places) == expected
    disabled = [b for b in bar(board) if not b.is_enabled]
    assert disabled, "some action is out of reach at the start"
    assert all("Not now:" in b.tool_tip_text for b in disabled)  # each says why
    # after a move the same actions sit in the same places, available or not
    click(app, button(board, "Publish article"))
    click(app, app.scene.controls[0][0])
    play_until_my_turn(app, board)
    assert {b.text: b.rect.topleft for b in bar(board)} == places


def bar(board):
    """The action bar's buttons, in order."""
    return [b for b, _ in board.controls if set(b.object_ids) & {"#action", "#end_turn"}]


def play_until_my_turn(app, board):
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.results import ResultsScene

    for _ in range(500):
        if app.scene is board and board.my_turn():
            return
        if isinstance(app.scene, BriefingScene | ResultsScene):
            click(app, app.scene.controls[0][0])
        else:
            board.wait_for_ai()
            frames(app)
    raise AssertionError("never my turn")


def test_an_ai_turn_shows_the_thinking_sign(app):
    seen = []
    from game.ui import text

    board = start_classroom(app, humans=("bukharin",))
    text.WATCHERS.append(seen.append)
    try:
        frames(app)
    finally:
        text.WATCHERS.remove(seen.append)
    assert not board.match.seat().is_human
    rec = app.rules.factions[board.match.active]
    assert any(s.startswith(rec.name + (" are" if rec.plural else " is") + " thinking") for s in seen)


def test_the_objectives_say_a_penalty_was_avoided_in_words(app):
    from game.ui import text

    shown: list[str] = []
    text.WATCHERS.append(shown.append)
    try:
        board = start_classroom(app, humans=("trotsky",))
        board.wait_for_ai()
        frames(app, n=3)
    finally:
        text.WATCHERS.remove(shown.append)
    assert board.viewer == "trotsky"
    words = " ".join(" ".join(shown).split())
    # Trotsky's -2 for being removed from his posts, not yet befallen
    assert "Removed from your posts or worse — avoided" in words
    assert "— it happened" not in words


def test_the_end_screen_says_why_the_strongest_faction_failed_its_goals(rules):
    match = Match.new(rules, "military_option_1924", 1)  # Stalin strongest, and a defeat by his goals
    while not match.over:
        match.ai_move()
    match.seats["trotsky"] = Seat("human", "simple", "")
    html = summary_html(rules, match)
    result = RESULT_NAMES[match.state.results["trotsky"][1]]
    caveat = escape(ending.caveat(rules, match.state))
    assert caveat.startswith(escape(rules.factions["stalin"].name) + " is the strongest faction at the end, but")
    # the seat's own result, then every faction's, then power, then why the strongest failed its goals
    assert html.index(f"Your result: {result}") < html.index(escape(ending.POWER_HEADING)) < html.index(caveat)
