"""The state of play in words: the agenda and when each item is voted, what is coming in the
quarters ahead, the regions' table and whom each delegation would follow (and why), and the trackers
on their labelled scales."""

from __future__ import annotations

from attrs import frozen

from game.engine.preview import (
    Coming,
    coming,
    motion_forecast,
)
from game.engine.views import View
from game.present.forecasts import change_text, condition_text
from game.present.naming import faction_name, short_faction
from game.present.words import motion_label


def agenda_lines(rules, view: View) -> list[str]:
    """Each motion on the agenda, when it will be voted, and how it would go if voted now (the
    engine's own vote on the game as the viewer sees it)."""
    out = []
    for item in view.agenda:
        forecast = motion_forecast(view, rules, item.motion, item.args, item.proposer)
        verdict = "would pass" if forecast.passes else "would fail"
        extra = f", {forecast.abstain} abstaining" if forecast.abstain else ""
        now = f"if voted now it {verdict} {forecast.yes}–{forecast.no}{extra} (needs over {forecast.threshold}%)"
        label = motion_label(rules, item.motion, item.args)
        body = rules.bodies[item.body].name if item.body else ""
        if item.at_congress:
            when = "waits for the next Congress (none is called yet)"
        elif rules.bodies[item.body].kind == "congress":
            when = f"at the Congress that meets at the close of {view.date}"
        else:
            when = f"voted by the {body} at the close of {view.date}"
        out.append(f"{label} (moved by {faction_name(rules, item.proposer)}) — {when}; {now}")
    return out


def coming_lines(rules, view: View) -> list[str]:
    """The events due at the opening of the next quarter that concern the viewer, in words: whether
    they would happen as things stand, what they would do to it, and the lines on a faction's
    numbers they turn on ('Trotsky's exposure is 5 or more (so now)'), so that a player sees a
    censure coming before the move that brings it on, and what would stop it."""
    return [coming_text(rules, view, c) for c in coming(view, rules)]


def coming_text(rules, view: View, c: Coming) -> str:
    event = rules.events[c.event]
    if c.happens:
        verdict = "may happen (it is a matter of chance)" if c.chance else "will happen as things stand"
    else:
        verdict = "will not happen as things stand"
    parts = [f"Due {c.due}: '{event.name}' {verdict}"]
    if c.changes:
        parts.append(
            ("it would bring: " if c.happens else "it would bring, if it did: ")
            + "; ".join(change_text(rules, ch) for ch in c.changes)
        )
    if c.asks_you:
        parts.append("it puts a choice to you")
    if c.options:
        chooser = faction_name(rules, event.choice.faction)
        names = {o.id: o.name for o in event.choice.options}
        parts.append(
            "; ".join(
                f"should {chooser} choose '{names[oid]}': " + "; ".join(change_text(rules, ch) for ch in changes)
                for oid, changes in c.options
            )
        )
    if c.lines:
        parts.append(
            "it turns on: "
            + "; ".join(f"{condition_text(rules, item)} ({'so now' if ok else 'not so now'})" for item, ok in c.lines)
        )
    return " — ".join(parts)


@frozen
class RegionRow:
    id: str
    name: str
    secretary: str  # the faction's short name, or "-"
    hold: int
    sympathy: tuple[tuple[str, int], ...]  # (faction, sympathy), strongest first
    delegates: int
    follows: str  # whom the delegation would follow now
    why: str  # why, term by term (:func:`delegation_text`)


def region_rows(rules, view: View) -> list[RegionRow]:
    rows = []
    for rid, r in view.regions.items():
        sym = tuple(sorted(((f, s) for f, s in r.sympathy.items() if s), key=lambda p: (-p[1], p[0])))
        rows.append(
            RegionRow(
                rid,
                rules.regions[rid].name,
                short_faction(rules, r.secretary),
                r.loyalty,
                sym,
                r.delegates,
                short_faction(rules, r.follows),
                delegation_text(rules, r.why, r.follows) if r.why is not None else "",
            )
        )
    return rows


def delegation_text(rules, why, follows: str | None) -> str:
    """Why a delegation goes where it does, as the sum the engine made: 'hold 65 + bureaucracy 11
    = 76 ≥ Trotsky's sympathy 71: the secretary's machine delivers it to Stalin'."""
    hold = f"hold {why.hold} + bureaucracy {why.bonus} = {why.total}"
    if why.outcome == "overwhelmed":
        return (
            f"{short_faction(rules, why.rival)}'s sympathy {why.sympathy} > {hold}, and reaches {why.threshold}: "
            f"the rank and file overwhelm {short_faction(rules, why.secretary)}'s secretary and send it to "
            f"{short_faction(rules, follows)}"
        )
    if why.outcome == "machine":
        if why.rival is None:
            text = f"{hold}, and no rival's sympathy"
        elif why.sympathy <= why.total:
            text = f"{hold} ≥ {short_faction(rules, why.rival)}'s sympathy {why.sympathy}"
        else:
            text = (
                f"{short_faction(rules, why.rival)}'s sympathy {why.sympathy} > {hold}, but is under the "
                f"{why.threshold} it takes to overwhelm a secretary"
            )
        text += f": the secretary's machine delivers it to {short_faction(rules, follows)}"
        if why.partner is not None:
            text += (
                f" (the sympathy {why.partner_sympathy} for {short_faction(rules, why.partner)} would overwhelm him, "
                "but a bloc partner's delegates go with his machine)"
            )
        return text
    head = "its secretary's faction may not send delegates" if why.barred else "no secretary"
    if why.rival is None:
        return f"{head}, and no sympathy for any faction: no faction commands it"
    if why.outcome == "sympathy":
        return (
            f"{head}: {short_faction(rules, why.rival)}'s sympathy {why.sympathy} ≥ {why.threshold}, "
            f"so the rank and file send it to {short_faction(rules, follows)}"
        )
    return (
        f"{head}: the strongest sympathy, {why.sympathy} for {short_faction(rules, why.rival)}, is under the "
        f"{why.threshold} it takes: no faction commands it"
    )


def bureaucracy_note(rules, view: View) -> str:
    """Where the bureaucracy's bonus to every secretary's hold comes from (the bonus itself as
    the engine counted it in the delegations)."""
    bonus = next((r.why.bonus for r in view.regions.values() if r.why is not None), None)
    tracker = rules.settings.roles.bureaucracy
    if bonus is None or tracker not in view.trackers:
        return ""
    return (
        f"bureaucracy {bonus}: the {rules.trackers[tracker].name} ({view.trackers[tracker]}) divided by "
        f"{rules.settings.bureaucracy_per_hold}, added to every secretary's hold; the rank and file take a delegation "
        f"from its secretary only with sympathy above that sum and at least {rules.settings.override_threshold}"
    )


def region_explanation(rules, view: View, region_id: str) -> str:
    """A region's delegation if the Congress met now, term by term, from the engine's own
    comparison: its delegates, whom they would follow, and why."""
    r = view.regions[region_id]
    who = faction_name(rules, r.follows) if r.follows else "no faction"
    head = f"{rules.regions[region_id].name}: {r.delegates} delegates, for {who}"
    return head + (f" — {delegation_text(rules, r.why, r.follows)}" if r.why is not None else "")


def region_table(rules, view: View) -> list[str]:
    rows = region_rows(rules, view)
    width = max((len(r.name) for r in rows), default=6)
    out = [f"  {'Region':<{width}}  {'Secretary':<10} {'Hold':>4}  {'Delegates':>9}  {'Follows':<10} Sympathy"]
    for r in rows:
        sym = ", ".join(f"{short_faction(rules, f)} {s}" for f, s in r.sympathy) or "-"
        out.append(f"  {r.name:<{width}}  {r.secretary:<10} {r.hold:>4}  {r.delegates:>9}  {r.follows:<10} {sym}")
    return out


@frozen
class Scale:
    """A tracker on its scale, with the labels of its ends from the rule files."""

    id: str
    name: str
    value: int
    low: int
    high: int
    left: str
    right: str

    def text(self) -> str:
        if self.left and self.right:
            middle = (self.low + self.high) / 2
            if self.value == middle:
                lean = "evenly balanced"
            else:
                side = self.left if self.value < middle else self.right
                lean = f"{abs(self.value - middle):g} towards {side}"
            return f"{self.name}: {self.value} ({lean}; {self.low} {self.left} … {self.high} {self.right})"
        return f"{self.name}: {self.value} of {self.low}–{self.high}"


def scales(rules, view: View) -> list[Scale]:
    out = []
    for tid, value in view.trackers.items():
        rec = rules.trackers[tid]
        out.append(Scale(tid, rec.name, value, rec.low, rec.high, rec.left_label or "", rec.right_label or ""))
    return out
