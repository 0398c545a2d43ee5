"""The debrief in words, for the terminal and the command line: each faction's timeline beside
history's, the divergence, goals, power, events and reasons, wrapped to a width."""

from __future__ import annotations

import re
import textwrap

from game.engine.objectives import MET
from game.present.debrief.model import MEASURES, Debrief, FactionDebrief, PowerSeries, Source
from game.present.ending import POWER_HEADING, RESULTS_HEADING
from game.present.words import points_text

_MARK = {True: "yes", False: "NO", None: "—"}


def text(d: Debrief, width: int = 100) -> str:
    """The debrief as plain text for the terminal."""
    out = [f"Debrief: {d.scenario_name}", f"Seed {d.seed}; mods: {', '.join(d.mods) or 'none'}"]
    out.append(f"Play it again: {d.replay_line}")
    reached = d.quarters[-1] if d.quarters else "no quarter closed yet"
    out.append(f"Span {d.start} – {d.end}; played to {reached}" + ("" if d.over else " (not over)"))
    out += verdict_text(d)
    if d.seats:
        out.append("Seats: " + "; ".join(f"{_name(d, f)}: {who}" for f, who in d.seats))
    for f in d.factions:
        out += _faction_text(d, f)
    out += _closing_text(d)
    return "\n".join(_wrap(line, width) for line in out) + "\n"


def verdict_text(d: Debrief) -> list[str]:
    """The end's verdict: each faction's result against history first, then power in the party
    at the end, and why where the two disagree ([] while the game goes on)."""
    if not d.over:
        return []
    out = [
        f"{RESULTS_HEADING}: " + "; ".join(f"{f.name}: {f.result or '—'} ({points_text(f.points)})" for f in d.factions)
    ]
    out.append(f"{POWER_HEADING}: {d.outcome}")
    return out + [f.caveat for f in d.factions if f.caveat]


def _faction_text(d: Debrief, f) -> list[str]:
    """One faction's part: its result, goals, timeline beside history's, checkpoints, where it
    parted from history, and its power quarter by quarter."""
    out = ["", f"=== {f.name} ===", f"Result: {f.result or '—'} ({f.points} points)"]
    if f.caveat:
        out.append(f.caveat)
    if f.history_result:
        out.append(f"The historical line scores: {f.history_result}")
    if f.history:
        out.append(f"In history: {f.history}")
    out.append("Goals:")
    for g in f.goals:
        when = f" in {g.quarter}" if g.quarter else (" throughout" if g.when == "always" and g.status == MET else "")
        out.append(f"  {g.status}{when}: {g.name} ({g.points:+d})")
    out.append("Timeline, this game | history:")
    out += _side_by_side(f, d.quarters or (d.start,))
    if f.checkpoints:
        out.append("History's checkpoints (history / this game):")
        for n in f.checkpoints:
            out.append(f"  {n.date}  {_MARK[n.history]:>3} / {_MARK[n.game]:<3} {n.text}")
    out += _divergence_text(d, f.divergence)
    out.append("Power at the close of each quarter:")
    return out + _power_table(f.power)


def _divergence_text(d: Debrief, v) -> list[str]:
    if v is None:
        return ["Diverged: never — every quarter closed as history's did" if d.history_source else ""]
    out = [f"Diverged in {v.date}:"]
    if v.game:
        out.append(f"  This game had: {'; '.join(v.game)}")
    if v.history:
        out.append(f"  History had: {'; '.join(v.history)}")
    if v.checkpoint:
        out.append(f"  Missed history's checkpoint: {v.checkpoint}")
    if v.history_note:
        out.append(f"  In history then: {v.history_note}")
    for label, lines in (("moves", v.moves), ("votes", v.votes), ("events", v.events)):
        if lines:
            out.append(f"  The {label}:")
            out += [f"    {line}" for line in lines]
    return out


def _closing_text(d: Debrief) -> list[str]:
    """The party's checkpoints, the events with their sources, the bots' reasons, the questions."""
    out = []
    if d.party:
        out += ["", "=== The party ==="]
        out += [f"  {n.date}  {_MARK[n.history]:>3} / {_MARK[n.game]:<3} {n.text}" for n in d.party]
    out += ["", "=== Events and their sources ==="]
    for e in d.events:
        out.append(f"{e.date}  {e.name}")
        out += [f"    {c}" for c in e.choices]
        for s in e.sources:
            out.append(f"    Source: {_cite(s)}")
            if s.quote:
                out.append(f"      “{s.quote}”")
    out += ["", "=== The computer seats' key moves and their reasons ==="]
    out += [r.line for r in d.reasons] or ["  None recorded (a replay does not keep them; a save does)."]
    if d.questions:
        out += ["", "=== Questions for discussion ==="]
        for i, q in enumerate(d.questions, 1):
            out.append(f"{i}. {q.text}")
            out += [f"     Source: {_cite(s)}" for s in q.sources]
    return out


def _name(d: Debrief, fid: str) -> str:
    return next((f.name for f in d.factions if f.faction == fid), fid)


def lines_text(lines) -> str:
    """A citation's lines in words.

    >>> lines_text("41"), lines_text("387-387"), lines_text("2081-2087")
    ('line 41', 'line 387', 'lines 2081–2087')
    """
    first, _, last = str(lines).partition("-")
    return f"line {first}" if not last or last == first else f"lines {first}–{last}"


def _cite(s: Source) -> str:
    where = f"{s.seed}, {lines_text(s.lines)}" if s.seed else (s.outside or "")
    return f"{s.title} — {where}" if s.title and s.seed else where


def _side_by_side(f: FactionDebrief, quarters) -> list[str]:
    dates = sorted({m.date for m in f.timeline} | {m.date for m in f.history_timeline})
    if not dates:
        return ["  nothing changed, in this game or in history"]
    out = []
    for date in dates:
        game = [m.text for m in f.timeline if m.date == date] or ["—"]
        hist = [m.text for m in f.history_timeline if m.date == date] or ["—"]
        out.append(f"  {date}  this game: {'; '.join(game)}")
        out.append(f"           history:   {'; '.join(hist)}")
    return out


def _power_table(p: PowerSeries, columns: int = 8) -> list[str]:
    """The measures by quarter, ``columns`` quarters to a block so that a long game stays readable."""
    rows = []
    for at in range(0, len(p.dates), columns):
        rows.append(_TABLE + "  " + f"{'':<29}" + "".join(f"{d:>9}" for d in p.dates[at : at + columns]))
        for key, label in MEASURES:
            values = getattr(p, key)[at : at + columns]
            rows.append(_TABLE + "  " + f"{label:<29}" + "".join(f"{v:>9}" for v in values))
    return rows or ["  no quarter closed yet"]


#: a line that starts with a quarter, ``1924-Q1  ...``: its continuation goes under the text
_DATED = re.compile(r"^(\s*)(\d{4}-Q\d  +)?")


#: marks a table's row, which is never wrapped (the mark is taken off)
_TABLE = "\x00"


def _wrap(line: str, width: int) -> str:
    """A long line wrapped at ``width``, continued under its own text; a table's row left alone."""
    if line.startswith(_TABLE):
        return line[1:]
    if len(line) <= width:
        return line
    lead, date = _DATED.match(line).groups()
    indent = lead + (" " * len(date) if date else "  ")
    return textwrap.fill(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
