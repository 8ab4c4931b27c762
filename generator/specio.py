"""The endpoint model as YAML: reviewable in a diff, and loaded back exactly.

Fields are written in dataclass order and fields at their default value are left out,
so a spec file shows what the page documents and nothing else; loading rebuilds the
same frozen objects (``load(dump(op)) == op``), driven by the dataclasses' type hints.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any

import yaml

from .model import EnumType, Operation, Resource

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


def from_data(hint: Any, data: Any) -> Any:
    """``data`` (plain YAML values) as the type ``hint`` names; ``ValueError`` on an
    unknown field."""
    if hint is Any or data is None:
        return data
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return from_data(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], item) for item in data)
        return tuple(from_data(arg, item) for arg, item in zip(args, data))
    if origin is typing.Literal:
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        names = {field.name for field in dataclasses.fields(hint)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown keys for {hint.__name__}: {', '.join(sorted(unknown))}")
        return hint(**{key: from_data(hints[key], value) for key, value in data.items()})
    return data


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


def _data(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise ValueError(f"not YAML: {error}".replace("\n", " ")) from None


def load(text: str) -> Operation:
    """The operation a spec holds; ``ValueError`` (or ``TypeError``/``KeyError`` for a
    field of the wrong shape) when it holds none."""
    operation: Operation = from_data(Operation, _data(text))
    return operation


def load_type(text: str) -> Resource | EnumType:
    """The type a ``types/`` spec holds: an enum's spec always lists its members, so the
    keys tell one from the other."""
    data = _data(text)
    if not isinstance(data, dict):
        raise ValueError("a type spec is a mapping")
    if "members" in data:
        enum: EnumType = from_data(EnumType, data)
        return enum
    resource: Resource = from_data(Resource, data)
    return resource
