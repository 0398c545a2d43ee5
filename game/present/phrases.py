"""What a screen shows, as plain data and strings: the terminal prints it, the window draws it.

Everything here reads a :class:`~game.engine.views.View` and the rules, never the state: the
menu of actions in fixed places (grouped by kind, destructive ones marked), each action's text,
price and forecast, vote breakdowns with the secret contacts they reveal, the agenda and when each
item is voted, the regions table, the trackers on their labelled scales, and the end of the game.
The engine gives reasons as codes with the numbers it used (a ballot's, a delegation's, a line a
move crosses); the words are made here, from those numbers, never from a second formula.
No pygame, no printing.
"""

from __future__ import annotations

from attrs import frozen

from game.engine.actions import CHOOSE, Action
from game.engine.moves import held_capabilities
from game.engine.objectives import points_text
from game.engine.preview import (
    Coming,
    Crossing,
    Preview,
    VoteForecast,
    action_preview,
    bloc_forecast,
    coming,
    motion_forecast,
)
from game.engine.views import BallotView, View, VoteView
from game.engine.words import action_words, motion_label
from game.present import chronicle
from game.ruleset.records import RESULT_NAMES, SCENARIO_KINDS
from game.ruleset.vocabulary import ACTION_KINDS

#: kinds a player is asked to confirm (they break something or cannot be taken back in spirit),
#: with the words of the question: from the kinds' declaration
DESTRUCTIVE = {name: kind.confirm for name, kind in ACTION_KINDS.items() if kind.confirm}
WAIT_KIND = "pass"


# --- names ----------------------------------------------------------------------------------------


def faction_name(rules, fid: str | None) -> str:
    if fid is None:
        return "nobody"
    rec = rules.factions.get(fid)
    return rec.name if rec is not None else fid.replace("_", " ")


def figure_name(rules, fid: str | None) -> str:
    if fid is None:
        return "vacant"
    rec = rules.figures.get(fid)
    return rec.name if rec is not None else fid


def short_faction(rules, fid: str | None) -> str:
    """A faction's leader's surname, for tight columns."""
    if fid is None or fid not in rules.factions:
        return "-"
    return rules.figures[rules.factions[fid].leader].name.split()[-1]


# --- actions and the menu ---------------------------------------------------------------------------


def cost_text(rule) -> str:
    cost = rule.cost
    parts = [f"{cost.ap} AP"]
    if cost.influence:
        parts.append(f"{cost.influence} influence")
    if cost.prestige:
        parts.append(f"{cost.prestige} prestige")
    if rule.exposure:
        parts.append(f"+{rule.exposure} exposure")
    return ", ".join(parts)


@frozen
class ActionCard:
    """One action as a player reads it."""

    action: Action
    title: str  # the rule's name and its arguments in words
    text: str  # the rule file's description
    cost: str
    confirm: str | None  # a question to ask before taking it, or None
    preview: tuple[str, ...]  # what it would change, from what the faction can see


def action_card(rules, view: View, action: Action, with_preview: bool = True) -> ActionCard:
    if action.name == CHOOSE:
        eid = view.pending_choice[0]
        opt = next(o for o in rules.events[eid].choice.options if o.id == action.args[0])
        preview = preview_lines(rules, view, action_preview(view, rules, action)) if with_preview else ()
        return ActionCard(action, opt.name, " ".join((opt.text or "").split()), "", None, tuple(preview))
    rule = rules.actions[action.name]
    title = action_title(rules, action)
    preview = preview_lines(rules, view, action_preview(view, rules, action)) if with_preview else ()
    return ActionCard(
        action,
        title,
        " ".join(rule.text.split()),
        cost_text(rule),
        confirm_question(rules, view, action),
        tuple(preview),
    )


def is_historical(rules, view: View, action: Action) -> bool:
    """Whether an option of the event put to the viewer is the one history took (the rule file's
    first, which the game plays for a faction no one answers for)."""
    if action.name != CHOOSE or not view.pending_choice:
        return False
    options = rules.events[view.pending_choice[0]].choice.options
    return bool(options) and options[0].id == action.args[0]


def confirm_question(rules, view: View, action: Action) -> str | None:
    """The question to ask before a destructive action, or None.  It does not repeat the
    action's name: every screen shows it beside the question (the card's title)."""
    if action.name == CHOOSE:
        return None
    rule = rules.actions[action.name]
    if rule.kind in DESTRUCTIVE:
        text = DESTRUCTIVE[rule.kind]
        return f"{text[0].upper()}{text[1:]}. Are you sure?"
    if rule.kind == WAIT_KIND and view.factions[action.faction].ap > 0:
        ap = view.factions[action.faction].ap
        return f"Your {ap} remaining action point{'s' if ap != 1 else ''} will be lost this quarter. Are you sure?"
    return None


@frozen
class MenuEntry:
    """One kind of action in its fixed place in the menu."""

    number: int  # its place: the rule file's order, the same every quarter
    action_id: str
    name: str
    actions: tuple[Action, ...]  # the legal ones now (empty: unavailable)
    why_not: str  # why it is unavailable ("" when available)
    text: str
    cost: str


def menu(rules, view: View, legal: tuple[Action, ...]) -> list[MenuEntry]:
    """Every action of the rules in the rule file's order, with the legal ones under each."""
    by_name: dict[str, list[Action]] = {}
    for a in legal:
        by_name.setdefault(a.name, []).append(a)
    out = []
    for number, (aid, rule) in enumerate(rules.actions.items(), 1):
        actions = tuple(by_name.get(aid, ()))
        why = "" if actions else why_unavailable(rules, view, rule)
        out.append(MenuEntry(number, aid, rule.name, actions, why, " ".join(rule.text.split()), cost_text(rule)))
    return out


def why_unavailable(rules, view: View, rule) -> str:
    """Why an action is not among the legal ones now, in words (an explanation: the engine's
    legal actions alone decide)."""
    me = view.you
    if view.active != me or view.phase != "actions":
        return "not your move"
    fs = view.factions[me]
    if fs.status not in rule.allowed_status:
        return f"not while {fs.status.replace('_', ' ')}"
    cost = rule.cost
    for need, have, what in (
        (cost.ap, fs.ap, "action points"),
        (cost.influence, fs.influence, "influence"),
        (cost.prestige, fs.prestige, "prestige"),
    ):
        if need > have:
            return f"needs {need} {what} (you have {have})"
    if rule.requires is not None and rule.requires not in capabilities(rules, view, me):
        holders = [o.name for o in rules.offices.values() if rule.requires in o.grants]
        return "needs " + (" or ".join(holders) if holders else rule.requires)
    if rule.conditions:
        return "not offered now (its conditions do not hold)"
    return "no one to do it with now, or done already this quarter"


def capabilities(rules, view: View, faction: str) -> set[str]:
    return held_capabilities(rules, view.offices, view.figures, faction)


#: a chancy action's whole preview
CHANCE_WORDS = "the outcome depends on chance"


def preview_lines(rules, view: View, preview: Preview) -> list[str]:
    """A preview in words: the vote forecast or the numbers it changes, then the lines in the
    rules it crosses, the votes on the agenda it turns, a bloc's consequences, the motions it tables."""
    if preview.chance:
        return [CHANCE_WORDS]
    if preview.vote is not None:
        return [forecast_text(rules, preview.vote), sides_text(rules, preview.vote.ballots)]
    shown = {c.what for c in preview.bloc.changes} | {("blocs", "")} if preview.bloc is not None else set()
    out = changes_text(rules, [c for c in preview.changes if c.what not in shown])  # a bloc's own: listed under it
    out += [crossing_text(rules, view, c) for c in preview.crossings]
    out += [watch_text(rules, view, w) for w in preview.watch]
    out += [shift_text(rules, view, sh) for sh in preview.agenda]
    for prop, forecast in preview.tabled:
        out.append(
            f"Puts on the agenda: {motion_label(rules, prop.motion, prop.args)} — {forecast_text(rules, forecast)}"
        )
    if preview.bloc is not None:
        out += bloc_lines(rules, view, preview.bloc)
    return out or ["nothing you can see changes"]


def forecast_text(rules, v: VoteForecast) -> str:
    """How a motion would be voted now: '<body>: this motion would pass 22–18 if it met now (needs over 50%)'."""
    verdict = "would pass" if v.passes else "would fail"
    extra = f", {v.abstain} abstaining" if v.abstain else ""
    return (
        f"{rules.bodies[v.body].name}: this motion {verdict} {v.yes}–{v.no}{extra} if it met now "
        f"(needs over {v.threshold}%)"
    )


def sides_text(rules, ballots) -> str:
    """Who would vote how, in short: 'for: Trotsky 5, unaligned 10 · against: Stalin 12'."""
    sides: dict[str, dict[str, int]] = {}
    for b in ballots:
        if b.who in rules.factions:
            name = short_faction(rules, b.who)
        elif b.who in rules.figures:
            name = figure_name(rules, b.who).split()[-1]
        else:
            name = "unaligned"
        group = sides.setdefault(b.side, {})
        group[name] = group.get(name, 0) + b.weight
    words = {"yes": "for", "no": "against", "abstain": "abstaining"}
    return " · ".join(
        f"{words[side]}: " + ", ".join(f"{n} {w}" if w != 1 else n for n, w in sides[side].items())
        for side in ("yes", "no", "abstain")
        if side in sides
    )


def shift_text(rules, view: View, shift) -> str:
    """A motion on the agenda whose forecast an action moves."""
    item = view.agenda[shift.index]
    old, new = shift.before, shift.after

    def how(v):
        return ("passing" if v.passes else "failing") + f" {v.yes}–{v.no}"

    return f"On the agenda, {motion_label(rules, item.motion, item.args)}: {how(old)} → {how(new)}"


#: a rung of the disciplinary ladder, or capitulation, in words
RUNG_WORDS = {
    "active": "in good standing",
    "censured": "censured",
    "removed": "removed from posts",
    "expelled_cc": "expelled from the Central Committee",
    "expelled_party": "expelled from the party",
    "exiled": "in internal exile",
    "deported": "deported",
    "capitulated": "readmitted after capitulating",
}


def rung_text(status: str) -> str:
    return RUNG_WORDS.get(status, status.replace("_", " "))


def watch_text(rules, view: View, w) -> str:
    """An event to come that turns on a line of the mover's exposure: 'exposure 0 → 4: 'The
    Thirteenth Party Conference…' (due 1924-Q1) can fall on you only if, when it comes, Trotsky's
    exposure is 5 or more (what happens before then counts too)'."""
    event = rules.events[w.event]
    return (
        f"exposure {w.before} → {w.after}: '{event.name}' (due {w.due}) can fall on you only if, when it comes, "
        f"{condition_text(rules, w.condition)} (what happens before then counts too)"
    )


def crossing_text(rules, view: View, c: Crossing) -> str:
    """A line in the rules an action crosses, with the rule's own number."""
    who = "you" if c.faction == view.you else faction_name(rules, c.faction)
    up = c.after > c.before
    if c.kind in ("motion", "ban"):
        motion = rules.motions[c.ref]
        body = rules.bodies[motion.body].name
        where = f"exposure {c.before} → {c.after} crosses {c.line}: "
        if c.rung is not None:
            where += f"once {'you are' if who == 'you' else who + ' is'} {rung_text(c.rung)}, "
        if c.forecast is not None:
            verdict = "would pass" if c.forecast.passes else "would fail"
            body += (
                f"; moved now by {short_faction(rules, c.mover)} it {verdict} {c.forecast.yes}–{c.forecast.no}"
                f" (needs over {c.forecast.threshold}%)"
            )
        if c.kind == "motion":
            if up:
                return where + f"from {c.line} a rival may move '{motion.name}' against {who} in the {body}"
            return where + f"below {c.line} no one may move '{motion.name}' against {who}"
        if up:
            moved = body.partition("; ")[2]
            return where + (
                f"from {c.line} the factions with no stake back '{motion.name}' against {who} under the ban on factions"
                + (f"; {moved}" if moved else "")
            )
        return where + f"below {c.line} the ban on factions no longer makes the case for '{motion.name}' against {who}"
    event = rules.events[c.ref]
    cond = condition_text(rules, c.condition)
    may = "may happen" if event.chance < 100 else "would happen"
    if c.after:
        return f"'{event.name}' (due {c.due}) {may} now: this makes '{cond}' true, and its other conditions hold"
    return f"'{event.name}' (due {c.due}) would no longer happen: this makes '{cond}' false"


#: condition verbs in words: (text when it holds, with {…} filled from its argument's names)
CONDITION_WORDS = {
    "exposure_below": "{faction}'s exposure is below {value}",
    "mantle_at_least": "{faction}'s Lenin's mantle is {value} or more",
    "prestige_at_least": "{faction}'s prestige is {value} or more",
    "tracker_at_least": "{id} is {value} or more",
    "tracker_below": "{id} is below {value}",
    "signatures_at_least": "{faction}'s platform has {value} thousand signatures or more",
    "regions_at_least": "{faction}'s secretaries lead {value} party organisations or more",
    "cc_share_at_least": "{faction} holds {percent}% of the Central Committee or more",
    "delegates_at_least": "{faction} sent {percent}% of the last Congress's delegates or more",
    "politburo_seats_at_least": "{faction} holds {value} Politburo seats or more",
    "politburo_votes_at_least": "{value} Politburo members or more would vote with {faction}",
    "power_ratio_at_least": "{faction}'s power is {percent}% of the strongest rival's or more",
    "status_is": "{faction} is {status}",
    "status_at_least": "{faction} is {status} or further down the ladder",
    "bloc": "{a} and {b} are in a bloc",
    "holds": "{faction} holds the post of {office}",
    "holder": "{figure} holds the post of {office}",
    "figure_status": "{figure} is {status}",
}
#: the negation of a condition whose words read better turned round than with 'not'
NEGATED_WORDS = {
    "exposure_below": "{faction}'s exposure is {value} or more",
    "bloc": "{a} and {b} are not in a bloc",
    "status_at_least": "{faction} is not yet {status}",
}


def condition_text(rules, item) -> str:
    """A condition of an event in words ('Trotsky's exposure is 10 or more')."""
    ((verb, arg),) = item.items()
    negated = verb == "not" and isinstance(arg, dict)
    if negated:
        ((verb, arg),) = arg.items()
    template = NEGATED_WORDS.get(verb) if negated else None
    prefix = ""
    if template is None:
        template = CONDITION_WORDS.get(verb)
        prefix = "not so: " if negated else ""
    if template is None or not isinstance(arg, dict):
        return "one of its conditions"
    names = {}
    for key, value in arg.items():
        if key in ("faction", "a", "b"):
            names[key] = short_faction(rules, value)
        elif key == "id":
            names[key] = rules.trackers[value].name
        elif key == "status" and verb in ("status_is", "status_at_least"):
            names[key] = rung_text(value)
        elif key == "office":
            names[key] = rules.offices[value].name
        elif key == "figure":
            names[key] = figure_name(rules, value)
        else:
            names[key] = str(value).replace("_", " ")
    try:
        return prefix + template.format(**names)
    except KeyError:
        return "one of its conditions"


def bloc_lines(rules, view: View, bloc) -> list[str]:
    """What a bloc would change, formed now: what accepting does, what an offer would do if
    accepted, what declining forgoes."""
    other = bloc.b if bloc.a == view.you else bloc.a
    name = faction_name(rules, other)
    head = {
        "offer_bloc": f"Should {name} accept, a bloc",
        "accept_bloc": f"Accepting forms a bloc with {name}",
        "decline_bloc": f"Declining changes nothing; accepting would form a bloc with {name}",
    }.get(bloc.kind, f"A bloc with {name}")
    out = [
        f"{head}: each side's seats vote for the other's motions and against motions aimed at it, and a "
        "secretary's machine delivers the partner's delegates with his own"
    ]
    out += [f"  {change_text(rules, c)}" for c in bloc.changes]
    out += [f"  {shift_text(rules, view, sh)}" for sh in bloc.agenda]
    for mover, (mid, *args) in bloc.lost:
        out.append(f"  {faction_name(rules, mover)} could no longer move: {motion_label(rules, mid, tuple(args))}")
    out += [f"  {crossing_text(rules, view, c)}" for c in bloc.crossings]
    if len(out) == 1:
        out.append("  nothing else you can see would change now")
    return out


def offer_lines(rules, view: View) -> list[str]:
    """Each bloc offer made to the viewer, with what accepting it would change."""
    out = []
    for a, b in view.offers:
        if b == view.you:
            out.append(f"{faction_name(rules, a)} offers you a bloc.")
            out += [f"  {line}" for line in bloc_lines(rules, view, bloc_forecast(view, rules, b, a))]
    return out


#: this many regions or more whose sympathy for one faction moves by the same amount are said in
#: one line, not one each
SAME_SHIFT = 4


def changes_text(rules, changes) -> list[str]:
    """The changes in words, one a line, except that the same shift of sympathy for a faction in
    many regions is one line ('sympathy for Trotsky and the Left Opposition +3 in every region')."""
    groups: dict[tuple[str, int], list] = {}
    for c in changes:
        if c.what[0] == "sympathy":
            groups.setdefault((c.what[1].split(":")[1], c.after - c.before), []).append(c)
    together = {id(c) for group in groups.values() if len(group) >= SAME_SHIFT for c in group}
    out, said = [], set()
    for c in changes:
        if id(c) not in together:
            out.append(change_text(rules, c))
            continue
        key = (c.what[1].split(":")[1], c.after - c.before)
        if key in said:
            continue
        said.add(key)
        group = groups[key]
        where = (
            "every region"
            if len(group) == len(rules.regions)
            else f"{len(group)} regions ({', '.join(rules.regions[g.what[1].split(':')[0]].name for g in group)})"
        )
        out.append(f"Sympathy for {faction_name(rules, key[0])} {key[1]:+d} in {where}")
    return out


def _pair(key: str) -> tuple[str, str]:
    a, _, b = key.partition(":")
    return a, b


#: a change's words by its kind: (rules, key, before, after) -> text
CHANGE_WORDS = {
    "influence": lambda r, k, b, a: f"{faction_name(r, k)}: influence {b} → {a}",
    "prestige": lambda r, k, b, a: f"{faction_name(r, k)}: prestige {b} → {a}",
    "exposure": lambda r, k, b, a: f"{faction_name(r, k)}: exposure {b} → {a}",
    "mantle": lambda r, k, b, a: f"{faction_name(r, k)}: Lenin's mantle {b} → {a}",
    "status": lambda r, k, b, a: f"{faction_name(r, k)}: {rung_text(b)} → {rung_text(a)}",
    "tracker": lambda r, k, b, a: f"{r.trackers[k].name}: {b} → {a}",
    "secretary": lambda r, k, b, a: f"{r.regions[k].name}: secretary {short_faction(r, b)} → {short_faction(r, a)}",
    "hold": lambda r, k, b, a: f"{r.regions[k].name}: the secretary's hold {b} → {a}",
    "sympathy": lambda r, k, b, a: (
        f"{r.regions[_pair(k)[0]].name}: sympathy for {faction_name(r, _pair(k)[1])} {b} → {a}"
    ),
    "follows": lambda r, k, b, a: (
        f"{r.regions[k].name}'s delegation would follow {short_faction(r, a)} (was {short_faction(r, b)})"
    ),
    "delegates": lambda r, k, b, a: f"If the Congress met: {faction_name(r, k)} {b} → {a} delegates",
    "contact": lambda r, k, b, a: f"Your secret contact {figure_name(r, k)}: +{b} → +{a}",
    "office": lambda r, k, b, a: f"{r.offices[k].name}: {figure_name(r, b)} → {figure_name(r, a)}",
    "politburo": lambda r, k, b, a: (
        f"{figure_name(r, k)} {'takes a Politburo seat' if a else 'loses his Politburo seat'}"
    ),
    "joins": lambda r, k, b, a: f"{figure_name(r, k)}: {faction_name(r, b)} → {faction_name(r, a)}",
    "figure_status": lambda r, k, b, a: f"{figure_name(r, k)}: {b} → {a}",
    "affinity": lambda r, k, b, a: f"{figure_name(r, _pair(k)[0])}'s ties to {faction_name(r, _pair(k)[1])}: {b} → {a}",
    "congress": lambda r, k, b, a: f"A Congress is called: {a}" if a else "The Congress called is called off",
    "blocs": lambda r, k, b, a: f"Blocs: {b} → {a}",
}


def change_text(rules, change) -> str:
    """A change the preview found, in words (a table by its kind; an unknown kind as it is)."""
    kind, key = change.what
    words = CHANGE_WORDS.get(kind)
    if words is None:
        return f"{kind} {key}: {change.before} → {change.after}"
    return words(rules, key, change.before, change.after)


# --- votes ------------------------------------------------------------------------------------------


def vote_summary(vote: VoteView) -> str:
    yes, no, abstain = vote.total("yes"), vote.total("no"), vote.total("abstain")
    verdict = "carried" if vote.passed else "defeated"
    return f"{verdict} {yes}–{no}" + (f" ({abstain} abstaining)" if abstain else "")


def vote_lines(rules, vote: VoteView, viewer: str | None, date: str = "") -> list[str]:
    """A vote's breakdown: who voted how and why, with every secret contact it revealed."""
    head = f"{date + '  ' if date else ''}{rules.bodies[vote.body].name}: {vote.motion} — {vote_summary(vote)}"
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
        out.append(f"    {b.side:<7} {b.voter}{weight} — {ballot_reason(rules, b)}{mark}")
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


# --- the agenda, the regions, the trackers --------------------------------------------------------


def agenda_lines(rules, view: View) -> list[str]:
    """Each motion on the agenda, when it will be voted, and how it would go if voted now (the
    engine's own vote on the game as the viewer sees it)."""
    out = []
    for item in view.agenda:
        forecast = motion_forecast(view, rules, item.motion, item.args, item.proposer)
        verdict = "would pass" if forecast.passes else "would fail"
        extra = f", {forecast.abstain} abstaining" if forecast.abstain else ""
        now = f"if voted now it {verdict} {forecast.yes}–{forecast.no}{extra} (needs over {forecast.threshold}%)"
        label = motion_label(rules, item.motion, item.args)
        body = rules.bodies[item.body].name if item.body else ""
        if item.at_congress:
            when = "waits for the next Congress (none is called yet)"
        elif rules.bodies[item.body].kind == "congress":
            when = f"at the Congress that meets at the close of {view.date}"
        else:
            when = f"voted by the {body} at the close of {view.date}"
        out.append(f"{label} (moved by {faction_name(rules, item.proposer)}) — {when}; {now}")
    return out


def coming_lines(rules, view: View) -> list[str]:
    """The events due at the opening of the next quarter that concern the viewer, in words: whether
    they would happen as things stand, what they would do to it, and the lines on a faction's
    numbers they turn on ('Trotsky's exposure is 5 or more (so now)'), so that a player sees a
    censure coming before the move that brings it on, and what would stop it."""
    return [coming_text(rules, view, c) for c in coming(view, rules)]


def coming_text(rules, view: View, c: Coming) -> str:
    event = rules.events[c.event]
    if c.happens:
        verdict = "may happen (it is a matter of chance)" if c.chance else "will happen as things stand"
    else:
        verdict = "will not happen as things stand"
    parts = [f"Due {c.due}: '{event.name}' {verdict}"]
    if c.changes:
        parts.append(
            ("it would bring: " if c.happens else "it would bring, if it did: ")
            + "; ".join(change_text(rules, ch) for ch in c.changes)
        )
    if c.asks_you:
        parts.append("it puts a choice to you")
    if c.options:
        chooser = faction_name(rules, event.choice.faction)
        names = {o.id: o.name for o in event.choice.options}
        parts.append(
            "; ".join(
                f"should {chooser} choose '{names[oid]}': " + "; ".join(change_text(rules, ch) for ch in changes)
                for oid, changes in c.options
            )
        )
    if c.lines:
        parts.append(
            "it turns on: "
            + "; ".join(f"{condition_text(rules, item)} ({'so now' if ok else 'not so now'})" for item, ok in c.lines)
        )
    return " — ".join(parts)


@frozen
class RegionRow:
    id: str
    name: str
    secretary: str  # the faction's short name, or "-"
    hold: int
    sympathy: tuple[tuple[str, int], ...]  # (faction, sympathy), strongest first
    delegates: int
    follows: str  # whom the delegation would follow now
    why: str  # why, term by term (:func:`delegation_text`)


def region_rows(rules, view: View) -> list[RegionRow]:
    rows = []
    for rid, r in view.regions.items():
        sym = tuple(sorted(((f, s) for f, s in r.sympathy.items() if s), key=lambda p: (-p[1], p[0])))
        rows.append(
            RegionRow(
                rid,
                rules.regions[rid].name,
                short_faction(rules, r.secretary),
                r.loyalty,
                sym,
                r.delegates,
                short_faction(rules, r.follows),
                delegation_text(rules, r.why, r.follows) if r.why is not None else "",
            )
        )
    return rows


def delegation_text(rules, why, follows: str | None) -> str:
    """Why a delegation goes where it does, as the sum the engine made: 'hold 65 + bureaucracy 11
    = 76 ≥ Trotsky's sympathy 71: the secretary's machine delivers it to Stalin'."""
    hold = f"hold {why.hold} + bureaucracy {why.bonus} = {why.total}"
    if why.outcome == "overwhelmed":
        return (
            f"{short_faction(rules, why.rival)}'s sympathy {why.sympathy} > {hold}, and reaches {why.threshold}: "
            f"the rank and file overwhelm {short_faction(rules, why.secretary)}'s secretary and send it to "
            f"{short_faction(rules, follows)}"
        )
    if why.outcome == "machine":
        if why.rival is None:
            text = f"{hold}, and no rival's sympathy"
        elif why.sympathy <= why.total:
            text = f"{hold} ≥ {short_faction(rules, why.rival)}'s sympathy {why.sympathy}"
        else:
            text = (
                f"{short_faction(rules, why.rival)}'s sympathy {why.sympathy} > {hold}, but is under the "
                f"{why.threshold} it takes to overwhelm a secretary"
            )
        text += f": the secretary's machine delivers it to {short_faction(rules, follows)}"
        if why.partner is not None:
            text += (
                f" (the sympathy {why.partner_sympathy} for {short_faction(rules, why.partner)} would overwhelm him, "
                "but a bloc partner's delegates go with his machine)"
            )
        return text
    head = "its secretary's faction may not send delegates" if why.barred else "no secretary"
    if why.rival is None:
        return f"{head}, and no sympathy for any faction: no faction commands it"
    if why.outcome == "sympathy":
        return (
            f"{head}: {short_faction(rules, why.rival)}'s sympathy {why.sympathy} ≥ {why.threshold}, "
            f"so the rank and file send it to {short_faction(rules, follows)}"
        )
    return (
        f"{head}: the strongest sympathy, {why.sympathy} for {short_faction(rules, why.rival)}, is under the "
        f"{why.threshold} it takes: no faction commands it"
    )


def bureaucracy_note(rules, view: View) -> str:
    """Where the bureaucracy's bonus to every secretary's hold comes from (the bonus itself as
    the engine counted it in the delegations)."""
    bonus = next((r.why.bonus for r in view.regions.values() if r.why is not None), None)
    tracker = rules.settings.roles.bureaucracy
    if bonus is None or tracker not in view.trackers:
        return ""
    return (
        f"bureaucracy {bonus}: the {rules.trackers[tracker].name} ({view.trackers[tracker]}) divided by "
        f"{rules.settings.bureaucracy_per_hold}, added to every secretary's hold; the rank and file take a delegation "
        f"from its secretary only with sympathy above that sum and at least {rules.settings.override_threshold}"
    )


def region_explanation(rules, view: View, region_id: str) -> str:
    """A region's delegation if the Congress met now, term by term, from the engine's own
    comparison: its delegates, whom they would follow, and why."""
    r = view.regions[region_id]
    who = faction_name(rules, r.follows) if r.follows else "no faction"
    head = f"{rules.regions[region_id].name}: {r.delegates} delegates, for {who}"
    return head + (f" — {delegation_text(rules, r.why, r.follows)}" if r.why is not None else "")


def region_table(rules, view: View) -> list[str]:
    rows = region_rows(rules, view)
    width = max((len(r.name) for r in rows), default=6)
    out = [f"  {'Region':<{width}}  {'Secretary':<10} {'Hold':>4}  {'Delegates':>9}  {'Follows':<10} Sympathy"]
    for r in rows:
        sym = ", ".join(f"{short_faction(rules, f)} {s}" for f, s in r.sympathy) or "-"
        out.append(f"  {r.name:<{width}}  {r.secretary:<10} {r.hold:>4}  {r.delegates:>9}  {r.follows:<10} {sym}")
    return out


@frozen
class Scale:
    """A tracker on its scale, with the labels of its ends from the rule files."""

    id: str
    name: str
    value: int
    low: int
    high: int
    left: str
    right: str

    def text(self) -> str:
        if self.left and self.right:
            middle = (self.low + self.high) / 2
            if self.value == middle:
                lean = "evenly balanced"
            else:
                side = self.left if self.value < middle else self.right
                lean = f"{abs(self.value - middle):g} towards {side}"
            return f"{self.name}: {self.value} ({lean}; {self.low} {self.left} … {self.high} {self.right})"
        return f"{self.name}: {self.value} of {self.low}–{self.high}"


def scales(rules, view: View) -> list[Scale]:
    out = []
    for tid, value in view.trackers.items():
        rec = rules.trackers[tid]
        out.append(Scale(tid, rec.name, value, rec.low, rec.high, rec.left_label or "", rec.right_label or ""))
    return out


# --- the end of the game ----------------------------------------------------------------------------


OUTCOME_WORDS = {
    "sole_leadership": "Sole leadership",
    "power_score": "The strongest faction at the end",
    "collective_leadership": "Collective leadership: no faction prevails",
}

#: what the outcome measures, beside each faction's result (two verdicts a newcomer may confuse)
OUTCOME_NOTES = {
    "sole_leadership": "It holds the party alone: every rival beaten, the Secretariat or a Politburo "
    "majority its own, and most of the Central Committee.",
    "power_score": "Strongest by power in the party: offices, Politburo seats, its share of the Central "
    "Committee, prestige and Lenin's mantle.",
    "collective_leadership": "No faction's power in the party (offices, Politburo seats, its share of the "
    "Central Committee, prestige and Lenin's mantle) is clearly ahead of the next.",
}
MEASURED_NOTE = "Each faction's own result is measured against what it achieved in history, not against the others."


def outcome_note(kind: str) -> str:
    """What the outcome measures, and how it differs from each faction's result against history."""
    return f"{OUTCOME_NOTES.get(kind, '')} {MEASURED_NOTE}".strip()


def action_title(rules, action: Action) -> str:
    """An action in words: its rule's name and its arguments (an event's choice: the option)."""
    if action.name == CHOOSE:
        event = rules.events.get(action.args[0]) if action.args else None
        return "Choose: " + " ".join(action.args[-1:]).replace("_", " ") if event is None else event.name
    words = action_words(rules, action)
    return rules.actions[action.name].name + (": " + ", ".join(words) if words else "")


def reason_lines(rules, match) -> list[str]:
    """Why the computer's seats moved as they did, move by move, each in a sentence with names
    (for after the game: during it a reason would betray a bot's plans)."""
    import re

    tables = (rules.regions, rules.offices, rules.press, rules.trackers, rules.figures, rules.factions)

    def title(action: Action) -> str:
        if action.name == CHOOSE and action.args:  # the event whose option it is, when only one has it
            found = [
                (ev.name, o.name)
                for ev in rules.events.values()
                if ev.choice is not None
                for o in ev.choice.options
                if o.id == action.args[0]
            ]
            if len(found) == 1:
                return f"{found[0][0]}: chose “{found[0][1]}”"
        words = action_title(rules, action)
        for arg in action.args:  # an argument the title left as an id gets its name
            table = next((t for t in tables if arg in t), None)
            if table is not None and arg != table[arg].name:
                words = re.sub(rf"(?<![\w-]){re.escape(arg)}(?![\w-])", table[arg].name, words)
        return words

    def sentence(reason: str) -> str:
        reason = " ".join(reason.split())
        return reason[:1].upper() + reason[1:] + ("" if reason.endswith((".", "!", "?")) else ".")

    actions = match.record.actions
    return [
        f"{date}  {faction_name(rules, faction)}: {title(actions[i])}. {sentence(reason)}"
        for i, date, faction, reason in match.reasons
    ]


def end_lines(rules, view: View) -> list[str]:
    """The end: the outcome, the last quarter's results, and each faction's score against history."""

    if view.outcome is None:
        return []
    kind, winner = view.outcome
    out = [
        "",
        "=== The game is over ===",
        f"{OUTCOME_WORDS.get(kind, kind)}" + (f": {faction_name(rules, winner)}" if winner else ""),
        outcome_note(kind),
    ]
    last = view.log[-1].turn if view.log else view.turn
    out.append(f"--- the last quarter ({view.date}) ---")
    out.extend(f"  {chronicle.render(rules, e)}" for e in view.log if e.turn == last)
    out.append("--- the scores, measured against history ---")
    for fid, (points, result) in view.results.items():
        out.append(f"  {faction_name(rules, fid)}: {RESULT_NAMES[result]} ({points_text(points)})")
    if view.objectives is not None:
        out.append(f"In history: {' '.join(view.objectives.history.split())}")
    return out


def scenario_order(rules) -> list[str]:
    """Scenario ids as a menu lists them: the campaign, then classroom, then counterfactuals."""

    def key(sid):
        sc = rules.scenarios[sid]
        kind = SCENARIO_KINDS.index(sc.kind) if sc.kind in SCENARIO_KINDS else len(SCENARIO_KINDS)
        return kind, sc.start, sid

    return sorted(rules.scenarios, key=key)
