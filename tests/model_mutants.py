"""Mutants of the committed model files, for the model fuzz (``test_model_fuzz.py``).

Every field of every file is mutated in turn: a breakout string (text that would run code
if pasted into Python source), an identifier carrying a comment or a line break, a value
of the wrong type, null; a list or mapping also becomes empty. The mutants are listed in a
fixed order and sampled with a fixed seed, so a run is reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

MARKER = "graphdoc-fuzz-ran"  # a file the payloads create (in the working folder) if they run
PAYLOADS = (
    f'zz=__import__("os").system("touch {MARKER}"), #',
    f"x\n__import__('os').system('touch {MARKER}')\n",
    f'x"""\n__import__("os").system("touch {MARKER}")\n"""',
    f"send # comment\nimport os; os.system('touch {MARKER}')",
    f"x')\n__import__('os').system('touch {MARKER}')#",
    "__init__",
    "{__import__}",
)
WRONG = (None, 7, True, [], {}, ["a", 1], {"k": "v"}, "text", -1, 10**30, 1.5)


@dataclass(frozen=True)
class Mutant:
    file: str  # relative to the model folder (``message-send.yaml``, ``types/user.yaml``)
    where: str  # the mutated field, e.g. ``variants[0].params[0].name`` (``(file)``: the whole)
    value: Any
    path: tuple[Any, ...]  # of keys and indexes to the field

    def text(self, model: Path) -> str:
        """The mutated file."""
        if not self.path and self.where == "(file)":
            return "" if self.value == "" else _dump(self.value)
        data = yaml.load((model / self.file).read_text(encoding="utf-8"), Loader=_LOADER)
        return _dump(_replaced(data, self.path, self.value))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def _fields(data: Any, where: str = "") -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every field below ``data``, as its place and its path of keys/indexes."""
    if isinstance(data, dict):
        for key, value in data.items():
            place = f"{where}.{key}" if where else str(key)
            yield place, (key,)
            for inner, path in _fields(value, place):
                yield inner, (key, *path)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            place = f"{where}[{index}]"
            yield place, (index,)
            for inner, path in _fields(value, place):
                yield inner, (index, *path)


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {
            key: _replaced(item, rest, value) if key == head else item for key, item in data.items()
        }
    return [
        _replaced(item, rest, value) if index == head else item for index, item in enumerate(data)
    ]


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def mutants(model: Path) -> list[Mutant]:
    """Every mutant of every file under ``model`` (a ``specs/model/<version>`` folder),
    listed without writing any (a mutant's text is made when it is used)."""
    found: list[Mutant] = []
    for file in sorted(model.rglob("*.yaml")):
        relative = file.relative_to(model).as_posix()
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER)
        for whole in (None, [], "text", 7, ""):
            found.append(Mutant(relative, "(file)", whole, ()))
        for where, path in _fields(data):
            present = _at(data, path)
            values: list[Any] = list(WRONG)
            if isinstance(present, str) or path[-1] in ("name", "group", "id"):
                values += PAYLOADS
            for value in values:
                if not (value == present and type(value) is type(present)):
                    found.append(Mutant(relative, where, value, path))
    return found


def _identifier(mutant: Mutant) -> bool:
    """A mutant of a field that becomes a Python name: the group, the method, a parameter."""
    return mutant.value in PAYLOADS and (
        mutant.where in ("group", "name")
        or mutant.where.endswith(".name")
        and ".params[" in mutant.where
    )


def sample(model: Path, names: int, others: int, seed: int = 29) -> list[Mutant]:
    """``names`` mutants of identifiers and ``others`` of any other field, drawn with a
    fixed seed."""
    every = mutants(model)
    chosen = [m for m in every if _identifier(m)]
    rest = [m for m in every if not _identifier(m)]
    rng = random.Random(seed)
    return rng.sample(chosen, min(names, len(chosen))) + rng.sample(rest, min(others, len(rest)))
