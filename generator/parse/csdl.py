"""Microsoft's published metadata (CSDL ``$metadata``) and permissions map, read to check
the docs against them — never to generate from: graphdoc is driven by the pages.

Both files are untrusted input like any other: read bounded (a regular file, a size cap,
``.xz`` decompressed up to the same cap), parsed without entities or network, and a file
that does not parse is an :class:`~generator.core.errors.InputError` the command reports.
"""

from __future__ import annotations

import json
import lzma
import os
import stat
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import InputError

# Microsoft's v1.0 CSDL is 3.5 MB and its permissions map about 4 MB: a cap well above
# both, and far below what a decompression bomb would reach.
MAX_METADATA_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class CsdlProperty:
    name: str
    type: str  # the element type: ``Edm.String``, ``microsoft.graph.recipient``
    collection: bool
    navigation: bool


@dataclass(frozen=True)
class CsdlType:
    """An ``EntityType``, ``ComplexType`` or ``EnumType`` of the metadata."""

    name: str
    namespace: str
    kind: str  # entity, complex, enum
    base_type: str = ""
    properties: dict[str, CsdlProperty] = field(default_factory=dict)
    members: tuple[str, ...] = ()

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}"


@dataclass(frozen=True)
class Metadata:
    types: dict[str, CsdlType]  # by lower-case qualified name


def read_bounded(path: str, limit: int = MAX_METADATA_BYTES) -> bytes:
    """A regular file's bytes (``.xz`` decompressed), refusing more than ``limit``."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from error
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as stream:
            raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise InputError(f"{path}: larger than {limit // (1024 * 1024)} MiB; not read")
        if path.endswith(".xz"):
            decompressor = lzma.LZMADecompressor()
            raw = decompressor.decompress(raw, max_length=limit + 1)
            if len(raw) > limit or not decompressor.eof:
                raise InputError(f"{path}: decompressed, larger than {limit // (1024 * 1024)} MiB")
    except (OSError, lzma.LZMAError) as error:
        raise InputError(f"{path}: cannot read: {error}") from error
    return raw


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _type_name(text: str) -> tuple[str, bool]:
    text = text.strip()
    if text.startswith("Collection(") and text.endswith(")"):
        return text[11:-1].strip(), True
    return text, False


def parse_csdl(data: bytes, path: str = "metadata") -> Metadata:
    """The entity, complex and enum types of a CSDL document."""
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        raise InputError(f"{path}: a document type declaration; not read")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise InputError(f"{path}: not XML: {error}") from error
    types: dict[str, CsdlType] = {}
    for schema in root.iter():
        if _local(schema.tag) != "Schema":
            continue
        namespace = schema.get("Namespace") or ""
        alias = schema.get("Alias") or ""
        for node in schema:
            tag = _local(node.tag)
            kind = {"EntityType": "entity", "ComplexType": "complex", "EnumType": "enum"}.get(tag)
            name = node.get("Name") or ""
            if kind is None or not name:
                continue
            base = node.get("BaseType") or ""
            if alias and base.startswith(alias + "."):
                base = namespace + base[len(alias) :]
            props: dict[str, CsdlProperty] = {}
            members: list[str] = []
            for child in node:
                child_tag = _local(child.tag)
                if child_tag in ("Property", "NavigationProperty") and child.get("Name"):
                    element, collection = _type_name(child.get("Type") or "")
                    if alias and element.startswith(alias + "."):
                        element = namespace + element[len(alias) :]
                    props[child.get("Name") or ""] = CsdlProperty(
                        child.get("Name") or "",
                        element,
                        collection,
                        child_tag == "NavigationProperty",
                    )
                elif child_tag == "Member" and child.get("Name"):
                    members.append(child.get("Name") or "")
            item = CsdlType(name, namespace, kind, base, props, tuple(members))
            types[item.qualified_name.lower()] = item
    if not types:
        raise InputError(f"{path}: no entity, complex or enum type; not a CSDL document")
    return Metadata(types)


def read_csdl(path: str) -> Metadata:
    return parse_csdl(read_bounded(path), path)


@dataclass(frozen=True)
class PermissionMap:
    """Microsoft's permissions map: the permission names it knows, and per (method, path)
    the least-privileged permission of each kind."""

    names: frozenset[str]  # as the map spells them, placeholders left out (see below)
    folded: dict[str, str]  # lower case → the map's spelling
    least: dict[tuple[str, str], dict[str, frozenset[str]]]  # (METHOD, /path) → kind → names


def _path_key(path: str) -> str:
    """A path as both sides can compare it: lower case, ``{…}`` segments alike."""
    parts = []
    for segment in path.strip().strip("/").lower().split("/"):
        if "{" in segment or segment.startswith("("):
            segment = "{}" if segment.startswith("{") and segment.endswith("}") else segment
            segment = "".join("{}" if part.startswith("{") else part for part in _braces(segment))
        parts.append(segment)
    return "/" + "/".join(parts)


def _braces(segment: str) -> list[str]:
    out: list[str] = []
    current = ""
    depth = 0
    for char in segment:
        if char == "{":
            if depth == 0 and current:
                out.append(current)
                current = ""
            depth += 1
        current += char
        if char == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append(current)
                current = ""
    if current:
        out.append(current)
    return out


def path_key(path: str) -> str:
    return _path_key(path)


# Resource-specific consent permissions (``ChannelMessage.Read.Group``) carry no display
# names in the map; any other entry without one is a placeholder the map holds for a name
# the docs use (``EduRoster.WriteWrite.All``), not a permission anyone can be granted.
_RESOURCE_SPECIFIC = frozenset({"Group", "Chat", "User", "Team"})


def _described(entry: dict[str, Any]) -> bool:
    schemes = entry.get("schemes")
    if not isinstance(schemes, dict):
        return False
    return any(
        isinstance(scheme, dict)
        and (scheme.get("adminDisplayName") or scheme.get("userDisplayName"))
        for scheme in schemes.values()
    )


def parse_permissions(data: bytes, path: str = "permissions") -> PermissionMap:
    try:
        document: Any = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise InputError(f"{path}: not JSON: {error}") from error
    permissions = document.get("permissions") if isinstance(document, dict) else None
    if not isinstance(permissions, dict):
        raise InputError(f'{path}: no "permissions" object; not a permissions map')
    least: dict[tuple[str, str], dict[str, set[str]]] = {}
    known: set[str] = set()
    for name, entry in permissions.items():
        if not isinstance(entry, dict):
            continue
        if _described(entry) or str(name).rsplit(".", 1)[-1] in _RESOURCE_SPECIFIC:
            known.add(str(name))
        for path_set in entry.get("pathSets") or ():
            if not isinstance(path_set, dict):
                continue
            methods = [m for m in path_set.get("methods") or () if isinstance(m, str)]
            kinds = [k for k in path_set.get("schemeKeys") or () if isinstance(k, str)]
            paths = path_set.get("paths") or {}
            if not isinstance(paths, dict):
                continue
            for url, marker in paths.items():
                if not isinstance(url, str) or "least=" not in str(marker):
                    continue
                marked = str(marker).split("least=", 1)[1].split(";")[0].split(",")
                for method in methods:
                    slot = least.setdefault((method.upper(), _path_key(url)), {})
                    for kind in kinds:
                        if kind in marked:
                            slot.setdefault(kind, set()).add(str(name))
    return PermissionMap(
        frozenset(known),
        {name.lower(): name for name in known},
        {key: {k: frozenset(v) for k, v in kinds.items()} for key, kinds in least.items()},
    )


def read_permissions(path: str) -> PermissionMap:
    return parse_permissions(read_bounded(path), path)
