"""The quarter's results: every vote with its breakdown (who voted how, and why), a Congress's
delegations and elections, and the news since the player last looked."""

from __future__ import annotations

from game.session import explain
from game.ui.scenes.dialog import MessageScene


def results_text(rules, votes: list, log: list, view: dict | None = None) -> str:
    parts = []
    for vote in votes:
        lines = [explain.vote_title(rules, vote)]
        for row in explain.vote_rows(rules, vote):
            side = explain.faction_name(rules, row.faction) if row.faction else "unaligned"
            lines.append(
                f"  • {row.voter} ({side}) — {row.side}, {row.weight} vote{'s' if row.weight != 1 else ''}: "
                f"{row.reason}"
            )
        parts.append("\n".join(lines))
    congress = [words for _, words, kind in log if kind == "congress"]
    if congress:
        parts.append("The Congress\n" + "\n".join(f"  • {w}" for w in congress))
    news = [words for _, words, kind in log if kind not in ("vote", "congress")]
    if news:
        parts.append("Since you last looked\n" + "\n".join(f"  • {w}" for w in news))
    return "\n\n".join(parts) or "Nothing was voted."


class ResultsScene(MessageScene):
    def __init__(self, app, view: dict, votes: list, log: list, then=None):
        super().__init__(
            app,
            f"Results — {view['date']}",
            results_text(app.rules, votes, log, view),
            [("Continue", then)],
            0.85,
            0.85,
        )
