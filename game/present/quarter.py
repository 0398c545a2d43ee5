"""The quarter in one place: what one seat saw happen over each quarter of a game, and what changed
for it.

A quarter runs from the moment it opened (its opening events, and the choices they put to the
factions, all done: the first move of the quarter that is not such a choice) to the moment the next
opened: the quarter's moves, its close (the votes, a Congress) and the events that opened the next.
While the next quarter's opening goes on, the summary runs to the phrases.
The states at those moments are made again by replaying the match's record (the engine is
deterministic), so every earlier quarter can be summed up, also after a save is loaded; each
summary is read through one seat's own view, so nothing private of another faction is in it.
"""

from __future__ import annotations

import weakref

from attrs import frozen

from game.engine import apply_unchecked, new_game, player_view
from game.engine.actions import CHOOSE
from game.present import naming, voting
from game.present.chronicle import render
from game.present.explain import quarter as quarter_date
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES

#: a faction's rung on the disciplinary ladder, in words
RUNG_WORDS = {
    "active": "in good standing",
    "censured": "censured",
    "removed": "removed from your posts",
    "expelled_cc": "expelled from the Central Committee",
    "expelled_party": "expelled from the party",
    "exiled": "in exile",
    "deported": "deported",
    "capitulated": "readmitted after capitulating",
}
NUMBERS = (("influence", "Influence"), ("prestige", "Prestige"), ("exposure", "Exposure"), ("mantle", "Lenin's mantle"))


@frozen
class Summary:
    """One quarter as one seat saw it."""

    faction: str
    turn: int
    date: str  # the quarter summed up
    next_date: str | None  # the quarter its close opened (None: the game ended)
    changes: tuple[str, ...]  # what changed for the seat, in words
    votes: tuple  # the votes at the close (VoteView)
    congress: tuple  # the Congress's entries (LogView)
    opening: tuple  # the events that opened the next quarter (LogView)
    news: tuple  # everything else the seat saw in the quarter (LogView)


class Book:
    """The states at which each quarter of a match began, kept up to date as the match moves."""

    def __init__(self, match):
        # a weak reference: the books are kept by match (:func:`book`), and a book that held its
        # match would keep every finished game in memory
        self._match = weakref.ref(match)
        self.applied: list = []  # the actions replayed so far
        self.state = new_game(match.rules, match.scenario, match.seed)
        self.first = self.state.turn
        #: turn → the state it opened with (before its first move that is not an event's choice)
        self.opened: dict[int, object] = {}
        self.end = None  # the final state, once the game is over
        #: the last quarter each seat has been shown the summary of (the window's own bookkeeping)
        self.shown: dict[str, int] = {}

    @property
    def match(self):
        return self._match()

    def update(self) -> None:
        actions = self.match.record.actions
        if self.applied != actions[: len(self.applied)]:  # moves were taken back: start again
            self._restart()
        for action in actions[len(self.applied) :]:
            if action.name != CHOOSE and self.state.turn not in self.opened:
                self.opened[self.state.turn] = self.state
            self.state = apply_unchecked(self.state, self.match.rules, action)
            self.applied.append(action)
        self.end = self.state if self.state.outcome is not None else None

    def _restart(self) -> None:
        shown = self.shown
        self.__init__(self.match)
        self.shown = shown

    def closed(self) -> list[int]:
        """The quarters whose close has come, oldest first."""
        self.update()
        return list(range(self.first, self.state.turn + (1 if self.end is not None else 0)))

    def summary(self, faction: str, turn: int) -> Summary:
        """Quarter ``turn`` as ``faction`` saw it (a quarter from :meth:`closed`)."""
        self.update()
        rules = self.match.rules
        start = rules.scenarios[self.match.scenario].start
        first = self.opened.get(turn, self.state)
        last = self.opened.get(turn + 1, self.state)
        before, after = player_view(first, rules, faction), player_view(last, rules, faction)
        entries = tuple(after.log[len(before.log) :])
        return Summary(
            faction,
            turn,
            quarter_date(start, turn),
            quarter_date(start, turn + 1) if self.end is None or turn < self.state.turn else None,
            changes(rules, before, after, faction),
            tuple(after.votes[len(before.votes) :]),
            tuple(e for e in entries if e.kind == "congress"),
            tuple(e for e in entries if e.turn > turn and e.kind not in ("vote", "congress")),
            tuple(e for e in entries if e.turn <= turn and e.kind not in ("vote", "congress")),
        )


_BOOKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def book(match) -> Book:
    """The match's book of quarters (one per match, made when first asked for)."""
    found = _BOOKS.get(match)
    if found is None:
        found = _BOOKS[match] = Book(match)
    return found


def changes(rules, before, after, faction: str) -> tuple[str, ...]:
    """What changed for ``faction`` between two of its views: its rung, numbers, offices, seats,
    regions and goals (nothing: "Nothing changed for you.")."""
    out = []
    was, now = before.factions.get(faction), after.factions.get(faction)
    if was is None or now is None:
        return ("You are no longer in the game.",) if was is not None else ()
    if was.status != now.status:
        out.append(
            f"Your standing: {RUNG_WORDS.get(was.status, was.status)} → {RUNG_WORDS.get(now.status, now.status)}"
        )
    for attr, label in NUMBERS:
        a, b = getattr(was, attr), getattr(now, attr)
        if a != b:
            out.append(f"{label}: {a} → {b} ({b - a:+d})")
    out += _offices(rules, before, after, faction)
    a, b = _mine(before, before.politburo, faction), _mine(after, after.politburo, faction)
    if a != b:
        out.append(f"Your seats in the Politburo: {a} → {b}")
    out += _regions(rules, before, after, faction)
    out += _goals(before, after)
    return tuple(out) or ("Nothing changed for you.",)


def _faction_of(view, figure: str | None) -> str | None:
    fig = view.figures.get(figure) if figure else None
    return fig.faction if fig is not None else None


def _mine(view, figures, faction: str) -> int:
    return sum(1 for f in figures if _faction_of(view, f) == faction)


def _offices(rules, before, after, faction: str) -> list[str]:
    out = []
    for office in rules.offices:
        had = _faction_of(before, before.offices.get(office)) == faction
        has = _faction_of(after, after.offices.get(office)) == faction
        name = rules.offices[office].name
        if has and not had:
            out.append(f"You gained an office: {name} ({naming.figure_name(rules, after.offices[office])})")
        elif had and not has:
            holder = after.offices.get(office)
            now = f", now held by {naming.figure_name(rules, holder)}" if holder else ", now empty"
            out.append(f"You lost an office: {name}{now}")
    return out


def _regions(rules, before, after, faction: str) -> list[str]:
    gained = [
        r for r, rv in after.regions.items() if rv.secretary == faction and before.regions[r].secretary != faction
    ]
    lost = [r for r, rv in before.regions.items() if rv.secretary == faction and after.regions[r].secretary != faction]
    out = []
    if gained:
        out.append("Your secretaries now run: " + ", ".join(rules.regions[r].name for r in gained))
    if lost:
        out.append("Your secretaries no longer run: " + ", ".join(rules.regions[r].name for r in lost))
    return out


def _goals(before, after) -> list[str]:
    a, b = before.objectives, after.objectives
    if a is None or b is None:
        return []
    out = []
    was = {g.id: g.status for g in a.goals}
    for g in b.goals:
        if was.get(g.id) != g.status:
            out.append(f"Goal “{g.name}”: {was.get(g.id, 'new')} → {g.status}")
    if (a.points, a.result) != (b.points, b.result):
        out.append(
            f"Your score if the game ended now: {points_text(a.points)} ({RESULT_NAMES[a.result]}) → "
            f"{points_text(b.points)} ({RESULT_NAMES[b.result]})"
        )
    return out


def summary_text(rules, s: Summary) -> str:
    """A summary in words, section by section (the votes' breakdowns in full)."""
    span = s.date + (f" and the opening of {s.next_date}" if s.next_date else "")
    parts = [f"What changed for you over {span}\n" + "\n".join(f"  • {line}" for line in s.changes)]
    if s.votes:
        revealed = [
            f"  ‼ {naming.voter_name(rules, v.body, b.who)} turned out to be a secret contact of "
            f"{naming.faction_name(rules, b.secret)}"
            for v in s.votes
            for b in v.ballots
            if b.secret is not None and b.secret != s.faction
        ]
        if revealed:
            parts.append("Secret contacts revealed by the votes\n" + "\n".join(revealed))
        parts += ["\n".join(voting.vote_lines(rules, v, s.faction)) for v in s.votes]
    else:
        parts.append(f"No vote was taken at the close of {s.date}.")
    if s.congress:
        lines = [f"  • {render(rules, e)}" for e in s.congress]
        lines += [f"      {line}" for e in s.congress for line in voting.congress_lines(rules, e)]
        parts.append("The Congress\n" + "\n".join(lines))
    if s.opening:
        parts.append(
            f"The events that opened {s.next_date or 'the next quarter'}\n"
            + "\n".join(f"  • {_entry(rules, e)}" for e in s.opening)
        )
    if s.news:
        parts.append(f"The news of {s.date}\n" + "\n".join(f"  • {_entry(rules, e)}" for e in s.news))
    return "\n\n".join(parts)


def _entry(rules, e) -> str:
    return ("(for your eyes only) " if e.kind == "secret" else "") + render(rules, e)
