"""Every edition parses the same: the shared corpora's permission tables, edition by edition.

Two editions of a page that name the same permissions in the same order, row by row,
document the same permissions, whatever language their labels and headers are in. So
their models must agree, kind by kind. The pages are parsed once per session (parse
only, no build), in worker processes; each worker hands back only what is compared.
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from generator.parse import permissions
from generator.core.model import PERMISSION_KINDS
from generator.parse.page import parse_file
from generator.report.figures import facts
from generator.parse.structure import load_page, sections_of

EDITIONS = ("graph-docs-en-2021", "graph-docs-es-2019", "graph-docs-pt-2023")
MIN_AGREEMENT = 99.0
MIN_ROWS_UNDERSTOOD = 99.5

Summary = tuple[
    str,  # page file name
    tuple[tuple[str, ...], ...],  # names of each permission-table row, in page order
    tuple[tuple[object, ...], ...],  # the model: per kind, its rows' (supported, least, higher)
    tuple[int, ...],  # rows understood, per kind
    tuple[int, ...],  # rows lost, per kind, kind unknown, tables without types
]


def _summary(path: str) -> Summary:
    result = parse_file(path, "v1.0")
    name = Path(path).name
    if result.operation is None:
        return name, (), (), (0, 0, 0), (0, 0, 0, 0, 0)
    page, _, _ = load_page(path, Path(path).read_text(encoding="utf-8-sig"))
    named = tuple(
        tuple(name for cell in row[1:] for name in permissions.names_in(cell))
        for section in sections_of(page)
        if section.kind == "permissions"
        for table, _ in permissions.tables(section.blocks)
        for row in table.rows[1:]
    )
    rows = result.operation.permissions.rows
    model = tuple(
        tuple((row.supported, row.least, row.higher) for row in rows if row.kind == kind)
        for kind in PERMISSION_KINDS
    )
    counted = facts(result.operation, 0)
    return (
        name,
        tuple(row for row in named if row),
        model,
        counted.rows_understood,
        counted.rows_lost,
    )


@pytest.fixture(scope="session")
def editions(corpus_root: Path) -> dict[str, dict[str, Summary]]:
    paths = {
        edition: sorted(
            str(p) for p in (corpus_root / edition / "api-reference/v1.0/api").glob("*.md")
        )
        for edition in EDITIONS
    }
    every = [path for edition in EDITIONS for path in paths[edition]]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        summaries = dict(zip(every, pool.map(_summary, every, chunksize=64)))
    return {
        edition: {Path(path).name: summaries[path] for path in paths[edition]}
        for edition in EDITIONS
    }


@pytest.mark.parametrize("pair", list(itertools.combinations(EDITIONS, 2)), ids="-".join)
def test_editions_agree_on_permissions(pair, editions, capsys):
    first, second = (editions[edition] for edition in pair)
    compared = agreeing = 0
    disagreeing: list[str] = []
    for name in sorted(first.keys() & second.keys()):
        one, other = first[name], second[name]
        if not one[1] or one[1] != other[1]:
            continue  # not the same permissions in the same order: nothing to compare
        compared += 1
        if one[2] == other[2]:
            agreeing += 1
        else:
            disagreeing.append(name)
    rate = 100.0 * agreeing / compared if compared else 0.0
    with capsys.disabled():
        print(
            f"\n{pair[0]} / {pair[1]}: {agreeing} of {compared} pages with the same permission"
            f" names agree ({rate:.2f}%); first disagreeing: {disagreeing[:5]}"
        )
    assert compared >= 400
    assert rate >= MIN_AGREEMENT, disagreeing[:20]


@pytest.mark.parametrize("edition", EDITIONS)
def test_permission_rows_understood(edition, editions, capsys):
    understood = sum(sum(summary[3]) for summary in editions[edition].values())
    lost = sum(sum(summary[4][:-1]) for summary in editions[edition].values())
    untyped = sum(summary[4][-1] for summary in editions[edition].values())
    rate = 100.0 * understood / (understood + lost)
    with capsys.disabled():
        print(
            f"\n{edition}: {understood} of {understood + lost} permission rows understood"
            f" ({rate:.2f}%); {untyped} rows in tables without permission types"
        )
    assert rate >= MIN_ROWS_UNDERSTOOD
