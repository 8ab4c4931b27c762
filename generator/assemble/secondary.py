"""Operations a page documents only through an example: another method on another path.

A few pages describe a second call in prose and show it only as an annotated example
(the upload-session page commits an upload with ``PUT /me/drive/root:/{path}``). When
such an example is written as a template (it has ``{placeholders}``), matches none of
its page's paths, and calls no operation of any other page, it is modelled as an
operation of its own, in the page's group and named after the example, so that the call
exists in the client and the example is replayed. Each one is reported (GD063).
"""

from __future__ import annotations

from ..core.model import Example, Operation, RequestBody, Response
from ..parse.naming import file_name
from ..parse.paths import identifier, parse_template
from ..parse.urls import match_url, on_graph_host, written_path


def secondary_operation(home: Operation, example: Example) -> Operation | None:
    request, response = example.request, example.response
    if response is None or not on_graph_host(request.url) or request.method == home.http_method:
        return None
    path = written_path(request.url)
    if "{" not in path or match_url(home, request.url) is not None:
        return None
    variant = parse_template(path, request.line, lambda *args: None)
    if not variant.params:
        return None
    body = RequestBody()
    if request.body_kind == "json":
        body = RequestBody("json", request.content_type or "application/json")
    return Operation(
        id=file_name(f"{home.id}--{example.name}"),  # (the spec's file name: see naming)
        api_version=home.api_version,
        source=home.source,
        title=f"{home.title}: {example.name}",
        summary=f"The {request.method} call that example {example.name!r} shows on this page.",
        group=home.group,
        name=identifier(example.name),
        http_method=request.method,
        variants=(variant,),
        permissions=home.permissions,
        request_body=body,
        response=Response(
            status=response.status or None,
            status_line=response.line,
            odata_type=example.response_type,
            body_kind=response.body_kind if response.body_kind != "none" else "json",
        ),
        examples=(example,),
        line=request.line,
        shown_by=example.name,
    )
