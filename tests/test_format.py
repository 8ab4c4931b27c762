"""The renderer writes black's own layout, so formatting in pieces equals formatting whole.

The build formats big group modules piece by piece (in parallel, cached per piece); that
is only sound while every piece is already what black would make of it. These tests hold
the renderer to that on our own pages, and check the piece cutting on tiny pieces.
"""

from __future__ import annotations

import pytest

from generator.pipeline import Settings, analyse
from generator.format.pieces import Cut, format_piece, format_python, pieces
from generator.render.pysource import Bracket, bracketed, docstring, string
from generator.render.package import in_blacks_layout, render_package

from .conftest import REPO


@pytest.fixture(scope="module")
def rendered():
    result = analyse([str(REPO / "specs" / "pages")], Settings(api_version="v1.0"))
    return render_package(result.operations, result.cases, "graphdoc_client", "v1.0", result.types)


def test_black_finds_nothing_to_change_in_rendered_python(rendered):
    """A build with the built-in templates formats nothing (``in_blacks_layout``): every
    Python file it renders must already be in black's layout."""
    assert in_blacks_layout()
    for name, text in rendered.files.items():
        if name.endswith((".py", ".pyi")):
            assert (
                format_python(name, text) == text
            ), f"{name}: the renderer's layout is not black's"


@pytest.mark.parametrize("lines", [1, 7, 40])
def test_a_module_formatted_in_pieces_equals_the_module_formatted_whole(rendered, lines):
    assert rendered.cuts
    for name, cuts in rendered.cuts.items():
        text = rendered.files[name]
        parts = pieces(name, text, cuts, lines)
        assert "".join(piece.text + gap for piece, gap in parts) == text
        assert "".join(format_piece(piece) + gap for piece, gap in parts) == format_python(
            name, text
        )


def test_a_piece_that_black_does_change_is_formatted_inside_its_class():
    source = "class X:\n    def f(self):\n        return 1\n\n    def g(self): return [1,2]\n"
    [(first, gap)] = pieces("m.py", source, (), 10)
    assert first.text == source and gap == ""
    cut = source.index("    def g")
    parts = pieces("m.py", source, (Cut(source.index("    def f"), True), Cut(cut, True)), 1)
    assert [piece.in_class for piece, _ in parts] == [False, True, True]
    assert format_piece(parts[-1][0]) == "    def g(self):\n        return [1, 2]\n"


@pytest.mark.parametrize(
    "text", ["plain", "it's", 'say "hi"', "both ' and \"", "'\"'", "back\\slash", "tab\there"]
)
def test_string_literals_use_blacks_quotes_and_mean_the_text(text):
    source = string(text)
    assert eval(source) == text  # noqa: S307
    assert format_python("s.py", f"x = {source}\n") == f"x = {source}\n"


@pytest.mark.parametrize("width", [20, 60, 99, 100, 101, 140])
def test_bracketed_lines_are_blacks_lines(width):
    values = [f'"{"p" * (width // 4)}{i}"' for i in range(4)]
    nested = Bracket("{", tuple(f'"k{i}": "{"v" * (width // 5)}"' for i in range(3)), "}")
    for head, items, tail, indent, collection in [
        ("_X = Endpoint(", [*values, nested], ")", "", False),
        ("x = [", [*values, nested], "]", "", True),
        (
            "def name(",
            [f"p{i}: str = {v}" for i, v in enumerate(values)],
            ") -> Any:",
            "    ",
            False,
        ),
    ]:
        source = "\n".join(bracketed(head, items, tail, indent, collection=collection)) + "\n"
        if head.startswith("def"):
            source = "class C:\n" + source + "        pass\n"
        assert format_python("b.py", source) == source


@pytest.mark.parametrize("name", ["short", "p" * 70, "p" * 86, "p" * 95])
@pytest.mark.parametrize(
    "result",
    [
        "X",
        "Page[_types.X]",
        f"AsyncPageRequest[_types.{'T' * 70}]",
        f"RawResponse[Page[_types.{'T' * 70}]]",
        f"RawResponse[AsyncPage[dict[str, {'T' * 50}]]]",
    ],
)
def test_stub_signatures_are_blacks_lines_however_long_a_name(name, result):
    """The async stubs are written without black (``Cut.verbatim``): a long parameter is
    parenthesized, a long return type split inside its subscript, as black does."""
    params = ["self", "*", f"{name}: str | None = None", "**options: Unpack[RequestOptions]"]
    lines = bracketed("async def get(", params, f") -> {result}: ...", "        ")
    source = "if TYPE_CHECKING:\n\n    class C:\n" + "\n".join(lines) + "\n"
    assert format_python("stub.py", source) == source


@pytest.mark.parametrize("text", ['ends with a "quote"', '"starts" with one', 'a\\b"', "plain"])
def test_docstrings_are_padded_as_black_pads_them(text):
    source = f"class C:\n    {docstring(text, '    ')}\n"
    assert format_python("d.py", source) == source


def test_long_type_fields_are_split_as_black_splits_them():
    from generator.render.pytypes import field_lines

    for annotation in ["T" * 120, "list[" + "T" * 100 + "]", "T" * 60, "U" * 92, "U" * 93]:
        source = "class C(TypedDict, total=False):\n" + "\n".join(field_lines("x" * 30, annotation))
        assert format_python("f.py", source + "\n") == source + "\n", annotation


def test_the_runtime_is_in_blacks_layout():
    """The runtime is copied into every package and not formatted there: it must be in
    black's layout where it is written."""
    for module in sorted((REPO / "generator" / "runtime").glob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert format_python(module.name, text) == text, f"{module.name}: run black on it"
