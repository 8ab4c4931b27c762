"""Replay tests of the message group, one per documented example."""


def test_delete__delete_inbox_message_for_user(replay):
    """Replays example 'delete_inbox_message_for_user' (api/message-delete.md, line 54)."""
    result = replay(
        lambda client: client.message.delete(
            "AAMkAGNhY2U5ZjMxLTc4ZDItNGI3Yy1hZjE1LTAzOWVmNDQ2YjJjMABGAAA=",
            user_id="4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
            mail_folder_id="inbox",
        ),
        method="DELETE",
        path="/users/4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804/mailFolders/inbox/messages/AAMkAGNhY2U5ZjMxLTc4ZDItNGI3Yy1hZjE1LTAzOWVmNDQ2YjJjMABGAAA=",
        query=[],
        response={"status": 204},
    )
    assert result == None


def test_forward__forward_inbox_message_with_comment(replay):
    """Replays example 'forward_inbox_message_with_comment' (api/message-forward.md, line 49)."""
    result = replay(
        lambda client: client.message.forward(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
            mail_folder_id="inbox",
            body={
                "comment": "Lucía, ¿puedes revisar el orden del día antes del miércoles?",
                "toRecipients": [
                    {
                        "emailAddress": {
                            "name": "Lucía Ferrer",
                            "address": "lucia.ferrer@fabrikam.com",
                        }
                    }
                ],
            },
        ),
        method="POST",
        path="/me/mailFolders/inbox/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=/forward",
        query=[],
        json_body={
            "comment": "Lucía, ¿puedes revisar el orden del día antes del miércoles?",
            "toRecipients": [
                {"emailAddress": {"name": "Lucía Ferrer", "address": "lucia.ferrer@fabrikam.com"}}
            ],
        },
        response={"status": 202},
    )
    assert result == None


def test_get__get_single_message_select(replay):
    """Replays example 'get_single_message_select' (api/message-get.md, line 55)."""
    result = replay(
        lambda client: client.message.get(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
            select=["subject", "bodyPreview", "from", "toRecipients", "importance"],
        ),
        method="GET",
        path="/me/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
        query=[("$select", "subject,bodyPreview,from,toRecipients,importance")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages(subject,bodyPreview,from,toRecipients,importance)/$entity",
                "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
                "subject": "Draft agenda for the vendor review",
                "bodyPreview": "Attached is a first pass at the agenda. Please add topics by Wednesday.",
                "importance": "normal",
                "from": {
                    "emailAddress": {
                        "name": "Tomasz Brenner",
                        "address": "tomasz.brenner@fabrikam.com",
                    }
                },
                "toRecipients": [
                    {"emailAddress": {"name": "Priya Raman", "address": "priya.raman@contoso.com"}}
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages(subject,bodyPreview,from,toRecipients,importance)/$entity",
        "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
        "subject": "Draft agenda for the vendor review",
        "bodyPreview": "Attached is a first pass at the agenda. Please add topics by Wednesday.",
        "importance": "normal",
        "from": {
            "emailAddress": {"name": "Tomasz Brenner", "address": "tomasz.brenner@fabrikam.com"}
        },
        "toRecipients": [
            {"emailAddress": {"name": "Priya Raman", "address": "priya.raman@contoso.com"}}
        ],
    }


def test_reply__reply_to_message_with_comment(replay):
    """Replays example 'reply_to_message_with_comment' (api/message-reply.md, line 65)."""
    result = replay(
        lambda client: client.message.reply(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAB=",
            body={
                "message": {
                    "ccRecipients": [
                        {
                            "emailAddress": {
                                "name": "Rafael Lindqvist",
                                "address": "rafael.lindqvist@contoso.com",
                            }
                        }
                    ]
                },
                "comment": "Thanks, Imani. Rafael will pick up the badges on Monday.",
            },
        ),
        method="POST",
        path="/me/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAB=/reply",
        query=[],
        json_body={
            "message": {
                "ccRecipients": [
                    {
                        "emailAddress": {
                            "name": "Rafael Lindqvist",
                            "address": "rafael.lindqvist@contoso.com",
                        }
                    }
                ]
            },
            "comment": "Thanks, Imani. Rafael will pick up the badges on Monday.",
        },
        response={"status": 202},
    )
    assert result == None


def test_send__send_draft_message_me(replay):
    """Replays example 'send_draft_message_me' (api/message-send.md, line 62)."""
    result = replay(
        lambda client: client.message.send(
            "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAA="
        ),
        method="POST",
        path="/me/messages/AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAA=/send",
        query=[],
        response={"status": 202},
    )
    assert result == None


def test_send__send_draft_message_for_user(replay):
    """Replays example 'send_draft_message_for_user' (api/message-send.md, line 96)."""
    result = replay(
        lambda client: client.message.send(
            "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAB=",
            user_id="priya.raman@contoso.com",
        ),
        method="POST",
        path="/users/priya.raman@contoso.com/messages/AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAB=/send",
        query=[],
        response={"status": 202},
    )
    assert result == None


def test_update__update_message_importance_categories(replay):
    """Replays example 'update_message_importance_categories' (api/message-update.md, line 69)."""
    result = replay(
        lambda client: client.message.update(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
            body={"importance": "high", "categories": ["Vendor review"], "isRead": True},
        ),
        method="PATCH",
        path="/me/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
        query=[],
        json_body={"importance": "high", "categories": ["Vendor review"], "isRead": True},
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
                "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
                "subject": "Draft agenda for the vendor review",
                "importance": "high",
                "categories": ["Vendor review"],
                "isRead": True,
                "isDraft": False,
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
        "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
        "subject": "Draft agenda for the vendor review",
        "importance": "high",
        "categories": ["Vendor review"],
        "isRead": True,
        "isDraft": False,
    }


def test_update__update_draft_subject_for_user(replay):
    """Replays example 'update_draft_subject_for_user' (api/message-update.md, line 118)."""
    result = replay(
        lambda client: client.message.update(
            "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
            user_id="priya.raman@contoso.com",
            mail_folder_id="drafts",
            body={"subject": "Revised: shipping schedule for April"},
        ),
        method="PATCH",
        path="/users/priya.raman@contoso.com/mailFolders/drafts/messages/AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
        query=[],
        json_body={"subject": "Revised: shipping schedule for April"},
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/mailFolders('drafts')/messages/$entity",
                "id": "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
                "subject": "Revised: shipping schedule for April",
                "importance": "normal",
                "isDraft": True,
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/mailFolders('drafts')/messages/$entity",
        "id": "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
        "subject": "Revised: shipping schedule for April",
        "importance": "normal",
        "isDraft": True,
    }
