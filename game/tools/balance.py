"""The balance report: how well each faction of each scenario can do, measured by play.

For every scenario × faction three kinds of game are played over the same seeds: the searching
player on that seat against the default bots (``search``; by default it plays to win, not to
history: personality weight 0), a player that only waits on that seat
(``wait``), and the default bots on every seat (``bots``; one game per seed serves every
faction).  Each cell gives the distribution of the faction's results on its objective scale,
the victory share (decisive victory or victory) with its 95% interval, the mean decision time of
that seat, and the seat's moves by action kind in the games it won (victory or better): a kind
above :data:`~game.tools.sampling.DOMINANT` of them is flagged.  The seeds are any list, or a
random sample (:mod:`game.tools.sampling`).
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen

from game.ruleset.records import RESULTS
from game.tools.batch import GameRecord, Job
from game.tools.sampling import add_moves, interval, moves_figures, moves_text, seed_range

MODES = ("search", "wait", "bots")
WINS = ("decisive_victory", "victory")


@frozen
class Cell:
    scenario: str
    faction: str
    mode: str
    games: int
    results: dict[str, int]  # result → games
    victory_share: float
    mean_points: float
    mean_decision_s: float
    errors: int
    #: the seat's moves by action kind, added up over the games it won (victory or better)
    winning_moves: dict[str, int] = field(factory=dict)

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "faction": self.faction,
            "mode": self.mode,
            "games": self.games,
            "results": self.results,
            "victory_share": round(self.victory_share, 4),
            "victory_interval": [round(x, 4) for x in interval(self.victory_share, self.games - self.errors)],
            "mean_points": round(self.mean_points, 3),
            "mean_decision_s": round(self.mean_decision_s, 5),
            "errors": self.errors,
            "winning_moves": moves_figures(self.winning_moves),
        }


def plan(
    rules,
    scenarios: list[str],
    factions: list[str] | None,
    seeds: int | Sequence[int],
    level: str,
    mods: tuple[str, ...] = (),
    personality: float = 0.0,
    first_seed: int = 1,
) -> list[tuple[str, str | None, Job]]:
    """Every game to play, tagged (mode, faction or None for the all-bots game, job): on the
    seeds listed, or (a number) on that many seeds from ``first_seed`` on (a balance read on seeds
    other than those it was tuned on)."""
    played = seed_range(seeds, first_seed) if isinstance(seeds, int) else tuple(seeds)
    out = []
    for sid in scenarios:
        seats = [f for f in rules.scenarios[sid].factions if factions is None or f in factions]
        for seed in played:
            out.append(("bots", None, Job(sid, seed, (), "simple", mods)))
            for f in seats:
                out.append(("search", f, Job(sid, seed, ((f, level),), "simple", mods, personality)))
                out.append(("wait", f, Job(sid, seed, ((f, "wait"),), "simple", mods)))
    return out


def cells(
    rules, planned: list[tuple[str, str | None, Job]], records: list[GameRecord], factions: list[str] | None
) -> list[Cell]:
    """Gather the records into cells, in the order scenario, faction, mode."""
    bucket: dict[tuple[str, str, str], list[GameRecord]] = {}
    for (mode, faction, job), rec in zip(planned, records, strict=True):
        seats = (
            [faction]
            if faction
            else [f for f in rules.scenarios[job.scenario].factions if factions is None or f in factions]
        )
        for f in seats:
            bucket.setdefault((job.scenario, f, mode), []).append(rec)
    out = []
    for (sid, f, mode), recs in bucket.items():
        counts = {r: 0 for r in RESULTS[::-1]}
        points, times = [], []
        won: dict[str, int] = {}
        errors = 0
        for rec in recs:
            if rec.error:
                errors += 1
                continue
            counts[rec.results[f]] += 1
            points.append(rec.points[f])
            times.extend(rec.decisions.get(f, []))
            if rec.results[f] in WINS:
                add_moves(won, rec.moves.get(f, {}))
        done = len(recs) - errors
        share = sum(counts[r] for r in WINS) / done if done else 0.0
        out.append(
            Cell(
                sid,
                f,
                mode,
                len(recs),
                counts,
                share,
                sum(points) / done if done else 0.0,
                sum(times) / len(times) if times else 0.0,
                errors,
                won,
            )
        )
    order = {m: i for i, m in enumerate(MODES)}
    return sorted(out, key=lambda c: (planned_index(planned, c.scenario), c.faction, order[c.mode]))


def planned_index(planned, scenario: str) -> int:
    return next(i for i, (_m, _f, job) in enumerate(planned) if job.scenario == scenario)


SHORT = {"decisive_victory": "DV", "victory": "V", "historical": "H", "defeat": "D", "disaster": "X"}


def table(rules, found: list[Cell], level: str) -> list[str]:
    """The report as text lines, one per cell."""
    lines = [
        f"results on each faction's objective scale (DV decisive victory, V victory, H historical, "
        f"D defeat, X disaster); ≥ V = the share of victory or better, with its 95% interval; "
        f"search = the {level} searching player on that seat"
    ]
    head = f"{'scenario':24} {'faction':10} {'player':7} {'games':>5}  " + " ".join(
        f"{SHORT[r]:>3}" for r in RESULTS[::-1]
    )
    lines.append(head + f"  {'≥ V':>6} {'95% interval':>12} {'points':>6} {'decision':>9}")
    for c in found:
        dist = " ".join(f"{c.results[r]:>3}" for r in RESULTS[::-1])
        err = f"  errors {c.errors}" if c.errors else ""
        low, high = interval(c.victory_share, c.games - c.errors)
        span = f"{low:.0%}–{high:.0%}"
        lines.append(
            f"{c.scenario:24} {c.faction:10} {c.mode:7} {c.games:>5}  {dist}  {c.victory_share:>6.0%} {span:>12} "
            f"{c.mean_points:>6.2f} {c.mean_decision_s * 1000:>7.1f}ms{err}"
        )
    return lines


def moves_lines(found: list[Cell], level: str) -> list[str]:
    """The searching player's moves by action kind in the games it won, seat by seat, with the
    largest share and a flag on a kind above 40%."""
    lines = [f"moves of the {level} searching player by action kind, in the games it won (victory or better):"]
    for c in found:
        if c.mode == "search":
            won = sum(c.results[r] for r in WINS)
            lines.append(f"  {c.scenario:24} {c.faction:10} {won:>3} won: {moves_text(c.winning_moves)}")
    return lines
