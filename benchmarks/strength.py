"""Tables for benchmarks/STRENGTH.md from the JSON of ``python -m game balance --json`` and
``python -m game simulate --json`` (measured figures, never timed tests).

    python benchmarks/strength.py balance FILE.json ...    # one seat's player, level by level
    python benchmarks/strength.py simulate FILE.json ...   # a batch of games (files are added up)
    python benchmarks/strength.py campaign FILE.json ...   # one simulate file per searching seat
    python benchmarks/strength.py compare HARD.json NORMAL.json   # two balance files, level against level

``balance``: every file's cells are gathered by player — ``search`` cells under the file's
budget (easy, normal, hard), ``wait`` (the player who only waits) and ``bots`` (the simple bot
on that seat too) — and each player gets its games, mean points on the objective scale and share
of results at least "victory", over all seats and scenarios, then seat by seat; then a table per
seat of the searching player: games, share of victory or better, its 95% interval, whether the
interval's centre is inside the 25–75% band, the waiting player's share, and the largest share
of one action kind in the searching player's winning games (flagged above 40%).  ``simulate``:
each faction's results on its objectives and its share of victory or better, how often it was
the strongest at the end (the power outcome, not its own result), the dated events that fired,
and when each faction was expelled from the party.  ``campaign``: a row per searching seat (the
seat whose level is not the file's default; every faction when none is), with its share of
victory or better and interval (target band 20–60%), how often it was strongest at the end and
how often that came with its own defeat or disaster, its disasters, and its top action kind in
winning games.  ``compare``: the searching players of two balance files on the seats both
measured, seat by seat and in all, with the difference of their shares and its standard error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RESULTS = ("decisive_victory", "victory", "historical", "defeat", "disaster")
SHORT = {"decisive_victory": "DV", "victory": "V", "historical": "H", "defeat": "D", "disaster": "X"}
WINS = ("decisive_victory", "victory")
#: how balance names the player on the seat; the searching player is named by its budget
ORDER = ("hard", "normal", "easy", "simple", "wait")
#: the band a classroom seat's share of victory or better should sit in, and a campaign seat's
BAND = (0.25, 0.75)
CAMPAIGN_BAND = (0.20, 0.60)


class ReportError(Exception):
    """A file that is not the JSON of the command the report reads."""


def _seeds_cell(s: dict) -> str:
    """The seeds of a ``simulate`` file in a table cell: a sample by its draw (the file keeps the
    full list, and the command printed it), a list of up to ten seeds as it is, a range by its ends.

    >>> _seeds_cell({"sample": {"seeds": 40, "from": 1210}, "seed_list_text": "1,2"})
    '40 drawn by --sample-from 1210'
    >>> _seeds_cell({"seed_list_text": "5,9,12"})
    '5,9,12'
    >>> _seeds_cell({"seed": 1000, "games": 30})
    '1000..1029'
    """
    if s.get("sample"):
        return f"{s['sample']['seeds']} drawn by --sample-from {s['sample']['from']}"
    text = s.get("seed_list_text")
    if text and text.count(",") < 10:
        return text
    if text:
        seeds = [int(x) for x in text.split(",")]
        return f"{len(seeds)} seeds, {min(seeds)}..{max(seeds)}"
    return f"{s['seed']}..{s['seed'] + s['games'] - 1}"


def _read(path: str, key: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(f"{path}: cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict) or key not in data:
        raise ReportError(f"{path}: not the JSON of this command (no '{key}')")
    return data


def _player(cell: dict, budget: str) -> str:
    return {"search": budget, "bots": "simple", "wait": "wait"}[cell["mode"]]


def balance_cells(paths: list[str]) -> dict[tuple[str, str, str], dict]:
    """(player, scenario, faction) → the cell (a player's cells met twice must agree: the same
    games, played by another run)."""
    out: dict[tuple[str, str, str], dict] = {}
    for path in paths:
        data = _read(path, "cells")
        for cell in data["cells"]:
            key = (_player(cell, data["budget"]), cell["scenario"], cell["faction"])
            seen = out.get(key)
            if seen is not None and seen["results"] != cell["results"]:
                raise SystemExit(f"{path}: {key} differs from an earlier file's: not the same games")
            out[key] = cell
    return out


def _sums(cells: list[dict]) -> tuple[int, float, float, dict[str, int]]:
    games = sum(c["games"] - c["errors"] for c in cells)
    counts = {r: sum(c["results"][r] for c in cells) for r in RESULTS}
    points = sum(c["mean_points"] * (c["games"] - c["errors"]) for c in cells)
    wins = sum(counts[r] for r in WINS)
    return games, points / games if games else 0.0, wins / games if games else 0.0, counts


def balance_table(paths: list[str]) -> list[str]:
    cells = balance_cells(paths)
    players = [p for p in ORDER if any(k[0] == p for k in cells)]
    lines = [
        "| player on the seat | games | mean points | ≥ victory (± s.e.) | "
        + " | ".join(SHORT[r] for r in RESULTS)
        + " | decision, ms |",
        "|---|---:|---:|---:|" + "---:|" * (len(RESULTS) + 1),
    ]
    for p in players:
        mine = [c for k, c in cells.items() if k[0] == p]
        games, points, share, counts = _sums(mine)
        dist = " | ".join(str(counts[r]) for r in RESULTS)
        error = (share * (1 - share) / games) ** 0.5 if games else 0.0
        # the mean of the cells' mean decision times, weighted by their games (cells differ little)
        spent = sum(c["mean_decision_s"] * c["games"] for c in mine) / max(1, sum(c["games"] for c in mine))
        lines.append(f"| {p} | {games} | {points:.2f} | {share:.1%} ± {error:.1%} | {dist} | {spent * 1000:.1f} |")
    lines += ["", "Seat by seat (mean points / share of results at least victory):", ""]
    seats = sorted({(k[1], k[2]) for k in cells}, key=lambda s: (_scenario_order(cells, s[0]), s[1]))
    lines.append("| scenario | faction | " + " | ".join(players) + " |")
    lines.append("|---|---|" + "---:|" * len(players))
    for sid, fid in seats:
        row = []
        for p in players:
            cell = cells.get((p, sid, fid))
            row.append("—" if cell is None else f"{cell['mean_points']:.2f} / {cell['victory_share']:.0%}")
        lines.append(f"| {sid} | {fid} | " + " | ".join(row) + " |")
    return lines


def _interval(count: int, games: int) -> tuple[float, float]:
    """The 95% (Wilson) interval, as ``balance`` and ``simulate`` give it."""
    from game.tools.sampling import interval

    return interval(count / games if games else 0.0, games)


def _span(low: float, high: float) -> str:
    return f"{low * 100:.0f}–{high:.0%}"


def _in_band(low: float, high: float, band: tuple[float, float]) -> str:
    """Whether the interval's centre lies in the band."""
    return "yes" if band[0] <= (low + high) / 2 <= band[1] else "**no**"


def _top_kind(moves: dict | None) -> str:
    """The most frequent action kind in winning games and its share, flagged above 40%."""
    if not moves or not moves.get("top"):
        return "—"
    flag = " ⚑" if moves["dominant"] else ""
    return f"{moves['top']} {moves['top_share']:.0%}{flag}"


def seat_table(paths: list[str]) -> list[str]:
    """A row per seat of each searching player: games, share of victory or better, its 95%
    interval, whether the interval's centre is inside 25–75%, the waiting player's share, and the
    top action kind's share in the searching player's winning games."""
    cells = balance_cells(paths)
    players = [p for p in ORDER[:3] if any(k[0] == p for k in cells)]
    low_band, high_band = BAND
    lines = [
        f"| scenario | faction | player | games | ≥ victory | 95% interval | centre in {low_band:.0%}–{high_band:.0%} "
        "| waiting player ≥ victory | top action kind in winning games |",
        "|---|---|---|---:|---:|---:|---|---:|---|",
    ]
    seats = sorted({(k[1], k[2]) for k in cells}, key=lambda s: (_scenario_order(cells, s[0]), s[1]))
    for p in players:
        for sid, fid in seats:
            cell = cells.get((p, sid, fid))
            if cell is None:
                continue
            games = cell["games"] - cell["errors"]
            won = sum(cell["results"][r] for r in WINS)
            low, high = _interval(won, games)
            wait = cells.get(("wait", sid, fid))
            waited = "—" if wait is None else f"{wait['victory_share']:.0%}"
            lines.append(
                f"| {sid} | {fid} | {p} | {games} | {won / games if games else 0:.0%} | {_span(low, high)} | "
                f"{_in_band(low, high, BAND)} | {waited} | {_top_kind(cell.get('winning_moves'))} |"
            )
    return lines


def compare_table(paths: list[str]) -> list[str]:
    """The searching players of two balance files on the seats both measured: each one's share of
    victory or better, the difference and its standard error, seat by seat and in all."""
    first, second = (_read(p, "cells") for p in paths)
    names = [first["budget"], second["budget"]]
    if names[0] == names[1]:
        names = [f"{names[0]} ({Path(p).name})" for p in paths]
    mine = [{(c["scenario"], c["faction"]): c for c in d["cells"] if c["mode"] == "search"} for d in (first, second)]
    seats = [k for k in mine[0] if k in mine[1]]
    if not seats:
        raise ReportError(f"{paths[0]} and {paths[1]}: no seat measured by both searching players")
    seeds = [d.get("seed_list_text", f"{d['first_seed']}..{d['first_seed'] + d['seeds'] - 1}") for d in (first, second)]
    lines = [
        f"{names[0]}: seeds {seeds[0]}; {names[1]}: seeds {seeds[1]}",
        "",
        f"| scenario | faction | {names[0]} ≥ victory | {names[1]} ≥ victory | difference | s.e. |",
        "|---|---|---:|---:|---:|---:|",
    ]
    totals = [[0, 0], [0, 0]]  # [won, games] of each file
    for sid, fid in seats:
        row = []
        for i, cells in enumerate(mine):
            c = cells[(sid, fid)]
            games = c["games"] - c["errors"]
            won = sum(c["results"][r] for r in WINS)
            totals[i][0] += won
            totals[i][1] += games
            row.append((won, games))
        lines.append(f"| {sid} | {fid} | " + " | ".join(_difference(*row)) + " |")
    cols = _difference(tuple(totals[0]), tuple(totals[1]))
    lines.append("| **all seats** | | " + " | ".join(f"**{c}**" for c in cols) + " |")
    (won_a, games_a), (won_b, games_b) = totals
    diff, error = _diff_error(won_a, games_a, won_b, games_b)
    ahead = "yes" if error and diff >= 2 * error else "no"
    lines += [
        "",
        f"{names[0]} ahead of {names[1]} by at least two standard errors over {games_a} and {games_b} "
        f"seat-games: {ahead} ({diff:+.1%} ± {error:.1%})",
    ]
    return lines


def _diff_error(won_a: int, games_a: int, won_b: int, games_b: int) -> tuple[float, float]:
    """The difference of two shares and its standard error (independent samples)."""
    a = won_a / games_a if games_a else 0.0
    b = won_b / games_b if games_b else 0.0
    var = (a * (1 - a) / games_a if games_a else 0.0) + (b * (1 - b) / games_b if games_b else 0.0)
    return a - b, var**0.5


def _difference(a: tuple[int, int], b: tuple[int, int]) -> list[str]:
    diff, error = _diff_error(*a, *b)
    shares = [f"{won / games if games else 0:.1%} of {games}" for won, games in (a, b)]
    return [*shares, f"{diff:+.1%}", f"{error:.1%}"]


def campaign_table(paths: list[str]) -> list[str]:
    """A row per searching seat of each simulate file (the seat whose level is not the default;
    every faction when none is)."""
    low_band, high_band = CAMPAIGN_BAND
    lines = [
        f"| file | seat | games | seeds | ≥ victory | 95% interval | centre in {low_band:.0%}–{high_band:.0%} | "
        "strongest at the end | of which own defeat or disaster | disaster | top action kind in winning games |",
        "|---|---|---:|---|---:|---:|---|---:|---:|---:|---|",
    ]
    for path in paths:
        s = _read(path, "results")
        default = s.get("default") or _commonest(s["levels"].values())
        seats = [f for f, lv in s["levels"].items() if lv != default] or list(s["levels"])
        games = s["games"] - s["errors"]
        seeds = _seeds_cell(s)
        for f in seats:
            counts = s["results"][f]
            won = sum(counts[r] for r in WINS)
            low, high = _interval(won, games)
            strongest = s.get("strongest_at_end", {}).get(f, {}).get("count", s["wins"].get(f, 0))
            hollow = s.get("strongest_with_defeat_or_disaster", {}).get(f)
            hollow_text = "—" if hollow is None else f"{hollow['defeat'] + hollow['disaster']} of {hollow['strongest']}"
            top = _top_kind(s.get("moves", {}).get(f, {}).get("winning"))
            lines.append(
                f"| {Path(path).name} | {f}={s['levels'][f]} | {games} | {seeds} | {won / games if games else 0:.0%} | "
                f"{_span(low, high)} | {_in_band(low, high, CAMPAIGN_BAND)} | {strongest / games if games else 0:.0%} | "
                f"{hollow_text} | {counts['disaster'] / games if games else 0:.0%} | {top} |"
            )
    return lines


def _commonest(values) -> str:
    values = list(values)
    return max(sorted(set(values)), key=values.count)


def _scenario_order(cells, sid: str) -> int:
    order = ("crisis_1923", "united_opposition_1926", "right_last_stand_1928")
    return order.index(sid) if sid in order else len(order)


def simulate_summary(paths: list[str]) -> dict:
    """The batches added up (games, wins, results, fired events, expulsion dates)."""
    total: dict = {"games": 0, "errors": 0, "draws": 0, "wins": {}, "results": {}, "fired": {}, "expelled": {}}
    for path in paths:
        s = _read(path, "fired")
        total["games"] += s["games"]
        total["errors"] += s["errors"]
        total["draws"] += s["draws"]
        total.setdefault("levels", s["levels"])
        for f, n in s["wins"].items():
            total["wins"][f] = total["wins"].get(f, 0) + n
        for f, counts in s["results"].items():
            mine = total["results"].setdefault(f, dict.fromkeys(RESULTS, 0))
            for r, n in counts.items():
                mine[r] += n
        for e, n in s["fired"].items():
            total["fired"][e] = total["fired"].get(e, 0) + n
        for f, dates in s.get("expelled_dates", {}).items():
            total["expelled"].setdefault(f, []).extend(dates)
    return total


def simulate_table(paths: list[str], events: list[str]) -> list[str]:
    s = simulate_summary(paths)
    done = s["games"] - s["errors"]
    lines = [
        f"{s['games']} games, {s['errors']} errors; seats: " + ", ".join(f"{f}={v}" for f, v in s["levels"].items())
    ]
    lines += [
        "",
        "| faction | "
        + " | ".join(SHORT[r] for r in RESULTS)
        + " | ≥ victory (own result) | 95% interval | strongest at the end (power outcome) |",
    ]
    lines.append("|---|" + "---:|" * (len(RESULTS) + 3))
    for f, counts in sorted(s["results"].items()):
        strongest = s["wins"].get(f, 0)
        won = sum(counts[r] for r in WINS)
        low, high = _interval(won, done)
        lines.append(
            f"| {f} | "
            + " | ".join(str(counts[r]) for r in RESULTS)
            + f" | {won / done:.1%} | {_span(low, high)} | {strongest} ({strongest / done:.1%}) |"
        )
    lines.append(
        "| none (collective leadership) |" + " |" * (len(RESULTS) + 2) + f" {s['draws']} ({s['draws'] / done:.1%}) |"
    )
    lines += ["", "| event | fired in |", "|---|---:|"]
    for e in events:
        n = s["fired"].get(e, 0)
        lines.append(f"| {e} | {n} ({n / done:.1%}) |")
    lines += ["", "| faction | expelled from the party in | median quarter |", "|---|---:|---|"]
    for f, dates in sorted(s["expelled"].items()):
        lines.append(f"| {f} | {len(dates)} ({len(dates) / done:.1%}) | {median_date(dates)} |")
    return lines


def median_date(dates: list[str]) -> str | None:
    """The median of quarters written YYYY-Qn, the lower middle one for an even count (as
    ``game.tools.simulate.median_date``)."""
    from game.tools.simulate import median_date as median

    return median(dates)


#: the dated events of 1925-26 whose firing shows how far a game follows history
EVENTS = [
    "trotsky_leaves_war_commissariat",
    "leningrad_opposition",
    "leningrad_opposition_alone",
    "united_opposition",
]


#: each mode's table
TABLES = {
    "balance": lambda paths: balance_table(paths) + ["", "The searching player seat by seat:", ""] + seat_table(paths),
    "simulate": lambda paths: simulate_table(paths, EVENTS),
    "campaign": campaign_table,
    "compare": compare_table,
}


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in TABLES or (argv[0] == "compare" and len(argv) != 3):
        print(
            "usage: python benchmarks/strength.py balance|simulate|campaign FILE.json ...\n"
            "       python benchmarks/strength.py compare BALANCE_A.json BALANCE_B.json",
            file=sys.stderr,
        )
        return 2
    missing = [p for p in argv[1:] if not Path(p).is_file()]
    if missing:
        print(f"no such file: {missing[0]}", file=sys.stderr)
        return 2
    try:
        lines = TABLES[argv[0]](argv[1:])
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 2
    except (KeyError, TypeError, ZeroDivisionError) as exc:  # a file of the right command, but cut or edited
        print(f"{', '.join(argv[1:])}: not the JSON this table reads ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2
    try:
        print("\n".join(lines))
    except BrokenPipeError:  # the reader went away (``... | head``): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — nothing more is written
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
