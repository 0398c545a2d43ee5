"""The scenario's schedule: the dated events it plays, and the quarter each date falls in.

Read by the turn (which events are due), by the objectives (can a Congress still meet before the
end?) and by the preview (what is coming); it reads only the rules, never the game's state.
"""

from __future__ import annotations

from game.ruleset.rules import Rules


def quarter_of(date: str) -> tuple[int, int]:
    """The (year, quarter) a date falls in.

    >>> quarter_of("1924-05-23")
    (1924, 2)
    """
    year, month = int(date[:4]), int(date[5:7])
    return year, (month - 1) // 3 + 1


def dated_events(rules: Rules, scenario) -> tuple[tuple[str, tuple[int, int], bool], ...]:
    """The dated events a scenario plays, by date then id, each as (id, (year, quarter),
    trigger); for the ruleset's own scenarios worked out once per ruleset (every quarter of
    every playout asks)."""
    if rules.scenarios.get(scenario.id) is scenario:
        table = rules.tables.dated_events
        if not table:
            table.update(_dated_by_scenario(rules))
        return table[scenario.id]
    return _dated(rules, scenario)


def _dated_by_scenario(rules: Rules) -> dict[str, tuple]:
    return {sid: _dated(rules, scenario) for sid, scenario in rules.scenarios.items()}


def _dated(rules: Rules, scenario) -> tuple:
    chosen = set(scenario.events) if scenario.events else None
    skipped = set(scenario.skip_events)
    dated = sorted(
        (ev.date, eid)
        for eid, ev in rules.events.items()
        if ev.date is not None and eid not in skipped and (chosen is None or eid in chosen)
    )
    return tuple((eid, quarter_of(date), bool(rules.events[eid].trigger)) for date, eid in dated)
