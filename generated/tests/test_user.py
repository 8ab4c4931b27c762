"""Replay tests of the user group, one per documented example."""


def test_delete__delete_directory_user(replay):
    """Replays example 'delete_directory_user' (api/user-delete.md, line 50)."""
    result = replay(
        lambda client: client.user.delete("7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3"),
        method="DELETE",
        path="/users/7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3",
        query=[],
        response={"status": 204},
    )
    assert result == None


def test_get__get_user_by_upn_select(replay):
    """Replays example 'get_user_by_upn_select' (api/user-get.md, line 52)."""
    result = replay(
        lambda client: client.user.get(
            user_id="priya.raman@contoso.com",
            select=["id", "displayName", "jobTitle", "mail", "officeLocation"],
        ),
        method="GET",
        path="/users/priya.raman@contoso.com",
        query=[("$select", "id,displayName,jobTitle,mail,officeLocation")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,jobTitle,mail,officeLocation)/$entity",
                "id": "4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
                "displayName": "Priya Raman",
                "jobTitle": "Operations Lead",
                "mail": "priya.raman@contoso.com",
                "officeLocation": "Building 7, Floor 3",
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,jobTitle,mail,officeLocation)/$entity",
        "id": "4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
        "displayName": "Priya Raman",
        "jobTitle": "Operations Lead",
        "mail": "priya.raman@contoso.com",
        "officeLocation": "Building 7, Floor 3",
    }


def test_list__list_users_select_basic(replay):
    """Replays example 'list_users_select_basic' (api/user-list.md, line 63)."""
    result = replay(
        lambda client: client.user.list(select=["id", "displayName", "userPrincipalName"], top=2),
        method="GET",
        path="/users",
        query=[("$select", "id,displayName,userPrincipalName"), ("$top", "2")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName)",
                "value": [
                    {
                        "id": "4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
                        "displayName": "Priya Raman",
                        "userPrincipalName": "priya.raman@contoso.com",
                    },
                    {
                        "id": "a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
                        "displayName": "Jonas Whitfield",
                        "userPrincipalName": "jonas.whitfield@contoso.com",
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName)",
        "value": [
            {
                "id": "4b7e2c91-0d3f-4a68-b5c2-97e1f3a6d804",
                "displayName": "Priya Raman",
                "userPrincipalName": "priya.raman@contoso.com",
            },
            {
                "id": "a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
                "displayName": "Jonas Whitfield",
                "userPrincipalName": "jonas.whitfield@contoso.com",
            },
        ],
    }


def test_list__list_users_filter_mail_domain_count(replay):
    """Replays example 'list_users_filter_mail_domain_count' (api/user-list.md, line 114)."""
    result = replay(
        lambda client: client.user.list(
            filter="endswith(mail,'@fabrikam.com')",
            count=True,
            select=["id", "displayName", "mail"],
            headers={"ConsistencyLevel": "eventual"},
        ),
        method="GET",
        path="/users",
        query=[
            ("$filter", "endswith(mail,'@fabrikam.com')"),
            ("$count", "true"),
            ("$select", "id,displayName,mail"),
        ],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail)",
                "@odata.count": 2,
                "value": [
                    {
                        "id": "c3e8a742-19fd-4b06-92a5-58d1e7f0b6c3",
                        "displayName": "Tomasz Brenner",
                        "mail": "tomasz.brenner@fabrikam.com",
                    },
                    {
                        "id": "e07f1b95-8a4c-4d23-b6e9-0c5a3d7f2e18",
                        "displayName": "Mara Ostrowski",
                        "mail": "mara.ostrowski@fabrikam.com",
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail)",
        "@odata.count": 2,
        "value": [
            {
                "id": "c3e8a742-19fd-4b06-92a5-58d1e7f0b6c3",
                "displayName": "Tomasz Brenner",
                "mail": "tomasz.brenner@fabrikam.com",
            },
            {
                "id": "e07f1b95-8a4c-4d23-b6e9-0c5a3d7f2e18",
                "displayName": "Mara Ostrowski",
                "mail": "mara.ostrowski@fabrikam.com",
            },
        ],
    }


def test_list_contacts__list_my_contacts_select(replay):
    """Replays example 'list_my_contacts_select' (api/user-list-contacts.md, line 61)."""
    result = replay(
        lambda client: client.user.list_contacts(
            select=["displayName", "emailAddresses", "companyName"]
        ),
        method="GET",
        path="/me/contacts",
        query=[("$select", "displayName,emailAddresses,companyName")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/contacts(displayName,emailAddresses,companyName)",
                "value": [
                    {
                        "id": "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA=",
                        "displayName": "Lucía Ferrer",
                        "companyName": "Fabrikam",
                        "emailAddresses": [
                            {"name": "Lucía Ferrer", "address": "lucia.ferrer@fabrikam.com"}
                        ],
                    },
                    {
                        "id": "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAB=",
                        "displayName": "Dev Malhotra",
                        "companyName": "Contoso",
                        "emailAddresses": [
                            {"name": "Dev Malhotra", "address": "dev.malhotra@contoso.com"}
                        ],
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/contacts(displayName,emailAddresses,companyName)",
        "value": [
            {
                "id": "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA=",
                "displayName": "Lucía Ferrer",
                "companyName": "Fabrikam",
                "emailAddresses": [
                    {"name": "Lucía Ferrer", "address": "lucia.ferrer@fabrikam.com"}
                ],
            },
            {
                "id": "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAB=",
                "displayName": "Dev Malhotra",
                "companyName": "Contoso",
                "emailAddresses": [{"name": "Dev Malhotra", "address": "dev.malhotra@contoso.com"}],
            },
        ],
    }


def test_list_events__list_my_events_select(replay):
    """Replays example 'list_my_events_select' (api/user-list-events.md, line 59)."""
    result = replay(
        lambda client: client.user.list_events(
            select=["subject", "organizer", "start", "end", "location"],
            headers={"Prefer": 'outlook.timezone="Pacific Standard Time"'},
        ),
        method="GET",
        path="/me/events",
        query=[("$select", "subject,organizer,start,end,location")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events(subject,organizer,start,end,location)",
                "value": [
                    {
                        "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
                        "subject": "Quarterly roadmap sync",
                        "start": {
                            "dateTime": "2024-04-02T10:00:00.0000000",
                            "timeZone": "Pacific Standard Time",
                        },
                        "end": {
                            "dateTime": "2024-04-02T11:00:00.0000000",
                            "timeZone": "Pacific Standard Time",
                        },
                        "location": {"displayName": "Harbor conference room"},
                        "organizer": {
                            "emailAddress": {
                                "name": "Priya Raman",
                                "address": "priya.raman@contoso.com",
                            }
                        },
                    },
                    {
                        "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAB=",
                        "subject": "Supplier onboarding call",
                        "start": {
                            "dateTime": "2024-04-03T14:30:00.0000000",
                            "timeZone": "Pacific Standard Time",
                        },
                        "end": {
                            "dateTime": "2024-04-03T15:00:00.0000000",
                            "timeZone": "Pacific Standard Time",
                        },
                        "location": {"displayName": "Online"},
                        "organizer": {
                            "emailAddress": {
                                "name": "Tomasz Brenner",
                                "address": "tomasz.brenner@fabrikam.com",
                            }
                        },
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events(subject,organizer,start,end,location)",
        "value": [
            {
                "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAA=",
                "subject": "Quarterly roadmap sync",
                "start": {
                    "dateTime": "2024-04-02T10:00:00.0000000",
                    "timeZone": "Pacific Standard Time",
                },
                "end": {
                    "dateTime": "2024-04-02T11:00:00.0000000",
                    "timeZone": "Pacific Standard Time",
                },
                "location": {"displayName": "Harbor conference room"},
                "organizer": {
                    "emailAddress": {"name": "Priya Raman", "address": "priya.raman@contoso.com"}
                },
            },
            {
                "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAB=",
                "subject": "Supplier onboarding call",
                "start": {
                    "dateTime": "2024-04-03T14:30:00.0000000",
                    "timeZone": "Pacific Standard Time",
                },
                "end": {
                    "dateTime": "2024-04-03T15:00:00.0000000",
                    "timeZone": "Pacific Standard Time",
                },
                "location": {"displayName": "Online"},
                "organizer": {
                    "emailAddress": {
                        "name": "Tomasz Brenner",
                        "address": "tomasz.brenner@fabrikam.com",
                    }
                },
            },
        ],
    }


def test_list_mailfolders__list_mail_folders_for_user(replay):
    """Replays example 'list_mail_folders_for_user' (api/user-list-mailfolders.md, line 51)."""
    result = replay(
        lambda client: client.user.list_mailfolders(user_id="priya.raman@contoso.com", top=2),
        method="GET",
        path="/users/priya.raman@contoso.com/mailFolders",
        query=[("$top", "2")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/mailFolders",
                "value": [
                    {
                        "id": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAB=",
                        "displayName": "Inbox",
                        "parentFolderId": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAA=",
                        "childFolderCount": 2,
                        "unreadItemCount": 7,
                        "totalItemCount": 143,
                        "isHidden": False,
                    },
                    {
                        "id": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAC=",
                        "displayName": "Project Lighthouse",
                        "parentFolderId": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAA=",
                        "childFolderCount": 0,
                        "unreadItemCount": 1,
                        "totalItemCount": 18,
                        "isHidden": False,
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/mailFolders",
        "value": [
            {
                "id": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAB=",
                "displayName": "Inbox",
                "parentFolderId": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAA=",
                "childFolderCount": 2,
                "unreadItemCount": 7,
                "totalItemCount": 143,
                "isHidden": False,
            },
            {
                "id": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAC=",
                "displayName": "Project Lighthouse",
                "parentFolderId": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAA=",
                "childFolderCount": 0,
                "unreadItemCount": 1,
                "totalItemCount": 18,
                "isHidden": False,
            },
        ],
    }


def test_list_messages__list_my_messages_select_top(replay):
    """Replays example 'list_my_messages_select_top' (api/user-list-messages.md, line 66)."""
    result = replay(
        lambda client: client.user.list_messages(
            select=["subject", "from", "receivedDateTime"], top=2
        ),
        method="GET",
        path="/me/messages",
        query=[("$select", "subject,from,receivedDateTime"), ("$top", "2")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages(subject,from,receivedDateTime)",
                "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/messages?$select=subject%2cfrom%2creceivedDateTime&$top=2&$skip=2",
                "value": [
                    {
                        "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
                        "subject": "Draft agenda for the vendor review",
                        "receivedDateTime": "2024-03-11T08:42:17Z",
                        "from": {
                            "emailAddress": {
                                "name": "Tomasz Brenner",
                                "address": "tomasz.brenner@fabrikam.com",
                            }
                        },
                    },
                    {
                        "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAB=",
                        "subject": "Badge access for the new lab",
                        "receivedDateTime": "2024-03-10T16:05:51Z",
                        "from": {
                            "emailAddress": {
                                "name": "Imani Castellanos",
                                "address": "imani.castellanos@contoso.com",
                            }
                        },
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages(subject,from,receivedDateTime)",
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/messages?$select=subject%2cfrom%2creceivedDateTime&$top=2&$skip=2",
        "value": [
            {
                "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAA=",
                "subject": "Draft agenda for the vendor review",
                "receivedDateTime": "2024-03-11T08:42:17Z",
                "from": {
                    "emailAddress": {
                        "name": "Tomasz Brenner",
                        "address": "tomasz.brenner@fabrikam.com",
                    }
                },
            },
            {
                "id": "AAMkAGRkN2Y4ZTNhLWMyYzEtNDhlMy05ZWQ1LTE1NzRhNmE5ZTAxMQBGAAB=",
                "subject": "Badge access for the new lab",
                "receivedDateTime": "2024-03-10T16:05:51Z",
                "from": {
                    "emailAddress": {
                        "name": "Imani Castellanos",
                        "address": "imani.castellanos@contoso.com",
                    }
                },
            },
        ],
    }


def test_post_events__create_event_default_calendar(replay):
    """Replays example 'create_event_default_calendar' (api/user-post-events.md, line 64)."""
    result = replay(
        lambda client: client.user.post_events(
            body={
                "subject": "Design critique: onboarding flow",
                "body": {"contentType": "Text", "content": "Bring your latest mock-ups."},
                "start": {"dateTime": "2024-04-09T13:00:00", "timeZone": "Eastern Standard Time"},
                "end": {"dateTime": "2024-04-09T14:00:00", "timeZone": "Eastern Standard Time"},
                "location": {"displayName": "Studio 2"},
                "attendees": [
                    {
                        "type": "required",
                        "emailAddress": {
                            "name": "Jonas Whitfield",
                            "address": "jonas.whitfield@contoso.com",
                        },
                    }
                ],
            }
        ),
        method="POST",
        path="/me/events",
        query=[],
        json_body={
            "subject": "Design critique: onboarding flow",
            "body": {"contentType": "Text", "content": "Bring your latest mock-ups."},
            "start": {"dateTime": "2024-04-09T13:00:00", "timeZone": "Eastern Standard Time"},
            "end": {"dateTime": "2024-04-09T14:00:00", "timeZone": "Eastern Standard Time"},
            "location": {"displayName": "Studio 2"},
            "attendees": [
                {
                    "type": "required",
                    "emailAddress": {
                        "name": "Jonas Whitfield",
                        "address": "jonas.whitfield@contoso.com",
                    },
                }
            ],
        },
        response={
            "status": 201,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events/$entity",
                "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
                "subject": "Design critique: onboarding flow",
                "start": {
                    "dateTime": "2024-04-09T13:00:00.0000000",
                    "timeZone": "Eastern Standard Time",
                },
                "end": {
                    "dateTime": "2024-04-09T14:00:00.0000000",
                    "timeZone": "Eastern Standard Time",
                },
                "location": {"displayName": "Studio 2"},
                "isOrganizer": True,
                "attendees": [
                    {
                        "type": "required",
                        "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                        "emailAddress": {
                            "name": "Jonas Whitfield",
                            "address": "jonas.whitfield@contoso.com",
                        },
                    }
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events/$entity",
        "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAC=",
        "subject": "Design critique: onboarding flow",
        "start": {"dateTime": "2024-04-09T13:00:00.0000000", "timeZone": "Eastern Standard Time"},
        "end": {"dateTime": "2024-04-09T14:00:00.0000000", "timeZone": "Eastern Standard Time"},
        "location": {"displayName": "Studio 2"},
        "isOrganizer": True,
        "attendees": [
            {
                "type": "required",
                "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                "emailAddress": {
                    "name": "Jonas Whitfield",
                    "address": "jonas.whitfield@contoso.com",
                },
            }
        ],
    }


def test_post_events__create_online_event_named_calendar(replay):
    """Replays example 'create_online_event_named_calendar' (api/user-post-events.md, line 128)."""
    result = replay(
        lambda client: client.user.post_events(
            calendar_id="AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQAuAAA=",
            body={
                "subject": "Mentoring check-in",
                "start": {"dateTime": "2024-04-11T09:30:00", "timeZone": "UTC"},
                "end": {"dateTime": "2024-04-11T10:00:00", "timeZone": "UTC"},
                "isOnlineMeeting": True,
                "onlineMeetingProvider": "teamsForBusiness",
            },
        ),
        method="POST",
        path="/me/calendars/AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQAuAAA=/events",
        query=[],
        json_body={
            "subject": "Mentoring check-in",
            "start": {"dateTime": "2024-04-11T09:30:00", "timeZone": "UTC"},
            "end": {"dateTime": "2024-04-11T10:00:00", "timeZone": "UTC"},
            "isOnlineMeeting": True,
            "onlineMeetingProvider": "teamsForBusiness",
        },
        response={
            "status": 201,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/calendars('AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQAuAAA%3D')/events/$entity",
                "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAD=",
                "subject": "Mentoring check-in",
                "start": {"dateTime": "2024-04-11T09:30:00.0000000", "timeZone": "UTC"},
                "end": {"dateTime": "2024-04-11T10:00:00.0000000", "timeZone": "UTC"},
                "isOnlineMeeting": True,
                "onlineMeetingProvider": "teamsForBusiness",
                "onlineMeeting": {"joinUrl": "https://teams.contoso.com/meet/mentoring-7319"},
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/calendars('AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQAuAAA%3D')/events/$entity",
        "id": "AAMkAGI3ODk2MzFlLTk2NjQtNGE2Zi04YjNmLTFkZTgwYzc1ZTM2ZQBGAAD=",
        "subject": "Mentoring check-in",
        "start": {"dateTime": "2024-04-11T09:30:00.0000000", "timeZone": "UTC"},
        "end": {"dateTime": "2024-04-11T10:00:00.0000000", "timeZone": "UTC"},
        "isOnlineMeeting": True,
        "onlineMeetingProvider": "teamsForBusiness",
        "onlineMeeting": {"joinUrl": "https://teams.contoso.com/meet/mentoring-7319"},
    }


def test_post_messages__create_draft_message_me(replay):
    """Replays example 'create_draft_message_me' (api/user-post-messages.md, line 55)."""
    result = replay(
        lambda client: client.user.post_messages(
            body={
                "subject": "Shipping schedule for April",
                "importance": "normal",
                "body": {
                    "contentType": "HTML",
                    "content": "<p>Here is the proposed schedule. Comments welcome.</p>",
                },
                "toRecipients": [{"emailAddress": {"address": "jonas.whitfield@contoso.com"}}],
            }
        ),
        method="POST",
        path="/me/messages",
        query=[],
        json_body={
            "subject": "Shipping schedule for April",
            "importance": "normal",
            "body": {
                "contentType": "HTML",
                "content": "<p>Here is the proposed schedule. Comments welcome.</p>",
            },
            "toRecipients": [{"emailAddress": {"address": "jonas.whitfield@contoso.com"}}],
        },
        response={
            "status": 201,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
                "id": "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
                "createdDateTime": "2024-03-12T09:14:02Z",
                "subject": "Shipping schedule for April",
                "importance": "normal",
                "isDraft": True,
                "body": {
                    "contentType": "html",
                    "content": "<p>Here is the proposed schedule. Comments welcome.</p>",
                },
                "toRecipients": [
                    {
                        "emailAddress": {
                            "name": "jonas.whitfield@contoso.com",
                            "address": "jonas.whitfield@contoso.com",
                        }
                    }
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
        "id": "AAMkAGQ5ZTc1YjE2LWYzNmItNDFiNC1iMWE3LWRmNTk0ZTBhOGNkNQBGAAC=",
        "createdDateTime": "2024-03-12T09:14:02Z",
        "subject": "Shipping schedule for April",
        "importance": "normal",
        "isDraft": True,
        "body": {
            "contentType": "html",
            "content": "<p>Here is the proposed schedule. Comments welcome.</p>",
        },
        "toRecipients": [
            {
                "emailAddress": {
                    "name": "jonas.whitfield@contoso.com",
                    "address": "jonas.whitfield@contoso.com",
                }
            }
        ],
    }


def test_post_users__create_directory_user(replay):
    """Replays example 'create_directory_user' (api/user-post-users.md, line 63)."""
    result = replay(
        lambda client: client.user.post_users(
            body={
                "accountEnabled": True,
                "displayName": "Noor Haddad",
                "mailNickname": "noor.haddad",
                "userPrincipalName": "noor.haddad@contoso.com",
                "department": "Finance",
                "passwordProfile": {
                    "forceChangePasswordNextSignIn": True,
                    "password": "Tmp-9rQ!vL27-wanderer",
                },
            }
        ),
        method="POST",
        path="/users",
        query=[],
        json_body={
            "accountEnabled": True,
            "displayName": "Noor Haddad",
            "mailNickname": "noor.haddad",
            "userPrincipalName": "noor.haddad@contoso.com",
            "department": "Finance",
            "passwordProfile": {
                "forceChangePasswordNextSignIn": True,
                "password": "Tmp-9rQ!vL27-wanderer",
            },
        },
        response={
            "status": 201,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                "id": "7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3",
                "displayName": "Noor Haddad",
                "userPrincipalName": "noor.haddad@contoso.com",
                "mail": None,
                "jobTitle": None,
                "businessPhones": [],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
        "id": "7f2d4c18-b3a9-4e57-a06c-d1e98b54f2a3",
        "displayName": "Noor Haddad",
        "userPrincipalName": "noor.haddad@contoso.com",
        "mail": None,
        "jobTitle": None,
        "businessPhones": [],
    }


def test_sendmail__send_new_mail_me(replay):
    """Replays example 'send_new_mail_me' (api/user-sendmail.md, line 65)."""
    result = replay(
        lambda client: client.user.sendmail(
            body={
                "message": {
                    "subject": "Lunch-and-learn moved to Thursday",
                    "body": {
                        "contentType": "Text",
                        "content": "Heads up: the storage lunch-and-learn is now on Thursday in room 4B.",
                    },
                    "toRecipients": [{"emailAddress": {"address": "jonas.whitfield@contoso.com"}}],
                    "ccRecipients": [{"emailAddress": {"address": "mara.ostrowski@fabrikam.com"}}],
                },
                "saveToSentItems": True,
            }
        ),
        method="POST",
        path="/me/sendMail",
        query=[],
        json_body={
            "message": {
                "subject": "Lunch-and-learn moved to Thursday",
                "body": {
                    "contentType": "Text",
                    "content": "Heads up: the storage lunch-and-learn is now on Thursday in room 4B.",
                },
                "toRecipients": [{"emailAddress": {"address": "jonas.whitfield@contoso.com"}}],
                "ccRecipients": [{"emailAddress": {"address": "mara.ostrowski@fabrikam.com"}}],
            },
            "saveToSentItems": True,
        },
        response={"status": 202},
    )
    assert result == None


def test_update__update_user_job_details(replay):
    """Replays example 'update_user_job_details' (api/user-update.md, line 58)."""
    result = replay(
        lambda client: client.user.update(
            user_id="a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
            body={
                "jobTitle": "Senior Buyer",
                "department": "Procurement",
                "officeLocation": "Building 2, Floor 1",
            },
        ),
        method="PATCH",
        path="/users/a19d5f30-6c2b-4e8a-8d71-3fe0b2c94a57",
        query=[],
        json_body={
            "jobTitle": "Senior Buyer",
            "department": "Procurement",
            "officeLocation": "Building 2, Floor 1",
        },
        response={"status": 204},
    )
    assert result == None


def test_update__update_my_business_phone(replay):
    """Replays example 'update_my_business_phone' (api/user-update.md, line 95)."""
    result = replay(
        lambda client: client.user.update(body={"businessPhones": ["+1 425 555 0143"]}),
        method="PATCH",
        path="/me",
        query=[],
        json_body={"businessPhones": ["+1 425 555 0143"]},
        response={"status": 204},
    )
    assert result == None
