"""Safe YAML loading that remembers where every value came from.

Only ``SafeLoader`` (its C twin when available) is used: rule files and mods can never construct
Python objects.  Mappings come back as :class:`PosDict` and sequences as :class:`PosList`, both of
which carry the ``(line, column)`` of themselves and of each of their items, so that any problem
found later can be reported as ``file:line:col``.
"""

from __future__ import annotations

import yaml

try:  # the C loader is several times faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


class PosDict(dict):
    """A dict with ``pos`` (its own position) and ``key_pos`` / ``value_pos`` per key."""

    __slots__ = ("pos", "key_pos", "value_pos")


class PosList(list):
    """A list with ``pos`` (its own position) and ``item_pos`` per index."""

    __slots__ = ("pos", "item_pos")


class YamlError(Exception):
    """A file that is not valid YAML (or uses a feature rule files may not)."""

    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_SCALARS = yaml.SafeLoader("")  # a constructor for plain scalars (ints, bools, null, dates as text)


def _scalar(node: yaml.ScalarNode):
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text: the engine parses them itself
    return _SCALARS.construct_object(node, deep=True)


_PLAIN_TAGS = {"tag:yaml.org,2002:" + t for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")}


def _convert(node: yaml.Node):
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
            key = _scalar(key_node)
            if key in out:
                raise YamlError(*_pos(key_node), f"duplicate key '{key}'")
            out[key] = _convert(value_node)
            out.key_pos[key], out.value_pos[key] = _pos(key_node), _pos(value_node)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = PosList(_convert(item) for item in node.value)
        seq.pos, seq.item_pos = _pos(node), [_pos(item) for item in node.value]
        return seq
    return _scalar(node)


def load(text: str):
    """Parse one YAML document into PosDict / PosList / scalars.  Raises :class:`YamlError`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlError(line, col, f"YAML syntax: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, 1, f"YAML: {exc}") from None
    return None if node is None else _convert(node)


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
