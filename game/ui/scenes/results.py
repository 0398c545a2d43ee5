"""The quarter's results: every vote with its breakdown (who voted how, and why, and the secret
contacts it revealed), a Congress's delegations and elections, and the news since the player last
looked."""

from __future__ import annotations

from game.session import present
from game.ui.scenes.dialog import MessageScene


def results_text(rules, view, votes, log) -> str:
    parts = []
    for vote in votes:
        parts.append("\n".join(present.vote_lines(rules, vote, view["you"])))
    revealed = [line for v in votes for line in _revealed(rules, view, v)]
    if revealed:
        parts.insert(0, "Secret contacts revealed by the votes\n" + "\n".join(f"  ‼ {line}" for line in revealed))
    congress = [e.text for e in log if e.kind == "congress"]
    if congress:
        parts.append("The Congress\n" + "\n".join(f"  • {w}" for w in congress))
    news = [e.text for e in log if e.kind not in ("vote", "congress")]
    if news:
        parts.append("Since you last looked\n" + "\n".join(f"  • {w}" for w in news))
    return "\n\n".join(parts) or "Nothing was voted."


def _revealed(rules, view, vote) -> list[str]:
    return [
        f"{b.voter} turned out to be a secret contact of {present.faction_name(rules, b.secret)}"
        for b in vote.ballots
        if b.secret is not None and b.secret != view["you"]
    ]


class ResultsScene(MessageScene):
    def __init__(self, app, view, votes, log, then=None):
        super().__init__(
            app,
            f"Results — {view['date']}",
            results_text(app.rules, view, votes, log),
            [("Continue", then)],
            0.85,
            0.85,
        )
