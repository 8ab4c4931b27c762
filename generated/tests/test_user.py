"""Replay tests of the user group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "user.json").read_text(encoding="utf-8")
)


def test_delete__delete_directory_user(replay):
    """Replays example 'delete_directory_user' (api/user-delete.md, line 50)."""
    example = EXAMPLES["test_delete__delete_directory_user"]
    replay(
        lambda client: client.user.delete("7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3"),
        example,
        method="DELETE",
        path="/users/7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3",
        query=[],
    )


def test_get__get_user_by_upn_select(replay):
    """Replays example 'get_user_by_upn_select' (api/user-get.md, line 52)."""
    example = EXAMPLES["test_get__get_user_by_upn_select"]
    replay(
        lambda client: client.user.get(
            user_id="priya.raman@contoso.com",
            select=["id", "displayName", "jobTitle", "mail", "officeLocation"],
        ),
        example,
        method="GET",
        path="/users/priya.raman@contoso.com",
        query=[("$select", "id,displayName,jobTitle,mail,officeLocation")],
    )


def test_list__list_users_select_basic(replay):
    """Replays example 'list_users_select_basic' (api/user-list.md, line 63)."""
    example = EXAMPLES["test_list__list_users_select_basic"]
    replay(
        lambda client: client.user.list(select=["id", "displayName", "userPrincipalName"], top=2),
        example,
        method="GET",
        path="/users",
        query=[("$select", "id,displayName,userPrincipalName"), ("$top", "2")],
    )


def test_list__list_users_filter_mail_domain_count(replay):
    """Replays example 'list_users_filter_mail_domain_count' (api/user-list.md, line 114)."""
    example = EXAMPLES["test_list__list_users_filter_mail_domain_count"]
    replay(
        lambda client: client.user.list(
            filter="endswith(mail,'@fabrikam.com')",
            count=True,
            select=["id", "displayName", "mail"],
            headers=example["headers"],
        ),
        example,
        method="GET",
        path="/users",
        query=[
            ("$filter", "endswith(mail,'@fabrikam.com')"),
            ("$count", "true"),
            ("$select", "id,displayName,mail"),
        ],
    )


def test_list_contacts__list_my_contacts_select(replay):
    """Replays example 'list_my_contacts_select' (api/user-list-contacts.md, line 61)."""
    example = EXAMPLES["test_list_contacts__list_my_contacts_select"]
    replay(
        lambda client: client.user.list_contacts(
            select=["displayName", "emailAddresses", "companyName"]
        ),
        example,
        method="GET",
        path="/me/contacts",
        query=[("$select", "displayName,emailAddresses,companyName")],
    )


def test_list_events__list_my_events_select(replay):
    """Replays example 'list_my_events_select' (api/user-list-events.md, line 59)."""
    example = EXAMPLES["test_list_events__list_my_events_select"]
    replay(
        lambda client: client.user.list_events(
            select=["subject", "organizer", "start", "end", "location"], headers=example["headers"]
        ),
        example,
        method="GET",
        path="/me/events",
        query=[("$select", "subject,organizer,start,end,location")],
    )


def test_list_mailfolders__list_mail_folders_for_user(replay):
    """Replays example 'list_mail_folders_for_user' (api/user-list-mailfolders.md, line 51)."""
    example = EXAMPLES["test_list_mailfolders__list_mail_folders_for_user"]
    replay(
        lambda client: client.user.list_mailfolders(user_id="priya.raman@contoso.com", top=2),
        example,
        method="GET",
        path="/users/priya.raman@contoso.com/mailFolders",
        query=[("$top", "2")],
    )


def test_list_messages__list_my_messages_select_top(replay):
    """Replays example 'list_my_messages_select_top' (api/user-list-messages.md, line 66)."""
    example = EXAMPLES["test_list_messages__list_my_messages_select_top"]
    replay(
        lambda client: client.user.list_messages(
            select=["subject", "from", "receivedDateTime"], top=2
        ),
        example,
        method="GET",
        path="/me/messages",
        query=[("$select", "subject,from,receivedDateTime"), ("$top", "2")],
    )


def test_post_events__create_event_default_calendar(replay):
    """Replays example 'create_event_default_calendar' (api/user-post-events.md, line 64)."""
    example = EXAMPLES["test_post_events__create_event_default_calendar"]
    replay(
        lambda client: client.user.post_events(body=example["body"]),
        example,
        method="POST",
        path="/me/events",
        query=[],
    )


def test_post_events__create_online_event_named_calendar(replay):
    """Replays example 'create_online_event_named_calendar' (api/user-post-events.md, line 128)."""
    example = EXAMPLES["test_post_events__create_online_event_named_calendar"]
    replay(
        lambda client: client.user.post_events(
            calendar_id="AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQAuAAA=",
            body=example["body"],
        ),
        example,
        method="POST",
        path="/me/calendars/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQAuAAA=/events",
        query=[],
    )


def test_post_messages__create_draft_message_me(replay):
    """Replays example 'create_draft_message_me' (api/user-post-messages.md, line 55)."""
    example = EXAMPLES["test_post_messages__create_draft_message_me"]
    replay(
        lambda client: client.user.post_messages(body=example["body"]),
        example,
        method="POST",
        path="/me/messages",
        query=[],
    )


def test_post_users__create_directory_user(replay):
    """Replays example 'create_directory_user' (api/user-post-users.md, line 63)."""
    example = EXAMPLES["test_post_users__create_directory_user"]
    replay(
        lambda client: client.user.post_users(body=example["body"]),
        example,
        method="POST",
        path="/users",
        query=[],
    )


def test_sendmail__send_new_mail_me(replay):
    """Replays example 'send_new_mail_me' (api/user-sendmail.md, line 65)."""
    example = EXAMPLES["test_sendmail__send_new_mail_me"]
    replay(
        lambda client: client.user.sendmail(body=example["body"]),
        example,
        method="POST",
        path="/me/sendMail",
        query=[],
    )


def test_update__update_user_job_details(replay):
    """Replays example 'update_user_job_details' (api/user-update.md, line 58)."""
    example = EXAMPLES["test_update__update_user_job_details"]
    replay(
        lambda client: client.user.update(
            user_id="a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57", body=example["body"]
        ),
        example,
        method="PATCH",
        path="/users/a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
        query=[],
    )


def test_update__update_my_business_phone(replay):
    """Replays example 'update_my_business_phone' (api/user-update.md, line 95)."""
    example = EXAMPLES["test_update__update_my_business_phone"]
    replay(
        lambda client: client.user.update(body=example["body"]),
        example,
        method="PATCH",
        path="/me",
        query=[],
    )
