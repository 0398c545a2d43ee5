"""The encyclopedia's entries as they are named in running text: which words name which entry, and
an entry's text as a pygame_gui text box's markup with the other entries it mentions made links
(``<a href='kind.id'>``; a glossary term's href is its bare id).  The encyclopedia shows the links
and follows them; the board finds the entry a tooltip names (F1).  Not a screen: both import it."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from game.ruleset.records import ENCYCLOPEDIA_KINDS, entry_ref


def escape(words: str) -> str:
    """Plain text for a pygame_gui text box (its markup is a small HTML)."""
    return html.escape(words).replace("\n", "<br>")


#: the kinds whose names (and a figure's surname) are linked where an entry's text mentions them;
#: events and scenarios are linked from ``see`` lists only (their names are whole sentences)
NAMED = ("glossary", "figures", "offices", "bodies", "press", "regions")


def _names(kind: str, rec) -> list[str]:
    """The words that name an entry in running text."""
    bare = re.sub(r"\s*\(.*\)$", "", rec.name)  # "Rabkrin (Workers' and Peasants' Inspection)"
    names = [rec.name, bare]
    if kind == "glossary":
        names += [re.sub(r"^The ", "", bare)] + list(rec.also)
    elif kind == "figures":
        names.append(rec.name.split()[-1])
    return [n for n in names if len(n) > 2]


@lru_cache(maxsize=4)
def _mention_table(rules) -> tuple[re.Pattern | None, dict[str, str]]:
    """(a pattern matching any entry's name, name → ``kind.id``): the first kind to claim a name
    keeps it (the glossary before the bodies), and a name two entries share links neither."""
    owner: dict[str, str] = {}
    shared: set[str] = set()
    for kind in NAMED:
        claimed: dict[str, str] = {}
        for entry_id, rec in getattr(rules, kind).items():
            ref = entry_id if kind == "glossary" else f"{kind}.{entry_id}"
            for name in _names(kind, rec):
                if claimed.get(name, ref) != ref:
                    shared.add(name)
                claimed[name] = ref
        for name, ref in claimed.items():
            owner.setdefault(name, ref)
    owner = {n: r for n, r in owner.items() if n not in shared}
    if not owner:
        return None, owner
    words = sorted(owner, key=len, reverse=True)  # the longest name first: "Lenin's Testament", not "Lenin"
    return re.compile(r"(?<![\w'’])(" + "|".join(map(re.escape, words)) + r")(?![\w])"), owner


def linked(rules, words: str, own: str | None = None) -> str:
    """``words`` as a text box's markup: escaped (a mod's text is shown as text, never as markup),
    with the first mention of each other entry a link to it (``own``: the entry itself, not linked).

    >>> from game.ruleset import BASE, PROJECT
    >>> from game.ruleset.loader import load_rules
    >>> rules = load_rules([BASE], PROJECT)[0]
    >>> linked(rules, "Stalin ran the Secretariat; <b>Stalin</b>.")
    "<a href='figures.stalin'>Stalin</a> ran the <a href='secretariat'>Secretariat</a>; &lt;b&gt;Stalin&lt;/b&gt;."
    """
    words = " ".join(words.split())
    pattern, owner = _mention_table(rules)
    if pattern is None:
        return escape(words)
    out, at, done = [], 0, {own}
    for m in pattern.finditer(words):
        ref = owner[m.group(1)]
        if ref in done:
            continue
        done.add(ref)
        out += [escape(words[at : m.start()]), link(ref, m.group(1))]
        at = m.end()
    out.append(escape(words[at:]))
    return "".join(out)


def link(ref: str, words: str) -> str:
    """A link to the entry ``ref`` (``kind.id``, or a glossary id) reading ``words``."""
    return f"<a href='{html.escape(ref, quote=True)}'>{escape(words)}</a>"


def record_of(rules, ref: str):
    """The entry ``ref`` names, or None."""
    kind, entry_id = entry_ref(ref)
    return getattr(rules, kind, {}).get(entry_id) if kind in ENCYCLOPEDIA_KINDS else None


def entry_in(rules, words: str) -> str | None:
    """The first entry ``words`` mention (``kind.id`` or a glossary id), or None: what F1 opens
    over a tooltip on the board."""
    pattern, owner = _mention_table(rules)
    m = pattern.search(words) if pattern is not None else None
    return owner[m.group(1)] if m else None
