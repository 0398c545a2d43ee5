"""The debrief: what happened in a game, set beside what happened in history, for after play.

One call gives everything a debrief screen, the terminal or the printed report shows
(:func:`from_match`; :func:`from_save` and :func:`from_replay` read a file first):

* for each faction, this game's dated timeline beside history's — the Secretariat and the
  offices, the Politburo, Congress results, blocs, censure, expulsion, exile, deportation —
  read the same way from both games: the state is sampled at the close of every quarter and
  each change between two closes is a line;
* the historical line's checkpoints (``rules/base/historical/plan.yaml``) judged on this game,
  and the first one this game missed: where it left history, with the moves, votes and events
  of that quarter and the one before that touched what the checkpoint is about, and the plan's
  note on what really happened then;
* each goal met or failed, with the quarter;
* power at the close of each quarter (offices, Politburo seats, Central Committee share,
  delegates a Congress would send, prestige, the power score), this game's and history's;
* every event that fired, with the documents and passages it was written from;
* the computer seats' reasons for their key moves (a save keeps them, a replay does not);
* the scenario's discussion questions.

The package: the data (:mod:`~game.present.debrief.model`), each quarter's close and the
timelines read from them (:mod:`~game.present.debrief.closes`), history and where the game left it
(:mod:`~game.present.debrief.divergence`), the goals, power, events, reasons and questions
(:mod:`~game.present.debrief.sections`), the debrief in words (:mod:`~game.present.debrief.words`);
here, the debrief built from them, from a match, a save or a replay.

History is the campaign's historical line (``rules/base/historical.replay``), replayed under the
game's rules, or under the base rules when a mod keeps it from replaying.  The engine is
deterministic, so the game is replayed from its record to sample what is not stored per quarter.

>>> from game.ruleset.loader import load_base
>>> from game.match.match import Match
>>> m = Match.new(load_base(), "crisis_1923", seed=2)
>>> while not m.over:
...     _ = m.ai_move()
>>> d = from_match(m)
>>> len(d.factions), len(d.factions[0].power.dates) == len(d.quarters), d.over
(4, True, True)
"""

from __future__ import annotations

from pathlib import Path

from game.engine import IllegalActionError
from game.engine.objectives import standing
from game.match import replay, saves
from game.match.historical import PlanError, judge_span, span
from game.present import ending
from game.present.debrief.closes import opening_of, replay_game, timeline_of
from game.present.debrief.divergence import diverged, divergence_at, history, subjects, watched_ids
from game.present.debrief.model import (
    MEASURES,
    CheckNote,
    Debrief,
    DebriefError,
    Divergence,
    EventNote,
    FactionDebrief,
    GoalNote,
    Milestone,
    PowerSeries,
    Question,
    Reason,
    Source,
)
from game.present.debrief.sections import (
    event_notes,
    goal_notes,
    is_key,
    power_series,
    questions_of,
    reason_notes,
    sources,
)
from game.present.debrief.words import lines_text, text
from game.ruleset.records import RESULT_NAMES


def build(rules, scenario: str, seed: int, actions, mods=(), reasons=(), seats=(), lead=None) -> Debrief:
    """The debrief of the game these actions make (raises IllegalActionError if one is not legal);
    ``lead``: the faction whose part comes first (the one human seat)."""
    sc = rules.scenarios[scenario]
    first, last = span(rules, scenario)
    hist = history(rules)
    checkpoints = [cp for cp in (hist.checkpoints if hist else ()) if first <= cp.date <= last]
    played = replay_game(rules, scenario, seed, actions, checkpoints)
    opening = opening_of(played.first, rules)
    factions = tuple(sorted(played.first.factions, key=lambda f: f != lead))
    judged_history = _judged_history(hist, checkpoints)
    reached = {c.date for c in played.closes}
    notes, per_faction, party = [], {f: [] for f in factions}, []
    for i, cp in enumerate(checkpoints):
        game = next((c.met.get(i) for c in played.closes if i in c.met), None) if cp.date in reached else None
        note = CheckNote(cp.date, cp.text, judged_history.get(i), game)
        concerned, ids = subjects(cp.condition, opening, factions)
        notes.append(note)
        for f in concerned:
            per_faction[f].append((note, ids, concerned))
        if not concerned:
            party.append(note)
    hist_results = _history_results(rules, scenario)
    quarters, watched = [c.date for c in played.closes], watched_ids(rules, scenario, hist)
    final = played.last
    caveat = ending.caveat(rules, final) if final.outcome is not None else ""
    out = []
    for fid in factions:
        rec = rules.factions[fid]
        st = standing(played.last, rules, fid)
        hist_closes = [c for c in hist.played.closes if first <= c.date <= last] if hist else []
        timeline = timeline_of(rules, played, fid, first, last, opening)
        hist_timeline = (
            timeline_of(rules, hist.played, fid, first, last, opening)
            if hist and fid in hist.played.first.factions
            else ()
        )
        found = diverged(quarters, timeline, hist_timeline, per_faction[fid], watched) if hist else None
        out.append(
            FactionDebrief(
                faction=fid,
                name=rec.name,
                colour=rec.colour,
                points=st.points if st else 0,
                result=RESULT_NAMES[st.result] if st else "",
                history=" ".join(st.history.split()) if st else "",
                history_result=hist_results.get(fid, ""),
                goals=goal_notes(rules, played, fid),
                timeline=timeline,
                history_timeline=hist_timeline,
                checkpoints=tuple(n for n, _i, _c in per_faction[fid]),
                divergence=divergence_at(rules, played, found, fid, hist) if found else None,
                power=power_series(played.closes, fid, rules),
                history_power=power_series(hist_closes, fid, rules) if hist_closes else None,
                caveat=caveat if final.outcome and final.outcome[1] == fid else "",
            )
        )
    return Debrief(
        scenario=scenario,
        scenario_name=sc.name,
        seed=seed,
        mods=tuple(mods),
        start=first,
        end=last,
        quarters=tuple(c.date for c in played.closes),
        over=final.outcome is not None,
        outcome=ending.power_words(rules, final.outcome),
        history_source=hist.source if hist is not None else "",
        factions=tuple(out),
        party=tuple(party),
        events=event_notes(rules, final),
        questions=questions_of(rules, scenario),
        seats=tuple(seats),
        reasons=reason_notes(rules, list(actions), reasons),
        power_note=ending.OUTCOME_NOTES.get(final.outcome[0], "") if final.outcome else "",
    )


def _judged_history(hist, checkpoints) -> dict[int, bool | None]:
    """Each checkpoint of the span (by its index there) as the historical line met it."""
    if hist is None:
        return {}
    out = {}
    for i, cp in enumerate(checkpoints):
        j = hist.checkpoints.index(cp)
        out[i] = next((c.met.get(j) for c in hist.played.closes if j in c.met), None)
    return out


def _history_results(rules, scenario: str) -> dict[str, str]:
    """The historical line's result on this scenario's objectives, in words (``judge_span``)."""

    def build(r):
        try:
            return {f: RESULT_NAMES[res] for f, (_p, res) in judge_span(r, scenario).items()}
        except (PlanError, replay.ReplayError, IllegalActionError, KeyError, OSError):
            return {}

    known = rules.tables.history_results
    if scenario not in known:
        known[scenario] = build(rules)
    return known[scenario]


def _seats(match) -> tuple[tuple[str, str], ...]:
    return tuple((f, s.name or ("a player" if s.is_human else f"computer ({s.level})")) for f, s in match.seats.items())


def from_match(match) -> Debrief:
    """The debrief of a match (finished or not): what the window's debrief screen shows, the one
    human seat's part first."""
    humans = match.humans()
    return build(
        match.rules,
        match.scenario,
        match.seed,
        match.record.actions,
        match.mods,
        match.reasons,
        _seats(match),
        humans[0] if len(humans) == 1 else None,
    )


def from_save(path: Path, rules) -> Debrief:
    """The debrief of a save file; DebriefError (one line) if it cannot be read or replayed."""
    try:
        match = saves.read(Path(path), rules)
    except saves.SaveError as exc:
        raise DebriefError(str(exc)) from None
    return from_match(match)


def from_replay(path: Path, rules) -> Debrief:
    """The debrief of a replay file (which keeps no seats and no reasons); DebriefError if it
    cannot be read or replayed."""
    try:
        rep = replay.load(Path(path))
        replay.run(rep, rules, str(path))  # the legality check, with the line at fault
    except replay.ReplayError as exc:
        raise DebriefError(str(exc)) from None
    return build(rules, rep.scenario, rep.seed, rep.actions, rep.mods)


def is_replay(path: Path) -> bool:
    """Whether a file is a replay (its first line says so) rather than a save."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read(len(replay.HEADER) + 8).lstrip("\ufeff").startswith(replay.HEADER)
    except OSError:
        return False


#: the data, and what the screens, the terminal and the report call
__all__ = [
    "MEASURES",
    "CheckNote",
    "Debrief",
    "DebriefError",
    "Divergence",
    "EventNote",
    "FactionDebrief",
    "GoalNote",
    "Milestone",
    "PowerSeries",
    "Question",
    "Reason",
    "Source",
    "build",
    "from_match",
    "from_replay",
    "from_save",
    "history",
    "is_key",
    "is_replay",
    "lines_text",
    "sources",
    "text",
]
