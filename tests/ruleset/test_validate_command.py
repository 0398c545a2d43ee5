"""``python -m game validate``: text or JSON, exit 0 (no error), 1 (errors) or 2 (bad usage)."""

from __future__ import annotations

import json

import pytest

from game import cli
from game.ruleset import PROJECT

CORPUS = PROJECT / "tests" / "corpus" / "rules"


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_problem_with_its_position(capsys):
    code, out, _ = run(capsys, "validate", "--mod", str(CORPUS / "number_effect_seats"), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and (data["errors"], data["warnings"]) == (2, 0)
    assert [(p["line"], p["severity"], p["id"]) for p in data["problems"]] == [
        (8, "error", "corpus_event"),
        (9, "error", "corpus_event"),
    ]
    assert data["problems"][0]["file"].endswith("number_effect_seats/events.yaml")


def test_warnings_alone_exit_zero(capsys):
    code, out, _ = run(capsys, "validate", "--mod", str(CORPUS / "event_chance_zero"), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and (data["errors"], data["warnings"]) == (0, 1)
    code, out, _ = run(capsys, "validate", "--mod", str(CORPUS / "event_chance_zero"))
    assert code == 0 and "0 error(s), 1 warning(s)" in out and "rules ok:" in out


def test_the_shipped_rules_are_clean_in_json(capsys):
    code, out, _ = run(capsys, "validate", "--format", "json")
    assert code == 0 and json.loads(out) == {"ok": True, "mods": [], "errors": 0, "warnings": 0, "problems": []}
    code, out, _ = run(capsys, "validate", "--mod", "lenin_lives", "--format", "json")
    assert code == 0 and json.loads(out)["mods"] == ["lenin_lives@1.0.0"]


def test_an_unknown_mod_is_bad_usage(capsys):
    code, out, err = run(capsys, "validate", "--mod", "no_such_mod")
    assert code == 2
    assert err.startswith("validate: no mod 'no_such_mod' (neither an installed mod's id nor a folder)")


def test_an_unknown_format_is_bad_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["validate", "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
