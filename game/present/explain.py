"""Words for the window that :mod:`game.present.phrases` does not give: the date of a turn, a
scenario's span and factions, and the cited passages of the source documents as a student reads
them (the document by its title, author, date and kind; the passage cleaned of scanning slips).

Nothing here reads the game state.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def citation_passage(rules_root, citation) -> str:
    """A cited passage as a student reads it: the document named (title, author, date and kind,
    from ``seeds/index.yaml``), the cited lines cleaned of obvious scanning slips (and a note that
    they were), what the rule takes from it; a work outside the documents by its reference."""
    parts = []
    if citation.seed and citation.lines:
        doc = seed_documents(rules_root).get(citation.seed)
        where = document_line(doc) if doc else citation.seed
        lo, hi = citation.line_range()
        span = f"line {lo}" if lo == hi else f"lines {lo}–{hi}"
        try:
            text = (Path(rules_root) / citation.seed).read_text(encoding="utf-8").split("\n")
            passage, cleaned = clean_passage(text[max(lo - 1, 0) : hi])
            if passage[:1].islower():  # the lines begin or end within a sentence
                passage = "…" + passage
            if passage and passage.rstrip(")]”\"'’")[-1:] not in (".", "!", "?"):
                passage += "…"
            parts.append(f"From {where}, {span}:")
            parts.append(f"“{passage}”" + ("\n(passage cleaned of scanning errors)" if cleaned else ""))
        except (OSError, ValueError, UnicodeDecodeError):
            parts.append(f"From {where}, {span} (the document could not be read)")
        quote = " ".join(citation.quote.split())
        if quote and (not parts[-1].startswith("“") or _plain(quote) not in _plain(parts[-1])):
            parts.append(f"The rule quotes: “{quote}”")
    elif citation.outside:
        parts.append(f"From outside the documents: {citation.outside}")
        if citation.quote:
            parts.append(f"“{' '.join(citation.quote.split())}”")
    elif citation.quote:
        parts.append(f"“{' '.join(citation.quote.split())}”")
    if citation.says:
        parts.append("In other words (the rule's paraphrase, not a quotation): " + " ".join(citation.says.split()))
    return "\n".join(parts)


#: obvious slips of the scanned documents' text recognition, and what they stand for
OCR_SLIPS = (
    (re.compile(r"(\w) ?\* ?s\b"), r"\1’s"),  # "Lenin * s death"
    (re.compile(r"(\w)» ?$"), r"\1,"),  # "October 1917» " at a line's end
    (re.compile(r" +([,.;:])"), r"\1"),  # a space before a stop
)


def clean_passage(lines: list[str]) -> tuple[str, bool]:
    """The cited lines as one passage: a word broken at a line's end joined again, blank lines
    between the lines of one passage dropped, obvious recognition slips mended.  Returns the
    passage and whether anything beyond joining the lines was mended.

    >>> clean_passage(["the succession ", "", "struggle after Lenin * s death was deci-", "sive."])
    ('the succession struggle after Lenin’s death was decisive.', True)
    >>> clean_passage(["Trotsky was the logical choice", "to succeed Lenin."])
    ('Trotsky was the logical choice to succeed Lenin.', False)
    """
    kept = [line.strip() for line in lines]
    cleaned = any(not line for line in kept[1:-1])
    out = ""
    for line in (line for line in kept if line):
        fixed = line
        for pattern, repl in OCR_SLIPS:
            fixed = pattern.sub(repl, fixed)
        cleaned = cleaned or fixed != line
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and fixed[:1].islower():
            out, cleaned = out[:-1] + fixed, True
        else:
            out = f"{out} {fixed}" if out else fixed
    return out, cleaned


#: the rule files' shorthand in design notes, in plain words
DESIGN_WORDS = (
    ("Deltas are design choices", "The sizes of these effects are the designers' estimates"),
    ("Deltas are a design choice", "The sizes of these effects are the designers' estimate"),
)


def design_words(design: str) -> str:
    """A design note in plain words (the rule files' shorthand spelled out)."""
    words = " ".join(design.split())
    for jargon, plain in DESIGN_WORDS:
        words = words.replace(jargon, plain)
    return words


def citation_label(root, citation) -> str:
    """Where a citation points, in a line: the document by name and its lines, or the outside work."""
    if citation.seed:
        doc = seed_documents(root).get(citation.seed)
        where = document_line(doc) if doc else citation.seed
        if citation.lines:
            lo, hi = citation.line_range()
            where += f", line {lo}" if lo == hi else f", lines {lo}–{hi}"
        return where
    return f"outside the documents: {citation.outside}" if citation.outside else ""


def _plain(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", words.lower()).strip()


def quarter(start: str, turn: int) -> str:
    """The date of a turn, counted from a scenario's first quarter (``1923-Q3``, 2 → ``1924-Q1``)."""
    year, _, q = start.partition("-Q")
    index = int(q) - 1 + turn
    return f"{int(year) + index // 4}-Q{index % 4 + 1}"


def scenario_span(rules, scenario: str) -> str:
    sc = rules.scenarios[scenario]
    return f"{sc.start} – {quarter(sc.start, sc.turns - 1)}, {sc.turns} turns"


def scenario_factions(rules, scenario: str) -> tuple[str, ...]:
    return tuple(rules.scenarios[scenario].factions) or tuple(rules.factions)


def seed_documents(root) -> dict[str, dict]:
    """``seeds/FILE`` → its entry in the seeds' index (title, author, date, kind); empty if the
    index cannot be read."""
    try:
        index = yaml.safe_load((Path(root) / "seeds" / "index.yaml").read_text(encoding="utf-8"))
        return {f"seeds/{s['file']}": dict(s) for s in index["seeds"]}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return {}


def document_line(doc: dict) -> str:
    """“Title”, kind by author, date."""
    kind = f", {doc['kind']}" if doc.get("kind") else ""
    out = f"“{doc.get('title', '?')}”{kind} by {doc.get('author', 'an unknown author')}"
    return out + (f", {doc['date']}" if doc.get("date") else "")


def seed_titles(root) -> dict[str, str]:
    """``seeds/FILE`` → "title (author, date)", from the seeds' index (empty if it cannot be read)."""
    return {f: f"{d['title']} ({d['author']}, {d['date']})" for f, d in seed_documents(root).items()}


def sources_text(rules, citations, design: str | None = None) -> str:
    """Every cited passage, each with its document named, and the designers' own choice in
    words when there is one."""
    parts = [citation_passage(rules.root, c) for c in citations]
    if design:
        parts.append(f"Design choice (the game's designers', not found in the documents): {design_words(design)}")
    return "\n\n".join(parts) or "No source is cited."
