"""The quarter in one place, shown to each human seat when a quarter has closed: what changed for
the seat (its standing, numbers, offices, seats, regions, goals), every vote with its breakdown
(who voted how, and why, and the secret contacts it revealed), a Congress's delegations and
elections, and the events of the quarter and of the next one's opening; beside it each vote as a
chart.  All of it from the seat's own views (:mod:`game.present.quarter`)."""

from __future__ import annotations

import pygame

from game.present import chronicle
from game.present.quarter import Summary, summary_text
from game.ui import draw, text, theme
from game.ui.scenes.dialog import MessageScene


def summary_title(s: Summary) -> str:
    return f"The quarter in one place — {s.date}"


class ResultsScene(MessageScene):
    """The summary in words on the right; on the left each vote as a chart: the votes for and
    against, in the colours of the factions the voters belong to (as ``view``, the seat's view now,
    knows them)."""

    def __init__(self, app, summary: Summary, view, then=None, buttons=None):
        self.view = view
        self.summary = summary
        self.votes = list(summary.votes)
        self.side = 0.36 if self.votes else 0.0
        super().__init__(
            app, summary_title(summary), summary_text(app.rules, summary), buttons or [("Continue", then)], 0.9, 0.88
        )

    def owner(self, who: str) -> str | None:
        """The faction a voter belongs to, as this view knows it."""
        if who in self.app.rules.factions:
            return who
        figure = self.view.figures.get(who)
        return figure.faction if figure is not None else None

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
        more = text.wrap(body, f"… {len(self.votes)} votes in all: every one is in the text", inner.w)
        for k, vote in enumerate(self.votes):
            motion = chronicle.moved(self.app.rules, vote.motion_id, vote.args, vote.proposer)
            title = text.wrap(bold, motion, inner.w)
            verdict = "carried" if vote.passed else "defeated"
            mark = text.wrap(body, f"{self.app.rules.bodies[vote.body].name}: {verdict}", inner.w)
            last = k == len(self.votes) - 1
            need = len(title) * bold.get_linesize() + (2 + len(mark)) * body.get_linesize() + (0 if last else 10)
            if y + need + (0 if last else len(more) * body.get_linesize()) > inner.bottom:
                # no room for the rest: say so, rather than leave them out without a word
                text.blit_lines(surface, body, more, (inner.x, y), theme.DARK_RED)
                break
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
            y = text.blit_lines(surface, body, mark, (inner.x, y), theme.DARK_RED if not vote.passed else theme.GREY)
            y += 10
        surface.set_clip(None)
