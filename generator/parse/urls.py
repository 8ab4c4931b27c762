"""Example URLs against path templates: the one place that says whether a URL calls a path.

Parsing uses it to derive the path forms a page's examples use (:mod:`.derive`,
:mod:`.secondary`), planning uses it to turn each example into a replay case
(:mod:`.replay`), and the incremental layer uses its prefilter to load only the
operations an example could call. Graph paths are matched case-insensitively as a
second pass, OData key syntax (``messages('x')``) as segments, and hosts other than
Graph's are told apart so that upload and callback URLs are never replayed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

from ..core.model import Example, Operation, PathVariant
from .paths import split_query, strip_base

IndexKey = tuple[str, str]  # HTTP method, first path segment: where a stray example may go


class UrlMatch(NamedTuple):
    """How an example URL instantiates a variant: its arguments by parameter name (path
    and query placeholders) and the URL's query pairs, in order."""

    variant: PathVariant
    args: dict[str, str]
    query: list[tuple[str, str]]


GRAPH_HOSTS = frozenset(
    {
        "graph.microsoft.com",
        "graph.microsoft.us",
        "dod-graph.microsoft.us",
        "microsoftgraph.chinacloudapi.cn",
        "graph.microsoft.de",
    }
)
# ``messages('x')``, ``charts(<name>)``: a key in parentheses, OData's spelling of ``/x``.
_KEY_IN_PARENS = re.compile(r"/([A-Za-z]\w*)\((?:'([^'/]*)'|([^'/=,()]+))\)(?=/|$)")


def _keys_as_segments(path: str) -> str:
    return _KEY_IN_PARENS.sub(lambda m: f"/{m.group(1)}/{m.group(2) or m.group(3) or ''}", path)


def written_path(url: str) -> str:
    """The example's path, decoded, with OData key syntax spelled as segments."""
    path = unquote(split_query(strip_base(url))[0])
    return _keys_as_segments(path.rstrip("/") if len(path) > 1 else path)


def url_host(url: str) -> str | None:
    """The host of an absolute URL; ``None`` for a relative one. A host no URL parser
    accepts (``https://gra[ph…``) is kept as written, so it matches no Graph host."""
    if "://" not in url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return url.split("://", 1)[1].split("/", 1)[0]


@lru_cache(maxsize=4096)
def on_graph_host(url: str) -> bool:
    """Relative example URLs and the Graph hosts of every cloud; not upload or callback URLs."""
    host = url_host(url)
    return host is None or host.lower() in GRAPH_HOSTS


def path_pattern(variant: PathVariant, flags: int = 0) -> re.Pattern[str]:
    """The regular expression of a variant's path; compiled once per build for each."""
    styles = tuple((param.name, param.style) for param in variant.params)
    return _pattern(variant.path, styles, flags)


@lru_cache(maxsize=None)
def _pattern(path: str, style_pairs: tuple[tuple[str, str], ...], flags: int) -> re.Pattern[str]:
    styles = dict(style_pairs)
    pieces: list[str] = []
    last = 0
    for match in re.finditer(r"\{(\w+)\}", path):
        pieces.append(re.escape(path[last : match.start()]))
        style = styles.get(match.group(1), "segment")
        group = {"path": "([^:]+?)", "function": "([^']*?)", "argument": "([^,)/]*?)"}.get(
            style, "([^/]+?)"
        )
        pieces.append(f"(?P<{match.group(1)}>{group[1:-1]})")
        last = match.end()
    pieces.append(re.escape(path[last:]))
    return re.compile("^" + "".join(pieces) + "$", flags)


@lru_cache(maxsize=None)
def _ends(path: str) -> tuple[str, str]:
    """The literal text before a template's first placeholder and after its last, lowered."""
    lowered = path.lower()
    if "{" not in lowered:
        return lowered, ""
    return lowered[: lowered.index("{")], lowered[lowered.rindex("}") + 1 :]


def _could_match(path: str, lowered: tuple[str, ...]) -> bool:
    """A cheap necessary condition for :func:`path_pattern` to match, checked before
    compiling it: an example is tried against hundreds of templates of other pages."""
    head, tail = _ends(path)
    return any(text.startswith(head) and text.endswith(tail) for text in lowered)


def _match_query(variant: PathVariant, pairs: list[tuple[str, str]]) -> dict[str, str] | None:
    """Values of the variant's query placeholders in the example's query, or None if absent."""
    found: dict[str, str] = {}
    available = {key.lower(): value for key, value in pairs}  # keys are case-insensitive too
    for key, template in parse_qsl(variant.query, keep_blank_values=True):
        key = key.lower()
        if key not in available:
            return None
        if not re.search(r"\{(\w+)\}", template):
            continue  # a fixed value; an option of the call may override it
        regex = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(template)) + "$"
        match = re.match(regex, available[key])
        if not match:
            return None
        found.update(match.groupdict())
    return found


@lru_cache(maxsize=4096)
def _spellings(
    url: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The forms of an example URL's path that :func:`match_url` tries, lowered copies of
    them for its prefilter, and the query pairs. Worked out once per URL: an example that
    calls another page's operation is tried against dozens of them."""
    path, query = split_query(strip_base(url))
    if len(path) > 1:
        path = path.rstrip("/")
    written = unquote(path)
    spellings = (written, _keys_as_segments(written))  # messages('x') is messages/x
    raw = (path, _keys_as_segments(path)) if written != path else ()
    # an id holding an escaped slash (activities/%2Farticle%3F1) is one segment, decoded after
    lowered = tuple(spelling.lower() for spelling in spellings + raw)
    return spellings, raw, lowered, tuple(parse_qsl(query, keep_blank_values=True))


def match_url(operation: Operation, url: str) -> UrlMatch | None:
    """The variant of ``operation`` an example URL instantiates, or None."""
    spellings, raw, lowered, query_pairs = _spellings(url)
    pairs = list(query_pairs)
    variants = [v for v in operation.variants if _could_match(v.path, lowered)]
    # Graph paths are case-insensitive: a second pass forgives an example's letter case.
    attempts = ((v, path_pattern(v, flags)) for flags in (0, re.I) for v in variants)
    for variant, pattern in attempts:  # lazily: most examples match before the second pass
        match = pattern.match(spellings[0]) or pattern.match(spellings[1])
        decode = False
        if not match and raw:
            match = pattern.match(raw[0]) or pattern.match(raw[1])
            decode = True
        if not match:
            continue
        query_args = _match_query(variant, pairs)
        if query_args is None:
            continue
        styles = {param.name: param.style for param in variant.params}
        found = {name: unquote(v) if decode else v for name, v in match.groupdict().items()}
        args = {
            name: value.replace("''", "'") if styles.get(name) == "function" else value
            for name, value in found.items()
        }
        args.update(query_args)
        return UrlMatch(variant, args, pairs)
    return None


def first_segment(path: str) -> str:
    return path.lstrip("/").split("/", 1)[0].split("(", 1)[0].lower()


def index_keys(operation: Operation) -> list[tuple[str, str]]:
    """Where :func:`operation_index` files ``operation``: its method and first segments."""
    segments = dict.fromkeys(first_segment(v.path) for v in operation.variants)
    return [
        (operation.http_method, segment)
        for segment in segments
        if segment and not segment.startswith("{")
    ]


def stray_key(example: Example) -> tuple[str, str]:
    """The index entry an example calling another page's operation is looked up under."""
    return example.request.method, first_segment(written_path(example.request.url))


def could_match(url: str, paths: tuple[str, ...]) -> bool:
    """Whether ``url`` may instantiate one of these templates: the cheap necessary
    condition :func:`match_url` starts with, for callers that hold only the paths."""
    lowered = _spellings(url)[2]
    return any(_could_match(path, lowered) for path in paths)
