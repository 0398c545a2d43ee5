"""Safe YAML loading that remembers where every value came from, and refuses hostile input.

Only ``SafeLoader`` (its C twin when available) is used: rule files and mods can never construct
Python objects.  Mappings come back as :class:`PosDict` and sequences as :class:`PosList`, both of
which carry the ``(line, column)`` of themselves and of each of their items, so that any problem
found later can be reported as ``file:line:col``.

Before anything is built, the event stream is scanned once (an iterative pass, no recursion):
anchors and aliases are refused — so neither an alias bomb nor a recursive alias can be
expanded — and nesting deeper than :data:`MAX_DEPTH` is refused, so that no later recursive walk
can overflow the stack.  Plain scalars that YAML 1.1 reads in a surprising way are reported:
``yes``/``no``/``on``/``off`` read as true or false (a warning), ``0755`` read as an octal number
and ``12:30`` read as a base-60 number (errors).  Whole numbers are bounded by :data:`MAX_INT`.
"""

from __future__ import annotations

import re

import yaml

try:  # the C loader is several times faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

#: the deepest nesting of maps and lists a rule file may use (the base rules need about a dozen)
MAX_DEPTH = 48
#: the largest whole number, either sign, a rule file may write (bounds per field are the validator's)
MAX_INT = 1_000_000_000


class PosDict(dict):
    """A dict with ``pos`` (its own position) and ``key_pos`` / ``value_pos`` per key; a dict
    merged from several files (a mod's partial override) also has ``files``: key → the file its
    value came from."""

    __slots__ = ("pos", "key_pos", "value_pos", "files")


class PosList(list):
    """A list with ``pos`` (its own position) and ``item_pos`` per index; merged, ``files``
    (index → file) too."""

    __slots__ = ("pos", "item_pos", "files")


class YamlError(Exception):
    """A file that is not valid YAML (or uses a feature rule files may not)."""

    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def _pos(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_SCALARS = yaml.SafeLoader("")  # a constructor for plain scalars (ints, bools, null, dates as text)
_PLAIN_TAGS = {"tag:yaml.org,2002:" + t for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")}
_BOOL_WORDS = ("true", "false")
_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_OTHER_BASES = re.compile(r"^[-+]?0[box]", re.IGNORECASE)


def scan(text: str) -> None:
    """Refuse anchors, aliases and nesting deeper than :data:`MAX_DEPTH`, before composing."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(
                    *_pos(event), f"aliases (*{event.anchor}) are not allowed in rule files: write the value out"
                )
            if getattr(event, "anchor", None) is not None:
                raise YamlError(
                    *_pos(event), f"anchors (&{event.anchor}) are not allowed in rule files: write the value out"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(*_pos(event), f"nesting deeper than {MAX_DEPTH} levels is not allowed")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc) from None
    except yaml.YAMLError as exc:
        raise YamlError(1, 1, f"YAML: {exc}") from None


def _syntax(exc: yaml.MarkedYAMLError) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return YamlError(line, col, f"YAML syntax: {exc.problem or exc.context}")


class _Builder:
    """Turns a composed node tree into PosDict / PosList / scalars, collecting warnings."""

    def __init__(self):
        self.warnings: list[YamlError] = []

    def scalar(self, node: yaml.ScalarNode):
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value  # text as written (dates stay text: the engine parses them itself)
        if not node.style:  # only plain scalars (style None, or '' from the C parser) are resolved by YAML 1.1's rules
            self._surprises(node)
        try:
            value = _SCALARS.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            raise YamlError(*_pos(node), f"cannot read the value {node.value[:40]!r}: {exc}") from None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            raise YamlError(*_pos(node), f"the number {node.value[:40]} is too large (at most {MAX_INT:,} either way)")
        if isinstance(value, float) and (value != value or abs(value) == float("inf")):
            raise YamlError(*_pos(node), f"'{node.value}' is not a number a rule file may use")
        return value

    def _surprises(self, node: yaml.ScalarNode) -> None:
        text = node.value
        if node.tag == "tag:yaml.org,2002:bool" and text.lower() not in _BOOL_WORDS:
            value = _SCALARS.construct_object(node)
            self.warnings.append(
                YamlError(
                    *_pos(node),
                    f"'{text}' is read as {str(value).lower()} (YAML 1.1); "
                    f"write {str(value).lower()}, or quote it ('{text}') for the word",
                )
            )
        elif node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and ":" in text:
            raise YamlError(
                *_pos(node), f"'{text}' is read as a base-60 number (YAML 1.1); quote it ('{text}') for text"
            )
        elif node.tag == "tag:yaml.org,2002:int" and _OCTAL.match(text):
            raise YamlError(
                *_pos(node),
                f"'{text}' is read as an octal number (YAML 1.1); "
                f"write it without the leading 0, or quote it ('{text}') for text",
            )
        elif node.tag == "tag:yaml.org,2002:int" and (_OTHER_BASES.match(text) or "_" in text):
            raise YamlError(*_pos(node), f"'{text}' is a number in a form rule files do not use; write plain digits")

    def convert(self, node: yaml.Node):
        if node.tag not in _PLAIN_TAGS:
            raise YamlError(*_pos(node), f"tags such as '{node.tag}' are not allowed in rule files")
        if isinstance(node, yaml.MappingNode):
            out = PosDict()
            out.pos, out.key_pos, out.value_pos = _pos(node), {}, {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlError(*_pos(key_node), "a key must be a plain value")
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlError(*_pos(key_node), "merge keys (<<) are not supported in rule files")
                key = self.scalar(key_node)
                if key in out:
                    raise YamlError(*_pos(key_node), f"duplicate key '{key}'")
                out[key] = self.convert(value_node)
                out.key_pos[key], out.value_pos[key] = _pos(key_node), _pos(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            seq = PosList(self.convert(item) for item in node.value)
            seq.pos, seq.item_pos = _pos(node), [_pos(item) for item in node.value]
            return seq
        return self.scalar(node)


def load(text: str, warnings: list | None = None):
    """Parse one YAML document into PosDict / PosList / scalars.  Raises :class:`YamlError`;
    YAML 1.1 surprises that are only suspicious are appended to ``warnings`` (as YamlError)."""
    scan(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc) from None
    except yaml.YAMLError as exc:
        raise YamlError(1, 1, f"YAML: {exc}") from None
    if node is None:
        return None
    builder = _Builder()
    data = builder.convert(node)
    if warnings is not None:
        warnings.extend(builder.warnings)
    return data


def plain(value):
    """A loaded value as plain dicts and lists (for data kept outside the rule records)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def locate(root, path, file: str) -> tuple[str, int, int]:
    """(file, line, col) of the value at ``path`` inside ``root``, which was read from ``file``
    (a merged node names the file of each of its parts)."""
    line, col = getattr(root, "pos", (1, 1))
    node = root
    for step in path:
        files = getattr(node, "files", None)
        if isinstance(node, PosDict) and step in node:
            (line, col), node = node.value_pos[step], node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            (line, col), node = node.item_pos[step], node[step]
        else:
            break
        if files is not None:
            file = files.get(step, file)
    return file, line, col


def position(root, path) -> tuple[int, int]:
    """The position of the value at ``path`` (keys and indexes) inside ``root``, as deep as it goes."""
    pos = getattr(root, "pos", (1, 1))
    node = root
    for step in path:
        if isinstance(node, PosDict) and step in node:
            pos, node = node.value_pos[step], node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            pos, node = node.item_pos[step], node[step]
        else:
            break
    return pos
