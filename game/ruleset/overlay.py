"""How a mod's entry is laid over an entry of the same id: a partial override.

The merge rule (the modder's guide quotes it):

* An entry whose id is new **adds** an entry.  An entry whose id exists **overrides** it
  *partially*: only the keys it gives change; every other key keeps the earlier value.
* **Maps merge recursively**: ``offices: {pravda_editor: trotsky}`` in a scenario changes one
  office holder and keeps the others.
* **Lists and plain values replace** the earlier value: ``politburo: [a, b]`` is the whole list.
* ``KEY+: [items]`` **appends** to the earlier list (``politburo+: [bukharin]``).
* ``KEY-: [items]`` **removes** from the earlier list the items equal to those given — or, in a
  list of entries with ids (goals, options), the entries with those ids — and from a map the keys
  given (``offices-: [pravda_editor]``).  Removing what is not there is an error.
* ``replace: true`` in the entry replaces the earlier entry as a whole.
* ``remove: true`` in the entry (with its id and nothing else) **removes** it; so does listing
  ``kind.id`` under ``remove:`` in ``mod.yaml``.
"""

from __future__ import annotations

from game.ruleset.yamlpos import PosDict, PosList

#: the keys an overriding entry may use beside the record's own fields
CONTROL_KEYS = ("replace", "remove")


def merge(base, over, base_file: str, over_file: str) -> tuple[object, list[tuple[list, str]]]:
    """``over`` laid over ``base``; returns (merged, [(path in over, message)])."""
    problems: list[tuple[list, str]] = []
    merged = _merge_maps(base, over, base_file, over_file, [], problems)
    return merged, problems


def _file_of(node, key, default: str) -> str:
    files = getattr(node, "files", None)
    return files.get(key, default) if files is not None else default


def _merge_maps(base: PosDict, over: PosDict, base_file, over_file, path, problems) -> PosDict:
    out = PosDict()
    out.pos, out.key_pos, out.value_pos, out.files = over.pos, {}, {}, {}
    for key, value in base.items():
        out[key], out.key_pos[key], out.value_pos[key] = value, base.key_pos[key], base.value_pos[key]
        out.files[key] = _file_of(base, key, base_file)
    for key, value in over.items():
        name, op = _split(key)
        here = path + [key]
        if op is None:
            earlier = out.get(name)
            if isinstance(earlier, PosDict) and isinstance(value, PosDict):
                value = _merge_maps(earlier, value, out.files[name], over_file, here, problems)
            _put(out, name, value, over, key, over_file)
        elif name not in out and op == "+":
            _put(out, name, value, over, key, over_file)
        elif name not in out:
            problems.append((here, f"'{name}' has no earlier value to remove from"))
        elif not isinstance(value, list):
            problems.append((here, f"'{key}' takes a list"))
        elif isinstance(out[name], PosDict) and op == "-":
            _drop_keys(out, name, value, here, problems)
        elif isinstance(out[name], PosList):
            _put(
                out,
                name,
                _edit_list(out[name], value, op, out.files[name], over_file, here, problems),
                over,
                key,
                over_file,
            )
        else:
            problems.append((here, f"'{name}' is not a list{' or a map' if op == '-' else ''}: '{op}' does not apply"))
    return out


def _split(key) -> tuple[object, str | None]:
    if isinstance(key, str) and len(key) > 1 and key[-1] in "+-":
        return key[:-1], key[-1]
    return key, None


def _put(out: PosDict, name, value, over: PosDict, key, over_file: str) -> None:
    out[name] = value
    out.key_pos[name], out.value_pos[name] = over.key_pos[key], over.value_pos[key]
    out.files[name] = over_file


def _drop_keys(out: PosDict, name, keys, path, problems) -> None:
    target = PosDict(out[name])
    target.pos, target.key_pos, target.value_pos = out[name].pos, dict(out[name].key_pos), dict(out[name].value_pos)
    if getattr(out[name], "files", None) is not None:
        target.files = dict(out[name].files)
    for i, k in enumerate(keys):
        if k in target:
            del target[k]
        else:
            problems.append((path + [i], f"no key '{k}' to remove"))
    out[name] = target


def _edit_list(base: PosList, items: PosList, op: str, base_file: str, over_file: str, path, problems) -> PosList:
    files = [_file_of(base, i, base_file) for i in range(len(base))]
    kept, kept_pos = list(base), list(base.item_pos)
    if op == "+":
        kept += list(items)
        kept_pos += list(items.item_pos)
        files += [over_file] * len(items)
    else:
        for i, item in enumerate(items):
            at = next(
                (j for j, x in enumerate(kept) if x == item or (isinstance(x, dict) and x.get("id") == item)), None
            )
            if at is None:
                problems.append((path + [i], f"no item {item!r} to remove"))
                continue
            del kept[at], kept_pos[at], files[at]
    out = PosList(kept)
    out.pos, out.item_pos, out.files = base.pos, kept_pos, dict(enumerate(files))
    return out
