"""A rebuild redoes only what changed (``generator.incremental.plan``), and writes what a build from
nothing writes: after every edit of a series, the two output trees are compared byte by
byte. The edits are the ones that tie groups together: a page moving to another group, a
name collision, an example of one page replayed against another page's operation.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest

from generator.incremental import manifest
from generator.cli import main

from .test_cache import _build, _bytes, _pages
from .test_replay_plan import page, request


def _calendar(path: str) -> str:
    return page("user: get calendar", "GET", [path], "")


def _folders(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_dir()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _page_of_paths(pages: Path, name: str, path: str) -> None:
    """A page of our own, ``api/<name>``, whose only documented path is ``path``."""
    text = (pages / "api" / "message-delete.md").read_text(encoding="utf-8")
    text = text.replace("DELETE /me/messages/{id}\n", f"DELETE {path}\n", 1)
    (pages / "api" / name).write_text(text, encoding="utf-8")


EDITS: list[tuple[str, Callable[[Path], None]]] = [  # in this order, each on the last
    (
        "a page whose example calls a page not written yet",
        lambda pages: (pages / "api" / "calendar-get.md").write_text(
            page(
                "calendar: get",
                "GET",
                ["/me/calendars/{id}"],
                request("get_default", "GET https://graph.microsoft.com/v1.0/me/calendar"),
            )
        ),
    ),
    (
        "the page it calls is written (the example moves to another group)",
        lambda pages: (pages / "api" / "user-get-calendar.md").write_text(
            _calendar("/me/calendar")
        ),
    ),
    (
        "the called page changes its path (the example comes back)",
        lambda pages: (pages / "api" / "user-get-calendar.md").write_text(
            _calendar("/me/calendars/default")
        ),
    ),
    (
        "a description edited",
        lambda pages: _edit(pages / "api" / "message-get.md", "\n## ", "\nOne more line.\n\n## "),
    ),
    (
        "a second page with the same name, in a sub-folder (a collision)",
        lambda pages: shutil.copytree(
            pages / "api",
            pages / "more",
            ignore=lambda _, names: [n for n in names if n != "message-get.md"],
        ),
    ),
    ("a page removed", lambda pages: (pages / "api" / "user-list.md").unlink()),
    (
        "a page moved to another group",
        lambda pages: (pages / "api" / "event-accept.md").rename(
            pages / "api" / "widget-accept.md"
        ),
    ),
    (
        "an include edited",
        lambda pages: _edit(
            sorted((pages / "includes" / "permissions").glob("*.md"))[0], "Read", "ReadBasic"
        ),
    ),
    (
        "a page that no longer gives an operation",
        lambda pages: _edit(pages / "api" / "group-get.md", "GET /", "GET"),
    ),
    (
        "the page the collision came from removed",
        lambda pages: (pages / "api" / "message-get.md").unlink(),
    ),
    (
        "a group no type names, split by its page's path",
        lambda pages: _page_of_paths(pages, "widgetfolder-archive.md", "/widgetFolders/{id}"),
    ),
    (
        "a second page of that group, whose paths do not spell its name",
        lambda pages: _page_of_paths(pages, "widgetfolder-purge.md", "/purge/{id}"),
    ),
]


def _checks(capsys, check: Callable[..., int]) -> tuple[int, str]:
    """``build --check`` through the cache and without it: both must say the same."""
    capsys.readouterr()
    status, lines = check(), capsys.readouterr().out
    assert (check("--no-cache"), capsys.readouterr().out) == (status, lines)
    assert status == (1 if lines else 0)
    return status, lines


@pytest.mark.parametrize("trust", [False, True], ids=["files hashed", "files remembered"])
def test_every_rebuild_writes_what_a_build_from_nothing_writes(
    tmp_path, own_cache, trust, monkeypatch, capsys
):
    if trust:  # the files of a test are all new: let the manifest remember them anyway
        monkeypatch.setattr(manifest, "RACY_NS", -(10**18))
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    seen: list[set[str]] = []
    for number, (what, edit) in enumerate(EDITS):
        edit(pages)
        status, lines = _checks(capsys, lambda *extra: _build(pages, out, "--check", *extra))
        assert status == 1, what  # (every edit changes the package)
        assert _build(pages, out) == 0, what
        assert _checks(capsys, lambda *extra: _build(pages, out, "--check", *extra)) == (0, "")
        cold = tmp_path / f"cold-{number}"
        assert _build(pages, cold, "--no-cache") == 0, what
        assert _bytes(out) == _bytes(cold), what
        assert _folders(out) == _folders(cold), what  # none left empty by a rebuild
        codes = json.loads((out / "report.json").read_text())["diagnostics_by_code"]
        seen.append({code for code in ("GD050", "GD062") if code in codes})
    assert seen[1] == {"GD062"} and seen[2] == set()  # the example moved, and came back
    assert "GD050" in seen[4]  # the collision


def test_a_rebuild_replaces_only_the_files_that_changed(tmp_path, own_cache):
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    before = {path: path.stat().st_ino for path in out.rglob("*") if path.is_file()}
    _edit(pages / "api" / "message-get.md", "\n## ", "\nOne more line.\n\n## ")
    assert _build(pages, out) == 0
    after = {path: path.stat().st_ino for path in out.rglob("*") if path.is_file()}
    moved = {path.relative_to(out).as_posix() for path in after if before.get(path) != after[path]}
    assert moved == {"specs/v1.0/message-get.yaml", "tests/examples/message.json"}  # lines moved


def test_specs_in_a_folder_of_their_own_are_rebuilt_alike(tmp_path, own_cache, capsys):
    pages = _pages(tmp_path)

    def build(name: str, *extra: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
        out, specs = tmp_path / name / "package", tmp_path / name / "specs"
        command = ["build", str(pages), "--quiet", "--out", str(out), "--specs", str(specs)]
        assert main([*command, *extra]) == 0
        return _bytes(out), _bytes(specs)

    def check(*extra: str) -> int:
        out, specs = tmp_path / "rebuilt" / "package", tmp_path / "rebuilt" / "specs"
        command = ["build", str(pages), "--out", str(out), "--specs", str(specs), "--check"]
        return main([*command, *extra])

    build("rebuilt")
    for number, (what, edit) in enumerate(EDITS):
        edit(pages)
        assert _checks(capsys, check)[0] == 1, what
        assert build("rebuilt") == build(f"cold-{number}", "--no-cache"), what
        assert _checks(capsys, check) == (0, ""), what


def test_a_rebuild_starts_from_the_spare_tree_and_checks_it_first(tmp_path, own_cache):
    """The tree a rebuild replaces is kept (hard links) and patched into the next one."""
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    for number in range(2):  # the first rebuild keeps the spare, the second starts from it
        _edit(pages / "api" / "message-get.md", "\n## ", f"\nEdit {number}.\n\n## ")
        assert _build(pages, out) == 0
    (spare,) = [path for path in (own_cache / "spare").glob("*/*") if path.is_dir()]
    shared = [path for path in spare.rglob("*") if path.is_file() and path.stat().st_nlink > 1]
    assert len(shared) > 10  # the spare and the output share their unchanged files

    # an edit that changes no output (text after the last example) keeps the spare too
    _edit(pages / "api" / "message-get.md", "\n## ", "\n## ")
    (pages / "api" / "message-get.md").write_text(
        (pages / "api" / "message-get.md").read_text(encoding="utf-8") + "\nA closing line.\n",
        encoding="utf-8",
    )
    assert _build(pages, out) == 0
    assert spare.is_dir(), "a build that changed nothing threw the spare away"
    assert len([path for path in spare.rglob("*") if path.is_file()]) == len(
        [path for path in out.rglob("*") if path.is_file()]
    )

    for damage in ("a file removed", "a file added"):
        victim = sorted(path for path in spare.rglob("*.yaml"))[0]
        if damage == "a file removed":
            victim.unlink()
        else:
            victim.with_name("stray.yaml").write_text("a file nobody wrote\n")
        _edit(pages / "api" / "message-get.md", "\n## ", f"\n{damage}.\n\n## ")
        assert _build(pages, out) == 0, damage
        cold = tmp_path / f"cold-{len(damage)}"
        assert _build(pages, cold, "--no-cache") == 0
        assert _bytes(out) == _bytes(cold), damage
