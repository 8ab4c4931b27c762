"""The typed client built from the English 2021 v1.0 corpus (api and resource pages): most
operations that name a response type return it, most JSON bodies take the type their page
documents, the package passes ``mypy --strict``, a read by key returns the object, and a
misspelt keyword is a ``TypeError``."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from generator.parse import specio
from generator.cli import main
from generator.format.pieces import format_python
from generator.pipeline import read_types
from generator.render.pybodies import body_type
from generator.render.package import return_types, typing_of

from .test_typed_client import _pyright_command


@pytest.fixture(scope="module")
def built(corpus_root, tmp_path_factory):
    folder = corpus_root / "graph-docs-en-2021" / "api-reference" / "v1.0"
    out = tmp_path_factory.mktemp("typed") / "out"
    command = ["build", str(folder), "--api-version", "v1.0", "--out", str(out)]
    command += ["--specs", str(out / "specs"), "--package", "typed_graph", "--quiet"]
    assert main(command + ["--no-cache", "--jobs", "2"]) == 0
    return out


def test_operations_naming_a_type_return_it(built):
    model = built / "specs" / "v1.0"
    typing = typing_of(read_types(model / "types", []))
    named = typed = 0
    for file in sorted(model.glob("*.yaml")):
        operation = specio.load(file.read_text(encoding="utf-8"))
        if operation.response.odata_type or operation.response.type_page:
            named += 1
            sync, _, _ = return_types(operation, typing)
            typed += "dict[str, Any]" not in sync and sync != "Any"
    print(f"{typed} of {named} operations naming a response type return it ({typed / named:.2%})")
    assert typed / named >= 0.90


def test_the_stub_modules_written_without_black_are_blacks_layout(built):
    """The build compiles the groups' stub modules (async and response-mode classes, body
    types) but does not format them (``Cut.verbatim``): here black gets every one of
    them, and must find nothing to change."""
    stubs = bodies = 0
    for module in sorted((built / "typed_graph" / "groups").glob("_*.pyi")):
        text = module.read_text(encoding="utf-8")
        stubs += text.count("def ")
        bodies += len(re.findall(r"^class \w+Body(?:_\d+)?\(", text, re.M))
        assert format_python(module.name, text) == text, f"{module.name}: not black's layout"
    print(f"{stubs} typing-only signatures and {bodies} body types in black's layout")
    assert stubs > 5000 and bodies > 400


def test_the_types_module_written_without_black_is_blacks_layout(built):
    """The ``types`` module is compiled, not formatted, too (``Cut.verbatim``)."""
    text = (built / "typed_graph" / "types.py").read_text(encoding="utf-8")
    assert text.count("\nclass ") > 500
    assert format_python("types.py", text) == text


def test_every_module_written_without_black_is_blacks_layout(built):
    """With the built-in templates a build formats nothing: the group modules (methods laid
    out by ``layout()`` in the method template), the client (a property per group), the
    runtime and the tests are compiled only. Here black gets every one of them."""
    checked = 0
    for module in sorted(built.rglob("*.py")):
        if module.name == "types.py" or "specs" in module.parts:
            continue  # (the types module: the test above)
        text = module.read_text(encoding="utf-8")
        assert format_python(module.name, text) == text, f"{module}: not black's layout"
        checked += 1
    assert checked > 200  # every group of the edition, and the shared modules


def test_json_bodies_take_the_type_their_page_documents(built):
    """A JSON body is typed from its page's table, or as the resource its prose names; an
    example that disagrees is a diagnostic (GD090), not a reason to drop the type, and each
    body left untyped has a diagnostic naming why (GD091), counted in ``report.json``. The
    groups' stub modules define a class for each table body and each resource body its
    examples send ``@odata.*`` keys with."""
    model = built / "specs" / "v1.0"
    typing = typing_of(read_types(model / "types", []))
    verdicts: Counter[str] = Counter()
    unresolved = properties = own_classes = 0
    for file in sorted(model.glob("*.yaml")):
        operation = specio.load(file.read_text(encoding="utf-8"))
        if operation.request_body.kind == "json":
            found = body_type(operation, typing.index, typing.names)
            verdicts[found.verdict] += 1
            unresolved += found.unresolved
            properties += len(found.fields)
            own_classes += found.verdict == "table" or bool(found.annotations)
    bodies = sum(verdicts.values())
    typed = verdicts["table"] + verdicts["resource"]
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    by_code = report["diagnostics_by_code"]
    print(
        f"{typed} of {bodies} JSON-body operations get a typed body ({typed / bodies:.2%}):"
        f" {verdicts['table']} from their table, {verdicts['resource']} as the resource their"
        f" prose names; {verdicts['untyped']} untyped, {by_code.get('GD091', 0)} GD091;"
        f" {by_code.get('GD090', 0)} example bodies' disagreements with their type (GD090);"
        f" {unresolved} of {properties} table properties typed Any"
    )
    defined = sum(
        len(re.findall(r"^class \w+Body(?:_\d+)?\(", path.read_text(encoding="utf-8"), re.M))
        for path in (built / "typed_graph" / "groups").glob("_*.pyi")
    )
    assert defined == own_classes
    assert typed / bodies >= 0.90
    assert by_code.get("GD091", 0) == verdicts["untyped"]
    assert unresolved / properties <= 0.01


PROGRAM = """\
from typed_graph import GraphClient
from typed_graph.types import ProfilePhoto


def use(client: GraphClient) -> tuple[ProfilePhoto, bytes, bytes]:
    client.user.send_mail(body={"message": {"subject": "Hi"}, "saveToSentItems": False})
    client.user.send_mail(body={"mesage": {"subject": "Hi"}})
    client.user.send_mail(body={"message": {"subject": "Hi"}, "saveToSentItems": "yes"})
    client.group.post_groups(body={"displayName": "T", "members@odata.bind": ["https://x/u/1"]})
    photo = client.profile_photo.get()
    content: bytes = client.profile_photo.get_value()
    len(photo.get("id", ""))
    return photo, content, client.drive_item.get_content(item_id="i1")
"""
WRONG = [7, 8]  # the misspelt key, the string for a Boolean


def _program(folder: Path) -> Path:
    path = folder / "program.py"
    path.write_text(PROGRAM, encoding="utf-8")
    return path


def test_the_corpus_package_passes_mypy_strict(built, tmp_path):
    """The package, and a program using it, under ``mypy --strict``: the program's wrong
    bodies are errors on their lines, and nothing else is."""
    env = {**os.environ, "MYPYPATH": str(built)}
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "c")]
        + [str(built / "typed_graph"), str(_program(tmp_path))],  # (the package's folder)
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    print(f"mypy --strict typed_graph program.py: {time.perf_counter() - started:.1f} s")
    assert run.returncode == 1 and "checked" in run.stdout, run.stdout[-3000:] + run.stderr
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert all(line.startswith("program.py:") for line in errors), run.stdout[-3000:]
    assert sorted({int(line.split(":")[1]) for line in errors}) == WRONG, run.stdout[-3000:]


def test_the_corpus_package_passes_pyright_strict(built, tmp_path):
    """The package, and the same program, under pyright in strict mode (set in its
    configuration, as a project sets it)."""
    command = _pyright_command()
    if command is None:
        if os.environ.get("CI_REQUIRE_PYRIGHT") == "1":
            pytest.fail("pyright not found (CI_REQUIRE_PYRIGHT=1: required)")
        pytest.skip("pyright not found ($GRAPHDOC_PYRIGHT, .ci/node or PATH)")
    config = {"typeCheckingMode": "strict", "extraPaths": [str(built)]}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    started = time.perf_counter()
    run = subprocess.run(
        [command, "--outputjson", "--pythonpath", sys.executable, "-p", str(tmp_path)]
        + [str(built / "typed_graph"), str(_program(tmp_path))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=900,
    )
    print(f"pyright (strict) typed_graph program.py: {time.perf_counter() - started:.1f} s")
    report = json.loads(run.stdout)
    assert report["summary"]["filesAnalyzed"] > 400, report["summary"]
    errors = [item for item in report["generalDiagnostics"] if item["severity"] == "error"]
    assert all(Path(item["file"]).name == "program.py" for item in errors), errors[:10]
    assert sorted({item["range"]["start"]["line"] + 1 for item in errors}) == WRONG, errors


def test_reads_by_key_return_the_object_and_typos_raise(built, monkeypatch):
    monkeypatch.syspath_prepend(str(built))
    package = importlib.import_module("typed_graph")
    answers = {
        "/v1.0/auditLogs/signIns/s1": {"id": "s1"},
        "/v1.0/identityProtection/riskyUsers/r1": {"id": "r1"},
    }
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, json=answers[request.url.path])
    )
    with package.GraphClient(token="t", transport=transport) as client:
        assert client.sign_in.get("s1") == {"id": "s1"}
        assert client.risky_user.get("r1")["id"] == "r1"
        with pytest.raises(TypeError, match="usr_id"):
            client.user.get(usr_id="bob@contoso.com")


def _returns_as_declared(declared: str, value: object, page: type) -> bool:
    """Whether ``value`` is of the kind the return annotation ``declared`` names."""
    if declared.endswith(" | None"):
        return value is None or _returns_as_declared(declared[: -len(" | None")], value, page)
    if declared == "Any":
        return True
    if declared == "None":
        return value is None
    if declared == "bytes":
        return isinstance(value, bytes)
    if declared.startswith("Page["):
        return isinstance(value, page)
    return isinstance(value, dict)  # a TypedDict, or dict[str, Any]


def test_every_replayed_example_returns_what_its_method_declares(built, monkeypatch):
    """Each documented example, replayed through the client, returns a value of the kind
    its method's return annotation says (bytes, None, an object, a page): a download is
    ``bytes`` (never ``None``), a page mixing JSON and ``/$value`` paths is split. The
    examples one page shows of another page's operation (GD062) are counted apart: that
    operation's type is decided by its own page."""
    monkeypatch.syspath_prepend(str(built))
    package = importlib.import_module("typed_graph")
    paging = importlib.import_module("typed_graph._paging")
    checked = 0
    mismatches: list[str] = []
    elsewhere: list[str] = []
    for file in sorted((built / "tests" / "examples").glob("*.json")):
        for key, record in json.loads(file.read_text(encoding="utf-8")).items():
            response = record["response"]
            if response["status"] >= 400:
                continue  # (a documented error: the replay tests check it raises)
            body = json.dumps(response["json"]) if "json" in response else response.get("text", "")
            replies = [
                httpx.Response(
                    response["status"], headers=response.get("headers", {}), content=body.encode()
                )
            ]
            if record.get("redirect"):
                redirect = record["redirect"]
                replies.insert(0, httpx.Response(redirect["status"], headers=redirect["headers"]))
            sent: list[httpx.Request] = []

            def answer(request: httpx.Request, sent=sent, replies=replies) -> httpx.Response:
                sent.append(request)
                return replies[min(len(sent), len(replies)) - 1]

            call, request = record["call"], record["request"]
            args, kwargs = list(call["args"]), dict(call["kwargs"])
            kwargs.update({"headers": request["headers"]} if "headers" in request else {})
            kwargs.update({"body": request["body"]} if "body" in request else {})
            if "content" in request:
                kwargs[call["content_argument"]] = request["content"].encode()
            transport = httpx.MockTransport(answer)
            with package.GraphClient(token="t", transport=transport) as client:
                method = getattr(getattr(client, file.stem), record["operation"])
                declared = inspect.signature(method).return_annotation
                value = method(*args, **kwargs)
            checked += 1
            if not _returns_as_declared(declared, value, paging.Page):
                shown = f"{file.stem}.{key} ({record['source']}): {declared}, got {type(value)}"
                page = record["source"].rsplit(":", 1)[0]  # (the method's docstring names its own)
                (mismatches if page in (method.__doc__ or "") else elsewhere).append(shown)
    print(
        f"{checked} examples replayed; {len(mismatches)} return another kind than their"
        f" method declares; {len(elsewhere)} more among examples of another page (GD062)"
    )
    assert mismatches == []
    assert len(elsewhere) <= 10, elsewhere
