"""Replay tests of the contact group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "contact.json").read_text(encoding="utf-8")
)


def test_get__get_personal_contact(replay):
    """Replays example 'get_personal_contact' (api/contact-get.md, line 46)."""
    example = EXAMPLES["test_get__get_personal_contact"]
    replay(
        lambda client: client.contact.get(
            "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA="
        ),
        example,
        method="GET",
        path="/me/contacts/AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA=",
        query=[],
    )
