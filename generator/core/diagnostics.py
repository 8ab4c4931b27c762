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

from .bounded import CONFIG_LIMIT, read_bounded
from .errors import FileTooLarge

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Code:
    code: str
    slug: str
    severity: Severity
    summary: str


_REGISTRY: list[Code] = []


def _code(code: str, slug: str, severity: Severity, summary: str) -> str:
    """Declare a code: its registry entry, and the constant (its value) that the code
    emitting it names, so that a misspelt code is a NameError and a mypy error."""
    _REGISTRY.append(Code(code, slug, severity, summary))
    return code


# reading
PAGE_UNREADABLE = _code(
    "GD001", "page-unreadable", "error", "The file cannot be read or is not UTF-8 text."
)
FRONT_MATTER_INVALID = _code(
    "GD002", "front-matter-invalid", "warning", "The YAML front matter does not parse."
)
FILE_TOO_LARGE = _code(
    "GD003",
    "file-too-large",
    "error",
    "A page or an include is larger than 4 MiB; it was not read.",
)
PAGE_OUTSIDE_INPUT = _code(
    "GD004",
    "page-outside-input",
    "error",
    "The page is a link leading out of the input folder, or not a regular file; it was not read.",
)
PAGE_FAILED = _code(
    "GD005",
    "page-failed",
    "error",
    "Reading the page raised an unexpected error (a graphdoc bug the page found); the page was skipped and the build went on.",
)
MODEL_FILE_INVALID = _code(
    "GD009",
    "model-file-invalid",
    "error",
    "A file of the model (a YAML spec) is unreadable, not strict YAML, or breaks the model's schema or naming rules; it was left out.",
)
# page structure
TITLE_MISSING = _code("GD010", "title-missing", "warning", "The page has no H1 title.")
HTTP_REQUEST_MISSING = _code(
    "GD011",
    "http-request-missing",
    "error",
    "No HTTP request section or `METHOD path` line: no operation.",
)
METHODS_MIXED = _code(
    "GD012",
    "methods-mixed",
    "warning",
    "The path lines use several HTTP methods; the first is used.",
)
PATH_LINE_INVALID = _code(
    "GD013",
    "path-line-invalid",
    "warning",
    "A line of the HTTP request block is not a `METHOD path` line.",
)
PLACEHOLDER_UNBALANCED = _code(
    "GD014",
    "placeholder-unbalanced",
    "warning",
    "A path template has unbalanced `{}`; it was repaired.",
)
VARIANT_DUPLICATE = _code(
    "GD015", "variant-duplicate", "info", "A path variant repeats an earlier one and was dropped."
)
TEMPLATE_CONCRETE_ID = _code(
    "GD016",
    "template-concrete-id",
    "warning",
    "A path template holds an example id; it was read as a placeholder.",
)
# permissions
PERMISSIONS_MISSING = _code(
    "GD020", "permissions-missing", "warning", "No permissions table or include was found."
)
PERMISSIONS_ROW_UNRECOGNISED = _code(
    "GD021",
    "permissions-row-unrecognised",
    "warning",
    "A permissions table row has no known permission type.",
)
PERMISSIONS_INCLUDE_MISSING = _code(
    "GD022",
    "permissions-include-missing",
    "error",
    "A permissions include file does not exist in the docs tree (or is not a regular file).",
)
PERMISSIONS_INCOMPLETE = _code(
    "GD023",
    "permissions-incomplete",
    "warning",
    "The permissions table lacks one of the three permission types.",
)
PERMISSIONS_ROW_KIND_BY_POSITION = _code(
    "GD024",
    "permissions-row-kind-by-position",
    "info",
    "A permissions row's type label is not understood; its type was taken from its position (delegated work or school, delegated personal, application).",
)
PERMISSIONS_TABLE_MALFORMED = _code(
    "GD025",
    "permissions-table-malformed",
    "warning",
    "A permissions table is not a well-formed Markdown table (e.g. its delimiter row has another number of cells); it was read row by row.",
)
PERMISSIONS_DIRECTION_INFERRED = _code(
    "GD026",
    "permissions-direction-inferred",
    "info",
    "The permissions header's order (least or most privileged first) is not understood; it was inferred from the permission names.",
)
PERMISSIONS_CONNECTOR_AMBIGUOUS = _code(
    "GD027",
    "permissions-connector-ambiguous",
    "warning",
    'A word between two permission names is not known as "and" or "or"; both were read as needed together.',
)
PERMISSIONS_DIRECTION_CONTRADICTED = _code(
    "GD028",
    "permissions-direction-contradicted",
    "warning",
    "The permission names are ordered against the direction the header states; the header was followed.",
)
PERMISSIONS_ROW_ORDER_UNUSUAL = _code(
    "GD029",
    "permissions-row-order-unusual",
    "warning",
    "A permissions row's type label disagrees with its position; the label was followed.",
)
# annotations
ANNOTATION_REPAIRED = _code(
    "GD030",
    "annotation-repaired",
    "info",
    "An annotation comment is not strict JSON; it was repaired.",
)
ANNOTATION_UNPARSEABLE = _code(
    "GD031",
    "annotation-unparseable",
    "warning",
    "An annotation comment is not JSON and could not be repaired.",
)
EXAMPLE_PATH_SPELLING = _code(
    "GD038",
    "example-path-spelling",
    "info",
    "An example path spells a documented path differently (letter case, key in parentheses).",
)
# examples
EXAMPLE_WITHOUT_RESPONSE = _code(
    "GD040", "example-without-response", "warning", "An example request has no response."
)
RESPONSE_WITHOUT_REQUEST = _code(
    "GD041", "response-without-request", "warning", "An example response follows no request."
)
EXAMPLE_NAME_DUPLICATE = _code(
    "GD042",
    "example-name-duplicate",
    "warning",
    "Two example requests share a name; the later one was renamed.",
)
STATUS_MISMATCH = _code(
    "GD043",
    "status-mismatch",
    "warning",
    "The example response status differs from the status in the Response prose.",
)
EXAMPLE_URL_UNMATCHED = _code(
    "GD044",
    "example-url-unmatched",
    "warning",
    "The example URL matches no documented path variant.",
)
EXAMPLE_BODY_NOT_JSON = _code(
    "GD045",
    "example-body-not-json",
    "warning",
    "An example body says JSON but does not parse, even leniently.",
)
EXAMPLE_NOT_REPLAYED = _code(
    "GD046", "example-not-replayed", "info", "An example gets no replay test; the message says why."
)
EXAMPLE_METHOD_MISMATCH = _code(
    "GD047",
    "example-method-mismatch",
    "warning",
    "The example request uses another HTTP method than the page.",
)
STATUS_UNDOCUMENTED = _code(
    "GD048", "status-undocumented", "info", "The Response prose states no status code."
)
# naming
EXAMPLE_PATH_DERIVED = _code(
    "GD049",
    "example-path-derived",
    "warning",
    "An example uses an undocumented form of a documented path; it was added as a variant.",
)
NAME_COLLISION = _code(
    "GD050",
    "name-collision",
    "warning",
    "Two operations map to the same client method; one was renamed.",
)
NAME_ADJUSTED = _code(
    "GD051",
    "name-adjusted",
    "info",
    "A name was a Python keyword or not an identifier; it was adjusted.",
)
# types (resource pages) and the examples checked against them
TYPE_MISSING = _code(
    "GD070",
    "type-missing",
    "info",
    "A resource page (or a table of it) gives no type: no property table, enum table or resource annotation, or an enum table with no name above it.",
)
TYPE_UNRESOLVED = _code(
    "GD071",
    "type-unresolved",
    "warning",
    "A property's type is neither a known primitive (in any language known) nor a type of the run; it is left unknown.",
)
TYPE_REPRESENTATION_MISMATCH = _code(
    "GD072",
    "type-representation-mismatch",
    "warning",
    "A resource's property tables and its JSON representation disagree (a property in one only, or another kind of value).",
)
TYPE_CELL_UNCLEAR = _code(
    "GD073",
    "type-cell-unclear",
    "warning",
    "A property table row's type cell names no type, or a property table is neither the properties nor the relationships.",
)
TYPE_DUPLICATE = _code(
    "GD074",
    "type-duplicate",
    "info",
    "Two resource pages document a type of the same name; their properties are merged, the first page's (in path order) first.",
)
EXAMPLE_PROPERTY_UNKNOWN = _code(
    "GD075",
    "example-property-unknown",
    "warning",
    "An example response shows a property its documented type (or a type derived from it) does not have, and the type is not open.",
)
EXAMPLE_VALUE_KIND = _code(
    "GD076",
    "example-value-kind",
    "warning",
    "An example response value is another JSON kind (string, number, boolean, object, array) than its documented type.",
)
EXAMPLE_COLLECTION_MISMATCH = _code(
    "GD077",
    "example-collection-mismatch",
    "warning",
    "An example response is a collection where the documentation says one object, or the reverse.",
)
# types read by structure (GD100-GD109)
ENUM_MEMBERS_UNTRUSTED = _code(
    "GD100",
    "enum-members-untrusted",
    "warning",
    "An enum's members on the page cannot be trusted as the values Graph sends (translated words, accents, spaces, mixed case, or not the values the JSON representation or examples use); the enum is typed `str`.",
)
PROPERTY_NAME_FROM_JSON = _code(
    "GD101",
    "property-name-from-json",
    "warning",
    "A property table row's name is not a key of the JSON representation, but aligns with one by position or link; the JSON's name is kept.",
)
PROPERTY_ROW_MALFORMED = _code(
    "GD102",
    "property-row-malformed",
    "warning",
    "A row of a property table has no name or no type where a name and a type belong; that row is skipped, the rest of the table is read.",
)
PROPERTY_FROM_JSON = _code(
    "GD103",
    "property-from-json",
    "info",
    "A property shown only by the JSON representation (no table row documents it); its type is read from the JSON value.",
)
TYPE_HOME_CONFLICT = _code(
    "GD104",
    "type-home-conflict",
    "info",
    "A type documented by several pages: its home page (the one whose annotation or file name names it) gives its description, base type and key; another page said otherwise.",
)
BASE_TYPE_CYCLE = _code(
    "GD105",
    "base-type-cycle",
    "warning",
    "A type's base types form a cycle; the base type that closes it is dropped.",
)
PROPERTY_NAME_COLLISION = _code(
    "GD106",
    "property-name-collision",
    "warning",
    "Two properties of a type have names that are equal after NFKC normalisation (`ﬁle`/`file`); the later one is dropped.",
)
# the docs against Microsoft's metadata (graphdoc drift, GD110-GD119)
DRIFT_TYPE_UNKNOWN = _code(
    "GD110", "drift-type-unknown", "info", "A documented type is not in Microsoft's metadata."
)
DRIFT_PROPERTY_UNKNOWN = _code(
    "GD111",
    "drift-property-unknown",
    "info",
    "A documented property is not in Microsoft's metadata for its type (or its base types).",
)
DRIFT_PROPERTY_TYPE = _code(
    "GD112",
    "drift-property-type",
    "warning",
    "A property's Python type from the docs (primitive, collection or type) differs from Microsoft's metadata.",
)
DRIFT_BASE_TYPE = _code(
    "GD113",
    "drift-base-type",
    "warning",
    "A type's documented base type differs from Microsoft's metadata.",
)
DRIFT_ENUM_MEMBER = _code(
    "GD114",
    "drift-enum-member",
    "warning",
    "A documented enum member is not in Microsoft's metadata.",
)
DRIFT_PERMISSION_UNKNOWN = _code(
    "GD115",
    "drift-permission-unknown",
    "warning",
    "A permission name on a page is not in Microsoft's permissions map.",
)
DRIFT_LEAST_PRIVILEGED = _code(
    "GD116",
    "drift-least-privileged",
    "info",
    "The least-privileged permission a page names for a path and method is not the one Microsoft's permissions map marks.",
)
# documentation patterns behind wrong URLs and statuses
HTTP_REQUEST_UNHEADED = _code(
    "GD007",
    "http-request-unheaded",
    "info",
    "The `METHOD path` block stands under no HTTP request heading; it was found by its shape.",
)
PATH_USERS_ME = _code(
    "GD017",
    "path-users-me",
    "warning",
    "A path template addresses `/users/me/...`; it was read as `/me/...`.",
)
PLACEHOLDER_ALTERNATIVE_OUTSIDE = _code(
    "GD018",
    "placeholder-alternative-outside",
    "warning",
    "A path template writes an alternative outside the braces (`{id} | name`); read as one placeholder.",
)
PATH_ELLIPSIS = _code(
    "GD019",
    "path-ellipsis",
    "warning",
    "A path template holds a `...` segment (nested folders); it was read as one level.",
)
STATUS_NOT_SUCCESS = _code(
    "GD039",
    "status-not-success",
    "warning",
    "The Response prose names an error status before any 2xx; the success status is the first 2xx.",
)
# overrides
OVERRIDE_APPLIED = _code(
    "GD060", "override-applied", "info", "An override changed an operation after parsing."
)
OVERRIDE_INVALID = _code(
    "GD061", "override-invalid", "warning", "An override entry is malformed or names nothing read."
)
# examples of other pages
EXAMPLE_OF_OTHER_OPERATION = _code(
    "GD062",
    "example-of-other-operation",
    "info",
    "An example calls an operation another page documents; it is replayed against that one.",
)
OPERATION_FROM_EXAMPLE = _code(
    "GD063",
    "operation-from-example",
    "info",
    "An example shows a second call of its page (another method, another path, written as a template) that no page documents; it becomes an operation of its own.",
)
EXAMPLE_BODY_REPAIRED = _code(
    "GD064",
    "example-body-repaired",
    "info",
    "An example body is almost JSON (trailing comma, typographic quotes, an elision, an unquoted key or placeholder value); it is read after repairs.",
)

# typing the generated client
BODY_EXAMPLE_CONTRADICTS = _code(
    "GD090",
    "body-example-contradicts",
    "warning",
    "An example request body disagrees with the body type its page documents (a key the type does not declare, a value of another type, a null); the type is kept and the example is the defect.",
)
BODY_UNTYPED = _code(
    "GD091",
    "body-untyped",
    "info",
    "A JSON request body gets no type (`Mapping[str, Any]`): the page has no request body table and its prose names no resource of the run; the message says which.",
)
# permissions
PERMISSION_NAME_TYPO = _code(
    "GD120",
    "permission-name-typo",
    "warning",
    "A permission name looks like a misspelling of a name the other pages of the run use more often (other letter case, other cut into segments, one letter or one repeated word apart).",
)

CODES: dict[str, Code] = {code.code: code for code in _REGISTRY}
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

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a programming error, not a page defect
            raise ValueError(f"unknown diagnostic code {self.code!r}: declare it with _code()")

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
        entries = yaml.safe_load(read_bounded(path, CONFIG_LIMIT).decode("utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError, FileTooLarge) as error:
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
