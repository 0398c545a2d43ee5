"""The quarter's results: every vote with its breakdown (who voted how, and why, and the secret
contacts it revealed), a Congress's delegations and elections, and the news since the player last
looked."""

from __future__ import annotations

import pygame

from game.session import present
from game.ui import draw, text, theme
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
    """The breakdowns in words on the right; on the left each vote as a chart: the votes for and
    against, in the colours of the factions the voters belong to."""

    def __init__(self, app, view, votes, log, then=None):
        self.view, self.votes = view, list(votes)
        self.side = 0.36 if self.votes else 0.0
        super().__init__(
            app, f"Results — {view['date']}", results_text(app.rules, view, votes, log), [("Continue", then)], 0.9, 0.88
        )

    def owner(self, who: str) -> str | None:
        """The faction a voter belongs to, as this view knows it."""
        if who in self.app.rules.factions:
            return who
        figure = self.view["figures"].get(who)
        return figure["faction"] if figure is not None else None

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if not self.votes:
            return
        r = self.side_rect
        inner = draw.panel(surface, self.app, r, "The votes")
        bold, body = self.app.fonts.bold(13), self.app.fonts.body(12)
        surface.set_clip(inner)
        y = inner.y
        # the bars start after the longest tag ("against 100"), whatever the font's size
        bar_x = body.size("against 000")[0] + 6
        for vote in self.votes:
            title = text.wrap(bold, f"{vote.motion}", inner.w)
            if y + len(title) * bold.get_linesize() + 3 * body.get_linesize() > inner.bottom:
                break
            verdict = "carried" if vote.passed else "defeated"
            y = text.blit_lines(surface, bold, title, (inner.x, y), theme.BLACK)
            total = max(1, sum(b.weight for b in vote.ballots))
            for side, label in (("yes", "for"), ("no", "against")):
                parts = [(self.owner(b.who), b.weight) for b in vote.ballots if b.side == side]
                n = sum(w for _, w in parts)
                tag = text.render(body, f"{label} {n}", theme.BLACK)
                surface.blit(tag, (inner.x, y))
                bar_w = int((inner.w - bar_x - 4) * n / total)
                if bar_w > 0:
                    draw.stacked_bar(
                        surface, self.app, pygame.Rect(inner.x + bar_x, y + 2, bar_w, body.get_linesize() - 4), parts
                    )
                y += body.get_linesize()
            mark = text.render(
                body,
                f"{self.app.rules.bodies[vote.body].name}: {verdict}",
                theme.DARK_RED if not vote.passed else theme.GREY,
            )
            surface.blit(mark, (inner.x, y))
            y += body.get_linesize() + 10
        surface.set_clip(None)
