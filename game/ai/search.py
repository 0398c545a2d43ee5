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

from attrs import define, field, frozen

from game.ai import playout
from game.ai.simple import score_action
from game.engine import rng
from game.engine.actions import Action
from game.engine.game import apply_unchecked
from game.engine.sample import sample_state


@frozen
class Budget:
    """How much a level may think: sampled states × candidates × playouts per candidate."""

    determinisations: int
    candidates: int
    playouts: int
    seconds: float | None = None  # in play, a cap on thinking time; never used by tests

    @property
    def iterations(self) -> int:
        return self.determinisations * self.candidates * self.playouts


BUDGETS = {
    "easy": Budget(determinisations=2, candidates=3, playouts=1),
    "normal": Budget(determinisations=3, candidates=5, playouts=2),
    "hard": Budget(determinisations=6, candidates=8, playouts=3),
}


@define
class SearchBot:
    """A faction's searching player at a level (see :data:`BUDGETS`)."""

    faction: str
    seed: int
    budget: Budget
    level: str = "normal"
    last_figures: dict = field(factory=dict)

    @classmethod
    def for_game(cls, faction: str, seed: int, level: str = "normal") -> SearchBot:
        return cls(faction, seed, BUDGETS[level], level)

    def choose(self, view, legal: tuple[Action, ...], rules) -> tuple[Action, str]:
        """The action with the best average future over the sampled states, and why."""
        if len(legal) == 1:
            return legal[0], "the only move left"
        candidates = shortlist(view, legal, rules, self.budget.candidates)
        gen = rng.derive(self.seed, _decision_label(view, self.faction))
        totals = [0.0] * len(candidates)
        played = [0] * len(candidates)
        started = time.perf_counter()
        for d in range(self.budget.determinisations):
            draw, gen = rng.next_u64(gen)
            root = sample_state(view, rules, draw)
            for i, (action, _score, _why) in enumerate(candidates):
                after = apply_unchecked(root, rules, action)
                for _p in range(self.budget.playouts):
                    draw, gen = rng.next_u64(gen)
                    totals[i] += playout.run(after, rules, self.faction, draw)
                    played[i] += 1
            if self.budget.seconds is not None and d and time.perf_counter() - started > self.budget.seconds:
                break
        means = [t / n for t, n in zip(totals, played, strict=True)]
        best = max(range(len(candidates)), key=lambda i: (means[i], candidates[i][1], -i))
        action, _score, why = candidates[best]
        self.last_figures = {"mean": means[best], "candidates": len(candidates), "futures": played[best]}
        return action, _reason(why, means, best, played[best])


def shortlist(view, legal, rules, k: int) -> list[tuple[Action, int, str]]:
    """The ``k`` legal actions the simple bot's judgement ranks highest (stable, by legal order),
    always with a way to end the turn for comparison."""
    scored = [(a, *score_action(view, a, rules)) for a in legal]
    ranked = sorted(range(len(scored)), key=lambda i: (-scored[i][1], i))
    keep = ranked[:k]
    passing = [i for i in range(len(scored)) if _is_pass(scored[i][0], rules)]
    if passing and passing[0] not in keep:
        keep[-1:] = [passing[0]] if k == 1 else [keep[-1], passing[0]]
    return [scored[i] for i in sorted(set(keep))]


def _is_pass(action: Action, rules) -> bool:
    rule = rules.actions.get(action.name)
    return rule is not None and rule.kind == "pass"


def _decision_label(view, faction: str) -> str:
    """What makes one decision of a game differ from another, from the view alone."""
    me = view["factions"][faction]
    return f"search:{faction}:{view['turn']}:{view['phase']}:{me['ap']}:{len(view['log'])}"


def _reason(why: str, means: list[float], best: int, futures: int) -> str:
    others = [m for i, m in enumerate(means) if i != best]
    if not others:
        return why
    margin = means[best] - max(others)
    if margin <= 0.05:
        return f"{why} (as good as any other move in {futures} futures played out)"
    return f"{why} (the best of {len(means)} moves over {futures} futures played out)"
