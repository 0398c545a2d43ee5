"""Window settings, kept between games: in ``SUCCESSION_DATA_DIR`` when it is set (beside the
saves), else in the user's config folder (platformdirs).  The new-game screen's last choices are
kept with them.

A missing or damaged settings file gives the defaults (and a note the window shows); it is never
fatal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import attrs
import platformdirs

from game.match.replay import write_atomic

SIZES = ((1280, 720), (1600, 900), (1920, 1080))
FONT_SCALES = (1.0, 1.25, 1.5, 2.0)


@attrs.define
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    font_scale: float = 1.0
    colour_blind: bool = False
    sound: bool = True
    #: the new-game screen's last choices: scenario, mods, and each seat's kind, level and name
    new_game: dict = attrs.Factory(dict)

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


def settings_path() -> Path:
    """``window.json`` in ``SUCCESSION_DATA_DIR`` when it is set, else in the user's config folder."""
    override = os.environ.get("SUCCESSION_DATA_DIR")
    if override:
        return Path(override) / "window.json"
    return Path(platformdirs.user_config_dir("succession", appauthor=False)) / "window.json"


def load(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings, or the defaults and a message saying why they could not be read."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a table of settings")
        s = Settings()
        for f in attrs.fields(Settings):
            if f.name in raw:
                value = raw[f.name]
                if f.type in ("bool", bool) and not isinstance(value, bool):
                    raise ValueError(f"{f.name} must be true or false")
                if f.type in ("int", int) and (isinstance(value, bool) or not isinstance(value, int)):
                    raise ValueError(f"{f.name} must be a whole number")
                if f.type in ("float", float) and (isinstance(value, bool) or not isinstance(value, int | float)):
                    raise ValueError(f"{f.name} must be a number")
                if f.type in ("dict", dict) and not isinstance(value, dict):
                    raise ValueError(f"{f.name} must be a table")
                setattr(s, f.name, value)
        if (s.width, s.height) not in SIZES:
            s.width, s.height = SIZES[0]
        if s.font_scale not in FONT_SCALES:
            s.font_scale = 1.0
        return s, None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Settings(), f"{path}:1: settings not read ({exc}); the defaults are used"


def save(settings: Settings, path: Path | None = None) -> None:
    write_atomic(path or settings_path(), json.dumps(attrs.asdict(settings), indent=2) + "\n")
