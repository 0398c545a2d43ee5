"""Moves no sensible player makes, whatever its personality or level.

Every bot asks :func:`refusal` before it weighs a move: a bloc with a faction it is moving
against (or with that faction's partner), a bloc offered to or accepted from a faction expelled
from the party, a motion against its own bloc partner.  Each answer is a reason in words, or None.
Everything is read from the view (the agenda, the recorded votes with their movers), so a bot
needs no memory of its own and a saved game goes on exactly as it would have.
"""

from __future__ import annotations

from game.ruleset.records import OUT_OF_PARTY
from game.ruleset.rules import Rules

#: rungs from which a faction is outside the party: no bloc with it
OUTCASTS = OUT_OF_PARTY
#: motion kinds aimed at a faction (its first argument)
DISCIPLINE = ("censure", "remove_posts", "expel_cc", "expel_party", "exile", "deport")
#: the rung a discipline motion takes its target to
RUNG_OF = {
    "censure": "censured",
    "remove_posts": "removed",
    "expel_cc": "expelled_cc",
    "expel_party": "expelled_party",
    "exile": "exiled",
    "deport": "deported",
}
#: how many quarters a faction remembers moving against another
MEMORY = 2


def target_of(view, rules: Rules, motion_id: str, args) -> str | None:
    """The faction a motion moves against, from what the view shows (None: nobody)."""
    motion = rules.motions.get(motion_id)
    if motion is None or not args:
        return None
    if motion.kind in DISCIPLINE:
        return args[0]
    if motion.kind in ("remove_office", "appoint_office"):
        holder = view.offices.get(args[0])
        return view.figures[holder].faction if holder else None
    return None


def in_bloc(view, a: str, b: str) -> bool:
    return any({a, b} == set(pair) for pair in view.blocs)


def partners(view, faction: str) -> set[str]:
    return {b if a == faction else a for a, b in view.blocs if faction in (a, b)}


def moving_against(view, rules: Rules, me: str, memory: dict[str, int] | None = None) -> set[str]:
    """The factions ``me`` is moving against: its motions on the agenda, those it moved in the
    votes of the last ``MEMORY`` quarters, and any in ``memory`` (faction → turn)."""
    out = set()
    for item in view.agenda:
        if item.proposer == me:
            out.add(target_of(view, rules, item.motion, item.args))
    for vote in view.votes:
        if vote.proposer == me and view.turn - vote.turn < MEMORY:
            out.add(target_of(view, rules, vote.motion_id, vote.args))
    for faction, turn in (memory or {}).items():
        if view.turn - turn < MEMORY:
            out.add(faction)
    out.discard(None)
    out.discard(me)
    return out


def refusal(view, action, rules: Rules, memory: dict[str, int] | None = None) -> str | None:
    """Why ``action`` makes no sense for the faction whose view this is (None: it may)."""
    rule = rules.actions.get(action.name)
    if rule is None:
        return None
    me = view.you
    if rule.kind in ("offer_bloc", "accept_bloc"):
        other = action.args[0]
        if view.factions[other].status in OUTCASTS:
            return f"no bloc with {rules.factions[other].name}: they are outside the party"
        against = moving_against(view, rules, me, memory)
        if other in against or partners(view, other) & against:
            return f"no bloc with {rules.factions[other].name} while moving against them"
    if rule.kind == "propose":
        target = target_of(view, rules, action.args[0], action.args[1:])
        if target is not None and target != me and in_bloc(view, me, target):
            return f"not against a bloc partner, {rules.factions[target].name}"
    return None
