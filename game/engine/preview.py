"""Forecasts from what a faction can see: how a motion would be voted, what an action would change
(the numbers, the votes on the agenda it turns, the lines in the rules it crosses: a disciplinary
motion's exposure threshold, an event's condition), what a bloc would change, what an event's
option would do.

Everything here starts from a :class:`~game.engine.views.View`, never from the state: the game is
rebuilt as the faction sees it (public facts, its own secret contacts, no one else's) and the
engine's own rules run on that copy.  So a forecast can be wrong exactly where the real game
holds a secret — a rival's contacts turn a vote — which is the moment the design wants a player
to feel.

>>> from game.ruleset.loader import load_base
>>> from game.engine import new_game, player_view
>>> rules = load_base()
>>> view = player_view(new_game(rules, "succession_1923", seed=1), rules, "trotsky")
>>> f = motion_forecast(view, rules, "remove_office", ("general_secretary",), "trotsky")
>>> f.body, f.passes
('central_committee', False)

This module is longer than the house's 500 lines on purpose: every forecast here starts from the
same state rebuilt from a view and reads the same changes; split, the parts would share all of that.
"""

from __future__ import annotations

from attrs import frozen

from game.engine.actions import CHOOSE, Action
from game.engine.effects import holds, politburo_leads, run_effects
from game.engine.game import take_action
from game.engine.motions import body_of, motion_options
from game.engine.moves import run_composed
from game.engine.sample import estimate_hidden
from game.engine.schedule import dated_events
from game.engine.state import FactionState, FigureState, Proposal, RegionState, State
from game.engine.views import BallotView, View, deep_freeze, own_pending, player_view
from game.engine.votes import DISCIPLINE, vote
from game.ruleset.records import LADDER
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import COMPOSED

#: action kinds whose outcome depends on a draw from the generator: no forecast of their effect
CHANCE_KINDS = ("underground", "military", "provocation")
#: action kinds that answer or make a bloc offer: their forecast is what the bloc would change
BLOC_KINDS = ("offer_bloc", "accept_bloc", "decline_bloc")


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
class Crossing:
    """A line in the rules that a change crosses.

    ``kind``: ``motion`` (from ``line`` exposure the disciplinary motion ``ref`` may be moved
    against ``faction``), ``ban`` (from ``line`` the bystanders back ``ref`` under the ban on
    factions) or ``event`` (the condition ``condition`` of the event ``ref``, due in ``due``, holds
    after the change and not before, or the other way round, and every other condition of it holds
    after: the change makes the event happen, or stops it; ``line``: the number the condition
    compares with, if any).
    ``before``/``after``: the number on each side of the line (for an event: whether the
    condition held)."""

    kind: str
    ref: str
    faction: str | None
    line: int
    before: int
    after: int
    condition: object = None
    due: str = ""
    #: a motion's line for the faction's next rung of the ladder: the status it applies from
    rung: str | None = None
    #: a motion's line crossed upwards: the rival who could move it now with the best result for
    #: him, and how it would be voted
    mover: str | None = None
    forecast: VoteForecast | None = None


@frozen
class AgendaShift:
    """A motion on the agenda whose vote the action would turn or change: its place on the
    agenda and the forecasts before and after."""

    index: int
    before: VoteForecast
    after: VoteForecast


@frozen
class BlocForecast:
    """What a bloc between ``a`` and ``b`` would change if it were formed now: the numbers, the
    votes on the agenda, and the disciplinary motions each could no longer move against the other.
    ``kind``: the action it forecasts (``offer_bloc``: if the offer is accepted; ``accept_bloc``:
    what accepting does; ``decline_bloc``: what declining forgoes)."""

    a: str
    b: str
    kind: str
    changes: tuple[Change, ...] = ()
    agenda: tuple[AgendaShift, ...] = ()
    lost: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (proposer, (motion id, *args))
    crossings: tuple[Crossing, ...] = ()  # events the bloc would bring on or stop


@frozen
class Preview:
    """What an action would do, seen from the acting faction."""

    changes: tuple[Change, ...] = ()
    vote: VoteForecast | None = None
    chance: bool = False  # the outcome depends on chance: only its price is certain
    crossings: tuple[Crossing, ...] = ()
    agenda: tuple[AgendaShift, ...] = ()  # votes on the agenda it would turn or change
    bloc: BlocForecast | None = None  # an offer, an acceptance or a refusal: what the bloc would change
    tabled: tuple[tuple[Proposal, VoteForecast], ...] = ()  # motions it puts on the agenda, and their forecast
    watch: tuple[Watch, ...] = ()  # events to come that turn on a line of the number it changes


#: how many quarters ahead a move's preview looks for the events that turn on its faction's numbers
WATCH_QUARTERS = 2


@frozen
class Watch:
    """A dated event due within :data:`WATCH_QUARTERS` that would fall on the acting faction and
    turns on a line of its exposure, which the move changes: whether it happens is decided when it
    comes (what the quarters between bring counts too), so a move that raises the exposure towards
    it, or lowers it away, says so now."""

    event: str
    due: str
    condition: object
    before: int
    after: int


def seen_state(view: View, rules: Rules) -> State:
    """The game as ``view.you`` sees it: public facts and that faction's own secrets (its contacts,
    its machines strengthened this quarter), nobody else's; the others' influence and action points
    estimated from public facts; the generator at zero."""
    year, quarter = int(view.date[:4]), int(view.date[-1])
    index = (year * 4 + quarter - 1) - view.turn
    state = State(
        scenario=view.scenario,
        seed=0,
        start_year=index // 4,
        start_quarter=index % 4 + 1,
        turns=view.turns,
        factions={
            f: FactionState(v.influence or 0, v.prestige, v.exposure, v.mantle, v.status, v.ap or 0, done=v.done)
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
    # the view counts the faction's machines strengthened this quarter in; the state keeps them
    # apart until the close
    for rid, more in view.record.get("my_machines", {}).items():
        state.regions[rid].loyalty -= more
    state.pending.extend(own_pending(view.record, view.you))
    estimate_hidden(state, rules, view)  # the others' influence and action points, from public facts
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
    # read by conditions (delegates_at_least, power_ratio_at_least) and goals: public, so seen
    state.congress_shares = dict(record.get("congress_shares", {}))
    state.scores = [dict(s) for s in record.get("scores", ())]
    state.achieved = set(record.get("achieved", ()))
    state.failed = set(record.get("failed", ()))
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
    view: View,
    rules: Rules,
    motion_id: str,
    args: tuple[str, ...],
    proposer: str | None = None,
    state: State | None = None,
) -> VoteForecast:
    """How the body would vote on the motion if it met now, from what the faction sees."""
    state = seen_state(view, rules) if state is None else state
    proposer = proposer or view.you
    body = body_of(rules, motion_id, args)
    prop = Proposal(proposer, motion_id, tuple(args))
    result = vote(state, rules, body, prop)
    threshold = rules.motions[motion_id].threshold or rules.bodies[body].threshold
    ballots = tuple(
        BallotView(b.side, b.weight, b.reason, b.who, b.secret, deep_freeze(b.detail or {})) for b in result.ballots
    )
    return VoteForecast(
        body,
        result.total("yes"),
        result.total("no"),
        result.total("abstain"),
        result.passed(threshold),
        threshold,
        ballots,
    )


def action_preview(view: View, rules: Rules, action: Action) -> Preview:
    """What taking ``action`` would change, as far as its faction can tell (a motion: how it
    would be voted; a chancy action: only that it is a gamble; an event's choice: what the
    option's effects would change), with every line in the rules the change crosses."""
    if action.name == CHOOSE:
        return choice_preview(view, rules, action.args[0]) if view.pending_choice else Preview()
    rule = rules.actions[action.name]
    state = seen_state(view, rules)
    if rule.kind == "propose":
        return Preview(vote=motion_forecast(view, rules, action.args[0], action.args[1:], action.faction, state))
    if rule.kind in CHANCE_KINDS:
        return Preview(chance=True)
    after = state.clone()
    take_action(after, rules, action)
    if rule.kind == COMPOSED and rule.secret:  # its effects land at the close: forecast them as they will
        run_composed(after, rules, action.faction, rule.id, action.args[0] if action.args else None)
    bloc = None
    if rule.kind in BLOC_KINDS:
        a, b = action.faction, action.args[0]
        bloc = bloc_forecast(view, rules, a, b, state, rule.kind)
    return _preview(view, rules, state, after, bloc=bloc)


def choice_preview(view: View, rules: Rules, option_id: str) -> Preview:
    """What choosing an option of the event put to ``view.you`` would change: the option's
    effects, then the event's own (as :func:`game.engine.phases.resolve_choice` runs them), on
    the game as the faction sees it, and the motions it would table with their forecast."""
    event = rules.events[view.pending_choice[0]]
    option = next(o for o in event.choice.options if o.id == option_id)
    state = seen_state(view, rules)
    state.pending_choice = view.pending_choice  # the event being answered: no crossing of its own
    after = state.clone()
    run_effects(after, rules, option.effects)
    run_effects(after, rules, event.effects)
    return _preview(view, rules, state, after)


def _preview(view: View, rules: Rules, state: State, after: State, bloc: BlocForecast | None = None) -> Preview:
    before_view, after_view = player_view(state, rules, view.you), player_view(after, rules, view.you)
    known = {p.key() for p in state.agenda}
    tabled = tuple(
        (p, motion_forecast(after_view, rules, p.motion, p.args, p.proposer, after))
        for p in after.agenda
        if p.key() not in known
    )
    crossed = tuple(crossings(rules, state, after))
    told = {c.ref for c in crossed if c.kind == "event"}
    return Preview(
        changes=tuple(_changes(before_view, after_view) + _won_over(rules, view.you, state, after)),
        crossings=crossed,
        watch=tuple(w for w in watch(rules, view.you, state, after) if w.event not in told),
        agenda=tuple(_agenda_shifts(view, rules, state, after)),
        bloc=bloc,
        tabled=tabled,
    )


def bloc_forecast(
    view: View, rules: Rules, a: str, b: str, state: State | None = None, kind: str = "accept_bloc"
) -> BlocForecast:
    """What a bloc of ``a`` and ``b`` would change, formed now, as ``view.you`` sees the game."""
    state = seen_state(view, rules) if state is None else state
    after = state.clone()
    pair = (min(a, b), max(a, b))
    if pair not in after.blocs:
        after.blocs.append(pair)
        after.blocs.sort()
    after.offers = [o for o in after.offers if {o[0], o[1]} != {a, b}]
    changes = [c for c in _changes(player_view(state, rules, view.you), player_view(after, rules, view.you))]
    lost = []
    for mover, other in ((a, b), (b, a)):
        now = set(motion_options(after, rules, mover))
        for mid, args in motion_options(state, rules, mover):
            if (mid, args) not in now and rules.motions[mid].kind in DISCIPLINE and args[:1] == (other,):
                lost.append((mover, (mid, *args)))
    return BlocForecast(
        a,
        b,
        kind,
        tuple(c for c in changes if c.what[0] != "blocs"),
        tuple(_agenda_shifts(view, rules, state, after)),
        tuple(lost),
        tuple(crossings(rules, state, after)),
    )


def _agenda_shifts(view: View, rules: Rules, state: State, after: State) -> list[AgendaShift]:
    """The motions on the agenda (before and after) whose forecast the change moves."""
    out = []
    after_keys = {p.key() for p in after.agenda}
    for i, p in enumerate(state.agenda):
        if p.key() not in after_keys:
            continue
        old = motion_forecast(view, rules, p.motion, p.args, p.proposer, state)
        new = motion_forecast(view, rules, p.motion, p.args, p.proposer, after)
        if (old.yes, old.no, old.abstain, old.passes) != (new.yes, new.no, new.abstain, new.passes):
            out.append(AgendaShift(i, old, new))
    return out


def crossings(rules: Rules, before: State, after: State) -> list[Crossing]:
    """The lines in the rules that the change from ``before`` to ``after`` crosses: each
    faction's exposure against the disciplinary motions it may face on its present rung and the
    next (their ``min_exposure``, and that plus the ban on factions' margin, as
    :mod:`game.engine.votes` and :mod:`game.engine.motions` read them), and the numeric conditions
    of the events still to come (as :func:`game.engine.effects.holds` evaluates them).

    >>> from game.ruleset.loader import load_base
    >>> from game.engine import new_game
    >>> rules = load_base()
    >>> before = new_game(rules, "crisis_1923", seed=3)
    >>> after = before.clone()
    >>> after.factions["trotsky"].exposure = 8
    >>> [(c.kind, c.ref, c.line, c.mover) for c in crossings(rules, before, after)]
    [('motion', 'censure', 6, 'zinoviev')]
    """
    out = []
    margin = rules.settings.votes.ban_margin
    for fid, fs in after.factions.items():
        old, new = before.factions[fid].exposure, fs.exposure
        if old == new:
            continue
        status = before.factions[fid].status
        rung = LADDER[LADDER.index(status) + 1] if status in LADDER[:-1] else None
        for mid, motion in rules.motions.items():
            if motion.kind not in DISCIPLINE:
                continue
            if status in motion.target_status:
                later = None
            elif rung in motion.target_status:
                later = rung
            else:
                continue
            for kind, line in (("motion", motion.min_exposure), ("ban", motion.min_exposure + margin)):
                if line > 0 and (old < line <= new or new < line <= old):
                    mover, forecast = (
                        _likeliest(rules, after, mid, fid) if later is None and new > old else (None, None)
                    )
                    out.append(Crossing(kind, mid, fid, line, old, new, rung=later, mover=mover, forecast=forecast))
    out.extend(_event_crossings(rules, before, after))
    return out


def _likeliest(rules: Rules, state: State, motion_id: str, target: str) -> tuple[str | None, VoteForecast | None]:
    """Of the rivals who could move a disciplinary motion against ``target`` now, the one whose
    motion would do best (passing first, then the widest margin), and its vote."""
    best = None
    for fid in sorted(state.factions):
        if fid != target and (motion_id, (target,)) in motion_options(state, rules, fid):
            forecast = motion_forecast(None, rules, motion_id, (target,), fid, state)
            key = (forecast.passes, forecast.yes - forecast.no)
            if best is None or key > best[0]:
                best = (key, fid, forecast)
    return (best[1], best[2]) if best is not None else (None, None)


def _event_crossings(rules: Rules, before: State, after: State) -> list[Crossing]:
    scenario = rules.scenarios[before.scenario]
    now = before.date()
    out = []
    asking = before.pending_choice[0] if before.pending_choice else None
    for eid, when, trigger in dated_events(rules, scenario):
        if eid in before.fired or eid == asking or (when < now and not trigger):
            continue  # the event whose choice is being answered is happening: no crossing of its own
        conditions = rules.events[eid].conditions
        for i, item in enumerate(conditions):
            was, now_holds = holds(before, item, rules), holds(after, item, rules)
            rest = conditions[:i] + conditions[i + 1 :]
            if was != now_holds and holds(after, rest, rules):
                due = f"{when[0]}-Q{when[1]}"
                out.append(Crossing("event", eid, _faction_of(item), _line_of(item), was, now_holds, item, due))
                break  # one line per event: a move that flips two of its conditions tells it once
    return out


@frozen
class Coming:
    """A dated event due at the opening of the next quarter, as ``view.you`` sees the game now:
    whether it would happen as things stand (``chance``: only perhaps), what it would change for
    that faction, whether it puts a choice to it, and its conditions on a faction's numbers (the
    lines a move may still cross, each with whether it holds now)."""

    event: str
    due: str
    happens: bool
    chance: bool
    changes: tuple[Change, ...]
    asks_you: bool
    lines: tuple[tuple[object, bool], ...]
    #: a choice another faction makes: (the option's id, what it would change for this faction) for
    #: each option that would change something for it
    options: tuple[tuple[str, tuple[Change, ...]], ...] = ()


def coming(view: View, rules: Rules) -> tuple[Coming, ...]:
    """The events due at the opening of the next quarter that concern ``view.you``: those that
    would change its standing, numbers or men, or put a choice to it, as things stand (events
    that would not happen are listed when they turn on a faction's numbers, which a move may still
    change).  Worked out on the game as the faction sees it, with the engine's own conditions and
    effects.

    >>> from game.ruleset.loader import load_base
    >>> from game.engine import new_game
    >>> rules = load_base()
    >>> state = new_game(rules, "crisis_1923", seed=3)
    >>> [c.event for c in coming(player_view(state, rules, "trotsky"), rules)]
    ['trotsky_breaks_silence', 'declaration_of_46', 'new_course']
    """
    if view.you is None or view.turn + 1 >= view.turns:
        return ()
    state = seen_state(view, rules)
    due = state.date(state.turn + 1)
    before_view = player_view(state, rules, view.you)
    out = []
    for eid, when, trigger in dated_events(rules, rules.scenarios[state.scenario]):
        if when != due or eid in state.fired or trigger:
            continue
        event = rules.events[eid]
        happens = holds(state, event.conditions, rules)
        lines = tuple((item, holds(state, item, rules)) for item in event.conditions if _line_of(item))
        if not happens and not any(not ok for _item, ok in lines):
            continue  # it turns on more than numbers a move could change
        changes = _mine_after(rules, view, state, before_view, event.effects)
        asks = event.choice is not None and event.choice.faction == view.you
        options = ()
        if event.choice is not None and not asks:  # another's choice: what each option would do to us
            tried = (
                (o.id, _mine_after(rules, view, state, before_view, (*o.effects, *event.effects)))
                for o in event.choice.options
            )
            options = tuple((oid, ch) for oid, ch in tried if ch)
        if changes or asks or options:
            chance = event.chance < 100
            out.append(Coming(eid, f"{due[0]}-Q{due[1]}", happens, chance, changes, asks, lines, options))
    return tuple(out)


def _mine_after(rules: Rules, view: View, state: State, before_view: View, effects) -> tuple[Change, ...]:
    """What running ``effects`` on a copy of the seen game would change for ``view.you``."""
    after = state.clone()
    run_effects(after, rules, effects)
    return tuple(c for c in _changes(before_view, player_view(after, rules, view.you)) if _mine(c, view))


def _mine(change: Change, view: View) -> bool:
    """A change that concerns the faction itself: its numbers and standing, its men's offices,
    seats and fate."""
    kind, ref = change.what
    if kind in ("influence", "prestige", "exposure", "mantle", "status"):
        return ref == view.you
    if kind == "office":
        return any(
            h in view.figures and view.figures[h].faction == view.you for h in (change.before, change.after) if h
        )
    if kind in ("politburo", "figure_status", "joins"):
        return ref in view.figures and view.figures[ref].faction == view.you
    return False


def watch(rules: Rules, faction: str | None, before: State, after: State) -> list[Watch]:
    """The dated events due from now to :data:`WATCH_QUARTERS` ahead, not yet fired, that would
    change ``faction``'s standing or numbers and turn on a line of its exposure, when the change
    from ``before`` to ``after`` moves that exposure.

    >>> from game.ruleset.loader import load_base
    >>> from game.engine import new_game
    >>> rules = load_base()
    >>> before = new_game(rules, "crisis_1923", seed=3)
    >>> after = before.clone()
    >>> after.factions["trotsky"].exposure = 4
    >>> [(w.event, w.due, w.before, w.after) for w in watch(rules, "trotsky", before, after)]
    [('thirteenth_conference', '1924-Q1', 0, 4)]
    """
    if faction is None or faction not in before.factions:
        return []
    old, new = before.factions[faction].exposure, after.factions[faction].exposure
    if old == new:
        return []
    now, last = before.date(), before.date(min(before.turn + WATCH_QUARTERS, before.turns - 1))
    out = []
    for eid, when, trigger in dated_events(rules, rules.scenarios[before.scenario]):
        if eid in before.fired or trigger or not now <= when <= last:
            continue
        event = rules.events[eid]
        if not any(_faction_of(effect) == faction for effect in event.effects):
            continue
        for item in event.conditions:
            if _faction_of(item) == faction and _verb_of(item) == "exposure_below":
                out.append(Watch(eid, f"{when[0]}-Q{when[1]}", item, old, new))
    return out


def _verb_of(item) -> str:
    """A condition's verb (under a ``not``: the negated condition's)."""
    ((verb, arg),) = item.items()
    return _verb_of(arg) if verb == "not" and isinstance(arg, dict) else verb


def _leaf(item):
    """A condition's argument (under a ``not``: the negated condition's)."""
    ((verb, arg),) = item.items()
    return _leaf(arg) if verb == "not" and isinstance(arg, dict) else arg


def _faction_of(item) -> str | None:
    arg = _leaf(item)
    return arg.get("faction") if isinstance(arg, dict) else None


def _line_of(item) -> int:
    """The number a condition compares with (0 for a condition that compares none)."""
    arg = _leaf(item)
    return arg.get("value", arg.get("percent", 0)) if isinstance(arg, dict) else 0


def _changes(a: View, b: View) -> list[Change]:
    """What differs between two views of the same seat, in a fixed order: standing and trackers,
    regions, delegates and posts, men, then the Congress and the blocs."""
    out = _standing_changes(a, b) + _region_changes(a, b) + _post_changes(a, b) + _figure_changes(a, b)
    if a.congress_due != b.congress_due:
        out.append(Change(("congress", ""), a.congress_due, b.congress_due))
    if set(a.blocs) != set(b.blocs):
        out.append(Change(("blocs", ""), len(a.blocs), len(b.blocs)))
    return out


def _won_over(rules: Rules, you: str, state: State, after: State) -> list[Change]:
    """Politburo members who would start (or stop) voting with ``you``: ties to it the defection
    margin ahead of their own faction's, as far as ``you`` knows them (:func:`politburo_leads`)."""
    if state.politburo != after.politburo:
        return []  # a seat that changes hands is told as such
    before, now = politburo_leads(state, rules, you), politburo_leads(after, rules, you)
    return [
        Change(("won_over", member), b >= 1, a >= 1)
        for member, b, a in zip(state.politburo, before, now, strict=True)
        if (b >= 1) != (a >= 1) and state.figures[member].faction != you
    ]


def _standing_changes(a: View, b: View) -> list[Change]:
    out = []
    for f, fa in a.factions.items():
        fb = b.factions[f]
        for name in ("influence", "prestige", "exposure", "mantle", "status"):
            if getattr(fa, name) != getattr(fb, name):
                out.append(Change((name, f), getattr(fa, name), getattr(fb, name)))
    for t, v in a.trackers.items():
        if b.trackers[t] != v:
            out.append(Change(("tracker", t), v, b.trackers[t]))
    return out


def _region_changes(a: View, b: View) -> list[Change]:
    out = []
    for r, ra in a.regions.items():
        rb = b.regions[r]
        if ra.secretary != rb.secretary:
            out.append(Change(("secretary", r), ra.secretary, rb.secretary))
        if ra.loyalty != rb.loyalty:
            out.append(Change(("hold", r), ra.loyalty, rb.loyalty))
        for f in sorted(set(ra.sympathy) | set(rb.sympathy)):
            if ra.sympathy.get(f, 0) != rb.sympathy.get(f, 0):
                out.append(Change(("sympathy", f"{r}:{f}"), ra.sympathy.get(f, 0), rb.sympathy.get(f, 0)))
    return out


def _post_changes(a: View, b: View) -> list[Change]:
    """The Congress's delegates, one's secret contacts, whom delegations follow, offices, seats."""
    out = []
    for f in sorted(set(a.forecast) | set(b.forecast)):
        if a.forecast.get(f, 0) != b.forecast.get(f, 0):
            out.append(Change(("delegates", f), a.forecast.get(f, 0), b.forecast.get(f, 0)))
    for fig, ca in b.cultivation.items():
        if a.cultivation.get(fig, 0) != ca:
            out.append(Change(("contact", fig), a.cultivation.get(fig, 0), ca))
    for r, ra in a.regions.items():
        if ra.follows != b.regions[r].follows:
            out.append(Change(("follows", r), ra.follows, b.regions[r].follows))
    for o, holder in a.offices.items():
        if b.offices.get(o) != holder:
            out.append(Change(("office", o), holder, b.offices.get(o)))
    for fig in sorted(set(a.politburo) ^ set(b.politburo)):
        out.append(Change(("politburo", fig), fig in a.politburo, fig in b.politburo))
    return out


def _figure_changes(a: View, b: View) -> list[Change]:
    out = []
    for fig, fa in a.figures.items():
        fb = b.figures[fig]
        if fa.faction != fb.faction:
            out.append(Change(("joins", fig), fa.faction, fb.faction))
        if fa.status != fb.status:
            out.append(Change(("figure_status", fig), fa.status, fb.status))
        for f in sorted(set(fa.affinity) | set(fb.affinity)):
            if fig not in b.cultivation and fa.affinity.get(f, 0) != fb.affinity.get(f, 0):
                out.append(Change(("affinity", f"{fig}:{f}"), fa.affinity.get(f, 0), fb.affinity.get(f, 0)))
    return out
