"""From a documented example to a replay test case, or to the reason there is none.

A case records the call that reproduces the example (path arguments recovered from the
example URL by matching it against the documented variants, query options, headers,
body) and what the test must observe (method, path, query, body; the reply and the
value the call returns). Everything is plain data; the renderer turns it into source.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, unquote

from ..core.diagnostics import (
    EXAMPLE_NOT_REPLAYED,
    EXAMPLE_PATH_SPELLING,
    EXAMPLE_URL_UNMATCHED,
    Report,
)
from ..core.model import Example, HttpMessage, Operation
from ..parse.paths import split_query, strip_base
from ..runtime._contract import LIST_OPTIONS, QUERY_OPTIONS
from ..parse.urls import GRAPH_HOSTS, index_keys, match_url, on_graph_host, stray_key, url_host

_OPTIONS = {"$" + name: name for name in QUERY_OPTIONS}
_NO_CONTENT = frozenset({202, 204})
# Request headers the client sets itself; the rest are passed through ``headers=``.
_OWN_HEADERS = frozenset(
    {
        "authorization",
        "content-type",
        "content-length",
        "host",
        "accept-encoding",
        "connection",
        "user-agent",
    }
)
_RESPONSE_SKIP = frozenset({"content-length", "content-encoding", "transfer-encoding"})


@dataclass(frozen=True)
class Skip:
    """Why an example gives no replay case. ``unmatched``: its URL fits no variant of the
    operation, so it may be a call of another page's operation (a stray)."""

    reason: str
    unmatched: bool = False


@dataclass(frozen=True)
class ReplayCase:
    example: Example
    args: tuple[Any, ...]  # positional arguments (required path parameters)
    kwargs: tuple[tuple[str, Any], ...]  # keyword arguments, in signature order
    method: str
    path: str  # the decoded path the request must have, relative to the base URL
    query: tuple[tuple[str, str], ...]
    headers: dict[str, str] = field(default_factory=dict)
    json_body: Any = None
    content: str | None = None
    content_type: str = ""
    response: dict[str, Any] = field(default_factory=dict)
    redirect: dict[str, Any] | None = None  # a documented 3xx answered before ``response``
    source: str = ""  # the page of the example, when another page documents the operation

    def data(self) -> dict[str, Any]:
        """What the test reads from its examples file: the bodies and headers, and the reply."""
        data: dict[str, Any] = {}
        if self.headers:
            data["headers"] = self.headers
        if self.json_body is not None:
            data["body"] = self.json_body
        if self.content is not None:
            data["content"] = self.content
        if self.redirect is not None:
            data["redirect"] = self.redirect
        data["response"] = self.response
        return data


def _option_value(name: str, value: str) -> Any:
    if name in ("top", "skip") and value.isdigit() and str(int(value)) == value:
        return int(value)
    if name == "count" and value in ("true", "false"):
        return value == "true"
    if name in LIST_OPTIONS and "(" not in value and value:
        return value.split(",")
    return value


def _response(response: HttpMessage) -> dict[str, Any] | Skip:
    headers = {key: value for key, value in response.headers if key.lower() not in _RESPONSE_SKIP}
    result: dict[str, Any] = {"status": response.status}
    if response.body_kind == "json":
        declared = next(
            (value for key, value in headers.items() if key.lower() == "content-type"), None
        )
        if declared is None:
            headers["Content-Type"] = "application/json"
        if declared is not None and "json" not in declared.lower():
            result["text"] = json.dumps(response.body)  # the client returns these bytes
        else:
            result["json"] = response.body
    elif response.body_kind == "text":
        if "json" in response.content_type.lower():
            return Skip("response body says JSON but does not parse")
        result["text"] = str(response.body)
    if headers:
        result["headers"] = headers
    return result


def plan(
    operation: Operation, report: Report, strays: list[Example] | None = None
) -> list[ReplayCase]:
    """The page's own replay cases; examples of other operations are added to ``strays``.

    An example whose method or URL fits none of the page's variants may still be an exact
    call of an operation another page documents (``/me/calendar`` on a calendar-get page
    that only lists ``/me/calendars/{id}``); :func:`replay_elsewhere` looks for it.
    """
    cases: list[ReplayCase] = []
    for example in operation.examples:
        request = example.request
        if example.response is None and operation.response.status in _NO_CONTENT:
            # the prose documents a bodiless answer; the example just does not show it
            example = replace(example, response=HttpMessage(status=operation.response.status))
        if example.response is None:
            continue  # GD040 already says why
        if example.response.status == 0 and operation.response.status:
            # a body shown without its status line: the prose gives the status
            example = replace(
                example, response=replace(example.response, status=operation.response.status)
            )
        if request.method != operation.http_method:
            if strays is not None and on_graph_host(request.url):
                strays.append(example)  # GD047 already says why
            continue
        outcome = _case(operation, example)
        if isinstance(outcome, ReplayCase):
            cases.append(outcome)
            written = unquote(split_query(strip_base(request.url))[0]).rstrip("/")
            if written != outcome.path:
                message = f"example path {written} spells the documented {outcome.path} differently"
                report(request.line, EXAMPLE_PATH_SPELLING, message)
        elif outcome.unmatched:
            report(request.line, EXAMPLE_URL_UNMATCHED, f"{outcome.reason}: {request.url}")
            if strays is not None:
                strays.append(example)
        else:
            report(
                request.line,
                EXAMPLE_NOT_REPLAYED,
                f"example {example.name!r} not replayed: {outcome.reason}",
            )
    return cases


def operation_index(operations: list[Operation]) -> dict[tuple[str, str], list[Operation]]:
    """Operations by method and first path segment: the few an example URL could call."""
    index: dict[tuple[str, str], list[Operation]] = {}
    for operation in operations:
        for key in index_keys(operation):
            index.setdefault(key, []).append(operation)
    return index


def replay_elsewhere(
    example: Example,
    home: Operation,
    index: dict[tuple[str, str], list[Operation]],
) -> tuple[Operation, ReplayCase] | None:
    """The operation of another page that this example calls exactly, and its case.

    The home page's own group is tried first, then the rest by qualified name, so the
    choice is the same in every run.
    """
    candidates = sorted(
        (op for op in index.get(stray_key(example), ()) if op is not home),
        key=lambda op: (op.group != home.group, op.qualified_name),
    )
    for operation in candidates:
        outcome = _case(operation, example)
        if isinstance(outcome, ReplayCase):
            return operation, replace(outcome, source=home.source)
    return None


def _finite(value: Any) -> bool:
    """Whether a JSON-like value holds only finite numbers: Python's ``json`` reads and
    writes ``NaN`` and ``Infinity``, which are not JSON, and a test's examples file must be
    JSON that any reader takes (its values are nested no deeper than a page's bodies)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return all(_finite(item) for item in value)
    return True


def _case(operation: Operation, example: Example) -> ReplayCase | Skip:
    request, response = example.request, example.response
    assert response is not None
    host = url_host(request.url)
    if host is not None and host.lower() not in GRAPH_HOSTS:
        return Skip(f"request goes to {host}, not a Graph host")
    redirect: dict[str, Any] | None = None
    if 300 <= response.status < 400 and example.followup is not None:
        location = response.header("Location")
        if not location or not location.startswith("https://"):
            return Skip(f"redirect {response.status} has no absolute Location")
        redirect = {"status": response.status, "headers": {"Location": location}}
        response = example.followup
    if not (200 <= response.status < 300 or 400 <= response.status < 600):
        return Skip(
            f"response status {response.status or 'missing'} is neither a success nor an error"
        )
    matched = match_url(operation, request.url)
    if matched is None:
        return Skip("example URL matches no documented path variant", unmatched=True)
    variant, path_args, pairs = matched
    if len({key for key, _ in pairs}) != len(pairs):
        return Skip("query repeats a parameter")
    names = [param.name for param in variant.params]
    required, optional = signature_params(operation)
    args = tuple(path_args[name] for name in required)
    kwargs: list[tuple[str, Any]] = [
        (name, path_args[name]) for name in optional if name in path_args
    ]
    first_same = next(v for v in operation.variants if {p.name for p in v.params} == set(names))
    if first_same is not variant:
        kwargs.append(("variant", variant.path))
    template = {
        key.lower(): (key, re.sub(r"\{(\w+)\}", lambda m: path_args[m.group(1)], value))
        for key, value in parse_qsl(variant.query, keep_blank_values=True)
    }
    extra: dict[str, str] = {}
    sent: list[tuple[str, str]] = []  # the query as the client spells it
    for key, value in pairs:
        documented = template.get(key.lower())
        if documented is not None and documented[1] == value:
            sent.append((documented[0], value))
            continue  # the documented query of the variant sends it
        sent.append((key, value))
        if key in _OPTIONS:
            kwargs.append((_OPTIONS[key], _option_value(_OPTIONS[key], value)))
        else:
            extra[key] = value
    if extra:
        kwargs.append(("params", extra))
    headers = {key: value for key, value in request.headers if key.lower() not in _OWN_HEADERS}
    json_body: Any = None
    content: str | None = None
    body_kind = operation.request_body.kind
    if request.body_kind == "json":
        if body_kind != "json":
            return Skip("the example sends a JSON body the operation does not take")
        json_body = request.body
    elif request.body_kind == "text":
        if body_kind == "json" and request.content_type and "json" not in request.content_type:
            headers["Content-Type"] = request.content_type  # raw_body: a MIME message, say
        elif body_kind != "binary":
            return Skip("the example body is not JSON")
        content = str(request.body)
    elif body_kind == "binary":
        return Skip("the example shows no content to upload")
    if json_body is None and content is None and request.body_kind == "json":
        return Skip("the example body is JSON null")
    reply = _response(response)
    if isinstance(reply, Skip):
        return reply
    if not _finite(json_body) or not _finite(reply):
        return Skip("the example holds NaN or Infinity, which JSON has no way to write")
    expanded = re.sub(r"\{(\w+)\}", lambda m: path_args[m.group(1)], variant.path)  # one pass
    return ReplayCase(
        example=example,
        args=args,
        kwargs=tuple(kwargs),
        method=operation.http_method,
        path=expanded,
        query=tuple(sent),
        headers=headers,
        json_body=json_body,
        content=content,
        content_type=request.content_type,
        response=reply,
        redirect=redirect,
    )


def positional_params(operation: Operation) -> list[str]:
    """Optional path parameters that are still positional (with a default): those in every
    documented path, missing only from a derived form (``/me/...`` of ``/users/{user_id}/...``,
    ``root:/{item_path}:`` of ``items/{item_id}``). Calls written for the documented paths
    keep working as they were; the derived forms are reached by keyword."""
    required, optional = signature_params(operation)
    documented = [v for v in operation.variants if not v.derived_from] or list(operation.variants)
    everywhere = set.intersection(*({param.name for param in v.params} for v in documented))
    return [name for name in optional if name in everywhere]


def signature_params(operation: Operation) -> tuple[list[str], list[str]]:
    """Path parameters of the method: (required, optional), in path order of the longest variant."""
    order: dict[str, int] = {}  # (a dict, not a list: a page may list 100,000 variants)
    for variant in sorted(operation.variants, key=lambda v: -len(v.params)):
        for param in variant.params:
            order.setdefault(param.name, 0)
    for variant in operation.variants:  # how many variants take each parameter
        for name in {param.name for param in variant.params}:
            order[name] += 1
    every = len(operation.variants)
    required = [name for name, count in order.items() if count == every]
    optional = [name for name, count in order.items() if count != every]
    return required, optional
