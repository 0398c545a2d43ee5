"""The balance report: every cell counts its games, and bad input is refused with a message."""

import json

from game import cli
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
    rows = [ln for ln in lines if ln.startswith("right_last_stand_1928")]
    assert [r.split()[2] for r in rows] == ["search", "wait", "bots"]
    assert lines[-1] == "3 games, 0 error(s)"


def test_unknown_scenario_or_faction_is_a_usage_error(capsys):
    assert cli.main(["balance", "--scenarios", "crisis_1924", "--seeds", "1"]) == 2
    assert "unknown scenario 'crisis_1924'" in capsys.readouterr().err
    assert cli.main(["balance", "--scenarios", "crisis_1923", "--factions", "lenin", "--seeds", "1"]) == 2
    assert "unknown faction 'lenin'" in capsys.readouterr().err
    assert cli.main(["balance", "--seeds", "0"]) == 2


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
    assert code == 0 and out["first_seed"] == 57 and "seeds 57..57" in captured.err
    for c in out["cells"]:
        low, high = c["victory_interval"]
        assert 0.0 <= low <= c["victory_share"] <= high <= 1.0 and high - low > 0.5  # one game says little
