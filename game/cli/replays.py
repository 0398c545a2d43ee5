"""The commands about games played: ``replay`` (a replay file checked to its final hash),
``debrief`` (a save or a replay beside history, printed and as a report) and ``historical``
(the historical line's replay rebuilt from its plan)."""

from __future__ import annotations

import sys
from pathlib import Path

from game.cli.common import print_results, replay_rules, rules_for


def add_parsers(sub) -> None:
    """``replay``, ``debrief`` and ``historical``."""
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


def cmd_replay(args) -> int:
    from game.match import replay

    try:
        rep = replay.load(Path(args.file))
    except replay.ReplayError as exc:
        print(exc, file=sys.stderr)
        return 1
    rules = replay_rules(rep, args)
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
        print_results(state, rules)
        kind, winner = state.outcome
        print(f"outcome: {kind} winner={winner or 'none'}")
    return 0


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
    return replay_rules(rep, SimpleNamespace(mod=args.mod, file=str(path))), None


def cmd_historical(args) -> int:
    from game.match import historical, replay

    rules = rules_for([])
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
