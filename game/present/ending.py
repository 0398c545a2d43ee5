"""The end of the game in words: the outcome and what it measures, the last quarter, each faction's
score against history, and why the computer's seats moved as they did."""

from __future__ import annotations

from game.engine.actions import CHOOSE, Action
from game.engine.views import View
from game.present import chronicle
from game.present.naming import faction_name
from game.present.phrases import action_title
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES

OUTCOME_WORDS = {
    "sole_leadership": "Sole leadership",
    "power_score": "The strongest faction at the end",
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


def outcome_note(kind: str) -> str:
    """What the outcome measures, and how it differs from each faction's result against history."""
    return f"{OUTCOME_NOTES.get(kind, '')} {MEASURED_NOTE}".strip()


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


def end_lines(rules, view: View) -> list[str]:
    """The end: the outcome, the last quarter's results, and each faction's score against history."""

    if view.outcome is None:
        return []
    kind, winner = view.outcome
    out = [
        "",
        "=== The game is over ===",
        f"{OUTCOME_WORDS.get(kind, kind)}" + (f": {faction_name(rules, winner)}" if winner else ""),
        outcome_note(kind),
    ]
    last = view.log[-1].turn if view.log else view.turn
    out.append(f"--- the last quarter ({view.date}) ---")
    out.extend(f"  {chronicle.render(rules, e)}" for e in view.log if e.turn == last)
    out.append("--- the scores, measured against history ---")
    for fid, (points, result) in view.results.items():
        out.append(f"  {faction_name(rules, fid)}: {RESULT_NAMES[result]} ({points_text(points)})")
    if view.objectives is not None:
        out.append(f"In history: {' '.join(view.objectives.history.split())}")
    return out
