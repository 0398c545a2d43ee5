"""Motions: what may be proposed, and what a passed motion does.

One function per motion kind gives the legal arguments; one gives the effect of passing.
Motions wait on the agenda until the vote phase (a Congress motion until the next Congress).
"""

from __future__ import annotations

from game.engine import chronicle, posts
from game.engine.discipline import set_status
from game.engine.effects import bump, move_tracker
from game.engine.state import Proposal, State
from game.engine.votes import DISCIPLINE, Breakdown, target_of, vote
from game.ruleset.records import OUT_OF_PARTY
from game.ruleset.rules import Rules


def _targets(state: State, rules: Rules, faction: str, motion, forced: bool = False) -> list[tuple[str, ...]]:
    out = []
    pause = rules.settings.ladder_pause
    for fid, fs in sorted(state.factions.items()):
        if fid == faction or state.in_bloc(fid, faction):
            continue
        if not forced and state.turn - state.marks.get("ladder_" + fid, -99) < pause:
            continue  # each rung takes time: no second step against a faction straight away
        if rung_open(state, motion, fid, fs.status) and (forced or fs.exposure >= motion.min_exposure):
            out.append((fid,))
    return out


def rung_open(state: State, motion, faction: str, status: str) -> bool:
    """Does a faction at ``status`` stand where this motion moves it from?  Expelling from the
    Central Committee takes seats there or in the Control Commission: a faction with none is
    not expelled from a body it is not in, and once removed from its posts it is next expelled
    from the party."""
    if motion.kind == "expel_cc":
        return status in motion.target_status and _seated(state, faction)
    if motion.kind == "expel_party" and status == "removed" and not _seated(state, faction):
        return True
    return status in motion.target_status


def _seated(state: State, faction: str) -> bool:
    return state.cc.get(faction, 0) > 0 or state.ccc.get(faction, 0) > 0


def _remove_office(state, rules: Rules, faction, motion):
    out = []
    figures = state.figures
    for o, h in _by_office(rules, state.offices):
        if h and figures[h].faction != faction and posts.contested(state, o):
            out.append((o,))
    return out


def _appoint_office(state, rules: Rules, faction, motion):
    """Up to two of the faction's free figures fit for each office it does not hold; when none
    is free, its leader (Bukharin edited Pravda and led the Comintern at once)."""
    figures = state.figures
    offices = state.offices
    busy = set(offices.values())
    free = []
    for f in rules.figures:  # the rule files' order: the first two fit are the ones proposed
        if figures[f].faction == faction and f not in busy and posts.can_hold_office(state, f):
            free.append(f)
    leader = rules.factions[faction].leader if faction in rules.factions else None
    leader_ok = leader is not None and figures[leader].faction == faction and posts.can_hold_office(state, leader)
    if not free and not leader_ok:
        return []
    out = []
    fit = rules.tables.eligible
    turn = state.turn
    lost = {k for k, t in state.marks.items() if t == turn and k.startswith("lost:")}
    unopened = posts.unopened(state, rules)
    for office, holder in _by_office(rules, offices):
        if (holder is not None and figures[holder].faction == faction) or not posts.contested(state, office):
            continue  # its own, or a stricken holder's
        if office in unopened:
            continue  # not created yet (the scenario's vacant_until)
        if lost and f"lost:{office}:{faction}" in lost:
            continue  # taken from it this quarter: not handed back before the quarter is out
        wanted = fit[office]
        picked = 0  # plain loops: this runs for every motion weighed in search
        for f in free:
            if wanted is None or f in wanted:
                out.append((office, f))
                picked += 1
                if picked == 2:
                    break
        if not picked and leader_ok and (wanted is None or leader in wanted):
            out.append((office, leader))
    return out


def _by_office(rules: Rules, offices: dict) -> list | tuple:
    """``sorted(offices.items())``: (office, holder) by office id, for a state's offices."""
    order = rules.tables.office_order
    if len(order) != len(offices):
        return sorted(offices.items())
    return [(o, offices[o]) for o in order]


def _adopt_line(state, rules: Rules, faction, motion):
    out = []
    for issue, stance in sorted(state.stances.get(faction, {}).items()):
        if issue in state.trackers and stance != 0:
            out.append((issue, "left" if stance < 0 else "right"))
    return out


def _read_testament(state, rules: Rules, faction, motion):
    # not in the quarter it was first read out (to the delegations, 1924): no one reads it twice at once
    ok = (
        "testament_known" in state.flags
        and "testament_read" not in state.flags
        and state.marks.get("flag:testament_known") != state.turn
    )
    return [()] if ok and state.holder_faction(posts.head_office(rules)) not in (faction, None) else []


def _convene(state, rules: Rules, faction, motion):
    due = state.congress_due is not None or state.turn - state.last_congress_turn < motion.params["gap"]
    return [] if due else [()]


OPTIONS = {
    "censure": _targets,
    "remove_posts": _targets,
    "expel_cc": _targets,
    "expel_party": _targets,
    "exile": _targets,
    "deport": _targets,
    "remove_office": _remove_office,
    "appoint_office": _appoint_office,
    "adopt_line": _adopt_line,
    "read_testament": _read_testament,
    "convene_congress": _convene,
}


def motion_options(state: State, rules: Rules, faction: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every (motion id, args) the faction may propose now, not already on the agenda."""
    return _motion_options(state, rules, faction, False)


def proposals(state: State, rules: Rules, faction: str) -> list[tuple[str, ...]]:
    """:func:`motion_options` as the ``propose`` action's arguments: (motion id, *args)."""
    return _motion_options(state, rules, faction, True)


def _motion_options(state: State, rules: Rules, faction: str, flat: bool) -> list[tuple]:
    """:func:`motion_options`'s list, as (motion id, args) or, ``flat``, (motion id, *args)."""
    out = []
    queued = {p.key() for p in state.agenda} if state.agenda else ()
    open_to = None  # the rivals a rung of the ladder may be moved against now: the same for every such motion
    for mid, motion in rules.motions.items():
        options = OPTIONS[motion.kind]
        if options is _targets:
            if open_to is None:
                open_to = _open_targets(state, rules, faction)
            if not open_to:
                continue
            found = []
            for fid, fs in open_to:
                if rung_open(state, motion, fid, fs.status) and fs.exposure >= motion.min_exposure:
                    found.append((fid,))
        else:
            found = options(state, rules, faction, motion)
        for args in found:
            if not queued or (mid, args) not in queued:
                out.append((mid, *args) if flat else (mid, args))
    return out


def _open_targets(state: State, rules: Rules, faction: str) -> list:
    """(faction, its state) of each rival, by id, that is not the mover's bloc partner and was
    not moved down the ladder too lately: :func:`_targets` before each motion's own test."""
    pause = rules.settings.ladder_pause
    marks, turn = state.marks, state.turn
    out = []
    for fid, fs in sorted(state.factions.items()):
        if fid != faction and turn - marks.get("ladder_" + fid, -99) >= pause and not state.in_bloc(fid, faction):
            out.append((fid, fs))
    return out


def motion_args_valid(state: State, rules: Rules, faction: str, mid: str, args: tuple[str, ...]) -> bool:
    """May ``faction`` move this motion now?  (Used for motions that events put on the agenda:
    history forces the motion whatever the target's exposure, but never a vote's result.)"""
    motion = rules.motions.get(mid)
    if motion is None:
        return False
    if OPTIONS[motion.kind] is _targets:
        return args in _targets(state, rules, faction, motion, forced=True)
    return args in OPTIONS[motion.kind](state, rules, faction, motion)


def body_of(rules: Rules, motion_id: str, args: tuple[str, ...]) -> str:
    """The body that votes: an office motion goes to the office's own appointing body."""
    motion = rules.motions[motion_id]
    if motion.kind in ("appoint_office", "remove_office"):
        return rules.offices[args[0]].appointed_by
    return motion.body


def resolve(state: State, rules: Rules, prop: Proposal) -> Breakdown | None:
    """Vote on a proposal and carry it out if it passes.  None if it lapsed (no longer valid)."""
    motion = rules.motions[prop.motion]
    if not _still_valid(state, rules, prop):
        chronicle.note(state, rules, "lapsed", kind="vote", proposer=prop.proposer, motion=prop.motion, args=prop.args)
        return None
    _take_sides(state, rules, prop)
    body = body_of(rules, prop.motion, prop.args)
    result = vote(state, rules, body, prop)
    passed = result.passed(motion.threshold or rules.bodies[body].threshold)
    chronicle.note(
        state,
        rules,
        "vote",
        kind="vote",
        body=body,
        proposer=prop.proposer,
        motion=prop.motion,
        args=prop.args,
        yes=result.total("yes"),
        no=result.total("no"),
        abstain=result.total("abstain"),
        passed=passed,
    )
    if passed:
        PASS[motion.kind](state, rules, prop, motion)
    elif motion.kind in DISCIPLINE or motion.kind == "read_testament":
        bump(state, rules, prop.proposer, "prestige", -motion.params["defeat_prestige"])
    if state.quiet:
        return result
    state.votes.append(
        {
            "turn": state.turn,
            "body": body,
            "passed": passed,
            "motion_id": prop.motion,
            "proposer": prop.proposer,
            "args": list(prop.args),
            "ballots": [[b.side, b.weight, b.reason, b.who, b.secret, b.detail] for b in result.ballots],
        }
    )
    return result


def mark_favour(state: State, faction: str, other: str) -> None:
    """``faction`` has favoured ``other`` this quarter (a bloc accepted, a choice that wins its
    leader's goodwill): it does not turn on it before the quarter is out."""
    state.marks[f"favour:{faction}:{other}"] = state.turn


def favoured(state: State, faction: str) -> set[str]:
    """The factions ``faction`` has favoured this quarter (see :func:`mark_favour`)."""
    prefix, turn = f"favour:{faction}:", state.turn
    return {k[len(prefix) :] for k, t in state.marks.items() if t == turn and k.startswith(prefix)}


def spared(state: State, faction: str) -> set[str]:
    """The factions ``faction`` may not move against this quarter: those it favoured, and the
    new allies its own partners took up (moving against them would put a partner on both sides)."""
    if not state.marks:
        return set()
    out = favoured(state, faction)
    for a, b in state.blocs:
        if faction in (a, b):
            partner = b if a == faction else a
            out |= {t for t in favoured(state, partner) if t != faction and state.in_bloc(partner, t)}
    return out


def option_favours(rules: Rules, faction: str, effects) -> list[str]:
    """The factions a choice's option favours for the chooser: a bloc with it, or more goodwill
    from its leader."""
    leaders = {rec.leader: fid for fid, rec in rules.factions.items()}
    out = []
    for item in effects:
        arg = item.get("affinity")
        if arg and arg["delta"] > 0 and arg["faction"] == faction and arg["figure"] in leaders:
            out.append(leaders[arg["figure"]])
        arg = item.get("bloc")
        if arg and faction in (arg["a"], arg["b"]):
            out.append(arg["b"] if arg["a"] == faction else arg["a"])
    return out


def at_odds(state: State, rules: Rules, faction: str, other: str) -> bool:
    """Would a bloc with ``other`` put ``faction`` on both sides of a motion on the agenda (one
    of its partners moving against ``other``, or ``other`` against one of them)?  Blocs are
    exclusive so far: no one stands with both sides of a pending vote."""
    if not state.agenda:
        return False
    partners = {b if a == faction else a for a, b in state.blocs if faction in (a, b)}
    if not partners:
        return False
    for prop in state.agenda:
        sides = {prop.proposer, target_of(state, rules, prop)}
        if other in sides and sides & partners:
            return True
    return False


def _take_sides(state: State, rules: Rules, prop: Proposal) -> None:
    """A faction in blocs with both the mover and the faction moved against cannot vote both
    ways: it breaks with one of them, in the chronicle, before the vote — with the one moved
    against, unless that is the partner it took up this quarter (then with the mover)."""
    target = target_of(state, rules, prop)
    if target is None or target == prop.proposer:
        return
    for third in sorted(state.factions):
        if (
            third not in (target, prop.proposer)
            and state.in_bloc(third, target)
            and state.in_bloc(third, prop.proposer)
        ):
            new = favoured(state, third)
            other = prop.proposer if target in new and prop.proposer not in new else target
            state.blocs.remove((third, other) if third < other else (other, third))
            chronicle.note(state, rules, "bloc_broken", faction=third, other=other)


def _still_valid(state, rules: Rules, prop) -> bool:
    motion = rules.motions[prop.motion]
    if state.factions[prop.proposer].status in OUT_OF_PARTY:
        return False
    if motion.kind == "convene_congress":
        return state.congress_due is None
    if (
        motion.kind in ("appoint_office", "remove_office")
        and state.marks.get(f"appointed:{prop.args[0]}") == state.turn
    ):
        return False  # the body has filled the office at this sitting: it does not undo its own vote
    return motion_args_valid(state, rules, prop.proposer, prop.motion, prop.args)


def _pass_discipline(state, rules: Rules, prop, motion):
    set_status(state, rules, prop.args[0], motion.result_status)
    if motion.kind == "censure":
        bump(state, rules, prop.args[0], "prestige", -motion.params["prestige"])


def _pass_remove_office(state, rules: Rules, prop, motion):
    holder = posts.vacate(state, rules, prop.args[0])
    if holder is not None:  # the body that dismissed him does not put him straight back
        state.marks[f"dismissed:{prop.args[0]}:{holder}"] = state.turn


def _pass_appoint_office(state, rules: Rules, prop, motion):
    posts.appoint(state, rules, prop.args[0], prop.args[1])
    state.marks[f"appointed:{prop.args[0]}"] = state.turn


def _pass_adopt_line(state, rules: Rules, prop, motion):
    issue, direction = prop.args
    shift = motion.params["opinion"]
    move_tracker(state, rules, issue, -shift if direction == "left" else shift)
    bump(state, rules, prop.proposer, "prestige", motion.params["prestige"])
    for fid in state.factions:
        stance = state.stance(fid, issue)
        if stance and (stance < 0) != (direction == "left"):
            bump(state, rules, fid, "mantle", -motion.params["mantle"])


def _pass_testament(state, rules: Rules, prop, motion):
    state.flags.add("testament_read")
    accused = state.holder_faction(posts.head_office(rules))
    if accused:
        bump(state, rules, accused, "prestige", -motion.params["prestige"])
        bump(state, rules, accused, "mantle", -motion.params["mantle"])
        if motion.follow_up is not None:
            state.agenda.append(Proposal(prop.proposer, motion.follow_up, (posts.head_office(rules),)))


def _pass_convene(state, rules: Rules, prop, motion):
    state.congress_due = "Extraordinary Congress"


PASS = {
    **{kind: _pass_discipline for kind in DISCIPLINE},
    "remove_office": _pass_remove_office,
    "appoint_office": _pass_appoint_office,
    "adopt_line": _pass_adopt_line,
    "read_testament": _pass_testament,
    "convene_congress": _pass_convene,
}
