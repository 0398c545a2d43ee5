"""What the rule checkers report, and the few words they all use to say it.

Every module of the ruleset that finds something wrong (the loader, the mods, the validator, the
sanity checks) reports a :class:`Problem`; they share the way a file is named in a message
(:func:`file_label`), the "did you mean" hint (:func:`closest`) and the singular of a kind
(:func:`singular`).  Nothing here reads a file or imports YAML, so the lowest modules can use it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from attrs import frozen

ERROR, WARNING = "error", "warning"


@frozen(order=True)
class Problem:
    """One problem found in the rules: an ``error`` stops the rules from loading, a ``warning``
    (something that is legal but almost certainly not what was meant) does not.

    >>> str(Problem("figures.yaml", 3, 5, "unknown faction 'stallin'", "kamenev"))
    "figures.yaml:3:5: error: unknown faction 'stallin' [kamenev]"
    """

    file: str
    line: int
    col: int
    message: str
    id: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        tag = f" [{self.id}]" if self.id else ""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}{tag}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
            "id": self.id,
        }


def errors(problems) -> list[Problem]:
    """The problems that stop the rules from loading."""
    return [p for p in problems if p.is_error]


class RulesError(Exception):
    """Raised by :func:`game.ruleset.loader.load_base` with every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def closest(name: str, options) -> str | None:
    """The option most like ``name``, for a "did you mean" hint (None when none is close).

    >>> closest("stallin", ["stalin", "trotsky"])
    'stalin'
    """
    found = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
    return found[0] if found else None


def singular(kind: str) -> str:
    """``bodies`` → body, ``press`` → organ, ``figures`` → figure.

    >>> [singular(k) for k in ("bodies", "press", "figures")]
    ['body', 'organ', 'figure']
    """
    return {"bodies": "body", "press": "organ"}.get(kind, kind[:-1])


def file_label(path: Path, root: Path, folder: Path | None = None) -> str:
    """How a file is named in messages: its path from the project root (symlinks not followed,
    so a link is named where it lies), else its mod folder's name and its path inside it."""
    here = Path(os.path.abspath(path))
    try:
        return here.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        pass
    if folder is not None:
        try:
            return f"{Path(os.path.abspath(folder)).name}/{here.relative_to(os.path.abspath(folder)).as_posix()}"
        except ValueError:
            pass
    return f"{here.parent.name}/{here.name}" if here.parent.name else here.name
