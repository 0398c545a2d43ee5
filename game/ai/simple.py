"""The simple built-in bot: scores each legal action from its faction's view and explains itself.

It sees only :func:`game.engine.player_view` and the legal actions; its randomness is its own
generator (one integer), never the game's and never the global ``random``.  Weights follow the
faction profiles loosely: the apparatus appoints, the Left appeals to the masses and the press,
everyone guards against the strongest rival.
"""

from __future__ import annotations

from attrs import define

from game.ai import sense
from game.ai.personality import office_too_soon, persona_for, rung_too_soon, weight_of
from game.engine import rng
from game.engine.actions import CHOOSE, Action
from game.engine.motions import body_of
from game.engine.views import View
from game.ruleset.records import NO_CC
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import COMPOSED

NOISE = 25  # tenths of a score point: enough to vary games, not to play at random


@define
class SimpleBot:
    faction: str
    state: int  # the bot's own generator

    @classmethod
    def for_game(cls, faction: str, seed: int) -> SimpleBot:
        return cls(faction, rng.derive(seed, "bot:" + faction))

    def choose(self, view: View, legal: tuple[Action, ...], rules: Rules) -> tuple[Action, str]:
        """Pick an action and say why."""
        best, best_score, best_reason = None, None, ""
        for action in legal:
            if len(legal) > 1 and sense.refusal(view, action, rules):
                continue
            score, reason = score_action(view, action, rules)
            noise, self.state = rng.below(self.state, NOISE)
            total = score * 10 + noise
            if best_score is None or total > best_score:
                best, best_score, best_reason = action, total, reason
        return best, best_reason


def _strongest_rival(view: View, me: str) -> str | None:
    cc = view.central_committee
    rivals = [f for f in view.factions if f != me and not view.in_bloc(me, f)]
    if not rivals:
        return None
    return max(rivals, key=lambda f: (cc.get(f, 0) * 2 + view.factions[f].prestige, f))


def _support(view: View, me: str, body_seats: dict[str, int]) -> float:
    mine = body_seats.get(me, 0) + sum(body_seats.get(b if a == me else a, 0) for a, b in view.blocs if me in (a, b))
    total = sum(body_seats.values()) or 1
    return mine / total


def _politburo_seats(view: View) -> dict[str, int]:
    out: dict[str, int] = {}
    for fig in view.politburo:
        fac = view.figures[fig].faction or "unaligned"
        out[fac] = out.get(fac, 0) + 1
    return out


def score_action(view: View, action: Action, rules: Rules, pace: bool = True) -> tuple[int, str]:
    """How good ``action`` looks to the faction whose view this is, and why.  With ``pace``, no
    rival is pushed down the ladder sooner than history did (``pace`` in ``rules/base/ai.yaml``)."""
    me = view.you
    if action.name == CHOOSE:
        eid = view.pending_choice[0]
        first = rules.events[eid].choice.options[0].id
        return (3 if action.args[0] == first else 2), (
            "takes the course history took" if action.args[0] == first else "tries a course other than history's"
        )
    kind = rules.actions[action.name].kind
    if kind == "propose":
        return _propose(view, action, rules, me, pace)
    return SCORES[kind](view, action, rules, me)


def _appoint(view, action, rules: Rules, me):
    region = action.args[0]
    sec = view.regions[region].secretary
    value = 6 + rules.regions[region].delegates // 3 + (3 if sec not in (None, me) else 0)
    return value, "whoever names a region's secretary chooses its delegates to a Congress"


def _cultivate(view, action, rules: Rules, me):
    fig = action.args[0]
    if view.factions[me].influence < 4:
        return 1, "it is short of influence and saves it"
    in_pb = fig in view.politburo
    known = view.cultivation.get(fig, 0)
    seat = " sits in the Politburo and" if in_pb else ""
    return (5 if in_pb else 2) - known // 20, f"{rules.figures[fig].name}{seat} would vote with it when it counts"


def _publish(view, action, rules: Rules, me):
    organ, issue = action.args
    return 5 + rules.press[organ].reach, f"{rules.press[organ].name} reaches many party members"


def _underground(view, action, rules: Rules, me):
    exposure = view.factions[me].exposure
    return 3 - exposure // 5, "an illegal press is the only voice it has left"


def _provocation(view, action, rules: Rules, me):
    target = view.factions[action.args[0]]
    # worth it when the charge would bring the next rung of the ladder within reach
    return 3 + min(target.exposure, 12) // 4, f"a police plot would tar {rules.factions[action.args[0]].name}"


def _speak(view, action, rules: Rules, me):
    orator = "orator" in rules.figures[rules.factions[me].leader].traits
    return (5 if orator else 3), ("its leader is a great orator" if orator else "a speech can win over the waverers")


def _propose(view, action, rules: Rules, me, pace: bool = True):
    motion = rules.motions[action.args[0]]
    body = body_of(rules, action.args[0], action.args[1:])
    seats = (
        _politburo_seats(view)
        if rules.bodies[body].kind == "council"
        else (view.forecast if rules.bodies[body].kind == "congress" else view.central_committee)
    )
    support = _support(view, me, seats)
    if motion.kind in ("censure", "remove_posts", "expel_cc", "expel_party", "exile", "deport"):
        target = action.args[1]
        if pace and rung_too_soon(rules, view.date, sense.RUNG_OF[motion.kind], target):
            return 0, f"too soon to push {rules.factions[target].name} down the ladder"
        value = 4 + view.factions[target].exposure // 3 + (3 if target == _strongest_rival(view, me) else 0)
        faction = rules.factions[target]
        why = f"{faction.name} {'are' if faction.plural else 'is'} exposed enough to be punished"
        return (value if support > 0.45 else 1), why
    if motion.kind in ("remove_office", "appoint_office"):
        holder = view.offices.get(action.args[1])
        holder_faction = view.figures[holder].faction if holder else None
        if holder_faction and view.in_bloc(me, holder_faction):
            return -1, "not against a partner"
        if pace and office_too_soon(rules, view.date, action.args[1], holder_faction, me):
            return 0, f"too soon to take the post of {rules.offices[action.args[1]].name}"
        return (6 if support > 0.5 else 0), f"the post of {rules.offices[action.args[1]].name} is within reach"
    if motion.kind == "adopt_line":
        return (4 if support > 0.4 else 1), "the vote would commit the party to its policy"
    if motion.kind == "read_testament":
        return 7, "let Lenin's last word be heard"
    if motion.kind == "convene_congress":
        share = view.forecast.get(me, 0) / (sum(view.forecast.values()) or 1)
        return (6 if share > 0.5 else 0), "a Congress now would be ours"
    return 1, "a motion worth a vote"


def _offer(view, action, rules: Rules, me):
    other = action.args[0]
    strongest = _strongest_rival(view, me)
    if other == strongest:
        return 0, "never with the strongest"
    mine, theirs = view.stances.get(me, {}), view.stances.get(other, {})
    gap = sum(abs(mine.get(i, 0) - theirs.get(i, 0)) for i in mine)
    return 6 - gap // 100, f"a bloc with {rules.factions[other].name} against the strongest"


def _accept(view, action, rules: Rules, me):
    other = action.args[0]
    return (1 if other == _strongest_rival(view, me) else 7), "together they can stand up to the strongest faction"


def _decline(view, action, rules: Rules, me):
    other = action.args[0]
    return (6 if other == _strongest_rival(view, me) else 1), "a pact would help the strongest faction"


#: rungs at which a rival no longer needs an ally against him
BEATEN = NO_CC + ("capitulated",)


def _break(view, action, rules: Rules, me):
    partner = action.args[0]
    share = view.central_committee.get(partner, 0) / (sum(view.central_committee.values()) or 1)
    if share > 0.45:
        return 7, "the partner has grown too strong"
    others = [f for f in view.factions if f not in (me, partner)]
    if others and all(view.factions[f].status in BEATEN for f in others):
        # a faction that turns on its allies (Stalin, 1928) does so once the common enemy is beaten
        if persona_for(rules, me).w("turn_on_ally") >= 0.5:
            return 4, "the common enemy is beaten: time to turn on the ally"
    return 0, "the partner has grown too strong"


def _mass_appeal(view, action, rules: Rules, me):
    region = action.args[0]
    roles = rules.settings.roles
    mood = view.trackers.get(roles.mass_mood, 50)
    leftish = view.stances.get(me, {}).get(roles.party_democracy, 0) < 0
    exposure = view.factions[me].exposure
    value = (3 if leftish else 1) + mood // 25 + rules.regions[region].delegates // 8 - exposure // 6
    return value, "the rank and file can overrule a secretary they distrust"


def _levy(view, action, rules: Rules, me):
    return 9, "dilute the old guard with new members"


def _signatures(view, action, rules: Rules, me):
    return 2 - view.factions[me].exposure // 8, "names under a platform show the party it is not alone"


def _recant(view, action, rules: Rules, me):
    status = view.factions[me].status
    stubborn = rules.figures[rules.factions[me].leader].leaning < -60
    if stubborn:  # below passing, so the noise never makes a Trotsky recant
        return -10, "will not recant"
    if status in ("expelled_party", "exiled"):
        return 5, "recant to stay in the party"
    return -2, "not yet: recanting gives up the fight"


def _military(view, action, rules: Rules, me):
    return -5, "the army is not a tool against the party"


def _pledge(view, action, rules: Rules, me):
    fs = view.factions[me]
    danger = fs.status != "active" or fs.exposure >= 8
    return (4 + fs.exposure // 6 if danger else 0), "lie low: pledge discipline before the Control Commission acts"


def _entrench(view, action, rules: Rules, me):
    region = action.args[0]
    hold = view.regions[region].loyalty
    return 3 + rules.regions[region].delegates // 6 - hold // 30, "a secretary with a firm hold keeps his delegates"


def _mobilise(view, action, rules: Rules, me):
    rich = view.factions[me].influence >= 12
    return (12 if rich else -1), "the machine has influence to spare: more hands this quarter"


def _pass(view, action, rules: Rules, me):
    return 0, "nothing worth the effort"


def _composed(view, action, rules: Rules, me):
    """An action composed in YAML: its ``score`` in ai.yaml (its own entry, else the kind's)."""
    entry = weight_of(rules, action.name)
    return entry.score, entry.reason


#: each action kind's score (a test sees that every declared kind has one)
SCORES = {
    "appoint": _appoint,
    "cultivate": _cultivate,
    "publish": _publish,
    "underground": _underground,
    "provocation": _provocation,
    "speak": _speak,
    "propose": _propose,
    "offer_bloc": _offer,
    "accept_bloc": _accept,
    "decline_bloc": _decline,
    "break_bloc": _break,
    "mass_appeal": _mass_appeal,
    "lenin_levy": _levy,
    "signatures": _signatures,
    "recant": _recant,
    "military": _military,
    "pledge": _pledge,
    "entrench": _entrench,
    "mobilise": _mobilise,
    "pass": _pass,
    COMPOSED: _composed,
}
