"""Diagnostics: every problem found in a page, with a stable code, a file and a line.

Codes are part of the public surface (doc writers suppress them, CI greps them), so they
are defined once here, never reused for another meaning, and documented in the README
from this table (``graphdoc codes`` prints it).
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Literal

import yaml

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Code:
    code: str
    slug: str
    severity: Severity
    summary: str


_CODES = (
    # reading
    Code("GD001", "page-unreadable", "error", "The file cannot be read or is not UTF-8 text."),
    Code("GD002", "front-matter-invalid", "warning", "The YAML front matter does not parse."),
    Code(
        "GD003",
        "file-too-large",
        "error",
        "A page or an include is larger than 4 MiB; it was not read.",
    ),
    Code(
        "GD004",
        "page-outside-input",
        "error",
        "The page is a link leading out of the input folder, or not a regular file; it was not read.",
    ),
    Code(
        "GD005",
        "page-failed",
        "error",
        "Reading the page raised an unexpected error (a graphdoc bug the page found); the page"
        " was skipped and the build went on.",
    ),
    Code(
        "GD009", "model-file-invalid", "error", "A file of the model (a YAML spec) does not load."
    ),
    # page structure
    Code(
        "GD007",
        "http-request-unheaded",
        "info",
        "The `METHOD path` block stands under no HTTP request heading; it was found by its shape.",
    ),
    Code("GD010", "title-missing", "warning", "The page has no H1 title."),
    Code(
        "GD011",
        "http-request-missing",
        "error",
        "No HTTP request section or `METHOD path` line: no operation.",
    ),
    Code(
        "GD012",
        "methods-mixed",
        "warning",
        "The path lines use several HTTP methods; the first is used.",
    ),
    Code(
        "GD013",
        "path-line-invalid",
        "warning",
        "A line of the HTTP request block is not a `METHOD path` line.",
    ),
    Code(
        "GD014",
        "placeholder-unbalanced",
        "warning",
        "A path template has unbalanced `{}`; it was repaired.",
    ),
    Code(
        "GD015",
        "variant-duplicate",
        "info",
        "A path variant repeats an earlier one and was dropped.",
    ),
    Code(
        "GD016",
        "template-concrete-id",
        "warning",
        "A path template holds an example id; it was read as a placeholder.",
    ),
    Code(
        "GD017",
        "path-users-me",
        "warning",
        "A path template addresses `/users/me/...`; it was read as `/me/...`.",
    ),
    Code(
        "GD018",
        "placeholder-alternative-outside",
        "warning",
        "A path template writes an alternative outside the braces (`{id} | name`); read as one placeholder.",
    ),
    Code(
        "GD019",
        "path-ellipsis",
        "warning",
        "A path template holds a `...` segment (nested folders); it was read as one level.",
    ),
    # permissions
    Code("GD020", "permissions-missing", "warning", "No permissions table or include was found."),
    Code(
        "GD021",
        "permissions-row-unrecognised",
        "warning",
        "A permissions table row has no known permission type.",
    ),
    Code(
        "GD022",
        "permissions-include-missing",
        "error",
        "A permissions include file does not exist in the docs tree (or is not a regular file).",
    ),
    Code(
        "GD023",
        "permissions-incomplete",
        "warning",
        "The permissions table lacks one of the three permission types.",
    ),
    Code(
        "GD024",
        "permissions-row-kind-by-position",
        "info",
        "A permissions row's type label is not understood; its type was taken from its position"
        " (delegated work or school, delegated personal, application).",
    ),
    Code(
        "GD025",
        "permissions-table-malformed",
        "warning",
        "A permissions table is not a well-formed Markdown table (e.g. its delimiter row has"
        " another number of cells); it was read row by row.",
    ),
    Code(
        "GD026",
        "permissions-direction-inferred",
        "info",
        "The permissions header's order (least or most privileged first) is not understood;"
        " it was inferred from the permission names.",
    ),
    Code(
        "GD027",
        "permissions-connector-ambiguous",
        "warning",
        'A word between two permission names is not known as "and" or "or"; both were'
        " read as needed together.",
    ),
    Code(
        "GD028",
        "permissions-direction-contradicted",
        "warning",
        "The permission names are ordered against the direction the header states; the header"
        " was followed.",
    ),
    Code(
        "GD029",
        "permissions-row-order-unusual",
        "warning",
        "A permissions row's type label disagrees with its position; the label was followed.",
    ),
    # annotations
    Code(
        "GD030",
        "annotation-repaired",
        "info",
        "An annotation comment is not strict JSON; it was repaired.",
    ),
    Code(
        "GD031",
        "annotation-unparseable",
        "warning",
        "An annotation comment is not JSON and could not be repaired.",
    ),
    Code(
        "GD038",
        "example-path-spelling",
        "info",
        "An example path spells a documented path differently (letter case, key in parentheses).",
    ),
    Code(
        "GD039",
        "status-not-success",
        "warning",
        "The Response prose names an error status before any 2xx; the success status is the first 2xx.",
    ),
    # examples
    Code("GD040", "example-without-response", "warning", "An example request has no response."),
    Code("GD041", "response-without-request", "warning", "An example response follows no request."),
    Code(
        "GD042",
        "example-name-duplicate",
        "warning",
        "Two example requests share a name; the later one was renamed.",
    ),
    Code(
        "GD043",
        "status-mismatch",
        "warning",
        "The example response status differs from the status in the Response prose.",
    ),
    Code(
        "GD044",
        "example-url-unmatched",
        "warning",
        "The example URL matches no documented path variant.",
    ),
    Code(
        "GD045",
        "example-body-not-json",
        "warning",
        "An example body says JSON but does not parse, even leniently.",
    ),
    Code(
        "GD046",
        "example-not-replayed",
        "info",
        "An example gets no replay test; the message says why.",
    ),
    Code(
        "GD047",
        "example-method-mismatch",
        "warning",
        "The example request uses another HTTP method than the page.",
    ),
    Code("GD048", "status-undocumented", "info", "The Response prose states no status code."),
    # naming
    Code(
        "GD049",
        "example-path-derived",
        "warning",
        "An example uses an undocumented form of a documented path; it was added as a variant.",
    ),
    Code(
        "GD050",
        "name-collision",
        "warning",
        "Two operations map to the same client method; one was renamed.",
    ),
    Code(
        "GD051",
        "name-adjusted",
        "info",
        "A name was a Python keyword or not an identifier; it was adjusted.",
    ),
    # overrides
    Code("GD060", "override-applied", "info", "An override changed an operation after parsing."),
    Code(
        "GD061",
        "override-invalid",
        "warning",
        "An override entry is malformed or names nothing read.",
    ),
    # examples of other pages
    Code(
        "GD062",
        "example-of-other-operation",
        "info",
        "An example calls an operation another page documents; it is replayed against that one.",
    ),
    Code(
        "GD063",
        "operation-from-example",
        "info",
        "An example shows a second call of its page (another method, another path, written as a"
        " template) that no page documents; it becomes an operation of its own.",
    ),
    Code(
        "GD064",
        "example-body-repaired",
        "info",
        "An example body is almost JSON (trailing comma, typographic quotes, an elision, an"
        " unquoted key or placeholder value); it is read after repairs.",
    ),
)

CODES: dict[str, Code] = {code.code: code for code in _CODES}
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# How code that reads one page reports a problem in it: ``report(line, code, message)``.
Report = Callable[[int, str, str], None]
# The same for code that sees several files: ``report(path, line, code, message)``.
PathReport = Callable[[str, int, str, str], None]


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "slug": CODES[self.code].slug,
            "severity": self.severity,
            "message": self.message,
        }


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, str, str]:
    return (diagnostic.path, diagnostic.line, diagnostic.code, diagnostic.message)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    counts = Counter(d.severity for d in diagnostics)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


def count_by_code(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    return dict(sorted(Counter(d.code for d in diagnostics).items()))


@dataclass(frozen=True)
class Suppression:
    code: str
    file: str  # a suffix of the diagnostic's path, or a glob pattern
    line: int | None = None

    def matches(self, diagnostic: Diagnostic) -> bool:
        if self.code != diagnostic.code or (self.line is not None and self.line != diagnostic.line):
            return False
        path = diagnostic.path.replace("\\", "/")
        return (
            path == self.file or path.endswith("/" + self.file) or fnmatch.fnmatch(path, self.file)
        )


def load_suppressions(path: str) -> list[Suppression]:
    """A YAML list of ``{code, file, line?}``; raises ValueError with a clear message."""
    try:
        with open(path, encoding="utf-8") as handle:
            entries = yaml.safe_load(handle) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ValueError(f"{path}: cannot read suppressions: {error}") from None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: suppressions must be a list of {{code, file, line?}} entries")
    result = []
    for number, entry in enumerate(entries, 1):
        if (
            not isinstance(entry, dict)
            or set(entry) - {"code", "file", "line"}
            or not {"code", "file"} <= set(entry)
        ):
            raise ValueError(f"{path}: entry {number} must have code, file and optionally line")
        if entry["code"] not in CODES:
            raise ValueError(f"{path}: entry {number}: unknown code {entry['code']!r}")
        line = entry.get("line")
        result.append(
            Suppression(
                str(entry["code"]), str(entry["file"]), int(line) if line is not None else None
            )
        )
    return result


def suppress(
    diagnostics: list[Diagnostic], suppressions: list[Suppression]
) -> tuple[list[Diagnostic], int]:
    """The diagnostics no suppression matches, and how many were suppressed."""
    if not suppressions:
        return diagnostics, 0
    kept = [d for d in diagnostics if not any(s.matches(d) for s in suppressions)]
    return kept, len(diagnostics) - len(kept)


class Reporter:
    """Collects diagnostics for one page; parsing code calls it instead of raising."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def __call__(self, line: int, code: str, message: str) -> None:
        if code not in CODES:  # a programming error, not a page defect
            raise KeyError(code)
        self.items.append(Diagnostic(self.path, line, code, message))
