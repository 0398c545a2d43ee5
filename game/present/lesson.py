"""Words about how a lesson runs a game: a teacher's preset in one line, and a turn timer's length.

>>> timer_text(240), timer_text(90), timer_text(45)
('4 min', '1 min 30 s', '45 s')
"""

from __future__ import annotations


def timer_text(seconds: int) -> str:
    """A turn timer's length, in minutes and seconds."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{seconds} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def preset_text(preset, rules) -> str:
    """One line on how a preset runs the lesson: its scenario, the teams, what stays hidden, the
    timer (a :class:`game.match.presets.Preset`)."""
    sc = rules.scenarios.get(preset.scenario)
    teams = [seat.name for seat in preset.seats.values() if seat.is_human]
    parts = [sc.name if sc is not None else preset.scenario, ", ".join(teams)]
    if preset.hide_history:
        parts.append("history hidden until the end")
    if preset.turn_seconds:
        parts.append(f"{timer_text(preset.turn_seconds)} a turn")
    return " · ".join(parts)
