"""The chronicle in words: every line of the log, made from the data the engine recorded.

The engine records each happening as data (:func:`game.engine.chronicle.note`): an event name,
the ids and numbers it concerns, and who may see it.  This module turns that data into the
chronicle's English, when a screen, a report or a test reads it; the words are never stored, so
mending one changes no game, save or replay.  A screen may draw the data instead (a vote as a
chart, a figure's name as a link), and a translation would render it anew here.

>>> from game.ruleset.loader import load_base
>>> rules = load_base()
>>> sentence(rules, "speech", {"figure": "trotsky", "issue": "party_democracy"})
'Leon Trotsky speaks at the plenum on Party democracy or discipline'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from game.present import words
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES

#: event name → function (rules, data) -> the chronicle's line
WORDS: dict[str, Callable[[object, Mapping], str]] = {}


def render(rules, entry) -> str:
    """The chronicle's line for a log entry (the state's or a view's): its event's words, filled
    in from its data."""
    return WORDS[entry.event](rules, dict(entry.data))


def sentence(rules, event: str, data: Mapping) -> str:
    """The chronicle's words for an event and its data, before they are in any log."""
    return WORDS[event](rules, data)


def public_lines(state, rules) -> list[str]:
    """The public chronicle, one dated line per entry everyone may see."""
    return [f"{state.date_text(e.turn)}  {render(rules, e)}" for e in state.log if e.visible_to is None]


def words_for(*events: str):
    def register(fn):
        for event in events:
            WORDS[event] = fn
        return fn

    return register


def _faction(rules, fid: str | None, none: str = "unaligned") -> str:
    return rules.factions[fid].name if fid in rules.factions else none


def _says(template: str):
    """An event whose subject is ``data["faction"]``, with ``other``, ``region``, ``who`` filled in."""

    def fn(rules, d):
        more = {}
        if "other" in d:
            more["other"] = rules.factions[d["other"]].name
        if "region" in d:
            more["region"] = rules.regions[d["region"]].name
        if "figure" in d:
            more["who"] = words.figure(rules, d["figure"])
        return words.faction_says(rules, d["faction"], template, **more)

    return fn


_SAYS = {
    "cultivate": "{name} cultivate{s} {who} in private",
    "bloc_broken_by_motion": "{name} move{s} against {other}: the bloc is broken",
    "bloc_offered": "{name} propose{s} a bloc to {other}",
    "bloc_accepted": "{name} accept{s} the bloc offered by {other}",
    "bloc_declined": "{name} decline{s} the bloc offered by {other}",
    "bloc_broken": "{name} break{s} with {other}",
    "mass_appeal": "{name} take{s} {its} case to the workers of {region}",
    "signatures": "{name} gather{s} signatures for {its} platform",
    "pledge": "{name} pledge{s} to respect party discipline",
    "sole_leadership": "{name} achieve{s} sole leadership of the party",
}
for _event, _template in _SAYS.items():
    WORDS[_event] = _says(_template)


# --- the actions ----------------------------------------------------------------------------------


@words_for("game_begins")
def _begins(rules, d):
    return f"{rules.scenarios[d['scenario']].name}: the game begins"


@words_for("appoint_secretary")
def _appoint(rules, d):
    return f"The Secretariat appoints a new party secretary in {rules.regions[d['region']].name}"


@words_for("rumour")
def _rumour(rules, d):
    return f"Rumours in the corridors: {words.figure(rules, d['figure'])} is being courted"


@words_for("publish")
def _publish(rules, d):
    return (
        f"{rules.press[d['organ']].name} carries the line of {rules.factions[d['faction']].name} "
        f"on {rules.trackers[d['issue']].name}"
    )


@words_for("raid")
def _raid(rules, d):
    return f"The OGPU raids an underground press of {rules.factions[d['faction']].name}; the arrests are trumpeted"


@words_for("provocation")
def _provocation(rules, d):
    return (
        f"The OGPU announces that {rules.factions[d['target']].name} had dealings with White Guard officers "
        "plotting a coup; the charge is read out in every party cell"
    )


@words_for("provocation_exposed")
def _provocation_exposed(rules, d):
    return (
        f"A police plot against {rules.factions[d['target']].name} is found out: the 'White Guard officer' "
        f"was an OGPU agent, and the shame falls on {rules.factions[d['faction']].name}"
    )


@words_for("leaflets")
def _leaflets(rules, d):
    return (
        f"Leaflets of {rules.factions[d['faction']].name} on {rules.trackers[d['issue']].name} circulate in the cells"
    )


@words_for("speech")
def _speech(rules, d):
    return f"{words.figure(rules, d['figure'])} speaks at the plenum on {rules.trackers[d['issue']].name}"


@words_for("lenin_levy")
def _levy(rules, d):
    return "A Lenin Levy floods the party with new members loyal to the apparatus"


@words_for("coup")
def _coup(rules, d):
    return f"The army moves: {words.figure(rules, d['figure'])} seizes the Secretariat"


@words_for("coup_failed")
def _coup_failed(rules, d):
    return f"The military plot of {rules.factions[d['faction']].name} collapses; the commissars hold the army"


@words_for("composed_action")
def _composed_words(rules, d) -> str:
    rule = rules.actions[d["action"]]
    said = words.faction_says(rules, d["faction"], "{name}: " + rule.name)
    if "target" in d:
        return f"{said} ({words.target_words(rules, rule, d['target'])})"
    return said


@words_for("entrench")
def _entrench(rules, d):
    return f"Party work strengthens the secretary's hold in {rules.regions[d['region']].name}"


# --- motions and votes ----------------------------------------------------------------------------


def moved(rules, motion: str, args, proposer: str) -> str:
    """A motion with its mover, as the agenda and the votes name it.

    >>> from game.ruleset.loader import load_base
    >>> moved(load_base(), "censure", ("trotsky",), "stalin")
    'Censure a faction: Trotsky and the Left Opposition (moved by Stalin and the Centre)'
    """
    return f"{words.motion_label(rules, motion, tuple(args))} (moved by {rules.factions[proposer].name})"


def motion_text(rules, d) -> str:
    """A logged motion (an agenda item, a vote, a lapse) with its mover."""
    return moved(rules, d["motion"], d["args"], d["proposer"])


@words_for("agenda")
def _agenda(rules, d):
    return f"Put on the agenda: {motion_text(rules, d)}"


@words_for("lapsed")
def _lapsed(rules, d):
    return f"Lapsed: {motion_text(rules, d)}"


def tally(yes: int, no: int, abstain: int) -> str:
    """``52–11``, with abstentions when there were any."""
    return f"{yes}–{no}" + (f" ({abstain} abstaining)" if abstain else "")


@words_for("vote")
def _vote(rules, d):
    verdict = "carried" if d["passed"] else "defeated"
    return (
        f"{rules.bodies[d['body']].name}: {motion_text(rules, d)} — {verdict} {tally(d['yes'], d['no'], d['abstain'])}"
    )


# --- events, the Congress, offices -------------------------------------------------------------------


@words_for("event")
def _event(rules, d):
    ev = rules.events[d["event"]]
    return f"{ev.name}: {ev.text}".strip()


@words_for("choice")
def _choice(rules, d):
    option = next(o for o in rules.events[d["event"]].choice.options if o.id == d["option"])
    return f"Choice of {rules.factions[d['faction']].name}: {option.name}"


@words_for("log")
def _log(rules, d):
    return d["text"]


def _shares(rules, shares, none: str) -> str:
    # "; ": a faction's name may itself hold a comma
    return "; ".join(f"{_faction(rules, f, none)} {n}" for f, n in sorted(shares, key=lambda kv: (-kv[1], kv[0])))


@words_for("congress_meets")
def _congress(rules, d):
    return f"The {d['name']} meets. Delegates: {_shares(rules, d['delegates'], 'uncommitted')}"


@words_for("central_committee_elected")
def _cc(rules, d):
    return "New Central Committee: " + _shares(rules, d["seats"], "unaligned")


@words_for("politburo_elected")
def _politburo(rules, d):
    return "Elected to the Politburo: " + ", ".join(words.figure(rules, f) for f in d["figures"])


@words_for("general_secretary_elected")
def _gensec(rules, d):
    return f"The Central Committee makes {words.figure(rules, d['figure'])} General Secretary"


@words_for("secretaries_elected")
def _secretaries(rules, d):
    return "New secretaries of the Central Committee: " + ", ".join(words.figure(rules, f) for f in d["figures"])


@words_for("office_filled")
def _office(rules, d):
    return f"{words.figure(rules, d['figure'])} becomes {rules.offices[d['office']].name}"


# --- the ladder, the end ----------------------------------------------------------------------------


#: the chronicle's line for each rung; the faction is the subject (see ``words.faction_says``)
STATUS_WORDS = {
    "active": "{name} {is} restored to good standing",
    "censured": "{name} {is} censured",
    "removed": "{name} {is} removed from {its} posts",
    "expelled_cc": "{name} {is} expelled from the Central Committee",
    "expelled_party": "{name} {is} expelled from the party",
    "exiled": "{name} {is} sent into internal exile",
    "deported": "{leader} is deported from the Soviet Union",
    "capitulated": "{name} recant{s} and capitulate{s}",
}
#: deportation when the leader is dead: no one is put on the ship
DEPORTED_WITHOUT_LEADER = "{name} {is} broken up, {its} people in exile"


@words_for("status")
def _status(rules, d):
    template = STATUS_WORDS[d["status"]]
    if d["status"] == "deported" and not d.get("leader_deported", True):
        template = DEPORTED_WITHOUT_LEADER
    return words.faction_says(rules, d["faction"], template, leader=words.leader(rules, d["faction"]))


@words_for("readmitted")
def _readmitted(rules, d):
    return "Readmitted to the party: " + ", ".join(words.figure(rules, f) for f in d["figures"])


@words_for("scenario_ends")
def _ends(rules, d):
    if d["outcome"] == "power_score":
        return f"The scenario ends with {rules.factions[d['winner']].name} strongest"
    return "The scenario ends in a collective leadership"


@words_for("result")
def _result(rules, d):
    points = points_text(d["points"])
    return f"{rules.factions[d['faction']].name}: {RESULT_NAMES[d['result']]} ({points} against history)"
