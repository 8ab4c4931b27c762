"""Errors raised by the client.

Every error is a :class:`GraphError`::

    GraphError
    ├── APIStatusError            the service answered with a non-2xx status
    │   ├── BadRequestError           400
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── PreconditionFailedError   412
    │   ├── RateLimitError            429
    │   └── InternalServerError       >= 500
    ├── APIConnectionError        no answer (DNS, refused, reset …)
    │   └── APITimeoutError           no answer in time (a timeout, or the call's deadline)
    ├── InvalidResponseError      an answer whose body is not what it says (bad JSON, a
    │                             malformed ``$batch`` answer, a ``nextLink`` not a string)
    ├── ResponseTooLargeError     an answer larger than the call's ``max_response_size``
    ├── PagingLoopError           a page's ``@odata.nextLink`` leads back to an earlier page
    ├── TooManyRedirectsError     redirects that never end
    ├── InvalidHeaderError        a header value (the token too) that cannot be sent
    ├── BatchError                a batch item with no answer (not sent, or left out)
    └── UploadError               an upload session that could not be completed

An :class:`APIStatusError` carries the HTTP status, Graph's OData ``error.code`` and
``error.message``, the ``request-id`` / ``client-request-id`` to quote to Microsoft
support, and the :class:`httpx.Response` itself.

No error holds the token: an answer that echoes the request (a proxy's 500 page quoting
its headers) is kept as a copy with every ``Authorization`` value replaced by ``***``, in
its body, its headers and its request, and so is every text made from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BatchError",
    "ConflictError",
    "GraphError",
    "InternalServerError",
    "InvalidHeaderError",
    "InvalidResponseError",
    "NotFoundError",
    "PagingLoopError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "TooManyRedirectsError",
    "UploadError",
]

_MESSAGE_LIMIT = 500  # characters of an error body quoted in a message


class GraphError(Exception):
    """Base class of every error this client raises."""


class APIStatusError(GraphError):
    """The service answered with a status outside 2xx."""

    def __init__(self, response: httpx.Response, body: Any) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        # Any JSON (or text): Graph's {"error": {"code", "message"}} is read only where it is.
        top = cast("dict[str, object]", body) if isinstance(body, dict) else {}
        error = top.get("error")
        fields = cast("dict[str, object]", error) if isinstance(error, dict) else {}
        code, message = fields.get("code"), fields.get("message")
        self.code: str | None = code if isinstance(code, str) else None
        self.message: str | None = message if isinstance(message, str) else None
        self.request_id: str | None = response.headers.get("request-id")
        self.client_request_id: str | None = response.headers.get("client-request-id")
        detail = self.message or (response.text[:_MESSAGE_LIMIT] if response.content else "")
        parts = [f"{response.status_code} {response.reason_phrase}".strip()]
        if self.code:
            parts.append(self.code)
        if detail:
            parts.append(detail[:_MESSAGE_LIMIT])
        if self.request_id:
            parts.append(f"request-id {self.request_id}")
        request = response.request
        super().__init__(f"{request.method} {request.url.path}: " + " — ".join(parts))


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: the token is missing, expired or for another audience."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the token lacks a permission the operation needs."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class PreconditionFailedError(APIStatusError):
    """412 Precondition Failed: an ``If-Match`` ETag no longer matches."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests: throttled; retried automatically when retries are on."""


class InternalServerError(APIStatusError):
    """A 5xx status."""


class APIConnectionError(GraphError):
    """The request got no answer."""

    def __init__(self, message: str, request: httpx.Request) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request got no answer in time."""


class InvalidResponseError(GraphError):
    """An answer that is not what it says: a 2xx answer that says it is JSON but does not
    parse, a ``$batch`` answer that is not an object of ``responses``, a page whose
    ``@odata.nextLink`` is not a string.

    Raised rather than ``json.JSONDecodeError`` so that one ``except GraphError`` covers
    every way a call can fail; the answer is kept for a closer look.
    """

    def __init__(self, message: str, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code


class ResponseTooLargeError(GraphError):
    """An answer whose body is larger than the call's ``max_response_size``: reading stopped
    there, so a 2 GB or endless body costs no more memory than the limit. Raise the limit
    (per client or per call), or read a large download with ``with_streaming_response``,
    which is never capped."""

    def __init__(self, message: str, request: httpx.Request, limit: int) -> None:
        super().__init__(message)
        self.request = request
        self.limit = limit


class PagingLoopError(GraphError):
    """Following ``@odata.nextLink`` led back to a page already read.

    Iterating would otherwise never end (and bill a request per turn).
    """

    def __init__(self, message: str, link: str) -> None:
        super().__init__(message)
        self.link = link


class TooManyRedirectsError(GraphError):
    """The service redirected more times than httpx follows: a redirect loop."""

    def __init__(self, message: str, request: httpx.Request) -> None:
        super().__init__(message)
        self.request = request


class InvalidHeaderError(GraphError, ValueError):
    """A header value holds a character no HTTP header may carry (a newline, a NUL, …).

    Raised before anything is sent; the message names the header, never its value, since
    the value may be the token.
    """


class BatchError(GraphError):
    """A batch item has no answer: the batch was not sent (yet), or its answer left the
    item out. An item the service answered with an error raises that status's own error."""


class UploadError(GraphError):
    """An upload session that could not be completed, even after resuming.

    ``upload_url`` and ``offset`` (the bytes the service holds) let a later
    ``client.upload(..., session_url=error.upload_url)`` carry on where this one stopped,
    until the session expires.
    """

    def __init__(self, message: str, upload_url: str | None, offset: int) -> None:
        super().__init__(message)
        self.upload_url = upload_url
        self.offset = offset


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    429: RateLimitError,
}


def secrets_of(request: httpx.Request) -> tuple[str, ...]:
    """The credentials a request carries: its ``Authorization`` value, and the token alone."""
    value: str = request.headers.get("authorization", "")
    return tuple(v for v in (value, value.partition(" ")[2].strip()) if len(v) >= 4)


def _forms(secret: str) -> list[str]:
    """How a secret can be written in a text: as it is, as Python quotes bytes (h11's
    messages), and as JSON escapes it (an echo in a JSON body)."""
    import json

    escaped = json.dumps(secret)[1:-1]
    return [secret, repr(secret.encode())[2:-1], escaped, escaped.replace("/", "\\/")]


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every form of each secret replaced by ``***``."""
    for secret in secrets:
        for form in _forms(secret):
            text = text.replace(form, "***")
    return text


def _scrub_bytes(data: bytes, secrets: tuple[str, ...]) -> bytes:
    for secret in secrets:
        for form in _forms(secret):
            data = data.replace(form.encode("utf-8", "replace"), b"***")
    return data


def redacted(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` without its credentials, for an error to keep."""
    import httpx

    secrets = secrets_of(request)
    if not secrets:
        return request
    headers = [
        (name, "***" if name.lower() == "authorization" else scrub(value, secrets))
        for name, value in request.headers.items()
    ]
    return httpx.Request(
        request.method,
        request.url,
        headers=headers,
        stream=request.stream,
        extensions=request.extensions,
    )


# Headers of an answer that describe its bytes on the wire, not the (decoded) copy kept.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def _without_secrets(response: httpx.Response, secrets: tuple[str, ...]) -> httpx.Response:
    """A copy of a read ``response`` with no trace of ``secrets``: its body, headers,
    reason phrase and request scrubbed."""
    import httpx

    extensions = dict(response.extensions)
    reason = extensions.get("reason_phrase")
    if isinstance(reason, bytes):
        extensions["reason_phrase"] = _scrub_bytes(reason, secrets)
    return httpx.Response(
        response.status_code,
        headers=[
            (name, scrub(value, secrets))
            for name, value in response.headers.items()
            if name.lower() not in _WIRE_HEADERS
        ],
        content=_scrub_bytes(response.content, secrets),
        request=redacted(response.request),
        extensions=extensions,
    )


def status_error(response: httpx.Response, secrets: tuple[str, ...] = ()) -> APIStatusError:
    """The error for a non-2xx response, its body parsed as JSON when it is JSON.

    The error keeps a copy of the answer without the request's credentials (and without
    ``secrets``, those of a ``$batch`` request that carried this item), wherever the
    answer may have echoed them.
    """
    import json

    secrets = secrets + secrets_of(response.request)
    if secrets:
        response = _without_secrets(response, secrets)
    try:
        body: Any = response.json()
    except (ValueError, RecursionError):
        body = response.text
    if secrets and not isinstance(body, str):
        # A JSON escape the text forms miss (``\\u0041``): keep the scrubbed text instead.
        try:
            text = json.dumps(body, ensure_ascii=False)
        except (ValueError, RecursionError):
            text = ""
        if not text or scrub(text, secrets) != text:
            body = scrub(response.text, secrets)
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    error = cls(response, body)
    if secrets and any(scrub(str(arg), secrets) != str(arg) for arg in error.args):
        error.args = tuple(scrub(str(arg), secrets) for arg in error.args)
    return error
