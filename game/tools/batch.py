"""Batch play: whole games between bots of chosen levels, one seat each, measured.

``play_game`` plays one game and returns a :class:`GameRecord` (each faction's result on its
objectives, the length, every seat's decision times and its moves by action kind, any error).  ``run_games`` plays many, in
parallel processes when asked; the same jobs give the same records however they are spread.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

from attrs import asdict, field, frozen

from game.ai import make_bot
from game.engine import apply_action, legal_actions, new_game, player_view
from game.ruleset.loader import errors
from game.ruleset.loader import load as load_rules
from game.ruleset.records import OUT_OF_PARTY


@frozen
class Job:
    """One game: a scenario, a seed, and the level of each seat (the rest play ``default``)."""

    scenario: str
    seed: int
    levels: tuple[tuple[str, str], ...] = ()  # (faction, level)
    default: str = "simple"
    mods: tuple[str, ...] = ()
    personality: float = 1.0  # how far searching seats follow their personality


@frozen
class GameRecord:
    scenario: str
    seed: int
    levels: dict[str, str]
    outcome: str | None
    winner: str | None
    results: dict[str, str]  # faction → result on its objectives
    points: dict[str, int]
    turns: int
    date: str
    decisions: dict[str, list[float]]  # faction → seconds per decision
    fired: tuple[str, ...] = ()  # events that fired (their effects ran), not those whose moment passed
    ladder: dict[str, str] = field(factory=dict)  # faction → date it was expelled from the party, if it was
    error: str | None = None
    #: faction → action kind → moves: the action's rule-file id (``publish_article``…), with an
    #: event's option as ``choose`` and the end of a seat's quarter as ``pass_turn``; the counts
    #: of a seat add up to its decisions
    moves: dict[str, dict[str, int]] = field(factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def play_game(rules, job: Job) -> GameRecord:
    """Play ``job`` to the end.  Any failure (an illegal move, a crash) is recorded, not raised."""
    levels = dict(job.levels)
    state = new_game(rules, job.scenario, job.seed)
    seats = {f: levels.get(f, job.default) for f in state.factions}
    bots = {f: make_bot(level, f, job.seed, job.personality) for f, level in seats.items()}
    decisions: dict[str, list[float]] = {f: [] for f in state.factions}
    moves: dict[str, dict[str, int]] = {f: {} for f in state.factions}
    expelled: dict[str, str] = {}
    try:
        while state.outcome is None:
            actor = state.active
            legal = legal_actions(state, rules)
            view = player_view(state, rules, actor)
            started = time.perf_counter()
            action, _reason = bots[actor].choose(view, legal, rules)
            decisions[actor].append(time.perf_counter() - started)
            moves[actor][action.name] = moves[actor].get(action.name, 0) + 1
            logged = len(state.log)
            state = apply_action(state, rules, action)
            _note_expulsions(state, logged, expelled)
        error = None
    except Exception as exc:  # the batch must report every failure and go on
        error = f"{type(exc).__name__}: {exc} | " + traceback.format_exc(limit=3).replace("\n", " ")
    results = {f: r for f, (_p, r) in state.results.items()}
    points = {f: p for f, (p, _r) in state.results.items()}
    kind, winner = state.outcome if state.outcome else (None, None)
    return GameRecord(
        job.scenario,
        job.seed,
        seats,
        kind,
        winner,
        results,
        points,
        state.turn + 1,
        state.date_text(),
        decisions,
        fired_events(state, rules),
        expelled,
        error,
        moves,
    )


def _note_expulsions(state, logged: int, expelled: dict[str, str]) -> None:
    """Date each faction's expulsion from the party by the quarter the chronicle records it in (the
    action that closes a quarter votes its motions, then opens the next: the state's own date has
    moved on by then)."""
    for entry in state.log[logged:]:
        if entry.event != "status":
            continue
        data = dict(entry.data)
        faction = data.get("faction")
        if faction and faction not in expelled and data.get("status") in OUT_OF_PARTY:
            expelled[faction] = state.date_text(entry.turn)
    for f, fs in state.factions.items():  # a quiet state writes no chronicle: its own date then
        if f not in expelled and fs.status in OUT_OF_PARTY:
            expelled[f] = state.date_text()


def fired_events(state, rules) -> tuple[str, ...]:
    """The events that really fired in a finished game, read from its chronicle (the engine also
    marks as done a dated event whose conditions failed or whose chance did not come up).  Read
    by the event's id in the chronicle's data, not its name: two events may share a name (the
    two Leningrad Oppositions of December 1925, one for each state of the triumvirate)."""
    told = {dict(e.data).get("event") for e in state.log if e.event == "event"}
    return tuple(eid for eid in sorted(state.fired) if eid in told)


_RULES = None


def _worker_init(mods: tuple[str, ...]) -> None:
    global _RULES
    _RULES = load(mods)


def _worker_play(job: Job) -> GameRecord:
    return play_game(_RULES, job)


def load(mods: Iterable[str] = ()):
    """The base rules with ``mods`` (ids or folders) laid over them (errors raise ValueError)."""

    rules, problems = load_rules(list(mods))
    if errors(problems):
        raise ValueError("\n".join(str(p) for p in errors(problems)))
    return rules


def run_games(
    rules, jobs: list[Job], workers: int = 1, on_done: Callable[[GameRecord], None] | None = None
) -> list[GameRecord]:
    """Play every job; records come back in the order of ``jobs``.  ``workers`` > 1 plays in that
    many processes (each loads the rules itself; all jobs must share the same mods)."""
    out: list[GameRecord] = []
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            rec = play_game(rules, job)
            out.append(rec)
            if on_done:
                on_done(rec)
        return out
    mods = jobs[0].mods
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(mods,)) as pool:
        for rec in pool.map(_worker_play, jobs, chunksize=1):
            out.append(rec)
            if on_done:
                on_done(rec)
    return out
