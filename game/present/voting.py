"""Votes in words: a vote's result and its ballots, each voter's reason from the code and numbers
the engine gave it (a swing voter's terms, a bloc, a secret contact the vote revealed), and what a
Congress decided."""

from __future__ import annotations

from game.engine.views import BallotView, VoteView
from game.present import chronicle
from game.present.naming import faction_name, short_faction, voter_name


def vote_summary(vote: VoteView) -> str:
    yes, no, abstain = vote.total("yes"), vote.total("no"), vote.total("abstain")
    verdict = "carried" if vote.passed else "defeated"
    return f"{verdict} {yes}–{no}" + (f" ({abstain} abstaining)" if abstain else "")


def vote_lines(rules, vote: VoteView, viewer: str | None, date: str = "") -> list[str]:
    """A vote's breakdown: who voted how and why, with every secret contact it revealed."""
    motion = chronicle.moved(rules, vote.motion_id, vote.args, vote.proposer)
    head = f"{date + '  ' if date else ''}{rules.bodies[vote.body].name}: {motion} — {vote_summary(vote)}"
    out = [head]
    for b in vote.ballots:
        mark = ""
        if b.secret is not None:
            mark = (
                "  [your secret contact]"
                if b.secret == viewer
                else f"  [revealed: a secret contact of {faction_name(rules, b.secret)}]"
            )
        weight = f" ({b.weight})" if b.weight != 1 else ""
        voter = voter_name(rules, vote.body, b.who)
        out.append(f"    {b.side:<7} {voter}{weight} — {ballot_reason(rules, b)}{mark}")
    return out


def signed(n: int) -> str:
    """A term of a sum with its sign: +4, −6, 0."""
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"


#: the terms of an unaligned voter's score (:data:`game.engine.votes.SWING_TERMS`) in words
SWING_WORDS = {
    "prestige": "prestige",
    "mantle": "Lenin's mantle",
    "exposure": "fear of exposure",
    "opinion": "party opinion",
    "testament": "Lenin's last word",
    "routine": "routine",
    "status_quo": "keeps things as they are",
    "ties": "personal ties",
}


def swing_text(rules, detail) -> str:
    """An unaligned voter's sum, term by term: 'prestige +4, Lenin's mantle −6, ... = +1: votes yes'."""
    terms = detail["terms"]
    score = detail["score"]
    sum_text = ", ".join(f"{SWING_WORDS.get(k, k.replace('_', ' '))} {signed(v)}" for k, v in terms.items())
    if "percent" in detail:
        verdict = f"{detail['percent']}% of them vote yes (rounded to whole votes)"
    else:
        verdict = "votes yes" if score > 0 else "votes no"
    return f"{sum_text} = {signed(score)}: {verdict}"


def ballot_reason(rules, ballot: BallotView) -> str:
    """Why a ballot went as it did, in words, from the reason code and the numbers the engine
    used (:data:`game.engine.votes.REASONS`)."""
    code, d = ballot.reason, ballot.detail
    if code == "swing":
        return swing_text(rules, d)
    if code == "bloc":
        return f"bloc with {faction_name(rules, d['with'])}"
    if code == "won_over":
        return (
            f"secretly won over by {faction_name(rules, d['by'])} (ties {d['lead']} ahead of his own faction's; "
            f"{d['margin']} turn a vote)"
        )
    if code in ("ban_on_factions", "party_democracy", "no_clear_case"):
        case = f"{short_faction(rules, d['target'])}'s exposure {d['exposure']}"
        if code == "ban_on_factions":
            return f"the ban on factions: {case} ≥ {d['line']}"
        if code == "party_democracy":
            return (
                f"party democracy: {case} < {d['line']} makes no case under the ban, and its stance on party "
                f"democracy {d['stance']} < {d['democrat']}"
            )
        return f"no clear case: {case} < {d['line']}, the line of the ban on factions"
    if code in ("agrees_on_line", "opposes_line"):
        issue = rules.trackers[d["issue"]].name
        return f"agrees on {issue}" if code == "agrees_on_line" else f"opposes the line on {issue}"
    if code in ("expects_delegates", "fears_delegates"):
        verb = "expects more delegates" if code == "expects_delegates" else "fears the delegates"
        return f"{verb}: {d['delegates']}% of the delegates against {d['cc']}% of the Central Committee"
    if code == "defends_post":
        return f"defends own post ({rules.offices[d['office']].name})"
    return REASON_WORDS.get(code, code.replace("_", " "))


#: reasons that need no numbers, in words
REASON_WORDS = {
    "self_defence": "self-defence",
    "own_motion": "own motion",
    "own_candidate": "own candidate",
    "capitulated": "capitulated: votes with the majority",
    "testament": "Lenin's last word",
    "censured_keeps_no_posts": "a censured opposition keeps no posts",
    "status_quo": "keeps things as they are",
    "no_stake": "no stake",
}


def congress_lines(rules, entry) -> list[str]:
    """A Congress's delegations, region by region, and whom each followed (from the log entry's
    data); empty for any other entry."""
    if entry.event != "congress_meets":
        return []
    out = []
    for rid, fid, n in entry.data["regions"]:
        out.append(f"{rules.regions[rid].name}: {n} delegates, for {faction_name(rules, fid) if fid else 'no faction'}")
    return out
