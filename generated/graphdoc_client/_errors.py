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
    │   └── APITimeoutError           no answer in time
    ├── InvalidResponseError      a 2xx answer whose body is not what it says (bad JSON)
    ├── PagingLoopError           a page's ``@odata.nextLink`` leads back to an earlier page
    ├── TooManyRedirectsError     redirects that never end
    ├── InvalidHeaderError        a header value (the token too) that cannot be sent
    ├── BatchError                a batch item with no answer (not sent, or left out)
    └── UploadError               an upload session that could not be completed

An :class:`APIStatusError` carries the HTTP status, Graph's OData ``error.code`` and
``error.message``, the ``request-id`` / ``client-request-id`` to quote to Microsoft
support, and the :class:`httpx.Response` itself.
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
    """A 2xx answer that says it is JSON but does not parse.

    Raised rather than ``json.JSONDecodeError`` so that one ``except GraphError`` covers
    every way a call can fail; the answer is kept for a closer look.
    """

    def __init__(self, message: str, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code


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


def status_error(response: httpx.Response) -> APIStatusError:
    """The error for a non-2xx response, its body parsed as JSON when it is JSON."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(response, body)
