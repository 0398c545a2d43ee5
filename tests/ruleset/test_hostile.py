"""Hostile rule files and replays are refused with a positioned message, never a traceback, and
without reading what they would make us read (sizes are checked before opening)."""

import os
from pathlib import Path

import pytest

from game.match import replay
from game.ruleset import loader, safeio, yamlpos

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


def read(path: Path, folder: Path | None = None):
    problems: list = []
    data = loader._read(path, path.name, problems, folder)
    return data, problems


def only(problems):
    assert len(problems) == 1, problems
    return problems[0]


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(BOMB, encoding="utf-8")
    data, problems = read(path)
    p = only(problems)
    assert data is None
    assert (p.line, p.col) == (1, 4)
    assert "anchors (&a) are not allowed" in p.message


def test_an_alias_without_its_anchor_is_refused_at_the_alias():
    with pytest.raises(yamlpos.YamlError) as exc:
        yamlpos.scan("a: 1\nb: *a\n")
    assert (exc.value.line, exc.value.col) == (2, 4)
    assert exc.value.message.startswith("aliases (*a) are not allowed")


def test_an_anchor_alone_is_refused_too(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("format_version: 1\nevents: &e []\n", encoding="utf-8")
    p = only(read(path)[1])
    assert (p.line, p.message) == (2, "anchors (&e) are not allowed in rule files: write the value out")


def test_a_recursive_alias_is_refused(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("format_version: 1\nevents: &loop\n  - *loop\n", encoding="utf-8")
    p = only(read(path)[1])
    assert p.line == 2 and "anchors (&loop)" in p.message


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_refused_at_the_level_past_the_limit(tmp_path, style):
    depth = 600
    if style == "flow":
        text = "x: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    p = only(read(path)[1])
    assert f"nesting deeper than {yamlpos.MAX_DEPTH} levels" in p.message
    assert p.line == (1 if style == "flow" else yamlpos.MAX_DEPTH + 1)


def test_nesting_at_the_limit_is_accepted():
    text = "x: " + "[" * (yamlpos.MAX_DEPTH - 1) + "]" * (yamlpos.MAX_DEPTH - 1)
    assert yamlpos.load(text) is not None


def test_a_symlink_to_dev_zero_is_refused_without_reading(tmp_path):
    path = tmp_path / "events.yaml"
    os.symlink("/dev/zero", path)
    p = only(read(path)[1])
    assert p.message == "not a regular file (a device); refused"


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    path = tmp_path / "events.yaml"
    os.mkfifo(path)  # opening it for reading would block until a writer comes
    p = only(read(path)[1])
    assert p.message == "not a regular file (a FIFO); refused"


def test_a_folder_named_like_a_rule_file_is_refused(tmp_path):
    path = tmp_path / "events.yaml"
    path.mkdir()
    assert only(read(path)[1]).message == "not a regular file (a folder); refused"


def test_a_file_over_the_cap_is_refused_by_its_size(tmp_path):
    path = tmp_path / "events.yaml"
    with open(path, "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    p = only(read(path)[1])
    assert p.message == "file is 50.0 MB, larger than the 4.0 MB allowed; refused"


def test_a_file_just_under_the_cap_is_read(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("format_version: 1\n" + "# padding\n" * 1000, encoding="utf-8")
    assert read(path)[0] == {"format_version": 1}


def test_a_symlink_out_of_the_mod_folder_is_refused(tmp_path):
    mod = tmp_path / "mod"
    mod.mkdir()
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text("format_version: 1\n", encoding="utf-8")
    os.symlink(secret, mod / "events.yaml")
    p = only(read(mod / "events.yaml", mod)[1])
    assert p.message == "leads outside its folder mod/ (through a symlink or '..'); refused"


def test_a_symlink_inside_the_mod_folder_is_followed(tmp_path):
    mod = tmp_path / "mod"
    (mod / "parts").mkdir(parents=True)
    (mod / "parts" / "real.yaml").write_text("format_version: 1\n", encoding="utf-8")
    os.symlink(mod / "parts" / "real.yaml", mod / "events.yaml")
    assert read(mod / "events.yaml", mod) == ({"format_version": 1}, [])


def test_text_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_bytes(b"format_version: 1\nevents:\n  - id: \xff\n")
    p = only(read(path)[1])
    assert (p.line, p.message) == (3, "not UTF-8 text (invalid start byte)")


def test_an_empty_or_comment_only_file_is_an_error(tmp_path):
    for text in ("", "# nothing but a comment\n\n"):
        path = tmp_path / "actions.yaml"
        path.write_text(text, encoding="utf-8")
        p = only(read(path)[1])
        assert p.is_error and p.message.startswith("the file is empty (or only comments)")


@pytest.mark.parametrize(
    ("value", "severity", "words"),
    [
        ("no", "warning", "'no' is read as false (YAML 1.1)"),
        ("On", "warning", "'On' is read as true (YAML 1.1)"),
        ("yes", "warning", "'yes' is read as true (YAML 1.1)"),
        ("0755", "error", "'0755' is read as an octal number (YAML 1.1)"),
        ("12:30", "error", "'12:30' is read as a base-60 number (YAML 1.1)"),
        ("0x1F", "error", "'0x1F' is a number in a form rule files do not use"),
        ("1_000", "error", "'1_000' is a number in a form rule files do not use"),
        ("1" * 5000, "error", "cannot read the value"),
        ("10000000000", "error", "the number 10000000000 is too large"),
        (".inf", "error", "'.inf' is not a number a rule file may use"),
        ("!!python/object:os.system x", "error", "tags such as 'tag:yaml.org,2002:python/object:os.system'"),
    ],
)
def test_yaml_11_surprises_and_unsafe_numbers(tmp_path, value, severity, words):
    path = tmp_path / "factions.yaml"
    path.write_text(f"format_version: 1\nvalue: {value}\n", encoding="utf-8")
    p = only(read(path)[1])
    assert (p.line, p.col, p.severity) == (2, 8, severity)
    assert words in p.message


def test_quoted_words_and_true_false_are_not_surprises(tmp_path):
    path = tmp_path / "factions.yaml"
    path.write_text("format_version: 1\na: 'no'\nb: \"0755\"\nc: true\nd: false\ne: '12:30'\n", encoding="utf-8")
    assert read(path) == ({"format_version": 1, "a": "no", "b": "0755", "c": True, "d": False, "e": "12:30"}, [])


# --- replays ------------------------------------------------------------------------------------

HEAD = "# Succession replay\nformat: 1\nscenario: succession_1923\nseed: 7\nmods:\nactions:\n"


def test_a_replay_over_the_cap_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.replay"
    with open(path, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    with pytest.raises(replay.ReplayError) as exc:
        replay.load(path)
    assert str(exc.value) == f"{path}:1: file is 100.0 MB, larger than the 8.0 MB allowed; refused"


@pytest.mark.parametrize("kind", ["fifo", "devzero"])
def test_a_replay_that_is_not_a_regular_file_is_refused(tmp_path, kind):
    path = tmp_path / "game.replay"
    os.mkfifo(path) if kind == "fifo" else os.symlink("/dev/zero", path)
    with pytest.raises(replay.ReplayError, match=r":1: not a regular file \((a FIFO|a device)\); refused$"):
        replay.load(path)


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ("[&a [x], *a]", "anchors (&a) are not allowed"),
        ("&a [*a]", "anchors (&a) are not allowed"),
        ("[" * 500 + "]" * 500, "nesting deeper than"),
        ("!!python/object/apply:os.system [ls]", "tags such as"),
    ],
)
def test_checkpoint_lines_are_parsed_with_the_same_guards(condition, words):
    text = HEAD + f"check 1924-Q1 | hostile | {condition}\n"
    with pytest.raises(replay.ReplayError) as exc:
        replay.parse(text, "x.replay")
    assert str(exc.value).startswith("x.replay:7: checkpoint condition is not valid YAML: ")
    assert words in str(exc.value)


def test_is_inside_resolves_dot_dot(tmp_path):
    (tmp_path / "mod").mkdir()
    assert safeio.is_inside(tmp_path / "mod" / "a.yaml", tmp_path / "mod")
    assert not safeio.is_inside(tmp_path / "mod" / ".." / "a.yaml", tmp_path / "mod")
