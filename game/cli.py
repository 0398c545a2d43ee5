"""The command line: play (headless or in the terminal), validate, scenarios, replay, the debrief
of a save or a replay, and the events check.

Library code never exits; this module turns every expected failure into a message and an exit
code (0 ok, 1 problems found, 2 bad usage).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.match.match import LEVELS
from game.ruleset import BASE
from game.ruleset.loader import errors
from game.ruleset.validate import coverage, source_report, unverified

DEFAULT_SCENARIO = "succession_1923"
MAX_SEED_DIGITS = 18  # a seed is typed back by hand; any longer is a mistake


def _cpus() -> int:
    import os

    return max(1, os.cpu_count() or 1)


def seed_arg(text: str) -> int:
    """``--seed``: a whole number written with the digits 0-9 (argparse turns the error into a
    usage message)."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_SEED_DIGITS:
        return int(text)
    shown = text if len(text) <= 24 else text[:20] + "…"
    raise argparse.ArgumentTypeError(
        f"a seed is a whole number, 0 or more, written with at most {MAX_SEED_DIGITS} digits 0-9; got {shown!r}"
    )


def fresh_seed() -> int:
    """A new seed for a game started without ``--seed`` (the engine itself never draws one)."""
    import secrets

    return 1 + secrets.randbelow(999_999)


def seed_line(seed: int) -> str:
    return f"seed {seed} — replay this game with --seed {seed}"


def _rules(mods: list[str]):
    from game.ruleset.loader import load

    rules, problems = load(mods)
    for p in problems:
        print(p, file=sys.stderr)
    if errors(problems):
        print(f"{len(errors(problems))} error(s) in the rules; nothing was started.", file=sys.stderr)
    return rules


def _unknown_scenario(rules, ids) -> bool:
    """Say so (on stderr) if any of ``ids`` is not a scenario of these rules."""
    unknown = [s for s in ids if s not in rules.scenarios]
    if unknown:
        print(f"unknown scenario '{unknown[0]}'; try: {', '.join(rules.scenarios)}", file=sys.stderr)
    return bool(unknown)


def _bad_personality(weight: float) -> bool:
    """Say so (on stderr) if a personality weight is outside 0..2."""
    if not 0 <= weight <= 2:
        print("--personality is a weight from 0 (none) through 1 (historical) to 2", file=sys.stderr)
        return True
    return False


def _tally(problems) -> str:
    n_err = len(errors(problems))
    return f"{n_err} error(s), {len(problems) - n_err} warning(s)"


def cmd_validate(args) -> int:
    import json

    from game.ruleset.loader import load

    rules, problems = load(args.mod, base=Path(args.rules) if args.rules else BASE)
    usage = [p for p in problems if p.file == "--mod"]
    if usage:  # a mod that is neither installed nor a folder: bad usage, not a broken rule file
        for p in usage:
            print(f"validate: {p.message}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(
            json.dumps(
                {
                    "ok": not errors(problems),
                    "mods": rules.mod_labels() if rules else [],
                    "errors": len(errors(problems)),
                    "warnings": len(problems) - len(errors(problems)),
                    "problems": [p.to_json() for p in problems],
                },
                indent=1,
                ensure_ascii=False,
            )
        )
        return 1 if errors(problems) else 0
    for p in problems:
        print(p)
    if errors(problems):
        print(_tally(problems))
        return 1
    if problems:
        print(_tally(problems))
    cited, total = coverage(rules)
    counts = ", ".join(f"{len(v)} {k}" for k, v in rules.by_kind.items() if v)
    print(f"rules ok: {counts}")
    for mod in rules.mods:
        print(f"mod {mod.label}: {mod.name}")
    print(f"citations: {cited}/{total} historical entries carry a verified source ({100 * cited // max(total, 1)}%)")
    rep = source_report(rules)
    print(f"  {rep['seed']} cite the seed documents, every quote found in the lines it names")
    print(f"  {rep['outside_quote']} rest on outside texts quoted word for word (not checkable here)")
    if rep["paraphrase_only"]:
        print(f"  {rep['paraphrase_only']} rest only on outside works paraphrased, without a verified citation:")
        for kind, entry_id in unverified(rules):
            print(f"    {kind}.{entry_id}")
    print(
        f"  in all: {rep['seed_citations']} seed quotes, {rep['outside_quotes']} outside quotes, "
        f"{rep['paraphrases']} paraphrases of works not at hand"
    )
    return 0


def cmd_schema(args) -> int:
    """The JSON Schema of the rule files, or (``--guide``) the modder's guide."""
    import json

    from game.ruleset import guide, schema

    text = guide.build() if args.guide else json.dumps(schema.build(args.mod), indent=1, ensure_ascii=False) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    from game.match.replay import write_atomic

    try:
        write_atomic(Path(args.out), text)
    except OSError as exc:
        print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


def cmd_scenarios(args) -> int:
    rules = _rules(args.mod)
    if rules is None:
        return 1
    from game.engine.state import turn_date
    from game.present.phrases import scenario_order

    for sid in scenario_order(rules):
        sc = rules.scenarios[sid]
        year, quarter = turn_date(int(sc.start[:4]), int(sc.start[-1]), sc.turns - 1)
        end = f"{year}-Q{quarter}"
        print(f"{sid}  [{sc.kind}]  {sc.start} to {end}, {sc.turns} turns  {sc.name}")
        print(f"    {sc.summary}")
        if sc.premise:
            print(f"    Premise: {sc.premise}")
    return 0


def _window(rules) -> int | None:
    """Play in the window; None (after one line saying why) when no window can open here."""
    from game.ui.app import can_open_window, main

    why = can_open_window()
    if why is not None:
        print(f"{why}: playing in the terminal (python -m game play --terminal skips this check)")
        return None
    return main(rules)


def cmd_play(args) -> int:
    rules = _rules(args.mod)
    if rules is None:
        return 1
    if not (args.headless or args.terminal or args.human or args.scenario or args.record or args.resume or args.load):
        window = _window(rules)
        if window is not None:
            return window
    if args.record and Path(args.record).is_dir():
        print(f"--record {args.record}: that is a folder; give a file name", file=sys.stderr)
        return 2
    m = _match_to_play(args, rules)
    if isinstance(m, int):
        return m
    left = _play_out(args, m)
    if left is not None:
        return left
    return _report(args, rules, m)


def _match_to_play(args, rules):
    """The match ``play`` plays: a save it continues or opens, or a new game from the command line
    and the terminal's questions (an exit code where there is none to play)."""
    from game import terminal
    from game.match import saves

    if not args.headless and (args.resume or args.load):
        return _opened(args, rules)
    if args.scenario is None:
        args.scenario = (
            DEFAULT_SCENARIO
            if args.headless or args.human
            else terminal.ask_scenario(rules, DEFAULT_SCENARIO, autosave=saves.latest_autosave())
        )
        if args.scenario is None:
            return 0
        if args.scenario == terminal.CONTINUE:
            args.resume, args.scenario = True, None
            return _opened(args, rules)
    if _unknown_scenario(rules, [args.scenario]):
        return 2
    return _new_match(args, rules)


def _opened(args, rules):
    """The match of ``--continue`` or ``--load``, its seed line printed (an exit code on failure)."""
    opened = _open_save(args, rules)
    if not isinstance(opened, int):
        print(f"{opened.scenario}, {opened.state.date_text()}: " + seed_line(opened.seed))
    return opened


def _new_match(args, rules):
    """A new game of ``args.scenario``: the humans from ``--human`` or the terminal's question, the
    bots at ``--level`` (an exit code for a bad faction or level)."""
    from game import terminal
    from game.ai import UnknownLevelError
    from game.match.match import Match, Seat

    factions = rules.scenarios[args.scenario].factions
    seats = {f: Seat("ai", args.level) for f in factions}
    if not args.headless:
        chosen = args.human.split(",") if args.human else [terminal.ask_faction(rules, factions)]
        if chosen == [None]:
            return 0
        for human in chosen:
            if human.strip() not in factions:
                print(f"unknown faction '{human}'; one of: {', '.join(factions)}", file=sys.stderr)
                return 2
            seats[human.strip()] = Seat("human")
    seed = fresh_seed() if args.seed is None else args.seed
    try:
        m = Match.new(rules, args.scenario, seed, seats)
    except UnknownLevelError as exc:
        print(f"--level: {exc}", file=sys.stderr)
        return 2
    print(seed_line(seed))
    return m


def _play_out(args, m) -> int | None:
    """Play the match to its end: the bots alone (``--headless``) or with the terminal's players;
    an exit code if the player leaves first."""
    from game import terminal
    from game.match import headless, saves

    if args.headless:
        headless.drive(m, {})
        return None
    saves.autosaving(m, report=lambda message: print(message, file=sys.stderr))
    try:
        terminal.TerminalSeat(m).play()
    except terminal.Quit:
        print("\nGame left." + _autosave_on_quit(m))
        return 0
    return None


def _report(args, rules, m) -> int:
    """After the game: the chronicle (headless or asked for), the replay file, the end as the first
    human saw it with why the computer moved, each faction's result and the outcome."""
    from game.match import replay
    from game.present import chronicle, phrases

    state, record = m.state, m.record
    if args.headless or args.chronicle:
        for line in chronicle.public_lines(state, rules):
            print(line)
    code = 0
    if args.record:
        try:
            replay.write_atomic(Path(args.record), record.to_text())
        except OSError as exc:
            print(f"cannot write the replay to {args.record}: {exc.strerror or exc}", file=sys.stderr)
            code = 1
    for human in m.humans()[:1]:
        for line in phrases.end_lines(rules, m.view(human)):
            print(line)
        reasons = phrases.reason_lines(rules, m)
        if reasons:
            print("--- why the computer moved as it did ---")
            for line in reasons:
                print(f"  {line}")
    _print_results(state, rules)
    kind, winner = state.outcome
    print(f"outcome: {kind} winner={winner or 'none'}")
    return code


def _open_save(args, rules):
    """The match of ``--continue`` or ``--load NAME|FILE`` (an exit code if it cannot be had)."""
    from game.match import saves

    if args.resume:
        path = saves.latest_autosave()
        if path is None:
            print("no autosave to continue: start a new game with: play", file=sys.stderr)
            return 1
    else:
        path = Path(args.load)
        try:
            is_file = path.is_file()
        except OSError:  # a name too long for the file system: then it is a save's name, checked below
            is_file = False
        if not is_file:
            try:
                path = saves.path_of(args.load)
            except saves.SaveError as exc:
                print(exc, file=sys.stderr)
                return 1
    try:
        mods = saves.peek(path)["mods"]
        if mods and mods != list(args.mod):
            from types import SimpleNamespace

            rules = _replay_rules(
                SimpleNamespace(mods=mods, lines={"mods": 1}), SimpleNamespace(mod=args.mod, file=str(path))
            )
            if rules is None:
                return 1
        m = saves.read(path, rules)
    except saves.SaveError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not m.humans():
        print(f"{path}: no one plays a faction at this computer in that game", file=sys.stderr)
        return 1
    return m


def _autosave_on_quit(m) -> str:
    """Autosave as the player leaves (unless autosaving already failed); the words to add."""
    from game.match import saves

    if m.on_turn_end is None:
        return ""
    try:
        return f" Autosave: {saves.autosave(m)}"
    except saves.SaveError as exc:
        print(f"cannot autosave: {exc}", file=sys.stderr)
        return ""


def _print_results(state, rules) -> None:
    """Each faction's result against history: ``result FACTION: RESULT (N points)``."""
    from game.engine.objectives import points_text

    for fid, (points, result) in state.results.items():
        print(f"result {fid}: {result} ({points_text(points)})")


def cmd_replay(args) -> int:
    from game.match import replay

    try:
        rep = replay.load(Path(args.file))
    except replay.ReplayError as exc:
        print(exc, file=sys.stderr)
        return 1
    rules = _replay_rules(rep, args)
    if rules is None:
        return 1
    notes = replay.compare_rules(rep, rules)
    for note in notes:
        print(f"{args.file}:{rep.lines.get('mods', 1)}: {note}", file=sys.stderr)
    try:
        state, results = replay.run_checked(rep, rules, args.file)
    except replay.ReplayError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"replayed {len(rep.actions)} actions of {rep.scenario}, seed {rep.seed}: now {state.date_text()}")
    missed = 0
    for res in results:
        cp = res.checkpoint
        mark = {True: "met", False: "NOT MET", None: "NOT REACHED"}[res.met]
        print(f"checkpoint {cp.date} {mark}: {cp.text}")
        if not res.met:
            missed += 1
            print(f"{args.file}:{cp.line}: checkpoint {mark.lower()}: {cp.text}", file=sys.stderr)
    if results:
        print(f"checkpoints: {len(results) - missed}/{len(results)} met")
    if missed:
        return 1
    if rep.rules is None:
        print(
            f"{args.file}:{rep.lines.get('mods', 1)}: note: no 'rules:' line, so the rule files it was recorded "
            "with are not known; the final hash alone checks the game",
            file=sys.stderr,
        )
    if rep.final is None:
        print(
            f"{args.file}:{rep.lines.get('end', 1)}: incomplete: no final hash (an autosave, or a file cut short); "
            f"replayed to {state.date_text()}, nothing verified",
            file=sys.stderr,
        )
        return 1
    if rep.final != state.digest():
        print(
            f"{args.file}:{rep.lines.get('final', 1)}: final state hash differs from the state the replay reaches",
            file=sys.stderr,
        )
        print(f"  in the file {rep.final[:16]}…, replayed {state.digest()[:16]}…", file=sys.stderr)
        return 1
    else:
        print("final state hash verified")
    if state.outcome:
        _print_results(state, rules)
        kind, winner = state.outcome
        print(f"outcome: {kind} winner={winner or 'none'}")
    return 0


def _replay_rules(rep, args):
    """The rules a replay asks for: the base rules and the mods it names (by id: installed, or
    given as a folder with --mod); a mod that is missing is named."""
    from game.ruleset import PROJECT, mods

    given, problems = mods.resolve(args.mod, PROJECT)
    ids = {m.id for m in given}
    wanted = [m.partition("@")[0] for m in rep.mods]
    installed = {m.id for m in mods.available(PROJECT)[0]}
    missing = [m for m in rep.mods if m.partition("@")[0] not in ids | installed]
    for mod in missing:
        print(
            f"{args.file}:{rep.lines.get('mods', 1)}: this replay was recorded with mod {mod}, which is not installed "
            f"(install it, or give its folder with --mod)",
            file=sys.stderr,
        )
    if missing or problems:
        for p in problems:
            print(p, file=sys.stderr)
        return None
    return _rules(list(args.mod) + [w for w in wanted if w not in ids])


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def cmd_debrief(args) -> int:
    """The debrief of a save or a replay: printed, and written as an HTML report (and a PDF)."""
    from game.present import debrief, report

    path = Path(args.file)
    try:
        found = path.is_file()
    except OSError:  # a name too long for the file system
        found = False
    if not found:
        print(f"{args.file}: no such file (give a save or a replay)", file=sys.stderr)
        return 1
    rules, problem = _debrief_rules(path, args)
    if rules is None:
        if problem:
            print(problem, file=sys.stderr)
        return 1
    try:
        d = debrief.from_replay(path, rules) if debrief.is_replay(path) else debrief.from_save(path, rules)
    except debrief.DebriefError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(debrief.text(d), end="")
    out = Path(args.out) if args.out else Path(path.stem + "-report.html")
    try:
        report.write(d, out)
    except report.ReportError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"\nwrote the report: {_shown(out)}")
    if args.pdf:
        said = report.print_pdf(out, out.with_suffix(".pdf"))
        print(said, file=sys.stderr if said.startswith("no PDF") else sys.stdout)
    return 0


def _debrief_rules(path: Path, args):
    """The rules a save or a replay was played under (its mods, by id, or given with --mod):
    (rules, None), or (None, one line saying why not; None if already said)."""
    from types import SimpleNamespace

    from game.match import replay, saves
    from game.present import debrief

    try:
        if debrief.is_replay(path):
            rep = replay.load(path)
        else:
            rep = SimpleNamespace(mods=saves.peek(path)["mods"], lines={"mods": 1})
    except (replay.ReplayError, saves.SaveError) as exc:
        return None, str(exc)
    return _replay_rules(rep, SimpleNamespace(mod=args.mod, file=str(path))), None


def cmd_historical(args) -> int:
    from game.match import historical, replay

    rules = _rules([])
    if rules is None:
        return 1
    plan_file = Path(args.plan) if args.plan else _shown(historical.PLAN)
    out = Path(args.out) if args.out else _shown(historical.REPLAY)
    try:
        plan = historical.load_plan(plan_file)
        rep, warnings = historical.build(rules, plan)
    except historical.PlanError as exc:
        print(exc, file=sys.stderr)
        return 1
    for w in warnings:
        print(f"{plan_file}: {w}", file=sys.stderr)
    text = rep.to_text()
    state, results = replay.run_checked(replay.parse(text, str(out)), rules, str(out))
    met = sum(1 for r in results if r.met)
    print(f"{len(rep.actions)} moves, {state.date_text()}, checkpoints {met}/{len(results)} met")
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(
                f"{out}: out of date with {plan_file}; run 'python -m game historical' to rewrite it", file=sys.stderr
            )
            return 1
        print(f"{out} is up to date")
    else:
        try:
            replay.write_atomic(out, text)
        except OSError as exc:
            print(f"cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"wrote {out}")
    return 0 if met == len(results) and not warnings else 1


def cmd_events_check(args) -> int:
    from game.tools import consistency

    rules = _rules(args.mod)
    if rules is None:
        return 1
    if _unknown_scenario(rules, args.scenario):
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

    rules = _rules(args.mod)
    if rules is None:
        return 1
    scenarios = args.scenarios or [s for s, sc in rules.scenarios.items() if sc.kind == "classroom"]
    if _unknown_scenario(rules, scenarios):
        return 2
    known = {f for s in scenarios for f in rules.scenarios[s].factions}
    bad = [f for f in args.factions or [] if f not in known]
    if bad:
        print(f"unknown faction '{bad[0]}' in these scenarios; one of: {', '.join(sorted(known))}", file=sys.stderr)
        return 2
    if args.seeds < 1 or args.jobs < 1:
        print("--seeds and --jobs must be at least 1", file=sys.stderr)
        return 2
    if _bad_personality(args.personality):
        return 2
    planned = balance.plan(
        rules, scenarios, args.factions, args.seeds, args.budget, tuple(args.mod), args.personality, args.first_seed
    )
    last = args.first_seed + args.seeds - 1
    print(f"seeds {args.first_seed}..{last}", file=sys.stderr)
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
                    "seeds": args.seeds,
                    "first_seed": args.first_seed,
                    "games": len(records),
                    "errors": len(errors),
                    "cells": [c.to_dict() for c in found],
                },
                indent=1,
            )
        )
    else:
        for line in balance.table(rules, found, args.budget):
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

    rules = _rules(args.mod)
    if rules is None:
        return 1
    if _unknown_scenario(rules, [args.scenario]):
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
    if args.games < 1 or args.jobs < 1:
        print("--games and --jobs must be at least 1", file=sys.stderr)
        return 2
    if _bad_personality(args.personality):
        return 2
    jobs = simulate.jobs_for(args.scenario, args.games, args.seed, levels, args.default, tuple(args.mod))
    jobs = [batch.Job(j.scenario, j.seed, j.levels, j.default, j.mods, args.personality) for j in jobs]
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
        seed=args.seed,
        levels={f: levels.get(f, args.default) for f in factions},
        personality=args.personality,
    )
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for line in _simulate_lines(rules, summary):
            print(line)
    for msg in summary["error_messages"]:
        print(msg, file=sys.stderr)
    return 1 if summary["errors"] else 0


def _simulate_lines(rules, s: dict) -> list[str]:
    from game.tools.balance import SHORT

    games, first = s["games"], s["seed"]
    seats = ", ".join(f"{f}={lv}" for f, lv in s["levels"].items())
    out = [
        f"{s['scenario']}: {games} games, seeds {first}..{first + games - 1}; {seats}; personality {s['personality']}"
    ]
    done = games - s["errors"] or 1
    shares = [f"{f} {n} ({n / done:.0%})" for f, n in sorted(s["wins"].items(), key=lambda kv: -kv[1])]
    out.append("winners: " + ", ".join(shares + [f"none {s['draws']} ({s['draws'] / done:.0%})"]))
    out.append("outcomes: " + ", ".join(f"{k} {v}" for k, v in s["outcomes"].items()))
    out.append("results on objectives (DV decisive victory, V victory, H historical, D defeat, X disaster):")
    for faction, counts in s["results"].items():
        wins = counts["decisive_victory"] + counts["victory"]
        out.append(
            f"  {faction:10} "
            + " ".join(f"{SHORT[r]} {n:>3}" for r, n in counts.items())
            + f"   victory share {wins / done:.0%}"
        )
    out.append(f"mean game length: {s['mean_turns']:.1f} quarters")
    out.append(f"decision time: mean {s['mean_decision_s']:.4f} s, p95 {s['p95_decision_s']:.4f} s")
    for level, d in s["decisions_by_level"].items():
        out.append(f"  {level:7} {d['decisions']:>7} decisions, mean {d['mean_s']:.4f} s, p95 {d['p95_s']:.4f} s")
    for faction, e in s["expelled_from_party"].items():
        out.append(f"{faction} expelled from the party in {e['games']} games, median {e['median']}")
    out.append(f"errors: {s['errors']}")
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="succession", description="Succession: the struggle for Lenin's succession, 1923–1929."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    play = sub.add_parser("play", help="play a game (in the terminal, or headless with bots)")
    play.add_argument("--headless", action="store_true", help="bots play every faction; print the chronicle")
    play.add_argument(
        "--scenario",
        default=None,
        help=f"scenario id (see 'scenarios'); asked in the terminal, {DEFAULT_SCENARIO} when headless",
    )
    play.add_argument(
        "--seed",
        type=seed_arg,
        default=None,
        help="random seed (same seed, same game); a fresh one, printed, when not given",
    )
    play.add_argument(
        "--human",
        metavar="FACTION[,FACTION]",
        help="play this faction yourself in the terminal (several, comma-separated: hot-seat)",
    )
    play.add_argument("--level", default="simple", choices=LEVELS, help="the bots' difficulty (default simple)")
    play.add_argument("--terminal", action="store_true", help="play in the terminal even where a window can open")
    play.add_argument("--record", metavar="FILE", help="write a replay file at the end")
    play.add_argument("--chronicle", action="store_true", help="print the chronicle at the end")
    play.add_argument(
        "--mod",
        action="append",
        default=[],
        metavar="ID|DIR",
        help="lay a mod (its id, or its folder) over the base rules",
    )
    play.add_argument("--continue", dest="resume", action="store_true", help="go on with the last autosaved game")
    play.add_argument(
        "--load", metavar="NAME|FILE", help="go on with a saved game (a name given with 'save NAME', or a file)"
    )
    play.set_defaults(func=cmd_play)
    val = sub.add_parser("validate", help="check the rule files")
    val.add_argument("--rules", metavar="DIR", help="a rules folder instead of rules/base")
    val.add_argument("--mod", action="append", default=[], metavar="ID|DIR", help="a mod (id or folder) over the rules")
    val.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one 'file:line:col: severity: message [id]' line per problem; json: one document",
    )
    val.set_defaults(func=cmd_validate)
    sch = sub.add_parser("schema", help="print the JSON Schema of the rule files (or the modder's guide)")
    sch.add_argument("--guide", action="store_true", help="the modder's guide (rules/README.md) instead")
    sch.add_argument("--mod", action="store_true", help="the schema of a mod's files (overrides give only some keys)")
    sch.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    sch.set_defaults(func=cmd_schema)
    sc = sub.add_parser("scenarios", help="list the scenarios")
    sc.add_argument("--mod", action="append", default=[], metavar="ID|DIR")
    sc.set_defaults(func=cmd_scenarios)
    rp = sub.add_parser("replay", help="replay a replay file and verify its final state")
    rp.add_argument("file")
    rp.add_argument(
        "--mod",
        action="append",
        default=[],
        metavar="ID|DIR",
        help="a mod folder for a replay whose mods are not installed (its id must match)",
    )
    rp.set_defaults(func=cmd_replay)
    db = sub.add_parser(
        "debrief", help="the debrief of a save or a replay: this game beside history, printed and as an HTML report"
    )
    db.add_argument("file", help="a save (.save) or a replay file")
    db.add_argument("--out", metavar="REPORT.html", help="where to write the report (default: FILE's name-report.html)")
    db.add_argument("--pdf", action="store_true", help="also print the report to PDF (with a headless Chromium)")
    db.add_argument(
        "--mod",
        action="append",
        default=[],
        metavar="ID|DIR",
        help="a mod folder for a game whose mods are not installed (its id must match)",
    )
    db.set_defaults(func=cmd_debrief)
    hi = sub.add_parser("historical", help="rebuild the historical line's replay from its plan")
    hi.add_argument("--plan", metavar="FILE", help="a plan file instead of rules/base/historical/plan.yaml")
    hi.add_argument("--out", metavar="FILE", help="where to write (default rules/base/historical.replay)")
    hi.add_argument("--check", action="store_true", help="write nothing; fail if the shipped file is out of date")
    hi.set_defaults(func=cmd_historical)
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
    ba = sub.add_parser("balance", help="measure each faction's results: searching, waiting and bot players")
    ba.add_argument(
        "--scenarios",
        type=_id_list,
        default=None,
        metavar="ID,..",
        help="scenario ids (default: the classroom scenarios)",
    )
    ba.add_argument("--factions", type=_id_list, default=None, metavar="F,..", help="only these seats (default: all)")
    ba.add_argument("--seeds", type=int, default=20, metavar="N", help="games per cell (default 20)")
    ba.add_argument(
        "--first-seed",
        type=int,
        default=1,
        metavar="S",
        help="the seeds are S..S+N-1 (default 1): read a balance on seeds it was not tuned on",
    )
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
    ba.add_argument("--jobs", type=int, default=_cpus(), metavar="J", help="processes (default: all cores)")
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
    si.add_argument("--games", type=int, default=100, metavar="N", help="games to play (default 100)")
    si.add_argument("--seed", type=seed_arg, default=1, metavar="S", help="first seed; games use S..S+N-1 (default 1)")
    si.add_argument("--jobs", type=int, default=_cpus(), metavar="J", help="processes (default: all cores)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (``... | head``): stop quietly
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        return 1
