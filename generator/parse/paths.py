"""Path templates: ``METHOD path`` lines → normalised variants with Python parameter names.

Named placeholders keep their name (``{user-id}`` → ``user_id``); anonymous ones (``{id}``,
``{id | userPrincipalName}``) take the singular of the collection before them
(``users/{id}`` → ``user_id``), so that the same parameter has the same name in every
variant of an operation. Angle-bracket placeholders (``<address>``) count as placeholders.
A placeholder given as a function's argument takes the argument's name
(``resizedRange(deltaRows={n}, deltaColumns={n})`` → ``delta_rows``, ``delta_columns``).
Placeholders inside function parameters (``(period='{period_value}')``) and inside colon
addressing (``root:/{item-path}:``) get their own encoding style.
"""

from __future__ import annotations

import keyword
import re
from typing import Callable

from ..core.diagnostics import (
    PATH_ELLIPSIS,
    PATH_USERS_ME,
    PLACEHOLDER_ALTERNATIVE_OUTSIDE,
    PLACEHOLDER_UNBALANCED,
    Report,
    TEMPLATE_CONCRETE_ID,
)
from ..core.model import ParamStyle, PathParam, PathVariant
from .naming import unique
from ..runtime._contract import RESERVED_PARAMETERS

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]+", re.I)
_VERSION = re.compile(r"^/(v1\.0|beta|\{version\}|v\d[^/]*)(?=/|$)", re.I)
_ANGLE = re.compile(r"<([A-Za-z][^<>/]*)>")
# A key in parentheses, ``worksheets({id})`` or ``reviews('{id}')``: OData's other spelling
# of ``worksheets/{id}`` (a function's parameters are always named, ``f(a={a})``).
_KEY_IN_PARENS = re.compile(r"(?<=[A-Za-z])\('?(\{[^{}=/']*\})'?\)(?=/|$)")
# A whole segment written ``(team-id)`` or ``'{key-id}'``: a placeholder in other dress.
_WRAPPED = re.compile(r"(?<=/)(?:\(([A-Za-z][\w -]*)\)|'\{([^{}/]*)\}')(?=/|$)")
# A GUID or a long number right after a collection segment: an example id left in a template.
_CONCRETE_ID = re.compile(
    r"(?<=[A-Za-z]s)(/)(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}|\d{3,}|id)(?=/|$)",
    re.I,
)
# A function argument with an example value instead of a placeholder: (count=n), (date='2017-01-01').
_LITERAL_ARG = re.compile(r"(?<=[(,])\s*([A-Za-z]\w*)\s*=\s*(')?(?!\{)[^'{},()]*(?(2)')(?=\s*[,)])")
# ``{user-id} | user-principal-name``: an alternative written after the placeholder,
# outside its braces (inside them, ``{id | userPrincipalName}``, it is read as one).
_ALTERNATIVE_OUTSIDE = re.compile(r"(\{[^{}]*\})\s*\|\s*(?:\{[^{}]*\}|[^/{}?|]+?)(?=/|\?|$)")
# ``/users/me/…``: the signed-in user is ``/me``, ``me`` is not a user id.
_USERS_ME = re.compile(r"^/users/me(?=/|$)", re.I)
# ``…/childFolders/{id}/.../messages``: "any depth of folders", not a segment.
_ELLIPSIS = re.compile(r"/(?:\.\.\.|\u2026)(?=/|$)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_ANONYMOUS = {"id", "idvalue", "id_value", "key", "value"}
# Keyword arguments every generated method has; a path parameter may not shadow them.
RESERVED = RESERVED_PARAMETERS
_IRREGULAR = {
    "children": "child",
    "people": "person",
    "indices": "index",
    "statuses": "status",
    "aliases": "alias",
}


def snake(text: str) -> str:
    """``userPrincipalName`` / ``user-id`` / ``path and filename`` → snake_case identifier."""
    text = _CAMEL.sub("_", text.strip())
    text = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()
    text = re.sub(r"_+", "_", text)
    if not text:
        return "param"
    if text[0].isdigit():
        text = "p_" + text
    return text


def identifier(text: str) -> str:
    name = snake(text)
    return name + "_" if keyword.iskeyword(name) or name in RESERVED else name


def singular(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    for suffix, replacement in (
        ("ies", "y"),
        ("sses", "ss"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
    ):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            return word[: -len(suffix)] + replacement
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        return word[:-1]
    return word


def _balance(text: str, line: int, report: Report) -> str:
    """Close a ``{`` that runs into the next ``/`` (``/groups/{group-id/drive``)."""
    out: list[str] = []
    depth = 0
    repaired = False
    for char in text:
        if char == "{":
            if depth:
                out.append("}")
                repaired = True
            depth = 1
        elif char == "}":
            if not depth:
                repaired = True
                continue
            depth = 0
        elif char in "/?" and depth:
            out.append("}")
            depth = 0
            repaired = True
        out.append(char)
    if depth:
        out.append("}")
        repaired = True
    if repaired:
        report(line, PLACEHOLDER_UNBALANCED, f"unbalanced braces in {text!r}; repaired")
    return "".join(out)


def split_query(path: str) -> tuple[str, str]:
    """Split at the first ``?`` outside braces, parentheses and quotes."""
    if "?" not in path:
        return path, ""
    depth = 0
    quoted = False
    for index, char in enumerate(path):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char in "{(":
            depth += 1
        elif char in "})":
            depth = max(0, depth - 1)
        elif char == "?" and depth == 0:
            return path[:index], path[index + 1 :]
    return path, ""


def strip_base(url: str) -> str:
    """Drop scheme, host and API version: what remains is the path Graph resolves."""
    url = _HOST.sub("", url.strip()).removeprefix("~")  # "~/x" templates mean the service root
    if not url.startswith("/"):
        url = "/" + url
    return _VERSION.sub("", url) or "/"


def _style_at(text: str, start: int) -> ParamStyle:
    """Is the placeholder at ``start`` inside ``f(a='…')`` or ``root:/…:`` addressing?"""
    before = text[:start]
    if before.count("(") > before.count(")"):  # quoted: f(a='{x}'); an OData literal: f(a={x})
        return "function" if before.endswith("'") else "argument"
    if before.count(":") % 2 == 1 and ":/" in before:
        return "path"
    return "segment"


def _query_style(_text: str, _start: int) -> ParamStyle:
    return "query"


def _preceding_collection(text: str, start: int) -> str:
    cleaned = (s.strip("'$= ") for s in re.split(r"[/(:,]", text[:start]))
    segments = [s for s in cleaned if s and "{" not in s and "=" not in s and "}" not in s]
    if not segments:
        return ""
    return segments[-1].split(".")[-1]  # microsoft.graph.user → user


def _misreadings(path: str, template: str, line: int, report: Report) -> str:
    """Correct the doc patterns that would otherwise give a wrong URL, each reported: an
    alternative outside the braces would leak `` | name`` into the path, ``/users/me`` is
    ``/me``, and a ``...`` segment ("nested folders, any depth") would be sent literally;
    it is read as one level, the form every nested folder can be reached by."""
    alternative = _ALTERNATIVE_OUTSIDE.sub(r"\1", path)
    if alternative != path:
        report(
            line,
            PLACEHOLDER_ALTERNATIVE_OUTSIDE,
            f"path template {template!r} gives an alternative outside the placeholder's"
            " braces; read as one placeholder",
        )
        path = alternative
    if _USERS_ME.match(path):
        path = "/me" + path[len("/users/me") :]
        report(line, PATH_USERS_ME, f"path template {template!r} addresses /users/me; read as /me")
    collapsed = _ELLIPSIS.sub("", path)
    if collapsed != path:
        report(
            line,
            PATH_ELLIPSIS,
            f"path template {template!r} holds a '...' segment (nested folders); read as"
            f" {collapsed}",
        )
        path = collapsed or "/"
    return path


def parse_template(template: str, line: int, report: Report) -> PathVariant:
    """Normalise one documented path template (the text after the method)."""
    text = _ANGLE.sub(lambda m: "{" + m.group(1) + "}", template.strip())
    text = _WRAPPED.sub(lambda m: "{" + (m.group(1) or m.group(2)) + "}", text)
    text = _KEY_IN_PARENS.sub(r"/\1", text)
    text = _balance(text, line, report)
    path, query = split_query(strip_base(text))
    if len(path) > 1:
        path = path.rstrip("/")
    path = _misreadings(path, template.strip(), line, report)
    concrete = _CONCRETE_ID.sub(lambda m: m.group(1) + "{id}", path)
    if concrete != path:
        report(
            line,
            TEMPLATE_CONCRETE_ID,
            f"path template {template.strip()!r} holds a concrete id; read as a placeholder",
        )
        path = concrete
    literal_args = _LITERAL_ARG.sub(
        lambda m: f"{m.group(1)}={m.group(2) or ''}{{{m.group(1)}}}{m.group(2) or ''}", path
    )
    if literal_args != path:
        report(
            line,
            TEMPLATE_CONCRETE_ID,
            f"path template {template.strip()!r} gives a function an example value; read as a placeholder",
        )
        path = literal_args
    params: list[PathParam] = []
    used: set[str] = set()

    def rename(part: str, style_of: Callable[[str, int], ParamStyle]) -> str:
        pieces: list[str] = []
        last = 0
        for match in re.finditer(r"\{([^{}]*)\}", part):
            placeholder = match.group(1)
            first = placeholder.split("|")[0].strip()
            key = re.search(r"([A-Za-z][\w.-]*)=[^=&]*$", part[: match.start()])
            argument = re.search(r"([A-Za-z]\w*)\s*=\s*'?$", part[: match.start()])
            style = style_of(part, match.start())
            if argument and style in ("function", "argument"):
                base = argument.group(
                    1
                )  # f(deltaRows={n}) → delta_rows: the function's name for it
            elif (
                (snake(first).replace("_", "") in _ANONYMOUS or not first)
                and style_of is _query_style
                and key
            ):
                base = key.group(1)  # ?id={id} → id
            elif snake(first).replace("_", "") in _ANONYMOUS or not first:
                collection = _preceding_collection(part, match.start())
                base = singular(collection) + "_id" if collection else "id"
            else:
                base = first
            name = identifier(base)
            candidate = unique(name, used)
            used.add(candidate)
            params.append(PathParam(candidate, placeholder, style))
            pieces.append(part[last : match.start()] + "{" + candidate + "}")
            last = match.end()
        pieces.append(part[last:])
        return "".join(pieces)

    path = rename(path, _style_at)
    query = rename(query, _query_style)
    return PathVariant(
        template=template.strip(), path=path, params=tuple(params), query=query, line=line
    )
