"""The endpoint table the scan resolves calls against: per operation, its HTTP method and
its documented variants.

A method call picks its variant by the path parameters it passes (as the runtime's
``choose_variant`` does), and a ``request()``/``follow()``/``upload()`` call is matched by
its path against the templates with the replay's own matcher (:mod:`generator.parse.urls`), so
the scan and the example replay can never disagree on which operation a URL calls. The
table comes from the model (its operations) or from a built package's group modules, read
as text and never imported.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.errors import InputError
from ..core.model import Operation, PathParam, PathVariant
from ..plan.replay import positional_params, signature_params
from ..runtime._contract import read_table
from ..parse.urls import first_segment, index_keys, match_url, written_path

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Variant:
    """One documented variant: its target (path and fixed query, as the runtime keeps it)
    and the parameters that select it."""

    target: str
    names: frozenset[str]

    @property
    def me(self) -> bool:
        """It addresses the signed-in user: no application permission lets it run."""
        path = self.target.partition("?")[0]
        return path == "/me" or path.startswith("/me/")


@dataclass(frozen=True)
class Endpoint:
    operation: Operation
    variants: tuple[Variant, ...]
    positional: tuple[str, ...] = ()  # the method's path parameters a call may pass by position

    @property
    def name(self) -> str:
        return self.operation.qualified_name

    @cached_property
    def common(self) -> frozenset[str]:
        """The parameters every variant takes."""
        names = [variant.names for variant in self.variants]
        return frozenset.intersection(*names) if names else frozenset()

    @cached_property
    def optional(self) -> frozenset[str]:
        names = frozenset().union(*(variant.names for variant in self.variants))
        return names - self.common

    @cached_property
    def targets(self) -> tuple[str, ...]:
        return tuple(variant.target for variant in self.variants)

    @cached_property
    def by_names(self) -> dict[frozenset[str], tuple[str, ...]]:
        """The targets that take exactly these parameters (a page may list thousands)."""
        found: dict[frozenset[str], list[str]] = {}
        for variant in self.variants:
            found.setdefault(variant.names, []).append(variant.target)
        return {names: tuple(targets) for names, targets in found.items()}


class Endpoints:
    """Every operation of a model or package, by ``group.method`` and by HTTP method."""

    def __init__(
        self, operations: list[Operation], positional: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        """``positional``: per operation, the parameters its method takes by position, as
        a package's signatures say; otherwise worked out as rendering does."""
        self.by_name: dict[str, Endpoint] = {}
        self.by_method: dict[str, list[Endpoint]] = {}
        self._matched: dict[tuple[str, str], list[tuple[str, str]]] = {}  # the calls repeat
        # by HTTP method and first path segment, as the replay's index: a URL is tried
        # against the operations that could match it, not against every one
        self.by_segment: dict[tuple[str, str], list[Endpoint]] = {}
        self.anywhere: dict[str, list[Endpoint]] = {}
        for operation in sorted(operations, key=lambda op: op.qualified_name):
            variants = tuple(
                Variant(v.target, frozenset(_PLACEHOLDER.findall(v.target)))
                for v in operation.variants
            )
            name = operation.qualified_name
            if positional is not None and name in positional:
                order = positional[name]
            else:
                order = tuple(signature_params(operation)[0] + positional_params(operation))
            endpoint = Endpoint(operation, variants, order)
            self.by_name[endpoint.name] = endpoint
            method = operation.http_method.upper()
            self.by_method.setdefault(method, []).append(endpoint)
            keys = index_keys(operation)
            for key in keys:
                self.by_segment.setdefault((key[0].upper(), key[1]), []).append(endpoint)
            if len(keys) < len({first_segment(v.path) for v in operation.variants}):
                self.anywhere.setdefault(method, []).append(endpoint)  # a path opens with {x}

    @property
    def groups(self) -> dict[str, frozenset[str]]:
        methods: dict[str, set[str]] = {}
        for name in self.by_name:
            group, method = name.split(".", 1)
            methods.setdefault(group, set()).add(method)
        return {group: frozenset(names) for group, names in sorted(methods.items())}

    def match(self, method: str, url: str) -> list[tuple[str, str]]:
        """The operations (and variant targets) ``METHOD url`` calls: those whose template
        matches with the most literal text (``/users/delta`` is not ``/users/{id}``); all of
        them when several tie, since the scan must not choose one it cannot tell apart."""
        key = (method.upper(), url)
        if key not in self._matched:
            self._matched[key] = self._match(*key)
        return self._matched[key]

    def _match(self, method: str, url: str) -> list[tuple[str, str]]:
        found: list[tuple[int, str, str]] = []
        segment = first_segment(written_path(url))
        candidates = self.by_segment.get((method, segment), []) + self.anywhere.get(method, [])
        for endpoint in {each.name: each for each in candidates}.values():
            hit = match_url(endpoint.operation, url)
            if hit is not None:
                literal = len(_PLACEHOLDER.sub("", hit.variant.path))
                found.append((literal, endpoint.name, hit.variant.target))
        if not found:
            return []
        best = max(literal for literal, _, _ in found)
        return sorted((name, target) for literal, name, target in found if literal == best)


def from_package(package: Path) -> Endpoints:
    """The endpoints of a built package's group modules (``groups/*.py``)."""
    operations: list[Operation] = []
    positional: dict[str, tuple[str, ...]] = {}
    for module in sorted((package / "groups").glob("*.py")):
        if module.name.startswith("_"):
            continue
        try:
            tree = ast.parse(module.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as error:
            raise InputError(f"{module}: group module does not parse: {error}") from None
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                for method in node.body:
                    if isinstance(method, ast.FunctionDef):
                        args = method.args.posonlyargs + method.args.args
                        name = f"{module.stem}.{method.name}"
                        positional.setdefault(name, tuple(a.arg for a in args[1:]))
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and node.value.args
                and isinstance(node.value.args[0], ast.Constant)
                and isinstance(node.value.args[0].value, str)
            ):
                for row in read_table(node.value.args[0].value):
                    variants = tuple(
                        PathVariant(
                            template,
                            template.partition("?")[0],
                            tuple(
                                PathParam(name, name, row.styles.get(name, "segment"))  # type: ignore[arg-type]
                                for name in dict.fromkeys(_PLACEHOLDER.findall(template))
                            ),
                            template.partition("?")[2],
                        )
                        for template in row.variants
                    )
                    operations.append(
                        Operation(
                            id=f"{module.stem}-{row.name}",
                            api_version="",
                            source=module.as_posix(),
                            title="",
                            summary="",
                            group=module.stem,
                            name=row.name,
                            http_method=row.method,
                            variants=variants,
                        )
                    )
    return Endpoints(operations, positional)
