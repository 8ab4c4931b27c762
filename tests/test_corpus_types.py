"""The types of the English 2021 v1.0 corpus: resource pages that became a type, property
types resolved or reported, and the example responses that disagree with their types,
all counted in the report (the figures are printed)."""

from __future__ import annotations

import json

from generator.pipeline import Settings, analyse


def test_corpus_resource_pages_become_types(corpus_root):
    folder = corpus_root / "graph-docs-en-2021" / "api-reference" / "v1.0"
    result = analyse([str(folder)], Settings(api_version="v1.0", jobs=2))
    types = result.report["types"]
    print(json.dumps(types, indent=1))
    assert types["rates_percent"]["resource_pages_to_type"] >= 98.0
    unresolved = types["properties"] - types["properties_resolved"]
    by_code = result.report["diagnostics_by_code"]
    # every property type is resolved, or reported (GD071), or its cell was (GD073)
    assert unresolved <= by_code.get("GD071", 0) + by_code.get("GD073", 0)
    mismatches = types["example_mismatches"]
    assert sum(mismatches.values()) == sum(by_code.get(c, 0) for c in ("GD075", "GD076", "GD077"))
    assert result.report["rates_percent"]["api_pages_to_operation"] >= 99.5
    assert result.report["rates_percent"]["graph_examples_replayed"] >= 97.0
