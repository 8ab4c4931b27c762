"""Replay tests of the group group, one per documented example."""


def test_delete_members__remove_user_from_group_members(replay):
    """Replays example 'remove_user_from_group_members' (api/group-delete-members.md, line 51)."""
    result = replay(
        lambda client: client.group.delete_members(
            "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40", "a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57"
        ),
        method="DELETE",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40/members/a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57/$ref",
        query=[],
        response={"status": 204},
    )
    assert result == None


def test_get__get_single_group(replay):
    """Replays example 'get_single_group' (api/group-get.md, line 50)."""
    result = replay(
        lambda client: client.group.get("0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40"),
        method="GET",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
        query=[],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups/$entity",
                "id": "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
                "displayName": "Lighthouse Project Team",
                "description": "Everyone working on the Lighthouse warehouse rollout.",
                "mail": "lighthouse@contoso.com",
                "mailNickname": "lighthouse",
                "mailEnabled": True,
                "securityEnabled": False,
                "groupTypes": ["Unified"],
                "visibility": "Private",
                "createdDateTime": "2023-11-06T15:22:40Z",
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups/$entity",
        "id": "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
        "displayName": "Lighthouse Project Team",
        "description": "Everyone working on the Lighthouse warehouse rollout.",
        "mail": "lighthouse@contoso.com",
        "mailNickname": "lighthouse",
        "mailEnabled": True,
        "securityEnabled": False,
        "groupTypes": ["Unified"],
        "visibility": "Private",
        "createdDateTime": "2023-11-06T15:22:40Z",
    }


def test_list__list_groups_select(replay):
    """Replays example 'list_groups_select' (api/group-list.md, line 61)."""
    result = replay(
        lambda client: client.group.list(
            select=["id", "displayName", "mailEnabled", "securityEnabled"]
        ),
        method="GET",
        path="/groups",
        query=[("$select", "id,displayName,mailEnabled,securityEnabled")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,mailEnabled,securityEnabled)",
                "value": [
                    {
                        "id": "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
                        "displayName": "Lighthouse Project Team",
                        "mailEnabled": True,
                        "securityEnabled": False,
                    },
                    {
                        "id": "9a3f6e12-d04b-47c8-a5e1-7b2c8d90f6a3",
                        "displayName": "Warehouse Badge Readers",
                        "mailEnabled": False,
                        "securityEnabled": True,
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,mailEnabled,securityEnabled)",
        "value": [
            {
                "id": "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
                "displayName": "Lighthouse Project Team",
                "mailEnabled": True,
                "securityEnabled": False,
            },
            {
                "id": "9a3f6e12-d04b-47c8-a5e1-7b2c8d90f6a3",
                "displayName": "Warehouse Badge Readers",
                "mailEnabled": False,
                "securityEnabled": True,
            },
        ],
    }


def test_list__list_groups_name_prefix(replay):
    """Replays example 'list_groups_name_prefix' (api/group-list.md, line 112)."""
    result = replay(
        lambda client: client.group.list(
            filter="startswith(displayName,'Light')", select=["id", "displayName", "groupTypes"]
        ),
        method="GET",
        path="/groups",
        query=[
            ("$filter", "startswith(displayName,'Light')"),
            ("$select", "id,displayName,groupTypes"),
        ],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,groupTypes)",
                "value": [
                    {
                        "id": "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
                        "displayName": "Lighthouse Project Team",
                        "groupTypes": ["Unified"],
                    }
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,groupTypes)",
        "value": [
            {
                "id": "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
                "displayName": "Lighthouse Project Team",
                "groupTypes": ["Unified"],
            }
        ],
    }


def test_list_members__list_group_direct_members(replay):
    """Replays example 'list_group_direct_members' (api/group-list-members.md, line 43)."""
    result = replay(
        lambda client: client.group.list_members(
            "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40", select=["id", "displayName", "mail"]
        ),
        method="GET",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40/members",
        query=[("$select", "id,displayName,mail")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName,mail)",
                "value": [
                    {
                        "@odata.type": "#microsoft.graph.user",
                        "id": "4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
                        "displayName": "Priya Raman",
                        "mail": "priya.raman@contoso.com",
                    },
                    {
                        "@odata.type": "#microsoft.graph.user",
                        "id": "a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
                        "displayName": "Jonas Whitfield",
                        "mail": "jonas.whitfield@contoso.com",
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName,mail)",
        "value": [
            {
                "@odata.type": "#microsoft.graph.user",
                "id": "4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
                "displayName": "Priya Raman",
                "mail": "priya.raman@contoso.com",
            },
            {
                "@odata.type": "#microsoft.graph.user",
                "id": "a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
                "displayName": "Jonas Whitfield",
                "mail": "jonas.whitfield@contoso.com",
            },
        ],
    }


def test_post_members__add_user_to_group_members(replay):
    """Replays example 'add_user_to_group_members' (api/group-post-members.md, line 59)."""
    result = replay(
        lambda client: client.group.post_members(
            "0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40",
            body={
                "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3"
            },
        ),
        method="POST",
        path="/groups/0e5b9d27-3c48-4f1a-8b6e-a2d7c9f13e40/members/$ref",
        query=[],
        json_body={
            "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3"
        },
        response={"status": 204},
    )
    assert result == None
