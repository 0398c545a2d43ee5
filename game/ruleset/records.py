"""Typed, frozen records for every kind of rule entry.

One class per concept file in ``rules/``.  The loader structures each YAML entry into one of these
with cattrs (unknown keys and wrong types are errors); cross-references and citations are checked
afterwards by :mod:`game.ruleset.validate`.  Field docstrings double as the modder reference.

This module is longer than the house's 500 lines on purpose: it is the one table of every kind of
rule record, which the loader, the validator, the schema and the modder's guide walk whole.
"""

from __future__ import annotations

import attrs
from attrs import field, frozen

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


def from_rung(rung: str) -> tuple[str, ...]:
    """The rungs of the ladder from ``rung`` down: where what that rung brings still holds.

    >>> from_rung("exiled")
    ('exiled', 'deported')
    """
    return LADDER[LADDER.index(rung) :]


#: the ladder's one table of consequences: from which rung a faction holds no posts (and no
#: Politburo seat), has no seats in the Central Committee and Control Commission, and is out of
#: the party (no motions, no delegates, its men expelled)
NO_POSTS = from_rung("removed")
NO_CC = from_rung("expelled_cc")
OUT_OF_PARTY = from_rung("expelled_party")
SCENARIO_KINDS = ("campaign", "classroom", "counterfactual")
#: a faction's result against history, worst to best
RESULTS = ("disaster", "defeat", "historical", "victory", "decisive_victory")
RESULT_NAMES = {
    "disaster": "Disaster",
    "defeat": "Defeat",
    "historical": "Historical result",
    "victory": "Victory",
    "decisive_victory": "Decisive victory",
}
#: when a goal is judged: at the scenario's end, at the close of any quarter, at every close
GOAL_WHEN = ("end", "ever", "always")
FIGURE_STATUSES = ("active", "incapacitated", "dead", "expelled", "exiled", "deported")
#: the two ways a policy line can move an issue tracker
DIRECTIONS = ("left", "right")
TRAITS = ("orator", "organiser", "theorist", "soldier", "policeman", "economist", "journalist", "figurehead")


@frozen
class Citation:
    """Where a rule comes from: a seed file and line range with a verbatim ``quote`` (checked
    against the file), or an ``outside`` reference for facts the seeds do not give — with a
    verbatim ``quote`` from a text at hand, or ``says``: what the work states, in our words,
    when its text is not at hand to quote."""

    #: the words quoted, verbatim (whitespace, case and typographic quotes aside)
    quote: str = ""
    #: a seed document, ``seeds/FILE``
    seed: str | None = None
    #: the lines quoted, ``N`` or ``N-M`` (1-based, inclusive)
    lines: str | None = None
    #: a work outside the seeds: author, title, year
    outside: str | None = None
    #: what the outside work states, in our words, when its text is not at hand
    says: str | None = None

    def line_range(self) -> tuple[int, int]:
        first, _, last = str(self.lines).partition("-")
        return int(first), int(last or first)


@frozen
class Profile:
    """A faction's profile, read by the AI and shown in briefings."""

    #: what the faction is good at
    strengths: tuple[str, ...] = ()
    #: where its power lies
    power_bases: tuple[str, ...] = ()
    #: how it tends to act
    behaviour: tuple[str, ...] = ()
    #: where it is vulnerable
    weaknesses: tuple[str, ...] = ()


@frozen
class Faction:
    id: str
    name: str
    #: the figure who leads it
    leader: str
    #: its colour on screen, ``#RRGGBB``
    colour: str
    #: its symbol on screen (factions are told apart by colour and symbol)
    symbol: str
    #: its colour in the window's poster palette, ``#RRGGBB`` (display only; ``colour`` above is
    #: the colour-blind-safe one, used when the player asks for it, and by a faction without this)
    poster_colour: str | None = None
    #: the name is grammatically plural ("Zinoviev and Kamenev are"); the chronicle's verbs agree
    plural: bool = False
    #: position on each issue tracker, -100 (left) .. 100 (right)
    stances: dict[str, int] = field(factory=dict)
    #: its profile, read by the bots and shown in briefings
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
    #: what the man is: orator, organiser, theorist, soldier, policeman, economist, journalist;
    #: a figurehead of no faction lets the Secretariat use the powers of his office
    traits: tuple[str, ...] = ()
    #: starting public affinity towards factions, 0..100
    affinity: dict[str, int] = field(factory=dict)
    #: year of birth
    born: int | None = None
    #: who he was and what he held, in a few plain sentences for the encyclopedia (display only;
    #: cited by the entry's ``source`` like every rule)
    about: str = ""
    #: what became of him, in a sentence or two (display only; cited by ``source``)
    fate: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Office:
    id: str
    name: str
    #: the body whose vote appoints and removes the holder
    appointed_by: str
    #: influence a turn to the holder's faction
    income: int = 0
    #: weight of the office in the power score
    power: int = 0
    #: capabilities the office gives its holder's faction: secretariat, police, army, press, ...
    grants: tuple[str, ...] = ()
    #: a motion or the appointing body may name only a figure with one of these traits (empty: anyone)
    traits: tuple[str, ...] = ()
    #: offices its holder may hold at the same time (the pairing counts both ways); any other
    #: second office for the same man in a scenario's start is an error
    also: tuple[str, ...] = ()
    #: what the office did, in a few plain sentences for the encyclopedia (display only; cited by
    #: ``source``)
    about: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Body:
    id: str
    name: str
    #: council: named members; assembly: seat counts per faction; joint: several assemblies;
    #: congress: delegates from the regions
    kind: str
    #: share of seats (percent) a motion needs to pass: more than this many percent of the votes
    #: cast for and against
    threshold: int
    #: its size (a council's seats; an assembly's members)
    seats: int = 0
    #: for a joint body: the bodies that sit together
    members_of: tuple[str, ...] = ()
    #: what the body did, in a few plain sentences for the encyclopedia (display only; cited by
    #: ``source``)
    about: str = ""
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
    #: its cell on the board's map, ``[column, row]`` counted from 0 at the top left, west to east
    #: (display only); a region without one takes the first free cell, and the map grows a row
    #: when none is free
    map: tuple[int, int] | None = None
    #: an organisation rather than a place (the Red Army): its tile on the map is drawn apart
    #: (display only)
    organisation: bool = False
    #: what it was in 1923-29 and why it mattered in the struggle, in a few plain sentences for
    #: the encyclopedia (display only; cited by ``source``)
    about: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Organ:
    id: str
    name: str
    #: the office whose holder controls the paper
    controlled_by: str
    #: how far its articles carry
    reach: int = 1
    #: what it was in 1923-29 and why it mattered in the struggle, in a few plain sentences for
    #: the encyclopedia (display only; cited by ``source``)
    about: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Tracker:
    id: str
    name: str
    #: issue: party opinion, -100 left .. 100 right; mood, tide, bureaucracy: 0..100
    kind: str
    #: the value at the start of a game, unless the scenario sets it
    start: int
    #: its lowest value
    low: int = 0
    #: its highest value
    high: int = 100
    #: what its low end means (issues)
    left_label: str | None = None
    #: what its high end means (issues)
    right_label: str | None = None
    #: what it was in 1923-29 and why it mattered in the struggle, in a few plain sentences for
    #: the encyclopedia (display only; cited by ``source``)
    about: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Cost:
    #: action points
    ap: int = 1
    #: influence spent
    influence: int = 0
    #: prestige spent
    prestige: int = 0


@frozen
class Action:
    """An action a faction may take.  ``kind`` names the engine verb; ``params`` its numbers."""

    id: str
    name: str
    #: the engine verb it uses (see *Kinds, params and roles*)
    kind: str
    #: what it costs
    cost: Cost = field(factory=Cost)
    #: the statuses in which a faction may take it
    allowed_status: tuple[str, ...] = ("active", "censured", "removed", "capitulated")
    #: office capability the acting faction must hold (e.g. secretariat)
    requires: str | None = None
    #: exposure it adds to the acting faction
    exposure: int = 0
    #: its numbers: ``ACTION_KINDS`` lists the params each kind reads (all required)
    params: dict[str, int] = field(factory=dict)
    #: conditions (rule-file vocabulary) that must all hold for the action to be offered; a
    #: composed action's may say ``$self`` for the acting faction
    conditions: tuple[dict, ...] = ()
    #: a composed action's target: faction, figure, region, issue, or none (no argument)
    target: str | None = None
    #: a composed action's conditions on each target (``$target``, ``$self``): the targets offered
    target_conditions: tuple[dict, ...] = ()
    #: a composed action's effects (rule-file vocabulary, with ``$self`` and ``$target``)
    effects: tuple[dict, ...] = ()
    #: a composed action's chronicle line is seen only by the acting faction, and its effects land
    #: at the quarter's close with every other secret move's (no one move can be told by them)
    secret: bool = False
    #: a short label for its button on the board (display only; the whole name is in the
    #: button's tooltip); without one the button shows the whole name, wrapped if need be
    short: str | None = None
    text: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Motion:
    """A motion a faction may put to a body.  ``kind`` names the engine verb."""

    id: str
    name: str
    #: the engine verb it uses (see *Kinds, params and roles*)
    kind: str
    #: the body that votes on it
    body: str
    #: ladder step the target faction must be at; the motion moves it to ``result_status``
    target_status: tuple[str, ...] = ()
    #: the status the target is moved to when it passes
    result_status: str | None = None
    #: exposure the target needs before the motion may be proposed
    min_exposure: int = 0
    #: share of the votes cast (percent) the motion needs, where it differs from the body's own
    threshold: int | None = None
    #: its numbers: ``MOTION_KINDS`` lists the params each kind reads (all required)
    params: dict[str, int] = field(factory=dict)
    #: a motion (of kind remove_office) this one puts on the agenda when it passes, moved by the
    #: same proposer and voted at once; only read_testament tables one (the General Secretary's
    #: removal)
    follow_up: str | None = None
    text: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Option:
    id: str
    name: str
    #: the effects of choosing it
    effects: tuple[dict, ...] = ()
    text: str = ""


@frozen
class Choice:
    #: the faction that chooses
    faction: str
    #: the question put to it
    prompt: str
    #: its options (at least one); the first is history's course, taken when nobody chooses
    options: tuple[Option, ...]
    #: the option history took (in a counterfactual, the one nearest to what history did): every
    #: choice names it, and it must be listed first
    history: str | None = None


@frozen
class Event:
    id: str
    name: str
    #: ISO date (YYYY-MM-DD); the event fires in the turn (quarter) containing it
    date: str | None = None
    text: str = ""
    #: percent chance the event fires when due and its conditions hold
    chance: int = 100
    #: conditions that must all hold for it to fire
    conditions: tuple[dict, ...] = ()
    #: effects, applied in order
    effects: tuple[dict, ...] = ()
    #: a choice put to a faction, whose option's effects then apply
    choice: Choice | None = None
    #: counterfactual events fire on their trigger (conditions) from this date on, once
    trigger: bool = False
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Victory:
    id: str
    name: str
    #: power score weights: per point of office power, per Politburo seat, for a whole Central
    #: Committee (scaled by the share held), per point of prestige and of Lenin's mantle
    office_weight: int
    #: points per Politburo seat
    politburo_seat: int
    #: points for a whole Central Committee, scaled by the share held
    cc_share: int
    #: points per point of prestige
    prestige: int
    #: points per point of Lenin's mantle
    mantle: int
    #: the leader's score must beat the runner-up by this percent, else collective leadership
    margin: int
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class FactionStart:
    #: influence at the start
    influence: int = 0
    #: prestige at the start
    prestige: int = 0
    #: exposure at the start
    exposure: int = 0
    #: Lenin's mantle at the start
    mantle: int = 0
    #: its rung on the ladder at the start
    status: str = "active"
    #: action points a turn
    action_points: int = 3


@frozen
class RegionStart:
    #: the faction of the region's secretary (none: no secretary)
    secretary: str | None = None
    #: the secretary's hold on his region
    loyalty: int = 50
    #: faction → the rank and file's sympathy for it
    sympathy: dict[str, int] = field(factory=dict)


@frozen
class FigureStart:
    #: a faction id, or ``unaligned``; omitted = as in figures.yaml
    faction: str | None = None
    #: his standing at the start, where it differs
    status: str | None = None
    #: faction → his affinity for it, where it differs
    affinity: dict[str, int] = field(factory=dict)


@frozen
class Question:
    """A question for the discussion after a game (the debrief and the after-action report show
    them).  Where it leans on a document, it cites it like any rule."""

    #: the question, as a teacher would ask it
    text: str
    #: the passages it leans on (seed, lines, quote), if any
    source: tuple[Citation, ...] = ()


@frozen
class Briefing:
    #: where the faction stands at the start
    situation: str
    #: what it wants
    aims: str
    #: what it can pull
    levers: str


@frozen
class Goal:
    """One objective of a faction in a scenario, worth ``points`` when met (negative points mark a
    fate worse than history's).  ``condition`` is a list of conditions that must all hold."""

    id: str
    name: str
    #: points when met (negative: a fate worse than history's)
    points: int
    #: conditions that must all hold
    condition: tuple[dict, ...]
    #: end: holds when the scenario ends; ever: holds at the close of some quarter (by ``by``,
    #: YYYY-Qn, if given); always: holds at the close of every quarter of the scenario
    when: str = "end"
    #: for ``ever`` goals: the quarter (YYYY-Qn) by which it must be met
    by: str | None = None
    text: str = ""
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Scale:
    """The fewest points for each result; fewer than ``defeat`` is a disaster.  The historical
    line scores at least ``historical`` and less than ``victory``."""

    #: fewest points for a decisive victory
    decisive_victory: int
    #: fewest points for a victory
    victory: int
    #: fewest points for the historical result
    historical: int
    #: fewest points for a defeat (fewer: disaster)
    defeat: int


@frozen
class Objectives:
    """A faction's objectives in a scenario, measured against what it really achieved."""

    #: what the faction achieved in history over this span: the yardstick for "historical result"
    history: str
    #: the fewest points for each result
    scale: Scale
    #: its goals
    goals: tuple[Goal, ...]
    #: sole leadership is a decisive victory; if history itself reached it within the span, give
    #: that quarter (YYYY-Qn) here: only sole leadership before it is decisive, later the goals decide
    decisive_before: str | None = None


@frozen
class Scenario:
    id: str
    name: str
    #: first turn, e.g. 1923-Q1
    start: str
    #: how many quarters the scenario lasts
    turns: int
    #: one paragraph for the scenario list
    summary: str
    #: campaign, classroom or counterfactual
    kind: str = "campaign"
    #: the factions in play (ids of factions.yaml)
    factions: tuple[str, ...] = ()
    #: faction → its resources and status at the start
    faction_start: dict[str, FactionStart] = field(factory=dict)
    #: office → the figure holding it at the start (one man in two offices only where offices.yaml
    #: pairs them with ``also``)
    offices: dict[str, str] = field(factory=dict)
    #: the figures seated in the Politburo at the start
    politburo: tuple[str, ...] = ()
    #: the secretaries of the Central Committee (the General Secretary among them)
    secretariat: tuple[str, ...] = ()
    #: body id → seats at the start, where it differs from bodies.yaml (the CC grew at each Congress)
    seats: dict[str, int] = field(factory=dict)
    #: faction → issue → stance at the start, where it differs from factions.yaml
    stances: dict[str, dict[str, int]] = field(factory=dict)
    #: faction (or ``unaligned``) → its seats in the Central Committee; they add up to its size
    central_committee: dict[str, int] = field(factory=dict)
    #: faction (or ``unaligned``) → its seats in the Control Commission
    control_commission: dict[str, int] = field(factory=dict)
    #: region → its secretary's faction, loyalty and the rank and file's sympathy at the start
    regions: dict[str, RegionStart] = field(factory=dict)
    #: figure → its faction, status and affinity where they differ from figures.yaml
    figures: dict[str, FigureStart] = field(factory=dict)
    #: tracker → its value at the start, where it differs from the tracker's own start
    trackers: dict[str, int] = field(factory=dict)
    #: pairs of factions in a bloc at the start
    blocs: tuple[tuple[str, str], ...] = ()
    #: flags set at the start (what earlier events would have set)
    flags: tuple[str, ...] = ()
    #: ids of events in play; empty means every event dated within the scenario
    events: tuple[str, ...] = ()
    #: the quarter (YYYY-Qn) of the last Party Congress before the scenario opens
    last_congress: str | None = None
    #: ids of events taken out of play (a counterfactual's premise removes what it undoes)
    skip_events: tuple[str, ...] = ()
    #: office → the first quarter (YYYY-Qn) it may be filled: an office not yet created when the
    #: scenario opens (the Control Commission's chairmanship before the Twelfth Congress). Until
    #: then the quarter's end leaves it empty and no motion proposes a holder; an event may appoint
    vacant_until: dict[str, str] = field(factory=dict)
    #: for counterfactuals: what is changed, and why the documents think it could have gone so
    premise: str = ""
    #: faction → its briefing
    briefings: dict[str, Briefing] = field(factory=dict)
    #: faction → its objectives, scored against history at the end
    objectives: dict[str, Objectives] = field(factory=dict)
    #: questions for the discussion after a game (a classroom scenario has four to six)
    questions: tuple[Question, ...] = ()
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Votes:
    """How votes are cast: when a faction's own men break ranks, how a faction with no stake in a
    motion decides, and the weights an unaligned voter gives each consideration (its swing score:
    positive votes yes)."""

    #: affinity lead another faction needs over a figure's own before he votes with it
    defection_margin: int
    #: a faction with no stake backs a discipline motion when the target's exposure is this far
    #: past the motion's threshold (the ban on factions) ...
    ban_margin: int
    #: ... and otherwise votes against it if its stance on party democracy is below this
    democrat_stance: int
    #: swing score: the proposer's prestige counts against the target's, or against this when the
    #: motion has no target
    prestige_default: int
    #: swing score: the gap in Lenin's mantle counts this many times over ...
    mantle_weight: int
    #: ... against this much mantle when the motion has no target
    mantle_default: int
    #: swing score, discipline motions: the target's exposure counts this many times over (less
    #: the motion's exposure threshold)
    exposure_weight: int
    #: swing score, adopting a line: party opinion on the issue plus the voter's leaning divided by
    #: ``leaning_divisor``, all divided by ``opinion_divisor`` (signed by the line's direction)
    opinion_divisor: int
    #: see ``opinion_divisor``
    leaning_divisor: int
    #: swing score for reading Lenin's Testament ("Lenin's last word")
    testament: int
    #: swing score for convening a Congress ahead of time ("routine"; negative: against)
    routine: int
    #: swing score for appointing to or removing from an office ("keeps things as they are")
    status_quo: int
    #: swing score of a named figure: his affinity for the proposer less his affinity for the
    #: target (or ``ties_default`` when there is none), divided by ``ties_divisor``
    ties_divisor: int
    #: see ``ties_divisor``
    ties_default: int
    #: unaligned seats in an assembly or Congress: percent voting yes at a swing score of 0 ...
    unaligned_base: int
    #: ... and how many points more (or fewer) per point of swing score
    unaligned_step: int


@frozen
class Roles:
    """The entries the engine gives a part of its own to play, named in the rules rather than in
    code: a ruleset may call its offices, bodies and trackers what it likes."""

    #: the office whose holder leads the Secretariat and sits at the top of the party
    general_secretary: str
    #: the council whose seats are counted for sole leadership and the power score
    politburo: str
    #: the assembly that elects the Politburo and the Secretariat
    central_committee: str
    #: the assembly that judges discipline motions with the Central Committee
    control_commission: str
    #: the congress that elects the Central Committee
    congress: str
    #: the tracker that scales mass appeals (the mood of the rank and file and the workers)
    mass_mood: str
    #: the tracker that stiffens a secretary's hold on his region
    bureaucracy: str
    #: the issue on which a faction's stance decides whether it backs discipline
    party_democracy: str


#: role → the kind of entry it names
ROLE_KINDS: dict[str, str] = {
    "general_secretary": "offices",
    "politburo": "bodies",
    "central_committee": "bodies",
    "control_commission": "bodies",
    "congress": "bodies",
    "mass_mood": "trackers",
    "bureaucracy": "trackers",
    "party_democracy": "trackers",
}


@frozen
class Settings:
    """Global numbers of the rules (one entry, in settings.yaml); every one is required."""

    id: str
    name: str
    # --- income and action points (each turn) ---
    #: influence every faction draws before office income
    base_income: int
    #: one influence per this many regions whose secretary is the faction's
    regions_per_influence: int
    #: influence per secretary of the Central Committee (the General Secretary apart)
    secretary_income: int
    #: status → the most influence a faction of that status draws (the expelled live on little)
    income_by_status: dict[str, int]
    #: status → the most action points a faction of that status has (the expelled act weakly)
    ap_by_status: dict[str, int]
    #: prestige above this fades by ``prestige_fade`` a turn (glory needs feeding)
    prestige_fade_above: int
    #: how much prestige above ``prestige_fade_above`` fades a turn
    prestige_fade: int
    #: exposure fades by this much a turn (the Control Commission's memory is long, not endless)
    exposure_fade: int
    #: the most prestige a faction may have
    max_prestige: int
    #: the most exposure
    max_exposure: int
    #: the most of Lenin's mantle
    max_mantle: int
    #: the most influence a faction may hoard
    max_influence: int
    # --- the regions, the Secretariat and the Congress ---
    #: a secretary's hold on his region grows by this much a turn ...
    secretary_loyalty_growth: int
    #: ... up to this; only strengthening the machine (an action) holds a region more firmly
    tenure_hold_cap: int
    #: a region's machine starts with this loyalty when its chief office changes hands
    chief_loyalty: int
    #: the rank and file override their secretary only with at least this much sympathy ...
    override_threshold: int
    #: ... and more than his hold: his loyalty plus one point per this much bureaucracy
    bureaucracy_per_hold: int
    #: a region with no secretary sends its delegates to the faction its rank and file favour
    #: with at least this much sympathy
    free_region_sympathy: int
    #: percent of the seats a Congress elects that stay unaligned
    congress_unaligned_share: int
    #: percent of a new Central Committee chosen by this Congress's delegates; the rest follows
    #: the outgoing CC (most members were re-elected)
    cc_renewal: int
    #: a new Central Committee re-elects at least this many secretaries
    secretariat_min: int
    # --- the ladder, blocs and cultivation ---
    #: turns a faction rests on a rung of the ladder before the next motion against it
    ladder_pause: int
    #: regional secretaries the Secretariat may move in one quarter ("slowly, turn by turn")
    appointments_per_turn: int
    #: extra exposure a faction sheds in a quarter in which it took no oppositional act
    quiet_fade: int
    #: the most influence a faction draws in a quarter, whatever its offices and regions
    max_income: int
    #: Lenin's mantle above this fades by ``mantle_fade`` a turn: orthodoxy must be restated
    mantle_fade_above: int
    #: how much mantle above ``mantle_fade_above`` fades a turn
    mantle_fade: int
    #: prestige lost by a faction that moves against its own bloc partner (the bloc breaks)
    betrayal_prestige: int
    #: turns a faction that recanted waits before its people are readmitted to the party
    readmit_wait: int
    #: turns a bloc offer stands: it lapses at the end of the turn this many turns after it was made
    offer_life: int
    #: how votes are cast
    votes: Votes
    #: the entries the engine gives a part to play
    roles: Roles
    source: tuple[Citation, ...] = ()
    design: str | None = None


#: file key → record class; also the order files are loaded in
#: the leanings a bot personality weighs (``rules/base/ai.yaml``), each 0..10; what each means is
#: documented in :mod:`game.ai.personality`
PERSONALITY_WEIGHTS = (
    "apparatus",
    "policy",
    "press",
    "masses",
    "bloc_reluctance",
    "ally_trust",
    "turn_on_ally",
    "patience",
    "military_refusal",
    "capitulation",
    "submission",
    "home_defence",
    "mood_swing",
    "first_target",
)


@frozen
class Weight:
    """One leaning of a personality: its strength 0..10 and where it comes from — a ``source``
    (seed quotes, checked) or ``design`` (why it is a game-design choice)."""

    #: how strongly the bot leans this way, 0 (not at all) .. 10
    value: int
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Personality:
    """How a faction's bot plays when it plays like the historical figure (``ai.yaml``)."""

    id: str
    name: str
    #: the faction whose bot plays this way
    faction: str
    #: the leanings, by name (see PERSONALITY_WEIGHTS); a leaning not given is 0
    weights: dict[str, Weight] = field(factory=dict)
    #: the region it defends as its own machine (Zinoviev's Leningrad)
    home: str | None = None
    #: the faction it opens its campaign against (Zinoviev against Trotsky)
    target: str | None = None
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Pace:
    """The earliest quarter history took a rival to a rung of the ladder: a bot with patience
    does not push a rival there sooner (``ai.yaml``)."""

    id: str
    name: str
    #: the rung of the ladder (``expelled_party``…)
    rung: str
    #: the first quarter history took anyone there (or ``target`` if given), YYYY-Qn
    not_before: str
    source: tuple[Citation, ...] = ()
    design: str | None = None
    #: the faction this pace is for (none: every rival); the latest pace that applies wins
    target: str | None = None
    #: offices the target kept until then: a pace that names them holds only for motions that
    #: would take one of them from the target, not for the rung itself
    offices: tuple[str, ...] = ()


@frozen
class ActionWeight:
    """How the bots weigh an action kind, or one action of the rule files (``ai.yaml``): every
    kind has one; an action's own entry (its id) overrides its kind's."""

    id: str
    name: str
    #: how often the playout policy of search picks it, relative to the others (0: never)
    playout: int
    #: the simple bot's score of a composed action (coded kinds score in code)
    score: int = 0
    #: the personality's lean to it: leaning → points at a leaning of 10 (a composed action, and
    #: the kinds whose lean does not read the board: speak, the Lenin Levy, the army…)
    leanings: dict[str, int] = field(factory=dict)
    #: why a bot takes it, in a few words: the personality's reason for its leanings, and the simple
    #: bot's for a composed action
    reason: str = "it serves the faction's cause"
    source: tuple[Citation, ...] = ()
    design: str | None = None


@frozen
class Term:
    """A glossary entry: a word of the period explained in plain language for the encyclopedia
    (``glossary.yaml``).  Display only: the game never reads it, and the rules' fingerprint leaves
    the whole kind out, so a mod's new term keeps old replays and saves valid."""

    id: str
    #: the term as the window shows it
    name: str
    #: what it means, in two to five sentences a newcomer understands
    text: str
    #: other names the term goes by (a mention of one in an entry's text links to this entry)
    also: tuple[str, ...] = ()
    #: related entries: a glossary id (``secretariat``), or ``kind.id`` of another entry
    #: (``figures.stalin``, ``offices.general_secretary``, ``bodies.politburo``, ``events.lenin_dies``)
    see: tuple[str, ...] = ()
    source: tuple[Citation, ...] = ()
    design: str | None = None


#: the rule-file format this game reads: ``format_version`` on top of every rule file and mod manifest
FORMAT_VERSION = 1

#: fields that change what the window shows and nothing of the game: the rules' fingerprint
#: (which a replay records) leaves them out, so a mod's new label or map cell keeps old replays valid
DISPLAY_ONLY = frozenset(
    {"source", "design", "poster_colour", "map", "organisation", "short", "questions", "about", "fate"}
)
#: kinds only the window reads (the encyclopedia): the fingerprint leaves the whole kind out
DISPLAY_ONLY_KINDS = frozenset({"glossary"})

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
    "personalities": Personality,
    "pace": Pace,
    "action_weights": ActionWeight,
    "glossary": Term,
}

#: the kinds the encyclopedia shows, in its order: what a glossary entry's ``see`` and a link in an
#: entry's text may name (``kind.id``; a bare id is a glossary term)
ENCYCLOPEDIA_KINDS = (
    "glossary",
    "factions",
    "figures",
    "offices",
    "bodies",
    "regions",
    "press",
    "trackers",
    "events",
    "scenarios",
)


def entry_ref(ref: str) -> tuple[str, str]:
    """(kind, id) a cross-reference names: ``kind.id``, or a bare id for a glossary term.

    >>> entry_ref("figures.stalin"), entry_ref("smychka")
    (('figures', 'stalin'), ('glossary', 'smychka'))
    """
    kind, dot, entry_id = ref.partition(".")
    return (kind, entry_id) if dot else ("glossary", ref)


#: kinds whose entries model history and so must carry a verified citation
HISTORICAL = (
    "factions",
    "figures",
    "offices",
    "bodies",
    "regions",
    "press",
    "events",
    "actions",
    "motions",
    "scenarios",
    "glossary",
)


#: the range every whole number of a record must fall in: class name → field → (low, high); a
#: field of a map (``stances``, ``params``…) bounds each of its values; ``*`` is the class's
#: default.  Nothing here can make the engine loop or overflow: sizes stay in the thousands.
BOUNDS: dict[str, dict[str, tuple[int, int]]] = {
    "Faction": {"stances": (-100, 100)},
    "Figure": {"leaning": (-100, 100), "affinity": (0, 100), "born": (1800, 1929)},
    "Office": {"income": (0, 50), "power": (0, 100)},
    "Body": {"threshold": (1, 99), "seats": (0, 2000)},
    "Region": {"delegates": (1, 1000)},
    "Organ": {"reach": (0, 10)},
    "Tracker": {"low": (-100, 100), "high": (-100, 100)},  # start: within its own low..high
    "Cost": {"ap": (0, 10), "influence": (0, 100), "prestige": (0, 100)},
    "Action": {"exposure": (0, 100), "params": (0, 100)},
    "Motion": {"min_exposure": (0, 100), "threshold": (1, 99), "params": (0, 100)},
    "Event": {"chance": (0, 100)},
    "Victory": {"*": (0, 100)},
    "FactionStart": {"*": (0, 100), "action_points": (0, 10)},
    "RegionStart": {"*": (0, 100)},
    "FigureStart": {"*": (0, 100)},
    "Goal": {"points": (-100, 100)},
    "Scale": {"*": (-1000, 1000)},
    "Scenario": {
        "turns": (1, 120),
        "seats": (1, 2000),
        "stances": (-100, 100),
        "central_committee": (0, 2000),
        "control_commission": (0, 2000),
        "trackers": (-100, 100),
    },
    "Settings": {"*": (0, 1000), "ap_by_status": (0, 10), "income_by_status": (0, 100), "tenure_hold_cap": (0, 100)},
    "Votes": {"*": (-100, 100)},
    "Weight": {"value": (0, 10)},
    "ActionWeight": {"playout": (0, 100), "score": (-20, 20), "leanings": (-40, 40)},
}

#: the bounds of the whole-number arguments of effect and condition verbs: (verb, argument) or
#: argument alone (any verb); ``verb`` alone for a verb whose argument is one number
ARG_BOUNDS: dict[object, tuple[int, int]] = {
    "delta": (-100, 100),
    "percent": (0, 100),
    "value": (-1000, 1000),
    ("seats", "to"): (1, 2000),
    ("stance", "to"): (-100, 100),
    "politburo_seats_free": (0, 100),
    "congress_within": (0, 120),
}

#: flags the engine itself sets (besides the ``flag`` effect), and prefixes of such flags
ENGINE_FLAGS = ("testament_read",)
ENGINE_FLAG_PREFIXES = ("military_option_",)


def fields_of(cls: type) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(cls))


# --- the vocabulary the engine implements (declared in game.ruleset.vocabulary, so that the
#     validator can check rule files without importing the engine) ---

from game.ruleset.vocabulary import ACTION_KINDS as ACTION_KIND_DECLS  # noqa: E402  (declared there, once)
from game.ruleset.vocabulary import CONDITION_VERBS, EFFECT_VERBS  # noqa: E402

#: effect verb → its argument (see :mod:`game.ruleset.vocabulary`)
EFFECTS: dict[str, object] = {name: verb.args for name, verb in EFFECT_VERBS.items()}
#: condition verb → its argument
CONDITIONS: dict[str, object] = {name: verb.args for name, verb in CONDITION_VERBS.items()}

#: action kind → the params it reads (all integers, all required); declared in the vocabulary
ACTION_KINDS: dict[str, tuple[str, ...]] = {name: kind.params for name, kind in ACTION_KIND_DECLS.items()}

#: the params every discipline motion reads: prestige its proposer loses if it is defeated
_DISCIPLINE_PARAMS = ("defeat_prestige",)
#: motion kind → the params it reads (all integers, all required)
MOTION_KINDS: dict[str, tuple[str, ...]] = {
    "appoint_office": (),
    "remove_office": (),
    "censure": _DISCIPLINE_PARAMS + ("prestige",),
    "remove_posts": _DISCIPLINE_PARAMS,
    "expel_cc": _DISCIPLINE_PARAMS,
    "expel_party": _DISCIPLINE_PARAMS,
    "exile": _DISCIPLINE_PARAMS,
    "deport": _DISCIPLINE_PARAMS,
    "adopt_line": ("opinion", "prestige", "mantle"),
    "read_testament": ("prestige", "mantle", "defeat_prestige"),
    "convene_congress": ("gap",),
}
BODY_KINDS = ("council", "assembly", "joint", "congress")
TRACKER_KINDS = ("issue", "mood", "tide", "bureaucracy")
CAPABILITIES = (
    "secretariat",
    "police",
    "army",
    "government",
    "unions",
    "comintern",
    "press",
    "discipline",
    "party_city",
)
