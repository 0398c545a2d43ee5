"""The events check: one checker per effect verb, each catching its broken case; the observer of
the events that fire; and, over bot games of every scenario and the historical line, no event
whose effects contradict the state it meets."""

from __future__ import annotations

import pytest

from game import cli
from game.engine import new_game, phases
from game.engine.effects import EFFECTS, holds
from game.engine.state import Proposal
from game.match import headless, historical, replay
from game.present import chronicle
from game.ruleset import records
from game.tools import consistency
from game.tools.consistency import effect_problem, event_problems

#: games per scenario in the suite (``python -m game events-check`` plays 72)
GAMES = 8


@pytest.fixture
def state(rules):
    """The campaign at its first decision: Lenin stricken, Stalin General Secretary, seven seats
    of the Politburo taken, Stalin and Zinoviev in a bloc."""
    return new_game(rules, "succession_1923", 1).clone()


def why(state, rules, effect, event=None):
    return effect_problem(state, rules, effect, event)


def test_every_effect_verb_has_one_checker():
    assert set(consistency.CHECKS) == set(EFFECTS) == set(records.EFFECTS)


# --- each checker catches its broken case and passes the sound one -------------------------------


def test_resources_need_a_faction_in_play(rules, state):
    assert why(state, rules, {"prestige": {"faction": "bukharin", "delta": 1}}) is None
    del state.factions["bukharin"]
    for verb in ("prestige", "influence", "exposure", "mantle"):
        assert "not in play" in why(state, rules, {verb: {"faction": "bukharin", "delta": 1}})
    assert "not in play" in why(state, rules, {"sympathy": {"faction": "bukharin", "delta": 1}})
    assert "not in play" in why(
        state, rules, {"stance": {"faction": "bukharin", "issue": "industrialisation", "to": 5}}
    )


def test_tracker_and_regions_must_exist(rules, state):
    assert why(state, rules, {"tracker": {"id": "mass_mood", "delta": 5}}) is None
    assert "no tracker" in why(state, rules, {"tracker": {"id": "atlantis", "delta": 5}})
    assert "no region" in why(state, rules, {"sympathy": {"faction": "stalin", "delta": 1, "region": "atlantis"}})


def test_loyalty_needs_a_secretary(rules, state):
    assert why(state, rules, {"loyalty": {"region": "red_army", "delta": 5}}) is None
    state.regions["red_army"].secretary = None
    assert "no faction's secretary" in why(state, rules, {"loyalty": {"region": "red_army", "delta": 5}})


def test_the_dead_take_no_part(rules, state):
    assert why(state, rules, {"kill": "frunze"}) is None
    state.figures["frunze"].status = "dead"
    assert "is dead" in why(state, rules, {"kill": "frunze"})
    assert "is dead" in why(state, rules, {"affinity": {"figure": "frunze", "faction": "stalin", "delta": 5}})
    assert "is dead" in why(state, rules, {"figure_status": {"figure": "frunze", "to": "expelled"}})
    assert "is dead" in why(state, rules, {"join": {"figure": "frunze", "faction": "stalin"}})


def test_figure_status_moves_forward_only(rules, state):
    assert "already incapacitated" in why(state, rules, {"figure_status": {"figure": "lenin", "to": "incapacitated"}})
    assert why(state, rules, {"figure_status": {"figure": "radek", "to": "expelled"}}) is None
    state.figures["radek"].status = "exiled"
    assert "already exiled" in why(state, rules, {"figure_status": {"figure": "radek", "to": "expelled"}})


def test_appoint(rules, state):
    event = rules.events["trotsky_leaves_war_commissariat"]  # names Trotsky as the holder
    holder = state.offices["war_commissar"]
    assert holder == "trotsky"
    assert why(state, rules, {"appoint": {"office": "war_commissar", "figure": "frunze"}}, event) is None
    assert "do not name" in why(state, rules, {"appoint": {"office": "war_commissar", "figure": "frunze"}})
    assert "already holds" in why(state, rules, {"appoint": {"office": "war_commissar", "figure": "trotsky"}}, event)
    state.offices["war_commissar"] = None
    assert why(state, rules, {"appoint": {"office": "war_commissar", "figure": "frunze"}}) is None
    state.figures["frunze"].status = "expelled"
    assert "may hold no office" in why(state, rules, {"appoint": {"office": "war_commissar", "figure": "frunze"}})
    state.factions["stalin"].status = "removed"
    assert "faction is removed" in why(state, rules, {"appoint": {"office": "war_commissar", "figure": "voroshilov"}})


def test_vacate(rules, state):
    event = rules.events["trotsky_leaves_war_commissariat"]
    assert why(state, rules, {"vacate": "war_commissar"}, event) is None
    assert "do not name" in why(state, rules, {"vacate": "war_commissar"})
    assert "do not name" in why(state, rules, {"vacate": "war_commissar"}, rules.events["lenin_dies"])
    state.offices["war_commissar"] = None
    assert "already empty" in why(state, rules, {"vacate": "war_commissar"}, event)


def test_politburo_add_needs_a_free_seat_and_a_sitter(rules, state):
    assert len(state.politburo) == state.seat_count(rules, "politburo")
    assert "already sits" in why(state, rules, {"politburo_add": "stalin"})
    assert "no free seat" in why(state, rules, {"politburo_add": "bukharin"})
    state.politburo.remove("lenin")
    assert why(state, rules, {"politburo_add": "bukharin"}) is None
    state.factions["bukharin"].status = "removed"
    assert "may not sit" in why(state, rules, {"politburo_add": "bukharin"})


def test_removals_need_the_seat(rules, state):
    assert why(state, rules, {"politburo_remove": "kamenev"}) is None
    assert "does not sit" in why(state, rules, {"politburo_remove": "bukharin"})
    assert why(state, rules, {"secretariat_remove": "molotov"}) is None
    assert "is not a secretary" in why(state, rules, {"secretariat_remove": "kaganovich"})


def test_secretariat_add(rules, state):
    assert why(state, rules, {"secretariat_add": "kaganovich"}) is None
    assert "already a secretary" in why(state, rules, {"secretariat_add": "molotov"})
    state.figures["kaganovich"].status = "exiled"
    assert "may hold no office" in why(state, rules, {"secretariat_add": "kaganovich"})


def test_seats(rules, state):
    assert why(state, rules, {"seats": {"body": "central_committee", "to": 40}}) is None
    assert "already has 27 seats" in why(state, rules, {"seats": {"body": "central_committee", "to": 27}})
    assert "Politburo seats for 7 members" in why(state, rules, {"seats": {"body": "politburo", "to": 5}})


def test_stance(rules, state):
    now = state.stance("stalin", "industrialisation")
    assert why(state, rules, {"stance": {"faction": "stalin", "issue": "industrialisation", "to": now - 10}}) is None
    assert "already stands" in why(
        state, rules, {"stance": {"faction": "stalin", "issue": "industrialisation", "to": now}}
    )


def test_status_moves_down_the_ladder(rules, state):
    state.factions["trotsky"].status = "removed"
    assert why(state, rules, {"status": {"faction": "trotsky", "to": "expelled_cc"}}) is None
    assert "already removed" in why(state, rules, {"status": {"faction": "trotsky", "to": "removed"}})
    assert "back up the ladder" in why(state, rules, {"status": {"faction": "trotsky", "to": "censured"}})
    assert why(state, rules, {"status": {"faction": "trotsky", "to": "capitulated"}}) is None  # a recantation
    state.factions["trotsky"].status = "expelled_party"
    assert why(state, rules, {"status": {"faction": "trotsky", "to": "capitulated"}}) is None  # a readmission


def test_join(rules, state):
    assert why(state, rules, {"join": {"figure": "radek"}}) is None
    assert "already stands with Trotsky" in why(state, rules, {"join": {"figure": "radek", "faction": "trotsky"}})
    state.figures["radek"].faction = None
    assert "already stands with no faction" in why(state, rules, {"join": {"figure": "radek"}})


def test_blocs(rules, state):
    assert state.in_bloc("stalin", "zinoviev")
    assert "already in a bloc" in why(state, rules, {"bloc": {"a": "zinoviev", "b": "stalin"}})
    assert why(state, rules, {"break_bloc": {"a": "zinoviev", "b": "stalin"}}) is None
    assert why(state, rules, {"bloc": {"a": "trotsky", "b": "zinoviev"}}) is None
    assert "in no bloc" in why(state, rules, {"break_bloc": {"a": "trotsky", "b": "zinoviev"}})
    assert "two factions" in why(state, rules, {"bloc": {"a": "trotsky", "b": "trotsky"}})


def test_congresses_do_not_meet_back_to_back(rules, state):
    assert why(state, rules, {"congress": "Test Congress"}) is None
    state.last_congress_turn = state.turn - 1
    assert "met last quarter" in why(state, rules, {"congress": "Test Congress"})
    state.last_congress_turn, state.congress_due = -99, "Extraordinary Congress"
    assert "already meets" in why(state, rules, {"congress": "Test Congress"})


def test_motions_that_would_lapse(rules, state):
    expel_cc = {"motion": {"motion": "expel_cc", "proposer": "stalin", "target": "trotsky"}}
    expel_party = {"motion": {"motion": "expel_party", "proposer": "stalin", "target": "trotsky"}}
    assert "needs removed" in why(state, rules, expel_cc)
    state.factions["trotsky"].status = "removed"
    assert why(state, rules, expel_cc) is None
    assert "needs expelled_cc" in why(state, rules, expel_party)
    state.agenda.append(Proposal("stalin", "expel_cc", ("trotsky",)))
    assert why(state, rules, expel_party) is None  # tabled behind the CC expulsion: the vote decides
    assert "already on the agenda" in why(state, rules, expel_cc)
    state.agenda.clear()
    state.blocs.append(("stalin", "trotsky"))
    assert "in a bloc" in why(state, rules, expel_cc)
    state.blocs.remove(("stalin", "trotsky"))
    state.factions["stalin"].status = "expelled_party"
    assert "not voted" in why(state, rules, expel_cc)


def test_flags(rules, state):
    assert why(state, rules, {"flag": "new_flag"}) is None
    assert "not set" in why(state, rules, {"unflag": "new_flag"})
    state.flags.add("new_flag")
    assert "already set" in why(state, rules, {"flag": "new_flag"})
    assert why(state, rules, {"unflag": "new_flag"}) is None
    assert why(state, rules, {"log": "anything"}) is None


# --- walking an event ----------------------------------------------------------------------------


def test_an_event_is_walked_effect_by_effect_and_option_by_option(rules, state):
    before = state.digest()
    # Politburo full: Kamenev's seat goes to Kalinin (removal first, so the seat is free) ...
    assert event_problems(state, rules, "politburo_of_nine") == []
    # ... but Kuibyshev has no free seat to take
    assert [(o, v) for o, v, _w in event_problems(state, rules, "kuibyshev_full_member")] == [(None, "politburo_add")]
    assert state.digest() == before  # the state walked is not changed
    # every option of a choice is walked, each followed by the event's own effects
    state.flags.add("rotten_compromise")
    found = event_problems(state, rules, "georgian_compromise")
    assert [(o, v) for o, v, _w in found] == [("compromise", "flag")]


def test_the_new_conditions(rules, state):
    assert holds(state, {"vacant": "pur_chief"}, rules) == (state.offices["pur_chief"] is None)
    assert not holds(state, {"politburo_seats_free": 1}, rules)
    state.politburo.remove("lenin")
    assert holds(state, {"politburo_seats_free": 1}, rules) and not holds(state, {"politburo_seats_free": 2}, rules)
    with pytest.raises(ValueError, match="needs the rules"):
        holds(state, {"not": {"politburo_seats_free": 1}})
    assert holds(state, {"not": {"vacant": "general_secretary"}})  # the others need no rules
    assert not holds(state, {"congress_within": 1}, rules)
    state.congress_due = "Twelfth Congress"
    assert holds(state, {"congress_within": 0}, rules)
    state.congress_due, state.last_congress_turn = None, state.turn - 1
    assert holds(state, {"congress_within": 1}, rules) and not holds(state, {"congress_within": 0}, rules)


# --- the observer --------------------------------------------------------------------------------


def test_the_observer_sees_every_event_and_changes_nothing(rules):
    seen = []
    with phases.observing_events(lambda s, r, eid, option: seen.append((s.date_text(), eid, option))):
        watched, _ = headless.play(rules, "crisis_1923", 2)
    assert phases._event_observer is None
    plain, _ = headless.play(rules, "crisis_1923", 2)
    assert watched.digest() == plain.digest()
    assert ("1924-Q1", "lenin_dies", None) in seen
    for _date, eid, option in seen:  # a choice's event reports the option taken, others none
        choice = rules.events[eid].choice
        assert (option in {o.id for o in choice.options}) if choice else option is None
    announced = [chronicle.render(rules, e) for e in plain.log if e.kind == "event"]
    assert all(any(t.startswith(rules.events[eid].name + ":") for t in announced) for _d, eid, _o in seen)


# --- the count that must be zero -----------------------------------------------------------------


def test_no_event_contradicts_the_state_in_bot_games(rules):
    report = consistency.run(rules, GAMES)
    assert set(report.games) == set(rules.scenarios)
    assert all(n == GAMES for n in report.games.values())
    assert all(report.fired[s] > 0 for s in rules.scenarios)
    assert report.problems == [], "\n".join(p.text() for p in report.problems)


def test_no_event_contradicts_the_state_on_the_historical_line(rules):
    found = []

    def observe(state, rules_, eid, _option):
        found.extend((state.date_text(), eid, *p) for p in event_problems(state, rules_, eid))

    rep = replay.load(historical.REPLAY)
    with phases.observing_events(observe):
        _state, results = replay.run_checked(rep, rules, str(historical.REPLAY))
    assert all(r.met for r in results)
    assert found == []


def test_events_check_command(capsys, tmp_path):
    code = cli.main(["events-check", "--games", "1", "--scenario", "crisis_1923"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].startswith("crisis_1923: 1 games, ") and out[0].endswith(" 0 problem(s)")
    assert out[-1].startswith("events check: 1 bot games, ") and out[-1].endswith(" 0 problem(s)")

    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "mod.yaml").write_text('id: m\nname: M\nversion: "1.0"\nformat_version: 1\n', encoding="utf-8")
    (mod / "events.yaml").write_text(
        "format_version: 1\nevents:\n"
        '  - id: lenin_third_stroke\n    replace: true\n    name: A stroke\n    date: "1923-03-10"\n    text: "Again."\n'
        "    effects:\n      - figure_status: {figure: lenin, to: incapacitated}\n"
        '    source:\n      - outside: "A test"\n        says: "nothing"\n',
        encoding="utf-8",
    )
    code = cli.main(["events-check", "--games", "1", "--scenario", "succession_1923", "--mod", str(mod)])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "succession_1923 seed 1 1923-Q1 lenin_third_stroke: figure_status — Vladimir Lenin is already incapacitated"
    ) in out.splitlines()
    assert cli.main(["events-check", "--scenario", "atlantis"]) == 2
