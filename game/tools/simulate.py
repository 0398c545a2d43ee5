"""Batch simulation: many AI-vs-AI games of one scenario, and what they show.

``summarise`` turns the games' records into the figures a researcher asks for.  One verdict
leads: each faction's own result on its objective scale, and its share of victory or better with
its 95% interval.  The power outcome comes second, named for what it measures (sole leadership,
the strongest faction at the end by power in the party, or a collective leadership), with how
often the strongest faction's own result was defeat or disaster.  Then each faction's moves by
action kind, game length, decision times per level, how often each event fired, when each faction
was expelled from the party, and the errors.  Games run locally (processes) or on a Dask cluster
(``run_on_cluster``); a game depends only on its job, so both give the same records for the same
seeds.  :func:`lines` is the report in words.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from game.ruleset.records import RESULTS
from game.tools.batch import GameRecord, Job, load, play_game
from game.tools.sampling import add_moves, moves_figures, moves_text, seed_list_text, share_figures, share_text

#: results on a faction's own scale that count as winning it
WINS = ("decisive_victory", "victory")
#: results on a faction's own scale that make its being strongest at the end a hollow verdict
LOSSES = ("defeat", "disaster")
#: the power outcomes, as the report names them (what each measures, not a faction's own result)
OUTCOMES = {
    "sole_leadership": "sole leadership (every rival beaten)",
    "power_score": "strongest at the end (power in the party clearly ahead)",
    "collective_leadership": "collective leadership (no faction clearly ahead)",
}
SHORT = {"decisive_victory": "DV", "victory": "V", "historical": "H", "defeat": "D", "disaster": "X"}


def jobs_for(
    scenario: str, games: int, seed: int, levels: dict[str, str], default: str, mods: tuple[str, ...] = ()
) -> list[Job]:
    """Seeds ``seed`` .. ``seed + games - 1``, each seat at its level."""
    return jobs_on(scenario, range(seed, seed + games), levels, default, mods)


def jobs_on(
    scenario: str,
    seeds: Iterable[int],
    levels: dict[str, str],
    default: str,
    mods: tuple[str, ...] = (),
    personality: float = 1.0,
) -> list[Job]:
    """One game on each seed listed, each seat at its level."""
    return [Job(scenario, seed, tuple(sorted(levels.items())), default, mods, personality) for seed in seeds]


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
        "seed_list": [r.seed for r in records],
        "seed_list_text": seed_list_text(r.seed for r in records),
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
        **verdicts(done),
        "expelled_from_party": {f: {"games": len(d), "median": median_date(d)} for f, d in sorted(expelled.items())},
        # every date, so that batches run apart can be added up (and their median taken anew)
        "expelled_dates": {f: sorted(d, key=_quarter_index) for f, d in sorted(expelled.items())},
        "errors": len(records) - len(done),
        "error_messages": [f"{r.scenario} seed {r.seed}: {r.error}" for r in records if r.error][:20],
    }


def verdicts(done: list[GameRecord]) -> dict:
    """Each faction's share of victory or better on its own scale (with its 95% interval), the
    power outcome's counts (with theirs), how often a faction strongest at the end had defeat or
    disaster for its own result, and each faction's moves by action kind (all its games, and the
    games it won), JSON-ready."""
    n = len(done)
    factions = sorted({f for r in done for f in r.results})
    won = {f: [r for r in done if r.results.get(f) in WINS] for f in factions}
    kinds = [k for k in OUTCOMES if any(r.outcome == k for r in done)]
    kinds += sorted({str(r.outcome) for r in done} - set(kinds))
    power = {}
    for kind in kinds:
        mine = [r for r in done if str(r.outcome) == kind]
        leaders = sorted({r.winner for r in mine if r.winner})
        power[kind] = share_figures(len(mine), n) | {
            "factions": {f: share_figures(sum(1 for r in mine if r.winner == f), n) for f in leaders}
        }
    hollow = {}
    for f in factions:
        strongest = [r for r in done if r.winner == f]
        if strongest:
            lost = {res: sum(1 for r in strongest if r.results.get(f) == res) for res in LOSSES}
            hollow[f] = {"strongest": len(strongest), **lost, "share": round(sum(lost.values()) / len(strongest), 4)}
    moves = {}
    for f in factions:
        every: dict[str, int] = {}
        winning: dict[str, int] = {}
        for r in done:
            add_moves(every, r.moves.get(f, {}))
        for r in won[f]:
            add_moves(winning, r.moves.get(f, {}))
        moves[f] = {"all": moves_figures(every), "winning": moves_figures(winning)}
    return {
        "victory_or_better": {f: share_figures(len(won[f]), sum(1 for r in done if f in r.results)) for f in factions},
        "power_outcome": power,
        "strongest_at_end": {f: share_figures(sum(1 for r in done if r.winner == f), n) for f in factions},
        "strongest_with_defeat_or_disaster": hollow,
        "moves": moves,
    }


def lines(s: dict) -> list[str]:
    """The report in words: each faction's own result leads, the power outcome comes second under
    a heading that says what it measures (never as a "win")."""
    games = s["games"]
    seats = ", ".join(f"{f}={lv}" for f, lv in s["levels"].items())
    drawn = s.get("sample")
    how = f" (drawn by --sample {drawn['seeds']} --sample-from {drawn['from']})" if drawn else ""
    out = [f"{s['scenario']}: {games} games, seeds {s['seed_list_text']}{how}; {seats}; personality {s['personality']}"]
    out.append(
        "each faction's own result on its objective scale (DV decisive victory, V victory, H historical, "
        "D defeat, X disaster):"
    )
    for faction, counts in s["results"].items():
        v = s["victory_or_better"][faction]
        out.append(
            f"  {faction:10} "
            + " ".join(f"{SHORT[r]} {n:>3}" for r, n in counts.items())
            + f"   victory or better {share_text(v['count'], v['games'])}"
        )
    done = games - s["errors"]
    out.append("the power outcome: who holds the most power in the party at the end (not a faction's own result):")
    for kind, figures in s["power_outcome"].items():
        who = ", ".join(f"{f} {share_text(x['count'], done)}" for f, x in figures["factions"].items())
        out.append(f"  {OUTCOMES.get(kind, kind)}: {who or share_text(figures['count'], done)}")
    hollow = s["strongest_with_defeat_or_disaster"]
    if hollow:
        out.append("strongest at the end while its own result is defeat or disaster:")
        for f, h in hollow.items():
            out.append(
                f"  {f:10} {h['defeat'] + h['disaster']} of the {h['strongest']} games it ended strongest "
                f"(defeat {h['defeat']}, disaster {h['disaster']})"
            )
    out.append("moves by action kind in the games each faction won (victory or better):")
    for f, m in s["moves"].items():
        won = s["victory_or_better"][f]["count"]
        out.append(f"  {f:10} {won:>3} won: {moves_text(m['winning']['by_kind'])}")
    out.append(f"mean game length: {s['mean_turns']:.1f} quarters")
    out.append(f"decision time: mean {s['mean_decision_s']:.4f} s, p95 {s['p95_decision_s']:.4f} s")
    for level, d in s["decisions_by_level"].items():
        out.append(f"  {level:7} {d['decisions']:>7} decisions, mean {d['mean_s']:.4f} s, p95 {d['p95_s']:.4f} s")
    for faction, e in s["expelled_from_party"].items():
        out.append(f"{faction} expelled from the party in {e['games']} games, median {e['median']}")
    out.append(f"errors: {s['errors']}")
    return out


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
