"""Tables for benchmarks/STRENGTH.md from the JSON of ``python -m game balance --json`` and
``python -m game simulate --json`` (measured figures, never timed tests).

    python benchmarks/strength.py balance FILE.json ...    # one seat's player, level by level
    python benchmarks/strength.py simulate FILE.json ...   # a batch of games (files are added up)

``balance``: every file's cells are gathered by player — ``search`` cells under the file's
budget (easy, normal, hard), ``wait`` (the player who only waits) and ``bots`` (the simple bot
on that seat too) — and each player gets its games, mean points on the objective scale and share
of results at least "victory", over all seats and scenarios, then seat by seat.  ``simulate``:
the wins of each faction, its results on its objectives, the dated events that fired, and when
each faction was expelled from the party.
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


class ReportError(Exception):
    """A file that is not the JSON of the command the report reads."""


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
    lines += ["", "| faction | wins (outcome) | " + " | ".join(SHORT[r] for r in RESULTS) + " | ≥ victory |"]
    lines.append("|---|---:|" + "---:|" * (len(RESULTS) + 1))
    for f, counts in sorted(s["results"].items()):
        wins = s["wins"].get(f, 0)
        share = sum(counts[r] for r in WINS) / done
        lines.append(
            f"| {f} | {wins} ({wins / done:.1%}) | " + " | ".join(str(counts[r]) for r in RESULTS) + f" | {share:.1%} |"
        )
    lines.append(
        f"| none (collective leadership) | {s['draws']} ({s['draws'] / done:.1%}) |" + " |" * (len(RESULTS) + 1)
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


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("balance", "simulate"):
        print("usage: python benchmarks/strength.py balance|simulate FILE.json ...", file=sys.stderr)
        return 2
    missing = [p for p in argv[1:] if not Path(p).is_file()]
    if missing:
        print(f"no such file: {missing[0]}", file=sys.stderr)
        return 2
    try:
        lines = balance_table(argv[1:]) if argv[0] == "balance" else simulate_table(argv[1:], EVENTS)
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        print("\n".join(lines))
    except BrokenPipeError:  # the reader went away (``... | head``): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — nothing more is written
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
