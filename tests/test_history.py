"""The history the rule files carry: the historical line replays with every checkpoint met, the
scenarios the issue asks for exist and play to their end, and checkpoints fail loudly.
"""

from __future__ import annotations

import re

import attrs
import pytest

from game import cli
from game.engine import new_game
from game.match import headless, historical
from game.match import replay as replay_mod
from game.ruleset.loader import Rules, load_base
from game.ruleset.records import Goal

HISTORICAL = historical.REPLAY
SCENARIOS = sorted(load_base().scenarios)


def run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


# --- the historical line ---------------------------------------------------------------------


def test_the_historical_replay_meets_every_checkpoint(capsys):
    code, out, err = run(capsys, "replay", str(HISTORICAL))
    assert code == 0, err
    checks = [line for line in out if line.startswith("checkpoint ")]
    assert len(checks) >= 19
    assert all(" met: " in line for line in checks), checks
    assert "final state hash verified" in out
    assert "outcome: sole_leadership winner=stalin" in out


def test_the_historical_line_covers_the_record(rules):
    """The checkpoints the record demands are all there, on their dates."""
    rep = replay_mod.load(HISTORICAL)
    state, results = replay_mod.run_checked(rep, rules, str(HISTORICAL))
    by_text = {r.checkpoint.text: (r.checkpoint.date, r.met) for r in results}
    expected = {
        "Trotsky has lost the War Commissariat": "1925-Q1",
        "Trotsky has lost his Politburo seat": "1926-Q4",
        "Zinoviev has lost Leningrad to Kirov": "1926-Q1",
        "Trotsky is expelled from the CC and the party": "1927-Q4",
        "Zinoviev is expelled from the CC and the party": "1927-Q4",
        "Trotsky is exiled to Alma-Ata": "1928-Q1",
        "Trotsky is deported from the Soviet Union": "1929-Q1",
        "Bukharin is removed from the Politburo": "1929-Q4",
        "Stalin holds the Secretariat at the end of 1929": "1929-Q4",
    }
    for text, date in expected.items():
        assert by_text[text] == (date, True), text
    # and the state agrees with the checkpoints, read directly
    assert state.offices["general_secretary"] == "stalin"
    assert state.factions["trotsky"].status == "deported"
    assert "bukharin" not in state.politburo and "trotsky" not in state.politburo


def test_the_shipped_replay_is_what_the_plan_produces(rules):
    plan = historical.load_plan(historical.PLAN)
    rep, warnings = historical.build(rules, plan)
    assert warnings == []
    assert rep.to_text() == HISTORICAL.read_text(encoding="utf-8")


def test_historical_check_passes_and_a_stale_file_fails(capsys, tmp_path):
    code, out, err = run(capsys, "historical", "--check")
    assert code == 0, err
    assert any(line.endswith("is up to date") for line in out)
    stale = tmp_path / "stale.replay"
    stale.write_text(HISTORICAL.read_text(encoding="utf-8").replace("seed: 1923", "seed: 1924"), encoding="utf-8")
    code, out, err = run(capsys, "historical", "--check", "--out", str(stale))
    assert code == 1
    assert any("out of date" in line for line in err)


def _with_checkpoint(line: str) -> str:
    text = HISTORICAL.read_text(encoding="utf-8")
    return text.replace("\nfinal:", f"\n{line}\nfinal:")


def test_a_checkpoint_that_is_not_met_fails_with_its_line(capsys, tmp_path):
    bad = tmp_path / "bad.replay"
    bad.write_text(
        _with_checkpoint("check 1925-Q1 | Trotsky keeps the army | {holder: {office: war_commissar, figure: trotsky}}"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "replay", str(bad))
    assert code == 1
    number = (
        bad.read_text(encoding="utf-8")
        .splitlines()
        .index("check 1925-Q1 | Trotsky keeps the army | {holder: {office: war_commissar, figure: trotsky}}")
        + 1
    )
    assert any(line.startswith(f"{bad}:{number}: checkpoint not met: Trotsky keeps the army") for line in err), err
    assert any("NOT MET: Trotsky keeps the army" in line for line in out)


def test_a_checkpoint_after_the_game_ended_is_not_reached(rules):
    text = _with_checkpoint("check 1931-Q1 | Too late | {dead: lenin}")
    _state, results = replay_mod.run_checked(replay_mod.parse(text, "t"), rules, "t")
    assert results[-1].met is None


@pytest.mark.parametrize(
    "line, message",
    [
        ("check 1925 | x | {dead: lenin}", "checkpoint date must be YYYY-Qn"),
        ("check 1925-Q1 | {dead: lenin}", "a checkpoint is 'check YYYY-Qn | what | condition'"),
        ("check 1925-Q1 | x | {dead: [unclosed}", "not valid YAML"),
    ],
)
def test_malformed_checkpoints_name_file_and_line(line, message):
    text = _with_checkpoint(line)
    number = text.splitlines().index(line) + 1
    with pytest.raises(replay_mod.ReplayError, match=re.escape(f"t:{number}: ") + ".*" + re.escape(message)):
        replay_mod.parse(text, "t")


@pytest.mark.parametrize(
    "condition, message",
    [
        ("{dead: lennin}", "unknown figure 'lennin' (did you mean 'lenin'?)"),
        ("{deceased: lenin}", "unknown condition 'deceased'"),
        ("{not: {holds: {office: war_commissar}}}", "missing argument 'faction'"),
    ],
)
def test_checkpoint_conditions_are_checked_against_the_rules(rules, condition, message):
    line = f"check 1925-Q1 | x | {condition}"
    text = _with_checkpoint(line)
    number = text.splitlines().index(line) + 1
    rep = replay_mod.parse(text, "t")
    with pytest.raises(
        replay_mod.ReplayError, match=re.escape(f"t:{number}: checkpoint condition: ") + ".*" + re.escape(message)
    ):
        replay_mod.run_checked(rep, rules, "t")


def test_a_broken_plan_is_reported_not_raised(capsys, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("scenario: succession_1923\nseed: [\n", encoding="utf-8")
    code, _out, err = run(capsys, "historical", "--plan", str(plan), "--out", str(tmp_path / "x.replay"))
    assert code == 1
    assert err and err[0].startswith(f"{plan}: cannot read the plan")
    assert not (tmp_path / "x.replay").exists()


# --- objectives against history ------------------------------------------------------------------

CLASSROOM = [sid for sid in SCENARIOS if load_base().scenarios[sid].kind == "classroom"]
COUNTERFACTUAL = [sid for sid in SCENARIOS if load_base().scenarios[sid].kind == "counterfactual"]


def _historical(rules, sid, results):
    """Every faction of the scenario scored, each within its scale's historical band."""
    sc = rules.scenarios[sid]
    assert set(results) == set(sc.factions), (sid, results)
    for fid, (points, result) in results.items():
        scale = sc.objectives[fid].scale
        assert result == "historical", (sid, fid, points, result)
        assert scale.historical <= points < scale.victory, (sid, fid, points)


def test_every_scenario_gives_every_faction_objectives(rules):
    for sid, sc in rules.scenarios.items():
        assert set(sc.objectives) == set(sc.factions), sid
        for fid, obj in sc.objectives.items():
            assert obj.history.strip(), (sid, fid)
            assert 3 <= len(obj.goals) <= 6, (sid, fid, len(obj.goals))
            assert all(g.source or g.design for g in obj.goals), (sid, fid)
            best = sum(g.points for g in obj.goals if g.points > 0)
            assert best >= obj.scale.victory, (sid, fid)


def test_the_historical_line_scores_historical_result_for_every_faction(rules):
    state, _results = replay_mod.run_checked(replay_mod.load(HISTORICAL), rules, str(HISTORICAL))
    assert state.outcome == ("sole_leadership", "stalin") and state.date_text() == "1929-Q4"
    _historical(rules, "succession_1923", state.results)
    # sole leadership no sooner than history reached it is not by itself a decisive victory
    assert rules.scenarios["succession_1923"].objectives["stalin"].decisive_before == "1929-Q4"


@pytest.mark.parametrize("scenario", CLASSROOM)
def test_the_historical_line_played_through_a_classroom_scenario_is_historical_result(rules, scenario):
    """The plan played from the classroom scenario's start: each quarter's planned moves, the
    factions' habits and the planned answers to the events' choices."""
    plan = historical.load_plan(historical.PLAN)
    state, rep, _warnings = historical.play(rules, plan, scenario)
    first, last = historical.span(rules, scenario)
    assert state.outcome is not None and state.date_text() == last
    assert rep.scenario == scenario and all(first <= cp.date <= last for cp in rep.checkpoints)
    _historical(rules, scenario, state.results)


@pytest.mark.parametrize("scenario", COUNTERFACTUAL)
def test_a_counterfactual_is_measured_by_what_history_achieved_in_its_span(rules, scenario):
    """A counterfactual changes the start; its yardstick is the real factions' record over the same
    quarters, read on the campaign's historical line."""
    _historical(rules, scenario, historical.judge_span(rules, scenario))


def test_the_span_of_a_scenario(rules):
    assert historical.span(rules, "succession_1923") == ("1923-Q1", "1929-Q4")
    assert historical.span(rules, "crisis_1923") == ("1923-Q3", "1925-Q1")
    assert historical.span(rules, "right_last_stand_1928") == ("1928-Q2", "1929-Q4")


def test_judging_a_span_reads_its_goals_only_within_it(rules):
    """The campaign read over its whole span agrees with the engine's own judgement; an 'ever'
    goal met before a span opens does not count inside it."""
    state, _ = replay_mod.run_checked(replay_mod.load(HISTORICAL), rules, str(HISTORICAL))
    assert historical.judge_span(rules, "succession_1923") == state.results
    lenin_alive = Goal(
        id="lenin_alive", name="Lenin alive", points=3, condition=({"alive": "lenin"},), when="ever", design="test"
    )
    custom = _with_trotsky_goals(rules, ("crisis_1923", "united_opposition_1926"), (lenin_alive,))
    assert historical.judge_span(custom, "crisis_1923")["trotsky"][0] == 3  # Lenin lived to 1924
    assert historical.judge_span(custom, "united_opposition_1926")["trotsky"][0] == 0


def _with_trotsky_goals(rules, scenarios, goals):
    """The rules with Trotsky's goals in ``scenarios`` replaced by ``goals``."""
    table = dict(rules.scenarios)
    for sid in scenarios:
        sc = table[sid]
        obj = attrs.evolve(sc.objectives["trotsky"], goals=tuple(goals))
        table[sid] = attrs.evolve(sc, objectives={**sc.objectives, "trotsky": obj})
    return Rules.from_tables({**rules.by_kind, "scenarios": table}, rules.origin, rules.root)


# --- scenarios -------------------------------------------------------------------------------


def test_the_scenarios_the_game_ships(rules):
    kinds = {}
    for sid, sc in rules.scenarios.items():
        kinds.setdefault(sc.kind, []).append(sid)
    assert len(kinds["campaign"]) >= 1 and len(kinds["classroom"]) >= 3 and len(kinds["counterfactual"]) >= 3
    campaign = rules.scenarios["succession_1923"]
    assert campaign.start == "1923-Q1" and campaign.turns == 28
    for sid in kinds["classroom"]:
        assert 6 <= rules.scenarios[sid].turns <= 8, sid
    for sid in kinds["counterfactual"]:
        sc = rules.scenarios[sid]
        assert len(sc.premise.split()) >= 20, sid
        assert any(c.seed for c in sc.source), f"{sid}: the passages that argue the premise"
    for sid, sc in rules.scenarios.items():
        assert set(sc.briefings) == set(sc.factions), sid
        for brief in sc.briefings.values():
            assert brief.situation.strip() and brief.aims.strip() and brief.levers.strip(), sid


def test_scenarios_lists_every_kind_in_order(capsys):
    code, out, _err = run(capsys, "scenarios")
    assert code == 0
    heads = [line for line in out if not line.startswith(" ")]
    kinds = [re.search(r"\[(\w+)\]", line).group(1) for line in heads]
    assert kinds == sorted(kinds, key=["campaign", "classroom", "counterfactual"].index)
    assert kinds.count("classroom") >= 3 and kinds.count("counterfactual") >= 3
    assert sum(1 for line in out if line.startswith("    Premise: ")) == kinds.count("counterfactual")


def test_each_scenario_starts_with_its_secretariat_and_bodies(rules):
    for sid, sc in rules.scenarios.items():
        state = new_game(rules, sid, 1)
        gensec = state.offices["general_secretary"]
        assert state.secretariat and state.secretariat[0] == gensec, sid
        if sc.secretariat:
            assert set(state.secretariat) == set(sc.secretariat), sid
        assert state.seat_count(rules, "politburo") >= len(state.politburo)
        for body in ("central_committee", "control_commission"):
            table = state.cc if body == "central_committee" else state.ccc
            assert sum(table.values()) == state.seat_count(rules, body), (sid, body)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_scenario_is_played_to_its_end_by_the_bots(rules, scenario):
    sc = rules.scenarios[scenario]
    for seed in (1, 2):
        state, record = headless.play(rules, scenario, seed)
        assert state.outcome is not None
        kind, winner = state.outcome
        assert kind in ("sole_leadership", "power_score", "collective_leadership")
        assert winner is None or winner in sc.factions
        assert state.turn <= sc.turns - 1
        # the recorded game replays to the same end
        again = replay_mod.run(replay_mod.parse(record.to_text(), "r"), rules, "r")
        assert again.digest() == state.digest()


# --- the content the issue asks for ------------------------------------------------------------

REQUIRED_FIGURES = (
    "lenin",
    "stalin",
    "trotsky",
    "zinoviev",
    "kamenev",
    "bukharin",
    "rykov",
    "tomsky",
    "molotov",
    "kalinin",
    "voroshilov",
    "kuibyshev",
    "rudzutak",
    "dzerzhinsky",
    "menzhinsky",
    "frunze",
    "antonov_ovseyenko",
    "krupskaya",
    "preobrazhensky",
    "radek",
    "rakovsky",
    "pyatakov",
    "smilga",
    "kaganovich",
    "uglanov",
    "kirov",
)

#: (event id, its date) for the moments the record cannot do without
REQUIRED_EVENTS = {
    "lenin_third_stroke": "1923-03",
    "lenin_dies": "1924-01",
    "testament_read": "1924-05",
    "declaration_of_46": "1923-10",
    "new_course": "1923-12",
    "lenin_levy": "1924-02",
    "antonov_ovseyenko_removed": "1924-01",
    "twelfth_congress": "1923-04",
    "thirteenth_congress": "1924-05",
    "fourteenth_congress": "1925-12",
    "fifteenth_congress": "1927-12",
    "lessons_of_october": "1924-10",
    "trotsky_leaves_war_commissariat": "1925-01",
    "leningrad_opposition": "1925-12",
    "united_opposition": "1926-04",
    "dzerzhinsky_dies": "1926-07",
    "anglo_russian_committee": "1925-05",
    "general_strike": "1926-05",
    "shanghai_coup": "1927-04",
    "war_scare": "1927-06",
    "opposition_platform": "1927-09",
    "printing_shop_raid": "1927-09",
    "leningrad_demonstration": "1927-10",
    "november_7_demonstrations": "1927-11",
    "expel_cc_trotsky": "1927-10",
    "expel_party_trotsky": "1927-11",
    "ioffe_suicide": "1927-11",
    "zinoviev_recants": "1927-12",
    "exile_alma_ata": "1928-01",
    "grain_crisis": "1928-01",
    "right_deviation": "1928-10",
    "april_1929_plenum": "1929-04",
    "trotsky_deported": "1929-02",
    "trotskyist_capitulations": "1929-07",
    "bukharin_off_politburo": "1929-11",
}


def test_the_figures_of_the_period_are_there_and_sourced(rules):
    assert len(rules.figures) >= 30
    for fid in REQUIRED_FIGURES:
        fig = rules.figures[fid]
        assert fig.traits and fig.affinity and fig.source, fid
        assert -100 <= fig.leaning <= 100


def test_the_dated_events_of_the_record_are_there_on_their_dates(rules):
    dated = [e for e in rules.events.values() if e.date]
    assert len(dated) >= 40
    for eid, month in REQUIRED_EVENTS.items():
        ev = rules.events[eid]
        assert ev.date.startswith(month), (eid, ev.date)
        assert ev.text.strip() and ev.source, eid
        assert ev.effects or ev.choice, eid


def test_the_faction_profiles_are_complete_and_cited(rules):
    for fid, faction in rules.factions.items():
        p = faction.profile
        assert p.strengths and p.power_bases and p.behaviour and p.weaknesses, fid
        assert any(c.seed for c in faction.source), fid


@pytest.mark.parametrize(
    "body, message",
    [
        ("scenario: succession_1923\nseed: many\n", "malformed plan"),
        (
            "scenario: succession_1923\nseed: 1\ncheckpoints:\n  - {date: 1925-Q1, text: x}\n",
            "checkpoint 1 needs date, text and condition",
        ),
        (
            "scenario: succession_1923\nseed: 1\ncheckpoints:\n  - {date: 1925, text: x, condition: {dead: lenin}}\n",
            "checkpoint date must be YYYY-Qn",
        ),
        ("scenario: succession_1923\nstanding: {}\n", "a plan needs 'scenario' and 'seed'"),
    ],
)
def test_plan_mistakes_are_messages(tmp_path, body, message):
    plan = tmp_path / "plan.yaml"
    plan.write_text(body, encoding="utf-8")
    with pytest.raises(historical.PlanError, match=re.escape(message)):
        historical.load_plan(plan)


def test_a_planned_move_that_never_becomes_legal_is_reported(rules):
    plan = historical.load_plan(historical.PLAN)
    plan.turns["1923-Q1"] = {"trotsky": ["lenin_levy trotsky"]}  # only the Secretariat may
    _rep, warnings = historical.build(rules, plan)
    assert warnings == ["1923-Q1 trotsky: planned move never legal: lenin_levy trotsky"]
