"""Replay tests of the event group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "event.json").read_text(encoding="utf-8")
)


def test_accept__accept_meeting_invite_for_user(replay):
    """Replays example 'accept_meeting_invite_for_user' (api/event-accept.md, line 49)."""
    example = EXAMPLES["test_accept__accept_meeting_invite_for_user"]
    replay(
        lambda client: client.event.accept(
            "AAMkADc1ZGE0ZTlmLWIyNjUtNDE4Ny1hOGQ3LTg0YmU3ODkxMmYwNgBGAAA=",
            user_id="jonas.whitfield@contoso.com",
            body=example["body"],
        ),
        example,
        method="POST",
        path="/users/jonas.whitfield@contoso.com/events/AAMkADc1ZGE0ZTlmLWIyNjUtNDE4Ny1hOGQ3LTg0YmU3ODkxMmYwNgBGAAA=/accept",
        query=[],
    )


def test_cancel__cancel_organized_meeting(replay):
    """Replays example 'cancel_organized_meeting' (api/event-cancel.md, line 48)."""
    example = EXAMPLES["test_cancel__cancel_organized_meeting"]
    replay(
        lambda client: client.event.cancel(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAD=", body=example["body"]
        ),
        example,
        method="POST",
        path="/me/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAD=/cancel",
        query=[],
    )


def test_delete__delete_event_default_calendar(replay):
    """Replays example 'delete_event_default_calendar' (api/event-delete.md, line 45)."""
    example = EXAMPLES["test_delete__delete_event_default_calendar"]
    replay(
        lambda client: client.event.delete(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAE=",
            variant="/me/calendar/events/{event_id}",
        ),
        example,
        method="DELETE",
        path="/me/calendar/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAE=",
        query=[],
    )


def test_get__get_single_event_for_user(replay):
    """Replays example 'get_single_event_for_user' (api/event-get.md, line 56)."""
    example = EXAMPLES["test_get__get_single_event_for_user"]
    replay(
        lambda client: client.event.get(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
            user_id="priya.raman@contoso.com",
            select=["subject", "start", "end", "attendees", "isOnlineMeeting"],
        ),
        example,
        method="GET",
        path="/users/priya.raman@contoso.com/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
        query=[("$select", "subject,start,end,attendees,isOnlineMeeting")],
    )


def test_update__update_event_time_location(replay):
    """Replays example 'update_event_time_location' (api/event-update.md, line 62)."""
    example = EXAMPLES["test_update__update_event_time_location"]
    replay(
        lambda client: client.event.update(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=", body=example["body"]
        ),
        example,
        method="PATCH",
        path="/me/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
        query=[],
    )
