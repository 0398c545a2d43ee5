"""A faction's briefing: the scenario's premise, the faction's situation, aims and levers."""

from __future__ import annotations

from game.present.explain import scenario_span
from game.present.naming import faction_name
from game.ui.scenes.dialog import MessageScene


def briefing_text(rules, scenario: str, faction: str) -> str:
    sc = rules.scenarios[scenario]
    parts = [f"{sc.name} ({scenario_span(rules, scenario)})", " ".join(sc.summary.split())]
    if sc.premise:
        parts.append("What if: " + " ".join(sc.premise.split()))
    brief = sc.briefings.get(faction)
    if brief is not None:
        parts += [
            f"Your situation: {' '.join(brief.situation.split())}",
            f"Your aims: {' '.join(brief.aims.split())}",
            f"Your levers: {' '.join(brief.levers.split())}",
        ]
    parts.append(
        "Hover over anything on the board to learn what it is. Each turn is a quarter: spend your action "
        "points on the action bar, then end your turn. Motions are voted at the close of the quarter."
    )
    return "\n\n".join(parts)


class BriefingScene(MessageScene):
    def __init__(self, app, scenario: str, faction: str, then=None):
        super().__init__(
            app,
            f"Briefing — {faction_name(app.rules, faction)}",
            briefing_text(app.rules, scenario, faction),
            [("Begin", then)],
            0.8,
            0.85,
        )
