"""The endpoint model as YAML: reviewable in a diff, and loaded back exactly.

Fields are written in dataclass order and fields at their default value are left out,
so a spec file shows what the page documents and nothing else; loading rebuilds the
same frozen objects (``load(dump(op)) == op``), driven by the dataclasses' type hints.

A model file is also an input anyone may edit (``graphdoc render`` and ``permissions
--specs`` read it), so loading is as strict as reading a page: bounded
(:func:`read_model_file`, :func:`parse_yaml`: size, values with aliases expanded, depth),
plain YAML only (no tags, no duplicate keys), checked against the dataclasses' type hints
(:func:`from_data`) and, for the names that become Python, against the naming rules
(:func:`.naming.name_problem`). Every refusal is a :class:`.errors.ModelInvalid` with the
line to fix; the callers report it as GD009 and leave the file out.
"""

from __future__ import annotations

import dataclasses
import os
import re
import types
import typing
from functools import lru_cache
from typing import Any, Callable

import yaml

from ..core.bounded import read_bounded
from ..core.errors import FileTooLarge, ModelInvalid
from ..core.model import (
    EnumType,
    HttpMessage,
    Operation,
    PathParam,
    PathVariant,
    Resource,
    Response,
)
from .naming import name_problem

try:  # the C implementations are several times faster on a whole corpus
    _Dumper: type = yaml.CSafeDumper
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _Dumper, _Loader = yaml.SafeDumper, yaml.SafeLoader


@lru_cache(maxsize=None)
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of a dataclass with its default value (``MISSING`` when it has none)."""
    found = []
    for field in dataclasses.fields(cls):
        default = field.default
        if default is dataclasses.MISSING and field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        found.append((field.name, default))
    return tuple(found)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


class _Lines:
    """Where the values of a loaded model file were: each container's line, and each
    mapping key's, so that a schema error names the line to fix."""

    def __init__(self) -> None:
        self.containers: dict[int, int] = {}
        self.keys: dict[int, dict[str, int]] = {}

    def of(self, container: Any, key: str | int | None = None) -> int:
        if isinstance(key, str):
            found = self.keys.get(id(container), {}).get(key)
            if found is not None:
                return found
        elif isinstance(key, int) and isinstance(container, list) and key < len(container):
            item = container[key]
            if isinstance(item, (dict, list)) and id(item) in self.containers:
                return self.containers[id(item)]
        return self.containers.get(id(container), 1)


_NO_LINES = _Lines()
_TYPE_WORDS = {str: "a string", int: "an integer", bool: "true or false"}
MAX_NUMBER = 2**31 - 1  # lines, statuses: a model's integers are small


def _shape(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


def _wanted(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is tuple:
        return "a list"
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(arg) for arg in typing.get_args(hint))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return "a mapping"
    if isinstance(hint, type):
        return _TYPE_WORDS.get(hint, hint.__name__)
    return str(hint)


def _fail(where: str, message: str, line: int) -> typing.NoReturn:
    raise ModelInvalid(f"{where}: {message}" if where else message, line)


def from_data(
    hint: Any, data: Any, lines: _Lines = _NO_LINES, where: str = "", line: int = 1
) -> Any:
    """``data`` (plain YAML values) as the type ``hint`` names, checked against it: the
    schema of a model file is the model's own dataclasses and their type hints. Raises
    :class:`ModelInvalid` (at the line of the offending value) for a value of the wrong
    type, a null where none is allowed, a missing required field or an unknown one."""
    if hint is Any:
        return data
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if data is None and len(options) < len(typing.get_args(hint)):
            return None
        if len(options) != 1:  # (the model has no such union)
            _fail(where, f"{_shape(data)} has no place here", line)
        return from_data(options[0], data, lines, where, line)
    if data is None:
        _fail(where, f"{_wanted(hint)} is needed, not null", line)
    if origin is tuple:
        if not isinstance(data, list):
            _fail(where, f"a list is needed, not {_shape(data)}", line)
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            args = (args[0],) * len(data)
        elif len(args) != len(data):
            _fail(where, f"a list of {len(args)} items is needed, not of {len(data)}", line)
        return tuple(
            from_data(arg, item, lines, f"{where}[{index}]", lines.of(data, index))
            for index, (arg, item) in enumerate(zip(args, data))
        )
    if origin is typing.Literal:
        if not isinstance(data, str) or data not in typing.get_args(hint):
            _fail(where, f"{_wanted(hint)} is needed, not {data!r}"[:200], line)
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint, data, lines, where, line)
    if hint is bool:
        if not isinstance(data, bool):
            _fail(where, f"true or false is needed, not {_shape(data)}", line)
        return data
    if hint is int:
        if not isinstance(data, int) or isinstance(data, bool):
            _fail(where, f"an integer is needed, not {_shape(data)}", line)
        if not 0 <= data <= MAX_NUMBER:
            _fail(where, f"an integer from 0 to {MAX_NUMBER} is needed", line)
        return data
    if hint is str:
        if not isinstance(data, str):
            _fail(where, f"a string is needed, not {_shape(data)}", line)
        return data
    _fail(where, f"no schema for {hint!r}", line)  # pragma: no cover - a model type not handled


def _dataclass(cls: type, data: Any, lines: _Lines, where: str, line: int) -> Any:
    if not isinstance(data, dict):
        _fail(where, f"a mapping ({cls.__name__}) is needed, not {_shape(data)}", line)
    hints = _hints(cls)
    fields = dict(_defaults(cls))
    unknown = sorted(set(data) - set(fields))
    if unknown:
        _fail(
            where,
            f"unknown keys for {cls.__name__}: {', '.join(unknown)}"[:300],
            lines.of(data, unknown[0]),
        )
    missing = [
        name
        for name, default in fields.items()
        if default is dataclasses.MISSING and name not in data
    ]
    if missing:
        _fail(where, f"{cls.__name__} needs {', '.join(missing)}", line)
    values = {
        key: from_data(
            hints[key], value, lines, f"{where}.{key}" if where else key, lines.of(data, key)
        )
        for key, value in data.items()
    }
    for key, check in _CHECKS.get(cls, {}).items():
        problem = check(values[key]) if key in values else ""
        if problem:
            _fail(f"{where}.{key}" if where else key, problem, lines.of(data, key))
    made = cls(**values)
    whole = _WHOLE.get(cls)
    problem = whole(made) if whole is not None else ""
    if problem:
        _fail(where, problem, line)
    return made


def _status(value: int | None) -> str:
    return "" if value is None or value == 0 or 100 <= value <= 599 else "not an HTTP status"


def _not_empty(value: Any) -> str:
    return "" if value else "may not be empty"


def _http_method(value: str) -> str:
    return "" if re.fullmatch(r"[A-Z]{1,20}", value) else "not an HTTP method (GET, POST, …)"


def _name_of(kind: str) -> Callable[[str], str]:
    return lambda value: name_problem(value, kind)


def _params(value: tuple[PathParam, ...]) -> str:
    names = [param.name for param in value]
    twice = sorted({name for name in names if names.count(name) > 1})
    return f"parameter {twice[0]!r} given twice" if twice else ""


def _variant(variant: PathVariant) -> str:
    """A path's placeholders are its parameters, no more and no fewer (as every variant a
    page gives is): the client fills the one with the other."""
    if not variant.path.startswith("/"):
        return f"path {variant.path[:60]!r} does not start with /"
    found = set(re.findall(r"\{([^{}]*)\}", f"{variant.path}?{variant.query}"))
    names = {param.name for param in variant.params}
    if found != names:
        odd = sorted(found ^ names)[0]
        return f"the path's placeholders and its parameters differ (at {odd[:60]!r})"
    return ""


_WHOLE: dict[type, Callable[[Any], str]] = {PathVariant: _variant}

_CHECKS: dict[type, dict[str, Callable[[Any], str]]] = {
    Operation: {
        "id": _not_empty,
        "group": _name_of("group"),
        "name": _name_of("method"),
        "http_method": _http_method,
        "variants": _not_empty,
    },
    PathVariant: {"params": _params},
    PathParam: {"name": _name_of("parameter")},
    Response: {"status": _status},
    HttpMessage: {"status": _status},
    Resource: {"name": _not_empty},
    EnumType: {"name": _not_empty},
}

_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _float(value: float) -> str:
    """A float as pyyaml's representer writes it."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


def _node(value: Any) -> yaml.Node:
    """The YAML node of a model value, built directly rather than through pyyaml's
    representer, which would take a third of a page's parse time; the output is the
    same. A dataclass is a mapping of its fields in order, less those at their default
    value; a short list of scalars is written on one line (``[Mail.Send]``)."""
    if isinstance(value, str):
        return yaml.ScalarNode(_STR, value)
    if value is None:
        return yaml.ScalarNode(_NULL, "null")
    if isinstance(value, bool):
        return yaml.ScalarNode(_BOOL, "true" if value else "false")
    if isinstance(value, int):
        return yaml.ScalarNode(_INT, str(value))
    if isinstance(value, float):
        return yaml.ScalarNode(_FLOAT, _float(value))
    if isinstance(value, (list, tuple)):
        items = [_node(item) for item in value]
        flow = bool(value) and all(isinstance(item, (str, int, float, bool)) for item in value)
        flow = flow and sum(len(str(item)) + 2 for item in value) <= 80
        return yaml.SequenceNode(_SEQ, items, flow_style=flow)
    if isinstance(value, dict):
        pairs = [(_node(key), _node(item)) for key, item in value.items()]
        return yaml.MappingNode(_MAP, pairs, flow_style=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        pairs = [
            (yaml.ScalarNode(_STR, name), _node(item))
            for name, default in _defaults(type(value))
            for item in (getattr(value, name),)
            if not (item == default and type(item) is type(default))  # MISSING: never equal
        ]
        return yaml.MappingNode(_MAP, pairs, flow_style=False)
    raise TypeError(f"no YAML for {type(value).__name__}")


def dump(item: Operation | Resource | EnumType) -> str:
    """The YAML of an operation, or of a type (``types/<name>.yaml``)."""
    return yaml.serialize(_node(item), Dumper=_Dumper, allow_unicode=True, width=100)


# A model file holds one page's facts: the largest of a whole corpus is some 70 KB and
# 4,000 values, so these caps leave ample room and keep a hostile file cheap to refuse.
MAX_MODEL_BYTES = 8 * 1024 * 1024
MAX_VALUES = 250_000  # values a model file may hold, aliases counted as what they repeat
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
MAX_DEPTH = 100  # nesting: an example body holds at most 64 levels (lenient_json.MAX_DEPTH)
_SAFE_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, "tag:yaml.org,2002:timestamp"})
_RESOLVE: Callable[[type, str, Any], str] = yaml.resolver.Resolver().resolve
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(event: Any) -> Any:
    """A scalar's value: only the plain types a model holds (a timestamp-like text stays
    text); any other tag (``!!python/…``, ``!!binary``, a merge ``<<``) is refused."""
    tag = event.tag
    if tag is None and not event.implicit[0]:
        return event.value  # quoted: a string (the common case, decided at once)
    if tag is None and _DECIMAL.fullmatch(event.value):
        return int(event.value)  # (as the resolver and constructor would, faster)
    if tag is None or tag == "!":
        tag = _RESOLVE(yaml.ScalarNode, event.value, event.implicit)
    if tag not in _SAFE_TAGS:
        raise ModelInvalid(f"tag {tag[:60]!r} is not allowed in a model file", _line(event))
    if tag in (_STR, "tag:yaml.org,2002:timestamp"):
        return event.value
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, event.value))
    except (ValueError, yaml.YAMLError):
        raise ModelInvalid(
            f"{event.value[:60]!r} is not a valid {tag.rsplit(':', 1)[-1]}", _line(event)
        ) from None


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1 if event.start_mark is not None else 1


_NO_KEY = object()


class _Frame:
    __slots__ = ("value", "key", "key_line", "anchor", "size", "lines")

    def __init__(self, value: Any, anchor: str | None, lines: dict[str, int] | None) -> None:
        self.value = value
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.anchor = anchor
        self.size = 1
        self.lines = lines


def parse_yaml(text: str) -> tuple[Any, _Lines]:
    """The one document of ``text`` as plain values (dict, list, str, int, float, bool,
    None) and the lines they were at, read from the parser's events rather than through
    pyyaml's constructor, so that reading is bounded and strict:

    - an alias is counted as the whole value it repeats, and a file adding up to more than
      :data:`MAX_VALUES` values is refused: nested aliases ("billion laughs") fail at once,
      after reading as many events as the file has;
    - nesting deeper than :data:`MAX_DEPTH` is refused;
    - a key given twice in a mapping is refused (YAML says keys are unique; a reader of a
      diff would see the first, pyyaml keeps the last), and every key is a string;
    - only plain scalar types are made: no tag can build an object.

    Raises :class:`ModelInvalid` at the line of the problem."""
    lines = _Lines()
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = documents = 0
    result: Any = None
    try:
        events: typing.Iterator[Any] = yaml.parse(text, Loader=_Loader)
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise ModelInvalid("a model file holds one YAML document", _line(event))
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            line = _line(event)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise ModelInvalid(f"values nested deeper than {MAX_DEPTH} levels", line)
                if event.tag not in (None, "!", _MAP, _SEQ):
                    raise ModelInvalid(
                        f"tag {event.tag[:60]!r} is not allowed in a model file", line
                    )
                mapping = kind is yaml.MappingStartEvent
                container: Any = {} if mapping else []
                lines.containers[id(container)] = line
                keys: dict[str, int] | None = None
                if mapping:
                    keys = lines.keys[id(container)] = {}
                stack.append(_Frame(container, event.anchor, keys))
                total += 1
                continue
            size = 1
            if kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise ModelInvalid(f"alias *{event.anchor} names no anchor before it", line)
                value, size = anchors[event.anchor]
            elif kind is yaml.ScalarEvent:
                value = _scalar(event)
                if isinstance(value, str) and not value.isascii():
                    value.encode("utf-8")  # (a lone surrogate: UnicodeEncodeError)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
            else:  # the end of a mapping or sequence
                frame = stack.pop()
                value, size = frame.value, frame.size
                if frame.anchor is not None:
                    anchors[frame.anchor] = (value, size)
                line = lines.containers[id(value)]
            if kind is not yaml.MappingEndEvent and kind is not yaml.SequenceEndEvent:
                total += size
            if total > MAX_VALUES:
                raise ModelInvalid(
                    f"more than {MAX_VALUES:,} values (aliases counted as what they repeat); not read",
                    line,
                )
            if not stack:
                result = value
                continue
            parent = stack[-1]
            parent.size += size
            if parent.lines is None:
                parent.value.append(value)
            elif parent.key is _NO_KEY:
                if not isinstance(value, str):
                    raise ModelInvalid(f"a key must be a string, not {_shape(value)}", line)
                if value in parent.value:
                    first = parent.lines[value]
                    raise ModelInvalid(
                        f"key {value[:60]!r} given twice (first at line {first})", line
                    )
                parent.key, parent.key_line = value, line
            else:
                parent.value[parent.key] = value
                parent.lines[parent.key] = parent.key_line
                parent.key = _NO_KEY
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark  # (where the construct opened)
        problem = " ".join(str(error.problem or error).split())
        raise ModelInvalid(f"not YAML: {problem}", mark.line + 1 if mark else 1) from None
    except yaml.YAMLError as error:
        raise ModelInvalid(f"not YAML: {' '.join(str(error).split())}") from None
    except UnicodeEncodeError:
        raise ModelInvalid("a string holds a lone surrogate, which no file can hold") from None
    return result, lines


def read_model_file(path: str | os.PathLike[str]) -> str:
    """A model file's text, read bounded (:func:`.bounded.read_bounded`, at most
    :data:`MAX_MODEL_BYTES`); :class:`ModelInvalid` for anything that is not a readable,
    regular UTF-8 file of that size."""
    try:
        data = read_bounded(path, MAX_MODEL_BYTES)
    except (OSError, FileTooLarge) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ModelInvalid(f"cannot read it: {reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ModelInvalid("not UTF-8 text", line) from None


def load(text: str) -> Operation:
    """The operation a spec holds, checked against the model's schema and the naming
    rules (:func:`from_data`); :class:`ModelInvalid` (a ``ValueError``) when it holds none."""
    data, lines = parse_yaml(text)
    if data is None:
        raise ModelInvalid("empty model file: an operation (a mapping) is needed")
    operation: Operation = from_data(Operation, data, lines)
    return operation


def load_type(text: str) -> Resource | EnumType:
    """The type a ``types/`` spec holds: an enum's spec always lists its members, so the
    keys tell one from the other."""
    data, lines = parse_yaml(text)
    if not isinstance(data, dict):
        raise ModelInvalid(f"a type spec is a mapping, not {_shape(data)}")
    if "members" in data:
        enum: EnumType = from_data(EnumType, data, lines)
        return enum
    resource: Resource = from_data(Resource, data, lines)
    return resource
