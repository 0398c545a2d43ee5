"""``play``: in the window where one can open, else in the terminal (one seat or hot-seat), or
headless with bots alone; a new game, the last autosave or a saved game; the chronicle, the
replay file and the results at the end."""

from __future__ import annotations

import sys
from pathlib import Path

from game.cli.common import (
    DEFAULT_SCENARIO,
    fresh_seed,
    print_results,
    replay_rules,
    rules_for,
    seed_arg,
    seed_line,
    unknown_scenario,
)
from game.match.match import LEVELS


def add_parsers(sub) -> None:
    """``play``."""
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
    play.add_argument(
        "--preset",
        metavar="FILE",
        help="a teacher's preset: scenario, teams, seed, mods, hidden history, turn timer (see the README)",
    )
    play.set_defaults(func=cmd_play)


def _window(rules, preset=None) -> int | None:
    """Play in the window; None (after one line saying why) when no window can open here."""
    from game.ui.app import can_open_window, main

    why = can_open_window()
    if why is not None:
        print(f"{why}: playing in the terminal (python -m game play --terminal skips this check)")
        return None
    return main(rules, preset)


def _preset(args):
    """``--preset FILE``: (the preset, its rules), or an exit code after saying what is wrong."""
    from game.match import presets

    clash = [name for name in ("mod", "scenario", "seed", "human", "resume", "load") if getattr(args, name)]
    if clash:
        option = "--" + {"resume": "continue"}.get(clash[0], clash[0])
        print(f"--preset {args.preset}: {option} cannot be given with a preset (the preset names it)", file=sys.stderr)
        return 2

    def preset_rules(mods):
        rules = rules_for(list(mods))
        if rules is None:
            raise presets.PresetError([f"{args.preset}:1: the rules with its mods have errors (above)"])
        return rules

    try:
        return presets.read(Path(args.preset), preset_rules)
    except presets.PresetError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2


def cmd_play(args) -> int:
    preset = None
    if args.preset:
        chosen = _preset(args)
        if isinstance(chosen, int):
            return chosen
        preset, rules = chosen
    else:
        rules = rules_for(args.mod)
        if rules is None:
            return 1
    if not (args.headless or args.terminal or args.human or args.scenario or args.record or args.resume or args.load):
        window = _window(rules, preset)
        if window is not None:
            return window
    if args.record and Path(args.record).is_dir():
        print(f"--record {args.record}: that is a folder; give a file name", file=sys.stderr)
        return 2
    m = _preset_match(preset, rules, args.headless) if preset is not None else _match_to_play(args, rules)
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
    if unknown_scenario(rules, [args.scenario]):
        return 2
    return _new_match(args, rules)


def _preset_match(preset, rules, headless: bool):
    """The match a preset sets up, for the terminal (the teams at this keyboard, in turn) or
    headless (the teams' seats played by the simple bot: a preview); in the window, the new-game
    screen shows it first."""
    from game.match.match import Match, Seat
    from game.match.presets import seats_for

    seed = fresh_seed() if preset.seed is None else preset.seed
    seats = seats_for(preset, rules.scenarios[preset.scenario].factions)
    if headless:
        seats = {f: Seat("ai", "simple") if s.is_human else s for f, s in seats.items()}
    print(f"preset {preset.title or preset.scenario}: {preset.scenario}, " + seed_line(seed))
    if preset.turn_seconds and not headless:
        print("the turn timer runs in the window only; in the terminal, turns are untimed")
    return Match.new(rules, preset.scenario, seed, seats, options=preset.options)


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
    from game.present import chronicle, ending

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
        for line in ending.end_lines(rules, m, human):
            print(line)
        reasons = ending.reason_lines(rules, m)
        if reasons:
            print("--- why the computer moved as it did ---")
            for line in reasons:
                print(f"  {line}")
    print_results(state, rules)
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

            rules = replay_rules(
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
