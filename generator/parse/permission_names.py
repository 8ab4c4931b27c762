"""Permission names that look like misspellings of other permission names.

Graph's permission names have a structure: dot-separated segments (``Resource.Action`` or
``Resource.Action.Scope``), each a run of capitalised words. A misspelling keeps most of
it, so a name is taken for a typo of a known one by structure alone, never by what the
words mean in some language:

- the same letters with other letter case (``IdentityUserflow`` / ``IdentityUserFlow``);
- the same letters cut into other segments (``Group.Read.WriteAll`` / ``Group.ReadWrite.All``);
- one segment apart, by one letter added, dropped, changed or two swapped (``Mail.Sned``);
- one segment apart by one word, where the odd name repeats a word (``WriteWrite``).

The page checks (``graphdoc lint``) compare each name with the names seen more often in
the same run; ``graphdoc permissions --granted`` with every name the model knows.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

# Standard OpenID Connect scopes, granted beside Graph permissions and named by no page.
OPENID_SCOPES = frozenset({"openid", "profile", "email", "offline_access"})
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[^A-Za-z0-9]+")


def words(segment: str) -> list[str]:
    return _WORD.findall(segment)


def _one_edit(first: str, second: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        diff = [i for i in range(len(first)) if first[i] != second[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and first[diff[0]] == second[diff[1]]
            and first[diff[1]] == second[diff[0]]
        )
    short, long = sorted((first, second), key=len)
    index = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[index:] == long[index + 1 :]


def typo_of(name: str, known: str) -> bool:
    """``name`` looks like a misspelling of ``known`` (see the module's docstring)."""
    if name == known:
        return False
    if name.lower() == known.lower():
        return True
    if name.replace(".", "") == known.replace(".", ""):
        return True
    mine, theirs = name.split("."), known.split(".")
    if len(mine) != len(theirs):
        return False
    differ = [i for i in range(len(mine)) if mine[i] != theirs[i]]
    if len(differ) != 1:
        return False
    odd, good = mine[differ[0]], theirs[differ[0]]
    if min(len(odd), len(good)) >= 4 and _one_edit(odd, good):
        return True
    odd_words, good_words = words(odd), words(good)
    return (
        len(odd_words) == len(good_words) > 1
        and len(set(odd_words)) < len(odd_words)
        and sum(a != b for a, b in zip(odd_words, good_words)) == 1
    )


def suggestion(name: str, known: Iterable[str]) -> str | None:
    """The known name ``name`` most likely misspells, if one is close."""
    names = sorted(set(known))
    typos = [other for other in names if typo_of(name, other)]
    if typos:
        return typos[0]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.85)
    return close[0] if close else None


def suspects(counts: dict[str, int]) -> dict[str, str]:
    """Names that look like typos of a name seen more often: name → that name."""
    by_length: dict[int, list[str]] = {}
    for name in counts:
        by_length.setdefault(len(name.replace(".", "")), []).append(name)
    found: dict[str, str] = {}
    for name in sorted(counts):
        size = len(name.replace(".", ""))
        candidates = [
            other
            for length in (size - 1, size, size + 1)
            for other in by_length.get(length, [])
            if counts[other] > counts[name]
        ]
        for other in sorted(candidates, key=lambda o: (-counts[o], o)):
            if typo_of(name, other):
                found[name] = other
                break
    return found
