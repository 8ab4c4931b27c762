"""Uploads of any size: ``client.upload(content, ...)`` for drive items and attachments.

Say where the file goes with exactly one of:

- ``item_id=`` — replace the content of an existing drive item;
- ``item_path=`` — a path under the drive's root (``"Documents/report.pdf"``);
- ``parent_id=`` with ``name=`` — a new file in a folder given by id;
- ``attach_to=`` with ``name=`` — an attachment of a message or event
  (``"/me/messages/{id}"``, ``"/me/events/{id}"``);
- ``session_url=`` — an upload session created earlier, to resume it.

``drive=`` (default ``/me/drive``) names the drive (``/drives/{id}``, ``/sites/{id}/drive``,
``/groups/{id}/drive``, ``/users/{id}/drive``). A file up to ``simple_limit`` bytes is sent
in one request (``PUT …/content`` or a ``fileAttachment``), as the docs advise; a larger
one through an upload session, in chunks of a multiple of 320 KiB (Graph refuses others).
The session's ``nextExpectedRanges`` (``"N-"`` or ``"N-M"``) says where to carry on, so a
chunk that fails is not the end: the session is asked what it holds and the upload goes on
from there. Tries are counted by progress, not by answers: after ``resumes`` tries in a row
that move the session's offset no further (failed chunks, or answers whose
``nextExpectedRanges`` do not advance), :class:`~._errors.UploadError` carries the session
URL for a later ``session_url=``. ``progress(sent, total)`` is called
after each chunk. The ``uploadUrl`` is pre-authenticated: the token is never sent to it.

``content`` is bytes or a seekable binary file (resuming reads a range again). The answer
is the final drive item (or the attachment's JSON, or ``{"location": …}`` when the
service answers only with a ``Location``).
"""

from __future__ import annotations

import base64
import os
from typing import IO, TYPE_CHECKING, Any, Callable, Generator, Mapping, Union, cast
from urllib.parse import quote

from ._batch import Step, arun, run
from ._errors import GraphError, InvalidResponseError, UploadError, status_error
from ._runtime import read_response, timeout_extension

if TYPE_CHECKING:
    import httpx

__all__ = ["CHUNK_UNIT", "DEFAULT_CHUNK_SIZE", "arun_upload", "next_range", "run_upload", "upload"]

CHUNK_UNIT = 320 * 1024  # every chunk but the last is a multiple of this
DEFAULT_CHUNK_SIZE = 10 * CHUNK_UNIT
SIMPLE_LIMIT = 4 * 1024 * 1024  # a drive item this size or smaller goes in one PUT
ATTACHMENT_SIMPLE_LIMIT = 3 * 1024 * 1024  # the docs' limit for a fileAttachment in one POST
DEFAULT_RESUMES = 3

Content = Union[bytes, bytearray, memoryview, IO[bytes]]
Progress = Callable[[int, int], None]  # progress(sent, total), in bytes


def chunk_size(wanted: int) -> int:
    """``wanted`` rounded down to a multiple of 320 KiB (at least one)."""
    return max(CHUNK_UNIT, wanted // CHUNK_UNIT * CHUNK_UNIT)


def next_range(ranges: object, total: int) -> tuple[int, int] | None:
    """The first missing byte range ``(start, end)`` (``end`` exclusive) that
    ``nextExpectedRanges`` names, or ``None`` when it names none.

    Graph writes ``"N-"`` (everything from N) or ``"N-M"`` (N to M inclusive); a bare
    ``"N"`` is read as ``"N-"``.
    """
    texts: list[object]
    if isinstance(ranges, str):
        texts = [ranges]
    elif isinstance(ranges, list):
        texts = cast("list[object]", ranges)  # JSON: its items are checked one by one
    else:
        return None
    found: list[tuple[int, int]] = []
    for text in texts:
        if not isinstance(text, str):
            continue
        first, _, last = text.strip().partition("-")
        try:
            start = int(first)
            end = int(last) + 1 if last.strip() else total
        except ValueError:
            continue
        if 0 <= start < min(end, total):
            found.append((start, min(end, total)))
    return min(found) if found else None


class _Source:
    """Bytes or a seekable file, read by offset."""

    def __init__(self, content: Content) -> None:
        if isinstance(content, (bytes, bytearray, memoryview)):
            self._data: bytes | None = bytes(content)
            self._file: IO[bytes] | None = None
            self.size = len(self._data)
            return
        if not hasattr(content, "read") or not hasattr(content, "seek"):
            raise TypeError(
                f"content must be bytes or a seekable binary file, not {type(content).__name__}"
            )
        self._data, self._file = None, content
        self._start = content.tell()
        self.size = content.seek(0, os.SEEK_END) - self._start

    def read(self, start: int, end: int) -> bytes:
        if self._data is not None:
            return self._data[start:end]
        assert self._file is not None
        self._file.seek(self._start + start)
        return self._file.read(end - start)


def _segments(path: str) -> str:
    path = path.strip("/")
    if not path or any(part in ("", ".", "..") for part in path.split("/")):
        raise ValueError(f"item_path {path!r} must name a file: no empty, '.' or '..' segments")
    return quote(path, safe="/!$&'()*+,;=@")


def _target(
    drive: str,
    item_id: str | None,
    item_path: str | None,
    parent_id: str | None,
    name: str | None,
    attach_to: str | None,
) -> str:
    """The path the upload addresses (without ``/content`` or ``/createUploadSession``)."""
    given = [
        what
        for what, value in (
            ("item_id", item_id),
            ("item_path", item_path),
            ("parent_id", parent_id),
            ("attach_to", attach_to),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise TypeError(
            "say where the file goes with exactly one of item_id=, item_path=, parent_id="
            " (with name=), attach_to= (with name=) or session_url="
        )
    drive = "/" + drive.strip("/")
    if item_id is not None:
        return f"{drive}/items/{quote(str(item_id), safe='!$&()*+,;=@')}"
    if item_path is not None:
        return f"{drive}/root:/{_segments(item_path)}:"
    if name is None:
        raise TypeError(f"{given[0]}= needs name=")
    if parent_id is not None:
        return f"{drive}/items/{quote(str(parent_id), safe='!$&()*+,;=@')}:/{_segments(name)}:"
    assert attach_to is not None
    return "/" + attach_to.strip("/") + "/attachments"


def upload(
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
) -> Generator[Step, Any, dict[str, Any]]:
    """The work of one upload, as steps for :func:`run_upload` or :func:`arun_upload`
    (see the module's docstring for the arguments)."""
    source = _Source(content)
    size = source.size
    chunk = chunk_size(chunk)
    url: str | None = session_url
    answer: httpx.Response
    if url is None:
        where = _target(drive, item_id, item_path, parent_id, name, attach_to)
        attachment = attach_to is not None
        limit = simple_limit
        if limit is None:
            limit = ATTACHMENT_SIMPLE_LIMIT if attachment else SIMPLE_LIMIT
        if size <= limit:
            if attachment:
                body = {
                    "@odata.type": "#microsoft.graph.fileAttachment",
                    "name": name,
                    "contentBytes": base64.b64encode(source.read(0, size)).decode("ascii"),
                }
                if content_type:
                    body["contentType"] = content_type
                answer = yield ("send", ("POST", where, None, body), True)
            else:
                headers = {"Content-Type": content_type or "application/octet-stream"}
                query = f"?@microsoft.graph.conflictBehavior={conflict}" if conflict else ""
                answer = yield (
                    "send",
                    ("PUT", where + "/content" + query, headers, source.read(0, size)),
                    True,
                )
            if progress is not None:
                progress(size, size)
            return _final(answer)
        session_body: dict[str, Any]
        if attachment:
            session_body = {
                "AttachmentItem": {"attachmentType": "file", "name": name, "size": size}
            }
            if content_type:
                session_body["AttachmentItem"]["contentType"] = content_type
        else:
            session_body = (
                {"item": {"@microsoft.graph.conflictBehavior": conflict}} if conflict else {}
            )
        answer = yield ("send", ("POST", where + "/createUploadSession", None, session_body), True)
        session = read_response(answer)
        fields = cast("dict[str, object]", session) if isinstance(session, dict) else {}
        found = fields.get("uploadUrl")
        if not isinstance(found, str):
            raise UploadError("createUploadSession answered without an uploadUrl", None, 0)
        url = found
        span = next_range(fields.get("nextExpectedRanges"), size) or (0, size)
    else:
        answer = yield ("send", ("GET", url, None, None), False)
        span = _ranges_of(answer, size, url)
    failures = 0
    held = span[0]  # the furthest offset the session has acknowledged
    while True:
        start = span[0]
        end = min(span[1], start + chunk, size)
        headers = {"Content-Range": f"bytes {start}-{end - 1}/{size}"}
        failure: GraphError | None = None
        try:
            answer = yield ("send", ("PUT", url, headers, source.read(start, end)), False)
        except GraphError as error:  # no answer: ask the session what it holds
            failure = error
        else:
            if answer.status_code in (200, 201):
                if progress is not None:
                    progress(size, size)
                return _final(answer)
            if answer.status_code == 202:
                following = next_range(_json(answer).get("nextExpectedRanges"), size)
                span = following if following is not None else (end, size)
                if span[0] > held:
                    held = span[0]
                    if progress is not None:  # what the service says it holds
                        progress(held, size)
                    failures = 0
                    continue
                failure = UploadError(
                    f"the session still expects byte {span[0]} after a chunk up to {end}", url, held
                )
            else:
                failure = status_error(answer)
        failures += 1
        if failures > resumes:
            raise UploadError(
                f"upload stopped at byte {start} of {size} after {resumes} resumes: {failure}",
                url,
                start,
            ) from failure
        if isinstance(failure, UploadError):
            continue  # the session said what it expects: send that again
        try:
            answer = yield ("send", ("GET", url, None, None), False)
        except GraphError:
            continue  # the same range again
        span = _ranges_of(answer, size, url)
        if span[0] > held:
            held = span[0]
            failures = 0


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {}
    return cast("dict[str, Any]", value) if isinstance(value, dict) else {}


def _ranges_of(answer: httpx.Response, size: int, url: str) -> tuple[int, int]:
    if not answer.is_success:
        raise UploadError(
            f"the upload session answered {answer.status_code} (expired?): start again", url, 0
        ) from status_error(answer)
    found = next_range(_json(answer).get("nextExpectedRanges"), size)
    return found if found is not None else (0, size)


def _final(answer: httpx.Response) -> dict[str, Any]:
    """The upload's result: the JSON object answered, else ``{"location": …}`` (or ``{}``)
    for an answer with no body; an answer of another kind is not what the docs say."""
    value = read_response(answer)
    if isinstance(value, dict):
        return cast("dict[str, Any]", value)
    if value is None:
        location = answer.headers.get("location")
        return {"location": location} if location is not None else {}
    request = answer.request
    raise InvalidResponseError(
        f"{request.method} {request.url.path}: the upload's answer is not a JSON object", answer
    )


def _request(client: Any, call: tuple[str, str, Mapping[str, str] | None, Any]) -> Any:
    """The httpx request of a step's ``(method, path or URL, headers, body)``."""
    method, url, headers, body = call
    if "://" not in url:
        url = client.base_url + url
    content = body if isinstance(body, bytes) else None
    payload = None if isinstance(body, bytes) else body
    return client._http.build_request(
        method,
        url,
        headers=headers,
        json=payload,
        content=content,
        extensions=timeout_extension(client.timeout),
    )


class _Requests:
    """Steps of :func:`upload` carry ``(method, url, headers, body)``; this turns them
    into requests of the client that drives them."""

    def __init__(self, client: Any, steps: Generator[Step, Any, Any]) -> None:
        self.client, self.steps = client, steps

    def __iter__(self) -> Any:
        return self

    def send(self, value: Any) -> Step:
        return self._map(self.steps.send(value))

    def throw(self, error: BaseException) -> Step:
        return self._map(self.steps.throw(error))

    def _map(self, step: Step) -> Step:
        if step[0] == "send":
            return ("send", _request(self.client, step[1]), step[2])
        return step


def run_upload(client: Any, steps: Generator[Step, Any, dict[str, Any]]) -> dict[str, Any]:
    done: dict[str, Any] = run(client, _Requests(client, steps))  # type: ignore[arg-type]
    return done


async def arun_upload(client: Any, steps: Generator[Step, Any, dict[str, Any]]) -> dict[str, Any]:
    done: dict[str, Any] = await arun(client, _Requests(client, steps))  # type: ignore[arg-type]
    return done
