"""Worked examples: find request and response blocks and pair them.

A block is a request when its annotation says so or, unannotated (or marked "ignored")
inside the Examples section, when its first line is ``METHOD url``; a response likewise
by annotation or an ``HTTP/1.1 NNN`` first line. A response pairs with the request of the same name, else
with the closest earlier request still waiting for one; a response after a redirect (302)
is what following it gives; a bare JSON body right after a request is its response, with
the status the prose documents. An annotation binds to the next code block, even across a
heading or a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import httptext
from . import lenient_json
from .annotations import Annotation, annotations_in
from ..core.diagnostics import (
    EXAMPLE_NAME_DUPLICATE,
    EXAMPLE_NOT_REPLAYED,
    EXAMPLE_WITHOUT_RESPONSE,
    RESPONSE_WITHOUT_REQUEST,
    Report,
)
from ..core.errors import NotJSON
from ..core.model import Example, HttpMessage
from .naming import unique
from .structure import Block, Section

_NOT_EXAMPLES = frozenset({"example", "samples", "resource", "permissions", "json", "tabs"})


@dataclass
class _Request:
    name: str
    message: HttpMessage
    annotation: Annotation | None
    response: HttpMessage | None = None
    response_annotation: Annotation | None = None
    followup: HttpMessage | None = None
    run: int = 0  # requests with the same run number are not separated by a response
    by_name: bool = False  # the response was paired by its annotation's name


def _redirects(request: _Request) -> bool:
    response = request.response
    return response is not None and 300 <= response.status < 400 and request.followup is None


def _candidate_blocks(sections: list[Section]) -> list[tuple[Block, bool]]:
    """Blocks in page order, each flagged with whether unannotated fences may be examples."""
    result: list[tuple[Block, bool]] = []
    after_examples = False
    for section in sections:
        after_examples = after_examples or section.kind == "examples"
        open_to_shape = section.kind == "examples" or (after_examples and section.kind == "other")
        template_section = section.kind == "http_request"
        for block in section.blocks:
            result.append((block, open_to_shape and not template_section))
    return result


def _bare_body(text: str, line: int) -> HttpMessage | None:
    """A JSON fence right after a request: its response body, status left to the prose (0).

    Older pages (Dynamics 365 Business Central, some Intune ones) show only the body.
    """
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        body, _ = lenient_json.loads(stripped)
    except NotJSON:
        return None
    return HttpMessage(
        status=0, body_kind="json", body=body, content_type="application/json", line=line + 1
    )


def find_examples(sections: list[Section], page_id: str, report: Report) -> list[Example]:
    requests: list[_Request] = []
    names: set[str] = set()
    pending: Annotation | None = None
    run = 0
    for block, open_to_shape in _candidate_blocks(sections):
        if block.kind == "html":
            for found in annotations_in(block.text, block.line, report):
                if found.block_type:
                    pending = found  # page annotations (no blockType) bind to nothing
            continue
        if block.kind != "fence":
            continue
        annotation, pending = pending, None
        kind = annotation.block_type if annotation else ""
        text = block.text
        if kind == "ignored":
            kind = ""  # ignored by Microsoft's checker, yet in the Examples section still an example by shape
        if kind in _NOT_EXAMPLES:
            continue
        if kind != "response" and (
            kind == "request" or (not kind and open_to_shape and httptext.is_request(text))
        ):
            parts = httptext.split_requests(text)
            if httptext.parse_request(parts[0][1], block.line + 1 + parts[0][0], report) is None:
                report(
                    block.line,
                    EXAMPLE_NOT_REPLAYED,
                    "request block has no `METHOD url` line; not replayed",
                )
                continue
            for offset, part in parts:  # a block may show several requests one after another
                message = httptext.parse_request(part, block.line + 1 + offset, lambda *a: None)
                assert message is not None
                base = (
                    annotation.names[0]
                    if annotation and annotation.names
                    else f"{page_id.replace('-', '_')}_{len(requests) + 1}"
                )
                name = unique(base, names)
                if name != base and offset == 0:
                    report(
                        block.line,
                        EXAMPLE_NAME_DUPLICATE,
                        f"example name {base!r} is used twice; this one is {name!r}",
                    )
                names.add(name)
                requests.append(_Request(name, message, annotation, run=run))
            continue
        bare = _bare_body(text, block.line) if not kind and open_to_shape else None
        if bare is not None and requests and requests[-1].response is None:
            requests[-1].response = bare  # a body shown without its status line
            run += 1
            continue
        if kind == "response" or (not kind and open_to_shape and httptext.is_response(text)):
            response = httptext.parse_response(text, block.line + 1, report)
            wanted = set(annotation.names) if annotation else set()
            target = next((r for r in requests if r.response is None and r.name in wanted), None)
            if target is None:
                target = next((r for r in reversed(requests) if r.response is None), None)
            if target is None and requests and _redirects(requests[-1]):
                requests[-1].followup = response  # the download a 302 points to
                continue
            if target is None:
                report(
                    block.line,
                    RESPONSE_WITHOUT_REQUEST,
                    "example response follows no request waiting for one",
                )
                continue
            target.response, target.response_annotation = response, annotation
            for other in requests:  # a response annotation may name several requests
                if other.response is None and other.name in wanted:
                    other.response, other.response_annotation, other.by_name = (
                        response,
                        annotation,
                        True,
                    )
            target.by_name = bool(wanted)
            run += 1
    # Requests shown one after another with one response after them share that response.
    for index in range(len(requests) - 2, -1, -1):
        request, following = requests[index], requests[index + 1]
        if request.response is None and following.response is not None and not following.by_name:
            if following.run == request.run:
                request.response, request.response_annotation = (
                    following.response,
                    following.response_annotation,
                )
    examples: list[Example] = []
    for request in requests:
        if request.response is None:
            report(
                request.message.line,
                EXAMPLE_WITHOUT_RESPONSE,
                f"example request {request.name!r} has no response",
            )
        response_annotation = request.response_annotation
        examples.append(
            Example(
                name=request.name,
                request=request.message,
                response=request.response,
                truncated=bool(response_annotation and response_annotation.truncated),
                response_type=response_annotation.odata_type if response_annotation else "",
                is_collection=bool(response_annotation and response_annotation.is_collection),
                followup=request.followup,
            )
        )
    return examples
