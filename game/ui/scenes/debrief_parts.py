"""The debrief screen's parts, each drawn from :class:`game.present.debrief.Debrief`: the sections
in words (a pygame_gui text box's small HTML), the timeline as a table of two columns (this game,
history) drawn on a picture, and the charts of power drawn by matplotlib (the report's own
figures, :func:`game.present.report.plot`) on a picture sized to the screen."""

from __future__ import annotations

import attrs
import pygame

from game.engine.objectives import FAILED, MET
from game.present import ending
from game.present.debrief import MEASURES, Debrief, FactionDebrief, lines_text
from game.present.report import STYLE, plot
from game.present.words import points_text
from game.ui import text, theme
from game.ui.scenes.dialog import escape

#: the sections of the screen: (key, the tab's label, its tooltip, ending in the key that opens it)
SECTIONS = (
    ("timeline", "Timeline", "This game's dated timeline beside history's (T)"),
    ("divergence", "Divergence", "Where this game left history, and the moves and votes that made it (D)"),
    ("goals", "Goals", "Each goal met or failed, with the quarter (G)"),
    ("power", "Power", "Charts of power over time: offices, seats, the CC, delegates, prestige (P)"),
    ("events", "Events", "Every event that fired, with the document and passage it comes from (E)"),
    ("computer", "Computer", "The computer seat's reasons for its key moves (C)"),
    ("questions", "Questions", "The scenario's questions for discussion (Q)"),
)

#: a goal's status as a mark before its name
STATUS_MARK = {MET: "✓", FAILED: "✗"}
#: a checkpoint judged: met, missed, not judged
CHECK_MARK = {True: "yes", False: "no", None: "—"}


def _h(words: str, scale: float) -> str:
    return text.heading_html(escape(words), scale)


def _cite(source) -> str:
    """Where a source is: the document's title and lines, or the outside work."""
    if source.seed:
        where = f"{source.title or source.seed}, {lines_text(source.lines)}" if source.lines else source.title
        return where or source.seed
    return source.outside or source.title or ""


def sources_html(sources) -> list[str]:
    """Each source named, then its passage (or what the outside work says, or the words quoted)."""
    out = []
    for s in sources:
        out.append(f"<i>Source: {escape(_cite(s))}</i>")
        if s.passage:
            out.append(escape(s.passage))
        elif s.says:
            out.append(escape("In other words (the rule's paraphrase, not a quotation): " + " ".join(s.says.split())))
        elif s.quote:
            out.append(escape(f"“{' '.join(s.quote.split())}”"))
    return out


def header(d: Debrief, faction: str | None = None) -> str:
    """The line under the title: the scenario, the faction's result against history, then power in
    the party at the end (what it measures, second: :mod:`game.present.ending`), the seed and the
    mods."""
    reached = d.quarters[-1] if d.quarters else "no quarter closed yet"
    if d.over:
        f = next((f for f in d.factions if f.faction == faction), None)
        result = f"{f.name}: {f.result or '—'} · " if f is not None else ""
        outcome = f"{result}{ending.POWER_HEADING.lower()}: {d.outcome}"
    else:
        outcome = f"not over: played to {reached}"
    words = f"{d.scenario_name} · {outcome} · seed {d.seed}"
    if d.mods:
        words += " · mods: " + ", ".join(d.mods)
    return words


def waits_for_end(match) -> str | None:
    """Why a game's debrief must wait for its end, or None: it shows every faction's goals, the
    moves behind them, the computer's reasons and history's results, which an unfinished hot-seat
    game keeps from the seats, and a teacher's preset may keep history from everyone until the end."""
    if match.over:
        return None
    if len(match.humans()) > 1:
        return (
            "This hot-seat game is not over. Its debrief shows every seat's goals, the moves behind them and "
            "the computer's reasons, so it opens only after the end: load the game and play it to its end."
        )
    if match.options.hide_history:
        return (
            "This game is not over, and its teacher's preset keeps history's results hidden until the end; "
            "the debrief sets the game beside history, so it opens only after the end."
        )
    return None


#: what the title band says of a hot-seat game's debrief, longest first (the first that fits)
ALL_SHOWN = (
    "Hot seat, the game is over: every seat's secrets are shown to all",
    "The game is over: every seat's secrets are shown",
    "Game over: all secrets shown",
    "All shown",
)


def goals_html(d: Debrief, f: FactionDebrief, scale: float) -> str:
    parts = [_h(f"{f.name}: {f.result or '—'} ({'+' if f.points > 0 else ''}{points_text(f.points)})", scale)]
    if f.caveat:
        parts.append(f"<font color=#8C1216>{escape(f.caveat)}</font>")
    if f.history_result:
        parts.append(f"<b>The historical line scores:</b> {escape(f.history_result)}")
    if f.history:
        parts.append(f"<b>In history:</b> {escape(f.history)}")
    rows = []
    for g in f.goals:
        when = f" in {g.quarter}" if g.quarter else (" throughout" if g.when == "always" and g.status == MET else "")
        mark = STATUS_MARK.get(g.status, "·")
        colour = "#8C1216" if g.status == FAILED else "#181614"
        rows.append(
            f"<font color={colour}>{mark} <b>{escape(g.status)}{escape(when)}</b></font>: "
            f"{escape(g.name)} ({g.points:+d})"
        )
    parts.append("<b>Goals</b><br>" + ("<br>".join(rows) or "This faction had no goals in this scenario."))
    return "<br><br>".join(parts)


def divergence_html(d: Debrief, f: FactionDebrief, scale: float) -> str:
    v = f.divergence
    parts = []
    if v is None:
        said = (
            "Every quarter closed as history's did."
            if d.history_source
            else "History's line could not be replayed under these rules."
        )
        parts.append(_h(f"{f.name}: never left history", scale) + "<br>" + escape(said))
    else:
        parts.append(_h(f"{f.name} left history in {v.date}", scale))
        if v.game:
            parts.append("<b>This game had:</b> " + escape("; ".join(v.game)))
        if v.history:
            parts.append("<b>History had:</b> " + escape("; ".join(v.history)))
        if v.checkpoint:
            parts.append("<b>History's checkpoint missed:</b> " + escape(v.checkpoint))
        if v.history_note:
            parts.append("<b>In history then:</b> " + escape(v.history_note))
        for label, lines in (("The moves", v.moves), ("The votes", v.votes), ("The events", v.events)):
            if lines:
                parts.append(f"<b>{label} that made it</b><br>" + "<br>".join(escape(line) for line in lines))
    if f.checkpoints:
        rows = [
            f"{escape(n.date)}  history: {CHECK_MARK[n.history]}, this game: "
            + (f"<b>{CHECK_MARK[n.game]}</b>" if n.game != n.history else CHECK_MARK[n.game])
            + f" — {escape(n.text)}"
            for n in f.checkpoints
        ]
        parts.append("<b>History's checkpoints (met in history / in this game)</b><br>" + "<br>".join(rows))
    if d.history_source:
        parts.append(f"<i>History is the historical line replayed under {escape(d.history_source)}.</i>")
    return "<br><br>".join(parts)


def events_html(d: Debrief, scale: float) -> str:
    if not d.events:
        return _h("Events", scale) + "<br>No event fired in the quarters played."
    parts = [_h(f"The events that fired ({len(d.events)})", scale)]
    for e in d.events:
        block = [f"<b>{escape(e.date)} — {escape(e.name)}</b>", escape(e.text)]
        block += [escape(c) for c in e.choices]
        block += sources_html(e.sources)
        if e.design:
            block.append(f"<i>Design choice:</i> {escape(e.design)}")
        parts.append("<br>".join(block))
    return "<br><br>".join(parts)


def reasons_html(d: Debrief, f: FactionDebrief, human: bool, scale: float) -> str:
    mine = [r for r in d.reasons if r.faction == f.faction]
    parts = [_h(f"Why {f.name} moved as it did", scale)]
    if mine:
        parts.append("<br>".join(escape(r.line) for r in mine))
    elif human:
        parts.append(escape(f"A person played {f.name}: the computer gave no reasons for its moves."))
    elif not d.reasons:
        parts.append("No reasons are recorded for this game.")
    else:
        parts.append("The computer made no key move for this faction (only routine work).")
    others = sorted({r.faction for r in d.reasons} - {f.faction})
    if others:
        names = ", ".join(x.name for x in d.factions if x.faction in others)
        parts.append(f"<i>The other computer seats' reasons are under their tabs: {escape(names)}.</i>")
    return "<br><br>".join(parts)


def questions_html(d: Debrief, scale: float) -> str:
    if not d.questions:
        return _h("Questions for discussion", scale) + "<br>This scenario has no discussion questions."
    parts = [_h("Questions for discussion", scale)]
    for i, q in enumerate(d.questions, 1):
        parts.append("<br>".join([f"<b>{i}.</b> {escape(q.text)}", *sources_html(q.sources)]))
    return "<br><br>".join(parts)


# --- the timeline, two columns ---------------------------------------------------------------------


def timeline_rows(f: FactionDebrief) -> list[tuple[str, list[str], list[str]]]:
    """(date, this game's lines, history's lines) for every quarter in which either changed."""
    dates = sorted({m.date for m in f.timeline} | {m.date for m in f.history_timeline})
    return [
        (date, [m.text for m in f.timeline if m.date == date], [m.text for m in f.history_timeline if m.date == date])
        for date in dates
    ]


def timeline_picture(app, f: FactionDebrief, width: int) -> pygame.Surface:
    """The timeline as a table: the quarter, this game, history; a line the other column lacks
    that quarter in dark red, the quarter where the two part marked in ochre."""
    s = app.settings.font_scale
    body, bold = app.fonts.body(14), app.fonts.bold(14)
    pad = round(6 * s)
    date_w = bold.size("0000-Q0")[0] + 2 * pad
    col = (width - date_w) // 2
    room = col - 2 * pad
    line = body.get_linesize()
    parted = f.divergence.date if f.divergence is not None else None
    laid = []  # (date, [(line, colour)] this game, [(line, colour)] history, height)
    for date, game, hist in timeline_rows(f):
        cells = []
        for mine, other in ((game, hist), (hist, game)):
            lines = []
            for words in mine or ["—"]:
                colour = theme.DARK_RED if mine and words not in other else theme.BLACK
                wrapped = text.wrap(body, "• " + words if mine else words, room)
                lines += [(w, colour) for w in wrapped]
            cells.append(lines)
        laid.append((date, cells[0], cells[1], max(len(cells[0]), len(cells[1])) * line + 2 * pad))
    head = bold.get_linesize() + 2 * pad
    total = head + sum(r[3] for r in laid) + (0 if laid else line + 2 * pad)
    surf = pygame.Surface((width, max(total, 1)))
    surf.fill(theme.WHITE)
    pygame.draw.rect(surf, theme.BLACK, (0, 0, width, head))
    for x, words in ((pad, "Quarter"), (date_w + pad, "This game"), (date_w + col + pad, "History")):
        surf.blit(text.render(bold, words, theme.PAPER), (x, pad))
    y = head
    if not laid:
        words = "Nothing changed for this faction, in this game or in history."
        text.blit_lines(surf, body, text.wrap(body, words, width - 2 * pad), (pad, y + pad), theme.BLACK)
    for i, (date, game, hist, h) in enumerate(laid):
        if date == parted:
            pygame.draw.rect(surf, theme.OCHRE, (0, y, width, h))
        elif i % 2:
            pygame.draw.rect(surf, theme.PAPER, (0, y, width, h))
        surf.blit(text.render(bold, date, theme.BLACK), (pad, y + pad))
        for x, lines in ((date_w + pad, game), (date_w + col + pad, hist)):
            for k, (words, colour) in enumerate(lines):
                surf.blit(text.render(body, words, colour), (x, y + pad + k * line))
        y += h
        pygame.draw.line(surf, theme.LIGHT_GREY, (0, y - 1), (width, y - 1))
    for x in (date_w, date_w + col):
        pygame.draw.line(surf, theme.GREY, (x, head), (x, total))
    return surf


def timeline_note(f: FactionDebrief) -> str:
    """The words over the table: its key, and the quarter where this game left history."""
    parted = ""
    if f.divergence is not None:
        marked = any(date == f.divergence.date for date, _game, _hist in timeline_rows(f))
        parted = f"Left history in {f.divergence.date} ({'marked; ' if marked else ''}see Divergence). "
    return parted + "In red: what the other column lacks that quarter."


# --- the charts ----------------------------------------------------------------------------------


def _label(words: str) -> str:
    """A name as matplotlib draws it literally (a ``$`` would start mathematics)."""
    return words.replace("\\", "\\\\").replace("$", r"\$")


def _hex(rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb[:3])


def chart_picture(app, d: Debrief, faction: str, width: int) -> pygame.Surface:
    """The report's charts of power (every measure, every faction, history dashed), the chosen
    faction's line widest, drawn by matplotlib's Agg canvas in the window's faction colours, in
    one or two columns as the width allows, the text at the window's font scale."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    s = app.settings.font_scale
    dpi = 100 * s
    cols = 2 if width / s >= 760 else 1
    rows = -(-len(MEASURES) // cols)
    cell_h = max(int(width / cols * 0.42), int(200 * s))
    ncol = 3 if cols == 2 else 2
    legend_h = int(17 * s) * -(-(len(d.factions) + 1) // ncol)  # its rows of names (history's line too)
    height = rows * cell_h + legend_h
    # the window's colours (the poster palette, or the colour-blind one), not the report's
    shown = attrs.evolve(
        d, factions=tuple(attrs.evolve(f, colour=_hex(app.palette.colour(f.faction))) for f in d.factions)
    )
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, facecolor=_hex(theme.WHITE), layout="constrained")
        # the room between the charts in pixels, whatever the picture's height (the engine takes fractions)
        fig.get_layout_engine().set(h_pad=4 / 72, w_pad=8 / 72, hspace=30 * s / height, wspace=0.04)
        axes = fig.subplots(rows, cols, squeeze=False).flatten()
        for ax, (key, title) in zip(axes, MEASURES, strict=False):
            ax.set_facecolor(_hex(theme.WHITE))
            plot(ax, shown, key, title, focus=faction)
        for ax in axes[len(MEASURES) :]:
            ax.set_visible(False)
        handles = [
            Line2D([], [], color=f.colour, linewidth=3.4 if f.faction == faction else 2.4, label=_label(f.name))
            for f in shown.factions
        ]
        handles.append(Line2D([], [], color=_hex(theme.GREY), linestyle="--", linewidth=1, label="history"))
        fig.legend(handles=handles, loc="outside upper center", ncol=ncol, frameon=False)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        w, h = canvas.get_width_height()
        picture = pygame.image.frombuffer(bytes(canvas.buffer_rgba()), (w, h), "RGBA").copy()
    return picture


def no_chart_words() -> str:
    return "No quarter has closed yet: there is nothing to chart."


__all__ = [
    "SECTIONS",
    "chart_picture",
    "divergence_html",
    "events_html",
    "goals_html",
    "header",
    "questions_html",
    "reasons_html",
    "timeline_picture",
    "timeline_rows",
    "waits_for_end",
]
