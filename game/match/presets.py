"""Teacher presets: a small YAML file that sets up a classroom game, handed out and loaded as is.

A preset names the scenario, the mods, who plays each faction (a team at the screen, with its name,
or the computer at a level), the seed (or none: a fresh one each time), and how the lesson runs:
``locked`` (the new-game screen shows the choices but cannot change them), ``hide_history`` (each
faction's historical result and the "In history" texts stay hidden until the game is over) and
``turn_seconds`` (each team's time for its turn, from the hand-off to *Done*)::

    preset: 1
    title: "Year 11 — the 1923 crisis"
    scenario: crisis_1923
    seed: 4242
    seats:
      stalin: {team: "Team A"}
      trotsky: {team: "Team B"}
      zinoviev: {computer: normal}
      bukharin: {computer: easy}
    locked: true
    hide_history: true
    turn_seconds: 240

A faction the preset does not name is played by the computer at the simple level.  The file is read
like a rule file — safely, with every problem reported as ``file:line: message`` — and then checked
against the rules with its mods: the scenario must exist and each seat be one of its factions.

>>> from game.ruleset.loader import load_base
>>> preset = parse("preset: 1\\nscenario: crisis_1923\\nseats: {trotsky: {team: Ann}}\\n", "p.yaml")
>>> preset.seats["trotsky"], preset.seed
(Seat(kind='human', level='simple', name='Ann'), None)
>>> check(preset, load_base(), "p.yaml")
[]
"""

from __future__ import annotations

import re
from pathlib import Path

from attrs import evolve, field, frozen

from game.match.match import AI, HUMAN, LEVELS, Options, Seat
from game.match.replay import write_atomic
from game.ruleset import safeio, yamlpos
from game.ruleset.problems import closest

FORMAT = 1
SUFFIX = ".preset.yaml"
#: the computer's levels a preset may give a seat ("wait" only ends its turns: a yardstick, not a player)
PRESET_LEVELS = tuple(level for level in LEVELS if level != "wait")
MAX_NAME = 24
MAX_TITLE = 80
MAX_SEED = 10**18 - 1
#: the shortest and longest turn a timer may give (seconds)
TURN_SECONDS = (30, 3600)
MAX_FILE = 64 * 1024
KEYS = ("preset", "title", "scenario", "mods", "seed", "seats", "locked", "hide_history", "turn_seconds")
_FILE_NAME = re.compile(r"^[\w][\w .-]{0,63}$")


class PresetError(Exception):
    """A preset that cannot be used; ``str`` is every problem, one ``file:line: message`` a line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@frozen
class Preset:
    scenario: str
    seats: dict[str, Seat] = field(factory=dict)
    seed: int | None = None
    mods: tuple[str, ...] = ()
    title: str = ""
    locked: bool = False
    hide_history: bool = False
    turn_seconds: int | None = None

    @property
    def options(self) -> Options:
        """What the match keeps of the preset while it is played."""
        return Options(self.title, self.hide_history, self.turn_seconds)

    def to_yaml(self) -> str:
        """The preset as a file a teacher can read and edit (the format :func:`parse` reads)."""
        lines = [f"preset: {FORMAT}"]
        if self.title:
            lines.append(f"title: {_quoted(self.title)}")
        lines.append(f"scenario: {self.scenario}")
        if self.mods:
            lines.append("mods: [" + ", ".join(self.mods) + "]")
        if self.seed is not None:
            lines.append(f"seed: {self.seed}")
        lines.append("seats:")
        for faction, seat in self.seats.items():
            what = f"team: {_quoted(seat.name)}" if seat.is_human else f"computer: {seat.level}"
            lines.append(f"  {faction}: {{{what}}}")
        lines.append(f"locked: {'true' if self.locked else 'false'}")
        lines.append(f"hide_history: {'true' if self.hide_history else 'false'}")
        if self.turn_seconds:
            lines.append(f"turn_seconds: {self.turn_seconds}")
        return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- reading ----------------------------------------------------------------------------------------


def read(path: Path, rules_for) -> tuple[Preset, object]:
    """The preset in ``path`` and the rules it is played under (``rules_for(mods)`` loads them, or
    raises PresetError).  Raises PresetError with every problem found, each ``file:line: message``."""
    path = Path(path)
    name = str(path)
    if not path.exists() and not path.is_symlink():
        raise PresetError([f"{name}:1: no such preset file"])
    try:
        text = safeio.read_text(path, MAX_FILE)
    except safeio.UnsafeFileError as exc:
        raise PresetError([f"{name}:{exc.line}: cannot read the preset: {exc}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PresetError([f"{name}:1: cannot read the preset: {getattr(exc, 'strerror', None) or exc}"]) from None
    preset, lines = _parse(text, name)
    rules = rules_for(preset.mods)
    problems = check(preset, rules, name, lines)
    if problems:
        raise PresetError(problems)
    return preset, rules


def _lines(data: yamlpos.PosDict) -> dict[str, int]:
    """The line of each top-level key and of each faction under ``seats`` (for :func:`check`)."""
    found = {key: data.key_pos[key][0] for key in data}
    seats = data.get("seats")
    if isinstance(seats, yamlpos.PosDict):
        found.update({f"seats.{f}": seats.key_pos[f][0] for f in seats})
    return found


def parse(text: str, name: str = "<preset>") -> Preset:
    """A preset from its text, checked for shape (not yet against the rules).  Raises PresetError."""
    return _parse(text, name)[0]


def _parse(text: str, name: str) -> tuple[Preset, dict[str, int]]:
    """:func:`parse`, with the line of each key for the checks against the rules."""
    try:
        data = yamlpos.load(text)
    except yamlpos.YamlError as exc:
        raise PresetError([f"{name}:{exc.line}: {exc.message}"]) from None
    if not isinstance(data, yamlpos.PosDict):
        raise PresetError([f"{name}:1: a preset is a set of 'key: value' lines (scenario, seats, ...)"])
    problems: list[str] = []

    def at(key: str) -> str:
        return f"{name}:{data.key_pos[key][0] if key in data.key_pos else data.pos[0]}"

    for key in data:
        if key not in KEYS:
            hint = closest(str(key), KEYS)
            problems.append(f"{at(key)}: unknown key '{key}'" + (f" (did you mean '{hint}'?)" if hint else ""))
    version = data.get("preset")
    if "preset" not in data:
        problems.append(f"{name}:1: not a Succession preset: the first line should be 'preset: {FORMAT}'")
    elif version != FORMAT or isinstance(version, bool):
        problems.append(f"{at('preset')}: this game reads preset format {FORMAT}, not {version!r}")
    scenario = data.get("scenario")
    if not isinstance(scenario, str) or not scenario:
        problems.append(f"{at('scenario')}: 'scenario' names the scenario to play (its id, e.g. crisis_1923)")
    title = _text(data, "title", MAX_TITLE, at, problems)
    mods = data.get("mods", [])
    if not isinstance(mods, list) or not all(isinstance(m, str) and m for m in mods):
        problems.append(f"{at('mods')}: 'mods' is a list of mod ids, e.g. [denunciations]")
        mods = []
    elif len(set(mods)) != len(mods):
        problems.append(f"{at('mods')}: a mod is named twice")
    seed = data.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= MAX_SEED):
        problems.append(f"{at('seed')}: 'seed' is a whole number from 0 to {MAX_SEED} (leave it out for a fresh one)")
        seed = None
    flags = {key: _flag(data, key, at, problems) for key in ("locked", "hide_history")}
    seconds = data.get("turn_seconds")
    low, high = TURN_SECONDS
    if seconds is not None and (
        not isinstance(seconds, int) or isinstance(seconds, bool) or not low <= seconds <= high
    ):
        problems.append(f"{at('turn_seconds')}: 'turn_seconds' is a whole number of seconds from {low} to {high}")
        seconds = None
    seats = _seats(data, name, at, problems)
    if problems:
        raise PresetError(problems)
    preset = Preset(
        scenario=scenario,
        seats=seats,
        seed=seed,
        mods=tuple(mods),
        title=title,
        locked=flags["locked"],
        hide_history=flags["hide_history"],
        turn_seconds=seconds,
    )
    return preset, _lines(data)


def _text(data, key: str, limit: int, at, problems: list[str]) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > limit or "\n" in value.strip():
        problems.append(f"{at(key)}: '{key}' is one line of text of at most {limit} characters")
        return ""
    return value.strip()


def _flag(data, key: str, at, problems: list[str]) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        problems.append(f"{at(key)}: '{key}' is true or false, not {value!r}")
        return False
    return value


def _seats(data, name: str, at, problems: list[str]) -> dict[str, Seat]:
    seats_data = data.get("seats", {})
    if not isinstance(seats_data, yamlpos.PosDict):
        problems.append(f"{at('seats')}: 'seats' gives each faction a team or the computer, e.g. stalin: {{team: A}}")
        return {}
    seats: dict[str, Seat] = {}
    for faction, spec in seats_data.items():
        where = f"{name}:{seats_data.key_pos[faction][0]}"
        if not isinstance(spec, dict) or len(spec) != 1 or next(iter(spec)) not in ("team", "computer"):
            problems.append(
                f"{where}: seat '{faction}' is {{team: <its name>}} or {{computer: <level>}} "
                f"(levels: {', '.join(PRESET_LEVELS)})"
            )
            continue
        ((kind, value),) = spec.items()
        if kind == "team":
            if not isinstance(value, str) or not value.strip() or len(value.strip()) > MAX_NAME:
                problems.append(f"{where}: a team's name is text of 1 to {MAX_NAME} characters")
                continue
            seats[str(faction)] = Seat(HUMAN, "simple", value.strip())
        elif value not in PRESET_LEVELS:
            hint = closest(str(value), PRESET_LEVELS)
            problems.append(
                f"{where}: the computer's level is one of {', '.join(PRESET_LEVELS)}, not {value!r}"
                + (f" (did you mean '{hint}'?)" if hint else "")
            )
        else:
            seats[str(faction)] = Seat(AI, value, "")
    if len(seats) == len(seats_data) and not any(s.is_human for s in seats.values()):
        problems.append(f"{at('seats')}: at least one faction is played by a team, e.g. trotsky: {{team: A}}")
    return seats


def check(preset: Preset, rules, name: str = "<preset>", lines: dict[str, int] | None = None) -> list[str]:
    """The preset's problems under the rules with its mods: the scenario and each seat's faction."""
    lines = lines or {}
    if preset.scenario not in rules.scenarios:
        hint = closest(preset.scenario, list(rules.scenarios))
        return [
            f"{name}:{lines.get('scenario', 1)}: unknown scenario '{preset.scenario}'"
            + (f" (did you mean '{hint}'?)" if hint else f"; one of: {', '.join(rules.scenarios)}")
        ]
    factions = list(rules.scenarios[preset.scenario].factions)
    return [
        f"{name}:{lines.get(f'seats.{f}', 1)}: '{f}' is not a faction of {preset.scenario}; "
        f"its factions are {', '.join(factions)}"
        for f in preset.seats
        if f not in factions
    ]


def seats_for(preset: Preset, factions) -> dict[str, Seat]:
    """A seat for every faction: the preset's, or the computer at the simple level."""
    return {f: preset.seats.get(f, Seat(AI, "simple", "")) for f in factions}


def with_seed(preset: Preset, seed: int) -> Preset:
    return evolve(preset, seed=seed)


# --- the folder -------------------------------------------------------------------------------------


def write(preset: Preset, path: Path) -> None:
    """Write a preset file atomically; raises PresetError if it cannot be written."""
    try:
        write_atomic(Path(path), preset.to_yaml())
    except OSError as exc:
        raise PresetError([f"{path}: cannot write the preset: {exc.strerror or exc}"]) from None


def presets_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "presets"


def path_of(data_dir: Path, name: str) -> Path:
    """The file of a named preset in the presets folder; the name is checked like a save's."""
    name = name.strip()
    if not _FILE_NAME.match(name) or name.startswith("."):
        raise PresetError([f"{name!r} cannot name a preset: use letters, digits, spaces, '.', '_' or '-' (at most 64)"])
    return presets_dir(data_dir) / (name + SUFFIX)


def listed(data_dir: Path) -> list[Path]:
    """The preset files in the presets folder, by name."""
    folder = presets_dir(data_dir)
    try:
        return sorted(p for p in folder.glob("*" + SUFFIX) if p.is_file() and not p.is_symlink())
    except OSError:
        return []
