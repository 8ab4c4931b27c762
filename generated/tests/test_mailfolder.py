"""Replay tests of the mailfolder group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "mailfolder.json").read_text(encoding="utf-8")
)


def test_get__get_user_inbox_folder(replay):
    """Replays example 'get_user_inbox_folder' (api/mailfolder-get.md, line 41)."""
    example = EXAMPLES["test_get__get_user_inbox_folder"]
    replay(
        lambda client: client.mailfolder.get("inbox", user_id="priya.raman@contoso.com"),
        example,
        method="GET",
        path="/users/priya.raman@contoso.com/mailFolders/inbox",
        query=[],
    )
