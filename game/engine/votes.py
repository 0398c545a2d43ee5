"""Votes in the Politburo, the Central Committee, the joint plenum and the Congress.

Every vote returns a :class:`Breakdown`: who voted how, with how many votes, and why.
Faction-held seats follow the faction's interest; unaligned members and delegations weigh
prestige, Lenin's mantle, exposure under the ban on factions and party opinion; named figures
may have been secretly cultivated by another faction, which shows only when they vote.

A ballot's reason is a code with the numbers that decided it (:data:`REASONS`), never words: the
words are made in :mod:`game.present.phrases`, from the same numbers, so a screen can show the
sum the engine made term by term.
"""

from __future__ import annotations

from attrs import define, field

from game.engine.congress import delegate_shares, delegations
from game.engine.state import UNALIGNED, Proposal, State
from game.ruleset.rules import Rules

#: every ballot reason code, and the numbers and ids its ``detail`` carries
REASONS = {
    "self_defence": "the motion targets the voter's own faction",
    "own_motion": "the voter's faction moved it",
    "own_candidate": "the voter's faction's figure would get the office",
    "bloc": "with: the bloc partner the voter's faction stands by (the mover, or the target)",
    "capitulated": "a capitulated faction votes with the majority",
    "ban_on_factions": "target, exposure, line: the target's exposure has reached the motion's threshold "
    "plus the ban's margin",
    "party_democracy": "target, exposure, line, stance, democrat: below the line, and the voter's stance on "
    "party democracy is under ``democrat``",
    "no_clear_case": "target, exposure, line, stance, democrat: below the line, and no democrat's objection",
    "agrees_on_line": "issue, direction: the voter's own stance is on the motion's side",
    "opposes_line": "issue, direction: the voter's own stance is on the other side",
    "testament": "Lenin's last word is read",
    "censured_keeps_no_posts": "target: a censured opposition's office is taken",
    "status_quo": "an office motion: things stay as they are",
    "expects_delegates": "gain: points the faction's share of delegates would exceed its share of the CC",
    "fears_delegates": "gain: the same, zero or less",
    "no_stake": "nothing in it for the faction",
    "defends_post": "office: the motion is about the voter's own office",
    "won_over": "by, lead, margin: a rival's ties run this far ahead of the voter's own faction's",
    "swing": "terms, score (and for a block of unaligned members percent: the share voting yes): "
    "an unaligned voter's sum, positive for yes",
}

#: the terms of an unaligned voter's score (:func:`swing_score`), in the order they are summed
SWING_TERMS = ("prestige", "mantle", "exposure", "opinion", "testament", "routine", "status_quo", "ties")


@define
class Ballot:
    """One voter's vote, as data: a screen names the voter from ``who`` (and the body: a council's
    voters are figures, an assembly's factions)."""

    side: str  # yes | no | abstain
    weight: int
    reason: str  # a code of :data:`REASONS`
    who: str = ""  # the figure's id, the faction's id, or "unaligned"
    secret: str | None = None  # the faction that secretly won this voter over, when that decided the vote
    #: the reason's numbers and ids (see :data:`REASONS`); plain data, kept in the state's record of votes
    detail: dict | None = None


@define
class Breakdown:
    body: str
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


# --- who is hurt and who gains by a motion ---------------------------------------------------

DISCIPLINE = ("censure", "remove_posts", "expel_cc", "expel_party", "exile", "deport")


def target_of(state: State, rules: Rules, prop: Proposal) -> str | None:
    kind = rules.motions[prop.motion].kind
    if kind in DISCIPLINE:
        return prop.args[0]
    if kind in ("remove_office", "appoint_office"):
        return state.holder_faction(prop.args[0])
    if kind == "read_testament":
        return state.holder_faction(rules.settings.roles.general_secretary)
    return None


def beneficiary_of(state: State, rules: Rules, prop: Proposal) -> str:
    kind = rules.motions[prop.motion].kind
    if kind == "appoint_office":
        return state.figures[prop.args[1]].faction or prop.proposer
    return prop.proposer


def faction_side(state: State, rules: Rules, fid: str, prop: Proposal) -> tuple[str, str, dict | None]:
    """How a faction's disciplined seats vote on a motion: (side, reason code, its detail)."""
    target, gainer = target_of(state, rules, prop), beneficiary_of(state, rules, prop)
    if fid == target:
        return "no", "self_defence", None
    if fid in (prop.proposer, gainer):
        return "yes", "own_motion" if fid == prop.proposer else "own_candidate", None
    if state.in_bloc(fid, prop.proposer) and not _no_case(state, rules, prop, target):
        return "yes", "bloc", {"with": prop.proposer}
    if target and state.in_bloc(fid, target):
        return "no", "bloc", {"with": target}
    if state.factions[fid].status == "capitulated":
        return "yes", "capitulated", None
    return _interest(state, rules, fid, prop, target)


def _no_case(state: State, rules: Rules, prop: Proposal, target: str | None) -> bool:
    """A discipline motion against a faction whose exposure is below the motion's own threshold:
    the ban on factions makes no case, and even the mover's partners judge it for themselves."""
    motion = rules.motions[prop.motion]
    return motion.kind in DISCIPLINE and target is not None and state.factions[target].exposure < motion.min_exposure


def _interest(state, rules: Rules, fid, prop, target) -> tuple[str, str, dict | None]:
    motion = rules.motions[prop.motion]
    kind = motion.kind
    if kind in DISCIPLINE:
        v = rules.settings.votes
        exposure, line = state.factions[target].exposure, motion.min_exposure + v.ban_margin
        if exposure >= line:
            return "yes", "ban_on_factions", {"target": target, "exposure": exposure, "line": line}
        stance = state.stance(fid, rules.settings.roles.party_democracy)
        detail = {"target": target, "exposure": exposure, "line": line, "stance": stance, "democrat": v.democrat_stance}
        if stance < v.democrat_stance:
            return "no", "party_democracy", detail
        return "abstain", "no_clear_case", detail
    if kind == "adopt_line":
        issue, direction = prop.args
        own = state.stance(fid, issue)
        agrees = (own < 0) == (direction == "left")
        detail = {"issue": issue, "direction": direction, "stance": own}
        return ("yes", "agrees_on_line", detail) if agrees else ("no", "opposes_line", detail)
    if kind == "read_testament":
        return "yes", "testament", None
    if kind == "remove_office" and target is not None and state.rung(target) > 0:
        return "yes", "censured_keeps_no_posts", {"target": target}
    if kind in ("remove_office", "appoint_office"):
        return "no", "status_quo", None
    if kind == "convene_congress":
        shares = delegate_shares(state, rules)
        total_cc = sum(state.cc.values()) or 1
        delegates = shares.get(fid, 0) * 100 // max(1, sum(shares.values()))
        cc = state.cc.get(fid, 0) * 100 // total_cc
        detail = {"delegates": delegates, "cc": cc, "gain": delegates - cc}
        return ("yes", "expects_delegates", detail) if delegates - cc > 0 else ("no", "fears_delegates", detail)
    return "abstain", "no_stake", None


def swing_score(state: State, rules: Rules, prop: Proposal, affinity: dict | None = None, leaning: int = 0):
    """(score, terms) for an unaligned voter: positive means yes; ``terms`` maps each term of
    :data:`SWING_TERMS` that applies to this motion to its value, and they add up to the score."""
    motion = rules.motions[prop.motion]
    target = target_of(state, rules, prop)
    p = state.factions[prop.proposer]
    v = rules.settings.votes
    parts = {
        "prestige": p.prestige - (state.factions[target].prestige if target else v.prestige_default),
        "mantle": v.mantle_weight * (p.mantle - (state.factions[target].mantle if target else v.mantle_default)),
    }
    if motion.kind in DISCIPLINE:
        parts["exposure"] = v.exposure_weight * state.factions[target].exposure - motion.min_exposure
    if motion.kind == "adopt_line":
        issue, direction = prop.args
        sign = -1 if direction == "left" else 1
        parts["opinion"] = sign * (state.trackers.get(issue, 0) + leaning // v.leaning_divisor) // v.opinion_divisor
    if motion.kind == "read_testament":
        parts["testament"] = v.testament
    if motion.kind == "convene_congress":
        parts["routine"] = v.routine
    if motion.kind in ("remove_office", "appoint_office"):
        parts["status_quo"] = v.status_quo
    if affinity is not None:
        against = affinity.get(target, 0) if target else v.ties_default
        parts["ties"] = (affinity.get(prop.proposer, 0) - against) // v.ties_divisor
    return sum(parts.values()), parts


def affinity_of(state: State, figure: str) -> dict[str, int]:
    """A figure's real affinity: public ties plus every faction's secret cultivation."""
    aff = dict(state.figures[figure].affinity)
    for fid, cult in state.cultivation.items():
        if figure in cult:
            aff[fid] = aff.get(fid, 0) + cult[figure]
    return aff


def figure_ballot(state: State, rules: Rules, figure: str, prop: Proposal, sides: dict | None = None) -> Ballot:
    """How one figure votes.  ``sides``, if given, keeps each faction's :func:`faction_side` on
    this motion for the rest of the vote (every member of a faction asks the same)."""
    fig = state.figures[figure]
    aff = affinity_of(state, figure)
    own = fig.faction
    kind = rules.motions[prop.motion].kind
    if kind in ("remove_office", "appoint_office") and state.offices.get(prop.args[0]) == figure:
        return Ballot("no", 1, "defends_post", figure, None, {"office": prop.args[0]})
    if sides is None:
        sides = {}
    if own is not None and own in state.factions:
        side, reason, detail = sides.get(own) or sides.setdefault(own, faction_side(state, rules, own, prop))
        if figure != rules.factions[own].leader:
            rival, best = None, None  # the rival faction the figure is closest to (ties: the larger id)
            for f in state.factions:
                if f != own:
                    key = (aff.get(f, 0), f)
                    if best is None or key > best:
                        rival, best = f, key
            margin = rules.settings.votes.defection_margin
            if rival and aff.get(rival, 0) - aff.get(own, 0) >= margin:
                r_side = (sides.get(rival) or sides.setdefault(rival, faction_side(state, rules, rival, prop)))[0]
                if r_side != side:
                    lead = aff.get(rival, 0) - aff.get(own, 0)
                    return Ballot(r_side, 1, "won_over", figure, rival, {"by": rival, "lead": lead, "margin": margin})
        return Ballot(side, 1, reason, figure, None, detail)
    score, terms = swing_score(state, rules, prop, aff, rules.figures[figure].leaning)
    return Ballot("yes" if score > 0 else "no", 1, "swing", figure, None, {"terms": terms, "score": score})


def council_vote(state: State, rules: Rules, body: str, prop: Proposal) -> Breakdown:
    out = Breakdown(body)
    sides: dict = {}
    for figure in state.politburo:
        if state.figures[figure].status == "active":
            out.ballots.append(figure_ballot(state, rules, figure, prop, sides))
    return out


def seat_vote(state: State, rules: Rules, seats: dict[str, int], body: str, prop: Proposal) -> Breakdown:
    out = Breakdown(body)
    for fid, n in sorted(seats.items()):
        if n <= 0:
            continue
        if fid == UNALIGNED or fid not in state.factions:
            score, terms = swing_score(state, rules, prop)
            v = rules.settings.votes
            percent = v.unaligned_base + v.unaligned_step * score
            yes = max(0, min(n, round(n * percent / 100)))
            detail = {"terms": terms, "score": score, "percent": max(0, min(100, percent))}
            if yes:
                out.ballots.append(Ballot("yes", yes, "swing", UNALIGNED, None, detail))
            if n - yes:
                out.ballots.append(Ballot("no", n - yes, "swing", UNALIGNED, None, detail))
            continue
        side, reason, detail = faction_side(state, rules, fid, prop)
        out.ballots.append(Ballot(side, n, reason, fid, None, detail))
    return out


def vote(state: State, rules: Rules, body_id: str, prop: Proposal) -> Breakdown:
    """Put a motion to a body and return the breakdown."""
    body = rules.bodies[body_id]
    if body.kind == "council":
        return council_vote(state, rules, body_id, prop)
    if body.kind == "congress":
        seats: dict[str, int] = {}
        for _region, fid, n, _why in delegations(state, rules):
            key = fid or UNALIGNED
            seats[key] = seats.get(key, 0) + n
        return seat_vote(state, rules, seats, body_id, prop)
    if body.kind == "joint":
        seats = {}
        for member in body.members_of:
            for fid, n in _assembly_seats(state, rules, member).items():
                seats[fid] = seats.get(fid, 0) + n
        return seat_vote(state, rules, seats, body_id, prop)
    return seat_vote(state, rules, _assembly_seats(state, rules, body_id), body_id, prop)


def _assembly_seats(state: State, rules: Rules, body_id: str) -> dict[str, int]:
    return state.ccc if body_id == rules.settings.roles.control_commission else state.cc
