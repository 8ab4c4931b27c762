"""The types each shared edition (v1.0) gives, against Microsoft's v1.0 CSDL.

Prints, per edition: the CSDL properties the package has, the shared properties whose
Python types agree, the shared enums with no member the CSDL lacks, and the property rows
of the pages lost without a diagnostic. Run from the repo root:
``python benchmarks/csdl_agreement.py [--editions en-2021,es-2019,pt-2023]``.

A *property row* (for the lost-rows figure) is found independently of the parser: a row of
a table in which at least half the rows name a key of the page's JSON representation
(every row of such a table counts, translated names included). It is lost when no field
of the page's types comes from its line and no diagnostic names its line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.parse import lenient_json  # noqa: E402
from generator.parse.csdl import read_csdl  # noqa: E402
from generator.report.drift import compare_types  # noqa: E402
from generator.core.errors import NotJSON  # noqa: E402
from generator.core.model import Resource  # noqa: E402
from generator.pages.discover import discover  # noqa: E402
from generator.pipeline import parse_resources, pool, types_of  # noqa: E402
from generator.parse.resources import ResourceResult, plain  # noqa: E402
from generator.parse.structure import load_page  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CSDL = SHARED / "reference" / "metadata" / "graph-v1.0-csdl-2026.xml.xz"
EDITIONS = ("en-2021", "es-2019", "pt-2023")


def corpus_root() -> Path:
    run = subprocess.run(
        [str(SHARED / "corpus" / "unpack")], capture_output=True, text=True, check=True
    )
    return Path(run.stdout.strip())


def _json_keys(text: str) -> set[str]:
    page, _, _ = load_page("x.md", text)
    keys: set[str] = set()
    for block in page.blocks:
        if block.kind == "fence" and block.info.lower().startswith("json"):
            try:
                data, _ = lenient_json.loads(block.text)
            except NotJSON:
                continue
            if isinstance(data, dict):
                keys.update(key for key in data if isinstance(key, str))
    return keys


def rows_lost(result: ResourceResult, text: str) -> tuple[int, int]:
    """(property rows on the page, rows lost without a diagnostic)."""
    keys = _json_keys(text)
    if not keys:
        return 0, 0
    page, _, _ = load_page(result.path, text)
    lines_with_fields = {
        prop.line
        for item in result.types
        if isinstance(item, Resource)
        for prop in item.properties + item.relationships
    }
    diagnosed = {d.line for d in result.diagnostics}
    rows = lost = 0
    for block in page.blocks:
        if block.kind != "table" or len(block.rows) < 2 or len(block.rows[0]) < 2:
            continue
        body = [
            (block.line + 2 + offset, row)
            for offset, row in enumerate(block.rows[1:])
            if row and row[0].strip() and any(cell.strip() for cell in row[1:])
        ]
        named = [line for line, row in body if plain(row[0]).strip("* ") in keys]
        if not body or len(named) * 2 < len(body):
            continue
        for line, _ in body:
            rows += 1
            if line not in lines_with_fields and line not in diagnosed:
                lost += 1
    return rows, lost


def measure(folder: Path, jobs: int = 1) -> dict[str, Any]:
    metadata = read_csdl(str(CSDL))
    pages = [page for page in discover([str(folder)]) if page.kind == "resource"]
    with pool(jobs) as workers:
        workers.start()
        results = parse_resources(pages, workers)
    types = types_of(results)
    found: list[Any] = []
    figures = compare_types(types.index, metadata, lambda *args: found.append(args)).as_dict()
    rows = lost = 0
    for result in results:
        text = Path(result.path).read_text(encoding="utf-8-sig", errors="replace")
        counted, missing = rows_lost(result, text)
        rows, lost = rows + counted, lost + missing
    figures["property_rows"] = rows
    figures["property_rows_lost_silently"] = lost
    figures["rates_percent"]["property_rows_lost_silently"] = (
        round(100.0 * lost / rows, 2) if rows else 0.0
    )
    figures.pop("unknown_permission_names")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--editions", default=",".join(EDITIONS))
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    root = corpus_root()
    print(
        "| edition | CSDL properties present (of the types documented) | types agree | types agree or str for enum "
        "| enums clean | rows lost silently |"
    )
    print("|---|---|---|---|---|---|")
    for edition in args.editions.split(","):
        folder = root / f"graph-docs-{edition}" / "api-reference" / "v1.0"
        figures = measure(folder, args.jobs)
        rates = figures["rates_percent"]
        print(
            f"| {edition} | {rates['csdl_properties_present_of_documented_types']}% "
            f"({figures['properties_present']}/{figures['csdl_properties_of_documented_types']}; "
            f"{rates['csdl_properties_present']}% of all {figures['csdl_properties']}) "
            f"| {rates['property_types_agree']}% | {rates['property_types_agree_or_str_for_enum']}% "
            f"| {rates['enums_clean']}% ({figures['enums_clean']}/{figures['enums_shared']}, "
            f"{figures['enums_typed_str']} typed str) "
            f"| {rates['property_rows_lost_silently']}% "
            f"({figures['property_rows_lost_silently']}/{figures['property_rows']}) |",
            flush=True,
        )
        if args.json:
            print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
