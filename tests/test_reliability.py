"""Issue 19: what a hostile page can still do to a build, each red-team row reproduced
with pages we write, through the ``graphdoc`` command.

A page may only ever cost itself: a diagnostic naming it, never a stopped build, a read
outside the docs tree, an unbounded read, or a file written outside ``--out``/``--specs``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.cli import main
from generator.parse.naming import file_name

from .pages import md


def page(
    *,
    include: str = "",
    body: str = '{"a": 1}',
    title: str = "driveItem: createUploadSession",
    more: str = "",
) -> str:
    permissions = f"[!INCLUDE [permissions-table]({include})]" if include else md("""\
            |Permission type | Permissions|
            |:---|:---|
            |Delegated (work or school account) | Files.ReadWrite |
            |Delegated (personal Microsoft account) | Files.ReadWrite |
            |Application | Files.ReadWrite.All |
            """)
    return (
        md(f"""\
        # {title}

        Creates an upload session.

        ## Permissions

        """)
        + permissions.strip()
        + "\n\n"
        + md(f"""\

        ## HTTP request

        ```http
        POST /me/drive/items/{{itemId}}/createUploadSession
        ```

        ## Response

        If successful, this method returns a `200 OK` response code.

        ## Examples

        <!-- {{ "blockType": "request", "name": "create-session" }} -->
        ```http
        POST https://graph.microsoft.com/v1.0/me/drive/items/01A/createUploadSession
        Content-type: application/json

        {body}
        ```

        <!-- {{ "blockType": "response" }} -->
        ```http
        HTTP/1.1 200 OK
        ```

        """)
        + more
    )


def example(name: str, line: str, response: str = "HTTP/1.1 201 Created") -> str:
    return md(f"""\
        <!-- {{ "blockType": "request", "name": {json.dumps(name)} }} -->
        ```http
        {line}
        ```

        <!-- {{ "blockType": "response" }} -->
        ```http
        {response}
        ```

        """)


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")} if folder.exists() else set()


def build(tmp_path: Path, text: str, capsys, *extra: str) -> tuple[int, str]:
    """Build one page (in ``docs/api``) into ``tmp_path/build``; exit status and output."""
    api = tmp_path / "docs" / "api"
    api.mkdir(parents=True, exist_ok=True)
    (api / "driveitem-createuploadsession.md").write_text(text, encoding="utf-8")
    out = tmp_path / "build"
    before = files_under(tmp_path) - files_under(out)
    status = main(
        [
            "build",
            str(tmp_path / "docs"),
            "--out",
            str(out / "pkg"),
            "--specs",
            str(out / "specs"),
            "--jobs",
            "1",
            "--no-cache",
            *extra,
        ]
    )
    captured = capsys.readouterr()
    written = files_under(tmp_path) - files_under(out) - {out} - before
    assert not written, f"files written outside the output: {sorted(written)}"
    return status, captured.out + captured.err


def test_an_example_name_cannot_choose_where_a_spec_is_written(tmp_path, capsys):
    hostile = example(
        "../../../../escaped",
        "PUT https://graph.microsoft.com/v1.0/me/drive/root:/{path_to_parent}",
    )
    status, output = build(tmp_path / "a" / "b" / "c", page(more=hostile), capsys)
    assert status == 0 and "GD063" in output, output
    assert not list(tmp_path.rglob("escaped*"))  # (build() checks nothing else was written)
    specs = sorted(p.name for p in (tmp_path / "a/b/c/build/specs/v1.0").iterdir())
    assert all("/" not in name and not name.startswith("..") for name in specs)
    assert len(specs) == 3  # the marker, the page's operation and the example's


@pytest.mark.parametrize(
    "text", ["../../../../etc/passwd", "a/../../..", "..", "", "x" * 400, "a\x00b", "C:\\x", "é/ü"]
)
def test_file_names_from_page_text_are_one_plain_component(text):
    name = file_name(text)
    assert name and len(name) <= 120 and not name.startswith(".")
    assert all(char.isascii() and (char.isalnum() or char in "._-") for char in name)


def test_an_include_of_dev_zero_is_not_read(tmp_path, capsys):
    status, output = build(
        tmp_path, page(include="../../../../../../../../dev/zero#permissions"), capsys
    )
    assert status == 0
    assert (
        "GD022 permissions include ../../../../../../../../dev/zero#permissions not found" in output
    )


def test_an_include_outside_the_tree_reads_as_missing(tmp_path, capsys):
    secret = tmp_path / "secret-permissions.md"
    secret.write_text("|Permission type|Permissions|\n|-|-|\n|Application|Secret.Read|\n")
    status, outside = build(tmp_path / "one", page(include=str(secret)), capsys)
    _, relative = build(tmp_path / "two", page(include="../../../secret-permissions.md"), capsys)
    _, missing = build(tmp_path / "three", page(include="../../../no-such-permissions.md"), capsys)
    for output in (outside, relative, missing):
        assert "GD022" in output and "not found" in output and "Secret.Read" not in output
    generated = "".join(p.read_text() for p in (tmp_path / "one" / "build").rglob("*.py"))
    assert "Secret.Read" not in generated


def test_a_symlinked_include_or_page_leaving_the_tree_is_refused(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "perm-permissions.md").write_text(
        "|Permission type|Permissions|\n|-|-|\n|Application|Secret.Read|\n"
    )
    docs = tmp_path / "in" / "docs"
    (docs / "includes").mkdir(parents=True)
    os.symlink(outside / "perm-permissions.md", docs / "includes" / "perm-permissions.md")
    status, output = build(tmp_path / "in", page(include="../includes/perm-permissions.md"), capsys)
    assert status == 0 and "GD022" in output and "Secret.Read" not in output
    (outside / "widget-get.md").write_text(page(title="widget: get"))
    os.symlink(outside / "widget-get.md", docs / "api" / "widget-get.md")
    status, output = build(tmp_path / "in", page(), capsys)
    assert "widget-get.md:1: GD004" in output and status == 0


def test_a_page_larger_than_the_limit_is_refused_with_a_diagnostic(tmp_path, capsys):
    huge = page() + ("x" * 1023 + "\n") * (4 * 1024 + 1)
    status, output = build(tmp_path, huge, capsys)
    assert status == 2 and "GD003 page is larger than 4 MiB" in output


@pytest.mark.parametrize(
    "body",
    [
        '{"a": "\\ud800", "\\udfff": ["\\ud800x"]}',  # lone surrogates, in values and keys
        "[" * 600 + "]" * 600,  # nesting past the recursion limit
        '{"a": ' * 500 + "1" + "}" * 500,
    ],
    ids=["surrogates", "deep-array", "deep-object"],
)
def test_a_hostile_body_is_a_diagnostic_never_an_internal_error(tmp_path, capsys, body):
    status, output = build(tmp_path, page(body=body), capsys)
    assert status == 0, output
    assert "internal error" not in output


def test_a_surrogate_in_an_annotation_and_a_bracket_in_a_host(tmp_path, capsys):
    more = example("x\\ud800", "POST https://gra[ph.microsoft.com/v1.0/me/drive/items/01A/x")
    status, output = build(tmp_path, page(more=more), capsys)
    assert status == 0 and "internal error" not in output, output
    assert "not a Graph host" in output


def test_a_page_that_breaks_the_parser_costs_only_itself(tmp_path, capsys, monkeypatch):
    """Whatever a page makes the parser raise becomes its GD005, and the build goes on."""
    import generator.parse.page as parse

    real = parse.derive_variants

    def broken(operation, report):
        if operation.id == "widget-get":
            raise RecursionError("maximum recursion depth exceeded")
        return real(operation, report)

    monkeypatch.setattr(parse, "derive_variants", broken)
    (tmp_path / "docs" / "api").mkdir(parents=True)
    (tmp_path / "docs" / "api" / "widget-get.md").write_text(page(title="widget: get"))
    status, output = build(tmp_path, page(), capsys)
    assert status == 0
    assert "widget-get.md:" in output and "GD005" in output and "RecursionError" in output
    assert (tmp_path / "build" / "pkg" / "graphdoc_client" / "groups" / "driveitem.py").exists()


def test_a_page_whose_file_name_is_not_utf8_is_reported_not_fatal(tmp_path, capsys):
    api = tmp_path / "docs" / "api"
    api.mkdir(parents=True)
    (Path(os.fsdecode(bytes(api) + b"/widget-g\xffet.md"))).write_text(page(title="widget: get"))
    status, output = build(tmp_path, page(), capsys)
    assert status == 0 and "internal error" not in output
    assert "widget-g\\xffet.md:1: GD001" in output


def test_a_page_the_templates_cannot_render_costs_only_itself(tmp_path, capsys, monkeypatch):
    import generator.render.package as render

    real = render.operation_view

    def broken(operation, *rest):
        if operation.id == "widget-get":
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(operation, *rest)

    monkeypatch.setattr(render, "operation_view", broken)
    (tmp_path / "docs" / "api").mkdir(parents=True)
    (tmp_path / "docs" / "api" / "widget-get.md").write_text(page(title="widget: get"))
    status, output = build(tmp_path, page(), capsys)
    assert status == 0 and "widget-get.md:" in output and "GD005" in output
    assert not (tmp_path / "build" / "pkg" / "graphdoc_client" / "groups" / "widget.py").exists()
