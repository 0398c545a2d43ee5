"""The one door secrets leave by: what a faction may see of the game.

A view is an immutable snapshot: frozen attrs records whose containers are tuples and read-only
mappings built fresh for each view, so nothing in it is shared with the state and nothing a
reader does to it can change the game.  Private to each faction: its influence and action points,
its cultivation of figures, the machines it strengthened this quarter (whose hold grows for everyone
at the close), the bloc offers it made or received, and its private log.  The generator state never
leaves the engine.

Records are read by attribute only (``view.factions["trotsky"].status``): the mappings inside a
view are mappings, the records are not, so a field is never read by a string or a position.

>>> from game.ruleset.loader import load_base
>>> from game.engine import new_game
>>> rules = load_base()
>>> view = player_view(new_game(rules, "succession_1923", seed=1), rules, "trotsky")
>>> view.you, view.factions["trotsky"].status
('trotsky', 'active')
>>> view.factions["trotsky"].influence is None, view.factions["stalin"].influence is None
(False, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import evolve, frozen

from game.engine.congress import Why, delegate_shares, delegations
from game.engine.motions import body_of
from game.engine.objectives import standing
from game.engine.state import State
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import ACTION_KINDS, COMPOSED


def frozen_map(items) -> Mapping:
    """A read-only mapping over a fresh dict (``items``: a mapping or pairs)."""
    return MappingProxyType(dict(items))


def deep_freeze(value):
    """Maps become read-only mappings and lists tuples, all the way down (fresh copies)."""
    if isinstance(value, dict):
        return MappingProxyType({k: deep_freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(deep_freeze(v) for v in value)
    return value


@frozen
class FactionView:
    status: str
    prestige: int
    #: the faction's own only: None in anyone else's view (and in the public view)
    influence: int | None
    exposure: int
    mantle: int
    #: action points left this quarter: the faction's own only, like ``influence``
    ap: int | None
    #: whether it has ended its quarter: public, as at the table
    done: bool


@frozen
class FigureView:
    faction: str | None
    status: str
    #: public affinity, plus the viewer's own secret cultivation of this figure
    affinity: Mapping[str, int]


@frozen
class RegionView:
    secretary: str | None
    loyalty: int  # the secretary's hold
    sympathy: Mapping[str, int]
    delegates: int = 0  # the region's delegates at a Congress
    #: whom the whole delegation would follow if the Congress met now (None: nobody), and why: the
    #: engine's own comparison (hold, the bureaucracy's bonus, the strongest rival sympathy, ...)
    follows: str | None = None
    why: Why | None = None


@frozen
class LogView:
    """A line of the chronicle the viewer may see, as data: its words are made by
    :func:`game.present.chronicle.render`."""

    turn: int
    kind: str
    #: what happened as data (see :mod:`game.engine.chronicle`): the event's name, its ids and numbers
    event: str = ""
    data: Mapping = frozen_map(())


@frozen
class BallotView:
    """A ballot as data; :func:`game.present.naming.voter_name` names its voter."""

    side: str  # yes | no | abstain
    weight: int
    reason: str  # a code of :data:`game.engine.votes.REASONS`
    who: str = ""  # figure id, faction id or "unaligned"
    #: the faction that had secretly won this voter over, shown by the vote itself
    secret: str | None = None
    #: the reason's numbers and ids (a swing voter's terms and score, a bloc's partner, ...)
    detail: Mapping = frozen_map(())


@frozen
class VoteView:
    """A vote taken, as data: the motion by id with its arguments and mover (its words are
    :func:`game.present.chronicle.moved`'s), the result and every ballot."""

    turn: int
    body: str
    passed: bool
    ballots: tuple[BallotView, ...]
    motion_id: str
    proposer: str
    args: tuple[str, ...]

    def total(self, side: str) -> int:
        return sum(b.weight for b in self.ballots if b.side == side)


@frozen
class AgendaView:
    proposer: str
    motion: str
    args: tuple[str, ...]
    body: str = ""  # the body that will vote
    #: True: it waits for the next Congress; False: voted at the close of this quarter
    at_congress: bool = False


@frozen
class GoalView:
    id: str
    name: str
    points: int
    when: str
    by: str | None
    status: str


@frozen
class ObjectivesView:
    points: int
    result: str
    history: str
    goals: tuple[GoalView, ...]


@frozen
class View:
    you: str | None
    scenario: str
    turn: int
    turns: int
    date: str
    phase: str
    active: str | None
    factions: Mapping[str, FactionView]
    figures: Mapping[str, FigureView]
    offices: Mapping[str, str | None]
    politburo: tuple[str, ...]
    secretariat: tuple[str, ...]
    seats: Mapping[str, int]
    central_committee: Mapping[str, int]
    control_commission: Mapping[str, int]
    regions: Mapping[str, RegionView]
    trackers: Mapping[str, int]
    stances: Mapping[str, Mapping[str, int]]
    blocs: tuple[tuple[str, str], ...]
    offers: tuple[tuple[str, str], ...]
    agenda: tuple[AgendaView, ...]
    congress_due: str | None
    cultivation: Mapping[str, int]
    pending_choice: tuple[str, str] | None
    log: tuple[LogView, ...]
    votes: tuple[VoteView, ...]
    forecast: Mapping[str, int]
    outcome: tuple[str, str | None] | None
    objectives: ObjectivesView | None
    results: Mapping[str, tuple[int, str]]
    #: the public bookkeeping (:func:`public_record`), read by search to rebuild a consistent state
    record: Mapping

    def in_bloc(self, a: str, b: str) -> bool:
        """Whether two factions are in a bloc (in either order)."""
        return (min(a, b), max(a, b)) in self.blocs


def player_view(state: State, rules: Rules, faction: str | None) -> View:
    """What ``faction`` sees (``None``: the public view, e.g. for a shared screen)."""
    mine = state.cultivation.get(faction, {}) if faction else {}
    seen = _with_own_machines(state, faction)
    delegated = delegations(seen, rules)  # once, for the regions and the forecast
    pending = state.pending_choice
    return View(
        you=faction,
        scenario=state.scenario,
        turn=state.turn,
        turns=state.turns,
        date=state.date_text(),
        phase=state.phase,
        active=state.active,
        factions=frozen_map(
            (fid, _faction(fs, fid == faction and faction is not None)) for fid, fs in state.factions.items()
        ),
        figures=frozen_map((fid, _figure(fig, faction, mine.get(fid))) for fid, fig in state.figures.items()),
        offices=frozen_map(state.offices),
        politburo=tuple(state.politburo),
        secretariat=tuple(state.secretariat),
        seats=frozen_map((b, state.seat_count(rules, b)) for b in rules.bodies),
        central_committee=frozen_map(state.cc),
        control_commission=frozen_map(state.ccc),
        regions=_regions(seen, rules, delegated),
        trackers=frozen_map(state.trackers),
        stances=frozen_map((f, frozen_map(v)) for f, v in state.stances.items()),
        blocs=tuple((a, b) for a, b in state.blocs),
        offers=tuple((o[0], o[1]) for o in state.offers if faction in o[:2]),
        agenda=tuple(_agenda(state, rules, p) for p in state.agenda),
        congress_due=state.congress_due,
        cultivation=frozen_map(mine),
        pending_choice=(pending[0], pending[1]) if pending and pending[1] == faction else None,
        log=tuple(
            LogView(e.turn, e.kind, e.event, frozen_map(e.data))
            for e in state.log
            if e.visible_to is None or (faction is not None and faction in e.visible_to)
        ),
        votes=tuple(_vote(v) for v in state.votes),
        forecast=frozen_map(delegate_shares(seen, rules, delegated)),
        outcome=tuple(state.outcome) if state.outcome else None,
        objectives=_objectives(state, rules, faction),
        results=frozen_map((f, (r[0], r[1])) for f, r in state.results.items()),
        record=deep_freeze(public_record(state, rules, faction)),
    )


def _faction(fs, own: bool) -> FactionView:
    """A faction as a viewer sees it: its influence and action points only if it is the viewer's."""
    influence, ap = (fs.influence, fs.ap) if own else (None, None)
    return FactionView(fs.status, fs.prestige, influence, fs.exposure, fs.mantle, ap, fs.done)


def own_machines(state: State, faction: str | None) -> dict[str, int]:
    """Region → the hold the faction's secret strengthening of its machine there will add at the
    quarter's close, as far as it goes (within 100, and only while the region's secretary is still
    the faction's); only the faction knows of it until then."""
    out: dict[str, int] = {}
    for p in state.pending:
        if p[0] == "entrench" and p[1] == faction:
            out[p[2]] = out.get(p[2], 0) + p[3]
    regions = state.regions
    added = {
        rid: min(100, regions[rid].loyalty + more) - regions[rid].loyalty
        for rid, more in out.items()
        if regions[rid].secretary == faction
    }
    return {rid: n for rid, n in added.items() if n > 0}


def own_pending(record: dict, faction: str | None) -> list[tuple]:
    """The faction's own secret moves waiting for the quarter's close, as ``State.pending`` keeps
    them, rebuilt from its view's public record (the machines it strengthened, a mod's secret
    composed actions): what a state rebuilt from that view must hold."""
    machines = record.get("my_machines", {})
    out = [("entrench", faction, rid, n) for rid, n in sorted(machines.items())]
    return out + [("composed", faction, aid, target) for aid, target in record.get("my_composed", [])]


def _with_own_machines(state: State, faction: str | None) -> State:
    """The state as ``faction`` reckons it: its own machines already strengthened (a shallow copy
    with new regions; the state itself when it has strengthened none this quarter)."""
    extra = own_machines(state, faction) if state.pending else {}
    if not extra:
        return state
    regions = dict(state.regions)
    for rid, more in extra.items():
        reg = regions[rid] = regions[rid].clone()
        reg.loyalty += more
    return evolve(state, regions=regions)


def secret_names(rules: Rules) -> frozenset[str]:
    """What ``state.acted`` records the secret actions under (their kind, or a composed action's
    id): the once-a-quarter marks only the actor may see."""
    kinds = {k for k, decl in ACTION_KINDS.items() if decl.secret}
    return frozenset(kinds | {aid for aid, r in rules.actions.items() if r.secret and r.kind == COMPOSED})


def public_record(state: State, rules: Rules, faction: str | None) -> dict:
    """The game's public bookkeeping a player could note down from the table: the initiative
    order, the flags and events history has set, the marks that time actions, what each faction
    has done this turn (its secret moves aside), the goals met or broken so far, and the numbers
    the screens do not show.  Enough, with the rest of the view, to rebuild a consistent state
    (:func:`game.engine.sample.sample_state`)."""
    return {
        "order": list(state.order),
        "last_congress_turn": state.last_congress_turn,
        "flags": sorted(state.flags),
        "fired": sorted(state.fired),
        "event_queue": list(state.event_queue),
        "pending_choice": list(state.pending_choice) if state.pending_choice else None,
        "marks": dict(state.marks),
        "acted": _acted(state, rules, faction),
        "achieved": sorted(state.achieved),
        "failed": sorted(state.failed),
        "congress_shares": dict(state.congress_shares),
        "scores": [dict(s) for s in state.scores],
        "seats": dict(state.seats),
        "factions": {
            f: {"signatures": fs.signatures, "base_ap": fs.base_ap, "readmit_turn": fs.readmit_turn}
            for f, fs in state.factions.items()
        },
        "appointed": {r: reg.appointed_turn for r, reg in state.regions.items()},
        "my_offers": [list(o) for o in state.offers if faction in o[:2]],
        "my_machines": own_machines(state, faction) if faction is not None else {},
        # the faction's own secret composed actions (a mod's) waiting for the close
        "my_composed": [list(p[2:]) for p in state.pending if p[0] == "composed" and p[1] == faction],
    }


def _acted(state: State, rules: Rules, faction: str | None) -> list[list]:
    """What each faction has done this quarter that is limited to once a quarter: a secret move
    only in its own faction's view."""
    if not state.acted:
        return []
    hidden = secret_names(rules)
    return sorted(list(a) for a in state.acted if a[0] == faction or a[1] not in hidden)


def _figure(fig, faction: str | None, secret: int | None) -> FigureView:
    aff = dict(fig.affinity)
    if secret is not None:
        aff[faction] = aff.get(faction, 0) + secret
    return FigureView(fig.faction, fig.status, MappingProxyType(aff))


def _regions(state: State, rules: Rules, delegated: list) -> Mapping[str, RegionView]:
    follows = {rid: (fid, why) for rid, fid, _n, why in delegated}
    return frozen_map(
        (
            rid,
            RegionView(
                reg.secretary,
                reg.loyalty,
                frozen_map(reg.sympathy),
                rules.regions[rid].delegates,
                *follows.get(rid, (None, None)),
            ),
        )
        for rid, reg in state.regions.items()
    )


def _agenda(state: State, rules: Rules, p) -> AgendaView:
    body = body_of(rules, p.motion, p.args)
    waits = rules.bodies[body].kind == "congress" and state.congress_due is None
    return AgendaView(p.proposer, p.motion, tuple(p.args), body, waits)


def _vote(v: dict) -> VoteView:
    ballots = tuple(BallotView(*b[:5], deep_freeze(b[5] or {})) for b in v["ballots"])
    return VoteView(
        v["turn"],
        v["body"],
        v["passed"],
        ballots,
        v["motion_id"],
        v["proposer"],
        tuple(v["args"]),
    )


def _objectives(state: State, rules: Rules, faction: str | None) -> ObjectivesView | None:
    """The faction's goals, how it stands on each, and the result if the game ended now."""
    st = standing(state, rules, faction) if faction else None
    if st is None:
        return None
    goals = tuple(GoalView(g.goal, g.name, g.points, g.when, g.by, g.status) for g in st.goals)
    return ObjectivesView(st.points, st.result, st.history, goals)


def forecast(state: State, rules: Rules) -> dict[str, int]:
    """'If the Congress met now': delegates per faction, from public facts only (secretaries,
    their hold, the rank and file's sympathy)."""
    return delegate_shares(state, rules)
