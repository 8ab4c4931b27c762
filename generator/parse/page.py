"""One page → one :class:`Operation` (or none), plus the diagnostics that explain it.

Parsing never raises on page content: every defect becomes a diagnostic with a line, and
the page yields as much of the operation as it documents. Only a page without any
``METHOD path`` line yields no operation (GD011).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import httptext
from . import permissions
from .derive import derive_variants, item_path_variants
from ..core.diagnostics import (
    Diagnostic,
    EXAMPLE_METHOD_MISMATCH,
    FILE_TOO_LARGE,
    FRONT_MATTER_INVALID,
    HTTP_REQUEST_MISSING,
    HTTP_REQUEST_UNHEADED,
    METHODS_MIXED,
    PAGE_FAILED,
    PAGE_OUTSIDE_INPUT,
    PAGE_UNREADABLE,
    PATH_LINE_INVALID,
    PERMISSIONS_INCLUDE_MISSING,
    PERMISSIONS_MISSING,
    Reporter,
    STATUS_MISMATCH,
    STATUS_NOT_SUCCESS,
    STATUS_UNDOCUMENTED,
    TITLE_MISSING,
    VARIANT_DUPLICATE,
)
from ..core.errors import FileTooLarge
from .examples import find_examples
from ..core.model import (
    PERMISSION_KINDS,
    Example,
    Header,
    Operation,
    PathVariant,
    Permissions,
    Property,
    QueryOption,
    RequestBody,
    Response,
)
from .naming import names_for, vocabulary
from ..pages.discover import docs_root, inside, read_limited
from .paths import parse_template
from .resources import COLLECTION_WORDS, is_property_table, properties_of, resource_link
from .structure import Block, Page, Section, load_page, loose_front_matter, sections_of

_STATUS_CODE = re.compile(r"`\s*([1-5]\d\d)\s+[A-Za-z][^`]*`")  # `202 Accepted`, never a bare `999`
_STATUS_TEXT = re.compile(r"\b([1-5]\d\d) (?:[A-Z][A-Za-z-]*)(?: [A-Z][A-Za-z-]*)*")
_QUERY_OPTION = re.compile(r"\$[a-z]+", re.I)
_REQUIRED = ("required", "obligatorio", "requis", "erforderlich", "obrigatório", "necesario")
_SKIP_SUMMARY = ("[!", "namespace:", "<!--", "|")


@dataclass(frozen=True)
class PageResult:
    """What one page gave: an operation or not, and why."""

    path: str
    operation: Operation | None
    diagnostics: tuple[Diagnostic, ...]


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(text.replace("**", "").split())


def _title_and_summary(page: Page, preamble: Section) -> tuple[str, str, int]:
    title, line, summary = "", 1, ""
    for block in preamble.blocks:
        if block.kind == "heading" and block.level == 1 and not title:
            title, line = _plain(block.text), block.line
        elif block.kind == "paragraph" and title and not summary and block.depth == 0:
            if not block.text.lower().startswith(_SKIP_SUMMARY):
                summary = _plain(block.text)
    if not title:
        raw = page.front_matter.get("title")
        title = str(raw).strip() if raw else ""
    if not summary:
        raw = page.front_matter.get("description")
        summary = str(raw).strip() if raw else ""
    return title, summary, line


def _variants(sections: list[Section], report: Reporter) -> tuple[str, list[PathVariant]]:
    method = ""
    variants: list[PathVariant] = []
    seen: set[str] = set()
    for section in sections:
        if section.kind != "http_request":
            continue
        for block in section.blocks:
            if block.kind != "fence":
                continue
            complained = False
            for offset, raw in enumerate(block.text.split("\n")):
                line = block.line + 1 + offset
                match = httptext.REQUEST_LINE.match(raw)
                if not match:
                    if raw.strip() and not complained:
                        report(
                            line,
                            PATH_LINE_INVALID,
                            f"not a `METHOD path` line: {raw.strip()[:80]!r}",
                        )
                        complained = True
                    continue
                verb, template = match.group(1), match.group(2)
                if not method:
                    method = verb
                elif verb != method:
                    report(
                        line,
                        METHODS_MIXED,
                        f"{verb} {template} uses another method than {method}; skipped",
                    )
                    continue
                variant = parse_template(template, line, report)
                key = variant.path + "?" + variant.query
                if key in seen:
                    report(
                        line, VARIANT_DUPLICATE, f"path variant {template!r} repeats an earlier one"
                    )
                    continue
                seen.add(key)
                variants.append(variant)
    return method, variants


def _is_template_fence(block: Block) -> bool:
    """A fence of ``METHOD /path`` lines only: the shape of the HTTP request block (an
    example request names a host or has headers and a body)."""
    lines = [raw for raw in block.text.split("\n") if raw.strip()]
    if block.kind != "fence" or not lines:
        return False
    for raw in lines:
        match = httptext.REQUEST_LINE.match(raw)
        if match is None or not match.group(2).startswith(("/", "{")):
            return False
    return True


def _unheaded_requests(sections: list[Section], report: Reporter) -> list[Section]:
    """The HTTP request blocks of a page that gives them no heading of their own: under the
    permissions, or under headings that each say which form they show (``site-get``)."""
    fences = [
        block
        for section in sections
        if section.kind not in ("examples", "response", "body", "headers")
        for block in section.blocks
        if _is_template_fence(block)
    ]
    if fences:
        report(
            fences[0].line,
            HTTP_REQUEST_UNHEADED,
            "the `METHOD path` block stands under no HTTP request heading; read by its shape",
        )
    return [Section("http_request", None, fences)]


def _permissions(
    page: Page, sections: list[Section], report: Reporter, title_line: int, root: str
) -> Permissions | None:
    found = [
        (table, section.heading.text if section.heading and section.heading.level > 2 else heading)
        for section in sections
        if section.kind == "permissions"
        for table, heading in permissions.tables(section.blocks, report)
    ]
    # rows naming a permission outside any permissions table: counted as lost, never hidden
    stray = tuple(
        row
        for section in sections
        if section.kind == "permissions"
        for row in permissions.stray_rows(section.blocks)
    )
    if found:
        several = len(found) > 1
        parts = [permissions.from_table(t, report, _plain(h) if several else "") for t, h in found]
        rows = tuple(row for part in parts for row in part.rows)
        rows = tuple(sorted(rows, key=lambda r: PERMISSION_KINDS.index(r.kind)))
        lost = tuple(sorted({item for part in parts for item in part.lost} | set(stray)))
        return Permissions(rows, parts[0].order, "", parts[0].line, lost=lost)
    for section in sections:
        if section.kind != "permissions":
            continue
        include = permissions.include_target(section.blocks)
        if include is None:
            continue
        target, line = include
        file = Path(page.path).parent / target
        real = inside(root, str(file))  # outside the docs tree reads as "not found" too
        try:
            if real is None:
                raise FileNotFoundError(target)
            text = read_limited(real).decode("utf-8")
        except FileTooLarge as error:
            report(line, FILE_TOO_LARGE, f"permissions include {target} is {error}")
            return Permissions(source=target, line=line, missing_include=True)
        except (OSError, UnicodeDecodeError) as error:
            reason = "not found" if isinstance(error, FileNotFoundError) else str(error)
            report(line, PERMISSIONS_INCLUDE_MISSING, f"permissions include {target} {reason}")
            return Permissions(source=target, line=line, missing_include=True)
        include_page, _, _ = load_page(str(file), text)
        include_reporter = Reporter(str(file))
        table = next(
            (t for t, _ in permissions.tables(include_page.blocks, include_reporter)), None
        )
        if table is None:
            report(
                line,
                PERMISSIONS_MISSING,
                f"permissions include {target} holds no permissions table",
            )
            return None
        found_rows = permissions.from_table(table, include_reporter)
        for item in include_reporter.items:
            report(line, item.code, f"{target}:{item.line}: {item.message}")
        return Permissions(found_rows.rows, found_rows.order, target, line, lost=found_rows.lost)
    located = [section.line for section in sections if section.kind == "permissions"]
    where = located[0] if located else title_line
    if stray:
        message = (
            f"no permissions table or include; {len(stray)} rows of another table name permissions"
        )
        report(where, PERMISSIONS_MISSING, message)
        return Permissions(lost=stray)
    report(where, PERMISSIONS_MISSING, "no permissions table or include")
    return None


def _table_rows(section: Section) -> list[tuple[int, tuple[str, ...]]]:
    rows: list[tuple[int, tuple[str, ...]]] = []
    for block in section.blocks:
        if block.kind == "table":
            rows.extend((block.line + 2 + i, row) for i, row in enumerate(block.rows[1:]))
    return rows


def _headers(sections: list[Section]) -> tuple[Header, ...]:
    headers: list[Header] = []
    for section in sections:
        if section.kind == "headers":
            for _, row in _table_rows(section):
                name = _plain(row[0]).strip("` ") if row else ""
                if not name or " " in name:
                    continue
                description = _plain(row[-1]) if len(row) > 1 else ""
                required = any(word in description.lower() for word in _REQUIRED)
                headers.append(Header(name, description, required))
    return tuple(headers)


def _query_options(sections: list[Section]) -> tuple[QueryOption, ...]:
    options: dict[str, QueryOption] = {}
    for section in sections:
        if section.kind != "query":
            continue
        rows = _table_rows(section)
        for _, row in rows:
            name = _plain(row[0]).strip("` ") if row else ""
            if name and " " not in name:
                options.setdefault(name, QueryOption(name, _plain(row[-1]) if len(row) > 1 else ""))
        if not rows:
            for block in section.blocks:
                if block.kind == "paragraph":
                    for name in _QUERY_OPTION.findall(block.text):
                        options.setdefault(name, QueryOption(name))
    return tuple(options.values())


def _documented_status(sections: list[Section], report: Reporter) -> tuple[int | None, int]:
    """The success status the Response prose names: its first 2xx. Prose also names the
    failures ("a `507 Insufficient Storage` response will be returned"); when one comes
    first it is reported, never taken for the success status. A redirect (``302 Found`` to
    a download URL) is what a page documents when it names no 2xx: the client follows it."""
    first = True
    redirect: tuple[int, int] | None = None
    for section in sections:
        if section.kind != "response":
            continue
        for block in section.blocks:
            if block.kind != "paragraph":
                continue
            matches = list(_STATUS_CODE.finditer(block.text)) or list(
                _STATUS_TEXT.finditer(block.text)
            )
            for match in matches:
                status = int(match.group(1))
                line = block.line + block.text.count("\n", 0, match.start())
                if 200 <= status < 300:
                    return status, line
                if 300 <= status < 400:
                    redirect = redirect or (status, line)
                elif first:
                    report(
                        line,
                        STATUS_NOT_SUCCESS,
                        f"the Response prose names {status} before any 2xx status;"
                        " it is not the success status",
                    )
                first = False
    return redirect or (None, 0)


def page_id(path: str, page: Page, title: str) -> str:
    """The page stem, or for a page not named ``resource-action`` (the seed), its H1 anchor or title."""
    stem = Path(path).name.split(".")[0]
    if "-" in stem:
        return stem
    anchor = next((b.anchor for b in page.blocks if b.kind == "heading" and b.level == 1), "")
    slug = re.sub(r"[^0-9a-z]+", "-", (anchor or title).lower()).strip("-")
    return slug if "-" in slug else stem


def _body_properties(sections: list[Section], report: Reporter) -> tuple[Property, ...]:
    """The rows of the request body's property tables (name | type | description)."""
    found: list[Property] = []
    for section in sections:
        if section.kind == "body":
            for block in section.blocks:
                if is_property_table(block):
                    found.extend(properties_of(block, report))
    return tuple(found)


def _request_body(
    http_method: str, examples: list[Example], sections: list[Section], report: Reporter
) -> RequestBody:
    properties = _body_properties(sections, report)
    page = _body_type_page(sections)
    for example in examples:
        request = example.request
        if request.body_kind == "json":
            content_type = request.content_type or "application/json"
            return RequestBody("json", content_type, properties, page)
        if request.body_kind == "text":
            if "json" in request.content_type.lower():
                return RequestBody("json", request.content_type, properties, page)
            return RequestBody("binary", request.content_type or "application/octet-stream")
    documented = any(
        block.kind in ("table", "fence")
        for section in sections
        if section.kind == "body"
        for block in section.blocks
    )
    kind = "json" if documented and http_method in ("POST", "PATCH", "PUT") else "none"
    if kind == "none":
        return RequestBody()
    return RequestBody("json", "", properties, page)


def _body_type_page(sections: list[Section]) -> str:
    """The resource page the Request body prose links to first, outside notes and lists:
    the type of the body, on the pages that name one (the render stage checks it against
    the examples before it trusts it)."""
    for section in sections:
        if section.kind != "body":
            continue
        for block in section.blocks:
            if block.kind == "paragraph" and block.depth == 0:
                found = resource_link(block.text)
                if found is not None:
                    return found[0]
    return ""


def _prose_type(sections: list[Section]) -> tuple[str, bool]:
    """The resource page the Response prose links to, and whether the sentence that links
    it speaks of a collection (a word of :data:`COLLECTION_WORDS`)."""
    for section in sections:
        if section.kind != "response":
            continue
        for block in section.blocks:
            if block.kind != "paragraph":
                continue
            found = resource_link(block.text)
            if found is not None:
                page, sentence = found
                lowered = sentence.lower()
                return page, any(word in lowered for word in COLLECTION_WORDS)
    return "", False


def _response(
    status: int | None, status_line: int, examples: list[Example], sections: list[Section]
) -> Response:
    first = next((e for e in examples if e.response is not None), None)
    body_kind = "json"
    if first is not None and first.response is not None:
        kind = first.response.body_kind
        content_type = first.response.content_type.lower()
        if kind == "none":
            body_kind = "none"
        elif kind == "text" and "json" not in content_type:
            body_kind = "binary"
    type_page, prose_collection = _prose_type(sections)
    return Response(
        status=status,
        status_line=status_line,
        odata_type=first.response_type if first else "",
        is_collection=bool(first and first.is_collection),
        body_kind=body_kind,  # type: ignore[arg-type]
        type_page=type_page,
        prose_collection=prose_collection,
    )


def parse_text(
    path: str, text: str, api_version: str, source: str | None = None, root: str = ""
) -> PageResult:
    """Parse a page's text; ``path`` locates it (diagnostics, includes), ``source`` names it in
    output, ``root`` is the docs tree its includes must lie in (see :func:`.pages.docs_root`)."""
    report = Reporter(path)
    page, raw_front, front_line = load_page(path, text)
    if raw_front is not None and not page.front_matter:
        front = loose_front_matter(raw_front)
        if front:
            report(
                front_line,
                FRONT_MATTER_INVALID,
                "front matter is not valid YAML; read as key: value lines",
            )
        page = Page(page.path, page.text, front, page.blocks)
    sections = sections_of(page)
    title, summary, title_line = _title_and_summary(page, sections[0])
    if not title:
        report(1, TITLE_MISSING, "page has no H1 title")
    method, variants = _variants(sections, report)
    if not variants and not any(section.kind == "http_request" for section in sections):
        method, variants = _variants(_unheaded_requests(sections, report), report)
    if not variants:
        report(
            title_line,
            HTTP_REQUEST_MISSING,
            "no HTTP request section with a `METHOD path` line; no operation",
        )
        return PageResult(path, None, tuple(report.items))
    stem = page_id(path, page, title)
    found_permissions = _permissions(page, sections, report, title_line, docs_root(path, root))
    examples = find_examples(sections, stem, report)
    status, status_line = _documented_status(sections, report)
    if status is None:
        report(title_line, STATUS_UNDOCUMENTED, "the Response section states no status code")
    for example in examples:
        if example.request.method != method:
            report(
                example.request.line,
                EXAMPLE_METHOD_MISMATCH,
                f"example uses {example.request.method}, the page documents {method}",
            )
        response = example.response
        if (
            status is not None
            and response is not None
            and response.status
            and response.status != status
        ):
            report(
                response.line,
                STATUS_MISMATCH,
                f"example response status {response.status} differs from the documented {status}",
            )
    request_body = _request_body(method, examples, sections, report)
    documented = _response(status, status_line, examples, sections)
    known = vocabulary(
        [title, documented.odata_type, request_body.type_page]
        + [text for variant in variants for text in (variant.template, variant.path)]
        + [example.request.url for example in examples]
    )
    group, name = names_for(stem, title_line, report, known)
    operation = Operation(
        id=stem,
        api_version=api_version,
        source=source or path,
        title=title,
        summary=summary,
        group=group,
        name=name,
        http_method=method,
        variants=tuple(variants),
        permissions=found_permissions or Permissions(),
        query_options=_query_options(sections),
        headers=_headers(sections),
        request_body=request_body,
        response=documented,
        examples=tuple(examples),
        line=title_line,
    )
    operation = item_path_variants(derive_variants(operation, report))
    return PageResult(path, operation, tuple(report.items))


def page_failed(path: str, error: BaseException) -> PageResult:
    """What a page that broke the parser yields: no operation, one error naming the page.

    Parsing never raises on purpose; an exception is a bug that a page found, and it costs
    that page only, never the build.
    """
    where = _failure_line(error)
    message = f"reading this page failed ({type(error).__name__}: {str(error)[:200]}); page skipped"
    return PageResult(path, None, (Diagnostic(path, where, PAGE_FAILED, message),))


def _failure_line(error: BaseException) -> int:
    """The page line being read when ``error`` was raised, if a frame knows one (a ``line``
    local of an int, as the parsing functions keep), else 1."""
    trace = error.__traceback__
    found = 1
    while trace is not None:
        line = trace.tb_frame.f_locals.get("line")
        if isinstance(line, int) and line >= 1:
            found = line
        trace = trace.tb_next
    return found


def parse_file(
    path: str, api_version: str, source: str | None = None, root: str = ""
) -> PageResult:
    """Parse a page file; ``root`` given, the page itself must lie inside it (a link out of
    the docs tree is refused, GD004)."""
    report = Reporter(path)
    try:
        if not os.path.lexists(path):
            raise FileNotFoundError(f"no such file (or its name is not UTF-8): {path}")
        if root and inside(root, path) is None:
            report(
                1,
                PAGE_OUTSIDE_INPUT,
                "page is a link out of the input folder, or not a regular file; not read",
            )
            return PageResult(path, None, tuple(report.items))
        data = read_limited(path)
        text = data.decode("utf-8-sig")
    except FileTooLarge as error:
        report(1, FILE_TOO_LARGE, f"page is {error}")
        return PageResult(path, None, tuple(report.items))
    except (OSError, UnicodeDecodeError) as error:
        report(1, PAGE_UNREADABLE, f"cannot read page: {error}")
        return PageResult(path, None, tuple(report.items))
    if "\x00" in text:
        report(1, PAGE_UNREADABLE, "cannot read page: binary content (NUL bytes)")
        return PageResult(path, None, tuple(report.items))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_text(path, text, api_version, source, root)
