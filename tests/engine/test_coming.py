"""What the next quarter's opening brings: the Thirteenth Conference's censure is in sight a
quarter ahead, with the line it turns on, and a pledge of discipline takes it away — as the engine
itself then plays it."""

from __future__ import annotations

import pytest

from game.engine.preview import coming
from game.match.match import Match, Seat
from game.present import forecasts, phrases, situation

CONFERENCE = "thirteenth_conference"


def _step(m: Match) -> None:
    """One move: the human seat waits (or takes the first course offered), the computer plays."""
    if m.seat().is_human:
        legal = m.legal()
        waits = [a for a in legal if m.rules.actions.get(a.name) and m.rules.actions[a.name].kind == "pass"]
        m.submit(waits[0] if waits else legal[0])
    else:
        m.ai_move()


def _trotsky_in(rules, turn: int, seed: int = 4) -> Match:
    m = Match.new(rules, "crisis_1923", seed, {"trotsky": Seat("human")})
    while not (m.state.turn == turn and m.active == "trotsky" and m.state.phase == "actions"):
        _step(m)
    return m


def _until_1924(m: Match) -> None:
    while m.state.turn < 2 or m.state.phase != "actions":
        _step(m)


@pytest.mark.parametrize("seed", [4, 5])
def test_the_censure_is_seen_a_quarter_ahead_and_a_pledge_stops_it(rules, seed):
    m = _trotsky_in(rules, 1, seed)
    ahead = {c.event: c for c in coming(m.view("trotsky"), rules)}
    conference = ahead[CONFERENCE]
    assert conference.happens and conference.due == "1924-Q1"
    assert any(ch.what == ("status", "trotsky") and ch.after == "censured" for ch in conference.changes)
    assert [forecasts.condition_text(rules, item) for item, ok in conference.lines if ok] == [
        "Trotsky's exposure is 5 or more"
    ]
    line = next(t for t in situation.coming_lines(rules, m.view("trotsky")) if "Thirteenth" in t)
    assert "will happen as things stand" in line and "censured" in line

    pledge = next(a for a in m.legal() if a.name == "pledge_discipline")
    card = phrases.action_card(rules, m.view("trotsky"), pledge)
    assert any("Thirteenth" in p and "would no longer happen" in p for p in card.preview)
    waiting = _trotsky_in(rules, 1, seed)  # the same game, without the pledge: the engine censures him
    m.submit(pledge)
    after = {c.event: c for c in coming(m.view("trotsky"), rules)}
    assert CONFERENCE in after and not after[CONFERENCE].happens
    _until_1924(m)
    _until_1924(waiting)
    assert m.state.factions["trotsky"].status == "active"
    assert waiting.state.factions["trotsky"].status == "censured"


def test_nothing_is_forecast_for_the_public_view_nor_for_a_faction_it_leaves_alone(rules):
    m = _trotsky_in(rules, 1)
    assert coming(m.view(None), rules) == ()
    assert all(c.event != CONFERENCE for c in coming(m.view("stalin"), rules))  # it does nothing to Stalin


def test_a_move_that_raises_the_exposure_names_the_censure_two_quarters_ahead(rules):
    """In 1923-Q3, before the letters of October set the stage, a mass appeal already says that the
    Thirteenth Conference of 1924-Q1 turns on Trotsky's exposure; a move that leaves it alone does not."""
    m = _trotsky_in(rules, 0)
    view = m.view("trotsky")
    appeal = next(a for a in m.legal() if a.name == "mass_appeal")
    lines = phrases.action_card(rules, view, appeal).preview
    assert any(
        "Thirteenth Party Conference" in line and "(due 1924-Q1)" in line and "exposure is 5 or more" in line
        for line in lines
    ), lines
    publish = next(a for a in m.legal() if a.name == "publish_article")
    assert not any("Thirteenth" in line for line in phrases.action_card(rules, view, publish).preview)


def test_another_factions_choice_to_come_says_what_each_option_would_do_to_you(rules):
    """Stalin may remove Trotsky's man from the army's Political Directorate in 1924-Q1: Trotsky is
    told a quarter ahead what that option would do to him."""
    m = _trotsky_in(rules, 1)
    assert m.state.offices.get("pur_chief") == "antonov_ovseyenko"
    ahead = {c.event: c for c in coming(m.view("trotsky"), rules)}
    removal = ahead["antonov_ovseyenko_removed"]
    assert not removal.asks_you and [oid for oid, _ in removal.options] == ["remove"]
    line = next(t for t in situation.coming_lines(rules, m.view("trotsky")) if "Antonov" in t)
    assert "should Stalin and the Centre choose 'Remove him'" in line and "vacant" in line


def test_the_seen_game_keeps_the_public_record_conditions_read(rules):
    """Conditions on the last Congress's delegates and on power scores read the same on the game as
    a faction sees it as on the game itself (they are public)."""
    from game.engine.preview import seen_state
    from game.engine.views import player_view

    m = _trotsky_in(rules, 2)
    state = m.state
    state.congress_shares = {"stalin": 86, "bukharin": 14}
    state.scores = [{"stalin": 10, "trotsky": 4}]
    seen = seen_state(player_view(state, rules, "trotsky"), rules)
    assert seen.congress_shares == state.congress_shares and seen.scores == state.scores


def test_what_a_move_risks_stops_at_the_games_last_quarter(rules):
    from game.engine import new_game
    from game.engine.preview import watch

    before = new_game(rules, "crisis_1923", 3)
    after = before.clone()
    after.factions["trotsky"].exposure = 4
    assert [w.event for w in watch(rules, "trotsky", before, after)] == ["thirteenth_conference"]
    before.turns = after.turns = 2  # the game ends in 1923-Q4, before the Conference is due
    assert watch(rules, "trotsky", before, after) == []
