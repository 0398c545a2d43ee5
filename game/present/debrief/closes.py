"""A game read at the close of each quarter, and each faction's timeline made of the changes
between two closes: the offices, the Politburo, the Central Committee, blocs, the ladder of
censure to deportation, the Congresses.  History's timeline is read the same way from the
historical line, so the two can be set side by side."""

from __future__ import annotations

from attrs import frozen

from game.engine import Action, apply_action, new_game
from game.engine.congress import delegate_shares
from game.engine.effects import holds
from game.engine.objectives import track
from game.engine.outcome import power_scores
from game.present.chronicle import sentence
from game.present.debrief.model import Milestone


@frozen
class Close:
    """What the debrief reads of the state at the close of a quarter."""

    date: str
    offices: dict  # office → the faction of its holder (None: vacant or unaligned)
    holders: dict  # office → figure
    politburo: tuple[str, ...]
    secretariat: tuple[str, ...]
    factions: dict  # figure → faction
    status: dict  # faction → rung
    blocs: tuple[tuple[str, str], ...]
    cc: dict
    delegates: dict
    prestige: dict
    score: dict
    met: dict  # checkpoint index → held
    achieved: frozenset
    failed: frozenset


def _close(state, rules, checkpoints) -> Close:
    figures = state.figures
    view = state.clone()  # the goals as the engine tracks them right after this moment
    track(view, rules)
    met = {}
    for i, cp in enumerate(checkpoints):
        if cp.date == state.date_text():
            try:
                met[i] = holds(state, cp.condition, rules)
            except (KeyError, TypeError, ValueError):  # a condition naming what these rules lack
                met[i] = None
    return Close(
        date=state.date_text(),
        offices={o: (figures[h].faction if h else None) for o, h in state.offices.items()},
        holders=dict(state.offices),
        politburo=tuple(state.politburo),
        secretariat=tuple(state.secretariat),
        factions={f: s.faction for f, s in figures.items() if s.in_party},
        status={f: s.status for f, s in state.factions.items()},
        blocs=tuple(sorted(state.blocs)),
        cc=dict(state.cc),
        delegates=delegate_shares(state, rules),
        prestige={f: s.prestige for f, s in state.factions.items()},
        score=power_scores(state, rules),
        met=met,
        achieved=frozenset(view.achieved),
        failed=frozenset(view.failed),
    )


@frozen
class Played:
    """A game replayed: its start and final states, each quarter's close, and each action's date."""

    first: object
    last: object
    closes: tuple[Close, ...]
    dated: tuple[tuple[str, Action], ...]


def replay_game(rules, scenario: str, seed: int, actions, checkpoints=()) -> Played:
    state = new_game(rules, scenario, seed)
    first, closes, dated = state, [], []

    def at_close(s) -> None:
        if not closes or closes[-1].date != s.date_text():
            closes.append(_close(s, rules, checkpoints))

    for action in actions:
        dated.append((state.date_text(), action))
        state = apply_action(state, rules, action, at_close)
    if state.outcome is not None:  # a game that ended mid-quarter closes that quarter there
        at_close(state)
    return Played(first, state, tuple(closes), tuple(dated))


def opening_of(state, rules) -> Close:
    """The start of a game, read like a close (its checkpoints are not judged)."""
    return _close(state, rules, ())


def _changes(rules, fid: str, before: Close, after: Close) -> list[Milestone]:
    """What changed for a faction between two closes, in the chronicle's order of importance."""
    out = []
    if before.status.get(fid) != after.status.get(fid) and fid in after.status:
        text = sentence(rules, "status", {"faction": fid, "status": after.status[fid], "leader_deported": True})
        out.append(Milestone(after.date, "status", text, (fid,)))
    return (
        out
        + _office_changes(rules, fid, before, after)
        + _seat_changes(rules, fid, before, after)
        + (_bloc_changes(rules, fid, before, after))
    )


def _named(table, key) -> str:
    return table[key].name if key in table else key.replace("_", " ")


def _office_changes(rules, fid: str, before: Close, after: Close) -> list[Milestone]:
    date, out = after.date, []
    gensec = rules.settings.roles.general_secretary
    for office in sorted(set(before.holders) | set(after.holders)):
        was, now = before.holders.get(office), after.holders.get(office)
        if was == now:
            continue
        kind = "secretariat" if office == gensec else "office"
        if now is not None and after.offices.get(office) == fid:
            text = f"{_named(rules.figures, now)} becomes {_named(rules.offices, office)}"
            out.append(Milestone(date, kind, text, (fid, now, office)))
        if was is not None and before.offices.get(office) == fid:
            text = f"{_named(rules.figures, was)} is no longer {_named(rules.offices, office)}"
            out.append(Milestone(date, kind, text, (fid, was, office)))
    return out


def _seat_changes(rules, fid: str, before: Close, after: Close) -> list[Milestone]:
    """The faction's men entering or leaving the Secretariat and the Politburo."""
    date, out = after.date, []
    for body, label, kind in (
        ("secretariat", "the Secretariat", "secretariat"),
        ("politburo", "the Politburo", "politburo"),
    ):
        was, now = set(getattr(before, body)), set(getattr(after, body))
        for fig in sorted(now - was):
            if after.factions.get(fig) == fid:
                out.append(Milestone(date, kind, f"{_named(rules.figures, fig)} enters {label}", (fid, fig, body)))
        for fig in sorted(was - now):
            if before.factions.get(fig) == fid:
                out.append(Milestone(date, kind, f"{_named(rules.figures, fig)} leaves {label}", (fid, fig, body)))
    return out


def _bloc_changes(rules, fid: str, before: Close, after: Close) -> list[Milestone]:
    date, out = after.date, []
    was, now = set(before.blocs), set(after.blocs)
    for pair in sorted(now - was):
        if fid in pair:
            other = pair[1] if pair[0] == fid else pair[0]
            out.append(Milestone(date, "bloc", f"A bloc with {_named(rules.factions, other)}", pair))
    for pair in sorted(was - now):
        if fid in pair:
            other = pair[1] if pair[0] == fid else pair[0]
            out.append(Milestone(date, "bloc", f"The bloc with {_named(rules.factions, other)} ends", pair))
    return out


def _congresses(rules, state, fid: str) -> list[Milestone]:
    """Each Congress of a game: the faction's delegates and the Central Committee seats it won."""
    out, meeting = [], None
    for e in state.log:
        if e.visible_to is not None:
            continue
        data = dict(e.data)
        if e.event == "congress_meets":
            delegates = dict(data["delegates"])
            meeting = (e.turn, data["name"], delegates.get(fid, 0), sum(delegates.values()))
        elif e.event == "central_committee_elected" and meeting is not None and meeting[0] == e.turn:
            seats = dict(data["seats"])
            turn, title, mine, total = meeting
            text = f"{title}: {mine} of {total} delegates, {seats.get(fid, 0)} of {sum(seats.values())} CC seats"
            out.append(Milestone(state.date_text(turn), "congress", text, (fid,)))
            meeting = None
    return out


def timeline_of(rules, played: Played, fid: str, first: str, last: str, start: Close) -> tuple:
    """What changed for a faction at each close of the span, each against the close before; the
    span's first quarter against ``start``, the scenario's opening — for history's line too, so
    that what a scenario already has at its start is not counted as a change of its first quarter."""
    closes = [c for c in played.closes if first <= c.date <= last]
    before, out = start, []
    for close in closes:
        out += _changes(rules, fid, before, close)
        before = close
    out += [m for m in _congresses(rules, played.last, fid) if first <= m.date <= last]
    order = {c.date: i for i, c in enumerate(closes)}
    return tuple(sorted(out, key=lambda m: order.get(m.date, len(order))))  # stable: same quarter keeps order
