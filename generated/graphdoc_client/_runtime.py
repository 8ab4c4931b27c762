"""What every generated operation shares: auth, building the request, reading the answer.

Operations are data (an :class:`Endpoint` literal per operation); this module turns an
endpoint plus the caller's arguments into one HTTP request, so the per-operation code
stays a signature, a docstring and one call.
"""

from __future__ import annotations

import re
import threading
import time
from typing import IO, Any, Callable, Mapping, NamedTuple, Sequence, TypedDict, Union
from urllib.parse import parse_qsl, quote

import httpx

from ._errors import APIConnectionError, APITimeoutError, status_error

DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0"
DEFAULT_SCOPES = ("https://graph.microsoft.com/.default",)
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
TOKEN_REFRESH_MARGIN = 300  # seconds before expiry at which a cached token is renewed

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Characters left as they are in a path segment (RFC 3986 sub-delims and "@"); "/" and ":"
# are always encoded so that an id can never add a segment or switch to colon addressing.
_SEGMENT_SAFE = "!$&'()*+,;=@"


class Endpoint(NamedTuple):
    """One operation as data: its HTTP method and documented ``(path, query)`` variants.

    ``styles`` names the parameters that are not plain path segments: ``path`` (inside
    ``root:/…:`` addressing), ``function`` (inside ``f(a='…')``) or ``query``.
    """

    method: str
    variants: tuple[tuple[str, str], ...]
    styles: Mapping[str, str] = {}


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
    timeout: float | httpx.Timeout | None
    variant: str | int


Token = Union[str, Callable[[], str]]
FileContent = Union[bytes, IO[bytes]]

_LIST_OPTIONS = ("select", "expand", "orderby")
_OPTION_ORDER = ("select", "expand", "filter", "orderby", "search", "top", "skip", "count")


class _TokenSource:
    """A static token, a callable returning one, or an azure-identity style credential.

    Credential tokens are cached until ``TOKEN_REFRESH_MARGIN`` seconds before they expire.
    The token is never part of any ``repr`` or message.
    """

    def __init__(self, token: Token | None, credential: Any, scopes: Sequence[str]) -> None:
        if (token is None) == (credential is None):
            raise TypeError("give exactly one of token= or credential=")
        self._token = token
        self._credential = credential
        self._scopes = tuple(scopes)
        self._cached: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "<token source>"

    @property
    def refreshable(self) -> bool:
        """Only a credential can give a new token; a static one would fail the same way."""
        return self._credential is not None

    def get(self, *, refresh: bool = False) -> str:
        if self._credential is None:
            token = self._token
            return token() if callable(token) else str(token)
        with self._lock:
            if (
                refresh
                or self._cached is None
                or self._cached[1] - TOKEN_REFRESH_MARGIN <= time.time()
            ):
                access = self._credential.get_token(*self._scopes)
                self._cached = (access.token, float(getattr(access, "expires_on", 0) or 0))
            return self._cached[0]


def _encode(name: str, value: Any, style: str) -> str:
    text = value if isinstance(value, str) else str(value)
    if text == "":
        raise ValueError(f"path parameter {name!r} must not be empty")
    if style == "function":
        return quote(text.replace("'", "''"), safe=_SEGMENT_SAFE)
    if style == "path":
        if any(part in (".", "..") for part in text.split("/")):
            raise ValueError(f"path parameter {name!r} must not contain '.' or '..' segments")
        return quote(text, safe=_SEGMENT_SAFE + "/")
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe=_SEGMENT_SAFE)


def _names(variant: tuple[str, str]) -> frozenset[str]:
    return frozenset(_PLACEHOLDER.findall(variant[0] + "?" + variant[1]))


def choose_variant(
    endpoint: Endpoint, given: frozenset[str], wanted: str | int | None
) -> tuple[str, str]:
    """The documented variant whose parameters are exactly those given (or the one asked for)."""
    variants = endpoint.variants
    if wanted is not None:
        if isinstance(wanted, int):
            chosen = variants[wanted]
        else:
            chosen = next((v for v in variants if wanted in (v[0], v[0] + "?" + v[1])), None)
            if chosen is None:
                raise ValueError(
                    f"variant {wanted!r} is not one of: " + ", ".join(v[0] for v in variants)
                )
        missing = _names(chosen) - given
        if missing:
            raise TypeError(f"{chosen[0]} needs " + ", ".join(sorted(missing)))
        return chosen
    for variant in variants:
        if _names(variant) == given:
            return variant
    documented = "; ".join(
        f"{v[0]} ({', '.join(sorted(_names(v))) or 'no parameters'})" for v in variants
    )
    raise TypeError(
        f"no documented path takes exactly ({', '.join(sorted(given))}); documented: {documented}"
    )


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    base_url: str,
    endpoint: Endpoint,
    path_args: Mapping[str, Any],
    options: Mapping[str, Any],
    body: Any = None,
    content: FileContent | None = None,
    content_type: str | None = None,
) -> httpx.Request:
    given = frozenset(name for name, value in path_args.items() if value is not None)
    path, query = choose_variant(endpoint, given, options.get("variant"))
    styles = endpoint.styles
    url = base_url + _PLACEHOLDER.sub(
        lambda m: _encode(m.group(1), path_args[m.group(1)], styles.get(m.group(1), "segment")),
        path,
    )
    extra = options.get("params") or {}
    overridden = {"$" + name for name in _OPTION_ORDER if options.get(name) is not None} | set(
        extra
    )
    params: list[tuple[str, str]] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key not in overridden:  # the documented query is a default the caller may override
            params.append((key, _PLACEHOLDER.sub(lambda m: str(path_args[m.group(1)]), value)))
    for name in _OPTION_ORDER:
        value = options.get(name)
        if value is None:
            continue
        if name in _LIST_OPTIONS and not isinstance(value, str):
            value = ",".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        params.append(("$" + name, str(value)))
    params.extend((str(k), str(v)) for k, v in extra.items())
    headers = dict(options.get("headers") or {})
    json_body = None
    if content is not None:
        if content_type:
            headers.setdefault("Content-Type", content_type)
    elif body is not None:
        json_body = body
    extensions = {}
    timeout = options.get("timeout", ...)
    if timeout is not ...:
        extensions["timeout"] = httpx.Timeout(timeout).as_dict()
    return client.build_request(
        endpoint.method,
        url,
        params=params,
        headers=headers,
        json=json_body,
        content=content,
        extensions=extensions or None,
    )


def replay_copy(request: httpx.Request) -> httpx.Request | None:
    """A fresh copy of a request to send again, or ``None`` when its body was a stream."""
    try:
        content = request.content
    except httpx.RequestNotRead:
        return None
    return httpx.Request(
        request.method,
        request.url,
        headers=request.headers.copy(),
        content=content,
        extensions=request.extensions,
    )


def read_response(response: httpx.Response) -> Any:
    """The parsed JSON body, bytes for other content, ``None`` for an empty body."""
    if not response.is_success:
        raise status_error(response)
    if response.status_code == 204 or not response.content:
        return None
    if "json" in response.headers.get("content-type", "").lower():
        return response.json()
    return response.content


class BaseClient:
    """The synchronous transport under :class:`GraphClient`."""

    def __init__(
        self,
        token: Token | None = None,
        *,
        credential: Any = None,
        scopes: Sequence[str] = DEFAULT_SCOPES,
        base_url: str = DEFAULT_BASE_URL,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
    ) -> None:
        self._tokens = _TokenSource(token, credential, scopes)
        self.base_url = base_url.rstrip("/")
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=True
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def __enter__(self) -> "BaseClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def _send(self, request: httpx.Request) -> httpx.Response:
        request.headers["Authorization"] = "Bearer " + self._tokens.get()
        response = self._transmit(request)
        if response.status_code == 401 and self._tokens.refreshable:
            retry = replay_copy(request)
            if retry is not None:  # a streamed body cannot be sent twice
                response.close()
                retry.headers["Authorization"] = "Bearer " + self._tokens.get(refresh=True)
                response = self._transmit(retry)
        return response

    def _transmit(self, request: httpx.Request) -> httpx.Response:
        try:
            return self._http.send(request)
        except httpx.TimeoutException as error:
            raise APITimeoutError(
                f"{request.method} {request.url.path}: timed out", request
            ) from error
        except httpx.TransportError as error:
            raise APIConnectionError(
                f"{request.method} {request.url.path}: {error}", request
            ) from error

    def _request(
        self,
        endpoint: Endpoint,
        path_args: Mapping[str, Any],
        options: Mapping[str, Any],
        body: Any = None,
        content: FileContent | None = None,
        content_type: str | None = None,
    ) -> Any:
        request = build_request(
            self._http, self.base_url, endpoint, path_args, options, body, content, content_type
        )
        return read_response(self._send(request))


class Group:
    """Operations of one resource group, bound to a client."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
