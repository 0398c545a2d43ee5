"""The commands that play many bot games: ``events-check`` (events that contradict the state),
``narrative-check`` (the chronicle's contradictions, by kind),
``balance`` (each faction's results against searching players) and ``simulate`` (AI-vs-AI games
in parallel, on this machine or a Dask cluster)."""

from __future__ import annotations

import argparse
import sys

from game.cli.common import DEFAULT_SCENARIO, bad_personality, cpus, rules_for, seed_arg, unknown_scenario


def add_parsers(sub) -> None:
    """``events-check``, ``balance`` and ``simulate``."""
    ev = sub.add_parser("events-check", help="play bot games and count events that contradict the state")
    ev.add_argument("--games", type=int, default=72, metavar="N", help="games per scenario, seeds 1..N (default 72)")
    ev.add_argument("--scenario", action="append", default=[], metavar="ID", help="only this scenario (repeatable)")
    ev.add_argument(
        "--mod",
        action="append",
        default=[],
        metavar="ID|DIR",
        help="lay a mod (its id, or its folder) over the base rules",
    )
    ev.set_defaults(func=cmd_events_check)
    na = sub.add_parser("narrative-check", help="play games and count the chronicle's contradictions, by kind")
    na.add_argument("--games", type=int, default=20, metavar="N", help="bot games, spread over the scenarios")
    na.add_argument("--random-legal", type=int, default=10, metavar="M", help="games of random legal moves")
    na.add_argument("--first-seed", type=int, default=1, metavar="S", help="seeds S, S+1, ... (default 1)")
    na.add_argument("--mod", action="append", default=[], metavar="ID|DIR", help="lay a mod over the base rules")
    na.set_defaults(func=cmd_narrative_check)
    ba = sub.add_parser("balance", help="measure each faction's results: searching, waiting and bot players")
    ba.add_argument(
        "--scenarios",
        type=_id_list,
        default=None,
        metavar="ID,..",
        help="scenario ids (default: the classroom scenarios)",
    )
    ba.add_argument("--factions", type=_id_list, default=None, metavar="F,..", help="only these seats (default: all)")
    ba.add_argument("--seeds", type=int, default=None, metavar="N", help="games per cell (default 20)")
    ba.add_argument(
        "--first-seed",
        type=int,
        default=None,
        metavar="S",
        help="the seeds are S..S+N-1 (default 1): read a balance on seeds it was not tuned on",
    )
    _add_seed_choice(ba)
    ba.add_argument(
        "--budget",
        choices=("easy", "normal", "hard"),
        default="normal",
        help="the searching player's level (default normal)",
    )
    ba.add_argument(
        "--personality",
        type=float,
        default=0.0,
        metavar="W",
        help="how far the searching player follows its faction's historical personality (default 0: it plays to win)",
    )
    ba.add_argument("--jobs", type=int, default=cpus(), metavar="J", help="processes (default: all cores)")
    ba.add_argument("--json", action="store_true", help="print one JSON object")
    ba.add_argument(
        "--mod",
        action="append",
        default=[],
        metavar="ID|DIR",
        help="lay a mod (its id, or its folder) over the base rules",
    )
    ba.set_defaults(func=cmd_balance)
    si = sub.add_parser("simulate", help="AI-vs-AI games of one scenario in parallel; winners, results, timings")
    si.add_argument("--scenario", default=DEFAULT_SCENARIO, help=f"scenario id (default {DEFAULT_SCENARIO})")
    si.add_argument("--games", type=int, default=None, metavar="N", help="games to play (default 100)")
    si.add_argument(
        "--seed", type=seed_arg, default=None, metavar="S", help="first seed; games use S..S+N-1 (default 1)"
    )
    _add_seed_choice(si)
    si.add_argument("--jobs", type=int, default=cpus(), metavar="J", help="processes (default: all cores)")
    si.add_argument(
        "--level",
        type=_level_arg,
        action="append",
        default=[],
        metavar="FACTION=LEVEL",
        help="a seat's level: simple, wait, easy, normal, hard (repeatable)",
    )
    si.add_argument(
        "--default", default="simple", metavar="LEVEL", help="the level of the other seats (default simple)"
    )
    si.add_argument(
        "--personality",
        type=float,
        default=1.0,
        metavar="W",
        help="how far searching bots follow their historical personality: 0 none, 1 history (default)",
    )
    si.add_argument("--scheduler", metavar="ADDRESS", help="run the games on a Dask cluster (pip install '.[cluster]')")
    si.add_argument("--json", action="store_true", help="print one JSON object")
    si.add_argument("--mod", action="append", default=[], metavar="DIR", help="lay a mod folder over the base rules")
    si.set_defaults(func=cmd_simulate)


def cmd_events_check(args) -> int:
    from game.tools import consistency

    rules = rules_for(args.mod)
    if rules is None:
        return 1
    if unknown_scenario(rules, args.scenario):
        return 2
    if args.games < 1:
        print("--games must be at least 1", file=sys.stderr)
        return 2

    def done(report, sid):
        print(
            f"{sid}: {report.games[sid]} games, {report.fired[sid]} events fired, {report.count(sid)} problem(s)",
            flush=True,
        )

    report = consistency.run(rules, args.games, args.scenario or None, done)
    for problem in report.problems:
        print(problem.text())
    games, fired = sum(report.games.values()), sum(report.fired.values())
    print(f"events check: {games} bot games, {fired} events fired, {len(report.problems)} problem(s)")
    return 1 if report.problems else 0


def cmd_narrative_check(args) -> int:
    from game.tools import narrative

    rules = rules_for(args.mod)
    if rules is None:
        return 1
    if args.games < 0 or args.random_legal < 0 or args.games + args.random_legal < 1:
        print("--games and --random-legal may not be negative, and one must be at least 1", file=sys.stderr)
        return 2
    report = narrative.run(rules, args.games, args.random_legal, args.first_seed)
    for problem in report.problems:
        print(problem.text())
    last = args.first_seed + max(args.games, args.random_legal) - 1
    print(
        f"narrative check: {report.games['bots']} bot games and {report.games['random']} random-legal games "
        f"over {len(rules.scenarios)} scenarios, seeds {args.first_seed}..{last}"
    )
    for kind, count in report.counts().items():
        print(f"  {kind:24} {count}")
    print(f"  {'in all':24} {len(report.problems)}")
    return 1 if report.problems else 0


def _seed_list_arg(text: str) -> tuple[int, ...]:
    """``--seed-list 2001-2060,3005``: argparse turns a bad list into a usage message."""
    from game.tools.sampling import SeedListError, parse_seed_list

    try:
        return parse_seed_list(text)
    except SeedListError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_seed_choice(parser) -> None:
    """The other ways to choose the seeds: a list, or a random sample."""
    from game.tools.sampling import SAMPLE_RANGE

    parser.add_argument(
        "--seed-list",
        type=_seed_list_arg,
        default=None,
        metavar="LIST",
        help="play these seeds: ranges and single seeds, e.g. 2001-2060,3005,3010 (as the report prints them)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=None,
        metavar="N",
        help=f"play N distinct seeds drawn at random from {SAMPLE_RANGE.start}..{SAMPLE_RANGE.stop - 1} "
        "(above every seed used while tuning); needs --sample-from",
    )
    parser.add_argument(
        "--sample-from",
        type=seed_arg,
        default=None,
        metavar="S",
        help="the draw's own seed: the same S draws the same sample",
    )


def _chosen_seeds(args, count: str, first: str, default_count: int) -> tuple[int, ...] | None:
    """The seeds a run plays, from ``--COUNT N --FIRST S``, ``--seed-list`` or ``--sample N
    --sample-from S`` (one way only); None after saying on stderr what is wrong."""
    from game.tools.sampling import MAX_SEEDS, SeedListError, sample_seeds, seed_range

    n, start = getattr(args, count), getattr(args, first)
    given = [
        way
        for way, is_given in (
            (f"--{count}/--{first.replace('_', '-')}", n is not None or start is not None),
            ("--seed-list", args.seed_list is not None),
            ("--sample", args.sample is not None),
        )
        if is_given
    ]
    if len(given) > 1:
        print(f"choose the seeds one way, not {' and '.join(given)} together", file=sys.stderr)
        return None
    if args.sample_from is not None and args.sample is None:
        print("--sample-from S is the seed of a draw: give --sample N too", file=sys.stderr)
        return None
    if args.seed_list is not None:
        return args.seed_list
    if args.sample is not None:
        if args.sample_from is None:
            print(
                "--sample N needs --sample-from S (the draw's seed, so the sample can be drawn again)", file=sys.stderr
            )
            return None
        try:
            return sample_seeds(args.sample, args.sample_from)
        except SeedListError as exc:
            print(f"--sample: {exc}", file=sys.stderr)
            return None
    n = default_count if n is None else n
    if not 1 <= n <= MAX_SEEDS:
        print(f"--{count} must be at least 1 (and at most {MAX_SEEDS})", file=sys.stderr)
        return None
    return seed_range(n, 1 if start is None else start)


def _seeds_played(args, seeds: tuple[int, ...]) -> dict:
    """What a run says of its seeds: a line to print (which replays them), the list as text, and
    the sample's draw when the seeds are one."""
    from game.tools.sampling import SAMPLE_RANGE, seed_list_text

    text = seed_list_text(seeds)
    sample = None
    line = f"seeds {text} ({len(seeds)}; replay with --seed-list {text})"
    if args.sample is not None:
        sample = {"seeds": args.sample, "from": args.sample_from, "range": [SAMPLE_RANGE.start, SAMPLE_RANGE.stop - 1]}
        line = f"{len(seeds)} seeds drawn by --sample {args.sample} --sample-from {args.sample_from}: " + line
    return {"line": line, "text": text, "sample": sample}


def _id_list(text: str) -> list[str]:
    """``--scenarios a,b``: comma-separated ids, blanks dropped."""
    return [w.strip() for w in text.split(",") if w.strip()]


def _progress(total: int, label: str):
    """A progress bar on stderr (silent when stderr is not a terminal)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="game", file=sys.stderr, disable=not sys.stderr.isatty())


def cmd_balance(args) -> int:
    import json

    from game.tools import balance, batch

    rules = rules_for(args.mod)
    if rules is None:
        return 1
    scenarios = args.scenarios or [s for s, sc in rules.scenarios.items() if sc.kind == "classroom"]
    if unknown_scenario(rules, scenarios):
        return 2
    known = {f for s in scenarios for f in rules.scenarios[s].factions}
    bad = [f for f in args.factions or [] if f not in known]
    if bad:
        print(f"unknown faction '{bad[0]}' in these scenarios; one of: {', '.join(sorted(known))}", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("--jobs must be at least 1", file=sys.stderr)
        return 2
    seeds = _chosen_seeds(args, "seeds", "first_seed", 20)
    if seeds is None or bad_personality(args.personality):
        return 2
    planned = balance.plan(rules, scenarios, args.factions, seeds, args.budget, tuple(args.mod), args.personality)
    played = _seeds_played(args, seeds)
    print(played["line"], file=sys.stderr)
    jobs = [job for _m, _f, job in planned]
    with _progress(len(jobs), "balance") as bar:
        records = batch.run_games(rules, jobs, args.jobs, lambda _rec: bar.update(1))
    found = balance.cells(rules, planned, records, args.factions)
    errors = [r for r in records if r.error]
    if args.json:
        print(
            json.dumps(
                {
                    "budget": args.budget,
                    "personality": args.personality,
                    "seeds": len(seeds),  # games per cell (a count, as before lists of seeds)
                    "first_seed": seeds[0],
                    "seed_list": list(seeds),
                    "seed_list_text": played["text"],
                    "sample": played["sample"],
                    "games": len(records),
                    "errors": len(errors),
                    "cells": [c.to_dict() for c in found],
                },
                indent=1,
            )
        )
    else:
        print(played["line"])
        for line in balance.table(rules, found, args.budget):
            print(line)
        for line in balance.moves_lines(found, args.budget):
            print(line)
        print(f"{len(records)} games, {len(errors)} error(s)")
    for rec in errors:
        print(f"{rec.scenario} seed {rec.seed}: {rec.error}", file=sys.stderr)
    return 1 if errors else 0


def _level_arg(text: str) -> tuple[str, str]:
    """``--level FACTION=LEVEL``."""
    faction, sep, level = text.partition("=")
    if not sep or not faction.strip() or not level.strip():
        raise argparse.ArgumentTypeError(f"write FACTION=LEVEL (e.g. stalin=hard), got {text!r}")
    return faction.strip(), level.strip()


def cmd_simulate(args) -> int:
    import json

    from game.ai import LEVELS
    from game.tools import batch, simulate

    rules = rules_for(args.mod)
    if rules is None:
        return 1
    if unknown_scenario(rules, [args.scenario]):
        return 2
    factions = rules.scenarios[args.scenario].factions
    levels = dict(args.level)
    for faction, level in [*levels.items(), ("--default", args.default)]:
        if faction != "--default" and faction not in factions:
            print(
                f"--level {faction}={level}: no faction '{faction}' in {args.scenario}; one of: {', '.join(factions)}",
                file=sys.stderr,
            )
            return 2
        if level not in LEVELS:
            print(f"--level {faction}={level}: no level '{level}'; one of: {', '.join(LEVELS)}", file=sys.stderr)
            return 2
    if args.jobs < 1:
        print("--jobs must be at least 1", file=sys.stderr)
        return 2
    seeds = _chosen_seeds(args, "games", "seed", 100)
    if seeds is None or bad_personality(args.personality):
        return 2
    played = _seeds_played(args, seeds)
    jobs = simulate.jobs_on(args.scenario, seeds, levels, args.default, tuple(args.mod), args.personality)
    with _progress(len(jobs), f"simulate {args.scenario}") as bar:
        if args.scheduler:
            try:
                records = simulate.run_on_cluster(args.scheduler, jobs, lambda _rec: bar.update(1))
            except ImportError:
                print("--scheduler needs dask.distributed: pip install '.[cluster]'", file=sys.stderr)
                return 2
            except OSError as exc:
                print(f"--scheduler {args.scheduler}: cannot reach the cluster ({exc})", file=sys.stderr)
                return 1
        else:
            records = batch.run_games(rules, jobs, args.jobs, lambda _rec: bar.update(1))
    summary = simulate.summarise(records)
    summary.update(
        scenario=args.scenario,
        seed=seeds[0],  # the first seed (as before lists of seeds)
        sample=played["sample"],
        levels={f: levels.get(f, args.default) for f in factions},
        default=args.default,
        personality=args.personality,
    )
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for line in simulate.lines(summary):
            print(line)
    for msg in summary["error_messages"]:
        print(msg, file=sys.stderr)
    return 1 if summary["errors"] else 0
