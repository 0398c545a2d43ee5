"""Reasons as codes with the engine's own numbers: a delegation's comparison, a swing voter's sum,
the lines a preview crosses, what a bloc or an event's option would change."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Action, apply_action, congress, legal_actions, new_game, player_view
from game.engine.effects import run_effects
from game.engine.preview import action_preview, bloc_forecast, crossings
from game.engine.state import UNALIGNED, Proposal
from game.engine.votes import SWING_TERMS, swing_score, vote
from game.present import forecasts, naming, phrases, situation, voting


def _decided_by(why, secretary_in_bloc_with) -> str | None:
    """Whom a delegation follows, worked out from nothing but the numbers its Why gives."""
    if why.outcome in ("machine", "overwhelmed"):
        overwhelms = why.rival is not None and why.sympathy >= why.threshold and why.sympathy > why.total
        assert why.outcome == ("overwhelmed" if overwhelms else "machine")
        if why.partner is not None:
            assert secretary_in_bloc_with(why.partner)
            assert why.partner_sympathy >= why.threshold and why.partner_sympathy > why.total
        return why.rival if overwhelms else why.secretary
    carries = why.rival is not None and why.sympathy >= why.threshold
    assert why.outcome == ("sympathy" if carries else "nobody")
    return why.rival if carries else None


def _check_delegations(state, rules):
    s = rules.settings
    bonus = state.trackers.get(s.roles.bureaucracy, 0) // s.bureaucracy_per_hold
    for rid, fid, n, why in congress.delegations(state, rules):
        reg = state.regions[rid]
        assert n == rules.regions[rid].delegates
        assert (why.hold, why.bonus, why.total) == (reg.loyalty, bonus, reg.loyalty + bonus)
        if why.rival is not None:
            assert why.sympathy == reg.sympathy[why.rival]
        sec = reg.secretary
        assert fid == _decided_by(why, lambda f, sec=sec: state.in_bloc(f, sec)), rid


def _crisis(rules, seed=3):
    return new_game(rules, "crisis_1923", seed)


def test_a_delegation_is_the_sum_its_reason_shows_in_many_states(rules):
    s = _crisis(rules)
    _check_delegations(s, rules)
    # an overwhelmed secretary: Moscow's rank and file for Trotsky past hold, bonus and threshold
    moscow = s.regions["moscow"]
    moscow.sympathy["trotsky"] = rules.settings.override_threshold + moscow.loyalty
    fid, why = congress.delegation(s, rules, "moscow")
    assert (fid, why.outcome, why.rival) == ("trotsky", "overwhelmed", "trotsky")
    _check_delegations(s, rules)
    # sympathy past the hold but under the threshold: the machine still delivers
    moscow.loyalty = 0
    moscow.sympathy["trotsky"] = rules.settings.override_threshold - 1
    s.trackers[rules.settings.roles.bureaucracy] = 0
    fid, why = congress.delegation(s, rules, "moscow")
    assert (fid, why.outcome) == ("stalin", "machine") and why.sympathy > why.total
    _check_delegations(s, rules)
    # a bloc partner whose sympathy would overwhelm: delivered jointly by the secretary's machine
    s.blocs = [("stalin", "trotsky")]
    moscow.sympathy["trotsky"] = 100
    fid, why = congress.delegation(s, rules, "moscow")
    assert (fid, why.outcome, why.partner, why.partner_sympathy) == ("stalin", "machine", "trotsky", 100)
    _check_delegations(s, rules)
    # no secretary, and a secretary whose faction may not send delegates
    s.regions["urals"].secretary = None
    s.factions["zinoviev"].status = "expelled_party"
    _check_delegations(s, rules)
    assert congress.delegation(s, rules, "leningrad")[1].barred


def test_the_bureaucracy_bonus_is_the_one_that_decides(rules):
    """Raising the bureaucracy raises every hold by the bonus the reason shows, and that bonus alone
    can turn a region."""
    s = _crisis(rules)
    tracker = rules.settings.roles.bureaucracy
    per = rules.settings.bureaucracy_per_hold
    moscow = s.regions["moscow"]
    s.trackers[tracker] = 0
    moscow.sympathy["trotsky"] = max(rules.settings.override_threshold, moscow.loyalty + 1)
    assert congress.delegation(s, rules, "moscow")[0] == "trotsky"
    s.trackers[tracker] = (moscow.sympathy["trotsky"] - moscow.loyalty) * per
    fid, why = congress.delegation(s, rules, "moscow")
    assert fid == "stalin" and why.total >= why.sympathy and why.bonus == s.trackers[tracker] // per


def _swing_ballots(state, rules):
    for v in player_view(state, rules, None).votes:
        for b in v.ballots:
            if b.reason == "swing":
                yield b


def test_a_swing_ballots_terms_add_to_its_score_and_the_sign_gives_its_side(rules):
    from game.match.headless import play

    state, _ = play(rules, "crisis_1923", 7)
    ballots = list(_swing_ballots(state, rules))
    assert any(b.who == UNALIGNED for b in ballots)
    v = rules.settings.votes
    for b in ballots:
        terms, score = b.detail["terms"], b.detail["score"]
        assert set(terms) <= set(SWING_TERMS) and sum(terms.values()) == score
        if b.who == UNALIGNED:
            assert b.detail["percent"] == max(0, min(100, v.unaligned_base + v.unaligned_step * score))
        else:
            assert b.side == ("yes" if score > 0 else "no")


def test_a_swing_term_is_the_engines_number(rules):
    s = _crisis(rules)
    prop = Proposal("stalin", "censure", ("trotsky",))
    _score, before = swing_score(s, rules, prop)
    s.factions["stalin"].prestige += 3
    s.factions["trotsky"].exposure += 2
    score, after = swing_score(s, rules, prop)
    assert after["prestige"] - before["prestige"] == 3
    assert after["exposure"] - before["exposure"] == 2 * rules.settings.votes.exposure_weight
    assert score == sum(after.values())
    for b in vote(s, rules, "central_committee", prop).ballots:
        if b.reason == "swing":
            assert b.detail["terms"] == after and b.detail["score"] == score


def _trotsky_to_move(rules, exposure):
    s = _crisis(rules)
    assert s.active == "trotsky" and s.phase == "actions"
    s.factions["trotsky"].exposure = exposure
    return s


def test_a_mass_appeal_announces_the_censure_line_it_crosses(rules):
    censure = rules.motions["censure"]
    appeal = rules.actions["mass_appeal"]
    start = censure.min_exposure - 1  # one short of the line: the appeal's exposure carries it over
    s = _trotsky_to_move(rules, start)
    action = next(a for a in legal_actions(s, rules) if a.name == "mass_appeal")
    preview = action_preview(player_view(s, rules, "trotsky"), rules, action)
    found = [c for c in preview.crossings if c.ref == "censure" and c.faction == "trotsky"]
    assert [(c.kind, c.line, c.before, c.after) for c in found] == [
        ("motion", censure.min_exposure, start, start + appeal.exposure)
    ]
    # and how the censure would go if the rival best placed to move it did so at once: the engine's vote
    (crossing,) = found
    after = apply_action(s, rules, action)
    real = vote(after, rules, censure.body, Proposal(crossing.mover, "censure", ("trotsky",)))
    assert (crossing.forecast.yes, crossing.forecast.no) == (real.total("yes"), real.total("no"))
    words = phrases.action_card(rules, player_view(s, rules, "trotsky"), action).preview
    assert any(f"crosses {censure.min_exposure}" in w and censure.name in w for w in words)
    moved = f"moved now by {naming.short_faction(rules, crossing.mover)} it would"
    assert any(moved in w and f"{real.total('yes')}–{real.total('no')}" in w for w in words)
    # and the ban on factions' line, a margin above: bystanders back the censure from there
    line = censure.min_exposure + rules.settings.votes.ban_margin
    s = _trotsky_to_move(rules, line - 1)
    preview = action_preview(player_view(s, rules, "trotsky"), rules, action)
    assert ("ban", "censure", line) in [(c.kind, c.ref, c.line) for c in preview.crossings]


def test_an_event_condition_crossed_is_announced_when_the_event_could_then_fire(rules):
    s = new_game(rules, "succession_1923", 1)
    s.factions["trotsky"].status = "removed"
    s.factions["trotsky"].exposure = 8
    s.blocs = []
    after = s.clone()
    after.factions["trotsky"].exposure = 12
    found = [c for c in crossings(rules, s, after) if c.kind == "event"]
    assert "expel_cc_trotsky" in [c.ref for c in found]
    event = next(c for c in found if c.ref == "expel_cc_trotsky")
    assert (event.line, event.before, event.after, event.due) == (10, False, True, "1927-Q4")
    negated = [c["not"] for c in rules.events["expel_cc_trotsky"].conditions if "not" in c]
    assert event.line == next(c["exposure_below"]["value"] for c in negated if "exposure_below" in c)
    s.factions["trotsky"].status = "active"  # another of its conditions fails: nothing to announce
    after.factions["trotsky"].status = "active"
    assert "expel_cc_trotsky" not in [c.ref for c in crossings(rules, s, after) if c.kind == "event"]


def _bloc_state(rules):
    """Stalin's Moscow machine against Bukharin's sympathy, and Stalin's motion on the agenda."""
    s = _crisis(rules)
    s.blocs = []
    moscow = s.regions["moscow"]
    moscow.sympathy["bukharin"] = 100
    s.factions["bukharin"].exposure = 30
    s.agenda = [Proposal("stalin", "adopt_line", ("industrialisation", "right"))]
    s.offers = [("bukharin", "stalin", s.turn)]
    return s


def test_a_bloc_offers_forecast_is_what_the_bloc_would_change(rules):
    s = _bloc_state(rules)
    assert congress.delegation(s, rules, "moscow")[0] == "bukharin"
    view = player_view(s, rules, "stalin")
    forecast = bloc_forecast(view, rules, "stalin", "bukharin")
    changes = {c.what: (c.before, c.after) for c in forecast.changes}
    assert changes[("follows", "moscow")] == ("bukharin", "stalin")
    formed = s.clone()
    formed.blocs = [("bukharin", "stalin")]
    assert congress.delegation(formed, rules, "moscow")[0] == "stalin"
    shares = congress.delegate_shares(formed, rules)
    assert changes[("delegates", "stalin")][1] == shares["stalin"]
    assert ("stalin", ("censure", "bukharin")) in forecast.lost
    real = vote(formed, rules, "central_committee", s.agenda[0])
    for shift in forecast.agenda:
        assert (shift.after.yes, shift.after.no) == (real.total("yes"), real.total("no"))
    lines = forecasts.offer_lines(rules, view)
    assert lines[0].startswith(naming.faction_name(rules, "bukharin"))
    assert any("Moscow" in line and "would follow" in line for line in lines)


def test_accepting_and_declining_say_what_each_does(rules):
    s = _bloc_state(rules)
    s.offers = [("stalin", "bukharin", s.turn)]
    s.active = "bukharin"
    view = player_view(s, rules, "bukharin")
    accept = phrases.action_card(rules, view, Action("accept_bloc", "bukharin", ("stalin",))).preview
    decline = phrases.action_card(rules, view, Action("decline_bloc", "bukharin", ("stalin",))).preview
    assert accept[0].startswith("Accepting forms a bloc") and decline[0].startswith("Declining changes nothing")
    assert [line for line in accept if "Moscow" in line] and [line for line in decline if "Moscow" in line]


def _pending_choice(rules, scenario="crisis_1923", seed=3):
    s = new_game(rules, scenario, seed)
    for i in range(2000):
        if s.pending_choice:
            return s
        legal = legal_actions(s, rules)
        s = apply_action(s, rules, legal[(i * 7) % len(legal)])
    raise AssertionError("no event put a choice")


def test_an_event_choice_shows_what_each_option_changes(rules):
    s = _pending_choice(rules)
    eid, chooser = s.pending_choice
    view = player_view(s, rules, chooser)
    shown = 0
    for option in rules.events[eid].choice.options:
        preview = action_preview(view, rules, Action("choose", chooser, (option.id,)))
        after = s.clone()
        run_effects(after, rules, option.effects)
        run_effects(after, rules, rules.events[eid].effects)  # whatever is chosen, as resolve_choice runs it
        expected = {
            (name, f): (getattr(fs, name), getattr(after.factions[f], name))
            for f, fs in s.factions.items()
            for name in ("prestige", "exposure", "mantle", "influence")
            if getattr(fs, name) != getattr(after.factions[f], name)
        }
        got = {
            c.what: (c.before, c.after)
            for c in preview.changes
            if c.what[0] in ("prestige", "exposure", "mantle", "influence")
        }
        assert got == expected
        card = phrases.action_card(rules, view, Action("choose", chooser, (option.id,)))
        assert card.preview and card.title == option.name
        shown += len(got)
    assert shown, "the options of this event change someone's standing"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_ballot_and_delegation_in_random_play_renders_to_words(rules, data):
    scenario = data.draw(st.sampled_from(sorted(rules.scenarios)), label="scenario")
    seed = data.draw(st.integers(min_value=0, max_value=10**6), label="seed")
    state = new_game(rules, scenario, seed)
    steps = 0
    while state.outcome is None and steps < 400:
        legal = legal_actions(state, rules)
        state = apply_action(state, rules, data.draw(st.sampled_from(legal), label="action"))
        steps += 1
        if steps % 25 == 0:
            _check_delegations(state, rules)
    view = player_view(state, rules, None)
    for v in view.votes:
        for line in voting.vote_lines(rules, v, None)[1:]:
            assert line.strip() and "_" not in line.split(" — ", 1)[1], line
        for b in v.ballots:
            if b.reason == "swing":
                assert sum(b.detail["terms"].values()) == b.detail["score"]
    for rid in view.regions:
        text = situation.region_explanation(rules, view, rid)
        assert rules.regions[rid].name in text and "_" not in text


def test_a_bloc_that_brings_on_an_event_says_so(rules):
    from game.engine.effects import holds

    s = new_game(rules, "united_opposition_1926", 1)
    s.blocs = [b for b in s.blocs if set(b) != {"trotsky", "zinoviev"}]
    view = player_view(s, rules, "trotsky")
    forecast = bloc_forecast(view, rules, "trotsky", "zinoviev")
    events = [c for c in forecast.crossings if c.kind == "event"]
    assert events, "a bloc of the United Opposition brings on the events that need it"
    formed = s.clone()
    formed.blocs = sorted(formed.blocs + [("trotsky", "zinoviev")])
    for c in events:  # each event the bloc brings on (or stops) by the engine's own test of its conditions
        conditions = rules.events[c.ref].conditions
        assert holds(formed, conditions, rules) == bool(c.after)
        assert not c.after or not holds(s, conditions, rules)
    brought = next(c for c in events if c.after)
    text = forecasts.crossing_text(rules, view, brought)
    assert rules.events[brought.ref].name in text and "Trotsky and Zinoviev are in a bloc" in text
