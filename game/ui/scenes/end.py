"""The end of the game: each faction's result against history first (the one human seat's on top),
then power in the party at the end, named for what it measures, and why where the two disagree;
the last turn's votes, and a summary of the game."""

from __future__ import annotations

import time

import pygame

from game.present import chronicle, ending, explain, naming, voting
from game.present.quarter import book
from game.present.words import points_text
from game.ruleset.records import RESULT_NAMES
from game.ui import draw, text, theme
from game.ui.scene import Scene
from game.ui.scenes.dialog import band_hint, escape


def summary_html(rules, match, scale: float = 1.0) -> str:
    """The end in words: each faction's result against history first (the one human seat's on
    top), then power in the party at the end, named for what it measures, and where the two
    disagree, why (:mod:`game.present.ending`)."""
    view = match.view(None)
    humans = match.humans()
    you = humans[0] if len(humans) == 1 else None
    v = ending.verdict(rules, match.state, you)
    rows = []
    for fid, points, result in v.results:
        mark = " (you)" if fid == you else ""
        rows.append(
            f"<b>{escape(naming.faction_name(rules, fid))}</b>{mark}: {escape(RESULT_NAMES[result])} "
            f"({escape(points_text(points))})"
        )
    if you is not None and v.results and v.results[0][0] == you:
        title = f"Your result: {RESULT_NAMES[v.results[0][2]]}"
    else:
        title = ending.RESULTS_HEADING
    parts = [
        text.heading_html(escape(title), scale)
        + "<br>"
        + "<br>".join(rows)
        + f"<br><i>{escape(ending.MEASURED_NOTE)}</i>"
    ]
    if v.power:
        power = f"<b>{escape(ending.POWER_HEADING)}</b>: {escape(v.power)}<br><i>{escape(v.power_note)}</i>"
        if v.caveat:
            power += f"<br><font color=#8C1216>{escape(v.caveat)}</font>"
        parts.append(power)
    for fid in humans:
        obj = match.view(fid).objectives
        if obj:
            parts.append(
                f"<b>In history ({escape(naming.faction_name(rules, fid))})</b>: "
                + escape(" ".join(obj.history.split()))
            )
    last = view.turn
    votes = [v for v in view.votes if v.turn == last]
    if votes:
        parts.append(
            "<b>The last quarter's votes</b><br>"
            + "<br>".join(escape(voting.vote_lines(rules, v, None)[0]) for v in votes)
        )
    held = [f"{rules.offices[o].name}: {naming.figure_name(rules, h)}" for o, h in view.offices.items() if h]
    parts.append("<b>Who holds what</b><br>" + escape("; ".join(held)))
    parts.append("<b>Politburo</b>: " + escape(", ".join(naming.figure_name(rules, f) for f in view.politburo)))
    start = rules.scenarios[view.scenario].start
    key = [
        f"{explain.quarter(start, e.turn)}  {chronicle.render(rules, e)}"
        for e in view.log
        if e.kind in ("office", "discipline", "congress", "outcome")
    ]
    if key:
        parts.append("<b>The game in brief</b><br>" + "<br>".join(escape(line) for line in key[-40:]))
    reasons = ending.reason_lines(rules, match)
    if reasons:
        parts.append("<b>Why the computer moved as it did</b><br>" + "<br>".join(escape(line) for line in reasons))
    parts.append(
        f"<i>Scenario {escape(view.scenario)}, seed {match.seed} — the same seed and moves give the same game.</i>"
    )
    return "<br><br>".join(parts)


class EndScene(Scene):
    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.final = match.view(None)  # the game is over: its public view no longer changes

    def build(self) -> None:
        w, h = self.app.size
        s = self.app.settings.font_scale
        top = self.app.fonts.heading(24).get_linesize() + 30
        bh = int(40 * s)
        share = 0.32 if w / s >= 1200 else 0.4  # at a large font on a small window the names need room
        self.chart = pygame.Rect(w - 16 - int(w * share), top, int(w * share), h - top - bh - 32)
        self.textbox((16, top, self.chart.x - 32, h - top - bh - 32), summary_html(self.app.rules, self.match, s))
        row = [("Play again", self.again, "A new game"), ("Main menu", self.menu, None)]
        if len(self.match.humans()) == 1:
            row.append(("History", self.history, "Every quarter of the game in one place, page by page (H)"))
        tip = "This game beside history: timelines, goals, charts of power, sources, questions (D)"
        row.append(("Debrief", self.debrief, tip))
        bw = min(int(240 * min(s, 1.5)), (w - 16 - 16 * len(row)) // len(row))
        for i, (label, callback, tip) in enumerate(row):
            self.button((w - (16 + bw) * (i + 1), h - bh - 16, bw, bh), label, callback, tip)

    def history(self) -> None:
        """The one human seat's summaries of every quarter, the last included."""
        (faction,) = self.match.humans()
        self.app.push_scene("history", self.match, faction, book(self.match).closed())

    def debrief(self) -> None:
        """The debrief of the game just ended (every seat's, the game being over)."""
        name = f"{self.match.scenario}-{time.strftime('%Y-%m-%d-%H%M')}"
        self.app.push_scene("debrief", self.match, name)

    def again(self) -> None:
        self.app.reset_scene("menu")
        self.app.push_scene("new_game")

    def menu(self) -> None:
        self.app.reset_scene("menu")

    def back(self) -> None:
        self.menu()

    def draw(self, surface: pygame.Surface) -> None:
        view = self.final
        draw.poster_background(surface)
        draw.band(surface, self.app, "THE END OF THE GAME", band_hint(self.app, "THE END OF THE GAME", view.date))
        self._chart(surface, view)

    def _chart(self, surface: pygame.Surface, view) -> None:
        """Each faction's points as a bar, with its badge and its result against history."""
        rules = self.app.rules
        inner = draw.panel(surface, self.app, self.chart, ("Points against history", "Points"))
        results = list(view.results.items())
        if not results:
            return
        top = max(1, max(abs(p) for _, (p, _r) in results))
        # each faction's name whole on a line, in a smaller face where it needs it (wrapped if even
        # the smallest does not hold it), the bar under it and the result under the bar
        bold, body = self.app.fonts.bold(15), self.app.fonts.body(13)
        size = bold.get_linesize()
        step = inner.h // len(results)
        faces = [self.app.fonts.bold(n) for n in (15, 13, 12, 11)]
        for i, (fid, (points, result)) in enumerate(sorted(results, key=lambda r: -r[1][0])):
            y = inner.y + i * step
            draw.badge(surface, self.app, fid, (inner.x + size // 2, y + size // 2), size - 2)
            name = naming.faction_name(rules, fid)
            font, lines = text.fitting_lines(faces, name, inner.w - size - 8, max_lines=1)
            y = text.blit_lines(surface, font, lines, (inner.x + size + 6, y), theme.BLACK)
            label = f"{points:+d} · {RESULT_NAMES[result]}"
            rest = inner.y + (i + 1) * step - y - body.get_linesize() - 6
            bar_h = max(4, min(size, rest))
            bar_y = y + 2
            zero = inner.x + inner.w // 4
            length = int((inner.w * 3 // 4 - 8) * abs(points) / top)
            x = zero if points >= 0 else zero - min(length, inner.w // 4)
            width = length if points >= 0 else min(length, inner.w // 4)
            pygame.draw.rect(surface, self.app.palette.colour(fid), (x, bar_y, max(width, 2), bar_h))
            pygame.draw.line(surface, theme.BLACK, (zero, bar_y - 2), (zero, bar_y + bar_h + 2), 2)
            text.blit_lines(surface, body, text.wrap(body, label, inner.w), (inner.x, bar_y + bar_h + 2), theme.BLACK)
