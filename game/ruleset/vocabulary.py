"""The rule files' verb vocabulary, in one place: every effect and condition verb, its arguments
and their types, and its documentation; and every action kind (:data:`ACTION_KINDS`).

From this table come the validator's checks of events, actions and objectives, the JSON Schema
(``python -m game schema``), the modder's guide (``rules/README.md``) and the engine's own
docstrings: the engine registers one function per verb and may register no verb that is not
declared here (a test checks both lists are the same).

An argument's type is a kind of entry (``figures``, ``offices``… — the value must be the id of
one), ``int`` (bounded by :data:`game.ruleset.records.ARG_BOUNDS`), ``str``, one of the fixed
vocabularies ``status``, ``figure_status`` and ``direction``, or ``conditions`` (one condition or
a list of them).  A verb takes one such value, or a map of named arguments; a name ending in
``?`` is optional.

An action kind is declared the same way, once: its arguments, params, whether it is taken once a
quarter, secret, the confirmation it asks for, and its documentation.  The engine registers its
options and effect against the declaration (:mod:`game.engine.moves`, which fails at import on a
gap), and the validator, schema, guide, menus and bots read it; the kind ``composed`` is an action
written in the rule files from the verbs above.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class Verb:
    """One YAML keyword of the rule files: ``{name: argument}``."""

    name: str
    #: a type (see the module docstring), or a map of argument name → type
    args: object
    #: what the verb does (effects) or tests (conditions): the modder's documentation
    doc: str

    def arguments(self) -> list[tuple[str, str, bool]]:
        """(name, type, required) of each named argument; [] for a verb of one value."""
        if not isinstance(self.args, dict):
            return []
        return [(k.rstrip("?"), t, not k.endswith("?")) for k, t in self.args.items()]


def _table(*verbs: Verb) -> dict[str, Verb]:
    return {v.name: v for v in verbs}


EFFECT_VERBS: dict[str, Verb] = _table(
    Verb(
        "prestige",
        {"faction": "factions", "delta": "int"},
        "Change a faction's prestige by delta: ``{prestige: {faction: F, delta: N}}``.",
    ),
    Verb(
        "influence",
        {"faction": "factions", "delta": "int"},
        "Change a faction's influence by delta: ``{influence: {faction: F, delta: N}}``.",
    ),
    Verb(
        "exposure",
        {"faction": "factions", "delta": "int"},
        "Change a faction's exposure by delta: ``{exposure: {faction: F, delta: N}}``.",
    ),
    Verb(
        "mantle",
        {"faction": "factions", "delta": "int"},
        "Change a faction's mantle by delta: ``{mantle: {faction: F, delta: N}}``.",
    ),
    Verb(
        "tracker",
        {"id": "trackers", "delta": "int"},
        "Move a tracker by delta within its range: ``{tracker: {id: mass_mood, delta: -10}}``.",
    ),
    Verb(
        "sympathy",
        {"faction": "factions", "delta": "int", "region?": "regions"},
        "Change the rank and file's sympathy for a faction, in one region or all.",
    ),
    Verb(
        "loyalty",
        {"region": "regions", "delta": "int"},
        "Strengthen or weaken a regional secretary's hold on the delegation.",
    ),
    Verb(
        "affinity",
        {"figure": "figures", "faction": "factions", "delta": "int"},
        "Change a figure's public affinity towards a faction (0..100).",
    ),
    Verb("kill", "figures", "A figure dies: offices and seats fall vacant."),
    Verb(
        "figure_status",
        {"figure": "figures", "to": "figure_status"},
        "Set a figure's standing: active, incapacitated, dead, expelled, exiled, deported.",
    ),
    Verb(
        "appoint",
        {"office": "offices", "figure": "figures"},
        "Put a figure in an office (skipped if the figure may not hold office now).",
    ),
    Verb("vacate", "offices", "Leave an office empty; the appointing body fills it at the next vote."),
    Verb("politburo_add", "figures", "Give a figure a Politburo seat if one is free and the figure may sit."),
    Verb("politburo_remove", "figures", "Take a figure's Politburo seat away."),
    Verb(
        "status",
        {"faction": "factions", "to": "status"},
        "Put a faction on a rung of the disciplinary ladder (or capitulated).",
    ),
    Verb(
        "join",
        {"figure": "figures", "faction?": "factions"},
        "A figure changes sides (faction may be null: unaligned); a party organisation led by an office he holds follows him.",
    ),
    Verb("bloc", {"a": "factions", "b": "factions"}, "Two factions form a bloc."),
    Verb("break_bloc", {"a": "factions", "b": "factions"}, "A bloc between two factions ends."),
    Verb("congress", "str", "A Party Congress meets in this turn's vote phase."),
    Verb(
        "seats",
        {"body": "bodies", "to": "int"},
        "Change how many seats a body has (the CC grew at each Congress).  A Central Committee or Control Commission changes size at once: new seats sit unaligned until the next election fills them; lost seats come from the unaligned first, then from the largest factions.",
    ),
    Verb(
        "stance",
        {"faction": "factions", "issue": "trackers", "to": "int"},
        "A faction changes its stance on an issue (-100 left .. 100 right): Stalin's turn of 1928.",
    ),
    Verb(
        "secretariat_add",
        "figures",
        "Make a figure a secretary of the Central Committee (skipped if the figure may not hold office).",
    ),
    Verb("secretariat_remove", "figures", "Relieve a secretary of the Central Committee."),
    Verb(
        "motion",
        {
            "motion": "motions",
            "proposer": "factions",
            "target?": "factions",
            "office?": "offices",
            "figure?": "figures",
            "issue?": "trackers",
            "direction?": "direction",
        },
        "Put a motion on this turn's agenda, as if the proposer had moved it.  Whether it may be voted is checked when the vote comes (it lapses otherwise), so an event can table the next rung of the ladder behind one still on the agenda (the CC expulsion, then the party's).",
    ),
    Verb("flag", "str", "Set a named flag that conditions can test."),
    Verb("unflag", "str", "Clear a named flag."),
    Verb("log", "str", "Write a line in the public chronicle."),
)

CONDITION_VERBS: dict[str, Verb] = _table(
    Verb("alive", "figures", "The figure is alive."),
    Verb("dead", "figures", "The figure is dead."),
    Verb("flag", "str", "The flag is set."),
    Verb("not_flag", "str", "The flag is not set."),
    Verb("holds", {"office": "offices", "faction": "factions"}, "A figure of the faction holds the office."),
    Verb("holder", {"office": "offices", "figure": "figures"}, "This figure holds the office."),
    Verb(
        "status_is", {"faction": "factions", "status": "status"}, "The faction is in play and has exactly this status."
    ),
    Verb(
        "status_at_least",
        {"faction": "factions", "status": "status"},
        "The faction is in play and at least this far down the ladder.",
    ),
    Verb("tracker_at_least", {"id": "trackers", "value": "int"}, "The tracker is at or above the value."),
    Verb("tracker_below", {"id": "trackers", "value": "int"}, "The tracker is below the value."),
    Verb("in_politburo", "figures", "The figure sits in the Politburo."),
    Verb("bloc", {"a": "factions", "b": "factions"}, "The two factions are in a bloc."),
    Verb(
        "prestige_at_least",
        {"faction": "factions", "value": "int"},
        "The faction is in play with at least this much prestige.",
    ),
    Verb("in_secretariat", "figures", "The figure is a secretary of the Central Committee."),
    Verb(
        "figure_status",
        {"figure": "figures", "status": "figure_status"},
        "The figure has exactly this standing (active, incapacitated, dead, expelled, exiled, deported).",
    ),
    Verb("vacant", "offices", "Nobody holds the office (a death or a removal left it empty)."),
    Verb("politburo_seats_free", "int", "At least this many Politburo seats are empty, so an event may seat someone."),
    Verb(
        "congress_within",
        "int",
        "A Congress meets this quarter, or met within the last N quarters (0: this quarter only). A dated Congress waits on ``not: {congress_within: 1}``: two do not meet back to back.",
    ),
    Verb("not", "conditions", "The condition (or all of a list of conditions) does not hold."),
    Verb("any", "conditions", "At least one of a list of conditions holds."),
    Verb(
        "cc_share_at_least",
        {"faction": "factions", "percent": "int"},
        "The faction holds at least this percent of the Central Committee's seats.",
    ),
    Verb(
        "politburo_seats_at_least",
        {"faction": "factions", "value": "int"},
        "At least this many of the faction's figures sit in the Politburo.",
    ),
    Verb(
        "politburo_votes_at_least",
        {"faction": "factions", "value": "int"},
        "At least this many Politburo members would vote with the faction: its own figures, and "
        "members whose ties to it (public affinity and its own secret cultivation, never a rival's) "
        "run the votes' defection margin ahead of their own faction's, or, for a member of no "
        "faction, ahead of every other faction's. A faction's leader never counts for another.",
    ),
    Verb(
        "regions_at_least",
        {"faction": "factions", "value": "int"},
        "The faction's secretaries lead at least this many party organisations.",
    ),
    Verb(
        "delegates_at_least",
        {"faction": "factions", "percent": "int"},
        "At the last Congress held in this game, the faction sent at least this percent of the delegates (false if no Congress has met yet).",
    ),
    Verb(
        "signatures_at_least",
        {"faction": "factions", "value": "int"},
        "The faction's platform has gathered at least this many thousand signatures.",
    ),
    Verb(
        "exposure_below",
        {"faction": "factions", "value": "int"},
        "The faction is in play with exposure below the value.",
    ),
    Verb(
        "mantle_at_least",
        {"faction": "factions", "value": "int"},
        "The faction is in play with at least this much of Lenin's mantle.",
    ),
    Verb(
        "power_ratio_at_least",
        {"faction": "factions", "percent": "int"},
        "At the close of the last quarter, the faction's power score was at least this percent of the strongest rival's (100: it was the strongest).",
    ),
)


# --- action kinds ------------------------------------------------------------------------------


@frozen
class Kind:
    """One action kind: the engine verb an action entry of the rule files names with ``kind``.

    The engine registers its options and its effect against this declaration
    (:mod:`game.engine.moves`), the AI its score and its personality bias (:mod:`game.ai`); the
    validator, the schema, the guide, the menus' words and the confirmations come from here."""

    name: str
    #: the kind of entry each argument names (``regions``, ``figures``…), in order; a composed
    #: action's argument is its ``target``'s
    args: tuple[str, ...]
    #: the params it reads: whole numbers, all required, each within ``BOUNDS["Action"]["params"]``
    params: tuple[str, ...]
    #: taken at most once a quarter (per first argument: once per region, figure, issue…)
    once_per_turn: bool
    #: its chronicle line is seen only by the factions it concerns
    secret: bool
    #: what a player is asked to confirm before taking it (None: nothing)
    confirm: str | None
    #: what it does: the modder's documentation
    doc: str


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {k.name: k for k in kinds}


#: the kind of a rule-file action composed of condition and effect verbs (see ``target``)
COMPOSED = "composed"
#: a composed action's ``target`` → the kind of entry it names
TARGETS: dict[str, str] = {"faction": "factions", "figure": "figures", "region": "regions", "issue": "trackers"}
#: the words a composed action's conditions and effects may use for the acting faction and its target
SELF, TARGET = "$self", "$target"

ACTION_KINDS: dict[str, Kind] = _kinds(
    Kind(
        "appoint",
        ("regions",),
        ("loyalty", "resist"),
        True,
        False,
        None,
        "Name the faction's secretary of a region (at most ``appointments_per_turn`` a quarter); a rival's "
        "machine resists: one more influence per ``resist`` points of its hold.",
    ),
    Kind(
        "cultivate",
        ("figures",),
        ("affinity", "rumour_at"),
        True,
        True,
        None,
        "Court a figure in secret: ``affinity`` more for the faction; rumours start at ``rumour_at``.",
    ),
    Kind(
        "publish",
        ("press", "trackers"),
        ("opinion", "prestige", "mantle", "sympathy", "reach_par", "per_quarter"),
        True,
        False,
        None,
        "Argue an issue in a paper the faction controls: opinion and sympathy scaled by the paper's reach "
        "over ``reach_par``; prestige, and mantle when opinion already leans its way; at most ``per_quarter`` "
        "articles a quarter, each in another paper.",
    ),
    Kind(
        "underground",
        ("trackers",),
        ("opinion", "sympathy", "raid_chance", "raid_exposure", "raid_prestige"),
        True,
        False,
        None,
        "Print on a secret press: opinion and sympathy, at the risk of a police raid (``raid_chance`` percent "
        "when the police are hostile).",
    ),
    Kind(
        "speak",
        ("trackers",),
        ("opinion", "prestige", "orator"),
        True,
        False,
        None,
        "Speak on an issue at a plenum: opinion (times ``orator`` for a leader who is an orator, who also gains "
        "prestige).",
    ),
    Kind(
        "propose",
        ("motions",),
        (),
        False,
        False,
        None,
        "Put a motion (``motions.yaml``) on the agenda; its further arguments are the motion's.",
    ),
    Kind("offer_bloc", ("factions",), (), True, True, None, "Offer a rival faction a bloc, in secret."),
    Kind("accept_bloc", ("factions",), (), False, False, None, "Accept a bloc offered to the faction."),
    Kind("decline_bloc", ("factions",), (), False, True, None, "Decline a bloc offered to the faction."),
    Kind(
        "break_bloc",
        ("factions",),
        ("prestige",),
        False,
        False,
        "this breaks the bloc",
        "Break a bloc, losing ``prestige``.",
    ),
    Kind(
        "mass_appeal",
        ("regions",),
        ("sympathy", "mood", "mood_par"),
        True,
        False,
        None,
        "Appeal to the rank and file of a region: sympathy scaled by the mass mood over ``mood_par``; the mood "
        "moves by ``mood``.",
    ),
    Kind(
        "lenin_levy",
        (),
        ("bureaucracy", "dilution", "loyalty", "cooldown"),
        False,
        False,
        None,
        "Enrol new members: the bureaucracy grows, rivals' sympathy is diluted, secretaries' hold firms; "
        "once per ``cooldown`` quarters.",
    ),
    Kind(
        "signatures",
        (),
        ("sympathy", "prestige", "thousands"),
        True,
        False,
        None,
        "Gather signatures under the faction's platform (``thousands``, more when the masses stir).",
    ),
    Kind(
        "recant",
        (),
        ("prestige", "mantle"),
        False,
        False,
        "recanting readmits you diminished, without posts",
        "Recant: the faction capitulates, losing prestige and mantle.",
    ),
    Kind(
        "military",
        (),
        ("chance", "mood", "prestige", "fail_prestige", "fail_exposure"),
        False,
        False,
        "the army against the party: it may fail, and it will be remembered",
        "Turn to the army: ``chance`` percent to seize the General Secretary's office; failure expels the faction.",
    ),
    Kind(
        "pledge",
        (),
        ("exposure", "prestige", "thousands_on_file"),
        True,
        False,
        None,
        "Pledge discipline: less exposure for less prestige, but not below one point for every "
        "``thousands_on_file`` thousand signatures the faction has gathered (the names stay on file).",
    ),
    Kind(
        "entrench",
        ("regions",),
        ("loyalty",),
        True,
        True,
        None,
        "Tend a machine: the faction's secretary of a region gains ``loyalty`` hold.",
    ),
    Kind("mobilise", (), ("ap",), True, False, None, "Mobilise the network: ``ap`` more action points this quarter."),
    Kind(
        "provocation",
        ("factions",),
        ("exposure", "prestige", "exposed_chance", "exposed_prestige"),
        True,
        False,
        None,
        "An amalgam against an opposition under discipline: its exposure rises unless the plant is found out "
        "(``exposed_chance`` percent), which costs the mover prestige.",
    ),
    Kind("pass", (), (), False, False, None, "End the faction's turn."),
    Kind(
        COMPOSED,
        (),
        (),
        True,
        False,
        None,
        "An action composed in the rule files from condition and effect verbs, as events are: its ``target`` "
        "(faction, figure, region, issue, or none), ``conditions`` for offering it, ``target_conditions`` for "
        "each target, ``effects``, and ``secret``; ``$self`` and ``$target`` stand for the acting faction "
        "and the chosen target. Taken once a quarter per target.",
    ),
)
