"""The debrief of a finished bot game of the crisis of 1923: each faction's timeline beside the
historical line's, the checkpoints judged as a replay judges them, the quarter where they part,
the goals with their quarters, power with one point per quarter (the engine's own scores), the
events with their documents, the bots' key reasons, the questions; the same debrief from a save
and from the replay of the game."""

from __future__ import annotations

import re

import attrs
import pytest

from game.engine import objectives
from game.match import replay, saves
from game.match.historical import REPLAY, span
from game.match.match import Match
from game.present import debrief
from game.present.debrief import divergence
from game.ruleset.loader import load_base
from game.ruleset.records import RESULT_NAMES

SCENARIO, SEED = "crisis_1923", 1


@pytest.fixture(scope="module")
def rules():
    return load_base()


@pytest.fixture(scope="module")
def game(rules):
    match = Match.new(rules, SCENARIO, SEED)
    while not match.over:
        match.ai_move()
    return match


@pytest.fixture(scope="module")
def d(game):
    return debrief.from_match(game)


def test_the_debrief_covers_every_quarter_and_faction(d, game, rules):
    first, last = span(rules, SCENARIO)
    assert (d.start, d.end) == (first, last)
    assert len(d.quarters) == rules.scenarios[SCENARIO].turns == 7
    assert d.quarters[0] == first and d.quarters[-1] == last
    assert [f.faction for f in d.factions] == list(game.state.factions)
    assert d.over and d.outcome
    assert (d.seed, d.scenario) == (SEED, SCENARIO)
    assert d.replay_line == f"python -m game play --scenario {SCENARIO} --seed {SEED}"


def test_each_faction_has_a_dated_timeline_beside_history(d):
    for f in d.factions:
        assert f.timeline or f.history_timeline, f.faction
        for m in f.timeline + f.history_timeline:
            assert d.start <= m.date <= d.end and m.text
            assert m.kind in ("secretariat", "office", "politburo", "congress", "bloc", "status")
    trotsky = d.faction("trotsky")
    # history's line: the Thirteenth Conference's censure, and the War Commissariat given up in January 1925
    assert any(m.date == "1924-Q1" and m.kind == "status" and "censured" in m.text for m in trotsky.history_timeline)
    assert any(
        m.date == "1925-Q1" and "no longer People's Commissar for War" in m.text for m in trotsky.history_timeline
    )
    # every faction's Thirteenth Congress, in this game and in history
    for f in d.factions:
        assert [m.date for m in f.timeline if m.kind == "congress"] == ["1924-Q2"]
        assert [m.date for m in f.history_timeline if m.kind == "congress"] == ["1924-Q2"]


def test_the_checkpoints_are_judged_as_a_replay_judges_them(d, game, rules):
    """Each checkpoint's 'this game' is what replaying the game with that checkpoint says, and
    history met every one of them."""
    hist = replay.load(REPLAY)
    inside = [cp for cp in hist.checkpoints if d.start <= cp.date <= d.end]
    assert inside, "the crisis of 1923 spans some of the historical line's checkpoints"
    rec = replay.Replay(SCENARIO, SEED, actions=list(game.record.actions), checkpoints=inside)
    _state, results = replay.run_checked(rec, rules)
    expected = {(r.checkpoint.date, r.checkpoint.text): r.met for r in results}
    notes = [n for f in d.factions for n in f.checkpoints] + list(d.party)
    assert {(n.date, n.text) for n in notes} == set(expected)
    for n in notes:
        assert n.history is True, n.text
        assert n.game == expected[(n.date, n.text)], n.text
    assert any(n.text == "Trotsky has lost the War Commissariat" for n in d.faction("trotsky").checkpoints)
    assert [n.text for n in d.party] == ["Lenin is dead"]


def _lines(timeline, date, watched):
    """The lines of a quarter that count for the divergence: not a Congress's numbers, and an
    office only if the checkpoints or the goals name it."""
    return sorted(
        m.text
        for m in timeline
        if m.date == date and m.kind != "congress" and (m.kind != "office" or m.ids[-1] in watched)
    )


def test_the_divergence_is_the_first_quarter_that_differs(d, rules):
    watched = divergence.watched_ids(rules, SCENARIO, debrief.history(rules))
    assert {"war_commissar", "general_secretary", "leningrad_chief"} <= watched
    assert "pur_chief" not in watched
    parted = [f for f in d.factions if f.divergence is not None]
    assert parted, "bots do not replay history quarter for quarter"
    for f in parted:
        v = f.divergence
        assert v.date in d.quarters
        for q in d.quarters[: d.quarters.index(v.date)]:
            assert _lines(f.timeline, q, watched) == _lines(f.history_timeline, q, watched), (f.faction, q)
        missed = [n for n in f.checkpoints if n.date == v.date and n.history and n.game is False]
        assert _lines(f.timeline, v.date, watched) != _lines(f.history_timeline, v.date, watched) or missed
        assert set(v.game) <= {m.text for m in f.timeline if m.date == v.date}
        assert set(v.history) <= {m.text for m in f.history_timeline if m.date == v.date}
        assert v.moves or v.votes or v.events, f.faction
        for line in v.moves + v.votes + v.events:
            assert line[:7] in (divergence.previous_quarter(v.date), v.date)


def test_goals_are_met_or_failed_with_their_quarter(d, game, rules):
    for f in d.factions:
        st = objectives.standing(game.state, rules, f.faction)
        assert [(g.goal, g.status, g.points) for g in f.goals] == [(g.goal, g.status, g.points) for g in st.goals]
        assert (f.points, f.result) == (st.points, RESULT_NAMES[st.result])
        for g in f.goals:
            if g.status in (objectives.MET, objectives.FAILED, objectives.NOT_MET) and not (
                g.when == "always" and g.status == objectives.MET
            ):
                assert g.quarter in d.quarters, (f.faction, g.goal)
    met_early = [(f.faction, g) for f in d.factions for g in f.goals if g.when == "ever" and g.status == objectives.MET]
    for fid, g in met_early:  # the quarter it was met is the first close at which its condition held
        goal = next(x for x in rules.scenarios[SCENARIO].objectives[fid].goals if x.id == g.goal)
        assert g.quarter is not None and (goal.by is None or g.quarter <= goal.by)


def test_power_has_one_point_per_quarter_and_matches_the_engines_scores(d, game):
    assert len(game.state.scores) == len(d.quarters)
    for f in d.factions:
        p = f.power
        assert p.dates == d.quarters
        for key, _label in debrief.MEASURES:
            assert len(getattr(p, key)) == len(d.quarters), key
        assert list(p.score) == [s[f.faction] for s in game.state.scores]
        assert all(0 <= v <= 100 for v in p.cc_share)
        assert f.history_power is not None and f.history_power.dates == d.quarters
    # the last close: the state as it ended
    final = game.state
    for f in d.factions:
        assert f.power.prestige[-1] == final.factions[f.faction].prestige
        assert f.power.politburo[-1] == sum(1 for x in final.politburo if final.figures[x].faction == f.faction)


def test_every_event_that_fired_is_there_with_its_documents(d, game, rules):
    fired = [dict(e.data)["event"] for e in game.state.log if e.event == "event" and e.visible_to is None]
    assert [e.event for e in d.events] == fired
    cited = [e for e in d.events if e.sources]
    assert len(cited) == len(d.events), "every event of the base rules is cited"
    for e in d.events:
        for s in e.sources:
            if s.seed:
                assert s.title and s.lines and s.quote
                assert s.passage.strip(), (e.event, s.seed)
            else:
                assert s.outside
    testament = next((e for e in d.events if e.event == "testament_read"), None)
    assert testament is not None and testament.date == "1924-Q2"


def test_the_bots_key_moves_have_their_reasons(d, game, rules):
    assert d.reasons, "bots decide more than routine moves"
    actions = game.record.actions
    kept = {(i, date, faction) for i, date, faction, _r in game.reasons}
    for r in d.reasons:
        assert any((date, faction) == (r.date, r.faction) for _i, date, faction in kept)
        assert r.line.startswith(r.date)
    keyed = [actions[i] for i, *_ in game.reasons if debrief.is_key(rules, actions[i])]
    assert all(rules.actions[a.name].kind != "pass" for a in keyed if a.name in rules.actions)
    assert not any("Pass" in r.line.split(":")[1][:8] for r in d.reasons)


def test_the_questions_are_the_scenarios(d, rules):
    assert [q.text for q in d.questions] == [" ".join(q.text.split()) for q in rules.scenarios[SCENARIO].questions]
    assert all(q.sources and q.sources[0].quote for q in d.questions)


def test_a_save_and_the_replay_of_the_same_game_give_the_same_debrief(game, rules, tmp_path):
    save = tmp_path / "game.save"
    saves.write(game, save)
    rep = tmp_path / "game.replay"
    rep.write_text(game.record.to_text(), encoding="utf-8")
    from_save = debrief.from_save(save, rules)
    from_replay = debrief.from_replay(rep, rules)
    assert from_save.reasons and from_save.seats  # a save keeps the seats and the bots' reasons
    assert from_replay.reasons == () and from_replay.seats == ()  # a replay keeps neither
    assert attrs.evolve(from_save, reasons=(), seats=()) == from_replay
    assert from_save == debrief.from_match(game)


def test_an_unfinished_game_is_debriefed_so_far(rules):
    match = Match.new(rules, SCENARIO, 4)
    while match.state.turn < 2:
        match.ai_move()
    d = debrief.from_match(match)
    assert not d.over and d.outcome == ""
    assert d.quarters == ("1923-Q3", "1923-Q4")
    assert all(len(f.power.score) == 2 for f in d.factions)
    assert any(g.status == objectives.PENDING for f in d.factions for g in f.goals)
    assert "(not over)" in debrief.text(d)


def test_a_damaged_file_is_one_line(tmp_path, rules):
    bad = tmp_path / "bad.save"
    bad.write_text('{"succession_save": 1, "scenario": ', encoding="utf-8")
    with pytest.raises(debrief.DebriefError) as err:
        debrief.from_save(bad, rules)
    assert "\n" not in str(err.value) and str(bad) in str(err.value)
    rep = tmp_path / "bad.replay"
    rep.write_text(
        f"# Succession replay\nformat: 1\nscenario: {SCENARIO}\nseed: 1\nactions:\nexpel_from_party stalin\n",
        encoding="utf-8",
    )
    with pytest.raises(debrief.DebriefError) as err:
        debrief.from_replay(rep, rules)
    assert "\n" not in str(err.value) and f"{rep}:6:" in str(err.value)


def test_the_text_reads_as_a_debrief(d):
    text = debrief.text(d)
    for f in d.factions:
        assert f"=== {f.name} ===" in text
    assert "Timeline, this game | history:" in text
    assert "Power at the close of each quarter:" in text
    assert "=== Questions for discussion ===" in text
    assert f"Seed {SEED}" in text and d.replay_line in text
    labels = tuple(label for _key, label in debrief.MEASURES)

    def table_row(line: str) -> bool:
        return line.strip().startswith(labels) or re.fullmatch(r"(\d{4}-Q\d\s*)+", line.strip()) is not None

    assert max(len(line) for line in text.splitlines() if not table_row(line)) <= 100


def test_history_counts_from_the_scenarios_start(rules):
    """A scenario that opens after history's changes (the 1928 one opens with Zinoviev and Kamenev
    readmitted, as they were in June 1928) does not show them as history's first-quarter changes."""
    match = Match.new(rules, "right_last_stand_1928", 1)
    assert match.state.factions["zinoviev"].status == "capitulated"  # at the start
    while not match.over:
        match.ai_move()
    d = debrief.from_match(match)
    zinoviev = d.faction("zinoviev")
    assert not any("capitulate" in m.text for m in zinoviev.history_timeline)
    assert zinoviev.divergence is None or zinoviev.divergence.date != d.start or zinoviev.divergence.game
