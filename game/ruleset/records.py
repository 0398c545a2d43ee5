"""Typed, frozen records for every kind of rule entry.

One class per concept file in ``rules/``.  The loader structures each YAML entry into one of these
with cattrs (unknown keys and wrong types are errors); cross-references and citations are checked
afterwards by :mod:`game.ruleset.validate`.  Field docstrings double as the modder reference.
"""

from __future__ import annotations

import attrs
from attrs import field, frozen

LEFT, RIGHT = -100, 100

#: The disciplinary ladder, in order.  ``capitulated`` sits outside it: a readmitted penitent.
LADDER = (
    "active",
    "censured",
    "removed",
    "expelled_cc",
    "expelled_party",
    "exiled",
    "deported",
)
STATUSES = LADDER + ("capitulated",)
SCENARIO_KINDS = ("campaign", "classroom", "counterfactual")
FIGURE_STATUSES = ("active", "incapacitated", "dead", "expelled", "exiled", "deported")
TRAITS = ("orator", "organiser", "theorist", "soldier", "policeman", "economist", "journalist")


@frozen
class Citation:
    """Where a rule comes from: a seed file and line range with a verbatim ``quote`` (checked
    against the file), or an ``outside`` reference for facts the seeds do not give — with a
    verbatim ``quote`` from a text at hand, or ``says``: what the work states, in our words,
    when its text is not at hand to quote."""

    quote: str = ""
    seed: str | None = None
    lines: str | None = None
    outside: str | None = None
    says: str | None = None

    def line_range(self) -> tuple[int, int]:
        first, _, last = str(self.lines).partition("-")
        return int(first), int(last or first)


@frozen
class Profile:
    """A faction's profile, read by the AI and shown in briefings."""

    strengths: tuple[str, ...] = ()
    power_bases: tuple[str, ...] = ()
    behaviour: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()


@frozen
class Faction:
    id: str
    name: str
    leader: str
    colour: str
    symbol: str
    #: position on each issue tracker, -100 (left) .. 100 (right)
    stances: dict[str, int] = field(factory=dict)
    profile: Profile = field(factory=Profile)
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Figure:
    id: str
    name: str
    #: faction the figure belongs to at the start of history (scenarios may override)
    faction: str | None = None
    #: -100 (left) .. 100 (right)
    leaning: int = 0
    traits: tuple[str, ...] = ()
    #: starting public affinity towards factions, 0..100
    affinity: dict[str, int] = field(factory=dict)
    born: int | None = None
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Office:
    id: str
    name: str
    #: the body whose vote appoints and removes the holder
    appointed_by: str
    income: int = 0
    power: int = 0
    #: capabilities the office gives its holder's faction: secretariat, police, army, press, ...
    grants: tuple[str, ...] = ()
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Body:
    id: str
    name: str
    #: council: named members; assembly: seat counts per faction; joint: several assemblies;
    #: congress: delegates from the regions
    kind: str
    seats: int = 0
    elected_by: str | None = None
    members_of: tuple[str, ...] = ()
    #: share of seats (percent) a motion needs to pass
    threshold: int = 50
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Region:
    id: str
    name: str
    #: weight of the region's delegation at a Congress
    delegates: int
    #: an office whose holder is the region's party chief (the Secretariat cannot appoint over it)
    chief_office: str | None = None
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Organ:
    id: str
    name: str
    #: the office whose holder controls the paper
    controlled_by: str
    reach: int = 1
    #: issue the paper speaks to most
    issue: str | None = None
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Tracker:
    id: str
    name: str
    #: issue: party opinion, -100 left .. 100 right; mood, tide, bureaucracy: 0..100
    kind: str
    low: int = 0
    high: int = 100
    left_label: str | None = None
    right_label: str | None = None
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Cost:
    ap: int = 1
    influence: int = 0
    prestige: int = 0


@frozen
class Action:
    """An action a faction may take.  ``kind`` names the engine verb; ``params`` its numbers."""

    id: str
    name: str
    kind: str
    cost: Cost = field(factory=Cost)
    allowed_status: tuple[str, ...] = ("active", "censured", "removed", "capitulated")
    #: office capability the acting faction must hold (e.g. secretariat)
    requires: str | None = None
    exposure: int = 0
    params: dict[str, int] = field(factory=dict)
    text: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Motion:
    """A motion a faction may put to a body.  ``kind`` names the engine verb."""

    id: str
    name: str
    kind: str
    body: str
    #: ladder step the target faction must be at; the motion moves it to ``result_status``
    target_status: tuple[str, ...] = ()
    result_status: str | None = None
    #: exposure the target needs before the motion may be proposed
    min_exposure: int = 0
    cost: Cost = field(factory=Cost)
    params: dict[str, int] = field(factory=dict)
    text: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Option:
    id: str
    name: str
    effects: tuple[dict, ...] = ()
    text: str = ""


@frozen
class Choice:
    faction: str
    prompt: str
    options: tuple[Option, ...]


@frozen
class Event:
    id: str
    name: str
    #: ISO date (YYYY-MM-DD); the event fires in the turn (quarter) containing it
    date: str | None = None
    text: str = ""
    #: percent chance the event fires when due and its conditions hold
    chance: int = 100
    conditions: tuple[dict, ...] = ()
    effects: tuple[dict, ...] = ()
    choice: Choice | None = None
    #: counterfactual events fire on their trigger (conditions) from this date on, once
    trigger: bool = False
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Victory:
    id: str
    name: str
    #: power score weights
    office_weight: int = 1
    politburo_seat: int = 4
    cc_share: int = 30
    prestige: int = 1
    mantle: int = 1
    #: the leader's score must beat the runner-up by this percent, else collective leadership
    margin: int = 25
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class FactionStart:
    influence: int = 0
    prestige: int = 0
    exposure: int = 0
    mantle: int = 0
    status: str = "active"
    action_points: int = 3


@frozen
class RegionStart:
    secretary: str | None = None
    loyalty: int = 50
    sympathy: dict[str, int] = field(factory=dict)
    secretary_figure: str | None = None


@frozen
class FigureStart:
    #: a faction id, or ``unaligned``; omitted = as in figures.yaml
    faction: str | None = None
    status: str | None = None
    affinity: dict[str, int] = field(factory=dict)


@frozen
class Briefing:
    situation: str
    aims: str
    levers: str


@frozen
class Scenario:
    id: str
    name: str
    #: first turn, e.g. 1923-Q1
    start: str
    turns: int
    summary: str
    #: campaign, classroom or counterfactual
    kind: str = "campaign"
    factions: tuple[str, ...] = ()
    faction_start: dict[str, FactionStart] = field(factory=dict)
    offices: dict[str, str] = field(factory=dict)
    politburo: tuple[str, ...] = ()
    #: the secretaries of the Central Committee (the General Secretary among them)
    secretariat: tuple[str, ...] = ()
    #: body id → seats at the start, where it differs from bodies.yaml (the CC grew at each Congress)
    seats: dict[str, int] = field(factory=dict)
    #: faction → issue → stance at the start, where it differs from factions.yaml
    stances: dict[str, dict[str, int]] = field(factory=dict)
    central_committee: dict[str, int] = field(factory=dict)
    control_commission: dict[str, int] = field(factory=dict)
    regions: dict[str, RegionStart] = field(factory=dict)
    figures: dict[str, FigureStart] = field(factory=dict)
    trackers: dict[str, int] = field(factory=dict)
    blocs: tuple[tuple[str, str], ...] = ()
    flags: tuple[str, ...] = ()
    #: ids of events in play; empty means every event dated within the scenario
    events: tuple[str, ...] = ()
    #: ids of events taken out of play (a counterfactual's premise removes what it undoes)
    skip_events: tuple[str, ...] = ()
    #: for counterfactuals: what is changed, and why the documents think it could have gone so
    premise: str = ""
    briefings: dict[str, Briefing] = field(factory=dict)
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Settings:
    """Global numbers of the rules (one entry, in settings.yaml)."""

    id: str
    name: str
    secretary_loyalty_growth: int = 10
    override_threshold: int = 60
    congress_unaligned_share: int = 20
    #: percent of a new Central Committee chosen by this Congress's delegates; the rest follows
    #: the outgoing CC (most members were re-elected)
    cc_renewal: int = 50
    #: prestige above this fades by one point a turn (glory needs feeding)
    prestige_fade_above: int = 12
    #: exposure fades by this much a turn (the Control Commission's memory is long, not endless)
    exposure_fade: int = 1
    #: turns a faction rests on a rung of the ladder before the next motion against it
    ladder_pause: int = 2
    max_prestige: int = 30
    max_exposure: int = 30
    max_mantle: int = 30
    base_income: int = 2
    source: tuple[Citation, ...] = ()
    design: str | None = None


#: file key → record class; also the order files are loaded in
KINDS: dict[str, type] = {
    "settings": Settings,
    "trackers": Tracker,
    "bodies": Body,
    "offices": Office,
    "factions": Faction,
    "figures": Figure,
    "regions": Region,
    "press": Organ,
    "actions": Action,
    "motions": Motion,
    "events": Event,
    "victory": Victory,
    "scenarios": Scenario,
}

#: kinds whose entries model history and so must carry a verified citation
HISTORICAL = (
    "factions", "figures", "offices", "bodies", "regions", "press", "events", "actions", "motions", "scenarios",
)


def fields_of(cls: type) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(cls))


# --- the vocabulary the engine implements (kept here so the validator can check rule files
#     without importing the engine; a test checks the engine registers exactly these) ---

FACTION_DELTA = {"faction": "factions", "delta": "int"}
#: effect verb → its argument: a kind to refer to, a scalar type, or a map of argument → type
#: (a trailing ? marks an optional argument)
EFFECTS: dict[str, object] = {
    "prestige": FACTION_DELTA,
    "influence": FACTION_DELTA,
    "exposure": FACTION_DELTA,
    "mantle": FACTION_DELTA,
    "tracker": {"id": "trackers", "delta": "int"},
    "sympathy": {"faction": "factions", "delta": "int", "region?": "regions"},
    "loyalty": {"region": "regions", "delta": "int"},
    "affinity": {"figure": "figures", "faction": "factions", "delta": "int"},
    "kill": "figures",
    "figure_status": {"figure": "figures", "to": "figure_status"},
    "appoint": {"office": "offices", "figure": "figures"},
    "vacate": "offices",
    "politburo_add": "figures",
    "politburo_remove": "figures",
    "status": {"faction": "factions", "to": "status"},
    "join": {"figure": "figures", "faction?": "factions"},
    "bloc": {"a": "factions", "b": "factions"},
    "break_bloc": {"a": "factions", "b": "factions"},
    "congress": "str",
    "seats": {"body": "bodies", "to": "int"},
    "stance": {"faction": "factions", "issue": "trackers", "to": "int"},
    "secretariat_add": "figures",
    "secretariat_remove": "figures",
    "motion": {
        "motion": "motions",
        "proposer": "factions",
        "target?": "factions",
        "office?": "offices",
        "figure?": "figures",
        "issue?": "trackers",
        "direction?": "int",
    },
    "flag": "str",
    "unflag": "str",
    "log": "str",
}

CONDITIONS: dict[str, object] = {
    "alive": "figures",
    "dead": "figures",
    "flag": "str",
    "not_flag": "str",
    "holds": {"office": "offices", "faction": "factions"},
    "holder": {"office": "offices", "figure": "figures"},
    "status_is": {"faction": "factions", "status": "status"},
    "status_at_least": {"faction": "factions", "status": "status"},
    "tracker_at_least": {"id": "trackers", "value": "int"},
    "tracker_below": {"id": "trackers", "value": "int"},
    "in_politburo": "figures",
    "bloc": {"a": "factions", "b": "factions"},
    "prestige_at_least": {"faction": "factions", "value": "int"},
    "in_secretariat": "figures",
    "figure_status": {"figure": "figures", "status": "figure_status"},
    "vacant": "offices",
    "politburo_seats_free": "int",
    "congress_within": "int",
    "not": "conditions",
}

#: action kind → the params it reads (all integers)
ACTION_KINDS: dict[str, tuple[str, ...]] = {
    "appoint": ("loyalty",),
    "cultivate": ("affinity",),
    "publish": ("opinion", "prestige", "mantle", "sympathy"),
    "underground": ("opinion", "sympathy", "raid_chance", "raid_exposure", "raid_prestige"),
    "speak": ("opinion", "prestige"),
    "propose": (),
    "offer_bloc": (),
    "accept_bloc": (),
    "decline_bloc": (),
    "break_bloc": ("prestige",),
    "mass_appeal": ("sympathy", "mood"),
    "lenin_levy": ("bureaucracy", "dilution", "loyalty", "cooldown"),
    "signatures": ("sympathy", "prestige"),
    "recant": ("prestige", "mantle"),
    "military": ("chance",),
    "pass": (),
}

MOTION_KINDS = (
    "appoint_office",
    "remove_office",
    "censure",
    "remove_posts",
    "expel_cc",
    "expel_party",
    "exile",
    "deport",
    "adopt_line",
    "read_testament",
    "convene_congress",
)
BODY_KINDS = ("council", "assembly", "joint", "congress")
TRACKER_KINDS = ("issue", "mood", "tide", "bureaucracy")
CAPABILITIES = ("secretariat", "police", "army", "government", "unions", "comintern", "press", "discipline", "party_city")
