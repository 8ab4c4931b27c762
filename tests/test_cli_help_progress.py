"""The command line as a newcomer meets it: every option explains itself, and a long build
on a terminal says where it is (on stderr, and only there)."""

from __future__ import annotations

import argparse
import io
import os
import threading
from pathlib import Path

import pytest

from generator import cli
from generator.cli import TerminalProgress, main

from .test_cli import PAGE


def _actions(parser: argparse.ArgumentParser, name: str) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest for choice in action._choices_actions if choice.help}
            for command, sub in action.choices.items():
                assert command in helped, f"{name} {command}: no help"
                found += _actions(sub, f"{name} {command}")
        else:
            found.append((name, action))
    return found


def test_every_command_and_option_has_help():
    actions = _actions(cli._parser(), "graphdoc")
    assert len(actions) > 40  # every command's options were walked
    missing = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, action in actions
        if not action.help or action.help == argparse.SUPPRESS
    ]
    assert missing == []


def _pages(tmp_path: Path) -> list[str]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "widget-get.md").write_text(PAGE, encoding="utf-8")
    (pages / "gadget-get.md").write_text(PAGE.replace("widget", "gadget"), encoding="utf-8")
    out, specs = tmp_path / "out", tmp_path / "specs"
    return ["build", str(pages), "--out", str(out), "--specs", str(specs), "--jobs", "1"]


def _on_a_terminal(monkeypatch, argv: list[str]) -> str:
    """What ``main(argv)`` writes to stderr when stderr is a terminal (a pty), the
    progress shown from the build's first moment."""
    monkeypatch.setattr(cli, "PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 0.0)
    master, slave = os.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # (a full pty would block the build)
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the other end closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    terminal = open(slave, "w", encoding="utf-8", closefd=False)
    monkeypatch.setattr("sys.stderr", terminal)
    try:
        assert terminal.isatty()
        assert main(argv) == 0
        terminal.flush()
    finally:
        monkeypatch.undo()
        terminal.close()
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_build_on_a_terminal_shows_its_stage_and_pages_then_clears_the_line(
    tmp_path, monkeypatch
):
    shown = _on_a_terminal(monkeypatch, _pages(tmp_path))
    assert "graphdoc: parse pages 0/2" in shown and "graphdoc: parse pages 2/2" in shown
    assert "graphdoc: render" in shown and "graphdoc: format code" in shown
    before, summary = shown.rsplit("\r\x1b[K", 1)  # the line cleared before the summary
    assert "graphdoc: " in before and "package written" in summary and "graphdoc:" not in summary


def test_quiet_on_a_terminal_and_any_build_off_one_show_no_progress(tmp_path, monkeypatch, capsys):
    argv = _pages(tmp_path)
    shown = _on_a_terminal(monkeypatch, argv + ["--quiet", "--no-cache"])
    assert "graphdoc: " not in shown and "\r" not in shown
    monkeypatch.setattr(cli, "PROGRESS_AFTER", 0.0)
    assert main(argv + ["--no-cache"]) == 0  # stderr is pytest's capture: no terminal
    err = capsys.readouterr().err
    assert "package written" in err and "graphdoc: " not in err and "\x1b" not in err


def test_progress_waits_and_throttles_but_shows_each_stage_first_and_last_count():
    stream = io.StringIO()
    late = TerminalProgress(stream, after=3600.0, every=0.0)
    late("parse pages", 1, 9)
    late.clear()
    assert stream.getvalue() == ""  # a build shorter than the delay prints nothing
    progress = TerminalProgress(stream, after=0.0, every=3600.0)
    for done in range(10):
        progress("parse pages", done, 9)
    progress("format code", 0, 0)
    progress.clear()
    lines = stream.getvalue().split("\r\x1b[K")
    assert lines == [
        "",
        "graphdoc: parse pages 0/9",
        "graphdoc: parse pages 9/9",
        "graphdoc: format code",
        "",
    ]


@pytest.mark.parametrize("state", ["up to date", "drift"])
def test_check_messages_end_with_a_newline(tmp_path, capsys, state):
    argv = _pages(tmp_path)
    assert main(argv + ["--quiet"]) == 0
    if state == "drift":
        (tmp_path / "pages" / "gadget-get.md").unlink()
    capsys.readouterr()
    assert main(argv + ["--check"]) == (0 if state == "up to date" else 1)
    err = capsys.readouterr().err
    assert err.endswith("\n") and err.count("\n") == 1
