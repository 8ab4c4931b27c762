"""Replay tests of the event group, one per documented example."""


def test_accept__accept_meeting_invite_for_user(replay):
    """Replays example 'accept_meeting_invite_for_user' (api/event-accept.md, line 49)."""
    result = replay(
        lambda client: client.event.accept(
            "AAMkADc1ZGE0ZTlmLWIyNjUtNDE4Ny1hOGQ3LTg0YmU3ODkxMmYwNgBGAAA=",
            user_id="jonas.whitfield@contoso.com",
            body={"comment": "Allí estaré; llevo el informe de costes.", "sendResponse": True},
        ),
        method="POST",
        path="/users/jonas.whitfield@contoso.com/events/AAMkADc1ZGE0ZTlmLWIyNjUtNDE4Ny1hOGQ3LTg0YmU3ODkxMmYwNgBGAAA=/accept",
        query=[],
        json_body={"comment": "Allí estaré; llevo el informe de costes.", "sendResponse": True},
        response={"status": 202},
    )
    assert result == None


def test_cancel__cancel_organized_meeting(replay):
    """Replays example 'cancel_organized_meeting' (api/event-cancel.md, line 48)."""
    result = replay(
        lambda client: client.event.cancel(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAD=",
            body={
                "comment": "Aplazamos la sesión hasta que termine la auditoría. Os envío nueva fecha pronto."
            },
        ),
        method="POST",
        path="/me/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAD=/cancel",
        query=[],
        json_body={
            "comment": "Aplazamos la sesión hasta que termine la auditoría. Os envío nueva fecha pronto."
        },
        response={"status": 202},
    )
    assert result == None


def test_delete__delete_event_default_calendar(replay):
    """Replays example 'delete_event_default_calendar' (api/event-delete.md, line 45)."""
    result = replay(
        lambda client: client.event.delete(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAE=",
            variant="/me/calendar/events/{event_id}",
        ),
        method="DELETE",
        path="/me/calendar/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAE=",
        query=[],
        response={"status": 204},
    )
    assert result == None


def test_get__get_single_event_for_user(replay):
    """Replays example 'get_single_event_for_user' (api/event-get.md, line 56)."""
    result = replay(
        lambda client: client.event.get(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
            user_id="priya.raman@contoso.com",
            select=["subject", "start", "end", "attendees", "isOnlineMeeting"],
        ),
        method="GET",
        path="/users/priya.raman@contoso.com/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
        query=[("$select", "subject,start,end,attendees,isOnlineMeeting")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/events(subject,start,end,attendees,isOnlineMeeting)/$entity",
                "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
                "subject": "Quarterly roadmap sync",
                "isOnlineMeeting": False,
                "start": {"dateTime": "2024-04-02T17:00:00.0000000", "timeZone": "UTC"},
                "end": {"dateTime": "2024-04-02T18:00:00.0000000", "timeZone": "UTC"},
                "attendees": [
                    {
                        "type": "required",
                        "status": {"response": "accepted", "time": "2024-03-20T12:41:09Z"},
                        "emailAddress": {
                            "name": "Jonas Whitfield",
                            "address": "jonas.whitfield@contoso.com",
                        },
                    },
                    {
                        "type": "optional",
                        "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                        "emailAddress": {
                            "name": "Mara Ostrowski",
                            "address": "mara.ostrowski@fabrikam.com",
                        },
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/events(subject,start,end,attendees,isOnlineMeeting)/$entity",
        "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
        "subject": "Quarterly roadmap sync",
        "isOnlineMeeting": False,
        "start": {"dateTime": "2024-04-02T17:00:00.0000000", "timeZone": "UTC"},
        "end": {"dateTime": "2024-04-02T18:00:00.0000000", "timeZone": "UTC"},
        "attendees": [
            {
                "type": "required",
                "status": {"response": "accepted", "time": "2024-03-20T12:41:09Z"},
                "emailAddress": {
                    "name": "Jonas Whitfield",
                    "address": "jonas.whitfield@contoso.com",
                },
            },
            {
                "type": "optional",
                "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                "emailAddress": {
                    "name": "Mara Ostrowski",
                    "address": "mara.ostrowski@fabrikam.com",
                },
            },
        ],
    }


def test_update__update_event_time_location(replay):
    """Replays example 'update_event_time_location' (api/event-update.md, line 62)."""
    result = replay(
        lambda client: client.event.update(
            "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
            body={
                "start": {"dateTime": "2024-04-09T13:30:00", "timeZone": "Eastern Standard Time"},
                "end": {"dateTime": "2024-04-09T14:30:00", "timeZone": "Eastern Standard Time"},
                "location": {"displayName": "Studio 5"},
            },
        ),
        method="PATCH",
        path="/me/events/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
        query=[],
        json_body={
            "start": {"dateTime": "2024-04-09T13:30:00", "timeZone": "Eastern Standard Time"},
            "end": {"dateTime": "2024-04-09T14:30:00", "timeZone": "Eastern Standard Time"},
            "location": {"displayName": "Studio 5"},
        },
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events/$entity",
                "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
                "subject": "Design critique: onboarding flow",
                "start": {
                    "dateTime": "2024-04-09T13:30:00.0000000",
                    "timeZone": "Eastern Standard Time",
                },
                "end": {
                    "dateTime": "2024-04-09T14:30:00.0000000",
                    "timeZone": "Eastern Standard Time",
                },
                "location": {"displayName": "Studio 5"},
                "isOrganizer": True,
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events/$entity",
        "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
        "subject": "Design critique: onboarding flow",
        "start": {"dateTime": "2024-04-09T13:30:00.0000000", "timeZone": "Eastern Standard Time"},
        "end": {"dateTime": "2024-04-09T14:30:00.0000000", "timeZone": "Eastern Standard Time"},
        "location": {"displayName": "Studio 5"},
        "isOrganizer": True,
    }
