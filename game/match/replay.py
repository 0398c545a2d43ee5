"""Replay files: a plain-text header, the seed, the action list, and the final state hash.

::

    # Succession replay
    format: 1
    scenario: succession_1923
    seed: 7
    mods: lenin_lives@1.0.0
    rules: 9c1e...
    actions:
    appoint_secretary stalin ukraine
    ...
    check 1925-Q1 | Trotsky is no longer War Commissar | not: {holder: {office: war_commissar, figure: trotsky}}
    final: 3f5a...

``mods:`` names the mods in force as ``id@version`` (never a folder: a replay cannot make the game
read files of its choosing); ``rules:`` is the fingerprint of the rules in force
(:meth:`Rules.fingerprint`), so that a replay played under other rules says so.  A file without
its ``final:`` line is incomplete (an autosave, or a file cut short): it replays, but nothing is
verified.

A ``check`` line is a checkpoint: at the close of the named quarter (after its votes and any
Congress) the condition — written in the rule files' condition vocabulary, as YAML — must hold.

Loading replays every action through the legality check, so a bad file fails loudly with the
line at fault instead of yielding a corrupt game.  Files are written atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from attrs import define, field

from game.engine import Action, ActionSyntaxError, IllegalActionError, apply_action, new_game
from game.engine.effects import holds
from game.ruleset import safeio, yamlpos
from game.ruleset.validate import condition_problems

FORMAT = 1
HEADER = "# Succession replay"


class ReplayError(Exception):
    """A replay file that cannot be read or does not replay; ``str`` is ``file:line: message``."""


@define
class Checkpoint:
    """A condition that must hold at the close of a quarter."""

    date: str  # YYYY-Qn
    text: str
    condition: object  # one condition map, or a list of them
    source: str = ""  # the condition as written
    line: int = 0

    def to_text(self) -> str:
        return f"check {self.date} | {self.text} | {self.source}"


@define
class CheckResult:
    checkpoint: Checkpoint
    met: bool | None  # None: the game never reached the quarter


@define
class Replay:
    scenario: str
    seed: int
    actions: list[Action] = field(factory=list)
    final: str | None = None
    #: ``id@version`` of each mod in force, in load order
    mods: list[str] = field(factory=list)
    #: the fingerprint of the rules in force when recorded (None: not recorded)
    rules: str | None = None
    action_lines: list[int] = field(factory=list)
    checkpoints: list[Checkpoint] = field(factory=list)
    #: comment lines written before the action of that index (ignored when read back)
    comments: dict[int, list[str]] = field(factory=dict)
    #: where the header's lines and the final hash were read (``mods``, ``scenario``, ``final``,
    #: and ``end``: the last line), for messages that name a line
    lines: dict[str, int] = field(factory=dict)

    def to_text(self) -> str:
        lines = [
            HEADER,
            f"format: {FORMAT}",
            f"scenario: {self.scenario}",
            f"seed: {self.seed}",
            f"mods: {' '.join(self.mods)}".rstrip(),
        ]
        if self.rules:
            lines.append(f"rules: {self.rules}")
        lines.append("actions:")
        for i, action in enumerate(self.actions):
            lines += self.comments.get(i, [])
            lines.append(action.to_text())
        lines += [c.to_text() for c in self.checkpoints]
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
    head, i = _header(lines, name)
    replay = Replay(
        head["scenario"], _seed(head, lines, name), mods=_mods(head, lines, name), rules=_rules(head, lines, name)
    )
    replay.lines = {key: _line_of(lines, key + ":") for key in ("mods", "scenario")}
    replay.lines["end"] = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    _body(replay, lines, i + 1, name)
    return replay


def _header(lines: list[str], name: str) -> tuple[dict[str, str], int]:
    """The header's ``key: value`` lines, and the index of the ``actions:`` line after them."""
    head: dict[str, str] = {}
    seen: dict[str, int] = {}
    i = 1
    while i < len(lines) and lines[i].strip() != "actions:":
        line = lines[i].strip()
        if line and not line.startswith("#"):
            key, sep, value = line.partition(":")
            key = key.strip()
            if not sep:
                raise ReplayError(f"{name}:{i + 1}: expected 'key: value', got {line!r}")
            if key not in HEADER_KEYS:
                raise ReplayError(
                    f"{name}:{i + 1}: unknown header line '{key[:40]}:' (a replay's header has "
                    + ", ".join(HEADER_KEYS)
                    + ")"
                )
            if key in seen:
                raise ReplayError(f"{name}:{i + 1}: a second '{key}:' line (the first is line {seen[key]})")
            seen[key] = i + 1
            head[key] = value.strip()
        i += 1
    if i >= len(lines):
        raise ReplayError(f"{name}:{i}: missing 'actions:' line")
    for key in ("format", "scenario", "seed"):
        if key not in head:
            raise ReplayError(f"{name}:1: missing '{key}:' in the header")
    if head["format"] != str(FORMAT):
        raise ReplayError(f"{name}:2: format {head['format']} is not supported (this game reads {FORMAT})")
    return head, i


def _seed(head: dict[str, str], lines: list[str], name: str) -> int:
    """The seed as the game writes it: plain digits, no sign but a minus, no leading zero (``int``
    alone would take ``+3``, ``03`` and other scripts' digits, which no game wrote)."""
    if not _SEED.match(head["seed"]):
        raise ReplayError(
            f"{name}:{_line_of(lines, 'seed:')}: seed must be a whole number in plain digits, with no '+' and no leading zero, got {head['seed'][:40]!r}"
        )
    return int(head["seed"])


def _mods(head: dict[str, str], lines: list[str], name: str) -> list[str]:
    mods = head.get("mods", "").split()
    ids: set[str] = set()
    for mod in mods:
        if not _MOD.match(mod):
            raise ReplayError(
                f"{name}:{_line_of(lines, 'mods:')}: mods: '{mod[:60]}' is not a mod's id@version "
                "(a replay names mods by id, never by folder)"
            )
        mod_id = mod.partition("@")[0]
        if mod_id in ids:
            raise ReplayError(f"{name}:{_line_of(lines, 'mods:')}: mods: '{mod_id}' is named twice")
        ids.add(mod_id)
    return mods


def _rules(head: dict[str, str], lines: list[str], name: str) -> str | None:
    rules = head.get("rules") or None
    if rules is not None and not re.fullmatch(r"[0-9a-f]{64}", rules):
        raise ReplayError(f"{name}:{_line_of(lines, 'rules:')}: rules: expected a 64-digit hex fingerprint")
    return rules


def _body(replay: Replay, lines: list[str], start: int, name: str) -> None:
    """The lines after ``actions:``: the actions, the checkpoints and the final hash."""
    for j in range(start, len(lines)):
        line = lines[j].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("final:"):
            if replay.final is not None:
                raise ReplayError(f"{name}:{j + 1}: a second 'final:' line (the first is line {replay.lines['final']})")
            replay.final = line.partition(":")[2].strip()
            replay.lines["final"] = j + 1
            continue
        if line.startswith("check "):
            replay.checkpoints.append(parse_checkpoint(line, f"{name}:{j + 1}", j + 1))
            continue
        try:
            replay.actions.append(Action.parse(line))
        except ActionSyntaxError as exc:
            raise ReplayError(f"{name}:{j + 1}: {exc}") from None
        replay.action_lines.append(j + 1)


#: the header's lines, as :meth:`Replay.to_text` writes them
HEADER_KEYS = ("format", "scenario", "seed", "mods", "rules")
_SEED = re.compile(r"^-?(0|[1-9][0-9]*)$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MOD = re.compile(r"^[a-z][a-z0-9_]*@\d+(\.\d+){0,2}$")


def _line_of(lines: list[str], prefix: str) -> int:
    return next((i + 1 for i, line in enumerate(lines) if line.strip().startswith(prefix)), 1)


def compare_rules(replay: Replay, rules) -> list[str]:
    """What differs between the rules a replay was recorded with and the rules in force: each
    mod missing, added or at another version, and a changed fingerprint."""
    notes = mod_differences(replay.mods, rules)
    if replay.rules and replay.rules != rules.fingerprint():
        notes.append(
            f"the rules in force differ from those this was recorded with (rules {replay.rules[:12]}…, "
            f"now {rules.fingerprint()[:12]}…)"
        )
    return notes


def mod_differences(mods: list[str], rules) -> list[str]:
    """Each mod of ``mods`` (``id@version``, as recorded) missing from the rules in force or at
    another version, and each mod in force that was not recorded."""
    recorded = dict(m.partition("@")[::2] for m in mods)
    now = {m.id: m.version for m in rules.mods}
    notes = []
    for mod_id, version in recorded.items():
        if mod_id not in now:
            notes.append(f"mod '{mod_id}' (version {version}) was in force when this was recorded, and is not now")
        elif now[mod_id] != version:
            notes.append(f"mod '{mod_id}' has changed: recorded with version {version}, now version {now[mod_id]}")
    notes += [f"mod '{m}' is in force now but was not when this was recorded" for m in now if m not in recorded]
    return notes


def parse_checkpoint(line: str, where: str, number: int) -> Checkpoint:
    """A ``check YYYY-Qn | what | condition`` line; ``where`` prefixes any error message."""
    parts = [p.strip() for p in line[len("check ") :].split(" | ")]
    if len(parts) != 3:
        raise ReplayError(f"{where}: a checkpoint is 'check YYYY-Qn | what | condition'")
    date, text, source = parts
    if not _QUARTER.match(date):
        raise ReplayError(f"{where}: checkpoint date must be YYYY-Qn, got {date!r}")
    try:  # the rule files' own guards: no tags, no aliases, bounded nesting and numbers
        condition = yamlpos.plain(yamlpos.load(source))
    except yamlpos.YamlError as exc:
        raise ReplayError(f"{where}: checkpoint condition is not valid YAML: {exc.message}") from None
    return Checkpoint(date, text, condition, source, number)


def load(path: Path) -> Replay:
    """Read a replay file: a regular file under :data:`safeio.MAX_REPLAY`, UTF-8 text."""
    try:
        text = safeio.read_text(Path(path), safeio.MAX_REPLAY)
    except safeio.UnsafeFileError as exc:
        raise ReplayError(f"{path}:{exc.line}: {exc}") from None
    return parse(text, str(path))


def run(replay: Replay, rules, name: str = "<replay>"):
    """Replay every action with the legality check; returns the final state."""
    return run_checked(replay, rules, name)[0]


def run_checked(replay: Replay, rules, name: str = "<replay>"):
    """Replay every action with the legality check and test every checkpoint at the close of its
    quarter.  Returns (final state, [CheckResult in file order])."""
    if replay.scenario not in rules.scenarios:
        raise ReplayError(f"{name}:{replay.lines.get('scenario', 3)}: unknown scenario '{replay.scenario}'")
    for cp in replay.checkpoints:
        problems = condition_problems(rules, cp.condition)
        if problems:
            raise ReplayError(f"{name}:{cp.line}: checkpoint condition: {problems[0]}")
    met: dict[int, bool] = {}

    def at_turn_end(state) -> None:
        now = state.date_text()
        for i, cp in enumerate(replay.checkpoints):
            if cp.date == now and i not in met:
                met[i] = holds(state, cp.condition, rules)

    state = new_game(rules, replay.scenario, replay.seed)
    lines = replay.action_lines or [0] * len(replay.actions)
    for action, line in zip(replay.actions, lines, strict=True):
        try:
            state = apply_action(state, rules, action, at_turn_end)
        except IllegalActionError as exc:
            raise ReplayError(f"{name}:{line}: {exc}") from None
    if state.outcome is not None:  # a game that ended mid-quarter closes that quarter there
        at_turn_end(state)
    return state, [CheckResult(cp, met.get(i)) for i, cp in enumerate(replay.checkpoints)]
