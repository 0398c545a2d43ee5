"""Forecasts from what a faction can see: how a motion would be voted, what an action would change.

Everything here starts from a :class:`~game.engine.views.View`, never from the state: the game is
rebuilt as the faction sees it (public facts, its own secret contacts, no one else's) and the
engine's own rules run on that copy.  So a forecast can be wrong exactly where the real game
holds a secret — a rival's contacts turn a vote — which is the moment the design wants a player
to feel.

>>> from game.ruleset import load_base
>>> from game.engine import new_game, player_view
>>> rules = load_base()
>>> view = player_view(new_game(rules, "succession_1923", seed=1), rules, "trotsky")
>>> f = motion_forecast(view, rules, "remove_office", ("general_secretary",), "trotsky")
>>> f.body, f.passes
('central_committee', False)
"""

from __future__ import annotations

from attrs import frozen

from game.engine.actions import CHOOSE, Action
from game.engine.game import take_action
from game.engine.motions import body_of
from game.engine.state import FactionState, FigureState, Proposal, RegionState, State
from game.engine.views import BallotView, View, player_view
from game.engine.votes import vote
from game.engine.words import motion_label

#: action kinds whose outcome depends on a draw from the generator: no forecast of their effect
CHANCE_KINDS = ("underground", "military", "provocation")


@frozen
class VoteForecast:
    """How a motion would be voted now, as far as the faction can tell."""

    body: str
    yes: int
    no: int
    abstain: int
    passes: bool
    threshold: int
    ballots: tuple[BallotView, ...]


@frozen
class Change:
    """One number an action would change: ``what`` is a key such as ``("prestige", "stalin")``,
    ``("tracker", "mass_mood")``, ``("delegates", "trotsky")`` or ``("hold", "ukraine")``."""

    what: tuple[str, str]
    before: int | str | None
    after: int | str | None


@frozen
class Preview:
    """What an action would do, seen from the acting faction."""

    changes: tuple[Change, ...] = ()
    vote: VoteForecast | None = None
    chance: bool = False  # the outcome depends on chance: only its price is certain


def seen_state(view: View, rules) -> State:
    """The game as ``view.you`` sees it: public facts and that faction's own secret contacts,
    nobody else's; the generator at zero."""
    year, quarter = int(view.date[:4]), int(view.date[-1])
    index = (year * 4 + quarter - 1) - view.turn
    state = State(
        scenario=view.scenario,
        seed=0,
        start_year=index // 4,
        start_quarter=index % 4 + 1,
        turns=view.turns,
        factions={
            f: FactionState(v.influence, v.prestige, v.exposure, v.mantle, v.status, v.ap, done=v.done)
            for f, v in view.factions.items()
        },
        figures={f: _figure(view, f, v) for f, v in view.figures.items()},
        offices=dict(view.offices),
        politburo=list(view.politburo),
        cc=dict(view.central_committee),
        ccc=dict(view.control_commission),
        regions={r: RegionState(v.secretary, v.loyalty, dict(v.sympathy)) for r, v in view.regions.items()},
        trackers=dict(view.trackers),
        turn=view.turn,
        phase=view.phase,
        active=view.active,
    )
    state.blocs = [tuple(p) for p in view.blocs]
    state.agenda = [Proposal(a.proposer, a.motion, tuple(a.args)) for a in view.agenda]
    state.congress_due = view.congress_due
    state.secretariat = list(view.secretariat)
    state.seats = dict(view.seats)
    state.stances = {f: dict(v) for f, v in view.stances.items()}
    _public_record(state, view.record)
    state.cultivation = {f: {} for f in view.factions}
    if view.you is not None:
        state.cultivation[view.you] = dict(view.cultivation)
    return state


def _public_record(state: State, record) -> None:
    """The bookkeeping a player could note from the table: initiative, flags, the marks that time
    actions, what has been done this quarter (see :func:`game.engine.views.public_record`)."""
    state.order = list(record.get("order", ()))
    state.flags = set(record.get("flags", ()))
    state.fired = set(record.get("fired", ()))
    state.marks = dict(record.get("marks", {}))
    state.acted = {tuple(a) for a in record.get("acted", ())}
    state.last_congress_turn = record.get("last_congress_turn", state.last_congress_turn)
    for fid, extra in record.get("factions", {}).items():
        fs = state.factions[fid]
        fs.signatures, fs.base_ap, fs.readmit_turn = extra["signatures"], extra["base_ap"], extra["readmit_turn"]
    for rid, turn in record.get("appointed", {}).items():
        state.regions[rid].appointed_turn = turn


def _figure(view: View, fid: str, fig) -> FigureState:
    """The figure's public affinity: the view counts the viewer's secret contact in; the state
    keeps it apart, in the viewer's cultivation."""
    affinity = dict(fig.affinity)
    if fid in view.cultivation:
        affinity[view.you] = affinity.get(view.you, 0) - view.cultivation[fid]
    return FigureState(fig.faction, fig.status, affinity)


def motion_forecast(
    view: View, rules, motion_id: str, args: tuple[str, ...], proposer: str | None = None, state: State | None = None
) -> VoteForecast:
    """How the body would vote on the motion if it met now, from what the faction sees."""
    state = seen_state(view, rules) if state is None else state
    proposer = proposer or view.you
    body = body_of(rules, motion_id, args)
    prop = Proposal(proposer, motion_id, tuple(args))
    result = vote(state, rules, body, prop, motion_label(rules, motion_id, args))
    threshold = rules.motions[motion_id].threshold or rules.bodies[body].threshold
    ballots = tuple(BallotView(b.voter, b.side, b.weight, b.reason, b.who, b.secret) for b in result.ballots)
    return VoteForecast(
        body,
        result.total("yes"),
        result.total("no"),
        result.total("abstain"),
        result.passed(threshold),
        threshold,
        ballots,
    )


def action_preview(view: View, rules, action: Action) -> Preview:
    """What taking ``action`` would change, as far as its faction can tell (a motion: how it
    would be voted; a chancy action: only that it is a gamble)."""
    if action.name == CHOOSE:
        return Preview()
    rule = rules.actions[action.name]
    state = seen_state(view, rules)
    if rule.kind == "propose":
        return Preview(vote=motion_forecast(view, rules, action.args[0], action.args[1:], action.faction, state))
    if rule.kind in CHANCE_KINDS:
        return Preview(chance=True)
    after = state.clone()
    take_action(after, rules, action)
    return Preview(changes=tuple(_changes(player_view(state, rules, view.you), player_view(after, rules, view.you))))


def _changes(a: View, b: View) -> list[Change]:
    out = []
    for f, fa in a.factions.items():
        fb = b.factions[f]
        for name in ("influence", "prestige", "exposure", "mantle", "status"):
            if getattr(fa, name) != getattr(fb, name):
                out.append(Change((name, f), getattr(fa, name), getattr(fb, name)))
    for t, v in a.trackers.items():
        if b.trackers[t] != v:
            out.append(Change(("tracker", t), v, b.trackers[t]))
    for r, ra in a.regions.items():
        rb = b.regions[r]
        if ra.secretary != rb.secretary:
            out.append(Change(("secretary", r), ra.secretary, rb.secretary))
        if ra.loyalty != rb.loyalty:
            out.append(Change(("hold", r), ra.loyalty, rb.loyalty))
        for f in sorted(set(ra.sympathy) | set(rb.sympathy)):
            if ra.sympathy.get(f, 0) != rb.sympathy.get(f, 0):
                out.append(Change(("sympathy", f"{r}:{f}"), ra.sympathy.get(f, 0), rb.sympathy.get(f, 0)))
    for f in sorted(set(a.forecast) | set(b.forecast)):
        if a.forecast.get(f, 0) != b.forecast.get(f, 0):
            out.append(Change(("delegates", f), a.forecast.get(f, 0), b.forecast.get(f, 0)))
    for fig, ca in b.cultivation.items():
        if a.cultivation.get(fig, 0) != ca:
            out.append(Change(("contact", fig), a.cultivation.get(fig, 0), ca))
    if set(a.blocs) != set(b.blocs):
        out.append(Change(("blocs", ""), len(a.blocs), len(b.blocs)))
    return out
