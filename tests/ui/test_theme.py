"""The window's look is one JSON file in ``assets/``: the palette written once (the Python code and
the pygame_gui theme both read it), fonts scaled with the font-scale setting."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.resources import ASSETS
from game.ui import theme

HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


def test_the_palette_is_written_once():
    style = json.loads((ASSETS / "theme.json").read_text(encoding="utf-8"))
    outside = [s for s in _strings({k: v for k, v in style.items() if k != "palette"}) if HEX.search(s)]
    assert outside == []  # everything else names a colour of the palette
    assert HEX.findall(Path(theme.__file__).read_text(encoding="utf-8")) == []  # and no colour in the code
    assert theme.RED == (0xC4, 0x1E, 0x24) and theme.PALETTE["red"] == theme.RED


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_gui_theme_resolves_every_colour_and_scales_its_fonts(scale):
    gui = theme.gui_theme(scale)
    colours = [c for block in gui.values() for c in block.get("colours", {}).values()]
    assert colours and all(re.fullmatch(r"#[0-9A-F]{6}([0-9A-F]{2})?", c) for c in colours), colours
    assert gui["button"]["font"]["size"] == str(round(theme.BUTTON_SIZE * scale))
    assert gui["#tab_chosen"]["colours"]["normal_bg"] == "#C41E24"
    assert all(
        Path(p).exists() for block in gui.values() for k, p in block.get("font", {}).items() if k.endswith("_path")
    )
    assert gui["#action"]["misc"] == gui["defaults"]["misc"] and "misc" not in gui["label"]
    assert not any("about" in block for block in gui.values())
