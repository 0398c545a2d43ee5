"""One vocabulary: the verbs the engine implements are exactly those declared, with the declared
documentation; the JSON Schema and the modder's guide come from the same declarations; every
shipped rule file passes the schema, and the shipped guide is not stale."""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest

from game import cli
from game.engine import effects
from game.ruleset import BASE, PROJECT, guide, records, schema, yamlpos
from game.ruleset.vocabulary import CONDITION_VERBS, EFFECT_VERBS

RULE_FILES = sorted(p for p in BASE.rglob("*.yaml") if p.name != "mod.yaml" and "historical" not in p.parts)


def test_the_engine_implements_exactly_the_declared_verbs_with_their_documentation():
    assert list(effects.EFFECTS) and set(effects.EFFECTS) == set(EFFECT_VERBS)
    assert set(effects.CONDITIONS) == set(CONDITION_VERBS)
    for name, fn in effects.EFFECTS.items():
        assert fn.__doc__ == EFFECT_VERBS[name].doc
    for name, fn in effects.CONDITIONS.items():
        assert fn.__doc__ == CONDITION_VERBS[name].doc
    assert records.EFFECTS == {n: v.args for n, v in EFFECT_VERBS.items()}


def test_an_undeclared_verb_cannot_be_registered():
    with pytest.raises(KeyError):
        effects.effect("no_such_verb")(lambda state, rules, arg: None)
    assert "no_such_verb" not in effects.EFFECTS


@pytest.fixture(scope="module")
def validator():
    document = schema.build()
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.relative_to(BASE).as_posix())
def test_every_shipped_rule_file_passes_the_schema(validator, path):
    data = yamlpos.plain(yamlpos.load(path.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "x", "name": "X", "effects": [{"prestidge": {"faction": "stalin", "delta": 1}}]},
        {"id": "x", "name": "X", "effects": [{"prestige": {"faction": "stalin", "delta": 1000}}]},
        {"id": "x", "name": "X", "chance": 101},
        {"id": "x", "name": "X", "colour": "red"},
        {"id": "x", "name": "X", "conditions": [{"not": {"alive": 3}}]},
    ],
)
def test_the_schema_refuses_what_the_validator_refuses(validator, entry):
    assert not validator.is_valid({"format_version": 1, "events": [entry]})


MOD_FILES = sorted(p for p in (PROJECT / "mods").rglob("*.yaml") if p.name != "mod.yaml")


def test_every_shipped_mod_file_passes_the_mod_schema():
    validator = jsonschema.Draft202012Validator(schema.build(partial=True))
    assert MOD_FILES
    for path in MOD_FILES:
        data = yamlpos.plain(yamlpos.load(path.read_text(encoding="utf-8")))
        assert [e.message for e in validator.iter_errors(data)] == [], path
    assert validator.is_valid({"format_version": 1, "events": [{"id": "x", "effects+": [{"kill": "lenin"}]}]})
    assert not validator.is_valid({"format_version": 1, "events": [{"id": "x", "dat": "1924-01-01"}]})
    assert not validator.is_valid({"format_version": 1, "events": [{"name": "no id"}]})


def test_the_shipped_guide_is_up_to_date():
    shipped = (PROJECT / "rules" / "README.md").read_text(encoding="utf-8")
    assert shipped == guide.build(), (
        "rules/README.md is stale: run 'python -m game schema --guide --out rules/README.md'"
    )


def test_the_guide_documents_every_file_field_and_verb():
    text = guide.build()
    for verb in [*EFFECT_VERBS.values(), *CONDITION_VERBS.values()]:
        assert f"### `{verb.name}`\n\n{verb.doc}\n" in text
    for kind, cls in records.KINDS.items():
        assert f"| `{kind}` | [{cls.__name__}]" in text
        for f in attrs.fields(cls):
            assert f"| `{f.name}` |" in text
    assert "## Walkthrough: a new event in a mod" in text
    assert "``KEY+: [items]`` **appends**" in text


def test_the_schema_command_prints_json(capsys, tmp_path):
    assert cli.main(["schema"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document["properties"]) == {"format_version", *records.KINDS}
    out = tmp_path / "schema.json"
    assert cli.main(["schema", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == document
