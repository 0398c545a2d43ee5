"""The narrative check: the story a game tells must not contradict itself.

It reads what a game recorded — the chronicle's entries as data (``what`` happened, with its ids
and numbers, never the words) and the state as it stood when each entry was made — and applies
one rule per kind of contradiction a reader finds in a chronicle (issue 23):

``office_returned``
    An office taken from a faction (by a vote, an event, a fall down the ladder) goes back to the
    same faction in the same quarter.
``unchosen_choice``
    An event whose conditions presume a past choice (a flag that only one option of a choice
    sets) fires although the chronicle shows no such choice: the flag came from elsewhere.
``presupposition``
    An event fires in a state its own conditions do not allow.
``double_bloc``
    A faction in blocs with both sides of a motion, one moving against the other, at the vote.
``incoherent_sequence``
    In one quarter a faction favours another (accepts a bloc with it, or takes a choice that
    wins its goodwill) and then breaks with it or moves against it; or the Testament is moved
    in the quarter an event had it read.
``absent_body``
    A body acts on what is not there: the Central Committee expels a faction that holds no seat
    in it or in the Control Commission.
``anachronism``
    A policy motion voted before its slogan exists: a line whose label is the name of a dated
    event of history (``Socialism in one country``, 20 December 1924) voted in an earlier quarter.
``senseless_appointment``
    An office goes to a figure without a trait it asks for (``traits``), or a command of the
    army or the police (an office that grants ``army`` or ``police``) to a figure who is no
    soldier or policeman.

What the data cannot show, and so is not checked here: what an event's *words* presume.  A text
that quotes a past choice ("Trotsky's own denial of 1925"), names an office holder ("Pravda's
editor"), or tells as done what its choice then offers ("a week later he admits errors", then
"Keep defending the NEP line") contradicts the game only in its words.  The rule files answer
for those: an event's text may say only what its conditions guarantee, so each presupposition is
declared as a condition — which ``unchosen_choice`` and ``presupposition`` then hold to — and a
text that tells the outcome of its own choice is written to leave it open.

:func:`trace` plays one game (bots on every seat, or uniformly random legal moves) and returns
its :class:`Moment` s; :func:`check` applies every rule to them; :func:`run` does both over many
games.  ``python -m game narrative-check`` prints the counts per kind; the count must be zero.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from attrs import define, field, frozen

from game.ai import make_bot
from game.engine import apply_action, chronicle, legal_actions, new_game, player_view, posts, rng
from game.engine.effects import holds
from game.engine.state import LogEntry, Proposal, State
from game.engine.votes import target_of

#: the kinds of contradiction, in the order they are reported
KINDS = (
    "office_returned",
    "unchosen_choice",
    "presupposition",
    "double_bloc",
    "incoherent_sequence",
    "absent_body",
    "anachronism",
    "senseless_appointment",
)
#: what an office grants → the trait its holder must have (a command is a profession)
PROFESSIONS = {"army": "soldier", "police": "policeman"}
#: ways of playing a game: the simple bots on every seat, or a uniform pick among legal moves
POLICIES = ("bots", "random")
#: a game that has not ended after this many actions is cut off (none comes near it)
MAX_ACTIONS = 20_000


@frozen
class Moment:
    """One chronicle entry and the state as it stood when the entry was made (a copy)."""

    entry: LogEntry
    state: State


@frozen
class Finding:
    kind: str
    turn: int
    why: str


@frozen
class Problem:
    """A finding in one game of a run."""

    kind: str
    scenario: str
    seed: int
    policy: str
    date: str
    why: str

    def text(self) -> str:
        return f"{self.kind}: {self.scenario} seed {self.seed} ({self.policy}) {self.date}: {self.why}"


@define
class Report:
    """What :func:`run` found: games played per policy, and every problem in the order met."""

    games: dict[str, int] = field(factory=dict)
    problems: list[Problem] = field(factory=list)

    def counts(self) -> dict[str, int]:
        """Problems per kind (every kind, zero included)."""
        out = dict.fromkeys(KINDS, 0)
        for p in self.problems:
            out[p.kind] += 1
        return out


# --- playing ----------------------------------------------------------------------------------------


def trace(rules, scenario: str, seed: int, policy: str = "bots") -> list[Moment]:
    """Play one game to its end and return every public chronicle entry with the state beside it."""
    moments: list[Moment] = []

    def observe(state, entry):
        if entry.visible_to is None:
            moments.append(Moment(entry, state.clone()))

    with chronicle.observing(observe):
        state = new_game(rules, scenario, seed)
        if policy == "bots":
            bots = {f: make_bot("simple", f, seed) for f in state.factions}
        gen = rng.derive(seed, "narrative-random")
        for _ in range(MAX_ACTIONS):
            if state.outcome is not None:
                break
            legal = legal_actions(state, rules)
            if policy == "bots":
                action, _reason = bots[state.active].choose(player_view(state, rules, state.active), legal, rules)
            else:
                i, gen = rng.below(gen, len(legal))
                action = legal[i]
            state = apply_action(state, rules, action)
    return moments


def check(rules, moments: list[Moment]) -> list[Finding]:
    """Every rule over one game's moments; findings by kind, then in the order met."""
    out: list[Finding] = []
    for kind in KINDS:
        out.extend(Finding(kind, turn, why) for turn, why in RULES[kind](rules, moments))
    return out


def run(
    rules,
    bot_games: int,
    random_games: int,
    first_seed: int = 1,
    scenarios: Iterable[str] | None = None,
    on_game: Callable | None = None,
) -> Report:
    """``bot_games`` games of the simple bots and ``random_games`` of random legal moves, each
    spread over the scenarios in turn (all of them by default) on seeds ``first_seed``,
    ``first_seed + 1``, …; ``on_game(report)`` is called after each game."""
    order = sorted(scenarios or rules.scenarios)
    report = Report()
    for policy, count in (("bots", bot_games), ("random", random_games)):
        report.games[policy] = 0
        for i in range(count):
            scenario, seed = order[i % len(order)], first_seed + i
            moments = trace(rules, scenario, seed, policy)
            for f in check(rules, moments):
                date = moments[0].state.date_text(f.turn) if moments else str(f.turn)
                report.problems.append(Problem(f.kind, scenario, seed, policy, date, f.why))
            report.games[policy] += 1
            if on_game is not None:
                on_game(report)
    return report


# --- the rules, one per kind ----------------------------------------------------------------------

RULES: dict[str, Callable[[object, list[Moment]], list[tuple[int, str]]]] = {}


def rule(kind: str):
    def register(fn):
        RULES[kind] = fn
        return fn

    return register


def _data(m: Moment) -> dict:
    return dict(m.entry.data)


def _name(rules, table: str, key) -> str:
    records = getattr(rules, table)
    return records[key].name if key in records else str(key)


@rule("office_returned")
def _office_returned(rules, moments):
    """An office a faction lost is held by the same faction again before the quarter is out.  A
    holder's death takes nothing from his faction, and a hand-over inside one faction (one
    entry's change) is no loss."""
    out = []
    lost: dict[str, tuple[int, str]] = {}  # office → (turn, faction that lost it)
    prev = None
    for m in moments:
        s = m.state
        if prev is not None and prev.turn == s.turn:
            for office, before in prev.offices.items():
                after = s.offices.get(office)
                if before is None or after == before or s.figures[before].status == "dead":
                    continue
                faction = prev.figures[before].faction
                if faction is not None and (after is None or s.figures[after].faction != faction):
                    lost[office] = (s.turn, faction)
        for office, holder in s.offices.items():
            if office in lost and holder is not None:
                turn, faction = lost[office]
                if turn == s.turn and s.figures[holder].faction == faction:
                    out.append(
                        (
                            s.turn,
                            f"{_name(rules, 'factions', faction)} lose {_name(rules, 'offices', office)} and "
                            f"{_name(rules, 'figures', holder)} of the same faction gets it back the same quarter",
                        )
                    )
                if turn != s.turn or s.figures[holder].faction == faction:
                    del lost[office]
        prev = s
    return out


def choice_flags(rules) -> dict[str, set[tuple[str, str]]]:
    """Flag → the (event, option) pairs that set it, for the flags that only an option of a
    choice sets (set nowhere else in the rule files: not by an event's own effects)."""
    by_choice: dict[str, set[tuple[str, str]]] = {}
    elsewhere: set[str] = set()
    for eid, ev in rules.events.items():
        for item in ev.effects:
            if "flag" in item:
                elsewhere.add(item["flag"])
        for option in ev.choice.options if ev.choice else ():
            for item in option.effects:
                if "flag" in item:
                    by_choice.setdefault(item["flag"], set()).add((eid, option.id))
    return {flag: pairs for flag, pairs in by_choice.items() if flag not in elsewhere}


def _flag_conditions(conditions) -> list[str]:
    return [item["flag"] for item in conditions if "flag" in item]


@rule("unchosen_choice")
def _unchosen_choice(rules, moments):
    """An event presuming a choice (a condition on a flag only one option sets) fires with no
    such choice in the chronicle and no such flag at the start.  A choice put to a faction no
    longer in the game takes its first option without a choice entry: counted as made."""
    if not moments:
        return []
    flags = choice_flags(rules)
    made: set[tuple[str, str]] = set()
    start = moments[0].state.flags
    out = []
    pending: str | None = None  # a choice event told, its choice not yet seen
    for m in moments:
        d = _data(m)
        if m.entry.event == "choice":
            made.add((d["event"], d["option"]))
            pending = None
            continue
        if m.entry.event != "event":
            continue
        if pending is not None:  # the previous choice event went by without a chooser: its first option
            made.add((pending, rules.events[pending].choice.options[0].id))
        ev = rules.events[d["event"]]
        pending = d["event"] if ev.choice else None
        for flag in _flag_conditions(ev.conditions):
            if flag in flags and flag not in start and not flags[flag] & made:
                chosen = ", ".join(f"{e}/{o}" for e, o in sorted(flags[flag]))
                out.append((m.entry.turn, f"{d['event']} presumes the choice {chosen}, which was not made"))
    return out


@rule("presupposition")
def _presupposition(rules, moments):
    """An event is recorded in a state its conditions do not allow (judged at the event's own
    entry, before its effects or its choice's run)."""
    out = []
    for m in moments:
        if m.entry.event != "event":
            continue
        eid = _data(m)["event"]
        if not holds(m.state, rules.events[eid].conditions, rules):
            out.append((m.entry.turn, f"{eid} fires although its conditions do not hold"))
    return out


def _target(rules, state: State, d: dict) -> str | None:
    if d["motion"] not in rules.motions:
        return None
    return target_of(state, rules, Proposal(d["proposer"], d["motion"], tuple(d["args"])))


@rule("double_bloc")
def _double_bloc(rules, moments):
    """At a vote, a faction stands in a bloc with the mover and in one with the faction moved
    against."""
    out = []
    for m in moments:
        if m.entry.event != "vote":
            continue
        d, s = _data(m), m.state
        target = _target(rules, s, d)
        if target is None or target == d["proposer"]:
            continue
        for third in sorted(s.factions):
            if third not in (target, d["proposer"]) and s.in_bloc(third, target) and s.in_bloc(third, d["proposer"]):
                out.append(
                    (
                        m.entry.turn,
                        f"{_name(rules, 'factions', third)} in blocs with both {_name(rules, 'factions', d['proposer'])}"
                        f" and {_name(rules, 'factions', target)} at the vote on {d['motion']}",
                    )
                )
    return out


def _favoured(rules, m: Moment) -> list[tuple[str, str]]:
    """(faction, the faction it favoured) by this entry: a bloc accepted, or a chosen option that
    raises the goodwill of another faction's leader towards the chooser."""
    d = _data(m)
    if m.entry.event == "bloc_accepted":
        return [(d["faction"], d["other"]), (d["other"], d["faction"])]
    if m.entry.event != "choice":
        return []
    ev = rules.events[d["event"]]
    option = next(o for o in ev.choice.options if o.id == d["option"])
    leaders = {rec.leader: fid for fid, rec in rules.factions.items()}
    out = []
    for item in option.effects:
        arg = item.get("affinity")
        if arg and arg["delta"] > 0 and arg["faction"] == d["faction"] and arg["figure"] in leaders:
            out.append((d["faction"], leaders[arg["figure"]]))
        arg = item.get("bloc")
        if arg and d["faction"] in (arg["a"], arg["b"]):
            out.append((d["faction"], arg["b"] if arg["a"] == d["faction"] else arg["a"]))
    return out


def _turned(rules, m: Moment) -> tuple[str, str] | None:
    """(faction, the faction it turned on) by this entry: a bloc broken, a motion tabled against it."""
    d = _data(m)
    if m.entry.event in ("bloc_broken", "bloc_broken_by_motion"):
        return d["faction"], d["other"]
    if m.entry.event == "agenda":
        target = _target(rules, m.state, d)
        if target is not None and target != d["proposer"]:
            return d["proposer"], target
    return None


@rule("incoherent_sequence")
def _incoherent_sequence(rules, moments):
    """In one quarter: favour a faction, then turn on it; or move to read the Testament the
    quarter it was read."""
    out = []
    favoured: dict[tuple[str, str], int] = {}
    read_turn = None
    prev_flags: set[str] = set()
    for m in moments:
        s, d = m.state, _data(m)
        if "testament_known" in s.flags and "testament_known" not in prev_flags and m.entry.turn > 0:
            read_turn = m.entry.turn
        prev_flags = s.flags
        for pair in _favoured(rules, m):
            favoured[pair] = m.entry.turn
        turned = _turned(rules, m)
        if turned and favoured.get(turned) == m.entry.turn:
            a, b = turned
            out.append(
                (
                    m.entry.turn,
                    f"{_name(rules, 'factions', a)} favour {_name(rules, 'factions', b)} and turn on it the same quarter",
                )
            )
        if (
            m.entry.event == "agenda"
            and rules.motions[d["motion"]].kind == "read_testament"
            and read_turn == m.entry.turn
        ):
            out.append((m.entry.turn, "the Testament is moved the quarter it was read"))
    return out


@rule("absent_body")
def _absent_body(rules, moments):
    """A vote to expel from the Central Committee a faction with no seat in it or the CCC."""
    out = []
    for m in moments:
        if m.entry.event != "vote":
            continue
        d, s = _data(m), m.state
        motion = rules.motions.get(d["motion"])
        if motion is None or motion.kind != "expel_cc":
            continue
        target = d["args"][0]
        if not s.cc.get(target, 0) and not s.ccc.get(target, 0):
            out.append(
                (
                    m.entry.turn,
                    f"{_name(rules, 'factions', target)} expelled from a Central Committee it has no seat in",
                )
            )
    return out


def slogan_dates(rules) -> dict[tuple[str, str], tuple[str, tuple[int, int]]]:
    """(issue, side) → (event, its quarter) for each policy line named after a dated event of
    history: the line does not exist before the event."""
    by_name = {}
    for eid, ev in rules.events.items():
        if ev.date and not ev.trigger:
            year, month = int(ev.date[:4]), int(ev.date[5:7])
            by_name.setdefault(ev.name, (eid, (year, (month - 1) // 3 + 1)))
    out = {}
    for tid, tracker in rules.trackers.items():
        for side, label in (("left", tracker.left_label), ("right", tracker.right_label)):
            if label and label in by_name:
                out[(tid, side)] = by_name[label]
    return out


@rule("anachronism")
def _anachronism(rules, moments):
    """A policy line voted before the dated event that gave it its name."""
    dates = slogan_dates(rules)
    out = []
    for m in moments:
        if m.entry.event not in ("vote", "agenda"):
            continue
        d = _data(m)
        if d["motion"] not in rules.motions or rules.motions[d["motion"]].kind != "adopt_line":
            continue
        key = tuple(d["args"])
        if key in dates and m.state.date(m.entry.turn) < dates[key][1]:
            eid, (year, quarter) = dates[key]
            out.append((m.entry.turn, f"the line {key[0]}/{key[1]} is moved before {eid} ({year}-Q{quarter})"))
    return out


def senseless(rules, office: str, figure: str) -> str | None:
    """Why ``figure`` makes no sense in ``office``, or None."""
    rec, traits = rules.offices[office], set(rules.figures[figure].traits)
    if not posts.eligible(rules, office, figure):
        return f"has none of the traits {', '.join(rec.traits)}"
    for grant in rec.grants:
        if grant in PROFESSIONS and PROFESSIONS[grant] not in traits:
            return f"is no {PROFESSIONS[grant]}"
    return None


@rule("senseless_appointment")
def _senseless_appointment(rules, moments):
    """An office handed to a figure who makes no sense in it (the scenario's own start included;
    a coup appoints no one)."""
    out = []
    prev: dict = {}
    for m in moments:
        if m.entry.event == "coup":  # the army seizes an office: no one appoints
            prev = m.state.offices
            continue
        for office, holder in m.state.offices.items():
            if holder is not None and prev.get(office) != holder:
                why = senseless(rules, office, holder)
                if why:
                    out.append(
                        (
                            m.entry.turn,
                            f"{_name(rules, 'figures', holder)} made {_name(rules, 'offices', office)}: {why}",
                        )
                    )
        prev = m.state.offices
    return out


__all__ = ["KINDS", "Finding", "Moment", "Problem", "Report", "check", "run", "trace"]
