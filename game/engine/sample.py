"""Determinisation: a full, consistent state built from what one faction can see.

Search needs whole states to play forward, but a player knows only its view.  ``sample_state``
rebuilds everything the view shows (offices, bodies, regions, trackers, the public record) and
draws what it hides from a generator of its own: the other factions' secret cultivation of
figures, bloc offers between other factions, and the game's dice.  The other factions' influence
and action points, which no view shows, are estimated from public facts alone
(:func:`estimate_hidden`).  It never reads the true
state, so two games that differ only in hidden things give the same samples for the same seed.

>>> from game.ruleset.loader import load_base
>>> from game.engine import new_game, player_view
>>> rules = load_base()
>>> view = player_view(new_game(rules, "crisis_1923", seed=3), rules, "trotsky")
>>> a, b = sample_state(view, rules, 5), sample_state(view, rules, 5)
>>> a.digest() == b.digest()
True
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine import rng
from game.engine.phases import full_ap, incomes
from game.engine.state import FactionState, FigureState, Proposal, RegionState, State
from game.engine.views import own_pending
from game.ruleset.rules import Rules

#: chance in 100 that two other factions are sampled as negotiating a bloc this quarter
OFFER_CHANCE = 10
#: each other faction is sampled as having cultivated about one figure every this many quarters
CULTIVATION_PACE = 2


def sample_state(view, rules: Rules, seed: int) -> State:
    """A state consistent with ``view`` (a :func:`game.engine.player_view` of one faction), with
    the hidden parts drawn from ``seed``.  The true state is never consulted."""
    me = view.you
    rec = view.record
    sc = rules.scenarios[view.scenario]
    gen = rng.derive(seed, "sample:" + (me or ""))
    mine = dict(view.cultivation)
    figures = {}
    for fid, fig in view.figures.items():
        affinity = dict(fig.affinity)
        if fid in mine and me in affinity:  # the view adds our own cultivation: take it out again
            affinity[me] -= mine[fid]
        figures[fid] = FigureState(fig.faction, fig.status, affinity)
    factions = {}
    for fid, fs in view.factions.items():
        extra = rec["factions"][fid]
        factions[fid] = FactionState(
            fs.influence or 0,  # another's: estimated below, once the state is whole
            fs.prestige,
            fs.exposure,
            fs.mantle,
            fs.status,
            fs.ap or 0,
            extra["base_ap"],
            fs.done,
            extra["signatures"],
            extra["readmit_turn"],
        )
    machines = rec.get("my_machines", {})  # the view counts our own strengthened machines in: out again
    regions = {
        rid: RegionState(reg.secretary, reg.loyalty - machines.get(rid, 0), dict(reg.sympathy), rec["appointed"][rid])
        for rid, reg in view.regions.items()
    }
    state = State(
        scenario=view.scenario,
        seed=seed,
        start_year=int(sc.start[:4]),
        start_quarter=int(sc.start[-1]),
        turns=view.turns,
        factions=factions,
        figures=figures,
        offices=dict(view.offices),
        politburo=list(view.politburo),
        cc=dict(view.central_committee),
        ccc=dict(view.control_commission),
        regions=regions,
        trackers=dict(view.trackers),
        turn=view.turn,
        phase=view.phase,
        order=list(rec["order"]),
        active=view.active,
    )
    state.blocs = sorted(tuple(sorted(p)) for p in view.blocs)
    state.agenda = [Proposal(a.proposer, a.motion, tuple(a.args)) for a in view.agenda]
    state.congress_due = view.congress_due
    state.last_congress_turn = rec["last_congress_turn"]
    state.flags, state.fired = set(rec["flags"]), set(rec["fired"])
    state.event_queue = list(rec["event_queue"])
    state.pending_choice = tuple(rec["pending_choice"]) if rec["pending_choice"] else None
    state.acted = {tuple(a) for a in rec["acted"]}
    state.marks = dict(rec["marks"])
    state.scores = [dict(s) for s in rec["scores"]]
    state.votes = [_vote_record(v) for v in view.votes]
    state.secretariat = list(view.secretariat)
    state.seats = dict(rec["seats"])
    state.stances = {f: dict(v) for f, v in view.stances.items()}
    state.congress_shares = dict(rec["congress_shares"])
    state.achieved, state.failed = set(rec["achieved"]), set(rec["failed"])
    state.results = {f: tuple(r) for f, r in view.results.items()}
    state.outcome = tuple(view.outcome) if view.outcome else None
    state.cultivation = {f: {} for f in factions}
    if me is not None:
        state.cultivation[me] = mine
    state.pending = own_pending(rec, me)
    estimate_hidden(state, rules, view)
    gen = _sample_cultivation(state, rules, view, me, gen)
    gen = _sample_offers(state, rules, view, me, gen)
    state.offers = sorted(state.offers + [tuple(o) for o in rec["my_offers"]])
    state.rng, gen = rng.next_u64(gen)  # the dice: unknown to every player
    return state


def estimate_hidden(state: State, rules: Rules, view) -> None:
    """Fill in, on a state rebuilt from ``view``, the influence and action points the view does not
    show (every faction's but the viewer's), from public facts only: what its offices, regions and
    secretaries brought it at this quarter's opening (as the engine's income reckons it; in the
    scenario's first quarter, with the influence it started with), and a full quarter's action
    points less one for each of its moves limited to once a quarter that the record shows (none
    once it has ended its quarter).  Savings carried over are unknown and not guessed: the
    factions the bots play spend most of what they draw."""
    start = rules.scenarios[view.scenario].faction_start
    gains = None
    moved: dict[str, int] = {}
    for a in view.record["acted"]:
        moved[a[0]] = moved.get(a[0], 0) + 1
    for fid, seen in view.factions.items():
        fs = state.factions[fid]
        if seen.influence is None:
            gains = incomes(state, rules) if gains is None else gains
            first = start[fid].influence if fid in start and view.turn == 0 else 0
            fs.influence = min(rules.settings.max_influence, first + gains[fid])
        if seen.ap is None:
            fs.ap = 0 if seen.done else max(1, full_ap(fs, rules) - moved.get(fid, 0))


def _vote_record(v) -> dict:
    """A vote as the state records it, from the view's copy."""
    return {
        "turn": v.turn,
        "body": v.body,
        "passed": v.passed,
        "motion_id": v.motion_id,
        "proposer": v.proposer,
        "args": list(v.args),
        "ballots": [[b.side, b.weight, b.reason, b.who, b.secret, _thaw(b.detail) or None] for b in v.ballots],
    }


def _thaw(value):
    """A view's read-only copy of plain data as plain dicts and lists again."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _rumoured(view) -> set[str]:
    """Figures the corridors say are being courted (the public log's rumours)."""
    return {entry.data["figure"] for entry in view.log if entry.event == "rumour"}


def _sample_cultivation(state: State, rules: Rules, view, me, gen: int) -> int:
    """Others' secret cultivation: about one figure every ``CULTIVATION_PACE`` quarters each, leaning
    on the Politburo, and a courter for every figure the rumours name."""
    rule = next((r for r in rules.actions.values() if r.kind == "cultivate"), None)
    if rule is None:
        return gen
    step, rumour_at = rule.params["affinity"], rule.params["rumour_at"]
    leaders = {rules.factions[f].leader for f in state.factions}
    pool = sorted(f for f, fig in state.figures.items() if fig.status == "active" and f not in leaders)
    if not pool:
        return gen
    others = sorted(f for f in state.factions if f != me)
    rumours = _rumoured(view)
    for fid in others:
        count = (view.turn + 1) // CULTIVATION_PACE
        book = state.cultivation[fid]
        for _ in range(count):
            draw, gen = rng.below(gen, len(pool) * 2)
            fig = pool[draw % len(pool)]
            if draw >= len(pool) and state.politburo:  # half the draws fall on the Politburo
                fig = sorted(state.politburo)[draw % len(state.politburo)]
            if state.figures[fig].faction != fid:
                book[fig] = min(100, book.get(fig, 0) + step)
    for fig in sorted(pool):
        if fig in rumours and others:
            who, gen = rng.below(gen, len(others))
            book = state.cultivation[others[who]]
            if state.figures[fig].faction != others[who]:
                book[fig] = max(book.get(fig, 0), rumour_at)
    return gen


def _sample_offers(state: State, rules: Rules, view, me, gen: int) -> int:
    """Bloc offers between two other factions, which neither would tell a third."""
    blocs = {tuple(sorted(p)) for p in view.blocs}
    able = sorted(f for f, fs in state.factions.items() if f != me and fs.status == "active")
    for a in able:
        for b in able:
            if a == b or tuple(sorted((a, b))) in blocs:
                continue
            roll, gen = rng.below(gen, 100)
            if roll < OFFER_CHANCE and not any({o[0], o[1]} == {a, b} for o in state.offers):
                state.offers.append((a, b, state.turn))
    return gen
