"""Engine features the history needs: the Secretariat as a body, body sizes that change,
stances that change, conditions that negate, events a scenario takes out of play, and motions an
event tables behind others."""

from game.engine import apply_action, congress, legal_actions, new_game, phases, player_view
from game.engine.effects import holds, run_effects
from game.engine.state import UNALIGNED
from game.present import chronicle
from tests.engine.test_mechanics import _turn_of

# --- the Secretariat ---------------------------------------------------------------------------


def test_the_campaign_starts_with_the_secretariat_of_1922(rules, fresh):
    assert fresh.secretariat == ["stalin", "molotov", "kuibyshev"]
    for viewer in (None, "trotsky"):  # public knowledge, on every screen
        assert player_view(fresh, rules, viewer).secretariat == ("stalin", "molotov", "kuibyshev")


def test_secretaries_bring_their_faction_influence(rules, fresh):
    fresh = fresh.clone()
    for office, holder in fresh.offices.items():  # below the income ceiling, so each secretary counts
        if holder and fresh.figures[holder].faction == "stalin":
            fresh.offices[office] = None
    s = fresh.clone()
    s.secretariat = ["stalin"]
    phases._income(s, rules)
    without = s.factions["stalin"].influence
    t = fresh.clone()
    t.secretariat = ["stalin", "molotov", "kuibyshev"]
    phases._income(t, rules)
    assert t.factions["stalin"].influence == without + 2 * rules.settings.secretary_income


def test_a_secretary_who_falls_leaves_the_secretariat(rules, fresh):
    s = fresh.clone()
    run_effects(s, rules, [{"secretariat_add": "bukharin"}])
    assert "bukharin" in s.secretariat
    run_effects(s, rules, [{"status": {"faction": "bukharin", "to": "removed"}}])
    assert "bukharin" not in s.secretariat
    run_effects(s, rules, [{"kill": "molotov"}])
    assert "molotov" not in s.secretariat
    run_effects(s, rules, [{"secretariat_remove": "kuibyshev"}])
    assert s.secretariat == ["stalin"]


def test_a_new_general_secretary_heads_the_secretariat_and_the_congress_fills_it(rules, fresh):
    s = fresh.clone()
    run_effects(s, rules, [{"appoint": {"office": "general_secretary", "figure": "zinoviev"}}])
    assert s.secretariat[0] == "zinoviev"
    s.blocs = []
    lines = congress.elect_secretariat(s, rules)
    # Stalin's men are not friends of the new General Secretary: his own people replace them
    assert s.secretariat[0] == "zinoviev"
    assert all(s.figures[f].faction in ("zinoviev", None) for f in s.secretariat)
    assert len(s.secretariat) >= 3
    assert lines and lines[0][0] == "secretaries_elected"
    assert chronicle.sentence(rules, *lines[0]).startswith("New secretaries of the Central Committee:")


# --- body sizes ----------------------------------------------------------------------------------


def test_the_central_committee_grows_and_shrinks_keeping_its_seats_whole(rules, fresh):
    s = fresh.clone()
    assert sum(s.cc.values()) == 27 == s.seat_count(rules, "central_committee")
    before = {k: v for k, v in s.cc.items() if k != UNALIGNED}
    run_effects(s, rules, [{"seats": {"body": "central_committee", "to": 40}}])
    assert sum(s.cc.values()) == 40 == s.seat_count(rules, "central_committee")
    assert {k: v for k, v in s.cc.items() if k != UNALIGNED} == before  # new seats sit unaligned
    run_effects(s, rules, [{"seats": {"body": "central_committee", "to": 20}}])
    assert sum(s.cc.values()) == 20
    assert UNALIGNED not in s.cc  # the unaligned went first


def test_a_bigger_politburo_has_room_for_more(rules, fresh):
    s = fresh.clone()
    run_effects(s, rules, [{"politburo_add": "bukharin"}])
    assert "bukharin" not in s.politburo  # seven seats, seven members
    run_effects(s, rules, [{"seats": {"body": "politburo", "to": 9}}, {"politburo_add": "bukharin"}])
    assert "bukharin" in s.politburo


def test_the_campaign_congresses_grow_the_central_committee(rules):
    from game.match import historical, replay

    rep = replay.load(historical.REPLAY)
    sizes = {}

    def watch(state):
        sizes[state.date_text()] = sum(state.cc.values())

    state = new_game(rules, rep.scenario, rep.seed)
    for action in rep.actions:
        state = apply_action(state, rules, action, watch)
    assert sizes["1923-Q1"] == 27 and sizes["1923-Q2"] == 40
    assert sizes["1925-Q4"] == 63 and sizes["1927-Q4"] == 71


# --- stances ---------------------------------------------------------------------------------------


def test_a_changed_stance_changes_the_lines_a_faction_can_move(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    lines = {a.args for a in legal_actions(s, rules) if a.name == "propose_motion" and a.args[0] == "adopt_line"}
    assert ("adopt_line", "industrialisation", "right") in lines
    run_effects(s, rules, [{"stance": {"faction": "stalin", "issue": "industrialisation", "to": -40}}])
    lines = {a.args for a in legal_actions(s, rules) if a.name == "propose_motion" and a.args[0] == "adopt_line"}
    assert ("adopt_line", "industrialisation", "left") in lines
    assert ("adopt_line", "industrialisation", "right") not in lines
    assert fresh.stance("stalin", "industrialisation") == rules.factions["stalin"].stances["industrialisation"]


def test_the_extraordinary_measures_turn_stalin_left(rules, fresh):
    s = fresh.clone()
    option = next(o for o in rules.events["stalin_in_siberia"].choice.options if o.id == "extraordinary_measures")
    run_effects(s, rules, option.effects)
    assert s.stance("stalin", "industrialisation") < 0 < fresh.stance("stalin", "industrialisation")


# --- conditions, skipped events, tabled motions ----------------------------------------------------


def test_negated_and_figure_conditions(rules, fresh):
    assert holds(fresh, [{"figure_status": {"figure": "lenin", "status": "incapacitated"}}])
    assert holds(fresh, {"not": {"in_politburo": "bukharin"}})
    assert not holds(fresh, {"not": [{"in_politburo": "stalin"}, {"in_secretariat": "molotov"}]})
    assert holds(fresh, {"not": [{"in_politburo": "stalin"}, {"in_secretariat": "bukharin"}]})
    assert holds(fresh, [{"in_secretariat": "molotov"}])


def test_the_stricken_lenin_keeps_his_titles_until_he_dies(rules, fresh):
    assert fresh.figures["lenin"].status == "incapacitated"
    assert fresh.offices["sovnarkom_chair"] == "lenin"
    s = fresh.clone()
    run_effects(s, rules, [{"kill": "lenin"}])
    assert s.offices["sovnarkom_chair"] is None and "lenin" not in s.politburo


def test_a_scenario_takes_the_events_it_undoes_out_of_play(rules):
    sc = rules.scenarios["dzerzhinsky_lives_1926"]
    assert "dzerzhinsky_dies" in sc.skip_events
    state = new_game(rules, "dzerzhinsky_lives_1926", 1)
    assert "dzerzhinsky_dies" not in phases.events_due(state, rules, sc)
    assert state.figures["dzerzhinsky"].status == "active"


def test_an_event_can_table_the_next_rung_behind_one_still_on_the_agenda(rules, fresh):
    s = fresh.clone()
    run_effects(s, rules, [{"status": {"faction": "trotsky", "to": "removed"}}])
    run_effects(
        s,
        rules,
        [
            {"motion": {"motion": "expel_cc", "proposer": "stalin", "target": "trotsky"}},
            {"motion": {"motion": "expel_party", "proposer": "stalin", "target": "trotsky"}},
        ],
    )
    assert [p.motion for p in s.agenda] == ["expel_cc", "expel_party"]
    s.cc = {"stalin": 27}
    s.ccc = {"stalin": 20}
    phases._votes(s, rules)
    assert s.factions["trotsky"].status == "expelled_party"


def test_a_tabled_motion_whose_ground_is_gone_lapses(rules, fresh):
    s = fresh.clone()
    run_effects(s, rules, [{"motion": {"motion": "expel_party", "proposer": "stalin", "target": "trotsky"}}])
    assert len(s.agenda) == 1
    phases._votes(s, rules)
    assert s.factions["trotsky"].status == "active"
    assert any(e.event == "lapsed" for e in s.log)
