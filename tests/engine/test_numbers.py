"""The engine takes its numbers from the rules: a motion an event tables to move a line is voted
and carried out, tracker start values come from trackers.yaml, and the Testament tables the
removal its rule file names."""

import attrs

from game.engine import new_game, phases
from game.engine.effects import run_effects
from game.engine.motions import resolve
from game.engine.state import Proposal
from game.ruleset.loader import Rules

LEFT_TURN = {
    "motion": {"motion": "adopt_line", "proposer": "trotsky", "issue": "industrialisation", "direction": "left"}
}


def with_changes(rules, kind, entry_id, **changes):
    """The same rules with one entry changed."""
    table = dict(rules.by_kind[kind])
    table[entry_id] = attrs.evolve(table[entry_id], **changes)
    return Rules.from_tables({**rules.by_kind, kind: table}, origin=rules.origin, root=rules.root)


def test_an_event_tabled_line_is_voted_and_moves_the_tracker(rules, fresh):
    s = fresh.clone()
    before = s.trackers["industrialisation"]
    run_effects(s, rules, [LEFT_TURN])
    assert [(p.motion, p.args) for p in s.agenda] == [("adopt_line", ("industrialisation", "left"))]
    s.cc = {"trotsky": 27}
    phases._votes(s, rules)
    assert not any(e.event == "lapsed" for e in s.log)
    assert s.votes[-1]["passed"] and s.votes[-1]["body"] == "central_committee"
    assert s.trackers["industrialisation"] == before - rules.motions["adopt_line"].params["opinion"]


def test_an_event_tabled_line_can_be_defeated(rules, fresh):
    s = fresh.clone()
    before = s.trackers["industrialisation"]
    run_effects(s, rules, [LEFT_TURN])
    s.cc = {"bukharin": 27}  # for the peasant alliance: votes the left turn down
    phases._votes(s, rules)
    assert s.votes[-1]["motion_id"] == "adopt_line"
    assert not s.votes[-1]["passed"]
    assert s.trackers["industrialisation"] == before


def test_trackers_start_where_the_rule_file_says_unless_the_scenario_sets_them(rules):
    quiet = with_changes(rules, "scenarios", "succession_1923", trackers={"mass_mood": 45}, events=("no_event",))
    quiet = with_changes(quiet, "trackers", "bureaucracy", start=77)
    state = new_game(quiet, "succession_1923", 1)
    assert state.trackers == {**{t: rec.start for t, rec in quiet.trackers.items()}, "mass_mood": 45}
    assert state.trackers["bureaucracy"] == 77 and state.trackers["industrialisation"] == 0


def test_the_testament_tables_the_removal_its_rule_file_names(rules, fresh):
    def read(r):
        s = fresh.clone()
        s.flags.add("testament_known")
        for region in s.regions.values():  # a Congress of Trotsky's delegates
            region.secretary = "trotsky"
        resolve(s, r, Proposal("trotsky", "read_testament", ()))
        return s

    assert "testament_read" in read(rules).flags
    assert [(p.motion, p.args) for p in read(rules).agenda] == [("remove_office", ("general_secretary",))]
    assert read(with_changes(rules, "motions", "read_testament", follow_up=None)).agenda == []
