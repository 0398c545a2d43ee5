"""The engine's front door: a handful of pure functions.

>>> from game.ruleset.loader import load_base
>>> rules = load_base()
>>> state = new_game(rules, "succession_1923", seed=1)
>>> action = legal_actions(state, rules)[0]
>>> after = apply_action(state, rules, action)
>>> after is not state
True
"""

from __future__ import annotations

from game.engine import chronicle, moves, phases, posts, rng
from game.engine.actions import CHOOSE, Action, IllegalActionError
from game.engine.effects import bump, holds
from game.engine.state import UNALIGNED, FactionState, FigureState, RegionState, State
from game.ruleset.rules import Rules


def new_game(rules: Rules, scenario_id: str, seed: int) -> State:
    """A fresh game of a scenario, advanced to the first decision."""
    sc = rules.scenarios[scenario_id]
    year, quarter = int(sc.start[:4]), int(sc.start[-1])
    factions = {}
    for fid in sc.factions:
        start = sc.faction_start.get(fid)
        fs = FactionState()
        if start is not None:
            fs = FactionState(
                start.influence, start.prestige, start.exposure, start.mantle, start.status, 0, start.action_points
            )
        factions[fid] = fs
    figures = {}
    for fid, rec in rules.figures.items():
        override = sc.figures.get(fid)
        faction = rec.faction
        if override is not None and override.faction is not None:
            faction = None if override.faction == UNALIGNED else override.faction
        if faction not in factions:
            faction = None  # a faction not in this scenario: its people stand alone
        affinity = dict(rec.affinity)
        if override is not None:
            affinity.update(override.affinity)
        status = override.status if override is not None and override.status else "active"
        figures[fid] = FigureState(faction, status, affinity)
    regions = {}
    for rid in rules.regions:
        start = sc.regions.get(rid)
        if start is None:
            regions[rid] = RegionState(None, 0, {})
        else:
            sec = start.secretary if start.secretary in factions else None
            regions[rid] = RegionState(
                sec, start.loyalty if sec else 0, {f: s for f, s in start.sympathy.items() if f in factions}
            )
    trackers = {t: rec.start for t, rec in rules.trackers.items()}
    trackers.update(sc.trackers)
    state = State(
        scenario=scenario_id,
        seed=seed,
        start_year=year,
        start_quarter=quarter,
        turns=sc.turns,
        factions=factions,
        figures=figures,
        offices={o: sc.offices.get(o) for o in rules.offices},
        politburo=list(sc.politburo),
        cc=_seats(sc.central_committee, factions),
        ccc=_seats(sc.control_commission, factions),
        regions=regions,
        trackers=trackers,
        rng=rng.seed_state(seed),
    )
    state.blocs = sorted(tuple(sorted(p)) for p in sc.blocs if all(f in factions for f in p))
    state.flags = set(sc.flags)
    if sc.last_congress is not None:  # quarters before the first turn: a Congress does not come back at once
        y, q = int(sc.last_congress[:4]), int(sc.last_congress[-1])
        state.last_congress_turn = (y - year) * 4 + (q - quarter)
    state.seats = dict(sc.seats)
    state.stances = {f: {**rules.factions[f].stances, **sc.stances.get(f, {})} for f in factions}
    state.secretariat = [f for f in sc.secretariat if posts.can_hold_office(state, f)]
    head = state.offices.get(posts.head_office(rules))
    if head is not None:
        posts.head_first(state, head)
    state.cultivation = {f: {} for f in factions}
    chronicle.note(state, rules, "game_begins", kind="outcome", scenario=scenario_id)
    phases.start_turn(state, rules)
    phases.advance(state, rules)
    return state


def _seats(table: dict[str, int], factions) -> dict[str, int]:
    out: dict[str, int] = {}
    for fid, n in table.items():
        key = fid if fid in factions else UNALIGNED
        out[key] = out.get(key, 0) + n
    return out


def legal_actions(state: State, rules: Rules, faction: str | None = None) -> tuple[Action, ...]:
    """Every action the acting faction may take now, sorted.  Empty if ``faction`` is not to act.

    This is the only source of legality: menus, bots and tests all read it.
    """
    actor = state.active
    if state.outcome is not None or actor is None or (faction is not None and faction != actor):
        return ()
    if state.phase == "choice":
        eid, chooser = state.pending_choice
        return tuple(Action(CHOOSE, chooser, (o.id,)) for o in rules.events[eid].choice.options)
    out = []
    for aid in offered_rules(state, rules):
        out.extend(legal_of(state, rules, aid))
    return tuple(sorted(out, key=_action_key))


def offered_rules(state: State, rules: Rules) -> list[str]:
    """The action entries (rule ids, in rule order) the acting faction can afford and that the
    rule files offer now, in the actions phase; each may still have no legal arguments.  With
    :func:`legal_of`, a way for search to draw one legal action without listing them all."""
    actor = state.active
    if state.outcome is not None or actor is None or state.phase != "actions":
        return []
    fs = state.factions[actor]
    out = []
    held: dict[str, bool] = {}  # capability → whether the actor holds it (several entries ask the same)
    for aid, ap, influence, prestige, requires, conditions in rules.tables.offer.get(fs.status, ()):
        if ap > fs.ap or influence > fs.influence or prestige > fs.prestige:
            continue
        if requires is not None:
            has = held.get(requires)
            if has is None:
                has = held[requires] = moves.has_capability(state, rules, actor, requires)
            if not has:
                continue
        if not conditions or holds(state, conditions, rules):  # the Lenin Levy waits for Lenin's death
            out.append(aid)
    return out


def legal_of(state: State, rules: Rules, action_id: str) -> list[Action]:
    """The legal actions of the acting faction that use the rule entry ``action_id`` (one of
    :func:`offered_rules`), in the order of its options."""
    actor = state.active
    return [Action(action_id, actor, args) for args in legal_args(state, rules, action_id)]


def legal_args(state: State, rules: Rules, action_id: str) -> list[tuple[str, ...]]:
    """The arguments of :func:`legal_of`'s actions, in the same order, without making the
    actions: search draws one and makes only that one."""
    actor = state.active
    rule = rules.actions[action_id]
    kind = rule.kind
    options = moves.OPTIONS[kind](state, rules, actor, rule)
    if options and kind in moves.ONCE_PER_TURN:
        acted = state.acted
        if acted:
            name = moves.acted_name(rule)
            kept = []
            for args in options:
                if ((actor, name, args[0]) if args else (actor, name)) not in acted:
                    kept.append(args)
            return kept
    return options


def apply_action(state: State, rules: Rules, action: Action, on_turn_end=None) -> State:
    """The state after ``action``; raises IllegalActionError (leaving ``state`` untouched) if it
    is not legal.  ``on_turn_end(state)`` is called at the close of each turn this action ends
    (see :func:`game.engine.phases.advance`)."""
    if action not in legal_actions(state, rules):
        raise IllegalActionError(f"not a legal action now: {action.to_text()}")
    return apply_unchecked(state, rules, action, on_turn_end)


def apply_unchecked(state: State, rules: Rules, action: Action, on_turn_end=None) -> State:
    """Like :func:`apply_action` without the legality check — for replays and search only, on
    actions already known to be legal."""
    new = state.clone()
    apply_in_place(new, rules, action, on_turn_end)
    return new


def apply_in_place(state: State, rules: Rules, action: Action, on_turn_end=None) -> None:
    """Like :func:`apply_unchecked`, but changes ``state`` itself instead of a copy — for search
    playouts on a state of their own, which clone once and then move fast."""
    if action.name == CHOOSE:
        phases.resolve_choice(state, rules, action.args[0])
        phases.advance(state, rules, on_turn_end)
        return
    take_action(state, rules, action)
    phases.after_action(state, rules, action.faction)
    phases.advance(state, rules, on_turn_end)


def take_action(state: State, rules: Rules, action: Action) -> None:
    """The action itself, on ``state``: its price paid, its exposure taken, its effect done —
    without the turn moving on (also how a forecast tries an action on a state of its own)."""
    rule = rules.actions[action.name]
    fs = state.factions[action.faction]
    fs.ap -= rule.cost.ap
    fs.influence -= rule.cost.influence
    fs.prestige -= rule.cost.prestige
    if rule.exposure:
        bump(state, rules, action.faction, "exposure", rule.exposure)
        state.marks["loud_" + action.faction] = state.turn  # an oppositional act: no quiet fade this turn
    if rule.kind in moves.ONCE_PER_TURN:
        state.acted.add((action.faction, moves.acted_name(rule), *action.args[:1]))
    moves.DO[rule.kind](state, rules, action.faction, action.args, rule)


def outcome(state: State) -> tuple[str, str | None] | None:
    """None while the game goes on; else (kind, winner faction or None)."""
    return state.outcome


def _action_key(action: Action) -> tuple:
    # a plain tuple key: far faster than attrs' generated ordering, and the same order
    return (action.name, action.faction, action.args)
