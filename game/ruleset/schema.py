"""The JSON Schema of the rule files, generated from the records and the verb vocabulary.

Editors that read JSON Schema (VS Code with the YAML extension, JetBrains IDEs…) complete and
check rule files with it: ``python -m game schema > succession.schema.json``.  It describes the
files of a complete ruleset (``rules/base``).  ``--mod`` gives the schema of a mod's files, whose
entries may give only some keys (an override), ``KEY+`` / ``KEY-`` edits, and ``replace`` or
``remove`` (see :mod:`game.ruleset.overlay`).
"""

from __future__ import annotations

import inspect
import types
import typing

import attrs

from game.ruleset import records, sanity
from game.ruleset.vocabulary import ACTION_KINDS, CONDITION_VERBS, EFFECT_VERBS, TARGETS, Verb

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
VALUES = {"status": records.STATUSES, "figure_status": records.FIGURE_STATUSES, "direction": records.DIRECTIONS}
#: fields whose entries are rule-file verbs
VERB_FIELDS = {
    "conditions": "condition",
    "effects": "effect",
    "condition": "condition",
    "target_conditions": "condition",
}
#: an argument that names an entry: its id, or in a composed action ``$self`` or ``$target``
ENTRY = {"type": "string", "pattern": r"^([a-z][a-z0-9_]*|\$self|\$target)$"}
#: fields whose values come from a fixed vocabulary: (class, field) → the values
ENUMS = {("Action", "kind"): tuple(ACTION_KINDS), ("Action", "target"): tuple(TARGETS)}


def build(partial: bool = False) -> dict:
    """The whole schema: one document for every rule file (``partial``: of a mod's files)."""
    defs: dict = {}
    for cls in record_classes():
        defs[cls.__name__] = _record(cls, defs)
        if partial:
            _loosen(defs[cls.__name__], top=cls in records.KINDS.values())
    defs["effect"] = _verbs(EFFECT_VERBS)
    defs["condition"] = _verbs(CONDITION_VERBS)
    props: dict = {"format_version": {"const": 1, "description": "the rule-file format; always 1"}}
    for kind, cls in records.KINDS.items():
        entry = {"$ref": f"#/$defs/{cls.__name__}"}
        props[kind] = {
            "description": f"{kind}.yaml: a list of entries (or one entry)",
            "anyOf": [{"type": "array", "items": entry}, entry],
        }
    return {
        "$schema": DRAFT,
        "$id": "https://succession.game/rules.schema.json",
        "title": "Succession rule file",
        "type": "object",
        "required": ["format_version"],
        "properties": props,
        "additionalProperties": False,
        "$defs": defs,
    }


def _loosen(record: dict, top: bool) -> None:
    """An override gives only the keys it changes, may edit lists with KEY+ / KEY-, and an
    entry may be replaced or removed whole."""
    record["required"] = ["id"] if top and "id" in record["properties"] else []
    record["patternProperties"] = {"^[a-z_]+[+-]$": {"type": ["array", "object"]}}
    if top:
        record["properties"]["replace"] = {"const": True, "description": "replace the earlier entry whole"}
        record["properties"]["remove"] = {"const": True, "description": "remove the entry (give only its id)"}


def record_classes() -> list[type]:
    seen: list[type] = []

    def visit(cls):
        if cls in seen:
            return
        seen.append(cls)
        for f in attrs.fields(attrs.resolve_types(cls)):
            for inner in _classes_in(f.type):
                visit(inner)

    for cls in records.KINDS.values():
        visit(cls)
    return seen


def _classes_in(tp) -> list[type]:
    if attrs.has(tp):
        return [tp]
    return [c for arg in typing.get_args(tp) for c in _classes_in(arg)]


def _record(cls: type, defs: dict) -> dict:
    docs = field_docs(cls)
    props, required = {}, []
    bounds = records.BOUNDS.get(cls.__name__, {})
    for f in attrs.fields(attrs.resolve_types(cls)):
        limits = bounds.get(f.name, bounds.get("*"))
        if f.name in VERB_FIELDS and cls.__name__ != "Scenario":
            prop = {"type": "array", "items": {"$ref": f"#/$defs/{VERB_FIELDS[f.name]}"}}
        elif (cls.__name__, f.name) in ENUMS:
            values = list(ENUMS[cls.__name__, f.name])
            prop = {"enum": values + [None] if f.default is None else values}
        else:
            prop = _type(f.type, limits)
        if f.name == "source":  # one citation may stand for a list of one
            prop = {"anyOf": [prop, {"$ref": "#/$defs/Citation"}]}
        if docs.get(f.name):
            prop["description"] = docs[f.name]
        props[f.name] = prop
        if f.default is attrs.NOTHING:
            required.append(f.name)
    out = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        out["description"] = " ".join(cls.__doc__.split())
    return out


def _type(tp, limits=None) -> dict:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        out = {"type": "integer"}
        if limits:
            out["minimum"], out["maximum"] = limits
        return out
    if origin in (typing.Union, getattr(types, "UnionType", None)):
        return {"anyOf": [_type(a, limits) for a in args]}
    if tp is type(None):
        return {"type": "null"}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], limits)}
        return {
            "type": "array",
            "prefixItems": [_type(a, limits) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(args[1], limits)}
    return {}


def _arg(spec, path) -> dict:
    if isinstance(spec, dict):
        names = {k.rstrip("?"): v for k, v in spec.items()}
        return {
            "type": "object",
            "properties": {n: _arg(t, path + [n]) for n, t in names.items()},
            "required": [k for k in spec if not k.endswith("?")],
            "additionalProperties": False,
        }
    if spec == "int":
        out = {"type": "integer"}
        limits = sanity.arg_limits(path)
        if limits:
            out["minimum"], out["maximum"] = limits
        return out
    if spec == "str":
        return {"type": "string"}
    if spec in VALUES:
        return {"enum": list(VALUES[spec])}
    if spec == "conditions":
        cond = {"$ref": "#/$defs/condition"}
        return {"anyOf": [cond, {"type": "array", "items": cond}]}
    return dict(ENTRY, description=f"the id of an entry in {spec} ($self, $target in a composed action)")


def _verbs(table: dict[str, Verb]) -> dict:
    return {
        "oneOf": [
            {
                "type": "object",
                "description": v.doc,
                "properties": {v.name: _arg(v.args, [v.name])},
                "required": [v.name],
                "additionalProperties": False,
            }
            for v in table.values()
        ]
    }


def field_docs(cls: type) -> dict[str, str]:
    """Each field's documentation: the ``#:`` comment lines just above it in records.py."""
    try:
        lines = inspect.getsource(cls).split("\n")
    except (OSError, TypeError):
        return {}
    docs, pending = {}, []
    for line in lines:
        text = line.strip()
        if text.startswith("#:"):
            pending.append(text[2:].strip())
        elif ":" in text and not text.startswith(("#", '"', "def ", "@", "class ")):
            name = text.split(":")[0].strip()
            if name.isidentifier() and pending:
                docs[name] = " ".join(pending)
            pending = []
        elif not text.startswith("#"):
            pending = []
    return docs
