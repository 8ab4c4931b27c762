"""The HTTP text of example blocks: request line or status line, headers, body.

Real examples bend the format: a blank line between the request line and the headers
(Intune pages), a body with no blank line before it, ``HTTP 201 Created`` without a
version, header names in any case. The body is decoded as JSON when it says or looks
like JSON; anything else is kept as text with its content type.
"""

from __future__ import annotations

import re

from . import lenient_json
from ..core.diagnostics import EXAMPLE_BODY_NOT_JSON, EXAMPLE_BODY_REPAIRED, Report
from ..core.errors import NotJSON
from ..core.model import HttpMessage

METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS")
REQUEST_LINE = re.compile(r"^\s*(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS)\s+(\S.*?)\s*$")
STATUS_LINE = re.compile(r"^\s*HTTP(?:/\d(?:\.\d)?)?\s+(\d{3})\b", re.I)
_HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*?)\s*$")
_HTTP_VERSION_SUFFIX = re.compile(r"\s+HTTP/\d(?:\.\d)?$", re.I)


def first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line
    return ""


def is_request(text: str) -> bool:
    return REQUEST_LINE.match(first_line(text)) is not None


def is_response(text: str) -> bool:
    return STATUS_LINE.match(first_line(text)) is not None


def split_requests(text: str) -> list[tuple[int, str]]:
    """A block's requests, each with its line offset: a ``METHOD url`` line after a blank
    line starts another request (pages sometimes show two in one block)."""
    lines = text.split("\n")
    starts = [0]
    for index in range(1, len(lines)):
        if (
            REQUEST_LINE.match(lines[index])
            and not lines[index - 1].strip()
            and not lines[index].startswith(" ")
        ):
            starts.append(index)
    if len(starts) == 1:
        return [(0, text)]
    bounds = starts + [len(lines)]
    return [(bounds[i], "\n".join(lines[bounds[i] : bounds[i + 1]])) for i in range(len(starts))]


def _split(lines: list[str]) -> tuple[list[tuple[str, str]], list[str], int]:
    """Split the lines after the start line into headers and body; return the body's offset."""
    headers: list[tuple[str, str]] = []
    index = 0
    # A blank line right after the start line, followed by headers, is tolerated.
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index and (index >= len(lines) or not _HEADER.match(lines[index])):
        return headers, lines[index:], index
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        match = _HEADER.match(line)
        if not match or line.lstrip().startswith(("{", "[")):
            break  # a body with no blank line before it
        headers.append((match.group(1), match.group(2)))
        index += 1
    return headers, lines[index:], index


def _body(
    lines: list[str], headers: list[tuple[str, str]], line: int, report: Report
) -> tuple[str, object, str]:
    text = "\n".join(lines).strip()
    content_type = next((value for key, value in headers if key.lower() == "content-type"), "")
    if not text:
        return "none", None, content_type
    looks_json = text[0] in "{[" or "json" in content_type.lower()
    if looks_json:
        try:
            value, repaired = lenient_json.loads(text)
            if repaired:
                report(
                    line,
                    EXAMPLE_BODY_REPAIRED,
                    "example body is not strict JSON; read it after repairs",
                )
            return "json", value, content_type
        except NotJSON as error:
            report(line, EXAMPLE_BODY_NOT_JSON, f"example body is not JSON ({error}); kept as text")
    return "text", text, content_type


def parse_request(text: str, line: int, report: Report) -> HttpMessage | None:
    """Parse a request block whose content starts at ``line``; ``None`` without a request line."""
    lines = text.split("\n")
    start = next((i for i, value in enumerate(lines) if value.strip()), None)
    if start is None:
        return None
    match = REQUEST_LINE.match(lines[start])
    if not match:
        return None
    url = _HTTP_VERSION_SUFFIX.sub("", match.group(2)).strip()
    headers, body_lines, offset = _split(lines[start + 1 :])
    body_line = line + start + 1 + offset
    kind, body, content_type = _body(body_lines, headers, body_line, report)
    return HttpMessage(
        method=match.group(1),
        url=url,
        headers=tuple(headers),
        body_kind=kind,  # type: ignore[arg-type]
        body=body,
        content_type=content_type,
        line=line + start,
    )


def parse_response(text: str, line: int, report: Report) -> HttpMessage:
    lines = text.split("\n")
    start = next((i for i, value in enumerate(lines) if value.strip()), 0)
    match = STATUS_LINE.match(lines[start]) if lines else None
    status = int(match.group(1)) if match else 0
    rest = lines[start + 1 :] if match else lines[start:]
    headers, body_lines, offset = _split(rest)
    if not match:
        headers, body_lines, offset = [], rest, 0
    body_line = line + start + (1 if match else 0) + offset
    kind, body, content_type = _body(body_lines, headers, body_line, report)
    return HttpMessage(
        status=status,
        headers=tuple(headers),
        body_kind=kind,  # type: ignore[arg-type]
        body=body,
        content_type=content_type,
        line=line + start,
    )
