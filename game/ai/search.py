"""The searching player: determinised Monte Carlo over what its faction cannot see.

For a decision it samples several full states from the faction's view
(:func:`game.engine.sample.sample_state`), keeps the most promising legal actions (ranked by the
simple bot's judgement), and for each candidate plays short futures with a cheap policy: the rest
of the quarter, through its votes and any Congress, then scores the position by the faction's
objectives (:func:`game.engine.objectives.standing`) and its share of power.  Scores are averaged
over the sampled states and the best candidate is played, with a reason in words.

Difficulty is thinking, not bonuses: ``easy``, ``normal`` and ``hard`` differ only in how many
sampled states, candidates and playouts they afford.  A decision depends only on the view, the
bot's seed and its budget; the true state is never read.
"""

from __future__ import annotations

import time

from attrs import define, evolve, frozen

from game.ai import playout, sense
from game.ai.personality import Persona, bias, persona_for
from game.ai.simple import score_action
from game.engine import rng
from game.engine.actions import Action
from game.engine.game import apply_unchecked
from game.engine.sample import sample_state
from game.ruleset.rules import Rules
from game.ruleset.vocabulary import COMPOSED


@frozen
class Budget:
    """How much a level may think: sampled states × candidates × playouts per candidate."""

    determinisations: int
    candidates: int
    playouts: int
    seconds: float | None = None  # in play, a cap on thinking time; never used by tests
    quarters: int = 1  # how far a future is played: this quarter and the next quarters - 1
    own: str = "cheap"  # how the faction itself plays in those futures (playout.run_ahead)
    choice_quarters: int = 8  # how far the futures of an event's choice are played: its effects last

    @property
    def iterations(self) -> int:
        return self.determinisations * self.candidates * self.playouts


#: one leaning unit of personality bias, in points of the evaluation
BIAS_UNIT = 0.2
#: the shortlist weighs the personality this much against the simple bot's judgement
SHORTLIST_BIAS = 1.0

BUDGETS = {
    "easy": Budget(determinisations=2, candidates=3, playouts=1),
    "normal": Budget(determinisations=4, candidates=6, playouts=2),
    "hard": Budget(determinisations=8, candidates=10, playouts=3),
}


@define
class SearchBot:
    """A faction's searching player at a level (see :data:`BUDGETS`), with its personality
    (``rules/base/ai.yaml``) followed as far as ``personality`` says (0: not at all, 1: as in
    history) — a setting apart from the level."""

    faction: str
    seed: int
    budget: Budget
    level: str = "normal"
    personality: float = 1.0
    persona: Persona | None = None

    @classmethod
    def for_game(
        cls, faction: str, seed: int, level: str = "normal", personality: float = 1.0, seconds: float | None = None
    ) -> SearchBot:
        budget = BUDGETS[level] if seconds is None else evolve(BUDGETS[level], seconds=seconds)
        return cls(faction, seed, budget, level, personality)

    def choose(self, view, legal: tuple[Action, ...], rules: Rules) -> tuple[Action, str]:
        """The action with the best average future over the sampled states, and why."""
        if self.persona is None:
            self.persona = persona_for(rules, self.faction)
        if len(legal) == 1:
            return legal[0], "the only move left"
        candidates = shortlist(view, legal, rules, self.budget.candidates, self.persona, self.personality)
        gen = rng.derive(self.seed, _decision_label(view, self.faction))
        totals = [0.0] * len(candidates)
        played = [0] * len(candidates)
        started = time.perf_counter()
        # a choice at an event is rare and its consequences come late (a plenum a year on):
        # its futures are played further than those of a move
        quarters = self.budget.choice_quarters if view.phase == "choice" else self.budget.quarters
        for d in range(self.budget.determinisations):
            draw, gen = rng.next_u64(gen)
            root = sample_state(view, rules, draw)
            seeds = []
            for _p in range(self.budget.playouts):
                draw, gen = rng.next_u64(gen)
                seeds.append(draw)
            for i, cand in enumerate(candidates):
                after = apply_unchecked(root, rules, cand.action)
                for s in seeds:  # the same futures for every candidate: their differences are the moves'
                    totals[i] += playout.run_ahead(after, rules, self.faction, s, quarters, self.budget.own)
                    played[i] += 1
            if self.budget.seconds is not None and d and time.perf_counter() - started > self.budget.seconds:
                break
        means = [
            t / n + self.personality * BIAS_UNIT * c.bias for t, n, c in zip(totals, played, candidates, strict=True)
        ]
        best = max(range(len(candidates)), key=lambda i: (means[i], candidates[i].score, -i))
        chosen = candidates[best]
        return chosen.action, _reason(chosen, means, best, played[best], self.personality)


@frozen
class Candidate:
    action: Action
    score: float  # the simple bot's judgement with the personality's lean
    why: str
    bias: float = 0.0
    lean: str = ""


def shortlist(
    view,
    legal,
    rules: Rules,
    k: int,
    persona: Persona | None = None,
    personality: float = 1.0,
    memory: dict[str, int] | None = None,
) -> list[Candidate]:
    """The ``k`` legal actions ranked highest by the simple bot's judgement and the personality's
    lean (stable, by legal order), never one that makes no sense, always with a way to end the
    turn for comparison, and with the best motion on an office the faction's objectives name."""
    scored = []
    for a in legal:
        if sense.refusal(view, a, rules, memory):
            continue
        # history's pace down the ladder is part of the personality: followed half-way or more
        score, why = score_action(view, a, rules, pace=personality >= 0.5)
        lean, lean_why = bias(view, a, rules, persona) if persona is not None else (0.0, "")
        scored.append(Candidate(a, score + personality * SHORTLIST_BIAS * lean, why, lean, lean_why))
    if not scored:
        return [Candidate(legal[0], 0, "nothing else makes sense")]
    ranked = sorted(range(len(scored)), key=lambda i: (-scored[i].score, i))
    # the best move of each kind first, so one kind of move cannot crowd out every other
    firsts, seen = [], set()
    for i in ranked:
        kind = _kind(scored[i].action, rules)
        if kind not in seen:
            seen.add(kind)
            firsts.append(i)
    keep = (firsts + [i for i in ranked if i not in firsts])[:k]
    passing = [i for i in range(len(scored)) if _is_pass(scored[i].action, rules)]
    if passing and passing[0] not in keep:
        keep[-1:] = [passing[0]] if k == 1 else [keep[-1], passing[0]]
    # the best move on an office the faction's objectives name, however the simple bot rates it:
    # an objective that asks for Pravda is worth a motion on Pravda, even ahead of history
    offices = goal_offices(rules, view.scenario, view.you)
    aimed = [i for i in ranked if _office_of(scored[i].action, rules) in offices]
    if aimed and aimed[0] not in keep:
        keep.append(aimed[0])
    return [scored[i] for i in sorted(set(keep))]


def goal_offices(rules: Rules, scenario: str, faction: str) -> frozenset[str]:
    """The offices named in the faction's objectives that score points (to take, keep or deny)."""
    return rules.tables.goal_offices.get((scenario, faction), frozenset())


def _office_of(action: Action, rules: Rules) -> str | None:
    """The office a proposed office motion is about, else None."""
    rule = rules.actions.get(action.name)
    if rule is None or rule.kind != "propose" or len(action.args) < 2:
        return None
    motion = rules.motions.get(action.args[0])
    if motion is None or motion.kind not in ("appoint_office", "remove_office"):
        return None
    return action.args[1]


def _kind(action: Action, rules: Rules) -> str:
    """The kind of move, for the shortlist: a motion's by the motion, an action composed in YAML
    by its own id (two such actions are two kinds of move, not one)."""
    rule = rules.actions.get(action.name)
    if rule is None:
        return action.name
    if rule.kind == "propose":
        return f"propose:{action.args[0]}"
    return rule.id if rule.kind == COMPOSED else rule.kind


def _is_pass(action: Action, rules: Rules) -> bool:
    rule = rules.actions.get(action.name)
    return rule is not None and rule.kind == "pass"


def _decision_label(view, faction: str) -> str:
    """What makes one decision of a game differ from another, from the view alone."""
    me = view.factions[faction]
    return f"search:{faction}:{view.turn}:{view.phase}:{me.ap}:{len(view.log)}"


def _reason(chosen: Candidate, means: list[float], best: int, futures: int, personality: float) -> str:
    """Why the move was chosen, as a sentence: the bot's judgement of it, its temper's lean, and
    how it compared with the other moves when futures were played out."""
    why = chosen.why
    if chosen.lean and personality * chosen.bias >= 4:
        why = f"{why}; {chosen.lean}"
    why = why[:1].upper() + why[1:] + "."
    others = [m for i, m in enumerate(means) if i != best]
    if not others:
        return why
    tried = f"It played each of its {len(means)} possible moves through {futures} imagined futures"
    if means[best] - max(others) <= 0.05:
        return f"{why} {tried}, and no other did clearly better."
    return f"{why} {tried}, and this one came out best."
