"""Hidden information: what a secret move shows the other factions (nothing but that the mover
has moved), what no view carries (another faction's influence and action points), and when the
rumours of courting are told (at the quarter's close, after every faction's moves)."""

import random

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import apply_action, legal_actions, new_game, outcome, phases, player_view
from game.engine.actions import CHOOSE
from game.engine.preview import seen_state
from game.engine.sample import sample_state
from game.ruleset.vocabulary import ACTION_KINDS

SCENARIOS = ("succession_1923", "crisis_1923", "united_opposition_1926", "right_last_stand_1928")
SEEDS = (1, 2, 3)
#: the action kinds the vocabulary marks secret
SECRET_KINDS = sorted(k for k, decl in ACTION_KINDS.items() if decl.secret)
#: how many positions each secret kind is tried in, at least (over all scenarios and seeds)
ENOUGH = 4

#: the only fields of a rival's view a secret move may change, and how: who is to move now
#: (every move passes the turn on), and in ``factions`` only the mover's ``done`` (a faction out
#: of action points has ended its quarter: public at the table).  Nothing else: no line of the
#: log, no number, no hold, no affinity, no offer, nothing in the public record.
ALLOWED = {"active", "factions"}


def _kind(rules, action) -> str | None:
    return None if action.name == CHOOSE else rules.actions[action.name].kind


def _differences(before, after) -> set[str]:
    return {f.name for f in attrs.fields(type(before)) if getattr(before, f.name) != getattr(after, f.name)}


def _check_secret_move(rules, state, action) -> bool:
    """Apply ``action`` (a secret move) and compare every other faction's view before and after;
    False when the move closes the quarter (the close makes secrets public by design)."""
    after = apply_action(state, rules, action)
    if after.turn != state.turn or after.phase != "actions":
        return False
    mover = action.faction
    # a bloc offer, or its refusal, is the business of the faction it is made to: it sees it too
    concerned = {mover, action.args[0]} if _kind(rules, action) in ("offer_bloc", "decline_bloc") else {mover}
    for viewer in state.factions:
        if viewer in concerned:
            continue
        old, new = player_view(state, rules, viewer), player_view(after, rules, viewer)
        changed = _differences(old, new)
        assert changed <= ALLOWED, (action.to_text(), viewer, changed - ALLOWED)
        for fid, fv in old.factions.items():
            nv = new.factions[fid]
            if fid == mover:
                assert attrs.evolve(fv, done=nv.done) == nv, (action.to_text(), viewer, fv, nv)
            else:
                assert fv == nv, (action.to_text(), viewer, fid)
    mine_before, mine_after = player_view(state, rules, mover), player_view(after, rules, mover)
    assert _differences(mine_before, mine_after) - ALLOWED, action.to_text()  # the mover itself sees its move
    return True


def _positions(rules, kind: str):
    """Positions of random games (over the scenarios and seeds) where the faction to move may play
    a move of ``kind``, with one such move: secret moves are favoured so that offers get answered."""
    for scenario in SCENARIOS:
        for seed in SEEDS:
            pick = random.Random(f"{scenario}:{seed}:{kind}")
            state = new_game(rules, scenario, seed)
            for _ in range(400):
                if outcome(state) is not None:
                    break
                legal = legal_actions(state, rules)
                mine = [a for a in legal if _kind(rules, a) == kind]
                if mine:
                    yield scenario, state, pick.choice(mine)
                secret = [a for a in legal if _kind(rules, a) in SECRET_KINDS]
                state = apply_action(state, rules, pick.choice(secret if secret and pick.random() < 0.5 else legal))


@pytest.mark.parametrize("kind", SECRET_KINDS)
def test_a_secret_move_changes_nothing_in_a_rival_view_but_whose_move_it_is(rules, kind):
    tried, scenarios = 0, set()
    for scenario, state, action in _positions(rules, kind):
        if _check_secret_move(rules, state, action):
            tried += 1
            scenarios.add(scenario)
        if tried >= ENOUGH and len(scenarios) >= 2:
            break
    assert tried >= ENOUGH and len(scenarios) >= 2, (kind, tried, scenarios)


def test_the_secret_kinds_are_the_ones_the_tests_cover():
    assert SECRET_KINDS == ["cultivate", "decline_bloc", "entrench", "offer_bloc"]


def _assert_hidden(state, rules):
    for viewer in [None, *state.factions]:
        view = player_view(state, rules, viewer)
        for fid, fv in view.factions.items():
            if fid == viewer:
                assert (fv.influence, fv.ap) == (state.factions[fid].influence, state.factions[fid].ap)
            else:
                assert fv.influence is None and fv.ap is None, (viewer, fid)
        for fid, extra in view.record["factions"].items():
            assert set(extra) == {"signatures", "base_ap", "readmit_turn"}, fid


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_view_carries_another_factions_influence_or_action_points(rules, data):
    scenario = data.draw(st.sampled_from(sorted(rules.scenarios)), label="scenario")
    seed = data.draw(st.integers(min_value=0, max_value=10**6), label="seed")
    state = new_game(rules, scenario, seed)
    _assert_hidden(state, rules)
    steps = 0
    while outcome(state) is None and steps < 600:
        state = apply_action(state, rules, data.draw(st.sampled_from(legal_actions(state, rules)), label="action"))
        _assert_hidden(state, rules)
        steps += 1


def _public_rumours(state, rules) -> list[str]:
    return [e.data["figure"] for e in player_view(state, rules, None).log if e.event == "rumour"]


def test_rumours_are_told_at_the_close_after_every_factions_moves(rules):
    """In random games, a rumour of courting never follows the move that started it: it appears only
    with the quarter's close, before its votes, the rumours of a close in the order of their
    figures, each once."""
    told = 0
    for scenario in SCENARIOS:
        for seed in SEEDS:
            pick = random.Random(f"rumours:{scenario}:{seed}")
            state = new_game(rules, scenario, seed)
            while outcome(state) is None:
                legal = legal_actions(state, rules)
                courting = [a for a in legal if _kind(rules, a) == "cultivate"]
                action = pick.choice(courting if courting and pick.random() < 0.6 else legal)
                after = apply_action(state, rules, action)
                new = player_view(after, rules, None).log[len(player_view(state, rules, None).log) :]
                rumours = [e.data["figure"] for e in new if e.event == "rumour"]
                if rumours:
                    told += len(rumours)
                    assert after.turn != state.turn or after.outcome is not None, action.to_text()
                    assert state.phase == "actions"  # the last move of the quarter, which closes it
                    assert rumours == sorted(set(rumours)), rumours
                    first_vote = next((i for i, e in enumerate(new) if e.event == "vote"), len(new))
                    assert all(i < first_vote for i, e in enumerate(new) if e.event == "rumour"), [
                        (e.kind, e.event) for e in new
                    ]
                    assert all(e.turn == state.turn for e in new if e.event == "rumour")  # the quarter's own
                state = after
    assert told >= 5, told


def test_a_rumour_waits_for_the_close_and_names_no_one(rules):
    _scenario, state, action = next(_positions(rules, "cultivate"))
    figure, rule = action.args[0], rules.actions[action.name]
    others = sorted(f for f in state.factions if f != action.faction)
    state = state.clone()
    for book in state.cultivation.values():
        book.pop(figure, None)
    state.cultivation[others[0]][figure] = rule.params["rumour_at"] - 1  # one more courting crosses the depth
    after = apply_action(state, rules, action)
    assert ("rumour", figure) in after.pending
    assert figure not in _public_rumours(after, rules)[len(_public_rumours(state, rules)) :]
    for viewer in after.factions:  # nobody hears it yet, the suitor and the rival who courts him too
        assert not [e for e in player_view(after, rules, viewer).log if e.event == "rumour" and e.turn == after.turn]
    while after.turn == state.turn and outcome(after) is None:  # every faction ends its quarter
        passing = [a for a in legal_actions(after, rules) if _kind(rules, a) == "pass" or a.name == CHOOSE]
        after = apply_action(after, rules, passing[0])
    entry = next(e for e in after.log if e.event == "rumour" and dict(e.data)["figure"] == figure)
    assert entry.visible_to is None and dict(entry.data) == {"figure": figure} and entry.turn == state.turn
    assert after.pending == []


@pytest.mark.parametrize("start", [40, 95])
def test_the_mover_counts_its_machine_at_once_and_search_rebuilds_the_state_from_its_view(rules, start):
    gain = next(r for r in rules.actions.values() if r.kind == "entrench").params["loyalty"]
    for _scenario, state, action in _positions(rules, "entrench"):
        region = action.args[0]
        state = state.clone()
        state.regions[region].loyalty = start
        after = apply_action(state, rules, action)
        if after.turn == state.turn and after.phase == "actions":
            break
    me = action.faction
    view = player_view(after, rules, me)
    assert view.regions[region].loyalty == min(100, start + gain)  # within 100
    assert after.regions[region].loyalty == start  # the state waits for the close
    for rebuilt in (sample_state(view, rules, 1), seen_state(view, rules)):
        assert rebuilt.regions[region].loyalty == start
        assert player_view(rebuilt, rules, me).regions[region] == view.regions[region]
        phases.reveal(rebuilt, rules)
        assert rebuilt.regions[region].loyalty == min(100, start + gain)


def test_a_mods_secret_composed_action_shows_nothing_to_rivals_until_the_close():
    """The denunciations mod's appeal to the Control Commission is secret: its effects (exposure
    down, sympathy up) land at the quarter's close with every other secret move's, so no rival's
    view changes in the mover's own move; the mover's forecast still shows them, and the close
    applies them once."""
    from game.engine.preview import action_preview
    from game.ruleset.loader import load

    rules, problems = load(["denunciations"])
    assert not [p for p in problems if p.severity == "error"]

    def quiet(s):  # an event's first option, or the end of the seat's quarter
        return next(a for a in legal_actions(s, rules) if a.name in ("pass_turn", CHOOSE))

    state = new_game(rules, "united_opposition_1926", 1)
    while state.active != "trotsky" or state.phase != "actions":
        state = apply_action(state, rules, quiet(state))
    state.factions["trotsky"].status, state.factions["trotsky"].exposure = "censured", 10
    appeal = next(a for a in legal_actions(state, rules) if a.name == "appeal_to_control_commission")
    forecast = action_preview(player_view(state, rules, "trotsky"), rules, appeal).changes
    assert ("exposure", "trotsky") in [c.what for c in forecast]  # the mover is told what it will do
    assert _check_secret_move(rules, state, appeal)

    def closed(first):  # the quarter played out with ``first`` as Trotsky's move, then quiet moves
        s = apply_action(state, rules, first)
        assert first != appeal or s.factions["trotsky"].exposure == 10  # not yet
        while s.turn == state.turn:
            s = apply_action(s, rules, quiet(s))
        return s

    with_it, without = closed(appeal), closed(quiet(state))
    assert not with_it.pending
    assert with_it.factions["trotsky"].exposure == without.factions["trotsky"].exposure - 3
