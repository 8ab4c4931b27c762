"""The parser never raises: mutated pages give diagnostics with lines, and compiling code.

Property-based (hypothesis) mutations of the embedded pages, random bytes through the
file reader, and a bounded, seeded mutation run over real corpus pages.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.parse import specio
from generator.cli import main
from generator.core.diagnostics import CODES
from generator.parse.page import parse_file, parse_text
from generator.render.package import render_group

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
    for name, (text, _) in render_group(operation.group, [operation]).items():
        compile(text, name, "exec")


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


# --- whole builds of JSON-aware mutations (issue 19) ---------------------------------------

HOSTILE_STRINGS = (
    "../../../../fuzz-escape",
    "/tmp/fuzz-escape",
    "..",
    "\ud800",
    "x\udfffy",
    "\x00",
    "C:\\fuzz-escape",
    "{{ 7*7 }}",
    "a" * 3000,
    "https://gra[ph.microsoft.com/v1.0/me",
    "\u2028\u2029",
)
_JSON_START = re.compile(r"(?:<!--\s*|^)(?=[{\[])", re.M)


def _leaves(value, path=()):
    """Every position in a JSON value: (path of keys/indexes, value)."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))


def _replace(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    return [*value[:head], _replace(value[head], rest, new), *value[head + 1 :]]


def mutate_json(value, rng: random.Random):
    """One structural mutation of a parsed JSON value: hostile strings where strings or
    names go, nesting past any recursion limit, a type swapped, a huge number."""
    positions = list(_leaves(value))
    path, old = rng.choice(positions)
    choice = rng.randrange(6)
    if choice == 0:
        new = rng.choice(HOSTILE_STRINGS)
    elif choice == 1:  # written out by mutate_page: too deep for json.dumps
        new = f"\x01deep{rng.choice((40, 70, 300, 1200))}\x01"
    elif choice == 2:
        new = {"name": rng.choice(HOSTILE_STRINGS), "blockType": "request"}
    elif choice == 3:
        new = [old, None, True, 1e308, -0.0, 10**40]
    elif choice == 4 and isinstance(old, dict):
        new = {rng.choice(HOSTILE_STRINGS): item for item in old.values()} or {"": None}
    else:
        new = rng.choice(("", None, [], {}, 0, "\ud800" * 3))
    return _replace(value, path, new)


def mutate_page(text: str, rng: random.Random) -> str:
    """JSON-aware: annotations and JSON bodies are parsed, mutated as values and written
    back (``ensure_ascii``, so a surrogate arrives as ``\\ud800``, as a page would hold
    it); else a hostile include, URL host or path line."""
    decoder = json.JSONDecoder()
    spots = []
    for match in _JSON_START.finditer(text):
        try:
            value, end = decoder.raw_decode(text, match.end())
        except (ValueError, RecursionError):  # (an earlier mutation nested it too deep)
            continue
        spots.append((match.end(), end, value))
    choice = rng.randrange(10)
    if spots and choice < 6:
        start, end, value = rng.choice(spots)
        for _ in range(rng.randrange(1, 4)):
            value = mutate_json(value, rng)
        written = re.sub(
            r'"\\u0001deep(\d+)\\u0001"',
            lambda match: '[{"k": ' * int(match.group(1)) + "1" + "}]" * int(match.group(1)),
            json.dumps(value, ensure_ascii=True),
        )
        return text[:start] + written + text[end:]
    lines = text.split("\n")
    at = rng.randrange(len(lines) + 1)
    if choice == 6:
        target = rng.choice(("/dev/zero", "../../../../../../etc/passwd", "/proc/self/environ"))
        lines.insert(at, f"[!INCLUDE [permissions-table]({target})]")
    elif choice == 7:
        lines = [line.replace("graph.microsoft.com", "gra[ph.microsoft.com") for line in lines]
    elif choice == 8:
        lines.insert(at, "GET /users/{id}/" + rng.choice(HOSTILE_STRINGS).replace("\n", ""))
    else:
        lines.insert(at, json.dumps({"name": rng.choice(HOSTILE_STRINGS)}))
    return "\n".join(lines)


def _snapshot(folder: Path) -> set[str]:
    return {str(path) for path in folder.rglob("*")}


def _fuzz_build(tmp_path: Path, texts: list[tuple[str, str]], capsys) -> dict:
    """Build every mutated page at once; the run report, after checking that nothing went
    to an internal error and nothing was written outside the output."""
    docs = tmp_path / "deep" / "er" / "docs"
    (docs / "api").mkdir(parents=True)
    for name, text in texts:
        (docs / "api" / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    out, specs, report = tmp_path / "o" / "out", tmp_path / "o" / "specs", tmp_path / "report.json"
    before = _snapshot(tmp_path)
    status = main(
        [
            "build",
            str(docs),
            "--out",
            str(out),
            "--specs",
            str(specs),
            "--report",
            str(report),
            "--jobs",
            "1",
            "--no-cache",
            "--quiet",
        ]
    )
    error = capsys.readouterr().err
    assert status == 0 and "internal error" not in error, error[-2000:]
    written = _snapshot(tmp_path) - before - {str(report), str(tmp_path / "o")}
    outside = sorted(path for path in written if not path.startswith((str(out), str(specs))))
    assert outside == [], outside
    assert not list(tmp_path.rglob("fuzz-escape*")) and not Path("/tmp/fuzz-escape.yaml").exists()
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["diagnostics_by_code"].get("GD005", 0) == 0, found["diagnostics_by_code"]
    return found


def test_builds_of_json_aware_mutations_of_our_pages(tmp_path, capsys):
    """Seeded and bounded: every embedded page, mutated eight ways, in one build."""
    rng = random.Random(19)
    texts = []
    for page, text in zip(PAGES, TEXTS):
        texts.append((page.name, text))  # (so that the build always has an operation)
        for number in range(8):
            mutated = text
            for _ in range(rng.randrange(1, 3)):
                mutated = mutate_page(mutated, rng)
            texts.append((f"{page.stem}-fuzz{number}.md", mutated))
    report = _fuzz_build(tmp_path, texts, capsys)
    print(
        f"fuzz: {len(texts)} pages built, {report['operations']} operations,"
        f" diagnostics {report['diagnostics_by_severity']}"
    )


def test_builds_of_json_aware_mutations_of_corpus_pages(tmp_path, capsys, corpus_root):
    """Seeded and bounded: 200 real pages, each mutated twice, in one build."""
    pages = sorted(corpus_root.glob("graph-docs-*/api-reference/*/api/*.md"))
    assert pages
    rng = random.Random(1919)
    texts = []
    for index, page in enumerate(rng.sample(pages, min(200, len(pages)))):
        text = page.read_text(encoding="utf-8", errors="replace")
        for _ in range(2):
            text = mutate_page(text, rng)
        texts.append((f"{index:03d}-{page.name}", text))
    texts.append((PAGES[0].name, TEXTS[0]))
    report = _fuzz_build(tmp_path, texts, capsys)
    print(
        f"fuzz (corpus): {len(texts)} pages built, {report['operations']} operations,"
        f" diagnostics {report['diagnostics_by_severity']}"
    )
