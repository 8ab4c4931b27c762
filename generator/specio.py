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

from .model import Operation

try:  # the C implementations are several times faster on a whole corpus
    _Dumper: type = yaml.CSafeDumper
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _Dumper, _Loader = yaml.SafeDumper, yaml.SafeLoader


def to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            default = field.default
            if default is dataclasses.MISSING and field.default_factory is not dataclasses.MISSING:
                default = field.default_factory()
            if (
                default is not dataclasses.MISSING
                and item == default
                and type(item) is type(default)
            ):
                continue
            data[field.name] = to_data(item)
        return data
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(hint: Any, data: Any) -> Any:
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
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        names = {field.name for field in dataclasses.fields(hint)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown keys for {hint.__name__}: {', '.join(sorted(unknown))}")
        return hint(**{key: from_data(hints[key], value) for key, value in data.items()})
    return data


class _Flow(list):
    """A short list of scalars, written on one line (``[Mail.Send]``) to keep specs compact."""


def _flow(value: Any) -> Any:
    if isinstance(value, list):
        items = [_flow(item) for item in value]
        if items and all(isinstance(item, (str, int, float, bool)) for item in items):
            if sum(len(str(item)) + 2 for item in items) <= 80:
                return _Flow(items)
        return items
    if isinstance(value, dict):
        return {key: _flow(item) for key, item in value.items()}
    return value


def _represent_flow(dumper: Any, value: _Flow) -> Any:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


class _SpecDumper(_Dumper):  # type: ignore[misc, valid-type]
    pass


_SpecDumper.add_representer(_Flow, _represent_flow)


def dump(operation: Operation) -> str:
    return yaml.dump(
        _flow(to_data(operation)),
        Dumper=_SpecDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def load(text: str) -> Operation:
    return from_data(Operation, yaml.load(text, Loader=_Loader))
