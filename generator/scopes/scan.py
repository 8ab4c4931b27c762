"""The calls a program makes to a generated client, found in its syntax tree.

The user's code is parsed, never imported or run: a CI job must be able to check a
program without its dependencies, secrets or side effects. So what is found is what the
source says plainly:

- ``client.group.method(...)`` on anything the source shows is a client: a name bound to a
  ``GraphClient``/``AsyncGraphClient`` (by assignment, ``with ... as``, a parameter or a
  variable annotated with the class, a function whose return annotation is the class), an
  attribute of a user object annotated or assigned as one (``self.client``), through
  ``with_raw_response``, ``with_streaming_response``, ``with_options(...)`` and
  ``batch()`` (the calls queued in a batch need their permissions as much as any), and
  through names bound to a client, a group or a method;
- a method passed around as a value (``run(client.message.get)``): the call it stands for
  may take any of its variants;
- ``client.request(method, path)``, ``client.follow(link)`` and ``client.upload(...)``,
  whose paths (literal, an f-string, or a name bound once to one) are matched against the
  endpoint table by template, with the replay's matcher.

Each call says which documented variants it may take, from the path parameters it passes
(``user_id=`` or not): the runtime chooses a variant the same way, and ``/me`` variants
need a signed-in user. A call on a client that the source does not spell out (``getattr``,
a path that is not literal, a method the package does not have) is reported with its
place, never guessed; so is a file the scan cannot analyse (nested too deeply, too big).

Names are followed per file, whatever the scope or order (a program rarely rebinds its
client's name to something else), with a work list: a name learnt re-examines only the
bindings that mention it, so chains of aliases cost linear time.
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Union

from ..core.bounded import read_bounded
from ..core.errors import FileTooLarge
from ..runtime._upload import ATTACHMENT_SIMPLE_LIMIT, SIMPLE_LIMIT
from ..parse.urls import on_graph_host
from .endpoints import Endpoint, Endpoints

CLIENT_CLASSES = frozenset({"GraphClient", "AsyncGraphClient"})
# Attributes of a client that give the same client (its calls answer differently).
SAME_CLIENT = frozenset({"with_raw_response", "with_streaming_response"})
# Methods of a client that return a client (a batch queues the same calls).
CLIENT_METHODS = frozenset({"with_options", "batch", "__enter__", "__aenter__"})
# Methods of a client that call Graph by path.
PATH_METHODS = frozenset({"request", "follow", "upload"})
# Public attributes of a client that call nothing.
NOT_GRAPH = frozenset(
    {"close", "aclose", "__exit__", "__aexit__", "base_url", "timeout", "max_retries"}
)
# Attributes of a page that hold a link to more of it.
PAGE_LINKS = frozenset({"next_link", "delta_link"})
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages"})
# A source this long is not analysed: its calls are listed as unknown instead.
MAX_SOURCE_CHARS = 8 * 1024 * 1024
MAX_NODES = 2_000_000
# Stands for a value the source does not spell out, inside a path (one segment's worth).
UNKNOWN = "\ue000"
# How many optional parameters whose presence is unknown are tried in every combination.
MAX_UNCERTAIN = 4
UPLOAD_DRIVE = "/me/drive"
UPLOAD_TARGETS = ("item_id", "item_path", "parent_id", "attach_to")
# A source file larger than this is not read (listed as unresolved): parsing a file costs
# some 25 times its size in memory, and hand-written modules are far smaller.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Call:
    """A call of an operation (``group.method``) at ``path:line``.

    ``variants`` are the documented targets the call may take (several when the source
    does not decide); ``how`` says how it was reached (``call``, ``value``, ``request``,
    ``follow``, ``upload``); ``text`` is the start of its source line.
    """

    path: str
    line: int
    operation: str
    variants: tuple[str, ...] = ()
    how: str = "call"
    text: str = ""


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


def scan(paths: Iterable[str], endpoints: Endpoints) -> Scan:
    """Every call of the operations of ``endpoints`` in the Python files of ``paths``."""
    calls: list[Call] = []
    unresolved: list[Unresolved] = []
    files = python_files(paths)
    for file in files:
        name = file.as_posix()
        try:
            source = read_bounded(file, MAX_SOURCE_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError, FileTooLarge) as error:
            unresolved.append(Unresolved(name, 1, f"cannot read: {error}"))
            continue
        found, lost = scan_source(name, source, endpoints)
        calls += found
        unresolved += lost
    key = lambda item: (item.path, item.line)  # noqa: E731
    return Scan(tuple(sorted(calls, key=key)), tuple(sorted(unresolved, key=key)), len(files))


def scan_source(
    name: str, source: str, endpoints: Endpoints
) -> tuple[list[Call], list[Unresolved]]:
    """The calls of one file's source; a file that cannot be analysed is one unresolved
    entry with the reason, so that the gate fails on it rather than on the whole run."""
    if len(source) > MAX_SOURCE_CHARS:
        return [], [
            Unresolved(
                name,
                1,
                f"not analysed: too big ({len(source)} characters, limit {MAX_SOURCE_CHARS});"
                " its calls are unknown",
            )
        ]
    try:
        tree = ast.parse(source, filename=name)
    except SyntaxError as error:
        return [], [Unresolved(name, error.lineno or 1, f"does not parse: {error.msg}")]
    except (ValueError, RecursionError, MemoryError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else "too complex"
        if isinstance(error, ValueError):
            reason = f"does not parse: {error}"
        return [], [Unresolved(name, 1, f"not analysed: {reason}; its calls are unknown")]
    try:
        return _FileScan(name, source, endpoints).run(tree)
    except (RecursionError, MemoryError) as error:  # (a safety net: the walk is iterative)
        return [], [
            Unresolved(name, 1, f"not analysed: {type(error).__name__}; its calls are unknown")
        ]


def _annotation_names(node: ast.expr) -> list[str]:
    """The class names an annotation mentions (``GraphClient``, ``"GraphClient"``,
    ``GraphClient | None``, ``Optional[GraphClient]``), looked at iteratively."""
    names: list[str] = []
    todo = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, ast.Name):
            names.append(item.id)
        elif isinstance(item, ast.Attribute):
            names.append(item.attr)
        elif isinstance(item, ast.Constant) and isinstance(item.value, str):
            text = item.value.replace("|", " ").replace("[", " ").replace("]", " ")
            names += [word.rsplit(".", 1)[-1] for word in text.split() if word]
        elif isinstance(item, ast.BinOp):
            todo += [item.left, item.right]
        elif isinstance(item, ast.Subscript):
            todo.append(item.slice)
        elif isinstance(item, ast.Tuple):
            todo += item.elts
    return names


def _group_key(name: str) -> str:
    return name.replace("_", "").lower()


def _operations_class(name: str) -> str | None:
    """``MessageOperations``, ``AsyncRawMessageOperations`` → the key of group ``message``."""
    if not name.endswith("Operations") or name == "Operations":
        return None
    base = name[: -len("Operations")].removeprefix("Async")
    for mode in ("Raw", "Stream"):
        base = base.removeprefix(mode)
    return _group_key(base) if base else None


# What an expression stands for: ("client",), ("class",), ("factory",), ("group", g),
# ("method", g, m), ("cmethod", name), ("unknown", kind, text); None: nothing of ours.
Kind = Union[tuple[str, ...], None]
CLIENT: tuple[str, ...] = ("client",)


@dataclass
class _Binding:
    target: str  # a name, or ".attr" for an attribute of some object
    value: ast.expr
    enter: bool = False  # ``with value as target``


class _FileScan:
    def __init__(self, path: str, source: str, endpoints: Endpoints) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.endpoints = endpoints
        self.groups = endpoints.groups
        self.group_keys = {_group_key(group): group for group in self.groups}
        self.client_classes: set[str] = set(CLIENT_CLASSES)  # and their subclasses here
        self.clients: set[str] = set()
        self.client_attrs: set[str] = set()
        self.factories: set[str] = set()
        self.group_attrs: dict[str, str] = {}  # attribute annotated with a group's class
        self.group_factories: dict[str, str] = {}  # function returning a group's class
        self.assigned: set[str] = set()  # names this file binds by assignment
        self.unannotated: set[str] = set()  # parameters without an annotation
        self.imported: set[str] = set()
        self.aliases: dict[str, tuple[str, ...]] = {}  # name → group, method or client method
        self.strings: dict[str, list[ast.expr]] = {}  # name → the strings bound to it
        self.maybe_none: set[str] = set()  # names that may hold None
        self.calls: list[Call] = []
        self.lost: list[Unresolved] = []
        self.values: dict[str, list[ast.expr]] = {}  # name → what it is bound to
        self.recorded: dict[int, list[Call]] = {}  # call node → the calls recorded for it
        self.follows: list[tuple[ast.Call, str]] = []  # follow(name.next_link), for later

    # learning the names

    def run(self, tree: ast.AST) -> tuple[list[Call], list[Unresolved]]:
        nodes: list[ast.AST] = []
        for node in ast.walk(tree):
            nodes.append(node)
            if len(nodes) > MAX_NODES:
                return [], [
                    Unresolved(
                        self.path,
                        1,
                        f"not analysed: too big (more than {MAX_NODES} syntax nodes);"
                        " its calls are unknown",
                    )
                ]
        bindings = self._collect(nodes)
        for binding in bindings:
            if not binding.target.startswith(".") and not binding.enter:
                self.values.setdefault(binding.target, []).append(binding.value)
        self._learn(bindings)
        self._find(nodes, {id(b.value) for b in bindings if not b.target.startswith(".")})
        return self.calls, self.lost

    def _is_client_class(self, annotation: ast.expr) -> bool:
        return any(name in self.client_classes for name in _annotation_names(annotation))

    def _group_class(self, annotation: ast.expr) -> str | None:
        for name in _annotation_names(annotation):
            key = _operations_class(name)
            if key is not None and key in self.group_keys:
                return self.group_keys[key]
        return None

    def _subclasses(self, nodes: list[ast.AST]) -> None:
        """Classes of this file derived from a client class are client classes too."""
        children: dict[str, list[str]] = {}
        for node in nodes:
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    for name in _annotation_names(base):
                        children.setdefault(name, []).append(node.name)
        todo = list(self.client_classes)
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in self.client_classes:
                    self.client_classes.add(child)
                    todo.append(child)

    def _collect(self, nodes: list[ast.AST]) -> list[_Binding]:
        self._subclasses(nodes)
        bindings: list[_Binding] = []
        for node in nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind_target(bindings, target, node.value)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.imported.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, ast.AnnAssign):
                group = self._group_class(node.annotation)
                if self._is_client_class(node.annotation):
                    if isinstance(node.target, ast.Name):
                        self.clients.add(node.target.id)
                        self.client_attrs.add(node.target.id)  # a class body's field
                    elif isinstance(node.target, ast.Attribute):
                        self.client_attrs.add(node.target.attr)
                elif group is not None:
                    if isinstance(node.target, ast.Name):
                        self.aliases.setdefault(node.target.id, ("group", group))
                        self.group_attrs.setdefault(node.target.id, group)
                    elif isinstance(node.target, ast.Attribute):
                        self.group_attrs.setdefault(node.target.attr, group)
                if node.value is not None:
                    self._bind_target(bindings, node.target, node.value)
            elif isinstance(node, ast.NamedExpr):
                self._bind_target(bindings, node.target, node.value)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if isinstance(item.optional_vars, ast.Name):
                        bindings.append(_Binding(item.optional_vars.id, item.context_expr, True))
            elif isinstance(node, ast.arg):
                if node.annotation is None:
                    self.unannotated.add(node.arg)
                elif self._is_client_class(node.annotation):
                    self.clients.add(node.arg)
                elif (group := self._group_class(node.annotation)) is not None:
                    self.aliases.setdefault(node.arg, ("group", group))
                if node.annotation is not None and _optional(node.annotation):
                    self.maybe_none.add(node.arg)
            elif isinstance(node, ast.arguments):
                positional = node.posonlyargs + node.args
                for arg, default in zip(
                    positional[len(positional) - len(node.defaults) :], node.defaults
                ):
                    if _is_none(default):
                        self.maybe_none.add(arg.arg)
                for arg, kw_default in zip(node.kwonlyargs, node.kw_defaults):
                    if kw_default is not None and _is_none(kw_default):
                        self.maybe_none.add(arg.arg)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if node.returns is not None and self._is_client_class(node.returns):
                    self.factories.add(node.name)
                elif node.returns is not None:
                    group = self._group_class(node.returns)
                    if group is not None:
                        self.group_factories[node.name] = group
        return bindings

    def _bind_target(self, bindings: list[_Binding], target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                for each, part in zip(target.elts, value.elts):  # a, b = GraphClient(), x
                    self._bind_target(bindings, each, part)
            else:
                self.assigned.update(n.id for n in target.elts if isinstance(n, ast.Name))
            return
        if isinstance(target, ast.Name):
            self.assigned.add(target.id)
            bindings.append(_Binding(target.id, value))
            if isinstance(value, (ast.Constant, ast.JoinedStr, ast.BinOp)):
                if _is_none(value):
                    self.maybe_none.add(target.id)
                else:
                    self.strings.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Attribute):
            bindings.append(_Binding("." + target.attr, value))

    def _learn(self, bindings: list[_Binding]) -> None:
        """Names bound to clients, groups and methods, to a fixed point: each binding is
        looked at once, then again only when a name its value mentions is learnt."""
        index: dict[str, list[_Binding]] = {}
        for binding in bindings:
            for key in _mentions(binding.value):
                index.setdefault(key, []).append(binding)
        todo: deque[_Binding] = deque(bindings)
        while todo:
            binding = todo.popleft()
            kind = self.resolve(binding.value)
            learnt = ""
            if binding.target.startswith("."):
                if kind == CLIENT and binding.target[1:] not in self.client_attrs:
                    self.client_attrs.add(binding.target[1:])
                    learnt = binding.target
            elif kind == CLIENT:
                if binding.target not in self.clients:
                    self.clients.add(binding.target)
                    learnt = binding.target
            elif binding.enter:
                pass  # entering anything else gives nothing we know
            elif kind is not None and kind[0] in ("group", "method", "cmethod"):
                if binding.target not in self.aliases and binding.target not in self.clients:
                    self.aliases[binding.target] = kind
                    learnt = binding.target
            if learnt:
                todo.extend(index.get(learnt, ()))

    # what an expression stands for

    def resolve(self, node: ast.expr, memo: dict[int, Kind] | None = None) -> Kind:
        """What ``node`` stands for, worked out along its chain of attributes, calls and
        awaits without recursion (a chain may be thousands long)."""
        chain: list[ast.expr] = []
        current: ast.expr = node
        kind: Kind = None
        while True:
            if memo is not None and id(current) in memo:
                kind = memo[id(current)]
                break
            if isinstance(current, ast.Attribute):
                chain.append(current)
                current = current.value
            elif isinstance(current, ast.Call):
                chain.append(current)
                current = current.func
            elif isinstance(current, ast.Await):
                chain.append(current)
                current = current.value
            else:
                if isinstance(current, ast.Name):
                    kind = self._name(current.id)
                if memo is not None:
                    memo[id(current)] = kind
                break
        for outer in reversed(chain):
            kind = self._step(kind, outer)
            if memo is not None:
                memo[id(outer)] = kind
        return kind

    def _name(self, name: str) -> Kind:
        if name in self.clients:
            return CLIENT
        if name in self.aliases:
            return self.aliases[name]
        if name in self.client_classes:
            return ("class",)
        if name in self.factories:
            return ("factory",)
        if name in self.group_factories:
            return ("gfactory", self.group_factories[name])
        return None

    def _step(self, inner: Kind, node: ast.expr) -> Kind:
        if isinstance(node, ast.Await):
            return inner if inner == CLIENT else None
        if isinstance(node, ast.Call):
            if inner is None:
                return None
            if inner[0] in ("class", "factory"):
                return CLIENT
            if inner[0] == "gfactory":
                return ("group", inner[1])
            if inner[0] == "cmethod" and inner[1] in CLIENT_METHODS:
                return CLIENT
            return None
        assert isinstance(node, ast.Attribute)
        attr = node.attr
        if attr in self.client_classes:
            return ("class",)
        if inner is None:
            if attr in self.client_attrs:
                return CLIENT  # an attribute of a user object, annotated or bound as a client
            if attr in self.group_attrs:
                return ("group", self.group_attrs[attr])
            if attr in self.group_factories:
                return ("gfactory", self.group_factories[attr])
            return ("factory",) if attr in self.factories else None
        if inner == CLIENT:
            if attr in SAME_CLIENT:
                return CLIENT
            if attr in self.groups:
                return ("group", attr)
            if attr in CLIENT_METHODS or attr in PATH_METHODS:
                return ("cmethod", attr)
            if attr.startswith("_") or attr in NOT_GRAPH:
                return None
            return ("unknown", "attribute", attr)
        if inner[0] == "group":
            if attr in self.groups[inner[1]]:
                return ("method", inner[1], attr)
            if attr.startswith("_"):
                return None
            return (
                "unknown",
                "call",
                f"unknown method: {inner[1]}.{attr} (the package has no such operation)",
            )
        if inner[0] == "unknown" and inner[1] == "attribute":
            return (
                "unknown",
                "call",
                f"unknown group: {inner[2]}.{attr} (the package has no such group)",
            )
        return None

    # finding the calls

    def _find(self, nodes: list[ast.AST], bound: set[int]) -> None:
        memo: dict[int, Kind] = {}
        inner: set[int] = set()
        for node in nodes:
            if isinstance(node, ast.Call):
                inner.add(id(node.func))
            elif isinstance(node, ast.Attribute):
                inner.add(id(node.value))
        for node in nodes:
            if isinstance(node, ast.Call):
                self._call(node, self.resolve(node.func, memo), memo)
            elif isinstance(node, (ast.Attribute, ast.Name)) and id(node) not in inner:
                if id(node) in bound or not isinstance(node.ctx, ast.Load):
                    continue
                kind = self.resolve(node, memo)
                if kind is not None and kind[0] == "method":
                    endpoint = self.endpoints.by_name[f"{kind[1]}.{kind[2]}"]
                    self._record(node, endpoint, endpoint.targets, "value")
        for call, name in self.follows:
            self._follow_page(call, name, memo)

    def _follow_page(self, node: ast.Call, name: str, memo: dict[int, Kind]) -> None:
        """``client.follow(page.next_link)``: the link of a page that a call of this file
        answered (``page = client.user.list()``; ``page = client.follow(page.next_link)``
        again) reads more of the same collection, with the same permissions."""
        found: list[Call] = []
        for value in self.values.get(name, []):
            inner = value.value if isinstance(value, ast.Await) else value
            if id(inner) in self.recorded:
                found += self.recorded[id(inner)]
            elif isinstance(inner, ast.Call) and self.resolve(inner.func, memo) == (
                "cmethod",
                "follow",
            ):
                continue  # the next page of the same chain
            else:
                found = []
                break  # bound to something else too: the link's page is unknown
        if not found:
            self._lose(
                node,
                f"follow: the link is not literal, nor the link of a page a call here"
                f" answered: {self._text(node)}",
            )
            return
        for operation, variants in dict.fromkeys((c.operation, c.variants) for c in found):
            self._record(node, self.endpoints.by_name[operation], variants, "follow")

    def _call(self, node: ast.Call, kind: Kind, memo: dict[int, Kind]) -> None:
        if kind is None:
            func = node.func
            if isinstance(func, ast.Name) and func.id == "getattr" and node.args:
                target = self.resolve(node.args[0], memo)
                if target is not None and target[0] in ("client", "group"):
                    self._lose(node, f"dynamic call: {self._text(node)}")
            elif self._looks_like_a_call(func, memo):
                assert isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
                self._lose(
                    node,
                    f"{func.value.attr}.{func.attr} called on an object not known to be a client"
                    f" (annotate it with GraphClient): {self._text(node)}",
                )
            return
        if kind[0] == "method":
            endpoint = self.endpoints.by_name[f"{kind[1]}.{kind[2]}"]
            targets, problem = self._variants(endpoint, node)
            if problem:
                self._lose(node, f"{endpoint.name}: {problem}")
            if targets:
                self._record(node, endpoint, targets, "call")
        elif kind[0] == "cmethod" and kind[1] == "request":
            self._request(node)
        elif kind[0] == "cmethod" and kind[1] == "follow":
            link = _argument(node, 0, "link")
            if (
                isinstance(link, ast.Attribute)
                and isinstance(link.value, ast.Name)
                and link.attr in PAGE_LINKS
            ):
                self.follows.append((node, link.value.id))  # once every call is known
            else:
                self._by_path(node, "GET", link, "follow", "the link")
        elif kind[0] == "cmethod" and kind[1] == "upload":
            self._upload(node)
        elif kind[0] == "unknown":
            if kind[1] == "call":
                self._lose(node, kind[2])
            else:
                self._lose(
                    node, f"unknown client attribute: {kind[2]} (not a group of the package)"
                )

    def _looks_like_a_call(self, func: ast.expr, memo: dict[int, Kind]) -> bool:
        """``x.group.method(...)`` with a group and method of the package, on an ``x`` the
        scan cannot place: a parameter without annotation, an imported name, a name the
        file never binds, or an attribute of one (``self.client`` set from such a name).
        Said loudly rather than missed; a name bound here to something else is left alone."""
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)):
            return False
        group, method = func.value.attr, func.attr
        if method not in self.groups.get(group, ()):
            return False
        base = func.value.value
        if self.resolve(base, memo) is not None:
            return False
        root: ast.expr = base
        while isinstance(root, (ast.Attribute, ast.Call, ast.Await)):
            root = root.func if isinstance(root, ast.Call) else root.value
        if not isinstance(root, ast.Name):
            return False
        name = root.id
        if root is base:
            return name in self.unannotated or name in self.imported or name not in self.assigned
        return True  # an attribute of some object: nothing says what it holds

    def _record(
        self, node: ast.expr, endpoint: Endpoint, targets: tuple[str, ...], how: str
    ) -> None:
        call = Call(self.path, node.lineno, endpoint.name, targets, how, self._line(node.lineno))
        self.calls.append(call)
        self.recorded.setdefault(id(node), []).append(call)

    def _lose(self, node: ast.expr, message: str) -> None:
        self.lost.append(Unresolved(self.path, node.lineno, message))

    def _line(self, number: int) -> str:
        text = self.lines[number - 1].strip() if 0 < number <= len(self.lines) else ""
        return text if len(text) <= 100 else text[:99] + "…"

    def _text(self, node: ast.expr) -> str:
        """The source of ``node`` (its first line, shortened), without unparsing it."""
        line = self.lines[node.lineno - 1] if 0 < node.lineno <= len(self.lines) else ""
        end = node.end_col_offset if node.end_lineno == node.lineno else None
        text = line[node.col_offset : end].strip()
        return text if len(text) <= 100 else text[:99] + "…"

    def _variants(self, endpoint: Endpoint, node: ast.Call) -> tuple[tuple[str, ...], str]:
        """The variants a method call may take, as the runtime chooses them: the one whose
        parameters are exactly those passed (not ``None``). A parameter whose presence the
        source does not decide (``**kwargs``, a name that may hold ``None``) makes every
        combination possible."""
        every = endpoint.targets
        if any(kw.arg is None for kw in node.keywords):
            return every, ""  # **kwargs: any variant
        keywords = {kw.arg: kw.value for kw in node.keywords if kw.arg is not None}
        wanted = keywords.get("variant")
        if wanted is not None:
            if isinstance(wanted, ast.Constant) and isinstance(wanted.value, int):
                index = wanted.value
                if 0 <= index < len(endpoint.variants):
                    return (endpoint.variants[index].target,), ""
                return (), f"variant={index} is not one of its {len(endpoint.variants)} variants"
            if isinstance(wanted, ast.Constant) and isinstance(wanted.value, str):
                for variant in endpoint.variants:
                    if wanted.value in (variant.target, variant.target.partition("?")[0]):
                        return (variant.target,), ""
                return (), f"variant={wanted.value!r} is not one of its variants"
            return every, ""
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            return every, ""  # *args: any variant
        if len(node.args) > len(endpoint.positional):
            return (), (
                f"{len(node.args)} positional argument(s) given, the method takes"
                f" {len(endpoint.positional)} ({', '.join(endpoint.positional) or 'none'});"
                " the others go by keyword"
            )
        passed = dict(zip(endpoint.positional, node.args))
        passed.update(keywords)
        given = set(endpoint.common)
        uncertain: list[str] = []
        for name, value in passed.items():
            if name not in endpoint.optional or _is_none(value):
                continue
            if isinstance(value, ast.Name) and value.id in self.maybe_none:
                uncertain.append(name)
            else:
                given.add(name)
        if len(uncertain) > MAX_UNCERTAIN:
            return every, ""
        found: list[str] = []
        for mask in range(1 << len(uncertain)):
            names = given | {uncertain[i] for i in range(len(uncertain)) if mask >> i & 1}
            found += endpoint.by_names.get(frozenset(names), ())
        if not found:
            shown = ", ".join(sorted(given)) or "none"
            return (), f"no documented path takes exactly these path parameters ({shown})"
        return tuple(dict.fromkeys(found)), ""

    def _request(self, node: ast.Call) -> None:
        authorize = _keyword(node, "authorize")
        if isinstance(authorize, ast.Constant) and authorize.value is False:
            return  # no token is sent: no permission is used
        method = _argument(node, 0, "method")
        verb = self._string(method) if method is not None else None
        if verb is None or UNKNOWN in verb:
            self._lose(node, f"request: the HTTP method is not literal: {self._text(node)}")
            return
        self._by_path(node, verb.upper(), _argument(node, 1, "url"), "request", "the path")

    def _by_path(
        self, node: ast.Call, method: str, given: ast.expr | None, how: str, what: str
    ) -> None:
        url = self._string(given) if given is not None else None
        if url is None or url.startswith(UNKNOWN):
            self._lose(
                node,
                f"{how}: {what} is not literal, so the operation it calls is unknown:"
                f" {self._text(node)}",
            )
            return
        if "://" in url and not on_graph_host(url):
            return  # not Graph: the client sends no token there
        matches = self.endpoints.match(method, url)
        if not matches:
            shown = url.replace(UNKNOWN, "{…}")
            self._lose(node, f"{how}: no documented operation is {method} {shown}")
            return
        by_operation: dict[str, list[str]] = {}
        for operation, target in matches:
            by_operation.setdefault(operation, []).append(target)
        for operation, targets in by_operation.items():
            self._record(node, self.endpoints.by_name[operation], tuple(targets), how)

    def _upload(self, node: ast.Call) -> None:
        """``upload(content, item_path=…)``: a small file is one request, a large one an
        upload session; unless the content is a literal, its size is not in the source,
        so both are needed."""
        keywords = {kw.arg: kw.value for kw in node.keywords if kw.arg is not None}
        if any(kw.arg is None for kw in node.keywords):
            self._lose(node, f"upload: its target is given by **kwargs: {self._text(node)}")
            return
        places = [
            name for name in UPLOAD_TARGETS if name in keywords and not _is_none(keywords[name])
        ]
        if not places:
            if "session_url" in keywords:
                return  # a session made elsewhere: its URL is pre-authenticated
            self._lose(node, f"upload: it says no target: {self._text(node)}")
            return
        drive = UPLOAD_DRIVE
        if "drive" in keywords:
            written = self._string(keywords["drive"])
            if written is None or written.startswith(UNKNOWN):
                self._lose(node, f"upload: drive= is not literal: {self._text(node)}")
                return
            drive = written
        drive = "/" + drive.strip("/")
        place = places[0]
        requests: list[tuple[str, str]]
        if place == "attach_to":
            written = self._string(keywords["attach_to"])
            if written is None or written.startswith(UNKNOWN):
                self._lose(node, f"upload: attach_to= is not literal: {self._text(node)}")
                return
            where = "/" + written.strip("/") + "/attachments"
            requests = [("POST", where), ("POST", where + "/createUploadSession")]
        else:
            where = {
                "item_id": f"{drive}/items/{UNKNOWN}",
                "item_path": f"{drive}/root:/{UNKNOWN}:",
                "parent_id": f"{drive}/items/{UNKNOWN}:/{UNKNOWN}:",
            }[place]
            requests = [("PUT", where + "/content"), ("POST", where + "/createUploadSession")]
        content = _argument(node, 0, "content")
        limit = ATTACHMENT_SIMPLE_LIMIT if place == "attach_to" else SIMPLE_LIMIT
        if (
            isinstance(content, ast.Constant)
            and isinstance(content.value, bytes)
            and len(content.value) <= limit
            and "simple_limit" not in keywords
        ):
            requests = requests[:1]  # the size is in the source: one request, no session
        for method, url in requests:
            self._by_path_text(node, method, url)

    def _by_path_text(self, node: ast.Call, method: str, url: str) -> None:
        matches = self.endpoints.match(method, url)
        if not matches:
            shown = url.replace(UNKNOWN, "{…}")
            self._lose(node, f"upload: no documented operation is {method} {shown}")
            return
        by_operation: dict[str, list[str]] = {}
        for operation, target in matches:
            by_operation.setdefault(operation, []).append(target)
        for operation, targets in by_operation.items():
            self._record(node, self.endpoints.by_name[operation], tuple(targets), "upload")

    def _string(self, node: ast.expr, depth: int = 0) -> str | None:
        """The text of a string expression: a literal, an f-string (its values unknown), a
        sum of those, or a name bound once to one; None when the source does not say."""
        if depth > 8:
            return None
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.JoinedStr):
            parts: list[str] = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(value.value)
                else:
                    parts.append(UNKNOWN)
            return "".join(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self._string(node.left, depth + 1)
            right = self._string(node.right, depth + 1)
            return None if left is None or right is None else left + right
        if isinstance(node, ast.Name):
            bound = self.strings.get(node.id, [])
            if len(bound) == 1 and node.id not in self.maybe_none:
                return self._string(bound[0], depth + 1)
            return UNKNOWN if not bound else None
        return UNKNOWN


def _mentions(node: ast.expr) -> list[str]:
    """The names and attributes (``.attr``) along the chain of ``node``: learning one of
    them may change what it stands for."""
    keys: list[str] = []
    current: ast.expr = node
    while True:
        if isinstance(current, ast.Attribute):
            keys.append("." + current.attr)
            current = current.value
        elif isinstance(current, ast.Call):
            current = current.func
        elif isinstance(current, ast.Await):
            current = current.value
        else:
            if isinstance(current, ast.Name):
                keys.append(current.id)
            return keys


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _optional(annotation: ast.expr) -> bool:
    """``X | None`` or ``Optional[X]``: the name may hold None."""
    if isinstance(annotation, ast.BinOp):
        return _is_none(annotation.left) or _is_none(annotation.right)
    if isinstance(annotation, ast.Subscript):
        value = annotation.value
        return (isinstance(value, ast.Name) and value.id == "Optional") or (
            isinstance(value, ast.Attribute) and value.attr == "Optional"
        )
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return "None" in annotation.value or "Optional" in annotation.value
    return False


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    return next((kw.value for kw in node.keywords if kw.arg == name), None)


def _argument(node: ast.Call, position: int, name: str) -> ast.expr | None:
    """The argument at ``position``, or given as ``name=``."""
    positional = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
    if len(positional) == len(node.args) and position < len(positional):
        return positional[position]
    return _keyword(node, name)
