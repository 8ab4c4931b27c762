"""Operations as data, and one operation call turned into one HTTP request.

Every generated operation is an :class:`Endpoint` literal plus a method that hands it,
with the caller's arguments, to its client's ``_request``; this module builds that
request (path variant, encoded path and query, headers, body, timeout) and reads the
answer. The clients in :mod:`._base` add auth, retries, paging and response modes.
"""

from __future__ import annotations

import os
import re
from typing import IO, TYPE_CHECKING, Any, Mapping, NamedTuple, Sequence, TypedDict, Union
from urllib.parse import parse_qsl, quote

from ._generated import TAILORED
from ._contract import LIST_OPTIONS, NOT_PATH, OPTIONS, QUERY_OPTIONS, read_table
from ._errors import InvalidHeaderError, InvalidResponseError, status_error

if TYPE_CHECKING:
    import httpx

    from ._response import BatchResult

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Characters left as they are in a path segment (RFC 3986 sub-delims and "@"); "/" and ":"
# are always encoded so that an id can never add a segment or switch to colon addressing.
_SEGMENT_SAFE = "!$&'()*+,;=@"
# Characters left as they are in a query value: OData punctuation. "&", "=", "+", "#",
# "%" and spaces are percent-encoded (a space as %20, never "+").
_QUERY_SAFE = "$,()':*@!/;"
_UPLOAD_CHUNK = 64 * 1024
# What a header value may hold (RFC 9110 field-value: visible characters, spaces and tabs,
# obs-text); a token is a single word of visible ASCII.
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e\x80-\xff]*")
_TOKEN_VALUE = re.compile(r"[\x21-\x7e]+")

_Seconds = Union[float, None]
Timeout = Union[float, tuple[_Seconds, _Seconds, _Seconds, _Seconds], "httpx.Timeout", None]
# What a JSON answer can be, and any answer (parsed JSON, bytes, or None for no body):
# the honest types of ``request()`` and ``follow()``, whose URLs are not documented.
JSONValue = Union[dict[str, Any], list[Any], str, int, float, bool, None]
Answer = Union[JSONValue, bytes]
# A call's limits: the largest body read into memory (bytes), and its deadline (seconds),
# ``None`` for no limit. They ride in the request's extensions under ``LIMITS`` (a name no
# transport reads), so that retries, redirects and the next pages keep them.
Limits = tuple[Union[int, None], Union[float, None]]
LIMITS = "graphdoc.limits"


class Endpoint(NamedTuple):
    """One operation as data: its HTTP method and its documented variants.

    A variant is a documented template, a path with an optional fixed query
    (``/me/events?$filter=…``), kept as one string so the per-operation data stays small.
    ``styles`` names the parameters that are not plain path segments: ``path`` (inside
    ``root:/…:`` addressing), ``function`` (inside ``f(a='…')``) or ``query``.
    ``paged`` marks a list operation, whose answer is a page of a collection; ``binary``
    a download, whose answer is its body's bytes (``b""`` when empty), never ``None``.
    """

    method: str
    variants: tuple[str, ...]
    styles: Mapping[str, str] = {}
    paged: bool = False
    binary: bool = False


def endpoints(table: str) -> dict[str, Endpoint]:
    """A group module's endpoints, by operation name, read from its table (its format is
    stated in :mod:`._contract`).

    A group keeps its endpoints as one string rather than a literal per operation: black
    formats a string at once but splits and rejoins every literal.
    """
    return {
        row.name: Endpoint(row.method, row.variants, row.styles, row.paged, row.binary)
        for row in read_table(table)
    }


class RequestOptions(TypedDict, total=False):
    """Keyword arguments every operation accepts."""

    select: str | Sequence[str]
    expand: str | Sequence[str]
    filter: str
    orderby: str | Sequence[str]
    top: int
    skip: int
    search: str
    count: bool
    headers: Mapping[str, str]
    params: Mapping[str, str]
    raw_body: bytes  # sent as is instead of a JSON body (a MIME message); say its type in headers
    timeout: Timeout
    variant: str | int
    max_response_size: int | None  # bytes of the answer read at most (None: no limit)
    deadline: float | None  # seconds for the whole call, retries included (None: no limit)
    depends_on: BatchResult[Any] | Sequence[BatchResult[Any]]  # in a batch: sent after these


FileContent = Union[bytes, bytearray, memoryview, IO[bytes]]


class Group:
    """Operations of one resource group, bound to a client (sync or async alike)."""

    __slots__ = ("_client",)
    _endpoints: dict[str, Endpoint] = {}  # the group's table, by operation name

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call(self, operation: str, options: Mapping[str, Any], /, **arguments: Any) -> Any:
        """Make the call of ``operation`` (the method's name): its named arguments, passed
        on by name, and its keyword ``options``.

        A method collects its options with ``**options``; an option it does not know is a
        misspelt argument (``usr_id=``), refused here as Python refuses one, before anything
        is sent, never dropped.
        """
        unknown = [name for name in options if name not in OPTIONS]
        if unknown:
            raise TypeError(f"{operation}() got an unexpected keyword argument {unknown[0]!r}")
        return self._client._request(self._endpoints[operation], {**arguments, "options": options})

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    if not TYPE_CHECKING:  # (to a type checker a missing method stays an error)

        def __getattr__(self, name: str) -> Any:
            raise AttributeError(missing(type(self).__name__, name))


def missing(owner: str, name: str) -> str:
    """Why ``owner`` has no attribute ``name``: in a tailored package, an operation the
    program did not call when the package was built is not there, and the message says
    how to get it."""
    message = f"{owner!r} object has no attribute {name!r}"
    if TAILORED and not name.startswith("__"):
        message += (
            f"; this client was tailored to the operations a program calls ({TAILORED}):"
            " call it in the sources and build again, or build without --only-used"
        )
    return message


def _text(name: str, value: Any) -> str:
    text: str = value if isinstance(value, str) else str(value)
    if text == "":
        raise ValueError(f"path parameter {name!r} must not be empty")
    return text


def _encode(name: str, value: Any, style: str) -> str:
    text = _text(name, value)
    if style == "function":
        return quote(text.replace("'", "''"), safe=_SEGMENT_SAFE)
    if style == "argument":  # an OData literal as the caller writes it: 5, 'text', 2018-03-05
        return quote(text, safe=_SEGMENT_SAFE)
    if style == "path":
        if any(part in (".", "..") for part in text.split("/")):
            raise ValueError(f"path parameter {name!r} must not contain '.' or '..' segments")
        return quote(text, safe=_SEGMENT_SAFE + "/")
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe=_SEGMENT_SAFE)


def _names(variant: str) -> frozenset[str]:
    return frozenset(_PLACEHOLDER.findall(variant))


def _path(variant: str) -> str:
    return variant.partition("?")[0]


def choose_variant(endpoint: Endpoint, given: frozenset[str], wanted: str | int | None) -> str:
    """The documented variant whose parameters are exactly those given (or the one asked for)."""
    variants = endpoint.variants
    if wanted is not None:
        if isinstance(wanted, int):
            chosen = variants[wanted]
        else:
            found = next((v for v in variants if wanted in (v, _path(v))), None)
            if found is None:
                raise ValueError(
                    f"variant {wanted!r} is not one of: " + ", ".join(_path(v) for v in variants)
                )
            chosen = found
        missing = _names(chosen) - given
        if missing:
            raise TypeError(f"{_path(chosen)} needs " + ", ".join(sorted(missing)))
        return chosen
    for variant in variants:
        if _names(variant) == given:
            return variant
    documented = "; ".join(
        f"{_path(v)} ({', '.join(sorted(_names(v))) or 'no parameters'})" for v in variants
    )
    raise TypeError(
        f"no documented path takes exactly ({', '.join(sorted(given))}); documented: {documented}"
    )


def query_string(pairs: Sequence[tuple[str, str]]) -> str:
    """``k=v&…`` percent-encoded per RFC 3986; OData's ``$`` and punctuation stay readable."""
    return "&".join(f"{quote(k, safe='$')}={quote(v, safe=_QUERY_SAFE)}" for k, v in pairs)


def timeout_extension(timeout: Timeout, limits: Limits | None = None) -> dict[str, Any]:
    """A request's extensions: its timeouts, and the call's limits when it has its own."""
    import httpx

    extensions: dict[str, Any] = {"timeout": httpx.Timeout(timeout).as_dict()}
    if limits is not None:
        extensions[LIMITS] = limits
    return extensions


def check_header_value(name: str, value: object, *, token: bool = False) -> None:
    """Refuse a value that HTTP cannot carry, before anything is sent.

    Left to the transport, a newline in a value fails deep in h11 with a message that
    quotes the value, and the value may be the token; so the message here names the header
    only. A token must be one word of visible ASCII (a trailing newline read from a file is
    the usual culprit). ``value`` is typed ``object``: it is whatever the caller gave, and
    a value that is not text is refused the same way.
    """
    pattern = _TOKEN_VALUE if token else _HEADER_VALUE
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        what = name if token else f"header {name!r}"
        raise InvalidHeaderError(
            f"{what} holds a character no HTTP header may carry (a newline, a control"
            " character or, in a token, a space or non-ASCII text); nothing was sent"
        )


def _file_size(file: IO[bytes]) -> int | None:
    try:
        return os.fstat(file.fileno()).st_size - file.tell()
    except (AttributeError, OSError, ValueError):
        pass
    try:
        here = file.tell()
        size = file.seek(0, os.SEEK_END) - here
        file.seek(here)
        return size
    except (AttributeError, OSError, ValueError):
        return None


def _chunks(file: IO[bytes]) -> Any:
    while chunk := file.read(_UPLOAD_CHUNK):
        yield chunk


async def _achunks(file: IO[bytes]) -> Any:
    while chunk := file.read(_UPLOAD_CHUNK):
        yield chunk


def _upload(content: FileContent, headers: httpx.Headers, is_async: bool) -> Any:
    """Bytes as they are; a binary file object as a stream (sent once, never retried)."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        return bytes(content)
    if not hasattr(content, "read"):
        raise TypeError(
            f"content must be bytes or a binary file object, not {type(content).__name__}"
        )
    size = _file_size(content)
    if size is not None:
        headers["Content-Length"] = str(size)
    return _achunks(content) if is_async else _chunks(content)


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    base_url: str,
    endpoint: Endpoint,
    arguments: Mapping[str, Any],
    *,
    timeout: Timeout = None,
    limits: Limits | None = None,
) -> httpx.Request:
    """The request of one call. Raises ``TypeError``/``ValueError`` before anything is sent.

    ``arguments`` are the operation method's own, by name (as :meth:`Group._call` passes
    them on): ``options`` holds the keyword options, ``body``, ``content`` and
    ``content_type`` the payload, and every other name is a path parameter.
    """
    import httpx

    options = arguments["options"]
    body, content = arguments.get("body"), arguments.get("content")
    content_type = arguments.get("content_type")
    path_args = {name: value for name, value in arguments.items() if name not in NOT_PATH}
    given = frozenset(name for name, value in path_args.items() if value is not None)
    path, _, query = choose_variant(endpoint, given, options.get("variant")).partition("?")
    styles = endpoint.styles
    url = base_url + _PLACEHOLDER.sub(
        lambda m: _encode(m.group(1), path_args[m.group(1)], styles.get(m.group(1), "segment")),
        path,
    )
    extra: Mapping[str, Any] = options.get("params") or {}
    overridden = {"$" + name for name in QUERY_OPTIONS if options.get(name) is not None} | set(
        extra
    )
    params: list[tuple[str, str]] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key not in overridden:  # the documented query is a default the caller may override
            params.append(
                (key, _PLACEHOLDER.sub(lambda m: _text(m.group(1), path_args[m.group(1)]), value))
            )
    for name in QUERY_OPTIONS:
        value = options.get(name)
        if value is None:
            continue
        if name in LIST_OPTIONS and not isinstance(value, str):
            value = ",".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        params.append(("$" + name, str(value)))
    params.extend((str(k), str(v)) for k, v in extra.items())
    if params:
        url += "?" + query_string(params)
    given_headers: Mapping[str, str] = options.get("headers") or {}
    for name, value in given_headers.items():
        check_header_value(str(name), value)
    headers = httpx.Headers(given_headers)
    if content is not None:
        if content_type and "content-type" not in headers:
            headers["Content-Type"] = content_type
        content = _upload(content, headers, isinstance(client, httpx.AsyncClient))
        body = None
    raw = options.get("raw_body")
    if raw is not None:
        if body is not None or content is not None:
            raise TypeError("raw_body replaces the request body; give one or the other")
        content = bytes(raw)
    return client.build_request(
        endpoint.method,
        url,
        headers=headers,
        json=body,
        content=content,
        extensions=timeout_extension(options.get("timeout", timeout), limits),
    )


def read_response(response: httpx.Response) -> Any:
    """The parsed JSON body, bytes for other content, ``None`` for an empty body.

    Raises the typed :class:`~._errors.APIStatusError` for a status outside 2xx.
    """
    if not response.is_success:
        raise status_error(response)
    if response.status_code == 204 or not response.content:
        return None
    if "json" in response.headers.get("content-type", "").lower():
        try:
            return response.json()
        except (ValueError, RecursionError) as error:  # (also a body that is not UTF-8)
            request = response.request
            raise InvalidResponseError(
                f"{request.method} {request.url.path}: {response.status_code} answer says JSON"
                f" but its body does not parse ({type(error).__name__}: {error})",
                response,
            ) from None
    return response.content
