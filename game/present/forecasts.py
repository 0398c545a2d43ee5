"""What a move would do, in words, before it is taken: the vote forecast and who would vote how,
the numbers it changes, the lines in the rules it crosses or comes near, the votes on the agenda it
turns, a bloc's consequences, the conditions a rule sets, and the offers of blocs in hand.  Made
from the engine's preview (:mod:`game.engine.preview`): the numbers are the engine's, the words are
made here."""

from __future__ import annotations

from game.engine.preview import (
    Crossing,
    Preview,
    VoteForecast,
    bloc_forecast,
)
from game.engine.views import View
from game.present.naming import faction_name, figure_name, short_faction
from game.present.words import motion_label

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
    "won_over": lambda r, k, b, a: (
        f"{figure_name(r, k)} would vote with you in the Politburo: your ties to him now lead his own "
        f"faction's (or, for a man of none, every other's) by {r.settings.votes.defection_margin} or more"
        if a
        else f"{figure_name(r, k)} would no longer vote with you in the Politburo"
    ),
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
