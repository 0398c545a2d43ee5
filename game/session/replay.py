"""Replay files: a plain-text header, the seed, the action list, and the final state hash.

::

    # Succession replay
    format: 1
    scenario: succession_1923
    seed: 7
    mods:
    actions:
    appoint_secretary stalin ukraine
    ...
    final: 3f5a...

Loading replays every action through the legality check, so a bad file fails loudly with the
line at fault instead of yielding a corrupt game.  Files are written atomically.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from attrs import define, field

from game.engine import Action, ActionSyntaxError, IllegalActionError, apply_action, new_game

FORMAT = 1
HEADER = "# Succession replay"


class ReplayError(Exception):
    """A replay file that cannot be read or does not replay; ``str`` is ``file:line: message``."""


@define
class Replay:
    scenario: str
    seed: int
    actions: list[Action] = field(factory=list)
    final: str | None = None
    mods: list[str] = field(factory=list)
    action_lines: list[int] = field(factory=list)

    def to_text(self) -> str:
        lines = [HEADER, f"format: {FORMAT}", f"scenario: {self.scenario}", f"seed: {self.seed}",
                 f"mods: {' '.join(self.mods)}".rstrip(), "actions:"]
        lines += [a.to_text() for a in self.actions]
        if self.final:
            lines.append(f"final: {self.final}")
        return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and ``os.replace``: never a half file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def parse(text: str, name: str = "<replay>") -> Replay:
    lines = text.split("\n")
    if not lines or lines[0].strip() != HEADER:
        raise ReplayError(f"{name}:1: not a Succession replay (first line must be '{HEADER}')")
    head: dict[str, str] = {}
    i = 1
    while i < len(lines) and lines[i].strip() != "actions:":
        line = lines[i].strip()
        if line and not line.startswith("#"):
            key, sep, value = line.partition(":")
            if not sep:
                raise ReplayError(f"{name}:{i + 1}: expected 'key: value', got {line!r}")
            head[key.strip()] = value.strip()
        i += 1
    if i >= len(lines):
        raise ReplayError(f"{name}:{i}: missing 'actions:' line")
    for key in ("format", "scenario", "seed"):
        if key not in head:
            raise ReplayError(f"{name}:1: missing '{key}:' in the header")
    if head["format"] != str(FORMAT):
        raise ReplayError(f"{name}:2: format {head['format']} is not supported (this game reads {FORMAT})")
    try:
        seed = int(head["seed"])
    except ValueError:
        raise ReplayError(f"{name}:1: seed must be a whole number, got {head['seed']!r}") from None
    replay = Replay(head["scenario"], seed, mods=head.get("mods", "").split())
    for j in range(i + 1, len(lines)):
        line = lines[j].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("final:"):
            replay.final = line.partition(":")[2].strip()
            continue
        try:
            replay.actions.append(Action.parse(line))
        except ActionSyntaxError as exc:
            raise ReplayError(f"{name}:{j + 1}: {exc}") from None
        replay.action_lines.append(j + 1)
    return replay


def load(path: Path) -> Replay:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReplayError(f"{path}:1: cannot read: {exc}") from None
    return parse(text, str(path))


def run(replay: Replay, rules, name: str = "<replay>"):
    """Replay every action with the legality check; returns the final state."""
    if replay.scenario not in rules.scenarios:
        raise ReplayError(f"{name}:3: unknown scenario '{replay.scenario}'")
    state = new_game(rules, replay.scenario, replay.seed)
    lines = replay.action_lines or [0] * len(replay.actions)
    for action, line in zip(replay.actions, lines, strict=True):
        try:
            state = apply_action(state, rules, action)
        except IllegalActionError as exc:
            raise ReplayError(f"{name}:{line}: {exc}") from None
    return state
