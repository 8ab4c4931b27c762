"""The parser never raises: mutated pages give diagnostics with lines, and compiling code.

Property-based (hypothesis) mutations of the embedded pages, random bytes through the
file reader, and a bounded, seeded mutation run over real corpus pages.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import specio
from generator.diagnostics import CODES
from generator.parse import parse_file, parse_text
from generator.render import render_group

from .conftest import REPO

PAGES = sorted((REPO / "specs" / "pages" / "api").glob("*.md"))
TEXTS = [page.read_text(encoding="utf-8") for page in PAGES]
FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def mutate(text: str, choice: int, position: float, length: int, insert: str) -> str:
    lines = text.split("\n")
    at = int(position * len(lines))
    end = min(len(lines), at + length)
    match choice:
        case 0:  # drop a run of lines
            del lines[at:end]
        case 1:  # duplicate a run of lines
            lines[at:at] = lines[at:end]
        case 2:  # shuffle the sections
            sections = "\n".join(lines).split("\n## ")
            random.Random(length).shuffle(sections)
            return "\n## ".join(sections)
        case 3:  # break a fence
            fences = [i for i, line in enumerate(lines) if line.startswith("```")]
            if fences:
                del lines[fences[length % len(fences)]]
        case 4:  # break a table row
            rows = [i for i, line in enumerate(lines) if line.startswith("|")]
            if rows:
                lines[rows[length % len(rows)]] = lines[rows[length % len(rows)]].replace(
                    "|", "", 2
                )
        case 5:  # corrupt an annotation
            notes = [i for i, line in enumerate(lines) if "<!--" in line or "blockType" in line]
            if notes:
                lines[notes[length % len(notes)]] = lines[notes[length % len(notes)]].replace(
                    "}", insert[:3]
                )
        case 6:  # insert arbitrary text
            lines.insert(at, insert)
        case _:  # a huge line
            lines.insert(at, (insert or "x") * (20000 // max(1, len(insert or "x"))))
    return "\n".join(lines)


def check(path: str, text: str) -> None:
    result = parse_text(path, text, "v1.0")
    last_line = text.count("\n") + 2
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CODES
        assert 1 <= diagnostic.line <= last_line, diagnostic
    operation = result.operation
    if operation is None:
        assert any(d.severity == "error" for d in result.diagnostics)
        return
    assert specio.load(specio.dump(operation)) == operation
    compile(render_group(operation.group, [operation])[0], "group.py", "exec")


@FUZZ
@given(
    page=st.sampled_from(range(len(TEXTS))),
    mutations=st.lists(
        st.tuples(st.integers(0, 7), st.floats(0, 1), st.integers(0, 12), st.text(max_size=40)),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_pages_never_raise(page, mutations):
    text = TEXTS[page]
    for choice, position, length, insert in mutations:
        text = mutate(text, choice, position, length, insert)
    check(PAGES[page].name, text)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "widget-get.md"
    path.write_bytes(data)
    result = parse_file(str(path), "v1.0")
    assert all(d.line >= 1 and d.code in CODES for d in result.diagnostics)


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "cp1252", "utf-8-sig"])
def test_other_encodings_are_read_or_refused_with_a_diagnostic(tmp_path, encoding):
    path = tmp_path / "message-get.md"
    path.write_bytes((TEXTS[0] + "\ncafé ñandú\n").encode(encoding, errors="replace"))
    result = parse_file(str(path), "v1.0")
    assert result.operation is not None or [d.code for d in result.diagnostics] == ["GD001"]


def test_corpus_mutation_run(corpus_root):
    """Seeded: 300 real pages, each mutated three times, must parse without raising."""
    pages = sorted(corpus_root.glob("graph-docs-*/api-reference/*/api/*.md"))
    assert pages
    rng = random.Random(20261124)
    for page in rng.sample(pages, min(300, len(pages))):
        text = page.read_text(encoding="utf-8")
        for _ in range(3):
            text = mutate(
                text,
                rng.randrange(8),
                rng.random(),
                rng.randrange(12),
                rng.choice(["", "{", "```", "|x|", "\x00"]),
            )
        check(page.name, text)
