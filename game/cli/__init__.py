"""The command line: ``succession COMMAND`` (``python -m game``): play (in the window, the terminal, or
headless), validate, schema, scenarios, replay, debrief, historical, events-check, balance and
simulate.  This module builds the argument parser from each command module's :func:`add_parsers`
and runs the command asked for; a command line without a command plays.

- :mod:`game.cli.play`: ``play``
- :mod:`game.cli.rulefiles`: ``validate``, ``schema``, ``scenarios``
- :mod:`game.cli.replays`: ``replay``, ``debrief``, ``historical``
- :mod:`game.cli.tools`: ``events-check``, ``narrative-check``, ``balance``, ``simulate``
- :mod:`game.cli.common`: seeds, loading the rules, the lines several commands print

Library code never exits; the command line turns every expected failure into a message and an
exit code (0 ok, 1 problems found, 2 bad usage).  It is the top of the game, imported by nothing
but ``game.__main__``: each command imports what it runs inside its own functions, so that
``validate`` never loads pygame.
"""

from __future__ import annotations

import argparse
import sys

from game.cli import play, replays, rulefiles, tools


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="succession", description="Succession: the struggle for Lenin's succession, 1923–1929."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    play.add_parsers(sub)
    rulefiles.add_parsers(sub)
    replays.add_parsers(sub)
    tools.add_parsers(sub)
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
