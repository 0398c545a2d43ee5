"""Personalities: how a bot leans when it plays like the historical figure.

A personality (``rules/base/ai.yaml``) gives leanings 0..10; :func:`bias` turns them into a
preference for one move over another, with a few words on why.  What each leaning does:

- ``apparatus``: appoint secretaries, dig in the machines, the Lenin Levy, mobilise the network.
- ``policy``: speak, publish, put a policy line to the vote, gather signatures.
- ``press``: publish in the papers it controls.
- ``masses``: appeal to the workers, the underground press.
- ``bloc_reluctance``: slow to offer or accept a bloc.
- ``ally_trust``: slow to break a bloc.
- ``turn_on_ally``: breaks a bloc once the common enemy is beaten or the partner grows strong.
- ``patience``: does not push a rival down the ladder sooner than history did (the ``pace``).
- ``military_refusal``: will not turn to the army.
- ``capitulation``: recants when expulsion looms (0: never).
- ``submission``: pledges discipline, above all after a Congress has spoken.
- ``home_defence``: its own region (``home``) first — its machine, its paper, its workers.
- ``mood_swing``: euphoria when ahead (presses the attack), despair when behind (gives way).
- ``first_target``: opens its campaign against ``target``.

The personality weight (0: none, 1: historical) scales all of it; it is a setting of its own,
apart from the difficulty.
"""

from __future__ import annotations

from attrs import frozen

from game.ai.sense import DISCIPLINE, RUNG_OF, partners, target_of
from game.ruleset.records import LADDER
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import COMPOSED


@frozen
class Persona:
    """A faction's leanings (0..10 each), home region and first target (the ladder's pace is
    :func:`pace_for`)."""

    faction: str
    weights: dict[str, int]
    home: str | None
    target: str | None

    def w(self, name: str) -> float:
        return self.weights.get(name, 0) / 10


def pace_for(rules: Rules, rung: str, target: str | None) -> str | None:
    """The earliest quarter history lets a bot push ``target`` to ``rung`` (YYYY-Qn), or None:
    the latest of the paces for every rival and those for this faction (``pace`` in ai.yaml), on
    this rung or any rung above it (no rival reaches a rung before the one it passes through).
    Paces that name offices are not for the rung: :func:`office_pace` reads them."""
    known = rules.tables.rung_paces  # bots ask for every discipline motion they weigh
    key = (rung, target)
    if key not in known:
        upto = set(LADDER[: LADDER.index(rung) + 1]) if rung in LADDER else {rung}
        dates = [
            p.not_before
            for p in getattr(rules, "pace", {}).values()
            if not p.offices and p.rung in upto and p.target in (None, target)
        ]
        known[key] = max(dates) if dates else None
    return known[key]


def office_pace(rules: Rules, office: str, holder: str | None) -> str | None:
    """The earliest quarter history lets a bot take ``office`` from the faction ``holder``
    (YYYY-Qn), or None: the latest ``pace`` in ai.yaml that names the office and that faction."""
    known = rules.tables.office_paces  # bots ask for every office motion they weigh
    key = (office, holder)
    if key not in known:
        dates = [
            p.not_before for p in getattr(rules, "pace", {}).values() if office in p.offices and p.target == holder
        ]
        known[key] = max(dates) if dates else None
    return known[key]


def rung_too_soon(rules: Rules, date: str, rung: str, target: str | None) -> bool:
    """Is ``date`` earlier than history took ``target`` to ``rung`` (:func:`pace_for`)?"""
    earliest = pace_for(rules, rung, target)
    return earliest is not None and date < earliest


def office_too_soon(rules: Rules, date: str, office: str, holder: str | None, me: str) -> bool:
    """Is ``date`` earlier than history took ``office`` from ``holder`` (:func:`office_pace`)?
    Never for a post that is vacant or one's own."""
    if holder is None or holder == me:
        return False
    earliest = office_pace(rules, office, holder)
    return earliest is not None and date < earliest


def persona_for(rules: Rules, faction: str) -> Persona:
    """The faction's personality from the rule files (a neutral one if it has none)."""
    rec = next((p for p in getattr(rules, "personalities", {}).values() if p.faction == faction), None)
    if rec is None:
        return Persona(faction, {}, None, None)
    return Persona(faction, {k: w.value for k, w in rec.weights.items()}, rec.home, rec.target)


def _home_press(rules: Rules, persona: Persona) -> set[str]:
    if persona.home is None:
        return set()
    chief = rules.regions[persona.home].chief_office
    return {o for o, rec in rules.press.items() if chief and rec.controlled_by == chief}


def _share(view, faction: str) -> float:
    """The faction's share of the Central Committee (its standing, for euphoria and despair)."""
    cc = view.central_committee
    return cc.get(faction, 0) / (sum(cc.values()) or 1)


def weight_of(rules: Rules, action_id: str):
    """How the bots weigh the action entry ``action_id``: its own ``action_weights`` entry in
    ai.yaml, else its kind's (the validator sees that every kind has one)."""
    weights = rules.action_weights
    own = weights.get(action_id)
    if own is not None:
        return own
    kind = rules.actions[action_id].kind
    if kind not in weights:
        raise KeyError(f"ai.yaml: no action_weights entry for the action kind {kind!r}")
    return weights[kind]


def bias(view, action, rules: Rules, persona: Persona) -> tuple[float, str]:
    """How much the personality favours ``action`` (in leaning units, about -10..10), and why."""
    rule = rules.actions.get(action.name)
    if rule is None:
        return 0.0, ""
    return _BIAS[rule.kind](view, action, rules, persona)


def _appoint(view, action, rules: Rules, p):
    region = action.args[0]
    largest = max(r.delegates for r in rules.regions.values()) or 1
    weight = rules.regions[region].delegates / largest  # the big delegations decide a Congress
    if view.congress_due:
        weight *= 1.5
    value = 12 * p.w("apparatus") * weight + (10 * p.w("home_defence") if region == p.home else 0)
    return value, f"{rules.regions[region].name} sends {rules.regions[region].delegates} delegates to a Congress"


def _entrench(view, action, rules: Rules, p):
    if p.home is not None and action.args[0] == p.home:
        return 6 * p.w("apparatus") + 10 * p.w("home_defence"), f"{rules.regions[p.home].name} is its own machine"
    return 6 * p.w("apparatus"), "a machine must be tended"


def _publish(view, action, rules: Rules, p):
    value = 8 * p.w("press") + 4 * p.w("policy")
    if action.args[0] in _home_press(rules, p):
        return value + 5 * p.w("home_defence"), f"{rules.press[action.args[0]].name} speaks for its city"
    return value, "the line must be argued in print"


def _mass_appeal(view, action, rules: Rules, p):
    value = 6 * p.w("masses")
    if p.home is not None:
        if action.args[0] == p.home:
            return value + 10 * p.w("home_defence"), f"the workers of {rules.regions[p.home].name} are its own"
        return value - 4 * p.w("home_defence"), "far from its own city"
    return value, "the rank and file must wake up"


def _offer(view, action, rules: Rules, p):
    other = action.args[0]
    value = -8 * p.w("bloc_reluctance")
    if other == p.target and view.turn < 8:
        value -= 10 * p.w("first_target")
    return value, "wary of blocs" if value < -3 else "a bloc has its uses"


def _accept(view, action, rules: Rules, p):
    value, why = _offer(view, action, rules, p)
    return value + 2, why


def _break(view, action, rules: Rules, p):
    partner = action.args[0]
    me = view.you
    rivals = [f for f in view.factions if f not in (me, partner)]
    beaten = [f for f in rivals if view.factions[f].status in LADDER[LADDER.index("expelled_cc") :]]
    strong = _share(view, partner) >= _share(view, me)
    value = -8 * p.w("ally_trust")
    if beaten or strong:
        value += 12 * p.w("turn_on_ally")
        return value, "the common enemy is beaten: time to turn on the ally"
    return value, "keeps faith with its partner"


def _propose(view, action, rules: Rules, p):
    motion = rules.motions[action.args[0]]
    me = view.you
    target = target_of(view, rules, action.args[0], action.args[1:])
    value, why = 0.0, ""
    if motion.kind == "adopt_line":
        return 6 * p.w("policy"), "commit the party to its line"
    if motion.kind in DISCIPLINE:
        if rung_too_soon(rules, view.date, RUNG_OF[motion.kind], target):
            value -= 15 * p.w("patience")
            why = "it is too soon for that: let the rival wear himself out"
        if target == p.target:
            value += 8 * p.w("first_target")
            why = why or f"the campaign against {rules.factions[target].name} comes first"
        mood = _share(view, me) - max((_share(view, f) for f in view.factions if f != me), default=0)
        value += 6 * p.w("mood_swing") * (1 if mood > 0 else -1)
    elif motion.kind in ("remove_office", "appoint_office"):
        office = action.args[1]
        if p.home is not None and office == rules.regions[p.home].chief_office:
            value += 10 * p.w("home_defence")
            why = f"{rules.regions[p.home].name} must stay its own"
        if target is not None and target in partners(view, me):
            value -= 10 * p.w("ally_trust")
        if office_too_soon(rules, view.date, office, target, me):
            value -= 15 * p.w("patience")
            why = f"too soon to take the post of {rules.offices[office].name}"
    return value, why


def _recant(view, action, rules: Rules, p):
    me = view.you
    status = view.factions[me].status
    looming = status in LADDER and LADDER.index(status) >= LADDER.index("expelled_cc")
    if p.w("capitulation") == 0:
        return -40.0, "will not recant"
    if looming:
        return 20 * p.w("capitulation"), "stay in the party at all costs: expulsion is political death"
    return -6 + 4 * p.w("mood_swing") * (1 if _share(view, me) < 0.15 else 0), "not yet"


def _pledge(view, action, rules: Rules, p):
    after_congress = view.turn - view.record["last_congress_turn"] <= 1
    return 4 * p.w("submission") + (6 * p.w("submission") if after_congress else 0), "submits to the party's decision"


def _none(view, action, rules: Rules, p):
    """A kind no leaning speaks to (cultivating, provocations, ending the turn)."""
    return 0.0, ""


def _leanings(view, action, rules: Rules, p):
    """A kind whose lean is the same whatever the board (and an action composed in YAML): its
    ``leanings`` in ai.yaml's ``action_weights``, points at a leaning of 10, and its ``reason``."""
    entry = weight_of(rules, action.name)
    value = 0.0
    for leaning, points in entry.leanings.items():
        value += points * p.w(leaning)
    return value, entry.reason


#: each action kind's bias (a test sees that every declared kind has one)
_BIAS = {
    "cultivate": _none,
    "provocation": _none,
    "pass": _none,
    COMPOSED: _leanings,
    "appoint": _appoint,
    "entrench": _entrench,
    "lenin_levy": _leanings,
    "mobilise": _leanings,
    "publish": _publish,
    "speak": _leanings,
    "mass_appeal": _mass_appeal,
    "underground": _leanings,
    "signatures": _leanings,
    "offer_bloc": _offer,
    "accept_bloc": _accept,
    "decline_bloc": _leanings,
    "break_bloc": _break,
    "propose": _propose,
    "military": _leanings,
    "recant": _recant,
    "pledge": _pledge,
}
