"""Replay tests of the message group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "message.json").read_text(encoding="utf-8")
)


def test_delete__delete_inbox_message_for_user(replay):
    """Replays example 'delete_inbox_message_for_user' (api/message-delete.md, line 54)."""
    example = EXAMPLES["test_delete__delete_inbox_message_for_user"]
    replay(
        lambda client: client.message.delete(
            "AAMkAGNhY2U5ZjMxLTc4ZDItNGI3Yy1hZjE1LTAzOWVmNDQ2YjJjMABGAAA=",
            user_id="4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
            mail_folder_id="inbox",
        ),
        example,
        method="DELETE",
        path="/users/4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804/mailFolders/inbox/messages/AAMkAGNhY2U5ZjMxLTc4ZDItNGI3Yy1hZjE1LTAzOWVmNDQ2YjJjMABGAAA=",
        query=[],
    )


def test_forward__forward_inbox_message_with_comment(replay):
    """Replays example 'forward_inbox_message_with_comment' (api/message-forward.md, line 49)."""
    example = EXAMPLES["test_forward__forward_inbox_message_with_comment"]
    replay(
        lambda client: client.message.forward(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
            mail_folder_id="inbox",
            body=example["body"],
        ),
        example,
        method="POST",
        path="/me/mailFolders/inbox/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=/forward",
        query=[],
    )


def test_get__get_single_message_select(replay):
    """Replays example 'get_single_message_select' (api/message-get.md, line 55)."""
    example = EXAMPLES["test_get__get_single_message_select"]
    replay(
        lambda client: client.message.get(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
            select=["subject", "bodyPreview", "from", "toRecipients", "importance"],
        ),
        example,
        method="GET",
        path="/me/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
        query=[("$select", "subject,bodyPreview,from,toRecipients,importance")],
    )


def test_reply__reply_to_message_with_comment(replay):
    """Replays example 'reply_to_message_with_comment' (api/message-reply.md, line 65)."""
    example = EXAMPLES["test_reply__reply_to_message_with_comment"]
    replay(
        lambda client: client.message.reply(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAB=", body=example["body"]
        ),
        example,
        method="POST",
        path="/me/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAB=/reply",
        query=[],
    )


def test_send__send_draft_message_me(replay):
    """Replays example 'send_draft_message_me' (api/message-send.md, line 62)."""
    example = EXAMPLES["test_send__send_draft_message_me"]
    replay(
        lambda client: client.message.send(
            "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAA="
        ),
        example,
        method="POST",
        path="/me/messages/AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAA=/send",
        query=[],
    )


def test_send__send_draft_message_for_user(replay):
    """Replays example 'send_draft_message_for_user' (api/message-send.md, line 96)."""
    example = EXAMPLES["test_send__send_draft_message_for_user"]
    replay(
        lambda client: client.message.send(
            "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAB=",
            user_id="priya.raman@contoso.com",
        ),
        example,
        method="POST",
        path="/users/priya.raman@contoso.com/messages/AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAB=/send",
        query=[],
    )


def test_update__update_message_importance_categories(replay):
    """Replays example 'update_message_importance_categories' (api/message-update.md, line 69)."""
    example = EXAMPLES["test_update__update_message_importance_categories"]
    replay(
        lambda client: client.message.update(
            "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=", body=example["body"]
        ),
        example,
        method="PATCH",
        path="/me/messages/AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
        query=[],
    )


def test_update__update_draft_subject_for_user(replay):
    """Replays example 'update_draft_subject_for_user' (api/message-update.md, line 118)."""
    example = EXAMPLES["test_update__update_draft_subject_for_user"]
    replay(
        lambda client: client.message.update(
            "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
            user_id="priya.raman@contoso.com",
            mail_folder_id="drafts",
            body=example["body"],
        ),
        example,
        method="PATCH",
        path="/users/priya.raman@contoso.com/mailFolders/drafts/messages/AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
        query=[],
    )
