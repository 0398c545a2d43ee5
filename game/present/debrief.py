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

import re
import textwrap
from pathlib import Path
from types import SimpleNamespace

from attrs import evolve, frozen

from game.engine import Action, IllegalActionError, apply_action, new_game
from game.engine.actions import CHOOSE
from game.engine.congress import delegate_shares
from game.engine.effects import holds
from game.engine.objectives import FAILED, MET, standing, track
from game.engine.outcome import power_scores
from game.match import replay, saves
from game.match.historical import PLAN, REPLAY, PlanError, judge_span, load_plan, span
from game.present import ending, naming, phrases
from game.present.chronicle import render, sentence
from game.present.explain import citation_passage, design_words, document_line, seed_documents
from game.ruleset.loader import RulesError, load_base
from game.ruleset.records import RESULT_NAMES

#: moves that are the daily work of a faction; every other kind (motions, blocs, appeals to the
#: rank and file, recantations, the army...) is a key move whose reason the debrief shows.  A new
#: kind is key until it is listed here
ROUTINE = frozenset({"pass", "cultivate", "publish", "speak", "entrench", "mobilise", "appoint", "underground"})
#: the longest passage quoted from a document (characters); the rest is in the document
PASSAGE_CAP = 700
#: the most moves, votes or events listed at the point of divergence
MOST = 12


class DebriefError(Exception):
    """A file that cannot be debriefed; ``str`` is one line naming the file."""


# --- the data -------------------------------------------------------------------------------------


@frozen
class Milestone:
    """One dated line of a timeline."""

    date: str  # YYYY-Qn
    kind: str  # secretariat, office, politburo, congress, bloc, status
    text: str
    #: the ids it concerns (factions, figures, offices), for finding the moves that led to it
    ids: tuple[str, ...] = ()


@frozen
class CheckNote:
    """A checkpoint of the historical line, judged in history and in this game."""

    date: str
    text: str
    history: bool | None  # None: the historical line could not judge it
    game: bool | None  # None: this game never closed that quarter


@frozen
class Divergence:
    """The first quarter whose close differs from history's for a faction — a change that one of
    the two games had and the other did not, or a checkpoint history met and this game missed —
    and what led there."""

    date: str
    game: tuple[str, ...]  # what this game had then and history did not
    history: tuple[str, ...]  # what history had then and this game did not
    checkpoint: str  # the checkpoint missed that quarter, or ""
    moves: tuple[str, ...]  # the moves of that quarter and the one before that touched it
    votes: tuple[str, ...]
    events: tuple[str, ...]
    history_note: str  # what really happened then (the plan's note), or ""


@frozen
class GoalNote:
    goal: str
    name: str
    points: int
    when: str  # end | ever | always
    status: str  # met | not met | pending | failed
    scored: bool
    #: when it was met or failed (None: not yet, an end goal still open, or an always goal kept throughout)
    quarter: str | None


@frozen
class PowerSeries:
    """A faction's power at the close of each quarter, one number per quarter for each measure."""

    dates: tuple[str, ...]
    offices: tuple[int, ...]
    politburo: tuple[int, ...]
    cc_share: tuple[int, ...]  # percent of the Central Committee's seats
    delegates: tuple[int, ...]  # delegates its regions would send to a Congress
    prestige: tuple[int, ...]
    score: tuple[int, ...]  # the power score (the outcome's measure)


#: the measures of :class:`PowerSeries`, with their names on charts and tables
MEASURES = (
    ("offices", "Offices held"),
    ("politburo", "Politburo seats"),
    ("cc_share", "Central Committee share (%)"),
    ("delegates", "Congress delegates"),
    ("prestige", "Prestige"),
    ("score", "Power score"),
)


@frozen
class FactionDebrief:
    faction: str
    name: str
    colour: str
    points: int
    result: str  # words: "Victory", "The historical result"...
    history: str  # what the faction achieved in history over this span (the objectives' yardstick)
    history_result: str  # the historical line's own result on these objectives, in words ("" if unknown)
    goals: tuple[GoalNote, ...]
    timeline: tuple[Milestone, ...]
    history_timeline: tuple[Milestone, ...]
    checkpoints: tuple[CheckNote, ...]
    divergence: Divergence | None
    power: PowerSeries
    history_power: PowerSeries | None


@frozen
class Source:
    """A cited document: its title, where, the words quoted and the passage they stand in."""

    title: str
    seed: str | None
    lines: str | None
    quote: str
    outside: str | None
    says: str | None
    passage: str


@frozen
class EventNote:
    date: str
    event: str
    name: str
    text: str
    choices: tuple[str, ...]  # "Trotsky chose: Resign"
    sources: tuple[Source, ...]
    design: str | None


@frozen
class Reason:
    date: str
    faction: str
    line: str  # the move and why, in a sentence


@frozen
class Question:
    text: str
    sources: tuple[Source, ...]


@frozen
class Debrief:
    scenario: str
    scenario_name: str
    seed: int
    mods: tuple[str, ...]  # id@version, as a replay records them
    start: str
    end: str  # the scenario's last quarter
    quarters: tuple[str, ...]  # the quarters this game closed
    over: bool
    outcome: str  # in words ("" while the game goes on)
    history_source: str  # which rules history was replayed under ("" if it could not be)
    factions: tuple[FactionDebrief, ...]
    party: tuple[CheckNote, ...]  # checkpoints that concern no faction (Lenin's death)
    events: tuple[EventNote, ...]
    questions: tuple[Question, ...]
    #: from a save only (a replay keeps neither): the seats and the computer seats' reasons
    seats: tuple[tuple[str, str], ...] = ()
    reasons: tuple[Reason, ...] = ()

    def faction(self, fid: str) -> FactionDebrief:
        return next(f for f in self.factions if f.faction == fid)

    @property
    def replay_line(self) -> str:
        """How to play this game again: the scenario, the seed and the mods."""
        mods = " ".join(f"--mod {m.partition('@')[0]}" for m in self.mods)
        return f"python -m game play --scenario {self.scenario} --seed {self.seed} {mods}".rstrip()


# --- sampling a game at the close of each quarter ------------------------------------------------


@frozen
class _Close:
    """What the debrief reads of the state at the close of a quarter."""

    date: str
    offices: dict  # office → the faction of its holder (None: vacant or unaligned)
    holders: dict  # office → figure
    politburo: tuple[str, ...]
    secretariat: tuple[str, ...]
    factions: dict  # figure → faction
    status: dict  # faction → rung
    blocs: tuple[tuple[str, str], ...]
    cc: dict
    delegates: dict
    prestige: dict
    score: dict
    met: dict  # checkpoint index → held
    achieved: frozenset
    failed: frozenset


def _close(state, rules, checkpoints) -> _Close:
    figures = state.figures
    view = state.clone()  # the goals as the engine tracks them right after this moment
    track(view, rules)
    met = {}
    for i, cp in enumerate(checkpoints):
        if cp.date == state.date_text():
            try:
                met[i] = holds(state, cp.condition, rules)
            except (KeyError, TypeError, ValueError):  # a condition naming what these rules lack
                met[i] = None
    return _Close(
        date=state.date_text(),
        offices={o: (figures[h].faction if h else None) for o, h in state.offices.items()},
        holders=dict(state.offices),
        politburo=tuple(state.politburo),
        secretariat=tuple(state.secretariat),
        factions={f: s.faction for f, s in figures.items() if s.in_party},
        status={f: s.status for f, s in state.factions.items()},
        blocs=tuple(sorted(state.blocs)),
        cc=dict(state.cc),
        delegates=delegate_shares(state, rules),
        prestige={f: s.prestige for f, s in state.factions.items()},
        score=power_scores(state, rules),
        met=met,
        achieved=frozenset(view.achieved),
        failed=frozenset(view.failed),
    )


@frozen
class _Played:
    """A game replayed: its start and final states, each quarter's close, and each action's date."""

    first: object
    last: object
    closes: tuple[_Close, ...]
    dated: tuple[tuple[str, Action], ...]


def _replay(rules, scenario: str, seed: int, actions, checkpoints=()) -> _Played:
    state = new_game(rules, scenario, seed)
    first, closes, dated = state, [], []

    def at_close(s) -> None:
        if not closes or closes[-1].date != s.date_text():
            closes.append(_close(s, rules, checkpoints))

    for action in actions:
        dated.append((state.date_text(), action))
        state = apply_action(state, rules, action, at_close)
    if state.outcome is not None:  # a game that ended mid-quarter closes that quarter there
        at_close(state)
    return _Played(first, state, tuple(closes), tuple(dated))


def _opening(state, rules) -> _Close:
    """The start of a game, read like a close (its checkpoints are not judged)."""
    return _close(state, rules, ())


# --- timelines ------------------------------------------------------------------------------------


def _changes(rules, fid: str, before: _Close, after: _Close) -> list[Milestone]:
    """What changed for a faction between two closes, in the chronicle's order of importance."""
    out = []
    if before.status.get(fid) != after.status.get(fid) and fid in after.status:
        text = sentence(rules, "status", {"faction": fid, "status": after.status[fid], "leader_deported": True})
        out.append(Milestone(after.date, "status", text, (fid,)))
    return (
        out
        + _office_changes(rules, fid, before, after)
        + _seat_changes(rules, fid, before, after)
        + (_bloc_changes(rules, fid, before, after))
    )


def _named(table, key) -> str:
    return table[key].name if key in table else key.replace("_", " ")


def _office_changes(rules, fid: str, before: _Close, after: _Close) -> list[Milestone]:
    date, out = after.date, []
    gensec = rules.settings.roles.general_secretary
    for office in sorted(set(before.holders) | set(after.holders)):
        was, now = before.holders.get(office), after.holders.get(office)
        if was == now:
            continue
        kind = "secretariat" if office == gensec else "office"
        if now is not None and after.offices.get(office) == fid:
            text = f"{_named(rules.figures, now)} becomes {_named(rules.offices, office)}"
            out.append(Milestone(date, kind, text, (fid, now, office)))
        if was is not None and before.offices.get(office) == fid:
            text = f"{_named(rules.figures, was)} is no longer {_named(rules.offices, office)}"
            out.append(Milestone(date, kind, text, (fid, was, office)))
    return out


def _seat_changes(rules, fid: str, before: _Close, after: _Close) -> list[Milestone]:
    """The faction's men entering or leaving the Secretariat and the Politburo."""
    date, out = after.date, []
    for body, label, kind in (
        ("secretariat", "the Secretariat", "secretariat"),
        ("politburo", "the Politburo", "politburo"),
    ):
        was, now = set(getattr(before, body)), set(getattr(after, body))
        for fig in sorted(now - was):
            if after.factions.get(fig) == fid:
                out.append(Milestone(date, kind, f"{_named(rules.figures, fig)} enters {label}", (fid, fig, body)))
        for fig in sorted(was - now):
            if before.factions.get(fig) == fid:
                out.append(Milestone(date, kind, f"{_named(rules.figures, fig)} leaves {label}", (fid, fig, body)))
    return out


def _bloc_changes(rules, fid: str, before: _Close, after: _Close) -> list[Milestone]:
    date, out = after.date, []
    was, now = set(before.blocs), set(after.blocs)
    for pair in sorted(now - was):
        if fid in pair:
            other = pair[1] if pair[0] == fid else pair[0]
            out.append(Milestone(date, "bloc", f"A bloc with {_named(rules.factions, other)}", pair))
    for pair in sorted(was - now):
        if fid in pair:
            other = pair[1] if pair[0] == fid else pair[0]
            out.append(Milestone(date, "bloc", f"The bloc with {_named(rules.factions, other)} ends", pair))
    return out


def _congresses(rules, state, fid: str) -> list[Milestone]:
    """Each Congress of a game: the faction's delegates and the Central Committee seats it won."""
    out, meeting = [], None
    for e in state.log:
        if e.visible_to is not None:
            continue
        data = dict(e.data)
        if e.event == "congress_meets":
            delegates = dict(data["delegates"])
            meeting = (e.turn, data["name"], delegates.get(fid, 0), sum(delegates.values()))
        elif e.event == "central_committee_elected" and meeting is not None and meeting[0] == e.turn:
            seats = dict(data["seats"])
            turn, title, mine, total = meeting
            text = f"{title}: {mine} of {total} delegates, {seats.get(fid, 0)} of {sum(seats.values())} CC seats"
            out.append(Milestone(state.date_text(turn), "congress", text, (fid,)))
            meeting = None
    return out


def _timeline(rules, played: _Played, fid: str, first: str, last: str, start: _Close) -> tuple:
    """What changed for a faction at each close of the span, each against the close before; the
    span's first quarter against ``start``, the scenario's opening — for history's line too, so
    that what a scenario already has at its start is not counted as a change of its first quarter."""
    closes = [c for c in played.closes if first <= c.date <= last]
    before, out = start, []
    for close in closes:
        out += _changes(rules, fid, before, close)
        before = close
    out += [m for m in _congresses(rules, played.last, fid) if first <= m.date <= last]
    order = {c.date: i for i, c in enumerate(closes)}
    return tuple(sorted(out, key=lambda m: order.get(m.date, len(order))))  # stable: same quarter keeps order


# --- history --------------------------------------------------------------------------------------


@frozen
class _History:
    played: _Played
    checkpoints: tuple  # replay.Checkpoint
    notes: dict  # date → the plan's note
    source: str  # which rules it was replayed under, in words


def _history_under(rules, source: str) -> _History:
    rep = replay.load(REPLAY)
    played = _replay(rules, rep.scenario, rep.seed, rep.actions, rep.checkpoints)
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


def _subjects(condition, opening: _Close, factions) -> tuple[set[str], set[str]]:
    """The factions a checkpoint concerns (named, or through their men or the offices they held at
    the start), and every id it names."""
    ids = _ids(condition)
    concerned = {i for i in ids if i in factions}
    concerned |= {opening.factions.get(i) for i in ids} | {opening.offices.get(i) for i in ids}
    return {f for f in concerned if f in factions}, ids


# --- goals, power, events, reasons, questions ------------------------------------------------------


def _goals(rules, played: _Played, fid: str) -> tuple[GoalNote, ...]:
    st = standing(played.last, rules, fid)
    if st is None:
        return ()
    key = f"{fid}:"
    out = []
    for g in st.goals:
        quarter = None
        if g.when == "ever" and g.status == MET:
            quarter = next((c.date for c in played.closes if key + g.goal in c.achieved), None)
        elif g.when == "always" and g.status == FAILED:
            quarter = next((c.date for c in played.closes if key + g.goal in c.failed), None)
        elif g.when == "ever" and g.status == FAILED:
            quarter = g.by or played.last.date_text()
        elif g.when == "end" and played.last.outcome is not None:
            quarter = played.last.date_text()
        out.append(GoalNote(g.goal, g.name, g.points, g.when, g.status, g.scored, quarter))
    return tuple(out)


def _power(closes, fid: str, rules) -> PowerSeries:
    def pct(c):
        total = sum(c.cc.values()) or 1
        return c.cc.get(fid, 0) * 100 // total

    return PowerSeries(
        dates=tuple(c.date for c in closes),
        offices=tuple(sum(1 for f in c.offices.values() if f == fid) for c in closes),
        politburo=tuple(sum(1 for f in c.politburo if c.factions.get(f) == fid) for c in closes),
        cc_share=tuple(pct(c) for c in closes),
        delegates=tuple(c.delegates.get(fid, 0) for c in closes),
        prestige=tuple(c.prestige.get(fid, 0) for c in closes),
        score=tuple(c.score.get(fid, 0) for c in closes),
    )


def sources(rules, citations) -> tuple[Source, ...]:
    """Cited documents named as a student reads them (title, kind, author, date) with the passage
    the quote stands in, cleaned of scanning slips (both through :mod:`explain`)."""
    documents = seed_documents(rules.root)
    out = []
    for c in citations:
        passage = ""
        if c.seed:  # the lines alone: the document, the place and the quote are fields of their own
            told = citation_passage(rules.root, evolve(c, quote="", says=None)).split("\n")
            passage = "\n".join(told[1:]).strip()
        if len(passage) > PASSAGE_CAP:
            passage = passage[:PASSAGE_CAP].rsplit(" ", 1)[0] + " …”"
        doc = documents.get(c.seed or "")
        title = document_line(doc) if doc else (c.outside or c.seed or "")
        out.append(Source(title, c.seed, c.lines, " ".join(c.quote.split()), c.outside, c.says, passage))
    return tuple(out)


def _events(rules, state) -> tuple[EventNote, ...]:
    chosen: dict[tuple[int, str], list[str]] = {}
    for e in state.log:
        if e.visible_to is None and e.event == "choice":
            d = dict(e.data)
            chosen.setdefault((e.turn, d["event"]), []).append(render(rules, e))
    out = []
    for e in state.log:
        if e.visible_to is not None or e.event != "event":
            continue
        eid = dict(e.data)["event"]
        ev = rules.events.get(eid)
        if ev is None:
            continue
        out.append(
            EventNote(
                date=state.date_text(e.turn),
                event=eid,
                name=ev.name,
                text=" ".join(ev.text.split()),
                choices=tuple(chosen.get((e.turn, eid), ())),
                sources=sources(rules, ev.source),
                design=design_words(ev.design) if ev.design else None,
            )
        )
    return tuple(out)


def is_key(rules, action: Action) -> bool:
    """A move whose reason the debrief shows: an event's choice, or any kind not routine."""
    if action.name == CHOOSE:
        return True
    rule = rules.actions.get(action.name)
    return rule is not None and rule.kind not in ROUTINE


def _reasons(rules, actions, reasons) -> tuple[Reason, ...]:
    keyed, seen = [], set()
    for r in reasons:
        if 0 <= r[0] < len(actions) and is_key(rules, actions[r[0]]):
            once = (r[1], r[2], actions[r[0]].name)  # a kind of move repeated in a quarter: its first reason
            if actions[r[0]].name == CHOOSE or once not in seen:
                keyed.append(r)
                seen.add(once)
    match = SimpleNamespace(record=SimpleNamespace(actions=list(actions)), reasons=keyed)
    lines = ending.reason_lines(rules, match)
    return tuple(Reason(r[1], r[2], line) for r, line in zip(keyed, lines, strict=True))


def _questions(rules, scenario) -> tuple[Question, ...]:
    return tuple(
        Question(" ".join(q.text.split()), sources(rules, q.source))
        for q in getattr(rules.scenarios[scenario], "questions", ())
    )


# --- the divergence ---------------------------------------------------------------------------------


def _previous(date: str) -> str:
    year, q = (int(x) for x in date.split("-Q"))
    index = year * 4 + q - 2
    return f"{index // 4}-Q{index % 4 + 1}"


def _diverged(quarters, timeline, hist_timeline, checks, watched: set[str]) -> tuple | None:
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


def _watched(rules, scenario: str, hist) -> set[str]:
    """Every id the historical line's checkpoints and the scenario's goals name."""
    ids = set().union(*(_ids(cp.condition) for cp in hist.checkpoints)) if hist else set()
    for objectives_ in rules.scenarios[scenario].objectives.values():
        for goal in objectives_.goals:
            ids |= _ids(list(goal.condition))
    return ids


def _divergence(rules, played: _Played, found: tuple, fid: str, hist) -> Divergence:
    """What led to a divergence: the moves, votes and events of its quarter and the one before
    that touched what differs (or were key moves of the factions it concerns)."""
    date, game, history_lines, checkpoint, ids = found
    window = (_previous(date), date)
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


# --- the debrief -------------------------------------------------------------------------------------


def build(rules, scenario: str, seed: int, actions, mods=(), reasons=(), seats=()) -> Debrief:
    """The debrief of the game these actions make (raises IllegalActionError if one is not legal)."""
    sc = rules.scenarios[scenario]
    first, last = span(rules, scenario)
    hist = history(rules)
    checkpoints = [cp for cp in (hist.checkpoints if hist else ()) if first <= cp.date <= last]
    played = _replay(rules, scenario, seed, actions, checkpoints)
    opening = _opening(played.first, rules)
    factions = tuple(played.first.factions)
    judged_history = _judged_history(hist, checkpoints)
    reached = {c.date for c in played.closes}
    notes, per_faction, party = [], {f: [] for f in factions}, []
    for i, cp in enumerate(checkpoints):
        game = next((c.met.get(i) for c in played.closes if i in c.met), None) if cp.date in reached else None
        note = CheckNote(cp.date, cp.text, judged_history.get(i), game)
        concerned, ids = _subjects(cp.condition, opening, factions)
        notes.append(note)
        for f in concerned:
            per_faction[f].append((note, ids, concerned))
        if not concerned:
            party.append(note)
    hist_results = _history_results(rules, scenario)
    quarters, watched = [c.date for c in played.closes], _watched(rules, scenario, hist)
    out = []
    for fid in factions:
        rec = rules.factions[fid]
        st = standing(played.last, rules, fid)
        hist_closes = [c for c in hist.played.closes if first <= c.date <= last] if hist else []
        timeline = _timeline(rules, played, fid, first, last, opening)
        hist_timeline = (
            _timeline(rules, hist.played, fid, first, last, opening)
            if hist and fid in hist.played.first.factions
            else ()
        )
        found = _diverged(quarters, timeline, hist_timeline, per_faction[fid], watched) if hist else None
        out.append(
            FactionDebrief(
                faction=fid,
                name=rec.name,
                colour=rec.colour,
                points=st.points if st else 0,
                result=RESULT_NAMES[st.result] if st else "",
                history=" ".join(st.history.split()) if st else "",
                history_result=hist_results.get(fid, ""),
                goals=_goals(rules, played, fid),
                timeline=timeline,
                history_timeline=hist_timeline,
                checkpoints=tuple(n for n, _i, _c in per_faction[fid]),
                divergence=_divergence(rules, played, found, fid, hist) if found else None,
                power=_power(played.closes, fid, rules),
                history_power=_power(hist_closes, fid, rules) if hist_closes else None,
            )
        )
    final = played.last
    outcome = ""
    if final.outcome is not None:
        kind, winner = final.outcome
        outcome = ending.OUTCOME_WORDS.get(kind, kind) + (f": {naming.faction_name(rules, winner)}" if winner else "")
    return Debrief(
        scenario=scenario,
        scenario_name=sc.name,
        seed=seed,
        mods=tuple(mods),
        start=first,
        end=last,
        quarters=tuple(c.date for c in played.closes),
        over=final.outcome is not None,
        outcome=outcome,
        history_source=hist.source if hist is not None else "",
        factions=tuple(out),
        party=tuple(party),
        events=_events(rules, final),
        questions=_questions(rules, scenario),
        seats=tuple(seats),
        reasons=_reasons(rules, list(actions), reasons),
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


# --- from a match or a file ---------------------------------------------------------------------------


def _seats(match) -> tuple[tuple[str, str], ...]:
    return tuple((f, s.name or ("a player" if s.is_human else f"computer ({s.level})")) for f, s in match.seats.items())


def from_match(match) -> Debrief:
    """The debrief of a match (finished or not): what the window's debrief screen shows."""
    return build(
        match.rules,
        match.scenario,
        match.seed,
        match.record.actions,
        match.mods,
        match.reasons,
        _seats(match),
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


# --- in words ----------------------------------------------------------------------------------------

_MARK = {True: "yes", False: "NO", None: "—"}


def text(d: Debrief, width: int = 100) -> str:
    """The debrief as plain text for the terminal."""
    out = [f"Debrief: {d.scenario_name}", f"Seed {d.seed}; mods: {', '.join(d.mods) or 'none'}"]
    out.append(f"Play it again: {d.replay_line}")
    reached = d.quarters[-1] if d.quarters else "no quarter closed yet"
    out.append(f"Span {d.start} – {d.end}; played to {reached}" + (f". {d.outcome}" if d.outcome else " (not over)"))
    if d.seats:
        out.append("Seats: " + "; ".join(f"{_name(d, f)}: {who}" for f, who in d.seats))
    for f in d.factions:
        out += _faction_text(d, f)
    out += _closing_text(d)
    return "\n".join(_wrap(line, width) for line in out) + "\n"


def _faction_text(d: Debrief, f) -> list[str]:
    """One faction's part: its result, goals, timeline beside history's, checkpoints, where it
    parted from history, and its power quarter by quarter."""
    out = ["", f"=== {f.name} ===", f"Result: {f.result or '—'} ({f.points} points)"]
    if f.history_result:
        out.append(f"The historical line scores: {f.history_result}")
    if f.history:
        out.append(f"In history: {f.history}")
    out.append("Goals:")
    for g in f.goals:
        when = f" in {g.quarter}" if g.quarter else (" throughout" if g.when == "always" and g.status == MET else "")
        out.append(f"  {g.status}{when}: {g.name} ({g.points:+d})")
    out.append("Timeline, this game | history:")
    out += _side_by_side(f, d.quarters or (d.start,))
    if f.checkpoints:
        out.append("History's checkpoints (history / this game):")
        for n in f.checkpoints:
            out.append(f"  {n.date}  {_MARK[n.history]:>3} / {_MARK[n.game]:<3} {n.text}")
    out += _divergence_text(d, f.divergence)
    out.append("Power at the close of each quarter:")
    return out + _power_table(f.power)


def _divergence_text(d: Debrief, v) -> list[str]:
    if v is None:
        return ["Diverged: never — every quarter closed as history's did" if d.history_source else ""]
    out = [f"Diverged in {v.date}:"]
    if v.game:
        out.append(f"  This game had: {'; '.join(v.game)}")
    if v.history:
        out.append(f"  History had: {'; '.join(v.history)}")
    if v.checkpoint:
        out.append(f"  Missed history's checkpoint: {v.checkpoint}")
    if v.history_note:
        out.append(f"  In history then: {v.history_note}")
    for label, lines in (("moves", v.moves), ("votes", v.votes), ("events", v.events)):
        if lines:
            out.append(f"  The {label}:")
            out += [f"    {line}" for line in lines]
    return out


def _closing_text(d: Debrief) -> list[str]:
    """The party's checkpoints, the events with their sources, the bots' reasons, the questions."""
    out = []
    if d.party:
        out += ["", "=== The party ==="]
        out += [f"  {n.date}  {_MARK[n.history]:>3} / {_MARK[n.game]:<3} {n.text}" for n in d.party]
    out += ["", "=== Events and their sources ==="]
    for e in d.events:
        out.append(f"{e.date}  {e.name}")
        out += [f"    {c}" for c in e.choices]
        for s in e.sources:
            out.append(f"    Source: {_cite(s)}")
            if s.quote:
                out.append(f"      “{s.quote}”")
    out += ["", "=== The computer seats' key moves and their reasons ==="]
    out += [r.line for r in d.reasons] or ["  None recorded (a replay does not keep them; a save does)."]
    if d.questions:
        out += ["", "=== Questions for discussion ==="]
        for i, q in enumerate(d.questions, 1):
            out.append(f"{i}. {q.text}")
            out += [f"     Source: {_cite(s)}" for s in q.sources]
    return out


def _name(d: Debrief, fid: str) -> str:
    return next((f.name for f in d.factions if f.faction == fid), fid)


def lines_text(lines) -> str:
    """A citation's lines in words.

    >>> lines_text("41"), lines_text("387-387"), lines_text("2081-2087")
    ('line 41', 'line 387', 'lines 2081–2087')
    """
    first, _, last = str(lines).partition("-")
    return f"line {first}" if not last or last == first else f"lines {first}–{last}"


def _cite(s: Source) -> str:
    where = f"{s.seed}, {lines_text(s.lines)}" if s.seed else (s.outside or "")
    return f"{s.title} — {where}" if s.title and s.seed else where


def _side_by_side(f: FactionDebrief, quarters) -> list[str]:
    dates = sorted({m.date for m in f.timeline} | {m.date for m in f.history_timeline})
    if not dates:
        return ["  nothing changed, in this game or in history"]
    out = []
    for date in dates:
        game = [m.text for m in f.timeline if m.date == date] or ["—"]
        hist = [m.text for m in f.history_timeline if m.date == date] or ["—"]
        out.append(f"  {date}  this game: {'; '.join(game)}")
        out.append(f"           history:   {'; '.join(hist)}")
    return out


def _power_table(p: PowerSeries, columns: int = 8) -> list[str]:
    """The measures by quarter, ``columns`` quarters to a block so that a long game stays readable."""
    rows = []
    for at in range(0, len(p.dates), columns):
        rows.append(_TABLE + "  " + f"{'':<29}" + "".join(f"{d:>9}" for d in p.dates[at : at + columns]))
        for key, label in MEASURES:
            values = getattr(p, key)[at : at + columns]
            rows.append(_TABLE + "  " + f"{label:<29}" + "".join(f"{v:>9}" for v in values))
    return rows or ["  no quarter closed yet"]


#: a line that starts with a quarter, ``1924-Q1  ...``: its continuation goes under the text
_DATED = re.compile(r"^(\s*)(\d{4}-Q\d  +)?")
#: marks a table's row, which is never wrapped (the mark is taken off)
_TABLE = "\x00"


def _wrap(line: str, width: int) -> str:
    """A long line wrapped at ``width``, continued under its own text; a table's row left alone."""
    if line.startswith(_TABLE):
        return line[1:]
    if len(line) <= width:
        return line
    lead, date = _DATED.match(line).groups()
    indent = lead + (" " * len(date) if date else "  ")
    return textwrap.fill(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


__all__ = [
    "MEASURES",
    "Debrief",
    "DebriefError",
    "FactionDebrief",
    "build",
    "from_match",
    "from_replay",
    "from_save",
    "history",
    "is_replay",
    "text",
]
