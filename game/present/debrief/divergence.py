"""History beside the game: the historical line replayed (under the game's rules, or the base
rules when a mod keeps it from replaying), the checkpoints a faction is concerned by, and the first
quarter where the game left history, with the moves, votes and events that touched it."""

from __future__ import annotations

from attrs import frozen

from game.engine import IllegalActionError
from game.engine.actions import CHOOSE
from game.match import replay
from game.match.historical import PLAN, REPLAY, PlanError, load_plan
from game.present import naming, phrases
from game.present.chronicle import render
from game.present.debrief.closes import Close, Played, replay_game
from game.present.debrief.model import Divergence, Milestone
from game.present.debrief.sections import is_key
from game.ruleset.loader import RulesError, load_base

#: the most moves, votes or events listed at the point of divergence
MOST = 12


@frozen
class _History:
    played: Played
    checkpoints: tuple  # replay.Checkpoint
    notes: dict  # date → the plan's note
    source: str  # which rules it was replayed under, in words


def _history_under(rules, source: str) -> _History:
    rep = replay.load(REPLAY)
    played = replay_game(rules, rep.scenario, rep.seed, rep.actions, rep.checkpoints)
    try:
        notes = dict(load_plan(PLAN).notes)
    except PlanError:
        notes = {}
    return _History(played, tuple(rep.checkpoints), notes, source)


def history(rules) -> _History | None:
    """The historical line replayed (kept with the rules); under the base rules when the game's
    rules (a mod) do not replay it; None when neither can."""

    def build(r):
        try:
            return _history_under(r, "the game's rules")
        except (replay.ReplayError, IllegalActionError, KeyError, OSError):
            pass
        if not getattr(r, "mods", ()):
            return False
        try:
            return _history_under(load_base(), "the base rules (the historical line does not replay under the mods)")
        except (replay.ReplayError, IllegalActionError, KeyError, OSError, RulesError):
            return False

    tables = rules.tables
    if tables.history is None:
        tables.history = build(rules)
    return tables.history or None


def _ids(condition) -> set[str]:
    """Every word in a condition (its ids, among others)."""
    if isinstance(condition, dict):
        return set().union(*(_ids(v) for v in condition.values())) if condition else set()
    if isinstance(condition, list | tuple):
        return set().union(*(_ids(v) for v in condition)) if condition else set()
    return {condition} if isinstance(condition, str) else set()


def subjects(condition, opening: Close, factions) -> tuple[set[str], set[str]]:
    """The factions a checkpoint concerns (named, or through their men or the offices they held at
    the start), and every id it names."""
    ids = _ids(condition)
    concerned = {i for i in ids if i in factions}
    concerned |= {opening.factions.get(i) for i in ids} | {opening.offices.get(i) for i in ids}
    return {f for f in concerned if f in factions}, ids


def previous_quarter(date: str) -> str:
    year, q = (int(x) for x in date.split("-Q"))
    index = year * 4 + q - 2
    return f"{index // 4}-Q{index % 4 + 1}"


def diverged(quarters, timeline, hist_timeline, checks, watched: set[str]) -> tuple | None:
    """The first quarter whose changes differ from history's or whose checkpoint this game missed:
    (date, this game's lines, history's lines, the checkpoint missed, the ids concerned).  A
    Congress's numbers always differ a little and are left aside; so is an office that neither
    the record's checkpoints nor the scenario's goals name (``watched``): the historical line is
    played by the game's rules, and its lesser posts are not all history's."""

    def counts(m: Milestone) -> bool:
        return m.kind != "congress" and (m.kind != "office" or m.ids[-1] in watched)  # ids: faction, man, office

    for date in quarters:
        game = [m for m in timeline if m.date == date and counts(m)]
        hist = [m for m in hist_timeline if m.date == date and counts(m)]
        game_only = [m for m in game if m.text not in {h.text for h in hist}]
        hist_only = [m for m in hist if m.text not in {g.text for g in game}]
        missed = [(n, ids) for n, ids, _c in checks if n.date == date and n.history and n.game is False]
        if game_only or hist_only or missed:
            ids = {i for m in game_only + hist_only for i in m.ids} | {i for _n, got in missed for i in got}
            checkpoint = "; ".join(n.text for n, _ids in missed)
            return date, tuple(m.text for m in game_only), tuple(m.text for m in hist_only), checkpoint, ids
    return None


def watched_ids(rules, scenario: str, hist) -> set[str]:
    """Every id the historical line's checkpoints and the scenario's goals name."""
    ids = set().union(*(_ids(cp.condition) for cp in hist.checkpoints)) if hist else set()
    for objectives_ in rules.scenarios[scenario].objectives.values():
        for goal in objectives_.goals:
            ids |= _ids(list(goal.condition))
    return ids


def divergence_at(rules, played: Played, found: tuple, fid: str, hist) -> Divergence:
    """What led to a divergence: the moves, votes and events of its quarter and the one before
    that touched what differs (or were key moves of the factions it concerns)."""
    date, game, history_lines, checkpoint, ids = found
    window = (previous_quarter(date), date)
    ids = set(ids) | {fid}
    concerned = ids & set(played.first.factions)
    moves = []
    for when, action in played.dated:
        if not window[0] <= when <= window[1] or action.name == CHOOSE:
            continue
        if ids & set(action.args) or (action.faction in concerned and is_key(rules, action)):
            moves.append(f"{when}  {naming.faction_name(rules, action.faction)}: {phrases.action_title(rules, action)}")
    votes, events = [], []
    state = played.last
    for e in state.log:
        when = state.date_text(e.turn)
        if e.visible_to is not None or not window[0] <= when <= window[1]:
            continue
        data = dict(e.data)
        if e.event == "vote" and (ids & set(data.get("args", ())) or data.get("proposer") in concerned):
            votes.append(f"{when}  {render(rules, e)}")
        elif e.event == "event" and data.get("event") in rules.events:
            events.append(f"{when}  {rules.events[data['event']].name}")
        elif e.event in _TOUCHING and ids & _ids(list(data.values())):
            events.append(f"{when}  {render(rules, e)}")
    notes = hist.notes if hist is not None else {}
    told = " ".join(notes[d] for d in window if d in notes)
    return Divergence(
        date, game, history_lines, checkpoint, tuple(moves[:MOST]), tuple(votes[:MOST]), tuple(events[:MOST]), told
    )


#: the chronicle's entries that are listed at a divergence when they name what differs
_TOUCHING = ("choice", "status", "office_filled", "politburo_elected", "bloc_accepted", "bloc_broken", "readmitted")
