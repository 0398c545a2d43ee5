"""Words for the window that :mod:`game.session.present` does not give: the date of a turn, a
scenario's span and factions, and the cited passage of a source document at its lines.

Nothing here reads the game state.
"""

from __future__ import annotations

from pathlib import Path

import yaml


def citation_passage(rules_root, citation) -> str:
    """The cited lines of a seed document, read from ``seeds/`` (or the quote, if it cannot be read)."""
    head = []
    if citation.seed and citation.lines:
        path = Path(rules_root) / citation.seed
        try:
            text = path.read_text(encoding="utf-8").split("\n")
            first, _, last = str(citation.lines).partition("-")
            lo, hi = int(first), int(last or first)
            head = [f"{citation.seed}, lines {citation.lines}:", ""] + text[max(lo - 1, 0) : hi]
        except (OSError, ValueError, UnicodeDecodeError):
            head = [f"{citation.seed}, lines {citation.lines} (the document could not be read)"]
    elif citation.outside:
        head = [f"Outside the documents: {citation.outside}"]
    if citation.quote:
        head += ["", f"Quoted: “{' '.join(citation.quote.split())}”"]
    if citation.says:
        head += ["", " ".join(citation.says.split())]
    return "\n".join(head)


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


def seed_titles(root) -> dict[str, str]:
    """``seeds/FILE`` → "title (author, date)", from the seeds' index (empty if it cannot be read)."""
    try:
        index = yaml.safe_load((Path(root) / "seeds" / "index.yaml").read_text(encoding="utf-8"))
        return {f"seeds/{s['file']}": f"{s['title']} ({s['author']}, {s['date']})" for s in index["seeds"]}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return {}


def sources_text(rules, citations, design: str | None = None) -> str:
    """Every cited passage, each under its document's title; a design choice says so."""
    titles = seed_titles(rules.root)
    parts = [
        (titles.get(c.seed or "", "") + "\n" if c.seed in titles else "") + citation_passage(rules.root, c)
        for c in citations
    ]
    if design:
        parts.append("Design choice: " + " ".join(design.split()))
    return "\n\n".join(parts) or "No source is cited."
