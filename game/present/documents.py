"""The five source documents as a reader shows them: what kind of source each is and how far to
trust it (from ``seeds/index.yaml``), and their lines, a page at a time, with the cited ones marked.

>>> from game.ruleset.loader import load_base
>>> root = load_base().root
>>> doc = documents(root)["seeds/003_c883042536804572.txt"]
>>> doc.author, doc.kind
('Leon Trotsky', 'essay (letter)')
>>> page = page_of(root, doc, 10, 12)
>>> page.first <= 10 <= 12 <= page.last, [n for n, _, cited in page.lines if cited]
(True, [10, 11, 12])
"""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from game.present.explain import seed_documents

#: lines of a document on one page of the reader
PAGE = 120
#: lines shown before the first cited one, where the page allows
LEAD = 12


@frozen
class Document:
    file: str  # seeds/FILE, as rules cite it
    id: str
    title: str
    author: str
    date: str
    kind: str
    #: what kind of source it is and how far to trust it, in a few sentences
    about: str = ""

    @property
    def heading(self) -> str:
        """“Title”, kind by author, date."""
        return f"“{self.title}”, {self.kind} by {self.author}, {self.date}"


@frozen
class Page:
    """Lines ``first``..``last`` (1-based, inclusive) of a document of ``total`` lines, each as
    (number, text, cited)."""

    first: int
    last: int
    total: int
    lines: tuple[tuple[int, str, bool], ...]


def documents(root) -> dict[str, Document]:
    """Every document of the seeds' index, by the path rules cite (``seeds/FILE``)."""
    out = {}
    for path, entry in seed_documents(root).items():
        out[path] = Document(
            file=path,
            id=str(entry.get("id", path)),
            title=str(entry.get("title", path)),
            author=str(entry.get("author", "an unknown author")),
            date=str(entry.get("date", "undated")),
            kind=str(entry.get("kind", "document")),
            about=" ".join(str(entry.get("about", "")).split()),
        )
    return out


def text_lines(root, doc: Document) -> list[str]:
    """The document's lines (empty if it cannot be read)."""
    try:
        lines = (Path(root) / doc.file).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []
    return lines[:-1] if lines and not lines[-1] else lines  # the newline that ends the last line


def page_of(root, doc: Document, lo: int = 1, hi: int | None = None, first: int | None = None) -> Page:
    """The page of the reader that opens at lines ``lo``..``hi`` (the cited passage, marked): it
    begins :data:`LEAD` lines before them, or at ``first`` when the reader turns the pages."""
    lines = text_lines(root, doc)
    total = len(lines)
    hi = lo if hi is None else hi
    if first is None:  # a document of whole paragraphs a line: the passage near the top
        long = total and sum(len(line) for line in lines) / total > 160
        first = max(1, lo - (2 if long else LEAD))
    first = max(1, min(first, max(1, total - PAGE + 1)))
    last = min(total, first + PAGE - 1)
    rows = tuple((n, lines[n - 1], lo <= n <= hi) for n in range(first, last + 1))
    return Page(first, last, total, rows)
