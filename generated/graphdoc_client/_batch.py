"""JSON batching (``$batch``) with the ordinary generated methods.

``with client.batch() as batch:`` (``async with`` on the async client) gives a client of
the same class whose calls are queued rather than sent: each returns a
:class:`~._response.BatchResult` at once, and the queue goes out when the block ends.
Graph takes at most :data:`MAX_REQUESTS` requests per batch, so a longer queue is sent as
several, in order. ``depends_on=`` (a result, or a list of them) makes a call wait for others: within
one batch Graph orders them (``dependsOn``); across batches the order of sending does, and
a call whose dependency failed is answered 424 here without being sent, as Graph would.

Items answered 429 (or 503/504 when the method may be repeated) are sent again in a
later batch, after the longest ``Retry-After`` among them, up to the client's
``max_retries``; the batch request itself has the client's ordinary retries.

The work is written once, as a generator of steps (send this request, sleep this long);
:func:`run` and :func:`arun` drive it with the sync or the async client, so both behave
alike by construction. This module is imported on first use, not with the package.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any, Callable, Generator, Generic, Mapping, TypeVar, cast

from . import _retry
from ._errors import (
    BatchError,
    GraphError,
    InvalidResponseError,
    scrub,
    secrets_of,
    status_error,
)
from ._response import BatchResult
from ._runtime import timeout_extension

if TYPE_CHECKING:
    import httpx

__all__ = ["Batch", "BatchResult", "MAX_REQUESTS"]

MAX_REQUESTS = 20  # Graph's limit of requests in one $batch
# Headers httpx adds to every request: they belong to the $batch request, not to its items.
_TRANSPORT_HEADERS = frozenset(
    {"host", "accept", "accept-encoding", "connection", "user-agent", "content-length"}
)

# A step of the work: ("send", request, authorize) answered with the response (or a
# GraphError thrown in), or ("sleep", seconds, None).
Step = tuple[str, Any, Any]

Groups = TypeVar("Groups")  # the client a batch block gives: its calls are queued


def run(client: Any, steps: Generator[Step, Any, Any]) -> Any:
    """Drive ``steps`` with a sync client."""
    value: Any = None
    error: GraphError | None = None
    while True:
        try:
            step = steps.throw(error) if error is not None else steps.send(value)
        except StopIteration as stop:
            result: Any = stop.value
            return result
        value, error = None, None
        try:
            if step[0] == "send":
                value = client._send(step[1], authorize=step[2])
            else:
                _retry.sleep(step[1])
        except GraphError as caught:
            error = caught


async def arun(client: Any, steps: Generator[Step, Any, Any]) -> Any:
    """Drive ``steps`` with an async client."""
    value: Any = None
    error: GraphError | None = None
    while True:
        try:
            step = steps.throw(error) if error is not None else steps.send(value)
        except StopIteration as stop:
            result: Any = stop.value
            return result
        value, error = None, None
        try:
            if step[0] == "send":
                value = await client._send(step[1], authorize=step[2])
            else:
                await _retry.asleep(step[1])
        except GraphError as caught:
            error = caught


def _succeeded(result: BatchResult[Any]) -> bool:
    return result.response is not None and result.response.is_success


def _answers(answers: object) -> dict[str, dict[str, Any]]:
    """The answers of a ``$batch`` answer's ``responses`` by id. Its JSON is checked at each
    level, so that an item answered in no usable form is one with no answer (a
    :class:`BatchError` from its result), not a failure of the whole batch."""
    found: dict[str, dict[str, Any]] = {}
    for answer in cast("list[object]", answers) if isinstance(answers, list) else []:
        if isinstance(answer, dict):
            fields = cast("dict[str, Any]", answer)
            found[str(fields.get("id"))] = fields
    return found


def _responses(response: httpx.Response) -> object:
    """The ``responses`` of a ``$batch`` answer. An answer that is not a JSON object is no
    answer for any item: one typed error for the whole batch."""
    try:
        value: object = response.json()
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        request = response.request
        raise InvalidResponseError(
            f"{request.method} {request.url.path}: the $batch answer is not a JSON object",
            response,
        )
    return cast("dict[str, object]", value).get("responses")


def _status(value: object) -> int | None:
    """An item's status, when it is one (an integer from 100 to 599; JSON may write
    ``200.0``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) and 100 <= value <= 599 else None


def _headers(value: object) -> dict[str, str] | None:
    """An item's headers, when they are an object of texts (absent: none)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        return None
    found: dict[str, str] = {}
    for name, text in cast("dict[object, object]", value).items():
        if not isinstance(name, str) or not isinstance(text, (str, int, float)):
            return None
        found[name] = str(text)
    return found


def _as_list(value: Any) -> list[BatchResult[Any]]:
    if value is None:
        return []
    items: list[object] = (
        [value] if isinstance(value, BatchResult) else list(cast("list[object]", value))
    )
    found: list[BatchResult[Any]] = []
    for item in items:
        if not isinstance(item, BatchResult):
            raise TypeError("depends_on takes the result of a call of the same batch (or a list)")
        found.append(cast("BatchResult[Any]", item))  # type: ignore[redundant-cast]
    return found


class Batch(Generic[Groups]):
    """A queue of calls sent as ``$batch`` requests: a context manager (sync or async)
    whose target is a client of the caller's class that queues its calls (typed
    ``Groups``: the generated client's groups, whose methods return a ``BatchResult``)."""

    def __init__(self, client: Any) -> None:
        if client._mode == "batch":
            raise TypeError("a batch cannot hold another batch")
        self._parent = client
        self.client = client._derive(_mode="batch", _batch=self)
        self.items: list[BatchResult[Any]] = []
        self.sent = False

    def add(
        self, request: httpx.Request, parser: Callable[[Any], Any], options: Mapping[str, Any]
    ) -> BatchResult[Any]:
        if self.sent:
            raise BatchError("this batch was sent already; start another with client.batch()")
        import httpx

        try:
            request.content
        except httpx.RequestNotRead:  # a file object, read once as it is sent
            raise TypeError(
                "a batched call takes bytes or a JSON body, not a file object"
            ) from None
        if not str(request.url).startswith(self._parent.base_url + "/"):
            raise TypeError(
                f"a batch holds calls to {self._parent.base_url} only, not to {request.url.host}"
            )
        depends = _as_list(options.get("depends_on"))
        for item in depends:
            if item not in self.items:
                raise TypeError(f"depends_on: {item!r} is not a call of this batch")
        result: BatchResult[Any] = BatchResult(str(len(self.items) + 1), request, parser, depends)
        self.items.append(result)
        return result

    def __enter__(self) -> Groups:
        groups: Groups = self.client
        return groups

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        if exc_type is None:
            self.send()

    async def __aenter__(self) -> Groups:
        groups: Groups = self.client
        return groups

    async def __aexit__(self, exc_type: Any, *rest: Any) -> None:
        if exc_type is None:
            await self.asend()

    def send(self) -> list[BatchResult[Any]]:
        """Send the queue (done on leaving the ``with`` block) and return its results."""
        results: list[BatchResult[Any]] = run(self._parent, self._work())
        return results

    async def asend(self) -> list[BatchResult[Any]]:
        results: list[BatchResult[Any]] = await arun(self._parent, self._work())
        return results

    # -- the work, sync or async alike ------------------------------------------------

    def _item(self, result: BatchResult[Any], same_batch: set[str]) -> dict[str, Any]:
        request = result.request
        full, base = str(request.url), self._parent.base_url
        url = full[len(base) :] if full.startswith(base + "/") else full
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in _TRANSPORT_HEADERS and name.lower() != "authorization"
        }
        item: dict[str, Any] = {"id": result.id, "method": request.method, "url": url}
        if headers:
            item["headers"] = headers
        depends = [d.id for d in result.depends_on if d.id in same_batch]
        if depends:
            item["dependsOn"] = depends
        if request.content:
            if "json" in request.headers.get("content-type", "").lower():
                item["body"] = json.loads(request.content)
            else:  # Graph reads a non-JSON item body as base64
                item["body"] = base64.b64encode(request.content).decode("ascii")
        return item

    def _answer(
        self,
        result: BatchResult[Any],
        status: int,
        headers: Mapping[str, str],
        body: Any,
        secrets: tuple[str, ...] = (),
    ) -> None:
        import httpx

        content: bytes
        headers = {name: scrub(value, secrets) for name, value in headers.items()}
        if body is None:
            content = b""
        elif (
            isinstance(body, str)
            and "json" not in headers.get("Content-Type", headers.get("content-type", "")).lower()
        ):
            try:
                content = base64.b64decode(body, validate=True)
            except ValueError:
                content = body.encode("utf-8")
        else:
            content = json.dumps(body).encode("utf-8")
            if not any(name.lower() == "content-type" for name in headers):
                headers["Content-Type"] = "application/json"
        if secrets:  # an item's answer that echoes the $batch request's credentials
            content = scrub(content.decode("utf-8", "replace"), secrets).encode("utf-8")
        result.response = httpx.Response(
            status, headers=headers, content=content, request=result.request
        )

    def _failed_dependency(self, result: BatchResult[Any]) -> None:
        body = {"error": {"code": "FailedDependency", "message": "a call it depends on failed"}}
        self._answer(result, 424, {"Content-Type": "application/json"}, body)

    def _work(self) -> Generator[Step, Any, list[BatchResult[Any]]]:
        if self.sent:
            raise BatchError("this batch was sent already")
        self.sent = True
        client = self._parent
        pending = list(self.items)
        attempt = 0
        while pending:
            again: list[BatchResult[Any]] = []
            waits: list[float] = []
            for start in range(0, len(pending), MAX_REQUESTS):
                chunk: list[BatchResult[Any]] = []
                for result in pending[start : start + MAX_REQUESTS]:
                    earlier = [
                        d
                        for d in result.depends_on
                        if d not in pending[start : start + MAX_REQUESTS]
                    ]
                    if any(d in again or not _succeeded(d) for d in earlier):
                        if any(d in again for d in earlier):
                            again.append(result)  # its dependency is sent again: so is it
                        else:
                            self._failed_dependency(result)
                        continue
                    chunk.append(result)
                if not chunk:
                    continue
                ids = {result.id for result in chunk}
                payload = {"requests": [self._item(result, ids) for result in chunk]}
                request = client._http.build_request(
                    "POST",
                    client.base_url + "/$batch",
                    json=payload,
                    extensions=timeout_extension(client.timeout),
                )
                response: httpx.Response = yield ("send", request, True)
                if not response.is_success:
                    response.read()
                    raise status_error(response)
                by_id = _answers(_responses(response))
                secrets = secrets_of(response.request)
                for result in chunk:
                    answer = by_id.get(result.id)
                    where = f"batch item {result.id} ({result.request.method} {result.request.url.path})"
                    if answer is None:
                        result.error = BatchError(f"{where} is missing from the batch answer")
                        continue
                    status, headers = _status(answer.get("status")), _headers(answer.get("headers"))
                    if status is None or headers is None:
                        what = "status" if status is None else "headers"
                        result.error = BatchError(f"{where}: its answer has no usable {what}")
                        continue
                    try:
                        self._answer(result, status, headers, answer.get("body"), secrets)
                    except (ValueError, TypeError):  # a header httpx cannot hold (non-ASCII)
                        result.error = BatchError(f"{where}: its answer has unusable headers")
                        continue
                    assert result.response is not None
                    if attempt < client.max_retries:
                        wait = _retry.status_wait(
                            result.response,
                            attempt,
                            result.request.method,
                            client.retry_non_idempotent,
                        )
                        if wait is not None:
                            again.append(result)
                            waits.append(wait)
                        elif result.response.status_code == 424 and any(
                            d in again for d in result.depends_on
                        ):
                            again.append(result)
            if not again:
                break
            yield ("sleep", max(waits, default=0.0), None)
            attempt += 1
            again_set = set(map(id, again))
            pending = [result for result in self.items if id(result) in again_set]
            for result in pending:
                result.response = None
        return self.items
