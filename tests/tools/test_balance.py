"""The balance report: every cell counts its games, and bad input is refused with a message."""

import json

import pytest

from game import cli
from game.engine.actions import CHOOSE
from game.tools import balance, batch


def test_balance_json_has_a_cell_per_faction_and_player(capsys):
    code = cli.main(
        [
            "balance",
            "--scenarios",
            "crisis_1923",
            "--factions",
            "stalin,trotsky",
            "--seeds",
            "1",
            "--budget",
            "easy",
            "--jobs",
            "1",
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["errors"] == 0 and out["personality"] == 0.0  # it plays to win by default
    assert out["games"] == 1 + 2 * 2  # one all-bots game serves both seats
    cells = {(c["faction"], c["mode"]): c for c in out["cells"]}
    assert set(cells) == {(f, m) for f in ("stalin", "trotsky") for m in balance.MODES}
    for c in cells.values():
        assert c["games"] == 1 and sum(c["results"].values()) == 1
        assert c["victory_share"] == (c["results"]["decisive_victory"] + c["results"]["victory"])
    assert cells[("stalin", "search")]["mean_decision_s"] > 0
    assert cells[("stalin", "wait")]["mean_decision_s"] < cells[("stalin", "search")]["mean_decision_s"]


def test_the_waiting_seat_only_waits(rules):
    rec = batch.play_game(rules, batch.Job("right_last_stand_1928", 3, (("bukharin", "wait"),)))
    assert rec.error is None and rec.levels["bukharin"] == "wait" and rec.levels["stalin"] == "simple"
    assert rec.results and set(rec.results) == set(rules.scenarios["right_last_stand_1928"].factions)
    assert set(rec.moves["bukharin"]) <= {"pass_turn", CHOOSE}
    # a pass in every quarter but, at most, the last, which an event's first option (recant) may end
    assert rec.turns == 7 and rec.moves["bukharin"]["pass_turn"] >= rec.turns - 1


def test_a_seats_moves_by_kind_add_up_to_its_decisions(rules):
    """The record counts each seat's moves by action kind (an event's option is ``choose``, the end
    of a quarter ``pass_turn``); a seat's counts add up to its decisions, every seat moved."""
    rec = batch.play_game(rules, batch.Job("right_last_stand_1928", 4, (("bukharin", "easy"),), personality=0.0))
    assert rec.error is None and set(rec.moves) == set(rec.decisions)
    for faction, moves in rec.moves.items():
        assert sum(moves.values()) == len(rec.decisions[faction]) > 0, faction
        assert set(moves) <= set(rules.actions) | {CHOOSE}
    assert any("pass_turn" in moves for moves in rec.moves.values())
    assert len(rec.moves["bukharin"]) >= 3  # the searching player does more than one thing
    again = batch.play_game(rules, batch.Job("right_last_stand_1928", 4, (("bukharin", "easy"),), personality=0.0))
    assert again.moves == rec.moves and again.results == rec.results  # counting changes no move


def _rec(seed, bukharin, moves):
    return batch.GameRecord(
        "right_last_stand_1928",
        seed,
        {"bukharin": "easy"},
        "collective_leadership",
        None,
        {"bukharin": bukharin},
        {"bukharin": 1},
        7,
        "1929-Q4",
        {"bukharin": [0.01] * sum(moves.values())},
        moves={"bukharin": moves},
    )


def test_the_distribution_of_moves_counts_winning_games_and_flags_a_dominant_kind(rules):
    """A cell adds up the searching player's moves in its games of victory or better only, and
    flags a kind above 40% of them."""
    planned = [
        ("search", "bukharin", batch.Job("right_last_stand_1928", s, (("bukharin", "easy"),))) for s in (1, 2, 3)
    ]
    records = [
        _rec(1, "victory", {"publish_article": 5, "pass_turn": 3, "choose": 2}),
        _rec(2, "decisive_victory", {"publish_article": 1, "pass_turn": 4, "speak_at_plenum": 5}),
        _rec(3, "disaster", {"mass_appeal": 30}),  # a lost game: not in the distribution
    ]
    (cell,) = balance.cells(rules, planned, records, ["bukharin"])
    assert cell.winning_moves == {"publish_article": 6, "pass_turn": 7, "choose": 2, "speak_at_plenum": 5}
    figures = cell.to_dict()["winning_moves"]
    assert figures["moves"] == 20 and figures["top"] == "pass_turn" and figures["top_share"] == 0.35
    assert not figures["dominant"] and list(figures["by_kind"])[:2] == ["pass_turn", "publish_article"]
    (line,) = balance.moves_lines([cell], "easy")[1:]
    assert "2 won: pass_turn 35%, publish_article 30%, speak_at_plenum 25%, choose 10% of 20 moves" in line
    assert "⚑" not in line
    records[1] = _rec(2, "decisive_victory", {"publish_article": 9, "pass_turn": 1})
    (cell,) = balance.cells(rules, planned, records, ["bukharin"])
    assert cell.to_dict()["winning_moves"]["dominant"] and cell.to_dict()["winning_moves"]["top_share"] == 0.7
    assert balance.moves_lines([cell], "easy")[1].endswith("⚑ publish_article above 40%")


def test_the_text_table_prints_every_cell(capsys):
    code = cli.main(
        [
            "balance",
            "--scenarios",
            "right_last_stand_1928",
            "--factions",
            "bukharin",
            "--seeds",
            "1",
            "--budget",
            "easy",
            "--jobs",
            "1",
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == "seeds 1 (1; replay with --seed-list 1)"
    rows = [ln for ln in lines if ln.startswith("right_last_stand_1928")]
    assert [r.split()[2] for r in rows] == ["search", "wait", "bots"]
    heading = lines.index("moves of the easy searching player by action kind, in the games it won (victory or better):")
    assert lines[heading + 1].split()[:2] == ["right_last_stand_1928", "bukharin"]
    assert lines[-1] == "3 games, 0 error(s)"


def test_unknown_scenario_or_faction_is_a_usage_error(capsys):
    assert cli.main(["balance", "--scenarios", "crisis_1924", "--seeds", "1"]) == 2
    assert "unknown scenario 'crisis_1924'" in capsys.readouterr().err
    assert cli.main(["balance", "--scenarios", "crisis_1923", "--factions", "lenin", "--seeds", "1"]) == 2
    assert "unknown faction 'lenin'" in capsys.readouterr().err
    assert cli.main(["balance", "--seeds", "0"]) == 2
    assert "--seeds must be at least 1" in capsys.readouterr().err
    assert cli.main(["balance", "--seeds", "3", "--seed-list", "1-3"]) == 2
    assert "choose the seeds one way, not --seeds/--first-seed and --seed-list together" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["balance", "--seed-list", "3-x"])
    assert exit_.value.code == 2
    assert "argument --seed-list: 'x' in '3-x' is not a seed" in capsys.readouterr().err


def test_a_balance_can_be_read_on_other_seeds(rules, capsys):
    """``--first-seed`` moves the seeds (a balance read on seeds nobody tuned to), the run says which,
    and each share comes with its 95% interval."""
    planned = balance.plan(rules, ["crisis_1923"], ["trotsky"], 3, "easy", first_seed=41)
    assert sorted({job.seed for _m, _f, job in planned}) == [41, 42, 43]
    code = cli.main(
        ["balance", "--scenarios", "crisis_1923", "--factions", "trotsky", "--seeds", "1", "--first-seed", "57"]
        + ["--budget", "easy", "--jobs", "1", "--json"]
    )
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert code == 0 and out["first_seed"] == 57 and out["seed_list"] == [57] and "seeds 57 " in captured.err
    for c in out["cells"]:
        low, high = c["victory_interval"]
        assert 0.0 <= low <= c["victory_share"] <= high <= 1.0 and high - low > 0.5  # one game says little
