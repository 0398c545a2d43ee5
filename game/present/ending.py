"""The end of the game in words: one verdict, the same on every screen.

Each faction's own result on its objectives' scale (measured against what it achieved in
history) leads, the one human seat's first in a one-seat game; the power outcome (sole leadership,
the strongest faction at the end, collective leadership) comes second and is named for what it
measures, never as the game's "winner".  Where the strongest faction's own result is a defeat or a
disaster, one sentence says why both are true (:func:`caveat`).  Then the last quarter, and why the
computer's seats moved as they did."""

from __future__ import annotations

from attrs import frozen

from game.engine.actions import CHOOSE, Action
from game.engine.objectives import FAILED, NOT_MET, standing
from game.present import chronicle
from game.present.naming import faction_name
from game.present.phrases import action_title
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES

#: the power outcome in words, shown after :data:`POWER_HEADING` ("Power in the party at the end")
OUTCOME_WORDS = {
    "sole_leadership": "Sole leadership",
    "power_score": "The strongest faction",
    "collective_leadership": "Collective leadership: no faction prevails",
}


#: what the outcome measures, beside each faction's result (two verdicts a newcomer may confuse)
OUTCOME_NOTES = {
    "sole_leadership": "It holds the party alone: every rival beaten, the Secretariat or a Politburo "
    "majority its own, and most of the Central Committee.",
    "power_score": "Strongest by power in the party: offices, Politburo seats, its share of the Central "
    "Committee, prestige and Lenin's mantle.",
    "collective_leadership": "No faction's power in the party (offices, Politburo seats, its share of the "
    "Central Committee, prestige and Lenin's mantle) is clearly ahead of the next.",
}


MEASURED_NOTE = "Each faction's own result is measured against what it achieved in history, not against the others."

#: the heading of the power outcome, wherever the end is shown: second, after the results
POWER_HEADING = "Power in the party at the end"
#: the heading of the results, wherever the end is shown: first
RESULTS_HEADING = "Each faction's result, measured against history"

#: how the caveat names the power outcome of the faction it concerns
_POWER_CLAIM = {
    "sole_leadership": "holds the party alone at the end",
    "power_score": "is the strongest faction at the end",
}


def power_words(rules, outcome) -> str:
    """The power outcome, named for what it measures ("" while the game goes on).

    >>> from game.ruleset.loader import load_base
    >>> power_words(load_base(), ("power_score", "stalin"))
    'The strongest faction: Stalin and the Centre'
    """
    if outcome is None:
        return ""
    kind, winner = outcome
    return OUTCOME_WORDS.get(kind, kind.replace("_", " ")) + (f": {faction_name(rules, winner)}" if winner else "")


@frozen
class Verdict:
    """The end in one verdict: each faction's result first, then power, then the caveat."""

    #: (faction, points, result id) of each faction, the seat it was asked for first
    results: tuple[tuple[str, int, str], ...]
    #: the power outcome in words (:func:`power_words`)
    power: str
    #: what the power outcome measures (:data:`OUTCOME_NOTES`)
    power_note: str
    #: where the faction strongest in power failed its own goals, why both are true; or ""
    caveat: str


def verdict(rules, state, first: str | None = None) -> Verdict:
    """The verdict of a finished game's state; ``first``: the faction whose result leads (the one
    human seat), the others after it in the rules' order."""
    results = [(f, r[0], r[1]) for f, r in state.results.items()]
    results.sort(key=lambda r: r[0] != first)
    kind = state.outcome[0] if state.outcome else ""
    return Verdict(tuple(results), power_words(rules, state.outcome), OUTCOME_NOTES.get(kind, ""), caveat(rules, state))


def _quoted(names: list[str]) -> str:
    words = [f"“{n}”" for n in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def caveat(rules, state) -> str:
    """Where the faction that prevails in power has a defeat or a disaster by its own goals: one
    plain sentence naming what it failed, and why both verdicts hold ("" where they agree)."""
    if state.outcome is None or state.outcome[0] not in _POWER_CLAIM or state.outcome[1] is None:
        return ""
    kind, winner = state.outcome
    st = standing(state, rules, winner)
    points, result = state.results.get(winner, (0, ""))
    if st is None or result not in ("defeat", "disaster"):
        return ""
    missed = [g.name for g in st.goals if g.points > 0 and g.status in (FAILED, NOT_MET)]
    suffered = [g.name for g in st.goals if g.points < 0 and g.scored]
    scale = rules.scenarios[state.scenario].objectives[winner].scale
    why = []
    if missed:
        why.append(f"it missed {_quoted(missed)}")
    if suffered:
        why.append(f"{_quoted(suffered)} counted against it")
    name = faction_name(rules, winner)
    return (
        f"{name} {_POWER_CLAIM[kind]}, but by its own goals this is a {RESULT_NAMES[result].lower()} "
        f"({points_text(points)}, where history's own result is worth {points_text(scale.historical)})"
        + (f": {'; '.join(why)}." if why else ".")
        + " Power counts what a faction holds at the last quarter; its result counts the goals it had to meet "
        "on the way, measured against history, so both are true."
    )


def reason_lines(rules, match) -> list[str]:
    """Why the computer's seats moved as they did, move by move, each in a sentence with names
    (for after the game: during it a reason would betray a bot's plans)."""
    import re

    tables = (rules.regions, rules.offices, rules.press, rules.trackers, rules.figures, rules.factions)

    def title(action: Action) -> str:
        if action.name == CHOOSE and action.args:  # the event whose option it is, when only one has it
            found = [
                (ev.name, o.name)
                for ev in rules.events.values()
                if ev.choice is not None
                for o in ev.choice.options
                if o.id == action.args[0]
            ]
            if len(found) == 1:
                return f"{found[0][0]}: chose “{found[0][1]}”"
        words = action_title(rules, action)
        for arg in action.args:  # an argument the title left as an id gets its name
            table = next((t for t in tables if arg in t), None)
            if table is not None and arg != table[arg].name:
                words = re.sub(rf"(?<![\w-]){re.escape(arg)}(?![\w-])", table[arg].name, words)
        return words

    def sentence(reason: str) -> str:
        reason = " ".join(reason.split())
        return reason[:1].upper() + reason[1:] + ("" if reason.endswith((".", "!", "?")) else ".")

    actions = match.record.actions
    return [
        f"{date}  {faction_name(rules, faction)}: {title(actions[i])}. {sentence(reason)}"
        for i, date, faction, reason in match.reasons
    ]


def end_lines(rules, match, faction: str | None) -> list[str]:
    """The end as ``faction`` (the human seat) reads it: each faction's result against history, its
    own first where it is the game's one human seat; then power in the party, what it measures and, where they disagree, why; the last
    quarter; and what its faction did in history."""
    view = match.view(faction)
    if view.outcome is None:
        return []
    lead = faction if match.humans() == [faction] else None  # a hot seat's screen is everyone's
    v = verdict(rules, match.state, lead)
    out = ["", "=== The game is over ===", f"--- {RESULTS_HEADING.lower()} ---"]
    for fid, points, result in v.results:
        you = " (you)" if fid == lead else ""
        out.append(f"  {faction_name(rules, fid)}{you}: {RESULT_NAMES[result]} ({points_text(points)})")
    out.append(f"  {MEASURED_NOTE}")
    out += [f"--- {POWER_HEADING.lower()} ---", f"  {v.power}", f"  {v.power_note}"]
    if v.caveat:
        out.append(f"  {v.caveat}")
    last = view.log[-1].turn if view.log else view.turn
    out.append(f"--- the last quarter ({view.date}) ---")
    out.extend(f"  {chronicle.render(rules, e)}" for e in view.log if e.turn == last)
    if view.objectives is not None:
        out.append(f"In history: {' '.join(view.objectives.history.split())}")
    return out
