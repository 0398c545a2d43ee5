"""benchmarks/strength.py makes STRENGTH.md's tables from the commands' JSON: read here from
hand-made files, so every figure can be checked by hand."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "strength.py"
RESULTS = ("decisive_victory", "victory", "historical", "defeat", "disaster")


@pytest.fixture(scope="module")
def strength():
    spec = importlib.util.spec_from_file_location("strength", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cell(faction, mode, won, games, top=None, share=0.0, scenario="crisis_1923"):
    results = dict.fromkeys(RESULTS, 0) | {"victory": won, "defeat": games - won}
    moves = {"moves": 10, "by_kind": {}, "top": top, "top_share": share, "dominant": share > 0.4}
    return {
        "scenario": scenario,
        "faction": faction,
        "mode": mode,
        "games": games,
        "results": results,
        "victory_share": won / games,
        "mean_points": 1.0,
        "mean_decision_s": 0.01,
        "errors": 0,
        "winning_moves": moves,
    }


def _balance(tmp_path, name, budget, cells):
    path = tmp_path / name
    data = {"budget": budget, "seeds": 60, "first_seed": 2001, "seed_list_text": "2001-2060", "cells": cells}
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _rows(lines, first_cell):
    return [[c.strip() for c in ln.strip("|").split("|")] for ln in lines if ln.startswith(f"| {first_cell} ")]


def test_the_seat_table_gives_share_interval_band_and_top_kind(strength, tmp_path):
    path = _balance(
        tmp_path,
        "normal.json",
        "normal",
        [
            _cell("trotsky", "search", 30, 60, "publish_article", 0.55),
            _cell("trotsky", "wait", 3, 60),
            _cell("stalin", "search", 57, 60, "appoint_secretary", 0.3),
            _cell("stalin", "wait", 0, 60),
        ],
    )
    rows = _rows(strength.seat_table([path]), "crisis_1923")
    assert rows == [
        ["crisis_1923", "stalin", "normal", "60", "95%", "86–98%", "**no**", "0%", "appoint_secretary 30%"],
        ["crisis_1923", "trotsky", "normal", "60", "50%", "38–62%", "yes", "5%", "publish_article 55% ⚑"],
    ]
    assert strength.main(["balance", path]) == 0


def test_compare_gives_the_difference_and_its_standard_error(strength, tmp_path, capsys):
    hard = _balance(
        tmp_path, "hard.json", "hard", [_cell("stalin", "search", 60, 100), _cell("trotsky", "search", 60, 100)]
    )
    normal = _balance(
        tmp_path, "normal.json", "normal", [_cell("stalin", "search", 40, 100), _cell("zinoviev", "search", 1, 100)]
    )
    lines = strength.compare_table([hard, normal])
    assert _rows(lines, "crisis_1923") == [["crisis_1923", "stalin", "60.0% of 100", "40.0% of 100", "+20.0%", "6.9%"]]
    assert lines[-1] == (
        "hard ahead of normal by at least two standard errors over 100 and 100 seat-games: yes (+20.0% ± 6.9%)"
    )
    assert strength.main(["compare", hard]) == 2 and "usage" in capsys.readouterr().err
    lonely = _balance(tmp_path, "lonely.json", "easy", [_cell("bukharin", "search", 1, 2)])
    assert strength.main(["compare", hard, lonely]) == 2
    assert "no seat measured by both searching players" in capsys.readouterr().err


def _simulate(tmp_path, name, levels, results, strongest, hollow, moves):
    games = sum(results[next(iter(results))].values())
    data = {
        "games": games,
        "errors": 0,
        "draws": games - sum(strongest.values()),
        "seed": 1,
        "seed_list_text": "500-519",
        "levels": levels,
        "default": "simple",
        "wins": strongest,
        "results": results,
        "fired": {},
        "strongest_at_end": {f: {"count": n} for f, n in strongest.items()},
        "strongest_with_defeat_or_disaster": hollow,
        "moves": {f: {"winning": m} for f, m in moves.items()},
    }
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_the_campaign_table_has_a_row_per_searching_seat(strength, tmp_path):
    twenty = dict.fromkeys(RESULTS, 0)
    path = _simulate(
        tmp_path,
        "bukharin.json",
        {"stalin": "simple", "bukharin": "normal"},
        {"stalin": twenty | {"victory": 10, "disaster": 10}, "bukharin": twenty | {"victory": 4, "historical": 16}},
        {"stalin": 12, "bukharin": 2},
        {"stalin": {"strongest": 12, "defeat": 2, "disaster": 7, "share": 0.75}},
        {"bukharin": {"top": "publish_article", "top_share": 0.62, "dominant": True}},
    )
    rows = _rows(strength.campaign_table([path]), "bukharin.json")
    assert rows == [
        [
            "bukharin.json",
            "bukharin=normal",
            "20",
            "500-519",
            "20%",
            "8–42%",
            "yes",
            "10%",
            "—",
            "0%",
            "publish_article 62% ⚑",
        ]
    ]
    bots = _simulate(
        tmp_path,
        "bots.json",
        {"stalin": "simple", "bukharin": "simple"},
        {"stalin": twenty | {"victory": 10, "disaster": 10}, "bukharin": twenty | {"historical": 20}},
        {"stalin": 12},
        {"stalin": {"strongest": 12, "defeat": 2, "disaster": 7, "share": 0.75}},
        {},
    )
    rows = _rows(strength.campaign_table([bots]), "bots.json")  # no searching seat: every faction
    assert [r[1] for r in rows] == ["stalin=simple", "bukharin=simple"]
    assert rows[0][4:] == ["50%", "30–70%", "yes", "60%", "9 of 12", "50%", "—"]
    assert strength.simulate_table([bots], [])[5].startswith(
        "| stalin | 0 | 10 | 0 | 0 | 10 | 50.0% | 30–70% | 12 (60.0%) |"
    )


def test_a_file_of_another_command_is_refused(strength, tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text('{"cells": [{"mode": "search"}], "budget": "normal"}', encoding="utf-8")
    assert strength.main(["campaign", str(path)]) == 2
    assert "not the JSON of this command (no 'results')" in capsys.readouterr().err
    assert strength.main(["balance", str(path)]) == 2
    assert "not the JSON this table reads" in capsys.readouterr().err


def test_a_campaign_table_names_a_sample_by_its_draw_not_every_seed(strength):
    """A sample of 40 or 200 seeds would fill the seeds column: the table names its draw, and a
    long list by its count and ends (the file keeps every seed)."""
    sample = {"sample": {"seeds": 40, "from": 1210}, "seed_list_text": ",".join(str(s) for s in range(10000, 10040))}
    assert strength._seeds_cell(sample) == "40 drawn by --sample-from 1210"
    listed = {"seed_list_text": ",".join(str(s) for s in range(2001, 2061))}
    assert strength._seeds_cell(listed) == "60 seeds, 2001..2060"
    assert strength._seeds_cell({"seed_list_text": "5,9,12"}) == "5,9,12"
    assert strength._seeds_cell({"seed": 1000, "games": 30}) == "1000..1029"
