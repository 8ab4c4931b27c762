"""The layout rules of ``generator/`` (ARCHITECTURE.md), checked on the code's own imports.

Each module belongs to one stage of the pipeline; a module may import only modules of
its own stage or of earlier ones, there is no import cycle, the incremental layer is
imported by the command line alone, and the runtime imports nothing of the generator.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "generator"

# The stages in pipeline order, each with its modules (a package stands for its modules).
STAGES: tuple[tuple[str, frozenset[str]], ...] = (
    ("foundation", frozenset({"core", "runtime"})),
    ("pages", frozenset({"pages"})),
    ("parse", frozenset({"parse"})),
    ("plan", frozenset({"plan"})),
    ("assemble", frozenset({"assemble"})),
    ("report", frozenset({"report"})),
    ("render", frozenset({"render"})),
    ("format", frozenset({"format"})),
    ("write", frozenset({"write"})),
    ("pipeline", frozenset({"pipeline"})),
    ("incremental", frozenset({"incremental"})),
    ("command", frozenset({"cli", "scopes", "__main__", "__init__"})),
)
RANK = {module: rank for rank, (_, modules) in enumerate(STAGES) for module in modules}


def _module_name(path: Path) -> str:
    relative = path.relative_to(GENERATOR).with_suffix("")
    parts = [part for part in relative.parts if part != "__init__"] or ["__init__"]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The generator modules ``path`` imports (absolute names below ``generator``)."""
    name = _module_name(path)
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    if name == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            module = [*base, *(node.module.split(".") if node.module else [])]
            if node.module:
                found.add(".".join(module))
            else:
                found.update(".".join([*module, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
            found.add(node.module.removeprefix("generator").lstrip(".") or "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("generator."):
                    found.add(alias.name.removeprefix("generator."))
    return {
        module
        for module in found
        if module
        and (GENERATOR / module.split(".")[0]).exists()
        or (GENERATOR / f"{module.split('.')[0]}.py").exists()
    }


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path) for path in sorted(GENERATOR.rglob("*.py"))}


def _stage(module: str) -> int:
    return RANK[module.split(".")[0]]


def test_every_module_has_a_stage():
    missing = sorted({module.split(".")[0] for module in _graph()} - RANK.keys())
    assert not missing, f"add these modules to a stage in STAGES and ARCHITECTURE.md: {missing}"


@pytest.mark.parametrize("module", sorted(_graph()))
def test_no_module_imports_a_later_stage(module):
    later = sorted(imported for imported in _graph()[module] if _stage(imported) > _stage(module))
    assert not later, f"{module} ({STAGES[_stage(module)][0]}) imports later stages: {later}"


def test_no_import_cycle():
    graph = _graph()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError(
                "import cycle: " + " → ".join(path[path.index(module) :] + [module])
            )
        if module in done or module not in graph:
            return
        for imported in sorted(graph[module]):
            visit(imported, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_incremental_is_imported_by_the_command_line_only():
    importers = sorted(
        module
        for module, imports in _graph().items()
        if not module.startswith("incremental")
        and any(imported.split(".")[0] == "incremental" for imported in imports)
    )
    assert importers == ["cli"]


def test_runtime_imports_nothing_of_the_generator():
    for module, imports in _graph().items():
        if module.startswith("runtime"):
            outside = sorted(i for i in imports if not i.startswith("runtime"))
            assert not outside, f"{module} imports {outside}: the runtime is copied as it is"


def test_the_rules_can_fail(tmp_path):
    """The import reader sees relative and absolute imports (a check that sees none passes)."""
    graph = _graph()
    assert "assemble.cross_page" in graph["pipeline"]
    assert "runtime._contract" in graph["runtime._runtime"]
    assert "pipeline" in graph["incremental"]


_TIMING = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:ms|µs|s|seconds|minutes)\b|\btwice as fast\b|\b\d+x faster\b"
)


def test_no_timings_in_the_generator_source():
    """Measured times go stale in code; they belong in benchmarks/README.md."""
    found = [
        f"{path.relative_to(GENERATOR)}:{number}: {line.strip()}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if "runtime" not in path.parts  # (the runtime documents its timeouts in seconds)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _TIMING.search(line)
    ]
    assert not found, found
    assert _TIMING.search("# parsing took 0.15 s") and _TIMING.search("costs 12 ms")


def test_diagnostic_codes_are_named_not_spelt():
    """Codes are declared once (diagnostics._code) and named elsewhere, so a misspelt code
    is a NameError and a type error, and an undeclared one cannot be emitted."""
    raw = [
        f"{path.relative_to(GENERATOR)}:{number}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if path.name != "diagnostics.py" and "runtime" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"[\"']GD\d{3}[\"']", line)
    ]
    assert not raw, raw
    from generator.core.diagnostics import CODES, EXAMPLE_URL_UNMATCHED, Diagnostic

    assert CODES[EXAMPLE_URL_UNMATCHED].slug == "example-url-unmatched"
    with pytest.raises(ValueError, match="unknown diagnostic code"):
        Diagnostic("page.md", 1, "GD999", "no such code")


@pytest.mark.parametrize("stage", [name for name, _ in STAGES])
def test_each_stage_package_says_what_it_takes_and_gives(stage):
    """A stage is a package whose docstring says what it takes and what it gives."""
    packages = {p.name for p in GENERATOR.iterdir() if (p / "__init__.py").exists()}
    assert packages <= set(RANK), packages - set(RANK)  # every package is a stage's
    for name in dict(STAGES)[stage]:
        package = GENERATOR / name
        if name in ("runtime", "incremental", "scopes") or not package.is_dir():
            continue  # (the runtime, the layer and the command say what they are otherwise)
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "takes" in doc and "gives" in doc, package
