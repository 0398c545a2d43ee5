"""The game state: plain data, copied before every change so callers never see mutation.

``State.clone`` is a hand-written copy (much faster than ``copy.deepcopy``); ``to_dict`` gives a
canonical, JSON-ready form used for hashing, saves and tests.
"""

from __future__ import annotations

import hashlib
import json

from attrs import define, field

from game.engine import rng
from game.ruleset.records import LADDER
from game.ruleset.rules import Rules

UNALIGNED = "unaligned"


@define
class FactionState:
    influence: int = 0
    prestige: int = 0
    exposure: int = 0
    mantle: int = 0
    status: str = "active"
    ap: int = 0
    base_ap: int = 3
    done: bool = False  # passed for this turn
    signatures: int = 0
    readmit_turn: int = -1

    def clone(self) -> FactionState:
        return FactionState(
            self.influence,
            self.prestige,
            self.exposure,
            self.mantle,
            self.status,
            self.ap,
            self.base_ap,
            self.done,
            self.signatures,
            self.readmit_turn,
        )


@define
class FigureState:
    faction: str | None
    status: str
    affinity: dict[str, int]

    def clone(self) -> FigureState:
        return FigureState(self.faction, self.status, dict(self.affinity))

    @property
    def in_party(self) -> bool:
        return self.status in ("active", "incapacitated")


@define
class RegionState:
    secretary: str | None
    loyalty: int
    sympathy: dict[str, int]
    appointed_turn: int = -1

    def clone(self) -> RegionState:
        return RegionState(self.secretary, self.loyalty, dict(self.sympathy), self.appointed_turn)


@define
class Proposal:
    """A motion on the agenda: who proposed it, which motion, and its arguments."""

    proposer: str
    motion: str
    args: tuple[str, ...]

    def key(self) -> tuple:
        return (self.motion, self.args)


@define
class LogEntry:
    """A line of the chronicle as data; its words are made by :mod:`game.present.chronicle`."""

    turn: int
    #: None = public; otherwise only these factions see it
    visible_to: tuple[str, ...] | None = None
    kind: str = "event"
    #: what happened, as data: the event's name and its (key, value) pairs (see game.engine.chronicle)
    event: str = ""
    data: tuple = ()


@define
class State:
    scenario: str
    seed: int
    start_year: int
    start_quarter: int
    turns: int
    factions: dict[str, FactionState]
    figures: dict[str, FigureState]
    offices: dict[str, str | None]
    politburo: list[str]
    cc: dict[str, int]
    ccc: dict[str, int]
    regions: dict[str, RegionState]
    trackers: dict[str, int]
    rng: int = 0
    turn: int = 0
    phase: str = "actions"
    order: list[str] = field(factory=list)
    active: str | None = None
    cultivation: dict[str, dict[str, int]] = field(factory=dict)
    blocs: list[tuple[str, str]] = field(factory=list)
    offers: list[tuple[str, str, int]] = field(factory=list)  # (from, to, turn made)
    agenda: list[Proposal] = field(factory=list)
    congress_due: str | None = None
    last_congress_turn: int = -99
    flags: set[str] = field(factory=set)
    fired: set[str] = field(factory=set)
    event_queue: list[str] = field(factory=list)
    pending_choice: tuple[str, str] | None = None
    acted: set[tuple] = field(factory=set)  # (faction, kind, arg) done this turn, to stop repeats
    log: list[LogEntry] = field(factory=list)
    outcome: tuple[str, str | None] | None = None
    scores: list[dict[str, int]] = field(factory=list)
    votes: list[dict] = field(factory=list)  # public breakdowns of every vote, never mutated
    marks: dict[str, int] = field(factory=dict)  # turn a once-in-a-while action was last taken
    secretariat: list[str] = field(factory=list)  # the secretaries of the CC, General Secretary first
    seats: dict[str, int] = field(factory=dict)  # body id → seats, where it differs from the rules
    stances: dict[str, dict[str, int]] = field(factory=dict)  # faction → issue → stance now
    congress_shares: dict[str, int] = field(factory=dict)  # delegates at the last Congress held
    achieved: set[str] = field(factory=set)  # "faction:goal" of 'ever' goals met so far
    failed: set[str] = field(factory=set)  # "faction:goal" of 'always' goals broken so far
    results: dict[str, tuple[int, str]] = field(factory=dict)  # faction → (points, result), at the end
    #: what secret moves will make public at the quarter's close (:func:`game.engine.phases.reveal`):
    #: ``("rumour", figure)`` and ``("entrench", faction, region, loyalty)``, in the order made
    pending: list[tuple] = field(factory=list)
    #: search only: keep no chronicle (``say`` drops its text) and no record of votes; never part
    #: of the canonical form
    quiet: bool = False

    def stance(self, faction: str, issue: str) -> int:
        """The faction's stance on an issue now (-100 left .. 100 right; 0 = none)."""
        return self.stances.get(faction, {}).get(issue, 0)

    def seat_count(self, rules: Rules, body: str) -> int:
        """Seats of a body now: the scenario or a Congress may have changed the rule files' count."""
        return self.seats.get(body, rules.bodies[body].seats)

    def clone(self) -> State:
        return State(
            self.scenario,
            self.seed,
            self.start_year,
            self.start_quarter,
            self.turns,
            {k: v.clone() for k, v in self.factions.items()},
            {k: v.clone() for k, v in self.figures.items()},
            dict(self.offices),
            list(self.politburo),
            dict(self.cc),
            dict(self.ccc),
            {k: v.clone() for k, v in self.regions.items()},
            dict(self.trackers),
            self.rng,
            self.turn,
            self.phase,
            list(self.order),
            self.active,
            {k: dict(v) for k, v in self.cultivation.items()},
            list(self.blocs),
            list(self.offers),
            [Proposal(p.proposer, p.motion, p.args) for p in self.agenda],
            self.congress_due,
            self.last_congress_turn,
            set(self.flags),
            set(self.fired),
            list(self.event_queue),
            self.pending_choice,
            set(self.acted),
            list(self.log),  # entries are never mutated, so a shallow copy is enough
            self.outcome,
            list(self.scores),
            list(self.votes),
            dict(self.marks),
            list(self.secretariat),
            dict(self.seats),
            {k: dict(v) for k, v in self.stances.items()},
            dict(self.congress_shares),
            set(self.achieved),
            set(self.failed),
            dict(self.results),
            list(self.pending),
            self.quiet,
        )

    # --- small helpers used everywhere -------------------------------------------------------

    def roll(self, n: int) -> int:
        """A draw in range(n) from the state's own generator (advances it)."""
        value, self.rng = rng.below(self.rng, n)
        return value

    def date(self, turn: int | None = None) -> tuple[int, int]:
        """(year, quarter 1-4) of a turn."""
        t = self.turn if turn is None else turn
        index = self.start_quarter - 1 + t
        return self.start_year + index // 4, index % 4 + 1

    def date_text(self, turn: int | None = None) -> str:
        year, quarter = self.date(turn)
        return f"{year}-Q{quarter}"

    def in_bloc(self, a: str, b: str) -> bool:
        return ((a, b) if a < b else (b, a)) in self.blocs  # blocs are kept as sorted pairs

    def holder_faction(self, office: str) -> str | None:
        holder = self.offices.get(office)
        return self.figures[holder].faction if holder else None

    def rung(self, faction: str) -> int:
        status = self.factions[faction].status
        return LADDER.index(status) if status in LADDER else 0

    # --- canonical form ------------------------------------------------------------------------

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "seed": self.seed,
            "turn": self.turn,
            "phase": self.phase,
            "rng": self.rng,
            "active": self.active,
            "order": self.order,
            "factions": {k: _fields(v) for k, v in sorted(self.factions.items())},
            "figures": {k: _fields(v) for k, v in sorted(self.figures.items())},
            "offices": dict(sorted(self.offices.items())),
            "politburo": self.politburo,
            "cc": dict(sorted(self.cc.items())),
            "ccc": dict(sorted(self.ccc.items())),
            "regions": {k: _fields(v) for k, v in sorted(self.regions.items())},
            "trackers": dict(sorted(self.trackers.items())),
            "cultivation": {k: dict(sorted(v.items())) for k, v in sorted(self.cultivation.items())},
            "blocs": sorted(self.blocs),
            "offers": sorted(self.offers),
            "agenda": [[p.proposer, p.motion, list(p.args)] for p in self.agenda],
            "congress_due": self.congress_due,
            "last_congress_turn": self.last_congress_turn,
            "flags": sorted(self.flags),
            "fired": sorted(self.fired),
            "event_queue": self.event_queue,
            "pending_choice": self.pending_choice,
            "acted": sorted(map(list, self.acted)),
            # the log and the votes hold data only (ids, numbers, codes): their words are made by
            # game.present, so mending a word changes no game's digest and no replay's final hash
            "log": [[e.turn, e.visible_to, e.kind, e.event, e.data] for e in self.log],
            "outcome": self.outcome,
            "scores": self.scores,
            "votes": self.votes,
            "marks": dict(sorted(self.marks.items())),
            "secretariat": self.secretariat,
            "seats": dict(sorted(self.seats.items())),
            "stances": {k: dict(sorted(v.items())) for k, v in sorted(self.stances.items())},
            "congress_shares": dict(sorted(self.congress_shares.items())),
            "achieved": sorted(self.achieved),
            "failed": sorted(self.failed),
            "results": {k: list(v) for k, v in sorted(self.results.items())},
            "pending": [list(p) for p in self.pending],
        }

    def fingerprint(self) -> int:
        """A cheap structural hash for search (tables of positions seen): equal states give equal
        fingerprints within one process.  Not stable across processes (Python salts string
        hashes) and not a proof of equality: saves and replays use :meth:`digest`."""
        return hash(
            (
                self.turn,
                self.phase,
                self.active,
                self.rng,
                self.outcome,
                self.congress_due,
                self.pending_choice,
                tuple(
                    (k, v.influence, v.prestige, v.exposure, v.mantle, v.status, v.ap, v.done, v.signatures)
                    for k, v in self.factions.items()
                ),
                tuple((v.faction, v.status) for v in self.figures.values()),
                tuple(self.offices.values()),
                tuple(self.politburo),
                tuple(self.cc.items()),
                tuple(self.ccc.items()),
                tuple((r.secretary, r.loyalty, tuple(r.sympathy.items())) for r in self.regions.values()),
                tuple(self.trackers.values()),
                tuple((k, tuple(v.items())) for k, v in self.cultivation.items()),
                tuple(self.blocs),
                tuple(self.offers),
                tuple(p.key() for p in self.agenda),
                frozenset(self.flags),
                frozenset(self.acted),
                tuple(self.secretariat),
                len(self.event_queue),
                len(self.fired),
                tuple(self.pending),
            )
        )

    def digest(self) -> str:
        """A hash of the whole state; equal digests mean equal games."""
        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def turn_date(start_year: int, start_quarter: int, turn: int) -> tuple[int, int]:
    """(year, quarter) of a turn counted from a start quarter.

    >>> turn_date(1923, 1, 27)
    (1929, 4)
    """
    index = start_quarter - 1 + turn
    return start_year + index // 4, index % 4 + 1


def _fields(obj) -> dict:
    out = {}
    for name in obj.__attrs_attrs__:
        value = getattr(obj, name.name)
        out[name.name] = dict(sorted(value.items())) if isinstance(value, dict) else value
    return out
