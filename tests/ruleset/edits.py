"""Editing a scratch copy of the rules, and finding where an edit landed."""

from pathlib import Path


def replace_once(path: Path, old: str, new: str) -> str:
    """Replace the first occurrence of ``old`` in ``path`` by ``new``; returns the new text."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    """1-based number of the line holding the first occurrence of ``needle``."""
    return text[: text.index(needle)].count("\n") + 1
