"""Path variants that a page's examples use but its HTTP request section does not list.

Real pages show ``/me/...`` where only ``/users/{id}/...`` is documented (and the other
way round), ``/drive/root`` for ``/drive/items/{id}``, append ``/$count``, a cast (``/microsoft.graph.group``) or ``/$value`` to a
documented path, give a function its parameters (``delta(token='…')``), or omit the
prefix a template is relative to (``/workbook/...`` under ``/me/drive/items/{id}``).
Each of these is a real, callable form of a documented path, so it is added to the
operation as a variant marked ``derived_from`` the documented one, and reported (GD049)
at the example that uses it. Nothing else is guessed: an example that fits none of these
forms stays unmatched (GD044).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from ..core.diagnostics import EXAMPLE_PATH_DERIVED, Report
from ..core.model import Operation, PathParam, PathVariant
from .paths import identifier, parse_template, singular
from .urls import match_url, on_graph_host, path_pattern, written_path

_SUFFIX = re.compile(
    r"(?P<base>.*?)(?P<suffix>(?:/microsoft\.graph\.[A-Za-z0-9_.]+)?(?:/\$count|/\$value)?)$"
)
_FUNCTION = re.compile(r"^(?P<base>.*/(?P<name>[A-Za-z][\w.]*))\((?P<args>[^()]*)\)$")
_DRIVE_ITEM = re.compile(r"(?P<drive>/drive|/drives/\{\w+\})/items/\{(?P<item>\w+)\}")
_USERS = re.compile(r"^/users/\{(\w+)\}(?P<rest>/.*)?$")
_DRIVES = re.compile(r"^/drives/\{(\w+)\}(?P<rest>/.*)?$")


def _with_path(
    variant: PathVariant, path: str, params: tuple[PathParam, ...], origin: str
) -> PathVariant:
    return PathVariant(
        template=path, path=path, params=params, query=variant.query, derived_from=origin
    )


def _aliases(variant: PathVariant) -> Iterator[PathVariant]:
    """The variant itself and its aliases, also of each other (``/me/drive/items/{id}`` → ``/drive/root``)."""
    seen = {variant.path}
    frontier = [variant]
    while frontier:
        current = frontier.pop(0)
        yield current
        for alias in _direct_aliases(current):
            if alias.path not in seen:
                seen.add(alias.path)
                frontier.append(replace(alias, derived_from=variant.template))


def _direct_aliases(variant: PathVariant) -> Iterator[PathVariant]:
    """``/me`` ↔ ``/users/{user_id}``, ``/me/drive`` → ``/drive``, ``/drive/items/{id}`` → ``/drive/root``."""
    path = variant.path
    if path == "/me" or path.startswith("/me/"):
        if all(param.name != "user_id" for param in variant.params):
            user = PathParam("user_id", "id", "segment")
            yield _with_path(
                variant, "/users/{user_id}" + path[3:], (user,) + variant.params, variant.template
            )
    match = _USERS.match(path)
    if match:
        params = tuple(param for param in variant.params if param.name != match.group(1))
        yield _with_path(variant, "/me" + (match.group("rest") or ""), params, variant.template)
    match = _DRIVES.match(path)
    if match:  # a drive by id, or the signed-in user's drive: the same calls
        params = tuple(param for param in variant.params if param.name != match.group(1))
        yield _with_path(
            variant, "/me/drive" + (match.group("rest") or ""), params, variant.template
        )
    if path.startswith("/me/drive/") or path == "/me/drive":  # /drive is the signed-in user's drive
        yield _with_path(variant, path[3:], variant.params, variant.template)
    match = _DRIVE_ITEM.search(path)
    if match:  # a drive's root folder is an item: /drive/items/{id} ↔ /drive/root
        drive, rest = path[: match.end("drive")], path[match.end() :]
        params = tuple(param for param in variant.params if param.name != match.group("item"))
        yield _with_path(variant, drive + "/root" + rest, params, variant.template)
        # and so is any item, addressed by its path under the root: /drive/root:/a/b.txt:
        if all(param.name != "item_path" for param in params):
            by_path = tuple(
                (
                    PathParam("item_path", "item-path", "path")
                    if param.name == match.group("item")
                    else param
                )
                for param in variant.params
            )
            addressed = drive + "/root:/{item_path}" + (":" + rest if rest else "")
            yield _with_path(variant, addressed, by_path, variant.template)


def _function_args(args: str, used: set[str]) -> tuple[str, tuple[PathParam, ...]] | None:
    pieces, params = [], []
    for item in filter(None, (part.strip() for part in args.split(","))):
        key, sep, value = item.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z]\w*", key.strip()):
            return None
        name = identifier(key.strip())
        if name in used:
            return None
        used.add(name)
        quoted = value.strip().startswith("'")
        pieces.append(f"{key.strip()}=" + ("'{" + name + "}'" if quoted else "{" + name + "}"))
        params.append(PathParam(name, key.strip(), "function" if quoted else "argument"))
    return ",".join(pieces), tuple(params)


def _prefix_template(prefix: str, used: set[str]) -> tuple[str, tuple[PathParam, ...]] | None:
    """``/me/drive/items/01AB`` → ``/me/drive/items/{item_id}``: a segment after a plural is an id."""
    segments = prefix.strip("/").split("/")
    out, params = [], []
    for index, segment in enumerate(segments):
        previous = segments[index - 1] if index else ""
        placeholder = re.fullmatch(r"\{([^{}]+)\}", segment)
        if placeholder or (previous.endswith("s") and not previous.startswith("{") and index):
            name = identifier(singular(previous) + "_id") if previous else "id"
            if name in used:
                return None
            used.add(name)
            out.append("{" + name + "}")
            params.append(PathParam(name, placeholder.group(1) if placeholder else name, "segment"))
        elif "{" in segment or "(" in segment:
            return None
        else:
            out.append(segment)
    return "/" + "/".join(out), tuple(params)


def _forms(variant: PathVariant, path: str, method: str) -> Iterator[PathVariant]:
    """``variant``, its aliases, and each with the suffix or function arguments ``path`` adds."""
    suffix_match = _SUFFIX.match(path)
    suffix = suffix_match.group("suffix") if suffix_match else ""
    function = _FUNCTION.match(path)
    for base in _aliases(variant):
        yield base
        if suffix and not base.path.endswith(suffix):
            yield _with_path(base, base.path + suffix, base.params, variant.template)
        if method == "GET" and base.path.endswith("/$ref"):  # the objects, not their references
            yield _with_path(base, base.path.removesuffix("/$ref"), base.params, variant.template)
        if function and base.path.rstrip("()").endswith("/" + function.group("name")):
            used = {param.name for param in base.params}
            args = _function_args(function.group("args"), used)
            if args is not None:
                derived = base.path.removesuffix("()") + "(" + args[0] + ")"
                yield _with_path(base, derived, base.params + args[1], variant.template)


def _candidates(variant: PathVariant, path: str, method: str = "") -> Iterator[PathVariant]:
    """Derived forms of ``variant`` that could produce the example ``path``."""
    for form in _forms(variant, path, method):
        if form is not variant:
            yield form
        pattern = path_pattern(form).pattern.removeprefix("^")
        prefixed = re.match("^(?P<prefix>/.+?)" + pattern, path)
        if prefixed and not form.path.startswith(("/me", "/users")):
            used = {param.name for param in form.params}
            prefix = _prefix_template(prefixed.group("prefix"), used)
            if prefix is not None:
                yield _with_path(
                    form, prefix[0] + form.path, prefix[1] + form.params, variant.template
                )


# Segments a derived form may add, drop or change (aliases, suffixes, ``/$ref``): every
# other literal segment of a variant is in each of its forms.
_CHANGEABLE = frozenset({"", "me", "users", "drive", "drives", "items", "root", "$ref"})


@lru_cache(maxsize=None)
def _kept_segments(path: str) -> tuple[str, ...]:
    """The literal segments of ``path`` (lower case, function arguments cut) that every
    form derived from it keeps."""
    kept = []
    for segment in path.lower().split("/"):
        if "{" in segment:
            continue
        name = segment.split("(", 1)[0].split(":", 1)[0]
        if name not in _CHANGEABLE:
            kept.append(name)
    return tuple(kept)


def _may_derive(variant: PathVariant, lowered: str) -> bool:
    """Whether any form of ``variant`` could be the example path (lower case): cheap, so
    that a page of many variants compiles the patterns of only the few that could, and
    costs time in proportion to its size (a page of 100,000 path lines exists)."""
    return all(segment in lowered for segment in _kept_segments(variant.path))


# A relative example URL of names and placeholders only (``GET /me/drives``) is a template.
_TEMPLATE_LIKE = re.compile(r"^(?:/(?:[A-Za-z][\w.]*|\{[\w-]+\}))+$")


def derive_variants(operation: Operation, report: Report) -> Operation:
    """Add the derived variants the examples need; report each at the first example using it."""
    added: list[PathVariant] = []
    current = operation
    for example in operation.examples:
        request = example.request
        if request.method != operation.http_method or not on_graph_host(request.url):
            continue
        if match_url(current, request.url) is not None:
            continue
        path = written_path(request.url)
        if "://" not in request.url and "?" not in request.url and _TEMPLATE_LIKE.match(path):
            written = parse_template(path, request.line, lambda *args: None)
            added.append(replace(written, derived_from=written.template))
            current = replace(current, variants=operation.variants + tuple(added))
            report(
                request.line,
                EXAMPLE_PATH_DERIVED,
                f"example path {path} is written as a template but not listed; added it as a variant",
            )
            continue
        lowered = path.lower()
        for variant in operation.variants:
            if not _may_derive(variant, lowered):
                continue
            found: PathVariant | None = next(
                (
                    c
                    for c in _candidates(variant, path, request.method)
                    if path_pattern(c).match(path) or path_pattern(c, re.I).match(path)
                ),
                None,
            )
            if found is None:
                continue
            found = replace(found, line=request.line)
            added.append(found)
            current = replace(current, variants=operation.variants + tuple(added))
            report(
                request.line,
                EXAMPLE_PATH_DERIVED,
                f"example path {path} is an undocumented form of {variant.template}; added variant {found.path}",
            )
            break
    return current


# A drive item by id under any drive: ``/me/drive``, ``/drive``, ``/drives/{id}``,
# ``/users/{id}/drive``, ``/groups/{id}/drive``, ``/sites/{id}/drive``.
_ITEM_BY_ID = re.compile(
    r"^(?P<drive>(?:/[^/:()]+)*?/(?:drive|drives/\{\w+\}))/items/\{(?P<item>\w+)\}(?P<rest>/[^:]*)?$"
)
ITEM_PATH = "item_path"


def item_path_variants(operation: Operation) -> Operation:
    """Add, for each documented path of a drive item by id, the same call by the item's path
    under the drive's root (``/me/drive/items/{item_id}/children`` →
    ``/me/drive/root:/{item_path}:/children``): Graph addresses every item both ways, but
    the pages document the id form only. Added as variants derived from the documented one,
    so that ``item_path=`` works wherever ``item_id`` does."""
    taken = {variant.path for variant in operation.variants}
    added: list[PathVariant] = []
    for variant in operation.variants:
        if variant.derived_from or variant.query:
            continue
        match = _ITEM_BY_ID.match(variant.path)
        if match is None or any(param.name == ITEM_PATH for param in variant.params):
            continue
        rest = match.group("rest") or ""
        path = match.group("drive") + "/root:/{" + ITEM_PATH + "}" + (":" + rest if rest else "")
        if path in taken:
            continue
        taken.add(path)
        params = tuple(
            (
                PathParam(ITEM_PATH, "item-path", "path")
                if param.name == match.group("item")
                else param
            )
            for param in variant.params
        )
        added.append(
            PathVariant(
                template=variant.template,
                path=path,
                params=params,
                query=variant.query,
                line=variant.line,
                derived_from=variant.template,
            )
        )
    if not added:
        return operation
    return replace(operation, variants=operation.variants + tuple(added))
