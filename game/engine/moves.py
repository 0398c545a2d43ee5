"""Action kinds: for each, the legal arguments now and what taking it does.

The rule file's ``actions`` entries give each kind its cost, statuses, requirement and numbers;
this module is the verb behind each ``kind``, registered against the kind's declaration in
:data:`game.ruleset.vocabulary.ACTION_KINDS` (its arguments, params, once a quarter or not,
secrecy, confirmation).  ``OPTIONS[kind]`` lists argument tuples; ``DO[kind]`` changes a cloned
state.  The kind ``composed`` is an action written in the rule files from condition and effect
verbs, with ``$self`` and ``$target`` bound when it is offered and taken.

This module is longer than the house's 500 lines on purpose: it holds one option function and one
effect per action kind, registered against the kinds' one declaration, and is read as that table.
"""

from __future__ import annotations

from game.engine import chronicle, discipline, motions, posts
from game.engine.effects import bump, clamp, holds, move_tracker, run_effects, shift_sympathy
from game.engine.state import Proposal, State
from game.engine.votes import target_of
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import ACTION_KINDS, COMPOSED, SELF, TARGET


def capabilities(state: State, rules: Rules, faction: str) -> set[str]:
    return held_capabilities(rules, state.offices, state.figures, faction)


def held_capabilities(rules: Rules, offices, figures, faction: str) -> set[str]:
    """What the faction's offices grant, from a state's or a view's offices and figures.

    An office held by a ``figurehead`` of no faction (Menzhinsky, "too ill to be anything more
    than nominal head" of the OGPU) serves whoever runs the Secretariat."""
    caps: set[str] = set()
    nominal: set[str] = set()
    for office, holder in offices.items():
        if not holder:
            continue
        fig = figures[holder]
        if fig.faction == faction:
            caps.update(rules.offices[office].grants)
        elif fig.faction is None and "figurehead" in rules.figures[holder].traits:
            nominal.update(rules.offices[office].grants)
    if nominal and "secretariat" in caps:
        caps.update(nominal)
    return caps


def has_capability(state: State, rules: Rules, faction: str, capability: str) -> bool:
    """Does the faction hold an office that grants the capability?  (``capability in
    capabilities(...)``, without building the set: legal actions ask this at every step.)"""
    figures, offices = state.figures, state.offices
    nominal = False
    for office in rules.tables.granting.get(capability, ()):
        holder = offices.get(office)
        if holder:
            owner = figures[holder].faction
            if owner == faction:
                return True
            if owner is None and "figurehead" in rules.figures[holder].traits:
                nominal = True
    # a figurehead's office serves the Secretariat (see held_capabilities)
    return nominal and capability != "secretariat" and has_capability(state, rules, faction, "secretariat")


def capability_holder(state: State, rules: Rules, capability: str):
    """The faction holding an office that grants the capability (first office in rule order)."""
    for office in rules.tables.granting.get(capability, ()):
        holder = state.offices.get(office)
        if holder:
            fac = state.figures[holder].faction
            if fac is not None:
                return fac
    return None


def police_faction(state: State, rules: Rules):
    """The faction the OGPU serves: its chief's, or the Secretariat's when he belongs to none."""
    return capability_holder(state, rules, "police") or capability_holder(state, rules, "secretariat")


def issues(rules: Rules) -> tuple[str, ...]:
    """The trackers that are issues (a faction takes a stance on them), in rule order."""
    return rules.tables.issues


def _toward(state, faction: str, issue: str, amount: int) -> int:
    stance = state.stance(faction, issue)
    return -amount if stance < 0 else amount


# --- options ---------------------------------------------------------------------------------


def _done_this_turn(state, faction: str, kind: str) -> int:
    """How many moves of ``kind`` the faction has made this quarter (``state.acted``; a plain loop:
    every legal-move list of search asks)."""
    done = 0
    for key in state.acted:
        if key[0] == faction and key[1] == kind:
            done += 1
    return done


def _o_appoint(state, rules: Rules, faction, rule):
    if _done_this_turn(state, faction, "appoint") >= rules.settings.appointments_per_turn:
        return []  # the apparatus moves slowly, turn by turn
    out = []
    purse = state.factions[faction].influence - rule.cost.influence
    regions = state.regions
    for rid, arg in _region_args(rules, state):
        if regions[rid].secretary == faction:
            continue
        chief = rules.regions[rid].chief_office
        if chief and state.holder_faction(chief) not in (None, faction):
            continue  # a city machine under a rival chief is out of the Secretariat's reach
        if resistance(state, rid, faction, rule) <= purse:
            out.append(arg)
    return out


def _region_args(rules: Rules, state) -> tuple[tuple[str, tuple[str]], ...]:
    """(region id, its argument tuple) of every region of the state, by id: worked out once per
    ruleset (every region option of every action weighed in search walks them)."""
    table = rules.tables.region_args
    if len(table) == len(state.regions):
        return table
    return tuple((rid, (rid,)) for rid in sorted(state.regions))


def resistance(state, region: str, faction: str, rule) -> int:
    """Extra influence it costs to replace a rival's secretary: his machine resists in proportion
    to his hold (``resist`` points of loyalty per point of influence)."""
    reg = state.regions[region]
    if reg.secretary in (None, faction):
        return 0
    return reg.loyalty // rule.params["resist"]


def _o_mine(state, rules: Rules, faction, rule):
    """The regions whose secretary is the faction's and whose hold can still grow."""
    out = []
    regions = state.regions
    for rid, arg in _region_args(rules, state):
        reg = regions[rid]
        if reg.secretary == faction and reg.loyalty < 100:
            out.append(arg)
    return out


def _o_pledge(state, rules: Rules, faction, rule):
    fs = state.factions[faction]
    return [()] if fs.exposure > _on_file(fs, rule) else []


def _on_file(fs, rule) -> int:
    """The exposure a pledge cannot shed: the signatures under a platform are names the Control
    Commission keeps (one point per ``thousands_on_file`` thousand)."""
    return fs.signatures // rule.params["thousands_on_file"]


def _o_military(state, rules: Rules, faction, rule):
    # the General Secretary's faction has no Secretariat to seize: it already holds it
    return [] if state.holder_faction(posts.head_office(rules)) == faction else [()]


#: an amalgam needs an opposition already under the party's discipline to be smeared with
_SMEARABLE = ("censured", "removed", "expelled_cc")


def _o_provocation(state, rules: Rules, faction, rule):
    return [
        (f,)
        for f, fs in sorted(state.factions.items())
        if f != faction and not state.in_bloc(f, faction) and fs.status in _SMEARABLE
    ]


def _o_cultivate(state, rules: Rules, faction, rule):
    out = []
    figures = state.figures
    for f, arg in _cultivable(rules, state):
        fig = figures[f]
        if fig.status == "active" and fig.faction != faction:
            out.append(arg)
    return out


def _cultivable(rules: Rules, state) -> tuple[tuple[str, tuple[str]], ...]:
    """(figure, its argument tuple) of every figure but the leaders of the state's factions, in
    the rule files' order: worked out once per set of factions."""
    table = rules.tables.cultivable
    key = tuple(state.factions)
    found = table.get(key)
    if found is None:
        leaders = {rules.factions[f].leader for f in state.factions}
        found = table[key] = tuple((f, (f,)) for f in rules.figures if f not in leaders)
    return found


def _o_publish(state, rules: Rules, faction, rule):
    if _done_this_turn(state, faction, "publish") >= rule.params["per_quarter"]:
        return []  # a press campaign has its limits: per_quarter articles, each in another paper
    out = []
    held = None
    for organ, rec in rules.press.items():
        if state.holder_faction(rec.controlled_by) == faction:
            if held is None:
                held = [i for i in issues(rules) if state.stance(faction, i)]
            for issue in held:
                out.append((organ, issue))
    return out


def _o_issue(state, rules: Rules, faction, rule):
    out = []
    for issue in issues(rules):
        if state.stance(faction, issue):
            out.append((issue,))
    return out


def _o_propose(state, rules: Rules, faction, rule):
    found = motions.proposals(state, rules, faction)
    spared = motions.spared(state, faction)
    if not spared:
        return found
    # no motion against a faction favoured this quarter, by the mover or by its partners
    return [p for p in found if target_of(state, rules, Proposal(faction, p[0], tuple(p[1:]))) not in spared]


def _o_offer(state, rules: Rules, faction, rule):
    pending = {(a, b) for a, b, _t in state.offers} | {(b, a) for a, b, _t in state.offers}
    return [
        (f,)
        for f in sorted(state.factions)
        if f != faction
        and not state.in_bloc(f, faction)
        and (faction, f) not in pending
        and state.factions[f].status in rule.allowed_status
        and not motions.at_odds(state, rules, faction, f)
        and not motions.at_odds(state, rules, f, faction)
    ]


def _o_answer(state, rules: Rules, faction, rule):
    if rule.kind == "accept_bloc":  # no bloc with both sides of a pending vote (a refusal is always open)
        return [
            (a,)
            for a, b, _t in state.offers
            if b == faction
            and not motions.at_odds(state, rules, faction, a)
            and not motions.at_odds(state, rules, a, faction)
        ]
    return [(a,) for a, b, _t in state.offers if b == faction]


def _o_break(state, rules: Rules, faction, rule):
    spared = motions.favoured(state, faction)  # a bloc made, or a partner favoured, this quarter stands
    return [
        (b if a == faction else a,)
        for a, b in state.blocs
        if faction in (a, b) and (b if a == faction else a) not in spared
    ]


def _o_regions(state, rules: Rules, faction, rule):
    return [arg for _rid, arg in _region_args(rules, state)]


def _o_levy(state, rules: Rules, faction, rule):
    last = state.marks.get("lenin_levy", -999)
    return [()] if state.turn - last >= rule.params["cooldown"] else []


def _o_once(state, rules: Rules, faction, rule):
    return [()]


def _o_composed(state, rules: Rules, faction, rule):
    """A composed action's targets: offered while its ``conditions`` hold for the faction, each
    target kept while its ``target_conditions`` hold."""
    if rule.conditions and not holds(state, bind(rule.conditions, faction, None), rules):
        return []
    targets = _targets(state, rules, faction, rule.target)
    if rule.target_conditions:
        targets = [t for t in targets if holds(state, bind(rule.target_conditions, faction, t[0]), rules)]
    return targets


def _targets(state, rules: Rules, faction, target):
    if target == "faction":
        return [(f,) for f in sorted(state.factions) if f != faction]
    if target == "figure":
        return [(f,) for f in rules.figures if state.figures[f].status == "active"]
    if target == "region":
        return [arg for _rid, arg in _region_args(rules, state)]
    if target == "issue":
        return [(i,) for i in issues(rules)]
    return [()]


def bind(items, faction: str, target: str | None):
    """Conditions or effects with ``$self`` and ``$target`` replaced by the acting faction and
    the target.

    >>> bind(({"prestige": {"faction": "$target", "delta": -2}},), "stalin", "trotsky")
    [{'prestige': {'faction': 'trotsky', 'delta': -2}}]
    """

    def sub(value):
        if value == SELF:
            return faction
        if value == TARGET:
            return target
        if isinstance(value, dict):
            return {k: sub(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [sub(v) for v in value]
        return value

    return [sub(item) for item in items]


# --- effects ---------------------------------------------------------------------------------


def _appoint(state, rules: Rules, faction, args, rule):
    state.factions[faction].influence -= resistance(state, args[0], faction, rule)
    reg = state.regions[args[0]]
    reg.secretary, reg.loyalty, reg.appointed_turn = faction, rule.params["loyalty"], state.turn
    chronicle.note(state, rules, "appoint_secretary", region=args[0])


def _cultivate(state, rules: Rules, faction, args, rule):
    fig = args[0]
    book = state.cultivation.setdefault(faction, {})
    before = sum(c.get(fig, 0) for c in state.cultivation.values())
    book[fig] = clamp(book.get(fig, 0) + rule.params["affinity"], 0, 100)
    chronicle.note(state, rules, "cultivate", (faction,), "secret", faction=faction, figure=fig)
    if before < rule.params["rumour_at"] <= before + rule.params["affinity"]:
        # told at the quarter's close with every other rumour, so its timing names no suitor
        state.pending.append(("rumour", fig))


def _publish(state, rules: Rules, faction, args, rule):
    organ, issue = args
    reach = rules.press[organ].reach
    p = rule.params
    move_tracker(state, rules, issue, _toward(state, faction, issue, p["opinion"] * reach // p["reach_par"]))
    bump(state, rules, faction, "prestige", p["prestige"])
    shift_sympathy(state, faction, p["sympathy"] * reach // p["reach_par"])
    stance = state.stance(faction, issue)
    if (stance < 0) == (state.trackers[issue] < 0):
        bump(state, rules, faction, "mantle", p["mantle"])
    chronicle.note(state, rules, "publish", organ=organ, faction=faction, issue=issue)


def _underground(state, rules: Rules, faction, args, rule):
    issue = args[0]
    p = rule.params
    move_tracker(state, rules, issue, _toward(state, faction, issue, p["opinion"]))
    shift_sympathy(state, faction, p["sympathy"])
    police = police_faction(state, rules)
    hostile = police is not None and police != faction and not state.in_bloc(police, faction)
    if hostile and state.roll(100) < p["raid_chance"]:
        bump(state, rules, faction, "exposure", p["raid_exposure"])
        bump(state, rules, faction, "prestige", -p["raid_prestige"])
        chronicle.note(state, rules, "raid", faction=faction)
    else:
        chronicle.note(state, rules, "leaflets", faction=faction, issue=issue)


def _provocation(state, rules: Rules, faction, args, rule):
    """An amalgam: the police tie an opposition to White Guards or plotters.  If the plant is found
    out, the mover pays for it; if not, the opposition is tarred whatever the truth."""
    target, p = args[0], rule.params
    if state.roll(100) < p["exposed_chance"]:
        bump(state, rules, faction, "prestige", -p["exposed_prestige"])
        chronicle.note(state, rules, "provocation_exposed", faction=faction, target=target)
    else:
        bump(state, rules, target, "exposure", p["exposure"])
        bump(state, rules, target, "prestige", -p["prestige"])
        chronicle.note(state, rules, "provocation", target=target)


def _speak(state, rules: Rules, faction, args, rule):
    issue = args[0]
    p = rule.params
    leader = rules.factions[faction].leader
    orator = "orator" in rules.figures[leader].traits
    move_tracker(state, rules, issue, _toward(state, faction, issue, p["opinion"] * (p["orator"] if orator else 1)))
    if orator:
        bump(state, rules, faction, "prestige", p["prestige"])
    chronicle.note(state, rules, "speech", figure=leader, issue=issue)


def _propose(state, rules: Rules, faction, args, rule):
    prop = Proposal(faction, args[0], tuple(args[1:]))
    state.agenda.append(prop)
    chronicle.note(state, rules, "agenda", kind="vote", proposer=faction, motion=prop.motion, args=prop.args)
    target = target_of(state, rules, prop)
    if target is not None and target != faction and state.in_bloc(faction, target):
        state.blocs.remove(tuple(sorted((faction, target))))
        bump(state, rules, faction, "prestige", -rules.settings.betrayal_prestige)
        chronicle.note(state, rules, "bloc_broken_by_motion", faction=faction, other=target)


def _offer(state, rules: Rules, faction, args, rule):
    state.offers.append((faction, args[0], state.turn))
    both = (faction, args[0])
    chronicle.note(state, rules, "bloc_offered", both, "secret", faction=faction, other=args[0])


def _accept(state, rules: Rules, faction, args, rule):
    state.offers = [o for o in state.offers if not (o[0] == args[0] and o[1] == faction)]
    pair = tuple(sorted((faction, args[0])))
    if pair not in state.blocs:
        state.blocs.append(pair)
        state.blocs.sort()
    motions.mark_favour(state, faction, args[0])
    motions.mark_favour(state, args[0], faction)
    # partners withdraw the motions they had tabled against each other
    state.agenda = [p for p in state.agenda if {p.proposer, target_of(state, rules, p)} != set(pair)]
    chronicle.note(state, rules, "bloc_accepted", faction=faction, other=args[0])


def _decline(state, rules: Rules, faction, args, rule):
    state.offers = [o for o in state.offers if not (o[0] == args[0] and o[1] == faction)]
    both = (faction, args[0])
    chronicle.note(state, rules, "bloc_declined", both, "secret", faction=faction, other=args[0])


def _break(state, rules: Rules, faction, args, rule):
    state.blocs.remove(tuple(sorted((faction, args[0]))))
    bump(state, rules, faction, "prestige", -rule.params["prestige"])
    chronicle.note(state, rules, "bloc_broken", faction=faction, other=args[0])


def _mass_appeal(state, rules: Rules, faction, args, rule):
    p = rule.params
    gain = p["sympathy"] * state.trackers[rules.settings.roles.mass_mood] // p["mood_par"]
    shift_sympathy(state, faction, gain, args[0])
    move_tracker(state, rules, rules.settings.roles.mass_mood, p["mood"])
    chronicle.note(state, rules, "mass_appeal", faction=faction, region=args[0])


def _lenin_levy(state, rules: Rules, faction, args, rule):
    p = rule.params
    move_tracker(state, rules, rules.settings.roles.bureaucracy, p["bureaucracy"])
    keep = 100 - p["dilution"]
    for reg in state.regions.values():
        for fid in reg.sympathy:
            if fid != reg.secretary:
                reg.sympathy[fid] = reg.sympathy[fid] * keep // 100
        if reg.secretary is not None:
            reg.loyalty = clamp(reg.loyalty + p["loyalty"], 0, 100)
    state.marks["lenin_levy"] = state.turn
    chronicle.note(state, rules, "lenin_levy")


def _signatures(state, rules: Rules, faction, args, rule):
    fs = state.factions[faction]
    # each drive gathers thousands, more when the workers are stirring
    fs.signatures += rule.params["thousands"] * state.trackers.get(rules.settings.roles.mass_mood, 50) // 50
    shift_sympathy(state, faction, rule.params["sympathy"])
    bump(state, rules, faction, "prestige", rule.params["prestige"])
    chronicle.note(state, rules, "signatures", faction=faction)


def _recant(state, rules: Rules, faction, args, rule):
    bump(state, rules, faction, "prestige", -rule.params["prestige"])
    bump(state, rules, faction, "mantle", -rule.params["mantle"])
    discipline.set_status(state, rules, faction, "capitulated")


def _military(state, rules: Rules, faction, args, rule):
    p = rule.params
    state.flags.add(f"military_option_{faction}")
    if state.roll(100) < p["chance"]:
        leader = rules.factions[faction].leader
        posts.appoint(state, rules, posts.head_office(rules), leader)
        move_tracker(state, rules, rules.settings.roles.mass_mood, -p["mood"])
        for fid in state.factions:
            if fid != faction:
                bump(state, rules, fid, "prestige", -p["prestige"])
        chronicle.note(state, rules, "coup", figure=leader)
    else:
        bump(state, rules, faction, "prestige", -p["fail_prestige"])
        bump(state, rules, faction, "exposure", p["fail_exposure"])
        chronicle.note(state, rules, "coup_failed", faction=faction)
        discipline.set_status(state, rules, faction, "expelled_party")


def _pledge(state, rules: Rules, faction, args, rule):
    p = rule.params
    fs = state.factions[faction]
    bump(state, rules, faction, "exposure", -min(p["exposure"], max(0, fs.exposure - _on_file(fs, rule))))
    bump(state, rules, faction, "prestige", -p["prestige"])
    chronicle.note(state, rules, "pledge", faction=faction)


def _entrench(state, rules: Rules, faction, args, rule):
    # the hold grows at the quarter's close (:func:`game.engine.phases.reveal`): until then only
    # the faction's own view counts it, so rivals cannot tell this move from any other
    state.pending.append(("entrench", faction, args[0], rule.params["loyalty"]))
    chronicle.note(state, rules, "entrench", (faction,), "secret", region=args[0])


def _mobilise(state, rules: Rules, faction, args, rule):
    state.factions[faction].ap += rule.params["ap"]
    state.factions[faction].done = False


def _pass(state, rules: Rules, faction, args, rule):
    state.factions[faction].done = True


def _composed(state, rules: Rules, faction, args, rule):
    target = args[0] if args else None
    more = {"target": target} if target is not None else {}
    if rule.secret:
        # a secret move's effects land at the quarter's close with every other secret move's
        # (phases.reveal), so that no one move can be told by what changed after it
        state.pending.append(("composed", faction, rule.id, target or ""))
        chronicle.note(state, rules, "composed_action", (faction,), "secret", action=rule.id, faction=faction, **more)
    else:
        run_composed(state, rules, faction, rule.id, target)
        chronicle.note(state, rules, "composed_action", action=rule.id, faction=faction, **more)


def run_composed(state, rules: Rules, faction: str, action_id: str, target: str | None) -> None:
    """A composed action's effects, bound to its mover and target (at once, or at the close of
    the quarter for a secret one)."""
    run_effects(state, rules, bind(rules.actions[action_id].effects, faction, target))


#: each declared kind's options and effect (see the module docstring)
_VERBS = {
    "appoint": (_o_appoint, _appoint),
    "cultivate": (_o_cultivate, _cultivate),
    "publish": (_o_publish, _publish),
    "underground": (_o_issue, _underground),
    "speak": (_o_issue, _speak),
    "propose": (_o_propose, _propose),
    "offer_bloc": (_o_offer, _offer),
    "accept_bloc": (_o_answer, _accept),
    "decline_bloc": (_o_answer, _decline),
    "break_bloc": (_o_break, _break),
    "mass_appeal": (_o_regions, _mass_appeal),
    "lenin_levy": (_o_levy, _lenin_levy),
    "signatures": (_o_once, _signatures),
    "recant": (_o_once, _recant),
    "military": (_o_military, _military),
    "pledge": (_o_pledge, _pledge),
    "entrench": (_o_mine, _entrench),
    "mobilise": (_o_once, _mobilise),
    "provocation": (_o_provocation, _provocation),
    "pass": (_o_once, _pass),
    COMPOSED: (_o_composed, _composed),
}
if set(_VERBS) != set(ACTION_KINDS):  # a kind declared without its verb, or a verb undeclared
    raise ImportError(f"action kinds declared but not registered, or the reverse: {set(_VERBS) ^ set(ACTION_KINDS)}")

#: kind → its options: the argument tuples legal now
OPTIONS = {kind: verbs[0] for kind, verbs in _VERBS.items()}
#: kind → its effect on a cloned state
DO = {kind: verbs[1] for kind, verbs in _VERBS.items()}
#: kinds taken once a quarter per first argument (repeats would only stack numbers)
ONCE_PER_TURN = frozenset(kind for kind, decl in ACTION_KINDS.items() if decl.once_per_turn)


def acted_name(rule) -> str:
    """What ``state.acted`` records a once-a-quarter action under: its kind (two entries of one
    kind share the limit), or a composed action's own id."""
    return rule.id if rule.kind == COMPOSED else rule.kind
