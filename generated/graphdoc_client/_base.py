"""The HTTP layer under :class:`GraphClient` and :class:`AsyncGraphClient`.

Both clients share the generated group classes: a group method returns whatever its
client's ``_request`` returns, which is the result itself on the sync client and an
awaitable on the async one. Around each request they add the bearer token (refreshed
once on a 401), retries (see :mod:`._retry`), the timeout, typed errors, pages for list
operations, and the raw and streaming response modes.

httpx is imported when the first client is made, not with the package: importing httpx
costs more than the whole package, and a program may import the package without calling
Graph. The functions that use httpx at run time import it themselves.
"""

from __future__ import annotations

import contextlib
import logging
import time
from functools import partial
from types import EllipsisType
from typing import TYPE_CHECKING, Any, AsyncGenerator, Generator, Mapping, Self, Sequence

from . import _retry
from ._auth import DEFAULT_SCOPES, Token, TokenSource
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    redacted,
    scrub,
    secrets_of,
    status_error,
)
from ._generated import DEFAULT_BASE_URL
from ._paging import AsyncPage, AsyncPageRequest, Page
from ._response import RawResponse, StreamedResponse
from ._runtime import (
    LIMITS,
    Answer,
    Endpoint,
    JSONValue,
    Limits,
    Timeout,
    build_request,
    check_header_value,
    query_string,
    read_response,
    timeout_extension,
)

if TYPE_CHECKING:
    from typing import Coroutine

    import httpx

    from ._batch import Batch
    from ._upload import Content, Progress

# The upload helper's defaults, stated again here: ``_upload`` is imported on first use.
DEFAULT_CHUNK_SIZE = 10 * 320 * 1024
DEFAULT_RESUMES = 3
# (connect, read, write, pool) seconds, as httpx takes them: httpx.Timeout(60.0, connect=10.0)
DEFAULT_TIMEOUT = (10.0, 60.0, 60.0, 60.0)
DEFAULT_MAX_RETRIES = _retry.DEFAULT_MAX_RETRIES
# The largest answer body read into memory (a streamed answer is never capped), and the
# longest a call may take, from sending to the last byte of its answer, retries included.
DEFAULT_MAX_RESPONSE_SIZE = 100 * 1024 * 1024
DEFAULT_DEADLINE = 300.0

log = logging.getLogger(__package__)

# What a derived client (with_options, with_raw_response, …) shares with its parent.
_SHARED = (
    "_tokens",
    "_http",
    "_origin",
    "base_url",
    "timeout",
    "max_retries",
    "retry_non_idempotent",
    "max_response_size",
    "deadline",
    "_mode",
)
# What a next-page request repeats: headers, timeout, limits (size, deadline).
Follow = tuple[Mapping[str, str], Any, Limits]


def _replayable(request: httpx.Request) -> bool:
    """Whether the body can be sent again: bytes or nothing, not a stream."""
    import httpx

    try:
        request.content
    except httpx.RequestNotRead:
        return False
    return True


def _again(request: httpx.Request) -> httpx.Request:
    """A fresh copy of a replayable request, to send once more."""
    import httpx

    return httpx.Request(
        request.method,
        request.url,
        headers=request.headers.copy(),
        content=request.content,
        extensions=request.extensions,
    )


def _connection_error(request: httpx.Request, error: httpx.TransportError) -> APIConnectionError:
    """The typed error of a failed exchange. A transport's message may quote the headers
    it refused (h11 does: ``Illegal header value b'Bearer …'``): it is scrubbed, and the
    error keeps a copy of the request without its credentials."""
    import httpx

    where = f"{request.method} {request.url.path}"
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"{where}: timed out ({type(error).__name__})", redacted(request))
    if isinstance(error, httpx.LocalProtocolError):  # its text quotes the header values
        return APIConnectionError(
            f"{where}: the request could not be sent as given", redacted(request)
        )
    text = scrub(f"{where}: {type(error).__name__}: {error}", secrets_of(request))
    return APIConnectionError(text, redacted(request))


def _redirect_error(request: httpx.Request) -> TooManyRedirectsError:
    return TooManyRedirectsError(
        f"{request.method} {request.url.path}: too many redirects (a redirect loop?)",
        redacted(request),
    )


def _deadline_error(request: httpx.Request) -> APITimeoutError:
    return APITimeoutError(
        f"{request.method} {request.url.path}: no whole answer within the call's deadline",
        redacted(request),
    )


def _too_large(request: httpx.Request, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{request.method} {request.url.path}: the answer is larger than max_response_size"
        f" ({limit} bytes); raise it, or read the answer with with_streaming_response",
        redacted(request),
        limit,
    )


def _limits(request: httpx.Request, client: _ClientCore) -> Limits:
    """The size cap and deadline of a request: its own (a call's options), else its client's."""
    own: Limits | None = request.extensions.get(LIMITS)
    return own if own is not None else (client.max_response_size, client.deadline)


def _clamp(request: httpx.Request, ends: float | None) -> None:
    """Bound each of the request's timeouts by the time left before its deadline, so that
    no single wait (connecting, a read) can outlast the call. Raises when none is left."""
    if ends is None:
        return
    left = ends - time.monotonic()
    if left <= 0:
        raise APITimeoutError(
            f"{request.method} {request.url.path}: the call's deadline passed", redacted(request)
        )
    timeouts: dict[str, float | None] = request.extensions.get("timeout") or {}
    for value in timeouts.values():
        if value is None or value > left:
            break
    else:
        if len(timeouts) == len(_PHASES):
            return  # (the usual case: every timeout ends before the deadline)
    request.extensions["timeout"] = {
        phase: left if value is None or value > left else value
        for phase, value in ((phase, timeouts.get(phase)) for phase in _PHASES)
    }


_PHASES = ("connect", "read", "write", "pool")  # the timeouts of an httpx request


def _past(ends: float | None, wait: float) -> bool:
    """Whether waiting ``wait`` seconds would pass the deadline (no retry then)."""
    return ends is not None and time.monotonic() + wait >= ends


def _keep(response: httpx.Response, chunks: list[bytes]) -> None:
    """Store the body read in chunks as the response's content, as ``Response.read()``
    does (httpx keeps it in ``_content``; its public API reads a body only whole)."""
    setattr(response, "_content", b"".join(chunks))


def _declared_size(response: httpx.Response) -> int:
    try:
        return int(response.headers.get("content-length", "0"))
    except ValueError:
        return 0


# Past this many bytes, an answer's Content-Length is read once: one larger than the limit
# is refused then, rather than read up to the limit (small answers skip the look-up).
_PEEK = 64 * 1024


def _read_body(response: httpx.Response, limit: int | None, ends: float | None) -> None:
    """Read the body of an answer (decoded), stopping at ``limit`` bytes or at the deadline
    ``ends`` (a ``time.monotonic()`` value), each checked as every chunk arrives: a body
    trickling one byte at a time ends at the deadline, an endless one at the limit, and one
    whose ``Content-Length`` is over the limit after its first :data:`_PEEK` bytes."""
    request = response.request
    try:
        chunks: list[bytes] = []
        size, peeked = 0, False
        for chunk in response.iter_bytes():
            size += len(chunk)
            if limit is not None and (size > limit or (not peeked and size > _PEEK)):
                if size > limit or _declared_size(response) > limit:
                    raise _too_large(request, limit)
                peeked = True
            if ends is not None and time.monotonic() > ends:
                raise _deadline_error(request)
            chunks.append(chunk)
        _keep(response, chunks)
    except BaseException:
        response.close()
        raise


async def _aread_body(response: httpx.Response, limit: int | None, ends: float | None) -> None:
    """As :func:`_read_body`, for the async client."""
    request = response.request
    try:
        chunks: list[bytes] = []
        size, peeked = 0, False
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if limit is not None and (size > limit or (not peeked and size > _PEEK)):
                if size > limit or _declared_size(response) > limit:
                    raise _too_large(request, limit)
                peeked = True
            if ends is not None and time.monotonic() > ends:
                raise _deadline_error(request)
            chunks.append(chunk)
        _keep(response, chunks)
    except BaseException:
        await response.aclose()
        raise


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def _check_size(value: object) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValueError("max_response_size must be a number of bytes (0 or more) or None")
    return value


def _check_deadline(value: object) -> float | None:
    if value is not None and (
        not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0
    ):
        raise ValueError("deadline must be a number of seconds (more than 0) or None")
    return None if value is None else float(value)


class _ClientCore:
    """State and policy shared by the sync and async clients."""

    _page_class: type = Page
    _http: Any  # an httpx.Client or httpx.AsyncClient, as the subclass says
    _batch: Any  # the queue of a client made by batch(), whose mode is "batch"

    def __init__(
        self,
        token: Token | None = None,
        *,
        credential: Any = None,
        scopes: Sequence[str] = DEFAULT_SCOPES,
        base_url: str = DEFAULT_BASE_URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        deadline: float | None = DEFAULT_DEADLINE,
        transport: Any = None,
        http_client: Any = None,
    ) -> None:
        import httpx

        if transport is not None and http_client is not None:
            raise TypeError("give transport= or http_client=, not both")
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.max_response_size = _check_size(max_response_size)
        self.deadline = _check_deadline(deadline)
        self._tokens = TokenSource(token, credential, scopes)
        self.base_url = base_url.rstrip("/")
        self._origin = _origin(httpx.URL(self.base_url))
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry_non_idempotent = retry_non_idempotent
        self._mode = "parse"
        self._owns_http = http_client is None
        if http_client is not None:
            self._http = self._check_http(http_client)
        else:
            self._http = self._new_http(transport, timeout)

    def _new_http(self, transport: Any, timeout: Any) -> Any:
        raise NotImplementedError

    def _check_http(self, http_client: Any) -> Any:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _derive(self, **changes: Any) -> Self:
        clone = object.__new__(type(self))
        clone.__dict__.update({name: self.__dict__[name] for name in _SHARED}, _owns_http=False)
        clone.__dict__.update(changes)
        return clone

    def with_options(
        self,
        *,
        timeout: Any = ...,
        max_retries: int | None = None,
        retry_non_idempotent: bool | None = None,
        max_response_size: int | None | EllipsisType = ...,
        deadline: float | None | EllipsisType = ...,
    ) -> Self:
        """A copy with another default timeout, retry policy, size cap and/or deadline,
        sharing the connections (``None`` lifts the cap or the deadline)."""
        changes: dict[str, Any] = {}
        if timeout is not ...:
            changes["timeout"] = timeout
        if not isinstance(max_response_size, EllipsisType):
            changes["max_response_size"] = _check_size(max_response_size)
        if not isinstance(deadline, EllipsisType):
            changes["deadline"] = _check_deadline(deadline)
        if retry_non_idempotent is not None:
            changes["retry_non_idempotent"] = retry_non_idempotent
        if max_retries is not None:
            if max_retries < 0:
                raise ValueError("max_retries must be 0 or more")
            changes["max_retries"] = max_retries
        return self._derive(**changes)

    @property
    def with_raw_response(self) -> Any:
        """The same client, whose calls return a :class:`RawResponse`. Typed ``Any`` here:
        each generated client narrows it to typing-only classes with every method's
        parameters and ``RawResponse[<its return type>]``."""
        return self._derive(_mode="raw")

    @property
    def with_streaming_response(self) -> Any:
        """The same client, whose calls are context managers giving a :class:`StreamedResponse`
        (typed as :attr:`with_raw_response` is)."""
        return self._derive(_mode="stream")

    def _build(
        self, endpoint: Endpoint, arguments: Mapping[str, Any]
    ) -> tuple[httpx.Request, Follow]:
        options = arguments["options"]
        limits = self._call_limits(options)
        request = build_request(
            self._http, self.base_url, endpoint, arguments, timeout=self.timeout, limits=limits
        )
        return request, (options.get("headers") or {}, options.get("timeout", self.timeout), limits)

    def _call_limits(self, options: Mapping[str, Any]) -> Limits:
        """A call's size cap and deadline: its options', else the client's."""
        size = options.get("max_response_size", ...)
        deadline = options.get("deadline", ...)
        return (
            self.max_response_size if size is ... else _check_size(size),
            self.deadline if deadline is ... else _check_deadline(deadline),
        )

    def _link_request(self, link: str, follow: Follow) -> httpx.Request:
        """The request of a next page: its link verbatim, with the first call's headers."""
        headers, timeout, limits = follow
        if "://" not in link:  # a relative link (not what Graph sends, but harmless)
            link = self.base_url + "/" + link.lstrip("/")
        built: httpx.Request = self._http.build_request(
            "GET", link, headers=headers, extensions=timeout_extension(timeout, limits)
        )
        return built

    def _authorize(self, request: httpx.Request, token: str) -> None:
        check_header_value("the token", token, token=True)
        request.headers["Authorization"] = "Bearer " + token

    def _is_ours(self, request: httpx.Request) -> bool:
        """The token goes only to the base URL's origin, never to another host."""
        return _origin(request.url) == self._origin

    def _parse(self, endpoint: Endpoint, follow: Follow, response: httpx.Response) -> Any:
        if endpoint.binary and response.is_success:  # (else read_response raises the error)
            return response.content
        value = read_response(response)
        if endpoint.paged and isinstance(value, dict):
            return self._page_class(self, response, value, follow)
        return value

    def _page(self, response: httpx.Response, follow: Follow) -> Any:
        value = read_response(response)
        return self._page_class(self, response, value if isinstance(value, dict) else {}, follow)

    def _retry_wait(
        self,
        request: httpx.Request,
        attempt: int,
        retries: int,
        response: Any = None,
        error: Any = None,
    ) -> float | None:
        if attempt >= retries:
            return None
        anyway = self.retry_non_idempotent
        if error is not None:
            wait = _retry.error_wait(error, request.method, attempt, anyway)
            reason = type(error).__name__
        else:
            wait = _retry.status_wait(response, attempt, request.method, anyway)
            reason = str(response.status_code)
        if wait is not None:
            log.info(
                "%s %s: %s; retry %d of %d in %.2f s",
                request.method,
                request.url.path,
                reason,
                attempt + 1,
                self.max_retries,
                wait,
            )
        return wait

    def _should_refresh(self, request: httpx.Request, response: httpx.Response) -> bool:
        return response.status_code == 401 and self._is_ours(request)

    def _link_follow(self) -> Follow:
        return ({}, self.timeout, (self.max_response_size, self.deadline))

    def batch(self) -> Batch[Any]:
        """A JSON batch (``$batch``): ``with client.batch() as batch`` (``async with`` on the
        async client) gives a client whose calls are queued and sent together on leaving
        the block, each returning a :class:`~._batch.BatchResult`; see :mod:`._batch`."""
        from ._batch import Batch  # imported on use: most programs never batch

        return Batch(self)

    def _plain(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        json: Any,
        content: bytes | None,
        headers: Mapping[str, str] | None,
        timeout: Any,
        paged: bool,
        limits: Limits,
    ) -> tuple[httpx.Request, Any]:
        """The request of :meth:`request`, and the parser of its answer."""
        if "://" not in url:
            url = self.base_url + "/" + url.lstrip("/")
        if params:
            pairs = [(str(k), str(v)) for k, v in params.items()]
            url += ("&" if "?" in url else "?") + query_string(pairs)
        given = headers or {}
        for name, value in given.items():
            check_header_value(str(name), value)
        timeout = self.timeout if timeout is ... else timeout
        request: httpx.Request = self._http.build_request(
            method.upper(),
            url,
            headers=given,
            json=json,
            content=content,
            extensions=timeout_extension(timeout, limits),
        )
        endpoint = Endpoint(method.upper(), (), {}, paged)
        return request, partial(self._parse, endpoint, (given, timeout, limits))


class SyncAPIClient(_ClientCore):
    """The synchronous client: calls return their result."""

    _http: httpx.Client

    def _new_http(self, transport: Any, timeout: Any) -> httpx.Client:
        import httpx

        return httpx.Client(transport=transport, timeout=timeout, follow_redirects=True)

    def _check_http(self, http_client: Any) -> httpx.Client:
        import httpx

        if not isinstance(http_client, httpx.Client):
            raise TypeError("http_client= must be an httpx.Client")
        return http_client

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections (not those of an ``http_client=`` you passed in)."""
        if self._owns_http:
            self._http.close()

    def _request(self, endpoint: Endpoint, arguments: Mapping[str, Any]) -> Any:
        request, follow = self._build(endpoint, arguments)
        parser = partial(self._parse, endpoint, follow)
        if self._mode == "batch":
            return self._batch.add(request, parser, arguments["options"])
        if self._mode == "stream":
            return self._stream(request, parser)
        response = self._send(request)
        if self._mode == "raw":
            if not response.is_success:
                raise status_error(response)
            return RawResponse(response, parser)
        return parser(response)

    def _any_request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Any = ...,
        paged: bool = False,
        authorize: bool = True,
        max_response_size: Any = ...,
        deadline: Any = ...,
        depends_on: Any = None,
    ) -> Any:
        """Any call the generated methods do not cover, with the client's token, retries,
        typed errors, limits and response mode: ``url`` is a path under the base URL or a
        whole URL (a link Graph sent, used as it is). The token goes only to Graph's origin;
        ``authorize=False`` withholds it even there (a pre-authenticated ``uploadUrl``).
        ``paged=True`` makes the answer a :class:`Page`; ``timeout=``,
        ``max_response_size=``, ``deadline=`` and (in a batch) ``depends_on=`` work as on a
        generated method. The answer is typed as what it can be: parsed JSON, ``bytes`` or
        ``None`` (narrow it with ``isinstance``)."""
        limits = self._call_limits({"max_response_size": max_response_size, "deadline": deadline})
        request, parser = self._plain(
            method, url, params, json, content, headers, timeout, paged, limits
        )
        if self._mode == "batch":
            return self._batch.add(request, parser, {"depends_on": depends_on})
        if not authorize:
            return parser(self._send(request, authorize=False))
        if self._mode == "stream":
            return self._stream(request, parser)
        response = self._send(request)
        if self._mode == "raw":
            if not response.is_success:
                raise status_error(response)
            return RawResponse(response, parser)
        return parser(response)

    if TYPE_CHECKING:
        request: RequestMethod[Answer, Page[JSONValue]]
    else:
        request = _any_request

    def follow(self, link: str) -> Page[JSONValue]:
        """The page at ``link`` (an ``@odata.nextLink`` or ``@odata.deltaLink``, sent as it
        is): following a delta link gives only what changed since it was issued."""
        return self._follow_link(link, self._link_follow())

    def upload(
        self,
        content: Content,
        *,
        item_id: str | None = None,
        item_path: str | None = None,
        parent_id: str | None = None,
        name: str | None = None,
        attach_to: str | None = None,
        session_url: str | None = None,
        drive: str = "/me/drive",
        conflict: str | None = None,
        content_type: str | None = None,
        chunk: int = DEFAULT_CHUNK_SIZE,
        simple_limit: int | None = None,
        resumes: int = DEFAULT_RESUMES,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """Upload a file to a drive item or an attachment; see :func:`._upload.upload`."""
        from ._upload import run_upload, upload

        steps = upload(
            content,
            item_id=item_id,
            item_path=item_path,
            parent_id=parent_id,
            name=name,
            attach_to=attach_to,
            session_url=session_url,
            drive=drive,
            conflict=conflict,
            content_type=content_type,
            chunk=chunk,
            simple_limit=simple_limit,
            resumes=resumes,
            progress=progress,
        )
        return run_upload(self, steps)

    def _follow_link(self, link: str, follow: Follow) -> Page[Any]:
        request = self._link_request(link, follow)
        page: Page[Any] = self._page(self._send(request), follow)
        return page

    @contextlib.contextmanager
    def _stream(
        self, request: httpx.Request, parser: Any
    ) -> Generator[StreamedResponse[Any], None, None]:
        response = self._send(request, stream=True)
        try:
            if not response.is_success:
                response.read()
                raise status_error(response)
            yield StreamedResponse(response, parser)
        finally:
            response.close()

    def _send(
        self, request: httpx.Request, *, stream: bool = False, authorize: bool = True
    ) -> httpx.Response:
        # Decided before sending (a transport may read a streamed body into the request):
        # a body that cannot be sent again gets no retry, nor a second try after a 401.
        import httpx

        replayable = _replayable(request)
        retries = self.max_retries if replayable else 0
        attempt, refreshed, fresh = 0, not replayable or not authorize, None
        limit, deadline = _limits(request, self)
        ends = None if deadline is None else time.monotonic() + deadline
        while True:
            if authorize and self._is_ours(request):
                self._authorize(request, fresh or self._tokens.get())
            _clamp(request, ends)
            refused, wait = None, None
            try:
                # Always streamed: the body is read here, bounded by the call's limits (a
                # streamed call reads a success's body itself, unbounded by design).
                response = self._http.send(request, stream=True, follow_redirects=True)
                if not stream or not response.is_success:
                    _read_body(response, limit, ends)
            except httpx.TooManyRedirects:
                raise _redirect_error(request) from None
            except httpx.LocalProtocolError as error:  # the same every time: not retried
                refused = _connection_error(request, error)
            except httpx.TransportError as error:
                wait = self._retry_wait(request, attempt, retries, error=error)
                if wait is None or _past(ends, wait):
                    raise _connection_error(request, error) from error
            else:
                log.debug("%s %s: %d", request.method, request.url.path, response.status_code)
                if not refreshed and self._should_refresh(request, response):
                    refreshed = True
                    used = request.headers["Authorization"].removeprefix("Bearer ")
                    fresh = self._tokens.get(refresh=True)
                    if fresh != used:
                        log.info(
                            "%s %s: 401; retrying once with a new token",
                            request.method,
                            request.url.path,
                        )
                        response.close()
                        request = _again(request)
                        continue
                wait = self._retry_wait(request, attempt, retries, response=response)
                if wait is None or _past(ends, wait):
                    return response
                response.close()
            if refused is not None:  # raised out here, unchained: h11's text quotes headers
                raise refused
            assert wait is not None  # (every path that gets here set it)
            _retry.sleep(wait)
            attempt += 1
            request = _again(request)


class AsyncAPIClient(_ClientCore):
    """The asynchronous client: calls return awaitables (list operations also ``async for``)."""

    _http: httpx.AsyncClient

    _page_class = AsyncPage

    def _new_http(self, transport: Any, timeout: Any) -> httpx.AsyncClient:
        import httpx

        return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=True)

    def _check_http(self, http_client: Any) -> httpx.AsyncClient:
        import httpx

        if not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client= must be an httpx.AsyncClient")
        return http_client

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client=`` you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    def _request(self, endpoint: Endpoint, arguments: Mapping[str, Any]) -> Any:
        # Built now, so a bad argument raises at the call; sent when awaited.
        request, follow = self._build(endpoint, arguments)
        parser = partial(self._parse, endpoint, follow)
        if self._mode == "batch":
            return self._batch.add(request, parser, arguments["options"])
        if self._mode == "stream":
            return self._stream(request, parser)
        if self._mode == "raw":
            return self._raw(request, parser)
        if endpoint.paged:
            pages: AsyncPageRequest[Any] = AsyncPageRequest(partial(self._call, request, parser))
            return pages
        return self._call(request, parser)

    async def _call(self, request: httpx.Request, parser: Any) -> Any:
        return parser(await self._send(request))

    async def _raw(self, request: httpx.Request, parser: Any) -> RawResponse[Any]:
        response = await self._send(request)
        if not response.is_success:
            raise status_error(response)
        return RawResponse(response, parser)

    def _any_request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Any = ...,
        paged: bool = False,
        authorize: bool = True,
        max_response_size: Any = ...,
        deadline: Any = ...,
        depends_on: Any = None,
    ) -> Any:
        """As :meth:`SyncAPIClient.request`, awaited (``paged=True`` gives an awaitable
        that ``async for`` also reads)."""
        limits = self._call_limits({"max_response_size": max_response_size, "deadline": deadline})
        request, parser = self._plain(
            method, url, params, json, content, headers, timeout, paged, limits
        )
        if self._mode == "batch":
            return self._batch.add(request, parser, {"depends_on": depends_on})
        if not authorize:
            return self._anonymous(request, parser)
        if self._mode == "stream":
            return self._stream(request, parser)
        if self._mode == "raw":
            return self._raw(request, parser)
        if paged:
            pages: AsyncPageRequest[Any] = AsyncPageRequest(partial(self._call, request, parser))
            return pages
        return self._call(request, parser)

    async def _anonymous(self, request: httpx.Request, parser: Any) -> Any:
        return parser(await self._send(request, authorize=False))

    if TYPE_CHECKING:
        request: RequestMethod[Coroutine[Any, Any, Answer], AsyncPageRequest[JSONValue]]
    else:
        request = _any_request

    async def follow(self, link: str) -> AsyncPage[JSONValue]:
        """As :meth:`SyncAPIClient.follow`, awaited."""
        return await self._follow_link(link, self._link_follow())

    async def upload(
        self,
        content: Content,
        *,
        item_id: str | None = None,
        item_path: str | None = None,
        parent_id: str | None = None,
        name: str | None = None,
        attach_to: str | None = None,
        session_url: str | None = None,
        drive: str = "/me/drive",
        conflict: str | None = None,
        content_type: str | None = None,
        chunk: int = DEFAULT_CHUNK_SIZE,
        simple_limit: int | None = None,
        resumes: int = DEFAULT_RESUMES,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """As :meth:`SyncAPIClient.upload`, awaited."""
        from ._upload import arun_upload, upload

        steps = upload(
            content,
            item_id=item_id,
            item_path=item_path,
            parent_id=parent_id,
            name=name,
            attach_to=attach_to,
            session_url=session_url,
            drive=drive,
            conflict=conflict,
            content_type=content_type,
            chunk=chunk,
            simple_limit=simple_limit,
            resumes=resumes,
            progress=progress,
        )
        return await arun_upload(self, steps)

    async def _follow_link(self, link: str, follow: Follow) -> AsyncPage[Any]:
        request = self._link_request(link, follow)
        page: AsyncPage[Any] = self._page(await self._send(request), follow)
        return page

    @contextlib.asynccontextmanager
    async def _stream(
        self, request: httpx.Request, parser: Any
    ) -> AsyncGenerator[StreamedResponse[Any], None]:
        response = await self._send(request, stream=True)
        try:
            if not response.is_success:
                await response.aread()
                raise status_error(response)
            yield StreamedResponse(response, parser)
        finally:
            await response.aclose()

    async def _send(
        self, request: httpx.Request, *, stream: bool = False, authorize: bool = True
    ) -> httpx.Response:
        # Decided before sending (a transport may read a streamed body into the request):
        # a body that cannot be sent again gets no retry, nor a second try after a 401.
        import httpx

        replayable = _replayable(request)
        retries = self.max_retries if replayable else 0
        attempt, refreshed, fresh = 0, not replayable or not authorize, None
        limit, deadline = _limits(request, self)
        ends = None if deadline is None else time.monotonic() + deadline
        while True:
            if authorize and self._is_ours(request):
                self._authorize(request, fresh or await self._tokens.aget())
            _clamp(request, ends)
            refused, wait = None, None
            try:
                # Always streamed: the body is read here, bounded by the call's limits (a
                # streamed call reads a success's body itself, unbounded by design).
                response = await self._http.send(request, stream=True, follow_redirects=True)
                if not stream or not response.is_success:
                    await _aread_body(response, limit, ends)
            except httpx.TooManyRedirects:
                raise _redirect_error(request) from None
            except httpx.LocalProtocolError as error:  # the same every time: not retried
                refused = _connection_error(request, error)
            except httpx.TransportError as error:
                wait = self._retry_wait(request, attempt, retries, error=error)
                if wait is None or _past(ends, wait):
                    raise _connection_error(request, error) from error
            else:
                log.debug("%s %s: %d", request.method, request.url.path, response.status_code)
                if not refreshed and self._should_refresh(request, response):
                    refreshed = True
                    used = request.headers["Authorization"].removeprefix("Bearer ")
                    fresh = await self._tokens.aget(refresh=True)
                    if fresh != used:
                        log.info(
                            "%s %s: 401; retrying once with a new token",
                            request.method,
                            request.url.path,
                        )
                        await response.aclose()
                        request = _again(request)
                        continue
                wait = self._retry_wait(request, attempt, retries, response=response)
                if wait is None or _past(ends, wait):
                    return response
                await response.aclose()
            if refused is not None:  # raised out here, unchained: h11's text quotes headers
                raise refused
            assert wait is not None  # (every path that gets here set it)
            await _retry.asleep(wait)
            attempt += 1
            request = _again(request)


if TYPE_CHECKING:
    # How the raw, streaming and batch clients' ``request`` is typed (the generated client
    # imports these for its typing-only classes). Each group's stub module declares
    # a class per mode with the plain methods' parameters and return types such as
    # ``RawResponse[Message]``, ``Streamed[Message]`` or ``BatchResult[Message]``, written
    # out. The client's own ``request`` is typed through these functions
    # (``request = raw(SyncAPIClient.request)``): one protocol with the overloads of
    # ``request`` (``paged=True`` gives a page), its two results wrapped as the mode wraps
    # them. (A ``ParamSpec`` transform would keep only the first overload.)
    from typing import Literal, Protocol, TypeAlias, TypeVar, overload

    from ._response import AsyncStreamed, BatchResult, Streamed

    _T = TypeVar("_T")
    _One = TypeVar("_One", covariant=True)
    _Paged = TypeVar("_Paged", covariant=True)
    _Coroutine: TypeAlias = Coroutine[Any, Any, _T]

    class RequestMethod(Protocol[_One, _Paged]):
        """``request`` as a mode types it: ``_One`` for an answer, ``_Paged`` with ``paged=True``."""

        @overload
        def __call__(
            self,
            method: str,
            url: str,
            *,
            params: Mapping[str, Any] | None = None,
            json: Any = None,
            content: bytes | None = None,
            headers: Mapping[str, str] | None = None,
            timeout: Timeout | EllipsisType = ...,
            paged: Literal[True],
            authorize: bool = True,
            max_response_size: int | None | EllipsisType = ...,
            deadline: float | None | EllipsisType = ...,
            depends_on: BatchResult[Any] | Sequence[BatchResult[Any]] | None = None,
        ) -> _Paged: ...

        @overload
        def __call__(
            self,
            method: str,
            url: str,
            *,
            params: Mapping[str, Any] | None = None,
            json: Any = None,
            content: bytes | None = None,
            headers: Mapping[str, str] | None = None,
            timeout: Timeout | EllipsisType = ...,
            paged: Literal[False] = False,
            authorize: bool = True,
            max_response_size: int | None | EllipsisType = ...,
            deadline: float | None | EllipsisType = ...,
            depends_on: BatchResult[Any] | Sequence[BatchResult[Any]] | None = None,
        ) -> _One: ...

    def raw(
        method: object,
    ) -> RequestMethod[RawResponse[Answer], RawResponse[Page[JSONValue]]]: ...

    def async_raw(
        method: object,
    ) -> RequestMethod[
        _Coroutine[RawResponse[Answer]], _Coroutine[RawResponse[AsyncPage[JSONValue]]]
    ]: ...

    def stream(method: object) -> RequestMethod[Streamed[Answer], Streamed[Page[JSONValue]]]: ...

    def async_stream(
        method: object,
    ) -> RequestMethod[AsyncStreamed[Answer], AsyncStreamed[AsyncPage[JSONValue]]]: ...

    def batch(
        method: object,
    ) -> RequestMethod[BatchResult[Answer], BatchResult[Page[JSONValue]]]: ...

    def async_batch(
        method: object,
    ) -> RequestMethod[BatchResult[Answer], BatchResult[AsyncPage[JSONValue]]]: ...

    def plain(method: object) -> RequestMethod[Answer, Page[JSONValue]]: ...

    def async_plain(
        method: object,
    ) -> RequestMethod[_Coroutine[Answer], AsyncPageRequest[JSONValue]]: ...
