"""Replay tests of the profilephoto group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "profilephoto.json").read_text(encoding="utf-8")
)


def test_get__download_my_profile_photo(replay):
    """Replays example 'download_my_profile_photo' (api/profilephoto-get.md, line 53)."""
    example = EXAMPLES["test_get__download_my_profile_photo"]
    replay(
        lambda client: client.profilephoto.get(),
        example,
        method="GET",
        path="/me/photo/$value",
        query=[],
    )
