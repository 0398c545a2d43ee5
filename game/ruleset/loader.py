"""Rule files → a :class:`Rules` bundle of typed frozen records, or a list of every problem.

A ruleset is a folder (``rules/base`` is the first one) holding ``mod.yaml`` and one YAML file per
concept.  Mods are folders of the same shape laid over it: an entry with a known id replaces the
base entry, a new id adds one, and ``remove:`` in ``mod.yaml`` drops entries explicitly.  Every
problem is collected and reported as ``file:line:col: message [id]``; nothing here exits or raises
past :func:`load_rules`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs
import cattrs

from game import resources
from game.ruleset import BASE, PROJECT, mods, overlay, records, safeio, validate, yamlpos
from game.ruleset.problems import WARNING, Problem, RulesError, closest, errors, file_label
from game.ruleset.rules import Rules

#: the rule-file format this game reads (``format_version`` on top of every rule file and manifest)
FORMAT_VERSION = records.FORMAT_VERSION


def _strict(kind: type, name: str):
    def hook(value, _type):
        if isinstance(value, bool) or not isinstance(value, kind):
            raise TypeError(f"expected {name}, got {type(value).__name__} {value!r}")
        return value

    return hook


def make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, lambda v, _t: v if isinstance(v, bool) else _bad_bool(v))
    return conv


def _bad_bool(value):
    raise TypeError(f"expected true or false, got {value!r}")


CONVERTER = make_converter()
_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['([^']*)'\]")
_SPLIT = re.compile(r"^(.*) @ (\$.*)$")


def _parse_path(text: str) -> list:
    steps = []
    for attr, index, key in _PATH_STEP.findall(text):
        steps.append(attr or (int(index) if index else key))
    return steps


def structure_entry(raw, cls, fname: str, entry_id: str) -> tuple[object | None, list[Problem]]:
    """One YAML entry → a record, or the problems with it (positions from the YAML nodes)."""
    if not isinstance(raw, dict):
        line, col = getattr(raw, "pos", (1, 1))
        return None, [Problem(fname, line, col, "an entry must be a mapping of keys", entry_id)]
    raw = _normalise_sources(raw)
    try:
        return CONVERTER.structure(raw, cls), []
    except Exception as exc:  # cattrs groups every failure; turn each into a positioned message
        if isinstance(exc, cattrs.BaseValidationError):
            messages = cattrs.transform_error(exc, path="$", format_exception=_format)
        else:
            messages = [f"{exc} @ $"]
        problems = []
        for msg in messages:
            match = _SPLIT.match(msg)
            text, path = (match.group(1), match.group(2)) if match else (msg, "$")
            steps = _parse_path(path)
            extra = re.match(r"extra fields found \((.*)\)", text)
            if extra:  # one problem per unknown key, at the key itself
                for key in extra.group(1).split(", "):
                    problems.append(_unknown_key(fname, entry_id, cls, raw, steps, key))
                continue
            file, line, col = yamlpos.locate(raw, steps, fname)
            where = ".".join(str(s) for s in steps)
            problems.append(Problem(file, line, col, f"{where + ': ' if where else ''}{text}", entry_id))
        return None, problems


def _format(exc: BaseException, type_) -> str:
    """cattrs' messages, but keep our own 'expected …' explanations."""
    if isinstance(exc, TypeError) and str(exc).startswith("expected "):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _unknown_key(fname: str, entry_id: str, cls: type, raw, steps: list, key: str) -> Problem:
    node = raw
    for step in steps:
        node = node[step]
    line, col = node.key_pos.get(key, node.pos) if isinstance(node, yamlpos.PosDict) else yamlpos.position(raw, steps)
    where = ".".join(str(s) for s in steps)
    text = _explain(f"extra fields found ({key})", cls, steps, raw)
    return Problem(fname, line, col, f"{where + ': ' if where else ''}{text}", entry_id)


def _explain(text: str, cls: type, steps: list, raw) -> str:
    """Add a 'did you mean' hint to cattrs' 'extra fields' message."""
    match = re.match(r"extra fields found \((.*)\)", text)
    if not match:
        return text
    target = cls
    for step in steps:
        if isinstance(step, str) and attrs.has(target):
            ftype = attrs.fields_dict(target)[step].type
            target = _inner_class(ftype)
    known = records.fields_of(target) if attrs.has(target) else ()
    hints = []
    for name in match.group(1).split(", "):
        close = closest(name, known)
        hints.append(f"unknown key '{name}'" + (f" (did you mean '{close}'?)" if close else ""))
    return "; ".join(hints) + (f"; allowed: {', '.join(known)}" if known else "")


def _inner_class(ftype):
    if isinstance(ftype, str):
        ftype = getattr(records, ftype.split("[")[-1].rstrip("], .").replace("Optional", ""), None)
    args = getattr(ftype, "__args__", ())
    for arg in args:
        if attrs.has(arg):
            return arg
    return ftype


def _normalise_sources(raw: dict) -> dict:
    """Allow a single citation mapping where a list is expected (keeps positions)."""
    src = raw.get("source")
    if isinstance(src, yamlpos.PosDict):
        lst = yamlpos.PosList([src])
        lst.pos, lst.item_pos = src.pos, [src.pos]
        out = yamlpos.PosDict(raw)
        out.pos, out.key_pos, out.value_pos = raw.pos, raw.key_pos, dict(raw.value_pos)
        out["source"] = lst
        return out
    return raw


def _read(path: Path, label: str, problems: list[Problem], folder: Path | None = None):
    """A rule file's data; ``None`` (with the problem recorded) if it cannot be used.  The file
    must be a regular file under the size cap and, when ``folder`` is given, inside it."""
    try:
        text = safeio.read_text(path, safeio.MAX_RULE_FILE, inside=folder)
    except safeio.UnsafeFileError as exc:
        problems.append(Problem(label, exc.line, 1, str(exc)))
        return None
    warnings: list[yamlpos.YamlError] = []
    try:
        data = yamlpos.load(text, warnings)
    except yamlpos.YamlError as exc:
        problems.append(Problem(label, exc.line, exc.col, exc.message))
        return None
    problems.extend(Problem(label, w.line, w.col, w.message, severity=WARNING) for w in warnings)
    if data is None:
        problems.append(
            Problem(
                label,
                1,
                1,
                "the file is empty (or only comments): a rule file needs "
                "format_version and its entries; delete the file if it has none",
            )
        )
    return data


def _files_of(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.yaml")) + sorted((folder / "scenarios").glob("*.yaml"))
    return [f for f in files if f.name != "mod.yaml"]


#: the most rule files one folder (the base rules or a mod) may have, and their total size: the
#: base rules are 22 files and half a megabyte
MAX_FILES = 200
MAX_TOTAL = 16 * 1024 * 1024
#: the folders of a ruleset the loader reads (``historical/`` holds the historical line's plan,
#: read by its own tool)
READ_FOLDERS = ("scenarios",)
QUIET_FOLDERS = ("historical",)
#: how many files the look for unread rule files walks through at most
UNREAD_SCAN = 2000


def _within_caps(folder: Path, files: list[Path], root: Path, problems: list[Problem]) -> bool:
    """Whether a folder's rule files are few and small enough to read at all (each file has its own
    cap as it is read); if not, one error and nothing of the folder is read."""
    label = file_label(folder / "mod.yaml", root)
    if len(files) > MAX_FILES:
        problems.append(Problem(label, 1, 1, f"{len(files)} rule files: a ruleset may have at most {MAX_FILES}"))
        return False
    total = 0
    for path in files:
        try:
            total += path.lstat().st_size
        except OSError:
            continue  # reported as the file is read
    if total > MAX_TOTAL:
        problems.append(
            Problem(
                label,
                1,
                1,
                f"its rule files come to {total / 2**20:.1f} MB: a ruleset may hold at most "
                f"{MAX_TOTAL // 2**20} MB (the base rules are under 1 MB); nothing of it was read",
            )
        )
        return False
    return True


def _unread(folder: Path, root: Path, problems: list[Problem]) -> None:
    """A warning for each file that looks like a rule file but is not where or how the loader
    reads them (``figures.yml``, ``FIGURES.YAML``, ``events/extra.yaml``): it would be ignored."""
    candidates = []
    seen = 0
    for top, dirs, files in os.walk(folder, onerror=lambda _e: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .github: not a modder's rules
        seen += len(files)
        if seen > UNREAD_SCAN:
            break  # a folder this large is refused by the caps anyway
        candidates += [Path(top) / f for f in files if Path(f).suffix.lower() in (".yaml", ".yml")]
    read = {p.name for p in folder.glob("*.yaml")}
    for path in sorted(candidates)[:50]:
        rel = path.relative_to(folder)
        top = rel.parts[0] if len(rel.parts) > 1 else ""
        if top in QUIET_FOLDERS or (len(rel.parts) == 1 and path.name in read):
            continue
        if len(rel.parts) == 2 and top in READ_FOLDERS and path.suffix == ".yaml":
            continue
        problems.append(
            Problem(
                file_label(path, root, folder),
                1,
                1,
                "this file is not read: a ruleset's rule files end in '.yaml' (lowercase) and lie at the top of "
                "its folder or in scenarios/",
                severity=WARNING,
            )
        )


def load_folder(folder: Path, root: Path, by_kind, origin, problems: list[Problem]):
    """Load one ruleset folder on top of ``by_kind``; returns (its manifest or None, the ids it
    asks to remove)."""
    info, removals = mods.read_manifest(folder, root, problems)
    seen: dict = {}
    files = _files_of(folder)
    _unread(folder, root, problems)
    if not _within_caps(folder, files, root, problems):
        return info, removals
    for path in files:
        label = file_label(path, root, folder)
        data = _read(path, label, problems, folder)
        if data is None:
            continue
        _load_file(data, label, by_kind, origin, seen, problems)
    return info, removals


def _load_file(data, label, by_kind, origin, seen, problems) -> None:
    if not isinstance(data, dict):
        problems.append(Problem(label, 1, 1, "a rule file must be a mapping with format_version and one concept key"))
        return
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        line, col = data.value_pos.get("format_version", data.pos)
        problems.append(Problem(label, line, col, f"format_version must be {FORMAT_VERSION}, got {version!r}"))
    for key in data:
        if key == "format_version":
            continue
        line, col = data.key_pos[key]
        if key not in records.KINDS:
            close = closest(str(key), records.KINDS)
            hint = f" (did you mean '{close}'?)" if close else ""
            problems.append(Problem(label, line, col, f"unknown section '{key}'{hint}"))
            continue
        entries = data[key]
        if isinstance(entries, dict):  # a single entry (e.g. one scenario per file)
            entries = yamlpos.PosList([entries])
            entries.pos, entries.item_pos = data.value_pos[key], [data.value_pos[key]]
        if not isinstance(entries, list):
            problems.append(Problem(label, line, col, f"'{key}' must be a list of entries"))
            continue
        for i, raw in enumerate(entries):
            _load_entry(raw, entries.item_pos[i], key, label, by_kind, origin, seen, problems)


def _load_entry(raw, pos, kind, label, by_kind, origin, seen, problems) -> None:
    entry_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
    if isinstance(raw, dict) and "id" not in raw:
        problems.append(Problem(label, pos[0], pos[1], f"entry in '{kind}' has no id"))
        return
    if entry_id and not re.fullmatch(r"[a-z][a-z0-9_]*", entry_id):
        line, col = raw.value_pos["id"]
        problems.append(Problem(label, line, col, "an id must be lowercase snake_case", entry_id))
    key = (kind, entry_id)
    if isinstance(raw, dict) and key not in seen:
        raw = _overlay(raw, key, label, by_kind, origin, problems)
        if raw is None:
            return
    record, errs = structure_entry(raw, records.KINDS[kind], label, entry_id)
    problems.extend(errs)
    if record is None:
        by_kind.setdefault("_failed", set()).add((kind, entry_id))
        return
    table = by_kind.setdefault(kind, {})
    if key in seen:  # the same id twice in one ruleset; a later mod replacing it is fine
        first = seen[key]
        problems.append(
            Problem(
                label, pos[0], pos[1], f"duplicate id '{entry_id}' (first defined at {first[0]}:{first[1]})", entry_id
            )
        )
        return
    table[entry_id] = record
    origin[key] = seen[key] = (label, pos[0], pos[1])
    raw_store = by_kind.setdefault("_raw", {})
    raw_store[key] = raw


def _overlay(raw, key, label, by_kind, origin, problems):
    """An entry of a later folder over an earlier entry of the same id (see
    :mod:`game.ruleset.overlay`): the merged raw entry, or None when it removes the entry (or
    cannot be merged)."""
    kind, entry_id = key
    earlier = by_kind.get("_raw", {}).get(key)
    control = {k: raw[k] for k in overlay.CONTROL_KEYS if k in raw}
    for k, value in control.items():
        if value is not True:
            line, col = raw.value_pos[k]
            problems.append(Problem(label, line, col, f"'{k}' is written '{k}: true'", entry_id))
            return None
    if "remove" in control:
        line, col = raw.key_pos["remove"]
        if earlier is None or key not in origin:
            problems.append(
                Problem(label, line, col, f"remove: there is no {kind} entry '{entry_id}' to remove", entry_id)
            )
        elif len(raw) > 2:
            problems.append(
                Problem(label, line, col, "an entry that is removed gives only its id and 'remove: true'", entry_id)
            )
        else:
            by_kind[kind].pop(entry_id, None)
            origin.pop(key, None)
        return None
    if control:  # replace: true — the entry stands as written
        out = yamlpos.PosDict({k: v for k, v in raw.items() if k != "replace"})
        out.pos, out.key_pos, out.value_pos = raw.pos, raw.key_pos, raw.value_pos
        return out
    if earlier is None or key not in origin:
        return raw
    merged, errs = overlay.merge(earlier, raw, origin[key][0], label)
    for path, message in errs:
        line, col = yamlpos.position(raw, path)
        problems.append(Problem(label, line, col, message, entry_id))
    return None if errs else merged


def load_rules(folders: list[Path], root: Path) -> tuple[Rules | None, list[Problem]]:
    """Load the base folder and any mods over it, then validate.  Returns (rules, problems)."""
    by_kind: dict = {kind: {} for kind in records.KINDS}
    origin: dict = {}
    problems: list[Problem] = []
    infos = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem(file_label(folder, root), 1, 1, "no such rules folder"))
            continue
        before = dict(origin)
        info, removals = load_folder(folder, root, by_kind, origin, problems)
        if not infos and info is not None and info.depends_on:
            problems.append(
                Problem(
                    file_label(folder / "mod.yaml", root),
                    1,
                    1,
                    "the base rules depend on no mod: depends_on must be empty here (mods depend on the base)",
                    info.id,
                )
            )
        infos.append(info)
        _apply_removals(removals, folder, root, by_kind, origin, before, problems)
    raw = by_kind.pop("_raw", {})
    failed = by_kind.pop("_failed", set())
    mods = tuple(i for i in infos[1:] if i is not None)
    rules = Rules.from_tables(by_kind, origin, root, mods=mods, folders=tuple(folders))
    problems.extend(validate.validate(rules, raw, failed))
    return (rules if not errors(problems) else None), sorted(set(problems))


def load_base(mod_folders: tuple[Path, ...] = ()) -> Rules:
    """The base rules (plus mods); raises RulesError listing every problem."""
    if not BASE.is_dir():
        raise RulesError([_missing(BASE, PROJECT)])
    rules, problems = load_rules([BASE, *mod_folders], PROJECT)
    if errors(problems):
        raise RulesError(errors(problems))
    return rules


def load(
    chosen: list[str] | tuple[str, ...] = (), base: Path = BASE, root: Path = PROJECT
) -> tuple[Rules | None, list[Problem]]:
    """The base rules with the mods chosen (ids of installed mods, or folders), each after the
    mods it depends on.  Returns (rules or None, every problem)."""
    if not base.is_dir():  # one line that says so, not every check failing on empty rules
        return None, [_missing(base, root)]
    order, problems = mods.resolve(list(chosen), root)
    if errors(problems):
        return None, problems
    rules, more = load_rules([base, *(m.folder for m in order)], root)
    return rules, problems + more


def _missing(base: Path, root: Path) -> Problem:
    """The one problem of a rules folder that is not there (for the game's own: where it looked)."""
    try:
        label = base.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        label = str(base)
    where = f": the game's rules are {resources.where_looked()}; reinstall the game" if base == BASE else ""
    return Problem(label, 1, 1, f"no such rules folder{where}")


def _apply_removals(removals, folder, root, by_kind, origin, before, problems) -> None:
    for ref in removals:
        kind, _, entry_id = ref.partition(".")
        if (kind, entry_id) not in before:
            label = file_label(folder / "mod.yaml", root)
            problems.append(Problem(label, 1, 1, f"remove: no entry '{ref}' to remove (write kind.id)"))
            continue
        by_kind[kind].pop(entry_id, None)
        origin.pop((kind, entry_id), None)
