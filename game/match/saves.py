"""Save files: named saves and the autosave, in the user's data folder.

A save is plain JSON: a format marker and version, the hash of the rule files it was played under,
the replay (scenario, seed, mods, actions), the seats with their players' names, the bots' own
generators, and the digest of the game when it was saved.  Loading replays every action through
the legality check and compares the digest, so a damaged save is refused with one
:class:`SaveError` — a message naming the file — and never half-loaded.  Writes are atomic (a
temporary file, fsync, ``os.replace``): a failed write leaves the previous save as it was.

The folder is ``platformdirs.user_data_dir("succession")`` unless ``SUCCESSION_DATA_DIR`` names
another (a classroom machine, a test).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from attrs import frozen

from game.engine import Action, ActionSyntaxError, IllegalActionError, apply_action
from game.match import replay
from game.match.match import Match, Options, Seat, SeatError
from game.match.replay import mod_differences
from game.ruleset import safeio

MARKER = "succession_save"
FORMAT = 1
SUFFIX = ".save"
AUTOSAVE = "autosave"
NAME = re.compile(r"^[\w][\w .-]{0,63}$")


class SaveError(Exception):
    """A save that cannot be written or loaded; ``str`` is the whole message, naming the file."""


def data_dir() -> Path:
    """Where the game keeps its saves (and the window its settings)."""
    override = os.environ.get("SUCCESSION_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("succession", appauthor=False))


def saves_dir() -> Path:
    return data_dir() / "saves"


def path_of(name: str) -> Path:
    """The file of a named save; the name is checked (letters, digits, space, ``. _ -``)."""
    name = name.strip()
    if not NAME.match(name) or name.startswith("."):
        raise SaveError(f"{name!r} cannot name a save: use letters, digits, spaces, '.', '_' or '-' (at most 64)")
    return saves_dir() / (name + SUFFIX)


def rules_hash(rules) -> str:
    """The fingerprint of the rules in force (base and mods): equal when they play the same.
    Hashing every record takes tens of ms; the rules keep it, so autosaves do not repeat it."""
    return rules.fingerprint()[:16]


# --- writing --------------------------------------------------------------------------------------


def to_data(match: Match) -> dict:
    bots = {f: b.state for f, b in sorted(match.bots.items()) if isinstance(getattr(b, "state", None), int)}
    return {
        MARKER: FORMAT,
        "rules": rules_hash(match.rules),
        "scenario": match.scenario,
        "seed": match.seed,
        "mods": list(match.mods),
        "seats": {f: {"kind": s.kind, "level": s.level, "name": s.name} for f, s in match.seats.items()},
        "bots": bots,
        "date": match.state.date_text(),
        "turn": match.state.turn,
        "over": match.over,
        "actions": [a.to_text() for a in match.record.actions],
        "digest": match.state.digest(),
        "reasons": [list(r) for r in match.reasons],
        "options": match.options.to_data(),
    }


def write(match: Match, path: Path) -> None:
    """Save a match to ``path`` atomically; raises SaveError if the file cannot be written."""
    text = json.dumps(to_data(match), indent=1, ensure_ascii=False) + "\n"
    try:
        replay.write_atomic(Path(path), text)
    except OSError as exc:
        raise SaveError(f"{path}: cannot write the save: {exc.strerror or exc}") from None


def save_named(match: Match, name: str) -> Path:
    path = path_of(name)
    write(match, path)
    return path


def autosave(match: Match) -> Path:
    """Write the autosave (each quarter and on quit); raises SaveError if it cannot.  Temporary
    files that an autosave cut off by a crash or a kill left behind go first."""
    path = saves_dir() / (AUTOSAVE + SUFFIX)
    clear_orphans(path)
    write(match, path)
    return path


#: a temporary file of a save older than this (seconds) belongs to a write that never finished: a
#: write takes milliseconds, so another game writing the same save now is never this slow
ORPHAN_AGE = 60.0


def clear_orphans(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that unfinished writes of ``path`` left beside it (those of
    :func:`replay.write_atomic`, older than :data:`ORPHAN_AGE`); returns what was removed."""
    import time

    now = time.time() if now is None else now
    gone = []
    try:
        candidates = list(Path(path).parent.glob(Path(path).name + ".*.tmp"))
    except OSError:
        return gone
    for tmp in candidates:
        try:
            if tmp.is_file() and not tmp.is_symlink() and now - tmp.stat().st_mtime > ORPHAN_AGE:
                tmp.unlink()
                gone.append(tmp)
        except OSError:
            continue  # another process's, or not ours to remove: leave it
    return gone


def autosaving(match: Match, report=None) -> Match:
    """Autosave the match at the close of every quarter.  A failing autosave does not stop the
    game: ``report(message)`` is told once, and autosaving stops."""

    def hook(m: Match) -> None:
        try:
            autosave(m)
        except SaveError as exc:
            m.on_turn_end = None
            if report is not None:
                report(f"cannot autosave: {exc}; the game goes on without autosave")

    match.on_turn_end = hook
    return match


# --- reading --------------------------------------------------------------------------------------


def peek(path: Path) -> dict:
    """The save's header, checked but not replayed: scenario, seed, mods, seats, date, turn.
    Raises SaveError for a file that is not a readable save of a format this game knows."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise SaveError(f"{path}: no such save")
    try:  # a regular file under the cap: never a FIFO, a device or a huge file
        text = safeio.read_text(path, safeio.MAX_REPLAY)
    except safeio.UnsafeFileError as exc:
        raise SaveError(f"{path}:{exc.line}: cannot read the save: {exc}") from None
    if not text.strip():
        raise SaveError(f"{path}:1: the save is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not text.rstrip().endswith("}"):
            raise SaveError(f"{path}:{exc.lineno}: the save is cut short (the file ends too early)") from None
        raise SaveError(f"{path}:{exc.lineno}: the save is damaged: {exc.msg}") from None
    except ValueError:  # a number of thousands of digits (Python's integer-length limit)
        raise SaveError(f"{path}:1: the save is damaged: a number in it is far too long") from None
    except RecursionError:  # lists or objects nested thousands deep
        raise SaveError(f"{path}:1: the save is damaged: it is nested far too deep") from None
    if not isinstance(data, dict) or MARKER not in data:
        raise SaveError(f"{path}:1: not a Succession save")
    version = data[MARKER]
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"{path}:1: the save's format version is not a number: {version!r}")
    if version < 1:
        raise SaveError(f"{path}:1: the save's format version {version} is not one this game ever wrote")
    if version > FORMAT:
        raise SaveError(
            f"{path}:1: made by a newer version of the game (save format {version}; "
            f"this game reads format {FORMAT} and older)"
        )
    return _checked(path, data)


_FIELDS = {
    "rules": str,
    "scenario": str,
    "seed": int,
    "mods": list,
    "seats": dict,
    "bots": dict,
    "actions": list,
    "digest": str,
}


def _checked(path: Path, data: dict) -> dict:
    for key, kind in _FIELDS.items():
        if key not in data:
            raise SaveError(f"{path}:1: the save lacks '{key}'")
        if not isinstance(data[key], kind) or isinstance(data[key], bool):
            raise SaveError(f"{path}:1: '{key}' should be a {kind.__name__}, not {type(data[key]).__name__}")
    if not all(isinstance(a, str) for a in data["actions"]) or not all(isinstance(m, str) for m in data["mods"]):
        raise SaveError(f"{path}:1: 'actions' and 'mods' must be lists of text")
    return data


def read(path: Path, rules) -> Match:
    """The match in a save file, replayed under ``rules``.  Raises SaveError, naming the file
    and what is wrong, for a corrupt, truncated, foreign or newer save or one that does not
    replay; nothing else is touched."""
    path = Path(path)
    data = peek(path)
    if data["scenario"] not in rules.scenarios:
        raise SaveError(f"{path}:1: the save is of scenario '{data['scenario']}', which these rules do not have")
    missing = [n for n in mod_differences(data["mods"], rules) if "has changed" not in n]
    if missing:  # another mod version may still replay; a mod missing or added cannot
        raise SaveError(f"{path}:1: " + "; ".join(missing))
    other_rules = data["rules"] != rules_hash(rules)
    try:
        seats = {
            f: Seat(s.get("kind", "ai"), s.get("level", "simple"), str(s.get("name", "")))
            for f, s in data["seats"].items()
        }
        options = Options.from_data(data.get("options"))  # saves before presets have none
        match = Match.new(rules, data["scenario"], data["seed"], seats, tuple(data["mods"]), options)
    except (SeatError, AttributeError, TypeError, ValueError) as exc:
        raise SaveError(f"{path}:1: the seats cannot be filled: {exc}") from None
    state = match.state
    for i, text in enumerate(data["actions"], 1):
        try:
            state = apply_action(state, rules, Action.parse(text))
        except (ActionSyntaxError, IllegalActionError) as exc:
            why = " (it was played under other rule files)" if other_rules else ""
            raise SaveError(f"{path}: move {i} ({text!r}) does not replay{why}: {exc}") from None
        match.record.actions.append(Action.parse(text))
    match.state = state
    if match.over:
        match.record.final = state.digest()
    if not other_rules and state.digest() != data["digest"]:
        raise SaveError(f"{path}: the replayed game differs from the one saved: the save is damaged")
    reasons = data.get("reasons", [])  # saves written before the bots' reasons were kept have none
    if isinstance(reasons, list):
        match.reasons = [
            (r[0], r[1], r[2], r[3])
            for r in reasons
            if isinstance(r, list)
            and len(r) == 4
            and isinstance(r[0], int)
            and not isinstance(r[0], bool)
            and all(isinstance(x, str) for x in r[1:])
            and r[0] < len(match.record.actions)
        ]
    for faction, bot_state in data["bots"].items():
        bot = match.bots.get(faction)
        if bot is not None and isinstance(bot_state, int) and isinstance(getattr(bot, "state", None), int):
            bot.state = bot_state
    return match


# --- the folder -----------------------------------------------------------------------------------


@frozen
class SaveInfo:
    """One save in the folder, for a load menu."""

    name: str
    path: Path
    modified: float  # seconds since the epoch
    scenario: str | None = None
    date: str | None = None
    seats: tuple[tuple[str, str], ...] = ()  # (faction, player name or level)
    problem: str | None = None  # why it cannot be loaded, if the header already says so

    @property
    def is_autosave(self) -> bool:
        return self.name == AUTOSAVE


def list_saves() -> list[SaveInfo]:
    """Every save in the folder, newest first; a damaged one is listed with its problem."""
    folder = saves_dir()
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*" + SUFFIX):
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        try:
            data = peek(path)
        except SaveError as exc:
            out.append(SaveInfo(path.stem, path, modified, problem=str(exc)))
            continue
        seats = tuple(
            (f, s.get("name") or (s.get("level", "") if s.get("kind") == "ai" else "human"))
            for f, s in data["seats"].items()
            if isinstance(s, dict)
        )
        out.append(SaveInfo(path.stem, path, modified, data["scenario"], data.get("date"), seats))
    return sorted(out, key=lambda s: (-s.modified, s.name))


def latest_autosave() -> Path | None:
    path = saves_dir() / (AUTOSAVE + SUFFIX)
    return path if path.is_file() else None


def load_named(name: str, rules) -> Match:
    return read(path_of(name), rules)


def delete(name: str) -> None:
    """Remove a named save; SaveError if it does not exist or cannot be removed."""
    path = path_of(name)
    try:
        path.unlink()
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save") from None
    except OSError as exc:
        raise SaveError(f"{path}: cannot delete: {exc.strerror or exc}") from None
