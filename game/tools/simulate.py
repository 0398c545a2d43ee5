"""Batch simulation: many AI-vs-AI games of one scenario, and what they show.

``summarise`` turns the games' records into the figures a researcher asks for: winner counts and
shares, each faction's results on its objectives, game length, decision times per level, how
often each event fired, when each faction was expelled from the party, and the errors.  Games
run locally (processes) or on a Dask cluster (``run_on_cluster``); a game depends only on its
job, so both give the same records for the same seeds.
"""

from __future__ import annotations

import statistics

from game.ruleset.records import RESULTS
from game.tools.batch import GameRecord, Job, load, play_game


def jobs_for(
    scenario: str, games: int, seed: int, levels: dict[str, str], default: str, mods: tuple[str, ...] = ()
) -> list[Job]:
    """Seeds ``seed`` .. ``seed + games - 1``, each seat at its level."""
    return [Job(scenario, seed + i, tuple(sorted(levels.items())), default, mods) for i in range(games)]


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank).

    >>> p95([float(i) for i in range(1, 101)])
    95.0
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def _quarter_index(date: str) -> int:
    return int(date[:4]) * 4 + int(date[-1]) - 1


def median_date(dates: list[str]) -> str | None:
    """The median of quarters written YYYY-Qn (the lower middle one for an even count).

    >>> median_date(["1927-Q4", "1925-Q1", "1926-Q2"])
    '1926-Q2'
    """
    if not dates:
        return None
    ordered = sorted(dates, key=_quarter_index)
    return ordered[(len(ordered) - 1) // 2]


def summarise(records: list[GameRecord]) -> dict:
    """The figures of a batch, JSON-ready."""
    done = [r for r in records if r.error is None]
    wins: dict[str, int] = {}
    results: dict[str, dict[str, int]] = {}
    times: dict[str, list[float]] = {}
    fired: dict[str, int] = {}
    expelled: dict[str, list[str]] = {}
    for rec in done:
        if rec.winner:
            wins[rec.winner] = wins.get(rec.winner, 0) + 1
        for faction, result in rec.results.items():
            results.setdefault(faction, {r: 0 for r in RESULTS[::-1]})[result] += 1
        for faction, spent in rec.decisions.items():
            times.setdefault(rec.levels[faction], []).extend(spent)
        for event in rec.fired:
            fired[event] = fired.get(event, 0) + 1
        for faction, date in rec.ladder.items():
            expelled.setdefault(faction, []).append(date)
    every = [t for spent in times.values() for t in spent]
    n = len(done) or 1
    return {
        "games": len(records),
        "wins": dict(sorted(wins.items())),
        "win_shares": {f: round(c / n, 4) for f, c in sorted(wins.items())},
        "draws": sum(1 for r in done if r.winner is None),
        "outcomes": _count(r.outcome for r in done),
        "results": dict(sorted(results.items())),
        "mean_turns": round(statistics.mean(r.turns for r in done), 3) if done else 0.0,
        "mean_decision_s": round(statistics.mean(every), 6) if every else 0.0,
        "p95_decision_s": round(p95(every), 6),
        "decisions_by_level": {
            lv: {"decisions": len(t), "mean_s": round(statistics.mean(t), 6), "p95_s": round(p95(t), 6)}
            for lv, t in sorted(times.items())
            if t
        },
        "fired": dict(sorted(fired.items())),
        "expelled_from_party": {f: {"games": len(d), "median": median_date(d)} for f, d in sorted(expelled.items())},
        # every date, so that batches run apart can be added up (and their median taken anew)
        "expelled_dates": {f: sorted(d, key=_quarter_index) for f, d in sorted(expelled.items())},
        "errors": len(records) - len(done),
        "error_messages": [f"{r.scenario} seed {r.seed}: {r.error}" for r in records if r.error][:20],
    }


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return dict(sorted(out.items()))


_CLUSTER_RULES: dict[tuple[str, ...], object] = {}


def play_on_worker(job: Job) -> GameRecord:
    """One game on a cluster worker; each worker process loads the rules once per set of mods."""
    rules = _CLUSTER_RULES.get(job.mods)
    if rules is None:
        rules = _CLUSTER_RULES[job.mods] = load(job.mods)
    return play_game(rules, job)


def run_on_cluster(address_or_client, jobs: list[Job], on_done=None) -> list[GameRecord]:
    """Play every job on a Dask cluster (``dask.distributed``, the ``cluster`` extra): a
    scheduler address or a Client.  Records come back in the order of ``jobs``."""
    from dask.distributed import Client, as_completed

    client = address_or_client if isinstance(address_or_client, Client) else Client(address_or_client)
    try:
        futures = client.map(play_on_worker, jobs, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[GameRecord | None] = [None] * len(jobs)
        for fut in as_completed(futures):
            out[index[fut.key]] = fut.result()
            if on_done:
                on_done(out[index[fut.key]])
        return out  # type: ignore[return-value]
    finally:
        if client is not address_or_client:
            client.close()
