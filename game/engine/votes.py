"""Votes in the Politburo, the Central Committee, the joint plenum and the Congress.

Every vote returns a :class:`Breakdown`: who voted how, with how many votes, and the main reason.
Faction-held seats follow the faction's interest; unaligned members and delegations weigh
prestige, Lenin's mantle, exposure under the ban on factions and party opinion; named figures
may have been secretly cultivated by another faction, which shows only when they vote.
"""

from __future__ import annotations

from attrs import define, field

from game.engine.state import UNALIGNED, Proposal, State


@define
class Ballot:
    voter: str
    side: str  # yes | no | abstain
    weight: int
    reason: str
    who: str = ""  # the figure's id, the faction's id, or "unaligned"
    secret: str | None = None  # the faction that secretly won this voter over, when that decided the vote


@define
class Breakdown:
    body: str
    motion: str
    ballots: list[Ballot] = field(factory=list)

    def total(self, side: str) -> int:
        out = 0
        for b in self.ballots:
            if b.side == side:
                out += b.weight
        return out

    def passed(self, threshold: int) -> bool:
        yes = no = 0
        for b in self.ballots:
            if b.side == "yes":
                yes += b.weight
            elif b.side == "no":
                no += b.weight
        return yes > 0 and yes * 100 > threshold * (yes + no)

    def summary(self) -> str:
        return f"{self.total('yes')}–{self.total('no')}" + (
            f" ({self.total('abstain')} abstaining)" if self.total("abstain") else ""
        )


# --- who is hurt and who gains by a motion ---------------------------------------------------

DISCIPLINE = ("censure", "remove_posts", "expel_cc", "expel_party", "exile", "deport")


def target_of(state: State, rules, prop: Proposal) -> str | None:
    kind = rules.motions[prop.motion].kind
    if kind in DISCIPLINE:
        return prop.args[0]
    if kind in ("remove_office", "appoint_office"):
        return state.holder_faction(prop.args[0])
    if kind == "read_testament":
        return state.holder_faction(rules.settings.roles.general_secretary)
    return None


def beneficiary_of(state: State, rules, prop: Proposal) -> str:
    kind = rules.motions[prop.motion].kind
    if kind == "appoint_office":
        return state.figures[prop.args[1]].faction or prop.proposer
    return prop.proposer


def faction_side(state: State, rules, fid: str, prop: Proposal) -> tuple[str, str]:
    """How a faction's disciplined seats vote on a motion, and why."""
    names = rules.factions
    target, gainer = target_of(state, rules, prop), beneficiary_of(state, rules, prop)
    if fid == target:
        return "no", "self-defence"
    if fid in (prop.proposer, gainer):
        return "yes", "own motion" if fid == prop.proposer else "own candidate"
    if state.in_bloc(fid, prop.proposer) and not _no_case(state, rules, prop, target):
        return "yes", f"bloc with {names[prop.proposer].name}"
    if target and state.in_bloc(fid, target):
        return "no", f"bloc with {names[target].name}"
    if state.factions[fid].status == "capitulated":
        return "yes", "capitulated: votes with the majority"
    return _interest(state, rules, fid, prop, target)


def _no_case(state: State, rules, prop: Proposal, target: str | None) -> bool:
    """A discipline motion against a faction whose exposure is below the motion's own threshold:
    the ban on factions makes no case, and even the mover's partners judge it for themselves."""
    motion = rules.motions[prop.motion]
    return motion.kind in DISCIPLINE and target is not None and state.factions[target].exposure < motion.min_exposure


def _interest(state, rules, fid, prop, target) -> tuple[str, str]:
    motion = rules.motions[prop.motion]
    kind = motion.kind
    if kind in DISCIPLINE:
        v = rules.settings.votes
        if state.factions[target].exposure >= motion.min_exposure + v.ban_margin:
            return "yes", "the ban on factions"
        if state.stance(fid, rules.settings.roles.party_democracy) < v.democrat_stance:
            return "no", "party democracy"
        return "abstain", "no clear case"
    if kind == "adopt_line":
        issue, direction = prop.args
        own = state.stance(fid, issue)
        agrees = (own < 0) == (direction == "left")
        return ("yes", f"agrees on {rules.trackers[issue].name}") if agrees else ("no", "opposes the line")
    if kind == "read_testament":
        return "yes", "Lenin's last word"
    if kind == "remove_office" and target is not None and state.rung(target) > 0:
        return "yes", "a censured opposition keeps no posts"
    if kind in ("remove_office", "appoint_office"):
        return "no", "keeps things as they are"
    if kind == "convene_congress":
        from game.engine.congress import delegate_shares

        shares = delegate_shares(state, rules)
        total_cc = sum(state.cc.values()) or 1
        gain = shares.get(fid, 0) * 100 // max(1, sum(shares.values())) - state.cc.get(fid, 0) * 100 // total_cc
        return ("yes", "expects more delegates") if gain > 0 else ("no", "fears the delegates")
    return "abstain", "no stake"


def swing_score(state: State, rules, prop: Proposal, affinity: dict | None = None, leaning: int = 0):
    """(score, reason) for an unaligned voter: positive means yes."""
    motion = rules.motions[prop.motion]
    target = target_of(state, rules, prop)
    p = state.factions[prop.proposer]
    v = rules.settings.votes
    parts = {
        "prestige": p.prestige - (state.factions[target].prestige if target else v.prestige_default),
        "Lenin's mantle": v.mantle_weight
        * (p.mantle - (state.factions[target].mantle if target else v.mantle_default)),
    }
    if motion.kind in DISCIPLINE:
        parts["fear of exposure"] = v.exposure_weight * state.factions[target].exposure - motion.min_exposure
    if motion.kind == "adopt_line":
        issue, direction = prop.args
        sign = -1 if direction == "left" else 1
        parts["party opinion"] = (
            sign * (state.trackers.get(issue, 0) + leaning // v.leaning_divisor) // v.opinion_divisor
        )
    if motion.kind == "read_testament":
        parts["Lenin's last word"] = v.testament
    if motion.kind == "convene_congress":
        parts["routine"] = v.routine
    if motion.kind in ("remove_office", "appoint_office"):
        parts["keeps things as they are"] = v.status_quo
    if affinity is not None:
        against = affinity.get(target, 0) if target else v.ties_default
        parts["personal ties"] = (affinity.get(prop.proposer, 0) - against) // v.ties_divisor
    score = sum(parts.values())
    if score > 0:
        reason = max(parts, key=lambda k: (parts[k], k))
    else:
        reason = min(parts, key=lambda k: (parts[k], k))
    return score, reason


def affinity_of(state: State, figure: str) -> dict[str, int]:
    """A figure's real affinity: public ties plus every faction's secret cultivation."""
    aff = dict(state.figures[figure].affinity)
    for fid, cult in state.cultivation.items():
        if figure in cult:
            aff[fid] = aff.get(fid, 0) + cult[figure]
    return aff


def figure_ballot(state: State, rules, figure: str, prop: Proposal, sides: dict | None = None) -> Ballot:
    """How one figure votes.  ``sides``, if given, keeps each faction's :func:`faction_side` on
    this motion for the rest of the vote (every member of a faction asks the same)."""
    fig = state.figures[figure]
    name = rules.figures[figure].name
    aff = affinity_of(state, figure)
    own = fig.faction
    kind = rules.motions[prop.motion].kind
    if kind in ("remove_office", "appoint_office") and state.offices.get(prop.args[0]) == figure:
        return Ballot(name, "no", 1, "defends own post", figure)
    if sides is None:
        sides = {}
    if own is not None and own in state.factions:
        side, reason = sides.get(own) or sides.setdefault(own, faction_side(state, rules, own, prop))
        if figure != rules.factions[own].leader:
            rival, best = None, None  # the rival faction the figure is closest to (ties: the larger id)
            for f in state.factions:
                if f != own:
                    key = (aff.get(f, 0), f)
                    if best is None or key > best:
                        rival, best = f, key
            if rival and aff.get(rival, 0) - aff.get(own, 0) >= rules.settings.votes.defection_margin:
                r_side, _ = sides.get(rival) or sides.setdefault(rival, faction_side(state, rules, rival, prop))
                if r_side != side:
                    return Ballot(name, r_side, 1, f"secretly won over by {rules.factions[rival].name}", figure, rival)
        return Ballot(name, side, 1, reason, figure)
    score, reason = swing_score(state, rules, prop, aff, rules.figures[figure].leaning)
    return Ballot(name, "yes" if score > 0 else "no", 1, reason, figure)


def council_vote(state: State, rules, body: str, prop: Proposal, label: str) -> Breakdown:
    out = Breakdown(body, label)
    sides: dict = {}
    for figure in state.politburo:
        if state.figures[figure].status == "active":
            out.ballots.append(figure_ballot(state, rules, figure, prop, sides))
    return out


def seat_vote(state: State, rules, seats: dict[str, int], body: str, prop: Proposal, label: str) -> Breakdown:
    out = Breakdown(body, label)
    for fid, n in sorted(seats.items()):
        if n <= 0:
            continue
        if fid == UNALIGNED or fid not in state.factions:
            score, reason = swing_score(state, rules, prop)
            v = rules.settings.votes
            yes = max(0, min(n, round(n * (v.unaligned_base + v.unaligned_step * score) / 100)))
            if yes:
                out.ballots.append(Ballot("unaligned members", "yes", yes, reason, UNALIGNED))
            if n - yes:
                out.ballots.append(Ballot("unaligned members", "no", n - yes, reason, UNALIGNED))
            continue
        side, reason = faction_side(state, rules, fid, prop)
        out.ballots.append(Ballot(rules.factions[fid].name, side, n, reason, fid))
    return out


def vote(state: State, rules, body_id: str, prop: Proposal, label: str) -> Breakdown:
    """Put a motion to a body and return the breakdown."""
    from game.engine.congress import delegations

    body = rules.bodies[body_id]
    if body.kind == "council":
        return council_vote(state, rules, body_id, prop, label)
    if body.kind == "congress":
        seats: dict[str, int] = {}
        for _region, fid, n, _why in delegations(state, rules):
            key = fid or UNALIGNED
            seats[key] = seats.get(key, 0) + n
        return seat_vote(state, rules, seats, body_id, prop, label)
    if body.kind == "joint":
        seats = {}
        for member in body.members_of:
            for fid, n in _assembly_seats(state, rules, member).items():
                seats[fid] = seats.get(fid, 0) + n
        return seat_vote(state, rules, seats, body_id, prop, label)
    return seat_vote(state, rules, _assembly_seats(state, rules, body_id), body_id, prop, label)


def _assembly_seats(state: State, rules, body_id: str) -> dict[str, int]:
    return state.ccc if body_id == rules.settings.roles.control_commission else state.cc
