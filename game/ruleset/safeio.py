"""Reading files a player or modder hands us, without trusting them.

Rule files, mod manifests and replays all come through :func:`read_text`, which refuses, before
opening anything for reading, what is not a regular file (a folder, a FIFO that would block, a
device such as ``/dev/zero`` that never ends), a file larger than the cap given (checked with
``stat``, then enforced again while reading, so a file that grows meanwhile is refused too) and,
for a mod, a path that leads — through a symlink or ``..`` — outside the folder it must stay in.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: the largest rule file read (the largest base file is about 100 kB)
MAX_RULE_FILE = 4 * 1024 * 1024
#: the largest replay or save read (a whole campaign is about 25 kB)
MAX_REPLAY = 8 * 1024 * 1024


class UnsafeFileError(Exception):
    """A file refused before or while reading it; ``str`` is the reason, without the file name,
    and ``line`` the line at fault (1 when it is the whole file)."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, every symlink resolved, lies within ``folder`` (also resolved)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def read_text(path: Path, limit: int, inside: Path | None = None) -> str:
    """The UTF-8 text of ``path``; raises :class:`UnsafeFileError` for anything suspect."""
    path = Path(path)
    if inside is not None and not is_inside(path, inside):
        raise UnsafeFileError(f"leads outside its folder {inside.name}/ (through a symlink or '..'); refused")
    try:
        info = os.stat(path)  # follows symlinks: it is the target that must be a regular file
    except OSError as exc:
        raise UnsafeFileError(f"cannot read file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError(f"not a regular file ({_kind(info.st_mode)}); refused")
    if info.st_size > limit:
        raise UnsafeFileError(f"file is {_size(info.st_size)}, larger than the {_size(limit)} allowed; refused")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnsafeFileError(f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped between stat and open
            raise UnsafeFileError("not a regular file; refused")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFileError(f"file is larger than the {_size(limit)} allowed; refused")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnsafeFileError(f"not UTF-8 text ({exc.reason})", line) from None


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a plain file"
