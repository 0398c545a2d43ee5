"""Batch simulation: the figures it prints, bad input, and the same games on a Dask cluster."""

import json

import pytest

from game import cli
from game.tools import batch, sampling, simulate

TIMING = ("mean_decision_s", "p95_decision_s", "decisions_by_level")


def _run(capsys, *argv):
    code = cli.main(["simulate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_simulate_json_has_the_promised_figures(capsys):
    code, out, _ = _run(
        capsys,
        "--scenario",
        "right_last_stand_1928",
        "--games",
        "3",
        "--seed",
        "5",
        "--jobs",
        "1",
        "--level",
        "bukharin=easy",
        "--json",
    )
    data = json.loads(out)
    assert code == 0
    for key in ("games", "wins", "draws", "mean_turns", "mean_decision_s", "errors"):
        assert key in data
    assert data["games"] == 3 and data["errors"] == 0
    assert sum(data["wins"].values()) + data["draws"] == 3
    assert data["levels"]["bukharin"] == "easy" and {lv for f, lv in data["levels"].items() if f != "bukharin"} == {
        "simple"
    }
    assert set(data["decisions_by_level"]) == {"easy", "simple"}
    assert data["mean_turns"] == 7
    for faction, counts in data["results"].items():
        assert sum(counts.values()) == 3, faction


def test_simulate_text_leads_with_each_factions_own_result(capsys):
    """One verdict: each faction's own result and its share of victory or better (with its
    interval) come first; the power outcome follows under a heading that says what it measures,
    and nothing is called a win."""
    code, out, _ = _run(capsys, "--scenario", "crisis_1923", "--games", "2", "--jobs", "1")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("crisis_1923: 2 games, seeds 1-2;")
    assert lines[1].startswith("each faction's own result on its objective scale")
    factions = lines[2:6]
    assert [ln.split()[0] for ln in factions] == ["bukharin", "stalin", "trotsky", "zinoviev"]
    assert all("victory or better" in ln and "95% interval" in ln for ln in factions)
    assert lines[6].startswith("the power outcome: who holds the most power in the party at the end (not")
    assert "decision time: mean" in out and lines[-1] == "errors: 0"
    assert "win" not in out.replace("in the games each faction won", "").replace("won:", "")


def test_parallel_and_serial_games_are_the_same(rules):
    jobs = simulate.jobs_for("crisis_1923", 3, 11, {"zinoviev": "easy"}, "simple")
    serial = batch.run_games(rules, jobs, 1)
    parallel = batch.run_games(rules, jobs, 2)
    strip = lambda rs: [(r.seed, r.results, r.points, r.outcome, r.fired) for r in rs]  # noqa: E731
    assert strip(serial) == strip(parallel)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--scenario", "crisis_1924"], "unknown scenario 'crisis_1924'"),
        (["--scenario", "crisis_1923", "--level", "lenin=hard"], "no faction 'lenin' in crisis_1923"),
        (["--scenario", "crisis_1923", "--level", "stalin=genius"], "no level 'genius'"),
        (["--scenario", "crisis_1923", "--games", "0"], "--games must be at least 1"),
        (["--scenario", "crisis_1923", "--jobs", "0"], "--jobs must be at least 1"),
        (["--scenario", "crisis_1923", "--games", "3", "--seed-list", "4-6"], "choose the seeds one way"),
        (["--scenario", "crisis_1923", "--seed", "3", "--sample", "4", "--sample-from", "1"], "one way"),
        (["--scenario", "crisis_1923", "--sample", "4"], "--sample N needs --sample-from S"),
        (["--scenario", "crisis_1923", "--sample-from", "4"], "give --sample N too"),
        (["--scenario", "crisis_1923", "--sample", "0", "--sample-from", "4"], "a sample has 1 to"),
        (["--scenario", "crisis_1923", "--personality", "5"], "--personality is a weight"),
    ],
)
def test_bad_input_is_a_usage_error(capsys, argv, message):
    code, _, err = _run(capsys, *argv)
    assert code == 2 and message in err


def test_a_level_without_a_faction_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["simulate", "--level", "hard"])
    assert exit_.value.code == 2
    assert "write FACTION=LEVEL" in capsys.readouterr().err


def test_a_dask_cluster_plays_the_same_games_as_a_local_run(rules):
    from dask.distributed import Client, LocalCluster

    jobs = simulate.jobs_for("right_last_stand_1928", 4, 3, {"stalin": "easy"}, "simple")
    local = simulate.summarise(batch.run_games(rules, jobs, 1))
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        remote = simulate.summarise(simulate.run_on_cluster(client, jobs))
    for key in TIMING:
        local.pop(key), remote.pop(key)
    assert remote == local and remote["games"] == 4 and remote["errors"] == 0


def test_summaries_count_errors_and_expulsions():
    ok = batch.GameRecord(
        "s",
        1,
        {"a": "simple"},
        "power_score",
        "a",
        {"a": "victory"},
        {"a": 3},
        7,
        "1929-Q4",
        {"a": [0.1, 0.3]},
        ("e1",),
        {"a": "1927-Q4"},
    )
    bad = batch.GameRecord(
        "s",
        2,
        {"a": "simple"},
        None,
        None,
        {},
        {},
        1,
        "1923-Q1",
        {"a": []},
        (),
        {},
        "IllegalActionError: not a legal action now",
    )
    s = simulate.summarise([ok, bad, ok])
    assert s["games"] == 3 and s["errors"] == 1 and s["wins"] == {"a": 2} and s["draws"] == 0
    assert s["fired"] == {"e1": 2} and s["expelled_from_party"]["a"] == {"games": 2, "median": "1927-Q4"}
    assert s["expelled_dates"] == {"a": ["1927-Q4", "1927-Q4"]}
    assert s["mean_decision_s"] == 0.2 and "seed 2: IllegalActionError" in s["error_messages"][0]


def test_fired_counts_only_events_whose_effects_ran(rules):
    from game.match.headless import play
    from game.present import chronicle
    from game.tools.batch import fired_events

    state, _ = play(rules, "succession_1923", 7)
    fired = set(fired_events(state, rules))
    told = "\n".join(chronicle.public_lines(state, rules))
    passed = state.fired - fired  # marked done by the engine: conditions failed or the chance missed
    # two events may share a name (the Leningrad Opposition with the triumvirate intact or
    # already broken): those are told apart by id, in the next test
    named_apart = {e for e in passed if rules.events[e].name not in {rules.events[f].name for f in fired}}
    assert fired and named_apart
    assert all(f"{rules.events[e].name}:" in told for e in fired)
    assert not any(f"  {rules.events[e].name}:" in told for e in named_apart)


def test_two_events_of_one_name_are_counted_apart(rules):
    from game.engine import chronicle, new_game
    from game.tools.batch import fired_events

    twins = ["leningrad_opposition", "leningrad_opposition_alone"]
    assert rules.events[twins[0]].name == rules.events[twins[1]].name
    state = new_game(rules, "succession_1923", 1)
    state.fired |= set(twins)  # one fired, the other's moment passed
    chronicle.note(state, rules, "event", event=twins[1])
    assert set(fired_events(state, rules)) & set(twins) == {twins[1]}


def test_an_expulsion_is_dated_by_the_quarter_the_chronicle_records_it_in(rules):
    """The action that closes a quarter votes its motions and opens the next quarter: the record
    dates an expulsion by the chronicle's quarter, not by the state's date after that action."""
    from game.ai import make_bot
    from game.engine import apply_action, legal_actions, new_game, player_view
    from game.ruleset.records import OUT_OF_PARTY

    dated = 0
    for seed in range(1, 4):  # the campaign: Trotsky is expelled by the vote that closes 1927-Q4
        job = batch.Job("succession_1923", seed)
        record = batch.play_game(rules, job)
        state = new_game(rules, job.scenario, seed)
        bots = {f: make_bot("simple", f, seed, job.personality) for f in state.factions}
        while state.outcome is None:
            action, _ = bots[state.active].choose(
                player_view(state, rules, state.active), legal_actions(state, rules), rules
            )
            state = apply_action(state, rules, action)
        expected = {}
        for entry in state.log:
            data = dict(entry.data)
            if entry.event == "status" and data.get("status") in OUT_OF_PARTY:
                expected.setdefault(data["faction"], state.date_text(entry.turn))
        assert record.ladder == expected
        dated += len(expected)
    assert dated  # some faction was expelled in these games


def _record(seed, outcome, winner, results, moves=None):
    return batch.GameRecord(
        "s",
        seed,
        dict.fromkeys(results, "simple"),
        outcome,
        winner,
        results,
        dict.fromkeys(results, 0),
        7,
        "1929-Q4",
        {f: [0.001] for f in results},
        (),
        {},
        None,
        moves or {},
    )


def test_the_verdicts_give_shares_with_intervals_and_the_hollow_strongest():
    """Each faction's victory-or-better share comes with its 95% interval; the power outcome is
    counted apart, with how often the strongest faction's own result was defeat or disaster."""
    records = [
        _record(
            1,
            "power_score",
            "a",
            {"a": "disaster", "b": "victory"},
            {"a": {"pass_turn": 3}, "b": {"publish_article": 4, "choose": 1}},
        ),
        _record(
            2,
            "power_score",
            "a",
            {"a": "defeat", "b": "decisive_victory"},
            {"b": {"publish_article": 1, "speak_at_plenum": 4}},
        ),
        _record(3, "sole_leadership", "a", {"a": "victory", "b": "defeat"}, {"a": {"appoint_secretary": 2}}),
        _record(4, "collective_leadership", None, {"a": "historical", "b": "historical"}),
    ]
    s = simulate.summarise(records)
    assert s["seed_list"] == [1, 2, 3, 4] and s["seed_list_text"] == "1-4"
    assert s["victory_or_better"]["b"] == {"count": 2, "games": 4, "share": 0.5, "interval": [0.15, 0.85]}
    assert s["victory_or_better"]["a"]["count"] == 1
    assert s["power_outcome"]["power_score"]["factions"]["a"]["count"] == 2
    assert s["power_outcome"]["collective_leadership"]["count"] == 1
    assert s["strongest_at_end"]["a"]["count"] == 3 and s["strongest_at_end"]["b"]["count"] == 0
    assert s["strongest_with_defeat_or_disaster"] == {
        "a": {"strongest": 3, "defeat": 1, "disaster": 1, "share": 0.6667}
    }
    assert s["moves"]["b"]["winning"]["by_kind"] == {"publish_article": 5, "speak_at_plenum": 4, "choose": 1}
    assert s["moves"]["b"]["winning"]["top"] == "publish_article" and s["moves"]["b"]["winning"]["dominant"]
    assert s["moves"]["a"]["winning"]["by_kind"] == {"appoint_secretary": 2}  # its one win; seed 1 was a disaster
    s.update(scenario="s", levels={"a": "simple", "b": "simple"}, personality=1.0)
    text = simulate.lines(s)
    assert text[2].split()[0] == "a" and "victory or better 1 (25%, 95% interval 5–70%)" in text[2]
    heading = text.index(
        "the power outcome: who holds the most power in the party at the end (not a faction's own result):"
    )
    assert heading == 4
    assert text[5] == "  sole leadership (every rival beaten): a 1 (25%, 95% interval 5–70%)"
    assert text[6] == "  strongest at the end (power in the party clearly ahead): a 2 (50%, 95% interval 15–85%)"
    assert text[7] == "  collective leadership (no faction clearly ahead): 1 (25%, 95% interval 5–70%)"
    assert text[8] == "strongest at the end while its own result is defeat or disaster:"
    assert text[9] == "  a          2 of the 3 games it ended strongest (defeat 1, disaster 1)"
    assert "⚑ publish_article above 40%" in next(ln for ln in text if ln.startswith("  b ") and "won:" in ln)


def test_a_seed_list_or_a_sample_is_played_and_printed(capsys):
    code, out, _ = _run(capsys, "--scenario", "right_last_stand_1928", "--seed-list", "8,3", "--jobs", "1", "--json")
    data = json.loads(out)
    assert code == 0 and data["seed_list"] == [8, 3] and data["seed_list_text"] == "3,8" and data["sample"] is None
    code, out, _ = _run(
        capsys, "--scenario", "right_last_stand_1928", "--sample", "2", "--sample-from", "5", "--jobs", "1", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["seed_list"] == list(sampling.sample_seeds(2, 5))
    assert (
        data["sample"] == {"seeds": 2, "from": 5, "range": [10_000, 999_999]} and data["seed"] == data["seed_list"][0]
    )
    code, out, _ = _run(
        capsys, "--scenario", "right_last_stand_1928", "--sample", "2", "--sample-from", "5", "--jobs", "1"
    )
    seeds = sampling.seed_list_text(sampling.sample_seeds(2, 5))
    assert code == 0 and out.splitlines()[0].startswith(
        f"right_last_stand_1928: 2 games, seeds {seeds} (drawn by --sample 2 --sample-from 5); "
    )
