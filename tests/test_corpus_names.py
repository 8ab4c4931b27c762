"""Names on the real pages: no method or group crushes a camelCase word its own paths
spell (``sendmail`` for ``/me/sendMail``), and the English, Spanish and Portuguese editions
name the operations they share alike."""

from __future__ import annotations

import re

import pytest

from generator.parse.naming import camel_words
from generator.pipeline import Settings, analyse

EDITIONS = ("graph-docs-en-2021", "graph-docs-es-2019", "graph-docs-pt-2023")
_IDENTIFIER = re.compile(r"(?<![0-9A-Za-z])[A-Za-z][0-9A-Za-z]*(?![0-9A-Za-z])")


@pytest.fixture(scope="module")
def names(corpus_root) -> dict[str, dict[str, tuple[str, tuple[str, ...]]]]:
    """Per edition (v1.0): each page stem's ``group.method`` and its paths."""
    found = {}
    for edition in EDITIONS:
        folder = corpus_root / edition / "api-reference" / "v1.0"
        result = analyse([str(folder)], Settings(api_version="v1.0", jobs=2))
        found[edition] = {
            op.id: (op.qualified_name, tuple(v.path for v in op.variants))
            for op in result.operations
            if not op.shown_by
        }
    return found


def crushed(name: str, paths: tuple[str, ...]) -> list[str]:
    """The camelCase words of ``paths`` that ``name`` writes in lower case, run together."""
    words = {
        "".join(camel_words(identifier))
        for path in paths
        for identifier in _IDENTIFIER.findall(path)
        if len(camel_words(identifier)) > 1
    }
    tokens = name.replace(".", "_").split("_")
    return sorted(word for word in words if any(word in token for token in tokens))


def test_crushed_names_are_found():
    assert crushed("user.sendmail", ("/me/sendMail",)) == ["sendmail"]
    assert crushed("user.send_mail", ("/me/sendMail",)) == []


def test_no_name_crushes_a_camel_case_word_of_its_paths(names, capsys):
    english = names["graph-docs-en-2021"]
    bad = {stem: crushed(*english[stem]) for stem in sorted(english)}
    bad = {stem: words for stem, words in bad.items() if words}
    with capsys.disabled():
        print(
            f"\nen-2021 v1.0: {len(bad)} of {len(english)} operation names crush a camelCase"
            f" word of their paths; first: {list(bad.items())[:5]}"
        )
    assert not bad


@pytest.mark.parametrize("edition", EDITIONS[1:])
def test_editions_name_shared_operations_alike(names, edition, capsys):
    english, other = names[EDITIONS[0]], names[edition]
    shared = sorted(english.keys() & other.keys())
    differing = [(english[s][0], other[s][0]) for s in shared if english[s][0] != other[s][0]]
    same = len(shared) - len(differing)
    with capsys.disabled():
        print(
            f"\nen-2021 / {edition} v1.0: {same} of {len(shared)} operations of the same page"
            f" have the same name ({100.0 * same / len(shared):.2f}%); first differing:"
            f" {differing[:5]}"
        )
    assert shared and same >= 0.99 * len(shared)
