"""The endpoint model's YAML form is exact: what is dumped loads back equal, in stable order."""

from __future__ import annotations

from generator.parse import specio
from generator.parse.page import parse_file

from .conftest import REPO

PAGES = sorted((REPO / "specs" / "pages" / "api").glob("*.md"))


def test_every_embedded_page_round_trips():
    assert len(PAGES) >= 30
    for page in PAGES:
        operation = parse_file(str(page), "v1.0", f"api/{page.name}").operation
        assert operation is not None, page
        text = specio.dump(operation)
        assert specio.load(text) == operation, page
        assert specio.dump(specio.load(text)) == text, page


def test_committed_specs_load_and_dump_identically():
    files = sorted((REPO / "specs" / "model" / "v1.0").glob("*.yaml"))
    assert len(files) == len(PAGES)
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert specio.dump(specio.load(text)) == text, file


def test_unknown_keys_are_refused():
    text = specio.dump(parse_file(str(PAGES[0]), "v1.0").operation)
    try:
        specio.load(text + "surprise: 1\n")
    except ValueError as error:
        assert "surprise" in str(error)
    else:
        raise AssertionError("an unknown key was accepted")
