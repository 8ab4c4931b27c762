"""What the generator and the runtime agree on: the one place each shared fact is stated.

The generator writes group modules and plans replay tests with these names; the runtime
reads the same modules and sends the calls. Both import this module (the generator as
``generator.runtime._contract``, a generated package as ``._contract``), so a change
here changes both sides at once and never one without the other.
"""

from __future__ import annotations

from typing import NamedTuple

# OData query options every method accepts as keyword arguments, in the order they are sent.
QUERY_OPTIONS = ("select", "expand", "filter", "orderby", "search", "top", "skip", "count")
# Query options that also take a list of names, joined with commas.
LIST_OPTIONS = frozenset({"select", "expand", "orderby"})
# Other keyword options of every method.
CALL_OPTIONS = (
    "headers",
    "params",
    "raw_body",
    "timeout",
    "variant",
    "max_response_size",
    "deadline",
    "depends_on",
)
# Every keyword option, as ``RequestOptions`` (the runtime) lists them.
OPTIONS = frozenset(
    {
        "select",
        "expand",
        "filter",
        "orderby",
        "search",
        "top",
        "skip",
        "count",
        "headers",
        "params",
        "raw_body",
        "timeout",
        "variant",
        "max_response_size",
        "deadline",
        "depends_on",
    }
)
# Arguments that carry the request's payload.
PAYLOAD = ("body", "content", "content_type")
# What a call's arguments hold besides its path parameters: ``self``, ``options`` and the
# payload. (Spelled out: a package runs no code but literals when imported.)
NOT_PATH = frozenset({"self", "options", "body", "content", "content_type"})
# Names a path parameter may not take: those above, the query and the call options.
RESERVED_PARAMETERS = frozenset(
    {
        "self",
        "options",
        "body",
        "content",
        "content_type",
        "select",
        "expand",
        "filter",
        "orderby",
        "search",
        "top",
        "skip",
        "count",
        "headers",
        "params",
        "raw_body",
        "timeout",
        "variant",
        "max_response_size",
        "deadline",
        "depends_on",
    }
)

# The endpoint table of a group module: per operation, a line
# ``name METHOD [paged] [bytes] [parameter=style …]``, then its variants, each on a line of its own
# after ``TABLE_INDENT``. A variant is a path with an optional fixed query (``path?query``).
TABLE_INDENT = "    "
PAGED_FLAG = "paged"
BYTES_FLAG = "bytes"  # a download: the answer's body as bytes, whatever its content type
# How a parameter that is not a plain path segment is encoded.
STYLES = frozenset({"segment", "path", "function", "query"})


class TableRow(NamedTuple):
    """One operation of an endpoint table."""

    name: str
    method: str
    variants: tuple[str, ...]
    styles: dict[str, str]
    paged: bool
    binary: bool = False


def table_entry(row: TableRow) -> str:
    """``row`` as the lines of an endpoint table (styles in name order)."""
    head = [row.name, row.method]
    if row.paged:
        head.append(PAGED_FLAG)
    if row.binary:
        head.append(BYTES_FLAG)
    head += [f"{name}={style}" for name, style in sorted(row.styles.items())]
    return "\n".join([" ".join(head), *(TABLE_INDENT + variant for variant in row.variants)])


def read_table(table: str) -> list[TableRow]:
    """The rows of an endpoint table, in order: the inverse of :func:`table_entry`."""
    rows: list[tuple[str, str, list[str], list[str]]] = []
    for line in table.split("\n"):
        if line.startswith(TABLE_INDENT):
            rows[-1][2].append(line[len(TABLE_INDENT) :])
        elif line:
            name, method, *flags = line.split(" ")
            rows.append((name, method, [], flags))
    return [
        TableRow(
            name,
            method,
            tuple(variants),
            dict(flag.split("=", 1) for flag in flags if "=" in flag),
            PAGED_FLAG in flags,
            BYTES_FLAG in flags,
        )
        for name, method, variants, flags in rows
    ]
