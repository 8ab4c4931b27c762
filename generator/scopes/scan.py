"""The calls a program makes to a generated client, found in its syntax tree.

The user's code is parsed, never imported or run: a CI job must be able to check a
program without its dependencies, secrets or side effects. So what is found is what the
source says plainly: ``client.group.method(...)`` on a name bound to a ``GraphClient`` or
``AsyncGraphClient`` (by assignment, ``with ... as``, or a parameter annotated with the
class), through ``with_raw_response``, ``with_streaming_response`` and
``with_options(...)``, and through names bound to a client or to one of its groups.
Names are followed per file, whatever the scope or order (a program rarely rebinds its
client's name to something else). A call the source does not spell out (``getattr``, a
method the package does not have) is reported with its place, never guessed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..bounded import read_bounded
from ..errors import FileTooLarge

CLIENT_CLASSES = frozenset({"GraphClient", "AsyncGraphClient"})
# Attributes of a client that give the same client (its calls answer differently).
SAME_CLIENT = frozenset({"with_raw_response", "with_streaming_response"})
# Methods of a client that return a client.
CLIENT_METHODS = frozenset({"with_options", "__enter__", "__aenter__"})
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages"})
# A source file larger than this is not read (listed as unresolved): parsing a file costs
# some 25 times its size in memory, and hand-written modules are far smaller.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Call:
    """A call of an operation (``group.method``) at ``path:line``."""

    path: str
    line: int
    operation: str


@dataclass(frozen=True)
class Unresolved:
    """A call, or a file, whose operation the source does not say."""

    path: str
    line: int
    message: str


@dataclass(frozen=True)
class Scan:
    calls: tuple[Call, ...]
    unresolved: tuple[Unresolved, ...]
    files: int

    @property
    def operations(self) -> tuple[str, ...]:
        return tuple(sorted({call.operation for call in self.calls}))


def python_files(paths: Iterable[str]) -> list[Path]:
    """The ``.py`` files of ``paths``: files as given, folders walked (hidden folders and
    caches left out), in name order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                file
                for file in path.rglob("*.py")
                if not any(
                    part.startswith(".") or part in SKIPPED_FOLDERS
                    for part in file.relative_to(path).parts[:-1]
                )
            )
        else:
            found.append(path)
    return found


def scan(paths: Iterable[str], groups: dict[str, frozenset[str]]) -> Scan:
    """Every call of ``groups`` (group → its methods) in the Python files of ``paths``."""
    calls: list[Call] = []
    unresolved: list[Unresolved] = []
    files = python_files(paths)
    for file in files:
        name = file.as_posix()
        try:
            source = read_bounded(file, MAX_SOURCE_BYTES).decode("utf-8")
            tree = ast.parse(source, filename=name)
        except (OSError, UnicodeDecodeError, FileTooLarge) as error:
            unresolved.append(Unresolved(name, 1, f"cannot read: {error}"))
            continue
        except SyntaxError as error:
            unresolved.append(Unresolved(name, error.lineno or 1, f"does not parse: {error.msg}"))
            continue
        found, lost = _FileScan(name, groups).run(tree)
        calls += found
        unresolved += lost
    key = lambda item: (item.path, item.line)  # noqa: E731
    return Scan(tuple(sorted(calls, key=key)), tuple(sorted(unresolved, key=key)), len(files))


def _is_client_class(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in CLIENT_CLASSES
    if isinstance(node, ast.Attribute):
        return node.attr in CLIENT_CLASSES
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.rsplit(".", 1)[-1] in CLIENT_CLASSES  # a quoted annotation
    if isinstance(node, ast.BinOp):  # GraphClient | None
        return _is_client_class(node.left) or _is_client_class(node.right)
    if isinstance(node, ast.Subscript):  # Optional[GraphClient]
        return _is_client_class(node.slice)
    return False


class _FileScan:
    def __init__(self, path: str, groups: dict[str, frozenset[str]]) -> None:
        self.path = path
        self.groups = groups
        self.clients: set[str] = set()
        self.aliases: dict[str, str] = {}  # name → group

    def run(self, tree: ast.AST) -> tuple[list[Call], list[Unresolved]]:
        nodes = list(ast.walk(tree))
        while self._bind(nodes):  # aliases of aliases: until nothing new is learnt
            pass
        calls: list[Call] = []
        lost: list[Unresolved] = []
        for node in nodes:
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "getattr" and node.args:
                target = node.args[0]
                if self._client(target) or self._group(target):
                    what = ast.unparse(node)
                    lost.append(Unresolved(self.path, node.lineno, f"dynamic call: {what}"))
                continue
            if not isinstance(node.func, ast.Attribute):
                continue
            method, owner = node.func.attr, node.func.value
            group = self._group(owner)
            if group is not None:
                if method in self.groups[group]:
                    calls.append(Call(self.path, node.lineno, f"{group}.{method}"))
                else:
                    lost.append(
                        Unresolved(
                            self.path,
                            node.lineno,
                            f"unknown method: {group}.{method} (the package has no such operation)",
                        )
                    )
                continue
            if isinstance(owner, ast.Attribute) and self._client(owner.value):
                if owner.attr not in SAME_CLIENT and not owner.attr.startswith("_"):
                    lost.append(
                        Unresolved(
                            self.path,
                            node.lineno,
                            f"unknown group: {owner.attr}.{method} (the package has no such group)",
                        )
                    )
        return calls, lost

    def _bind(self, nodes: list[ast.AST]) -> bool:
        """Learn the names bound to a client or a group; True when one was new."""
        before = (len(self.clients), len(self.aliases))
        for node in nodes:
            targets: list[ast.expr] = []
            value: ast.expr | None = None
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)):
                targets, value = [node.target], node.value
                if isinstance(node, ast.AnnAssign) and _is_client_class(node.annotation):
                    self._name_client(node.target)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if item.optional_vars is not None and self._client(item.context_expr):
                        self._name_client(item.optional_vars)
            elif isinstance(node, ast.arg):
                if node.annotation is not None and _is_client_class(node.annotation):
                    self.clients.add(node.arg)
            if value is None:
                continue
            for target in targets:
                if self._client(value):
                    self._name_client(target)
                elif (group := self._group(value)) is not None and isinstance(target, ast.Name):
                    self.aliases[target.id] = group
        return (len(self.clients), len(self.aliases)) != before

    def _name_client(self, target: ast.expr) -> None:
        if isinstance(target, ast.Name):
            self.clients.add(target.id)

    def _client(self, node: ast.expr) -> bool:
        """``node`` is a client: a name bound to one, a new one, or a variant of one."""
        if isinstance(node, ast.Name):
            return node.id in self.clients
        if isinstance(node, ast.Await):
            return self._client(node.value)
        if isinstance(node, ast.Call):
            if _is_client_class(node.func):
                return True
            func = node.func
            return (
                isinstance(func, ast.Attribute)
                and func.attr in CLIENT_METHODS
                and self._client(func.value)
            )
        if isinstance(node, ast.Attribute):
            return node.attr in SAME_CLIENT and self._client(node.value)
        return False

    def _group(self, node: ast.expr) -> str | None:
        """The group ``node`` stands for: ``client.group`` or a name bound to one."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute) and node.attr in self.groups:
            return node.attr if self._client(node.value) else None
        return None
