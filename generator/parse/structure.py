"""A page's block structure: front matter, headings, sections, tables, fences, comments.

Sections are recognised by structure, never by localized wording: the English
``<a name="…">`` anchor that localized editions carry on every heading, else the English
heading text. SDK tab headings (``# [HTTP](#tab/http)``) are not headings at all here, so
they never end a section, anchored or not. markdown-it-py runs block-level only (the core ``inline`` rule
is off), which keeps inline text as raw Markdown and halves parse time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import yaml
from markdown_it import MarkdownIt

BlockKind = Literal["heading", "paragraph", "fence", "table", "html", "hr", "tab"]
SectionKind = Literal[
    "preamble",
    "permissions",
    "http_request",
    "query",
    "headers",
    "body",
    "response",
    "examples",
    "other",
]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when pyyaml has it
_ANCHOR = re.compile(
    r"""<a\s+(?:name|id)\s*=\s*["']([^"']*)["']\s*/?>(.*?)(?:</a>|$)""", re.I | re.S
)
_TAB_HEADING = re.compile(r"^\[[^\]]*\]\(#tab/[^)]*\)\s*$")
_SUFFIX_N = re.compile(r"[-\s]+\d+$")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    line: int  # 1-based first line
    end: int  # 1-based last line
    text: str = ""  # heading/paragraph text (raw Markdown), fence content, html content
    level: int = 0  # heading level
    info: str = ""  # fence info string, stripped
    anchor: str = ""  # heading anchor
    depth: int = 0  # nesting depth (0 = top level)
    rows: tuple[tuple[str, ...], ...] = ()  # table rows, header first


@dataclass
class Section:
    kind: SectionKind
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def line(self) -> int:
        if self.heading is not None:
            return self.heading.line
        return self.blocks[0].line if self.blocks else 1


@dataclass(frozen=True)
class Page:
    path: str
    text: str
    front_matter: dict[str, object]
    blocks: tuple[Block, ...]


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.disable(["inline", "text_join"])
    return md


def split_front_matter(text: str) -> tuple[str, str | None, int]:
    """Return the body with front matter blanked (line numbers kept), the raw front matter, its line."""
    if not text.startswith("---"):
        return text, None, 0
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return text, None, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            raw = "\n".join(lines[1:index])
            body = "\n" * (index + 1) + "\n".join(lines[index + 1 :])
            return body, raw, 1
    return text, None, 0


def read_front_matter(raw: str) -> dict[str, object] | None:
    """Parse front matter; ``None`` when it is not YAML (callers fall back to key: value lines)."""
    try:
        data = yaml.load(raw, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else {}


def loose_front_matter(raw: str) -> dict[str, object]:
    """``key: value`` lines, for front matter that is not valid YAML (e.g. an unquoted colon)."""
    result: dict[str, object] = {}
    for line in raw.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            result[key.strip()] = value.strip().strip("\"'")
    return result


def heading_anchor(text: str) -> tuple[str, str]:
    """Split ``<a name="x"></a>Text`` into (anchor, text)."""
    match = _ANCHOR.search(text)
    if not match:
        return "", text.strip()
    anchor = match.group(1).strip()
    rest = (text[: match.start()] + match.group(2) + text[match.end() :]).replace("</a>", "")
    return anchor, rest.strip()


def blocks_of(body: str) -> list[Block]:
    tokens = _markdown().parse(body)
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start, end = token.map or (0, 0)
        line, last = start + 1, max(start + 1, end)
        if token.type == "heading_open" and token.markup == "-":
            # "text\n---": real pages close tab groups with ``---`` and have no setext headings,
            # so this is a paragraph followed by a rule, not a heading.
            blocks.append(
                Block("paragraph", line, last - 1, tokens[index + 1].content, depth=token.level)
            )
            blocks.append(Block("hr", last, last, depth=token.level))
            index += 3
            continue
        if token.type == "heading_open":
            raw = tokens[index + 1].content
            anchor, text = heading_anchor(raw)
            # localized editions anchor tab headings too: ``# <a name="http"></a>[HTTP](#tab/http)``
            if token.tag == "h1" and _TAB_HEADING.match(text):
                blocks.append(Block("tab", line, last, text, depth=token.level))
            else:
                blocks.append(
                    Block(
                        "heading",
                        line,
                        last,
                        text,
                        int(token.tag[1]),
                        anchor=anchor,
                        depth=token.level,
                    )
                )
            index += 3
            continue
        if token.type == "paragraph_open":
            blocks.append(
                Block("paragraph", line, last, tokens[index + 1].content, depth=token.level)
            )
            index += 3
            continue
        if token.type in ("fence", "code_block"):
            blocks.append(
                Block(
                    "fence", line, last, token.content, info=token.info.strip(), depth=token.level
                )
            )
        elif token.type == "html_block":
            blocks.append(Block("html", line, last, token.content, depth=token.level))
        elif token.type == "hr":
            blocks.append(Block("hr", line, last, depth=token.level))
        elif token.type == "table_open":
            rows: list[tuple[str, ...]] = []
            cells: list[str] = []
            index += 1
            while index < len(tokens) and tokens[index].type != "table_close":
                inner = tokens[index]
                if inner.type == "tr_open":
                    cells = []
                elif inner.type == "inline":
                    cells.append(inner.content.strip())
                elif inner.type == "tr_close":
                    rows.append(tuple(cells))
                index += 1
            blocks.append(Block("table", line, last, rows=tuple(rows), depth=token.level))
        index += 1
    return blocks


def load_page(path: str, text: str) -> tuple[Page, str | None, int]:
    """Parse a page's blocks; also return the raw front matter (for diagnostics) and its line."""
    body, raw, fm_line = split_front_matter(text)
    front: dict[str, object] = {}
    if raw is not None:
        front = read_front_matter(raw) or {}
    return Page(path, text, front, tuple(blocks_of(body))), raw, fm_line


def section_key(heading: Block) -> str:
    """The English key of a heading: its anchor (``-N`` stripped) else its text, lower-cased."""
    key = heading.anchor or heading.text
    key = key.replace("\xa0", " ").replace("-", " ").replace("_", " ").lower().strip()
    key = re.sub(r"[*`:]", "", key)
    return _SUFFIX_N.sub("", " ".join(key.split()))


def classify(key: str) -> SectionKind | Literal["request"] | None:
    """Map a heading key to a section kind; ``request`` is an example subsection."""
    if key in ("permissions", "permission", "prerequisites") or key.startswith("permissions "):
        return "permissions"
    if key.startswith("http request"):
        return "http_request"
    if key in (
        "optional query parameters",
        "query parameters",
        "function parameters",
        "path parameters",
        "parameters",
    ):
        return "query"
    if key in ("request headers", "optional request headers", "request header"):
        return "headers"
    if key == "request body":
        return "body"
    if key == "response" or key.startswith("response "):
        return "response"
    if key == "request" or key.startswith("request "):
        return "request"
    if key.startswith("example"):
        return "examples"
    return None


def sections_of(page: Page) -> list[Section]:
    """Split a page into sections (the title H1 and what precedes the first section: preamble)."""
    sections = [Section("preamble", None)]
    current = sections[0]
    examples_level = 0  # heading level of the open Examples section, 0 when none
    for block in page.blocks:
        if block.kind != "heading" or block.level == 1 and current.kind == "preamble":
            current.blocks.append(block)
            continue
        kind = classify(section_key(block))
        if examples_level and (block.level > examples_level or kind in ("request", "response")):
            current.blocks.append(block)  # example subsection: Request / Response / Example 2 ...
            continue
        if kind is None or kind == "request":
            if current.heading is not None and block.level > current.heading.level:
                current.blocks.append(block)  # a sub-heading inside a known section
                continue
            kind = "other"
        examples_level = block.level if kind == "examples" else 0
        current = Section(kind, block)
        sections.append(current)
    return sections
