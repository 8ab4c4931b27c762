"""Replay tests of the profilephoto group, one per documented example."""


def test_get__download_my_profile_photo(replay):
    """Replays example 'download_my_profile_photo' (api/profilephoto-get.md, line 53)."""
    result = replay(
        lambda client: client.profilephoto.get(),
        method="GET",
        path="/me/photo/$value",
        query=[],
        response={
            "status": 200,
            "content": b"(binary JPEG image data)",
            "headers": {"Content-Type": "image/jpeg"},
        },
    )
    assert result == b"(binary JPEG image data)"
