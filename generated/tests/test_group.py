"""Replay tests of the group group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "group.json").read_text(encoding="utf-8")
)


def test_delete_members__remove_user_from_group_members(replay):
    """Replays example 'remove_user_from_group_members' (api/group-delete-members.md, line 51)."""
    example = EXAMPLES["test_delete_members__remove_user_from_group_members"]
    replay(
        lambda client: client.group.delete_members(
            "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40", "a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57"
        ),
        example,
        method="DELETE",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40/members/a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57/$ref",
        query=[],
    )


def test_get__get_single_group(replay):
    """Replays example 'get_single_group' (api/group-get.md, line 50)."""
    example = EXAMPLES["test_get__get_single_group"]
    replay(
        lambda client: client.group.get("0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40"),
        example,
        method="GET",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
        query=[],
    )


def test_list__list_groups_select(replay):
    """Replays example 'list_groups_select' (api/group-list.md, line 61)."""
    example = EXAMPLES["test_list__list_groups_select"]
    replay(
        lambda client: client.group.list(
            select=["id", "displayName", "mailEnabled", "securityEnabled"]
        ),
        example,
        method="GET",
        path="/groups",
        query=[("$select", "id,displayName,mailEnabled,securityEnabled")],
    )


def test_list__list_groups_name_prefix(replay):
    """Replays example 'list_groups_name_prefix' (api/group-list.md, line 112)."""
    example = EXAMPLES["test_list__list_groups_name_prefix"]
    replay(
        lambda client: client.group.list(
            filter="startswith(displayName,'Light')", select=["id", "displayName", "groupTypes"]
        ),
        example,
        method="GET",
        path="/groups",
        query=[
            ("$filter", "startswith(displayName,'Light')"),
            ("$select", "id,displayName,groupTypes"),
        ],
    )


def test_list_members__list_group_direct_members(replay):
    """Replays example 'list_group_direct_members' (api/group-list-members.md, line 43)."""
    example = EXAMPLES["test_list_members__list_group_direct_members"]
    replay(
        lambda client: client.group.list_members(
            "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40", select=["id", "displayName", "mail"]
        ),
        example,
        method="GET",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40/members",
        query=[("$select", "id,displayName,mail")],
    )


def test_post_members__add_user_to_group_members(replay):
    """Replays example 'add_user_to_group_members' (api/group-post-members.md, line 59)."""
    example = EXAMPLES["test_post_members__add_user_to_group_members"]
    replay(
        lambda client: client.group.post_members(
            "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40", body=example["body"]
        ),
        example,
        method="POST",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40/members/$ref",
        query=[],
    )
