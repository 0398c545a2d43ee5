"""The historical line: what the real factions did, written as a plan, turned into a replay.

``rules/base/historical/plan.yaml`` says, quarter by quarter, which moves each faction made
(action patterns such as ``propose_motion stalin censure trotsky``; ``*`` matches any word), the
standing habits each faction fell back on, how each faction answered the events' choices, and
the checkpoints the record demands (Trotsky out of the War Commissariat by the start of 1925...).
:func:`build` plays the plan through the engine — every move a legal action — and returns a
replay with the checkpoints; ``python -m game historical`` writes it to
``rules/base/historical.replay``, which ``python -m game replay`` checks.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import yaml
from attrs import define, field

from game.engine import Action, apply_action, legal_actions, new_game
from game.ruleset import BASE
from game.session.replay import Checkpoint, Replay, ReplayError, parse_checkpoint

#: the base rules' historical line: its plan, and the replay built from it
PLAN = BASE / "historical" / "plan.yaml"
REPLAY = BASE / "historical.replay"


class PlanError(Exception):
    """A plan that cannot be read or followed; ``str`` is ``file: message``."""


@define
class Plan:
    scenario: str
    seed: int
    standing: dict[str, list[str]] = field(factory=dict)
    turns: dict[str, dict[str, list[str]]] = field(factory=dict)
    notes: dict[str, str] = field(factory=dict)
    choices: dict[str, str] = field(factory=dict)
    checkpoints: list[Checkpoint] = field(factory=list)


def load_plan(path: Path) -> Plan:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PlanError(f"{path}: cannot read the plan: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or "scenario" not in data or "seed" not in data:
        raise PlanError(f"{path}: a plan needs 'scenario' and 'seed'")
    try:
        plan = Plan(str(data["scenario"]), int(data["seed"]))
        plan.standing = {str(f): [str(x) for x in p] for f, p in (data.get("standing") or {}).items()}
        for date, entry in (data.get("turns") or {}).items():
            entry = dict(entry or {})
            if "note" in entry:
                plan.notes[str(date)] = str(entry.pop("note"))
            plan.turns[str(date)] = {str(f): [str(x) for x in p] for f, p in entry.items()}
        plan.choices = {str(k): str(v) for k, v in (data.get("choices") or {}).items()}
    except (TypeError, ValueError, AttributeError) as exc:
        raise PlanError(f"{path}: malformed plan: {exc}") from None
    for i, cp in enumerate(data.get("checkpoints") or []):
        if not isinstance(cp, dict) or not {"date", "text", "condition"} <= set(cp):
            raise PlanError(f"{path}: checkpoint {i + 1} needs date, text and condition")
        line = f"check {cp['date']} | {cp['text']} | {_flow(cp['condition'])}"
        try:
            plan.checkpoints.append(parse_checkpoint(line, f"{path}: checkpoint {i + 1}", 0))
        except ReplayError as exc:
            raise PlanError(str(exc)) from None
    return plan


def _flow(value) -> str:
    """A condition as one line of YAML flow style."""
    return yaml.safe_dump(value, default_flow_style=True, width=10_000).strip()


def _pick(patterns: list[str], legal: list[Action]) -> tuple[int, Action] | None:
    for i, pattern in enumerate(patterns):
        for action in legal:
            if fnmatch.fnmatchcase(action.to_text(), pattern):
                return i, action
    return None


def build(rules, plan: Plan, max_actions: int = 20_000) -> tuple[Replay, list[str]]:
    """Play the plan; returns the replay and warnings (planned moves that never became legal)."""
    if plan.scenario not in rules.scenarios:
        raise PlanError(f"unknown scenario '{plan.scenario}'")
    state = new_game(rules, plan.scenario, plan.seed)
    replay = Replay(plan.scenario, plan.seed)
    comments: dict[int, list[str]] = {}
    warnings: list[str] = []
    pending: dict[str, list[str]] = {}
    date = None
    def unplayed() -> list[str]:
        return [f"{date} {fac}: planned move never legal: {p}" for fac, left in pending.items() for p in left]

    while state.outcome is None and len(replay.actions) < max_actions:
        if state.date_text() != date:
            warnings.extend(unplayed())
            date = state.date_text()
            pending = {f: list(p) for f, p in plan.turns.get(date, {}).items()}
            head = [f"# --- {date} ---"]
            if date in plan.notes:
                head.append(f"# {plan.notes[date]}")
            comments.setdefault(len(replay.actions), []).extend(head)
        legal = list(legal_actions(state, rules))
        actor = state.active
        if state.phase == "choice":
            event, _chooser = state.pending_choice
            wanted = plan.choices.get(event)
            action = next((a for a in legal if a.args[0] == wanted), legal[0]) if wanted else legal[0]
            if wanted and action.args[0] != wanted:
                warnings.append(f"{date} {event}: no option '{wanted}'")
            comments.setdefault(len(replay.actions), []).append(f"# {rules.events[event].name}")
        else:
            got = _pick(pending.get(actor, []), legal)
            if got is not None:
                index, action = got
                pending[actor].pop(index)
            else:
                got = _pick(plan.standing.get(actor, []), legal)
                action = got[1] if got else next(a for a in legal if rules.actions[a.name].kind == "pass")
        replay.actions.append(action)
        state = apply_action(state, rules, action)
    warnings.extend(unplayed())
    replay.checkpoints = list(plan.checkpoints)
    replay.final = state.digest()
    replay.comments = comments
    return replay, warnings


__all__ = ["PLAN", "REPLAY", "Plan", "PlanError", "build", "load_plan"]
