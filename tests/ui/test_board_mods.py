"""What the board shows comes from the rule files: a region a mod adds appears on the map with its
name whole (in a free cell, the grid growing a row when none is free, or in the cell it names), a
faction's poster colour and an action's short label are the rule files' own, and the display
fields are checked by the validator with ``file:line: message [id]``."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.match.match import Match, Seat
from game.ruleset import PROJECT
from game.ruleset.loader import load_base, load_rules
from game.ui import text, theme
from game.ui.scenes.board_map import map_cells
from game.ui.settings import Settings
from tests.ui.drive import frames

FAR_EAST = "Far Eastern Territory"
REGION = f"""\
format_version: 1
regions:
  - id: far_eastern_territory
    name: {FAR_EAST}
    delegates: 4
    {{map}}
    design: "A region this mod adds, to show a new place on the map; its weight is taken from Ukraine's."
    source:
      - seed: seeds/002_e4c39f16e8ea997d.txt
        lines: "93"
        quote: "It consolidated its influence in Leningrad, the Ukraine, Transcaucasia, and the Urals region"
  - id: ukraine
    delegates: 13
"""


def write_mod(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(
        f'id: {name}\nname: "{name}"\nversion: "1.0.0"\nformat_version: 1\n', encoding="utf-8"
    )
    for file, words in files.items():
        (folder / file).write_text(words, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def far_east(tmp_path_factory):
    """The base rules with a mod that adds a region with no cell of its own on the map."""
    return load_base((write_mod(tmp_path_factory.mktemp("mods"), "far_east", {"regions.yaml": REGION.format(map="")}),))


def _board(make_app, rules, size, scale):
    m = Match.new(rules, "crisis_1923", 11, {})
    while not (m.active == "stalin" and m.state.phase == "actions"):
        m.ai_move()
    m.seats["stalin"] = Seat("human", "simple", "Anna")
    app = make_app(rules=rules, settings=Settings(width=size[0], height=size[1], font_scale=scale))
    app.start_match(m)
    board = app.stack[0]
    while app.scene is not board:
        app.pop()
    return app, board


def test_the_base_map_is_the_rule_files_own(rules):
    cells, cols, rows = map_cells(rules)
    assert (cols, rows) == (4, 3)
    assert cells == {rid: tuple(r.map) for rid, r in rules.regions.items()}
    assert len(set(cells.values())) == len(cells)  # one region a cell


def test_a_region_without_a_cell_takes_a_free_one_and_the_map_grows_a_row(far_east):
    cells, cols, rows = map_cells(far_east)
    assert (cols, rows) == (4, 4)  # the base regions fill the 4×3 grid
    assert cells["far_eastern_territory"] == (0, 3)
    assert len(set(cells.values())) == len(cells)


@pytest.mark.parametrize("size,scale", [((1280, 720), 1.0), ((1280, 720), 2.0), ((1920, 1080), 2.0)])
def test_a_region_a_mod_adds_is_on_the_map_with_its_name_whole(make_app, far_east, monkeypatch, size, scale):
    app, board = _board(make_app, far_east, size, scale)
    frames(app)
    column = board.geo.column_of("map")
    if column.tabs:
        board.choose_tab("map")
    drawn: list[str] = []
    real = text.render
    monkeypatch.setattr(text, "render", lambda f, w, *a, **k: (drawn.append(w), real(f, w, *a, **k))[1])
    board.changed()
    frames(app)
    monkeypatch.undo()
    words = FAR_EAST.split()
    start = next(i for i, w in enumerate(drawn) if w.startswith(words[0]))
    lines = []
    while " ".join(lines) != FAR_EAST:  # its name in one or two lines, whole
        assert len(" ".join(lines)) < len(FAR_EAST), drawn[start : start + 4]
        lines.append(drawn[start + len(lines)])
    assert all("…" not in line for line in lines)
    # its tile is there, with its tooltip (scrolled to, if the map scrolls)
    panel = board.panels["map"]
    tile = next(r for r, tip in panel.spots if tip.startswith(FAR_EAST + ":"))
    if panel.scrolls:
        panel.box.vert_scroll_bar.set_scroll_from_start_percentage(1.0)
        frames(app)
    where = (panel.inner.x + tile.centerx, panel.inner.y + tile.centery - panel.top)
    assert panel.inner.collidepoint(where)
    assert board.tip_at(where).startswith(f"{FAR_EAST}: 4 delegates")


def test_a_region_may_name_its_cell(tmp_path):
    mod = write_mod(tmp_path, "far_east", {"regions.yaml": REGION.format(map="map: [5, 0]")})
    rules = load_base((mod,))
    cells, cols, rows = map_cells(rules)
    assert cells["far_eastern_territory"] == (5, 0) and (cols, rows) == (6, 3)


def test_poster_colours_and_short_labels_come_from_the_rule_files(make_app, tmp_path):
    mod = write_mod(
        tmp_path,
        "renamed",
        {
            "factions.yaml": "format_version: 1\nfactions:\n  - id: trotsky\n    name: The Left\n"
            '    poster_colour: "#102030"\n  - id: zinoviev\n    poster_colour: null\n',
            "actions.yaml": 'format_version: 1\nactions:\n  - id: mass_appeal\n    short: "To the masses"\n',
        },
    )
    rules = load_base((mod,))
    app, board = _board(make_app, rules, (1280, 720), 1.0)
    frames(app)
    assert app.palette.colour("trotsky") == (0x10, 0x20, 0x30)
    assert app.palette.colour("zinoviev") == theme.hex_colour(rules.factions["zinoviev"].colour)  # its own colour
    assert app.palette.colour("stalin") == theme.hex_colour(rules.factions["stalin"].poster_colour)
    labels = [b.text for b, _ in board.controls]
    assert "To the masses" in labels and "Mass appeal" not in labels
    button = next(b for b, _ in board.controls if b.text == "To the masses")
    assert rules.actions["mass_appeal"].name in button.tool_tip_text  # the whole name in its tooltip
    colour_blind = theme.Palette(rules, colour_blind=True)
    assert colour_blind.colour("trotsky") == theme.hex_colour(rules.factions["trotsky"].colour)


@pytest.mark.parametrize(
    "file,entry,message",
    [
        ("regions.yaml", "  - id: volga\n    map: [3, 1]\n", "map cell [3, 1] is also central_asia's [volga]"),
        ("regions.yaml", "  - id: volga\n    map: [12, 0]\n", "map must be [column, row], each 0..11"),
        (
            "factions.yaml",
            '  - id: trotsky\n    poster_colour: "blue"\n',
            "poster_colour must be a colour written #RRGGBB",
        ),
        ("actions.yaml", '  - id: recant\n    short: "  "\n', "short must be a label of 1 to 24 characters"),
    ],
)
def test_bad_display_fields_are_reported_at_their_line(tmp_path, file, entry, message):
    import shutil

    from game.ruleset import BASE

    shutil.copytree(BASE, tmp_path / "base")
    shutil.copytree(PROJECT / "seeds", tmp_path / "seeds")
    kind = file.removesuffix(".yaml")
    mod = write_mod(tmp_path, "bad", {file: f"format_version: 1\n{kind}:\n{entry}"})
    _, problems = load_rules([tmp_path / "base", mod], tmp_path)
    found = [str(p) for p in problems if message in str(p)]
    assert found, [str(p) for p in problems]
    assert found[0].startswith(f"bad/{file}:4:"), found  # the line of the field at fault


def test_the_display_fields_leave_the_rules_fingerprint_alone(rules, tmp_path):
    mod = write_mod(
        tmp_path, "labels", {"actions.yaml": 'format_version: 1\nactions:\n  - id: recant\n    short: "Bow"\n'}
    )
    assert load_base((mod,)).fingerprint() == rules.fingerprint()  # a replay recorded before still plays
