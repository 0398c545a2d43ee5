"""The debrief's other sections: each goal met or failed, power at each close, the events that
fired with their sources, the computer seats' reasons for their key moves, and the scenario's
discussion questions."""

from __future__ import annotations

from types import SimpleNamespace

from attrs import evolve

from game.engine import Action
from game.engine.actions import CHOOSE
from game.engine.objectives import FAILED, MET, standing
from game.present import ending
from game.present.chronicle import render
from game.present.debrief.closes import Played
from game.present.debrief.model import EventNote, GoalNote, PowerSeries, Question, Reason, Source
from game.present.explain import citation_passage, design_words, document_line, seed_documents

#: moves that are the daily work of a faction; every other kind (motions, blocs, appeals to the
#: rank and file, recantations, the army...) is a key move whose reason the debrief shows.  A new
#: kind is key until it is listed here
ROUTINE = frozenset({"pass", "cultivate", "publish", "speak", "entrench", "mobilise", "appoint", "underground"})


#: the longest passage quoted from a document (characters); the rest is in the document
PASSAGE_CAP = 700


def goal_notes(rules, played: Played, fid: str) -> tuple[GoalNote, ...]:
    st = standing(played.last, rules, fid)
    if st is None:
        return ()
    key = f"{fid}:"
    out = []
    for g in st.goals:
        quarter = None
        if g.when == "ever" and g.status == MET:
            quarter = next((c.date for c in played.closes if key + g.goal in c.achieved), None)
        elif g.when == "always" and g.status == FAILED:
            quarter = next((c.date for c in played.closes if key + g.goal in c.failed), None)
        elif g.when == "ever" and g.status == FAILED:
            quarter = g.by or played.last.date_text()
        elif g.when == "end" and played.last.outcome is not None:
            quarter = played.last.date_text()
        out.append(GoalNote(g.goal, g.name, g.points, g.when, g.status, g.scored, quarter))
    return tuple(out)


def power_series(closes, fid: str, rules) -> PowerSeries:
    def pct(c):
        total = sum(c.cc.values()) or 1
        return c.cc.get(fid, 0) * 100 // total

    return PowerSeries(
        dates=tuple(c.date for c in closes),
        offices=tuple(sum(1 for f in c.offices.values() if f == fid) for c in closes),
        politburo=tuple(sum(1 for f in c.politburo if c.factions.get(f) == fid) for c in closes),
        cc_share=tuple(pct(c) for c in closes),
        delegates=tuple(c.delegates.get(fid, 0) for c in closes),
        prestige=tuple(c.prestige.get(fid, 0) for c in closes),
        score=tuple(c.score.get(fid, 0) for c in closes),
    )


def sources(rules, citations) -> tuple[Source, ...]:
    """Cited documents named as a student reads them (title, kind, author, date) with the passage
    the quote stands in, cleaned of scanning slips (both through :mod:`explain`)."""
    documents = seed_documents(rules.root)
    out = []
    for c in citations:
        passage = ""
        if c.seed:  # the lines alone: the document, the place and the quote are fields of their own
            told = citation_passage(rules.root, evolve(c, quote="", says=None)).split("\n")
            passage = "\n".join(told[1:]).strip()
        if len(passage) > PASSAGE_CAP:
            passage = passage[:PASSAGE_CAP].rsplit(" ", 1)[0] + " …”"
        doc = documents.get(c.seed or "")
        title = document_line(doc) if doc else (c.outside or c.seed or "")
        out.append(Source(title, c.seed, c.lines, " ".join(c.quote.split()), c.outside, c.says, passage))
    return tuple(out)


def event_notes(rules, state) -> tuple[EventNote, ...]:
    chosen: dict[tuple[int, str], list[str]] = {}
    for e in state.log:
        if e.visible_to is None and e.event == "choice":
            d = dict(e.data)
            chosen.setdefault((e.turn, d["event"]), []).append(render(rules, e))
    out = []
    for e in state.log:
        if e.visible_to is not None or e.event != "event":
            continue
        eid = dict(e.data)["event"]
        ev = rules.events.get(eid)
        if ev is None:
            continue
        out.append(
            EventNote(
                date=state.date_text(e.turn),
                event=eid,
                name=ev.name,
                text=" ".join(ev.text.split()),
                choices=tuple(chosen.get((e.turn, eid), ())),
                sources=sources(rules, ev.source),
                design=design_words(ev.design) if ev.design else None,
            )
        )
    return tuple(out)


def is_key(rules, action: Action) -> bool:
    """A move whose reason the debrief shows: an event's choice, or any kind not routine."""
    if action.name == CHOOSE:
        return True
    rule = rules.actions.get(action.name)
    return rule is not None and rule.kind not in ROUTINE


def reason_notes(rules, actions, reasons) -> tuple[Reason, ...]:
    keyed, seen = [], set()
    for r in reasons:
        if 0 <= r[0] < len(actions) and is_key(rules, actions[r[0]]):
            once = (r[1], r[2], actions[r[0]].name)  # a kind of move repeated in a quarter: its first reason
            if actions[r[0]].name == CHOOSE or once not in seen:
                keyed.append(r)
                seen.add(once)
    match = SimpleNamespace(record=SimpleNamespace(actions=list(actions)), reasons=keyed)
    lines = ending.reason_lines(rules, match)
    return tuple(Reason(r[1], r[2], line) for r, line in zip(keyed, lines, strict=True))


def questions_of(rules, scenario) -> tuple[Question, ...]:
    return tuple(
        Question(" ".join(q.text.split()), sources(rules, q.source))
        for q in getattr(rules.scenarios[scenario], "questions", ())
    )
