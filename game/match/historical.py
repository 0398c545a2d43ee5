"""The historical line: what the real factions did, written as a plan, turned into a replay.

``rules/base/historical/plan.yaml`` says, quarter by quarter, which moves each faction made
(action patterns such as ``propose_motion stalin censure trotsky``; ``*`` matches any word), the
standing habits each faction fell back on, how each faction answered the events' choices, and
the checkpoints the record demands (Trotsky out of the War Commissariat by the start of 1925...).
:func:`build` plays the plan through the engine — every move a legal action — and returns a
replay with the checkpoints; ``python -m game historical`` writes it to
``rules/base/historical.replay``, which ``python -m game replay`` checks.

The same plan can be played inside another scenario (:func:`play`): from that scenario's start,
each quarter gets the moves the plan gives it, the factions keep their habits and answer the
events' choices as planned.  That is how the classroom scenarios are held to history: played so,
each faction must score its "historical result".  A counterfactual changes the start, so the plan
no longer is history there; :func:`judge_span` instead reads a scenario's objectives on the
campaign's own historical line over the scenario's span, which is what the real factions achieved.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import yaml
from attrs import define, field

from game.engine import Action, apply_action, legal_actions, new_game, objectives
from game.engine.state import State
from game.match import replay as replay_mod
from game.match.replay import Checkpoint, Replay, ReplayError, parse_checkpoint
from game.ruleset import BASE

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
    _state, replay, warnings = play(rules, plan, max_actions=max_actions)
    return replay, warnings


def play(rules, plan: Plan, scenario: str | None = None, max_actions: int = 20_000) -> tuple[State, Replay, list[str]]:
    """Play the plan in its own scenario or, if given, in ``scenario``, from that scenario's start
    to its end.  Returns the final state (its ``results`` say how each faction did against its
    objectives), the replay (with the plan's checkpoints that fall inside the span) and warnings
    (planned moves that never became legal)."""
    scenario = scenario or plan.scenario
    if scenario not in rules.scenarios:
        raise PlanError(f"unknown scenario '{scenario}'")
    state = new_game(rules, scenario, plan.seed)
    replay = Replay(scenario, plan.seed)
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
    first, last = span(rules, scenario)
    replay.checkpoints = [cp for cp in plan.checkpoints if first <= cp.date <= last]
    replay.final = state.digest()
    replay.comments = comments
    return state, replay, warnings


def span(rules, scenario: str) -> tuple[str, str]:
    """The first and the last quarter of a scenario, as YYYY-Qn."""
    sc = rules.scenarios[scenario]
    year, quarter = (int(x) for x in sc.start.split("-Q"))
    index = year * 4 + quarter - 1 + sc.turns - 1
    return sc.start, f"{index // 4}-Q{index % 4 + 1}"


def judge_span(rules, scenario: str, path: Path = REPLAY) -> dict[str, tuple[int, str]]:
    """Each faction's (points, result) for ``scenario``'s objectives, read on the historical line
    (the campaign's replay at ``path``) over the scenario's span: ``ever`` and ``always`` goals at
    the close of each quarter of the span, ``end`` goals at the close of its last quarter, and
    sole leadership if the historical line reached it then.  This is what the real factions
    achieved in that span — the yardstick of a counterfactual, whose own start differs."""
    rep = replay_mod.load(path)
    first, last = span(rules, scenario)
    achieved: set[str] = set()
    failed: set[str] = set()
    closing: list[State] = []

    def at_turn_end(state: State) -> None:
        if first <= state.date_text() <= last:
            view = state.clone()
            view.scenario, view.achieved, view.failed = scenario, achieved, failed
            objectives.track(view, rules)  # adds to the shared sets
            closing[:] = [view]

    state = new_game(rules, rep.scenario, rep.seed)
    for action in rep.actions:
        state = apply_action(state, rules, action, at_turn_end)
    if state.outcome is not None:  # a game that ended mid-quarter closes that quarter there
        at_turn_end(state)
    if not closing or closing[0].date_text() != last:
        raise PlanError(f"the historical line does not reach the end of {scenario} ({last})")
    end = closing[0]
    end.outcome = state.outcome if state.date_text() == last else None
    return objectives.final_results(end, rules)


__all__ = ["PLAN", "REPLAY", "Plan", "PlanError", "build", "judge_span", "load_plan", "play", "span"]
