"""Replay tests of the mailfolder group, one per documented example."""


def test_get__get_user_inbox_folder(replay):
    """Replays example 'get_user_inbox_folder' (api/mailfolder-get.md, line 41)."""
    result = replay(
        lambda client: client.mailfolder.get("inbox", user_id="priya.raman@contoso.com"),
        method="GET",
        path="/users/priya.raman@contoso.com/mailFolders/inbox",
        query=[],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/mailFolders/$entity",
                "id": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAB=",
                "displayName": "Inbox",
                "parentFolderId": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAA=",
                "childFolderCount": 2,
                "unreadItemCount": 7,
                "totalItemCount": 143,
                "isHidden": False,
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('priya.raman%40contoso.com')/mailFolders/$entity",
        "id": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAB=",
        "displayName": "Inbox",
        "parentFolderId": "AAMkAGFiYzQ0ZTU4LTFiODItNDIwZS1hN2U2LTUzZDFmYjM5YTdkMgAuAAAAAAA=",
        "childFolderCount": 2,
        "unreadItemCount": 7,
        "totalItemCount": 143,
        "isHidden": False,
    }
