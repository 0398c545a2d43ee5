"""The player view is a snapshot: immutable, sharing nothing mutable with the state."""

from collections.abc import Mapping

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import apply_action, legal_actions, new_game, player_view
from game.engine.views import View

ATOMS = (str, int, bool, float, type(None))


def _walk(obj, seen=None):
    """Every object reachable from ``obj`` (records, mappings, tuples, lists, sets, dicts)."""
    seen = {} if seen is None else seen
    if id(obj) in seen or isinstance(obj, ATOMS):
        return seen
    seen[id(obj)] = obj
    if attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            _walk(getattr(obj, f.name), seen)
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            _walk(k, seen)
            _walk(v, seen)
    elif isinstance(obj, (tuple, list, set, frozenset)):
        for v in obj:
            _walk(v, seen)
    return seen


def _try_to_mutate(obj) -> int:
    """Attempt every mutation on everything reachable from ``obj``; count the ones refused."""
    refused = 0
    for node in list(_walk(obj).values()):
        attempts = []
        if attrs.has(type(node)):
            for f in attrs.fields(type(node)):
                attempts.append(lambda n=node, name=f.name: setattr(n, name, None))
        if isinstance(node, Mapping):
            for k in list(node):
                attempts.append(lambda n=node, k=k: n.__setitem__(k, None))
                attempts.append(lambda n=node, k=k: n.__delitem__(k))
            attempts.append(lambda n=node: n.__setitem__("intruder", 1))
        if isinstance(node, list):
            attempts.append(lambda n=node: n.append("intruder"))
        for attempt in attempts:
            try:
                attempt()
            except (TypeError, AttributeError, attrs.exceptions.FrozenInstanceError):
                refused += 1
    return refused


def _play(rules, scenario, seed, steps, picks):
    state = new_game(rules, scenario, seed)
    for i in range(steps):
        if state.outcome is not None:
            break
        legal = legal_actions(state, rules)
        state = apply_action(state, rules, legal[picks[i % len(picks)] % len(legal)])
    return state


SCENARIOS = ("succession_1923", "united_opposition_1926", "right_last_stand_1928")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scenario=st.sampled_from(SCENARIOS),
    seed=st.integers(0, 10_000),
    steps=st.integers(0, 60),
    picks=st.lists(st.integers(0, 1000), min_size=1, max_size=8),
)
def test_nothing_reachable_from_a_view_can_change_the_state(rules, scenario, seed, steps, picks):
    state = _play(rules, scenario, seed, steps, picks)
    before = state.digest()
    state_objects = {i for i, o in _walk(state).items() if not isinstance(o, (tuple, frozenset))}
    for viewer in (None, *state.factions):
        view = player_view(state, rules, viewer)
        assert isinstance(view, View)
        # nothing mutable is shared: no dict, list, set or record of the state is inside the view
        shared = state_objects & set(_walk(view))
        assert not shared, [type(_walk(view)[i]).__name__ for i in shared]
        assert _try_to_mutate(view) > 0
        assert state.digest() == before


def test_every_mutation_of_a_view_is_refused(rules, fresh):
    view = player_view(fresh, rules, "trotsky")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        view.turn = 5
    with pytest.raises(TypeError):
        view.factions["trotsky"] = None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        view.factions["trotsky"].prestige = 99
    with pytest.raises(TypeError):
        view.figures["stalin"].affinity["trotsky"] = 99
    with pytest.raises(TypeError):
        view.regions["ukraine"].sympathy["trotsky"] = 99
    with pytest.raises(AttributeError):
        view.politburo.append("trotsky")
    # nothing that any in-tree container type would allow went through
    before = [(k, v) for k, v in view.central_committee.items()]
    _try_to_mutate(view)
    assert list(view.central_committee.items()) == before


def test_views_are_read_by_attribute_only(rules, fresh):
    """No dictionary face: a record answers attributes, and item access, ``in``, ``get`` and
    unpacking by position fail at once instead of reading a field by a name or a place."""
    view = player_view(fresh, rules, "trotsky")
    assert view.figures["stalin"].faction == "stalin"  # the mappings of records are mappings
    line, faction = view.log[0], view.factions["trotsky"]
    assert line.event == "game_begins"
    for record in (view, line, faction):
        with pytest.raises(TypeError):
            record["turn"]
        with pytest.raises(TypeError):
            "turn" in record  # noqa: B015
        with pytest.raises(TypeError):
            turn, *_ = record
        assert not hasattr(record, "get")


def test_the_view_of_a_vote_keeps_every_ballot(rules):
    from game.match.headless import play

    state, _ = play(rules, "crisis_1923", 7)
    assert state.votes, "a bot game of the crisis holds votes"
    view = player_view(state, rules, None)
    for raw, seen in zip(state.votes, view.votes, strict=True):
        assert (seen.motion_id, seen.args, seen.proposer) == (raw["motion_id"], tuple(raw["args"]), raw["proposer"])
        assert seen.passed == raw["passed"]
        assert [[b.side, b.weight, b.reason, b.who, b.secret] for b in seen.ballots] == [b[:5] for b in raw["ballots"]]
        assert [dict(b.detail) for b in seen.ballots] == [b[5] or {} for b in raw["ballots"]]
        assert seen.motion_id in rules.motions and seen.proposer in state.factions
        for b in seen.ballots:
            assert b.who in rules.figures or b.who in rules.factions or b.who == "unaligned"
            assert (b.secret is not None) == (b.reason == "won_over")


def test_a_ballot_names_the_secret_patron(rules, fresh):
    from game.engine.state import Proposal
    from game.engine.votes import vote

    s = fresh.clone()
    s.politburo = ["stalin", "rykov", "trotsky"]
    s.figures["rykov"].faction = "stalin"
    s.figures["rykov"].affinity = {"stalin": 90, "bukharin": 40}
    s.cultivation["bukharin"]["rykov"] = 80
    ballot = next(
        b
        for b in vote(s, rules, "politburo", Proposal("bukharin", "remove_office", ("general_secretary",))).ballots
        if b.who == "rykov"
    )
    assert ballot.secret == "bukharin" and ballot.side == "yes"


def test_regions_and_agenda_say_what_a_player_needs(rules, fresh):
    view = player_view(fresh, rules, "trotsky")
    assert sum(r.delegates for r in view.regions.values()) == sum(view.forecast.values())
    for rid, r in view.regions.items():
        assert r.delegates == rules.regions[rid].delegates and r.why
        assert r.follows is None or r.follows in view.factions
