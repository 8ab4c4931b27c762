"""The incremental build: a content-hash cache (``generator.incremental.cache``) and the up-to-date check.

Whatever the cache holds, a build must write exactly what a build without it writes; when
nothing changed it must touch nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.incremental import cache
from generator.cli import main

from .conftest import REPO


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _bytes(root: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _) in _tree(root).items()}


def _build(pages: Path, out: Path, *extra: str) -> int:
    return main(
        [
            "build",
            str(pages),
            "--quiet",
            "--jobs",
            "1",
            "--out",
            str(out),
            "--specs",
            str(out / "specs"),
            *extra,
        ]
    )


def _pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    shutil.copytree(REPO / "specs" / "pages", pages)
    return pages


def test_nothing_changed_touches_nothing(tmp_path, capsys, own_cache):
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    first = _tree(out)
    capsys.readouterr()
    assert _build(pages, out) == 0
    summary = capsys.readouterr().out
    assert "package unchanged" in summary
    assert _tree(out) == first  # bytes and mtimes
    assert (own_cache / "parse").is_dir() and (own_cache / "format").is_dir()


def test_touched_page_is_no_change(tmp_path, capsys):
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    first = _tree(out)
    page = next((pages / "api").glob("*.md"))
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    capsys.readouterr()
    assert _build(pages, out) == 0
    assert "package unchanged" in capsys.readouterr().out
    assert _tree(out) == first


def test_changed_page_and_include_give_what_a_cold_build_gives(tmp_path, capsys):
    pages, out, cold = _pages(tmp_path), tmp_path / "out", tmp_path / "cold"
    assert _build(pages, out) == 0
    page = next(p for p in sorted((pages / "api").glob("*.md")) if "[!INCLUDE" in p.read_text())
    page.write_text(page.read_text().replace("\n## ", "\nA sentence we added.\n\n## ", 1))
    include = sorted((pages / "includes" / "permissions").glob("*.md"))[0]
    include.write_text(include.read_text().replace("Read", "ReadBasic", 1))
    before = _tree(out)
    assert _build(pages, out) == 0
    after = _tree(out)
    assert _build(pages, cold, "--no-cache") == 0
    assert _bytes(out) == _bytes(cold)
    changed = {name for name in after if before.get(name) != after[name]}
    assert any(name.startswith("specs/") for name in changed)  # the page's spec
    assert any(name.startswith("graphdoc_client/groups/") for name in changed)  # its docstring
    unchanged = [name for name in after if name in before and before[name] == after[name]]
    assert unchanged  # the rest of the tree kept its files


def test_an_edited_output_file_is_rebuilt(tmp_path, capsys):
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    expected = _bytes(out)
    victim = out / "graphdoc_client" / "_runtime.py"
    victim.write_text("broken = True\n")
    capsys.readouterr()
    assert _build(pages, out) == 0
    assert "package written" in capsys.readouterr().out
    assert _bytes(out) == expected


def test_a_damaged_cache_is_only_a_miss(tmp_path, own_cache):
    pages, out, cold = _pages(tmp_path), tmp_path / "out", tmp_path / "cold"
    assert _build(pages, out) == 0
    for entry in own_cache.rglob("*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:7])  # a crash mid-write, a full disk
    shutil.rmtree(out)
    assert _build(pages, out) == 0
    assert _build(pages, cold, "--no-cache") == 0
    assert _bytes(out) == _bytes(cold)


def test_a_changed_page_renders_only_its_own_group_again(tmp_path, own_cache):
    pages, out = _pages(tmp_path), tmp_path / "out"
    assert _build(pages, out) == 0
    rendered = set((own_cache / "group").rglob("*"))
    page = sorted((pages / "api").glob("*.md"))[0]
    page.write_text(page.read_text().replace("\n## ", "\nA sentence we added.\n\n## ", 1))
    assert _build(pages, out) == 0
    new = [entry for entry in (own_cache / "group").rglob("*") if entry not in rendered]
    assert len([entry for entry in new if entry.is_file()]) == 1


def test_the_cache_keeps_its_most_recently_used_entries_within_its_bound(tmp_path):
    root = tmp_path / "cache"
    store = cache.Store(root, "parse")
    for number in range(6):
        store.put(f"{number:02d}" + "0" * 62, "x" * 1000)
    entries = sorted((root / "parse").rglob("*"), key=lambda path: path.parent.name)
    entries = [path for path in entries if path.is_file()]
    for order, entry in enumerate(entries):  # entry 00… is the least recently used
        os.utime(entry, (1_000_000 + order, 1_000_000 + order * 100))
    assert store.get("01" + "0" * 62) == "x" * 1000  # read: marked used, now the newest
    freed = cache.prune(root, max_bytes=3 * 1100)
    left = sorted(path.parent.name for path in (root / "parse").rglob("*") if path.is_file())
    assert freed > 0 and left == ["01", "04", "05"]  # 3 of ~1,015 bytes each fit
    assert cache.prune(root, max_bytes=0) == 0  # pruned less than a day ago: not again
    assert cache.prune(root, max_bytes=0, every=0) > 0


def test_pruning_leaves_spare_trees_alone_until_they_go_unused(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    spare = root / cache.SPARES / ("0" * 64) / "package"
    spare.mkdir(parents=True)
    (spare / "module.py").write_text("x = 1\n" * 1000)  # (a link to an output's file)
    cache.Store(root, "parse").put("00" + "0" * 62, "x" * 1000)
    assert cache.prune(root, max_bytes=0, every=0) > 0  # the entry, never the spare's file
    assert (spare / "module.py").exists()
    monkeypatch.setattr(cache, "SPARE_UNUSED", -1.0)  # as if unused for long
    cache.prune(root, max_bytes=0, every=0)
    assert not spare.exists()
