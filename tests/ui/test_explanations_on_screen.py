"""Each explanation the issue asks for, on screen, with the engine's own numbers: a region's
delegation as the engine's sum, a motion's forecast on the agenda, a line crossed by a move, a
bloc offer's consequences.  (An event option's effects: test_event_card; the quarter's summary and
the history: test_results, test_history_viewer; a new motion's forecast: test_choose.)"""

from __future__ import annotations

from game.engine import congress
from game.engine.preview import motion_forecast
from game.present import phrases, situation
from tests.ui.test_choose import _at, _board, _open


def _tips(board, key: str) -> list[str]:
    return [tip for _rect, tip in board.panels[key].spots]


def test_a_regions_tooltip_is_the_engines_own_sum(make_app, rules):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    state = board.match.state
    tips = _tips(board, "map")
    for rid in rules.regions:
        follows, why = congress.delegation(state, rules, rid)
        tip = next(t for t in tips if t.startswith(rules.regions[rid].name + ":"))
        if why.secretary is not None:
            assert f"hold {why.hold} + bureaucracy {why.bonus} = {why.hold + why.bonus}" in tip, tip
        assert situation.delegation_text(rules, why, follows) in tip


def test_a_motion_on_the_agenda_says_how_it_would_go_now(make_app, rules):
    match = _at(rules, "crisis_1923", "stalin", 1)
    motion = next(a for a in match.legal() if a.name == "propose_motion")
    match.submit(motion)
    while not (match.active == "stalin" and match.state.phase == "actions") and not match.over:
        match.ai_move()
    app, board = _board(make_app, match)
    view = board.view
    assert view.agenda, "the motion waits on the agenda"
    item = view.agenda[0]
    forecast = motion_forecast(view, rules, item.motion, item.args, item.proposer)
    verdict = "would pass" if forecast.passes else "would fail"
    assert any(f"if voted now it {verdict} {forecast.yes}–{forecast.no}" in tip for tip in _tips(board, "agenda"))


def test_a_move_that_crosses_a_line_says_so_in_the_list_of_targets(make_app, rules):
    match = _at(rules, "crisis_1923", "trotsky", 0)
    match.submit(next(a for a in match.legal() if a.name == "mass_appeal"))  # exposure 0 → 4
    while not (match.active == "trotsky" and match.state.phase == "actions"):
        match.ai_move()
    assert match.state.factions["trotsky"].exposure == 4  # one more appeal reaches the censure's line
    app, board = _board(make_app, match)
    scene = _open(app, board, "mass_appeal")
    said = " ".join(line for _, lines, _, _ in scene.texts for line in lines)
    said += " ".join(line for _, _c, lines in scene.rows for _, line in lines)
    assert "exposure 4 → 8 crosses 6: from 6 a rival may move 'Censure a faction' against you" in said, said


def test_a_bloc_offer_says_what_a_bloc_would_bring(make_app, rules):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    scene = _open(app, board, "offer_bloc")
    shown = " ".join(line for _, _c, lines in scene.rows for _, line in lines)
    shown += " ".join(line for _, lines, _, _ in scene.texts for line in lines)
    for faction in ("stalin", "zinoviev", "bukharin"):
        name = rules.factions[faction].name
        if f"Should {name} accept, a bloc" in shown:
            break
    else:
        raise AssertionError(shown)
    assert "vote for the other's motions" in shown


def test_in_the_first_quarter_an_appeals_list_names_the_censure_to_come(make_app, rules):
    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    scene = _open(app, board, "mass_appeal")
    said = " ".join(line for _, lines, _, _ in scene.texts for line in lines)
    said += " ".join(line for _, _c, lines in scene.rows for _, line in lines)
    assert "'Thirteenth Party Conference condemns the Opposition' (due 1924-Q1) can fall on you only if" in said, said


def test_an_action_with_no_list_of_targets_forecasts_in_its_tooltip(make_app, rules):
    """Pledging discipline has one form only, so no list of targets shows its forecast: the button's
    tooltip does, and in 1923-Q4 it says the pledge would stop the Thirteenth Conference."""
    from tests.engine.test_coming import _trotsky_in
    from tests.ui.drive import button

    app, board = _board(make_app, _trotsky_in(rules, 1))
    pledge = next(a for a in board.match.legal() if a.name == "pledge_discipline")
    tip = button(board, "Pledge discipline").tool_tip_text
    card = phrases.action_card(rules, board.view, pledge)
    assert "It would bring: " in tip and all(line in tip for line in card.preview)
    assert "'Thirteenth Party Conference condemns the Opposition' (due 1924-Q1) would no longer happen" in tip


def test_a_confirmation_does_not_repeat_its_title(make_app, rules):
    from tests.ui.drive import button, click

    app, board = _board(make_app, _at(rules, "crisis_1923", "trotsky", 0))
    click(app, button(board, "End turn"))
    dialog = app.scene
    assert dialog is not board and dialog.title == "Wait"
    assert not dialog.body.startswith("Wait") and "remaining action point" in dialog.body
