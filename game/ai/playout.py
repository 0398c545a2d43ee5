"""Playouts for search: a cheap policy plays a sampled state to a horizon, then the position is
scored for one faction.

The horizon is the end of the current quarter (its votes and any Congress included), or the end
of the game.  The policy builds no view: it weighs each legal action by its entry in ai.yaml's
``action_weights`` (its kind's, or its own), so the apparatus appoints, oppositions speak and
publish, and nobody reaches for the army or recants at random.  The evaluation reads the faction's objectives as if the game ended at the horizon, plus
its share of power and its place on the disciplinary ladder.
"""

from __future__ import annotations

from game.ai.personality import weight_of
from game.ai.progress import exposure_for_next_rung, open_goals_value
from game.engine import rng
from game.engine.actions import CHOOSE, Action
from game.engine.game import apply_in_place, legal_actions, legal_args, offered_rules
from game.engine.objectives import standing
from game.engine.outcome import power_scores
from game.ruleset.records import RESULTS
from game.ruleset.rules import Rules

#: evaluation: one rung of the result scale is worth this many points of objectives
RESULT_STEP = 3.0
#: evaluation: the whole of the power in play is worth this much
POWER_WEIGHT = 6.0
#: evaluation: each rung down the disciplinary ladder costs this much
RUNG_COST = 1.5
#: evaluation: a faction that recanted is readmitted without posts, as low as one removed from them
CAPITULATED_RUNG = 2
#: evaluation: a faction exposed enough to be moved a rung down is this far down already
DANGER = 0.6


def run(state, rules: Rules, faction: str, seed: int) -> float:
    """Play a copy of ``state`` to the horizon with the cheap policy and score it for ``faction``."""
    state = state.clone()
    state.quiet = True
    gen = rng.derive(seed, "playout")
    turn = state.turn
    while state.outcome is None and state.turn == turn:
        action, gen = draw(state, rules, gen)
        apply_in_place(state, rules, action)
    return evaluate(state, rules, faction)


def run_ahead(state, rules: Rules, faction: str, seed: int, quarters: int, own: str = "cheap") -> float:
    """Play a copy of ``state`` through ``quarters`` quarters (the current one counts as the first)
    and score it for ``faction``.  ``own`` is how the faction itself plays on: ``cheap`` (the
    cheap policy, like everyone else) or ``wait`` (it ends its turns and takes the first course
    an event offers) — a fixed base policy the search can improve on, move by move."""
    state = state.clone()
    state.quiet = True
    gen = rng.derive(seed, "playout")
    last = state.turn + quarters
    pass_id = _pass_id(rules)
    while state.outcome is None and state.turn < last:
        if own == "wait" and state.active == faction:
            if state.phase == "actions" and pass_id is not None:
                action = Action(pass_id, faction, ())
            else:
                action = legal_actions(state, rules)[0]
        else:
            action, gen = draw(state, rules, gen)
        apply_in_place(state, rules, action)
    return evaluate(state, rules, faction)


def _pass_id(rules: Rules) -> str | None:
    return next((aid for aid, rec in rules.actions.items() if rec.kind == "pass"), None)


def draw(state, rules: Rules, gen: int):
    """One legal action for the acting faction, drawn by its kind's weight without listing every
    legal action: an entry of the rule files is drawn first, then one of its arguments."""
    if state.phase != "actions":
        return pick(legal_actions(state, rules), rules, gen)
    ids = offered_rules(state, rules)
    table = _weights(rules)
    weights = [table[aid] for aid in ids]
    while ids:
        total = sum(weights)
        if total == 0:
            break
        roll, gen = rng.below(gen, total)
        i = 0
        while roll >= weights[i]:
            roll -= weights[i]
            i += 1
        options = legal_args(state, rules, ids[i])
        if options:
            choice, gen = rng.below(gen, len(options))
            return Action(ids[i], state.active, options[choice]), gen
        del ids[i], weights[i]
    return pick(legal_actions(state, rules), rules, gen)


def _weights(rules: Rules) -> dict[str, int]:
    """Each action entry's weight under the cheap policy, worked out once per ruleset."""
    table = rules.tables.playout_weights
    if not table:
        table.update(_weight_table(rules))
    return table


def _weight_table(rules: Rules) -> dict[str, int]:
    """``playout`` of each action's entry in ai.yaml's ``action_weights`` (its own, else its kind's)."""
    return {aid: weight_of(rules, aid).playout for aid in rules.actions}


def _weight(rules: Rules, action_id: str) -> int:
    if action_id == CHOOSE:  # an event's options are no action entries: each weighs the same
        return 1
    return _weights(rules)[action_id]


def pick(legal, rules: Rules, gen: int):
    """A legal action drawn by its kind's weight from a listed set (an event's choice: any option)."""
    weights = [_weight(rules, a.name) for a in legal]
    total = sum(weights)
    if total == 0:
        draw_, gen = rng.below(gen, len(legal))
        return legal[draw_], gen
    roll, gen = rng.below(gen, total)
    for a, w in zip(legal, weights, strict=True):
        if roll < w:
            return a, gen
        roll -= w
    return legal[-1], gen


def evaluate(state, rules: Rules, faction: str) -> float:
    """How well ``faction`` stands: its objectives' result and points if the game ended now, its
    share of the power in play, and its rung on the ladder."""
    st = standing(state, rules, faction)
    value = 0.0
    if st is not None:
        value += RESULT_STEP * RESULTS.index(st.result) + st.points + open_goals_value(state, rules, faction, st)
    scores = power_scores(state, rules)
    total = sum(max(s, 0) for s in scores.values()) or 1
    value += POWER_WEIGHT * max(scores.get(faction, 0), 0) / total
    fs = state.factions[faction]
    rung = CAPITULATED_RUNG if fs.status == "capitulated" else state.rung(faction)
    return value - RUNG_COST * (rung + DANGER * in_danger(state, rules, faction))


def in_danger(state, rules: Rules, faction: str) -> int:
    """1 if the faction is exposed enough for a motion to move it down the ladder from where it
    stands (the rule files' ``min_exposure``), else 0."""
    fs = state.factions[faction]
    need = exposure_for_next_rung(rules).get(fs.status)
    return int(need is not None and fs.exposure >= need)
