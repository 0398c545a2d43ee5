"""Forecasts from a faction's view: a motion's vote, an action's effect."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import apply_action, legal_actions, new_game, player_view
from game.engine.preview import action_preview, motion_forecast, seen_state
from game.engine.state import Proposal
from game.engine.votes import vote


def _play(rules, scenario, seed, steps):
    state = new_game(rules, scenario, seed)
    for i in range(steps):
        if state.outcome is not None:
            break
        legal = legal_actions(state, rules)
        state = apply_action(state, rules, legal[(seed + i * 7) % len(legal)])
    return state


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scenario=st.sampled_from(["succession_1923", "united_opposition_1926", "crisis_1923"]),
    seed=st.integers(0, 5000),
    steps=st.integers(0, 50),
)
def test_a_motion_forecast_is_the_real_vote_when_nobody_else_holds_secrets(rules, scenario, seed, steps):
    state = _play(rules, scenario, seed, steps)
    actor = state.active
    if actor is None:
        return
    others_secret = any(c for f, c in state.cultivation.items() if f != actor)
    view = player_view(state, rules, actor)
    before = state.digest()
    for action in legal_actions(state, rules):
        preview = action_preview(view, rules, action)  # every legal action has a preview
        if preview.vote is None:
            continue
        real = vote(state, rules, preview.vote.body, Proposal(actor, action.args[0], action.args[1:]))
        if not others_secret:
            assert (preview.vote.yes, preview.vote.no) == (real.total("yes"), real.total("no"))
    assert state.digest() == before


def test_the_seen_state_keeps_the_viewer_secrets_and_no_one_elses(rules, fresh):
    s = fresh.clone()
    s.cultivation["bukharin"]["rykov"] = 80
    s.cultivation["trotsky"]["kalinin"] = 30
    seen = seen_state(player_view(s, rules, "trotsky"), rules)
    assert seen.cultivation["trotsky"] == {"kalinin": 30} and seen.cultivation["bukharin"] == {}
    assert seen.figures["kalinin"].affinity == s.figures["kalinin"].affinity
    assert seen.rng == 0
    assert seen.order == s.order and seen.flags == s.flags and seen.marks == s.marks  # the public bookkeeping


def test_a_rival_secret_contact_can_make_the_forecast_wrong(rules, fresh):
    s = fresh.clone()
    s.politburo = ["stalin", "rykov", "trotsky"]
    s.figures["rykov"].faction = "stalin"
    s.figures["rykov"].affinity = {"stalin": 90, "bukharin": 40}
    s.cultivation["bukharin"]["rykov"] = 80
    forecast = motion_forecast(
        player_view(s, rules, "stalin"), rules, "remove_office", ("sovnarkom_chair",), "bukharin"
    )
    real = vote(s, rules, forecast.body, Proposal("bukharin", "remove_office", ("sovnarkom_chair",)))
    seen_rykov = next(b for b in forecast.ballots if b.who == "rykov")
    real_rykov = next(b for b in real.ballots if b.who == "rykov")
    assert seen_rykov.side == "no" and real_rykov.side == "yes" and real_rykov.secret == "bukharin"


def test_an_appointment_preview_shows_the_secretary_and_the_congress_forecast(rules, fresh):
    state = fresh
    while state.phase == "choice" or not any(a.name.startswith("appoint") for a in legal_actions(state, rules)):
        state = apply_action(state, rules, legal_actions(state, rules)[0])
    action = next(a for a in legal_actions(state, rules) if a.name.startswith("appoint"))
    preview = action_preview(player_view(state, rules, action.faction), rules, action)
    whats = {c.what for c in preview.changes}
    assert ("secretary", action.args[0]) in whats
    assert ("influence", action.faction) in whats or rules.actions[action.name].cost.influence == 0
    after = apply_action(state, rules, action)
    sec = next(c for c in preview.changes if c.what == ("secretary", action.args[0]))
    assert sec.after == after.regions[action.args[0]].secretary


def test_a_cultivation_that_wins_a_member_says_he_would_vote_with_you(rules):
    """The second courting of Kalinin in 1928 takes the Right's ties to him past the defection
    margin: the forecast says he would vote with the Right, the first courting does not; and the
    Politburo's vote agrees once it is done."""
    from game.engine import Action
    from game.engine.effects import politburo_votes
    from game.present.forecasts import change_text

    state = new_game(rules, "right_last_stand_1928", 1)
    while state.active != "bukharin":
        state = apply_action(state, rules, next(a for a in legal_actions(state, rules) if a.name == "pass_turn"))
    court = Action("cultivate_figure", "bukharin", ("kalinin",))

    def said(s):
        p = action_preview(player_view(s, rules, "bukharin"), rules, court)
        return [change_text(rules, c) for c in p.changes if c.what == ("won_over", "kalinin")]

    assert said(state) == []  # 0 → 15: not yet
    state.cultivation.setdefault("bukharin", {})["kalinin"] = 15
    words = said(state)
    assert len(words) == 1 and words[0].startswith("Mikhail Kalinin would vote with you in the Politburo")
    assert politburo_votes(state, rules, "bukharin") == 3
    after = apply_action(state, rules, court)
    assert politburo_votes(after, rules, "bukharin") == 4


def test_a_choice_forecast_tells_each_event_once_and_not_its_own(rules):
    """Answering 'The Right danger' sets the flag its own conditions test, and fighting in the open
    makes two conditions of the April plenum true: the forecast names neither the event being
    answered nor the plenum twice."""
    from game.ai import make_bot
    from game.engine.preview import choice_preview

    state = new_game(rules, "right_last_stand_1928", 1)
    bots = {f: make_bot("simple", f, 1) for f in state.factions}
    while state.pending_choice is None or state.pending_choice[0] != "right_deviation":
        assert state.outcome is None
        view = player_view(state, rules, state.active)
        state = apply_action(state, rules, bots[state.active].choose(view, legal_actions(state, rules), rules)[0])
    view = player_view(state, rules, "bukharin")
    for option in ("close_ranks", "fight"):
        refs = [c.ref for c in choice_preview(view, rules, option).crossings if c.kind == "event"]
        assert "right_deviation" not in refs and len(refs) == len(set(refs))
