"""Replay tests of the driveitem group, one per documented example."""


def test_get__get_drive_item_by_id(replay):
    """Replays example 'get_drive_item_by_id' (api/driveitem-get.md, line 65)."""
    result = replay(
        lambda client: client.driveitem.get(
            drive_id="b!Xq4mT2kLp0yVdR7nZc3uWh9sEa1Fo6JbN8gYt5KiMvQ2wPxDrLs3Ue7HjCf0Ab9z",
            item_id="01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
        ),
        method="GET",
        path="/drives/b!Xq4mT2kLp0yVdR7nZc3uWh9sEa1Fo6JbN8gYt5KiMvQ2wPxDrLs3Ue7HjCf0Ab9z/items/01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
        query=[],
        response={
            "status": 200,
            "json": {
                "id": "01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
                "name": "Quarterly-Budget.xlsx",
                "size": 48213,
                "webUrl": "https://contoso-my.sharepoint.com/personal/priya_raman_contoso_com/Documents/Quarterly-Budget.xlsx",
                "createdDateTime": "2024-01-15T10:02:33Z",
                "lastModifiedDateTime": "2024-03-08T17:45:10Z",
                "file": {
                    "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                },
                "parentReference": {
                    "driveId": "b!Xq4mT2kLp0yVdR7nZc3uWh9sEa1Fo6JbN8gYt5KiMvQ2wPxDrLs3Ue7HjCf0Ab9z",
                    "path": "/drive/root:",
                },
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "id": "01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
        "name": "Quarterly-Budget.xlsx",
        "size": 48213,
        "webUrl": "https://contoso-my.sharepoint.com/personal/priya_raman_contoso_com/Documents/Quarterly-Budget.xlsx",
        "createdDateTime": "2024-01-15T10:02:33Z",
        "lastModifiedDateTime": "2024-03-08T17:45:10Z",
        "file": {"mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        "parentReference": {
            "driveId": "b!Xq4mT2kLp0yVdR7nZc3uWh9sEa1Fo6JbN8gYt5KiMvQ2wPxDrLs3Ue7HjCf0Ab9z",
            "path": "/drive/root:",
        },
    }


def test_get__get_drive_item_by_path(replay):
    """Replays example 'get_drive_item_by_path' (api/driveitem-get.md, line 113)."""
    result = replay(
        lambda client: client.driveitem.get(item_path="Quarterly-Budget.xlsx"),
        method="GET",
        path="/me/drive/root:/Quarterly-Budget.xlsx",
        query=[],
        response={
            "status": 200,
            "json": {
                "id": "01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
                "name": "Quarterly-Budget.xlsx",
                "size": 48213,
                "file": {
                    "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                },
                "parentReference": {"path": "/drive/root:"},
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "id": "01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
        "name": "Quarterly-Budget.xlsx",
        "size": 48213,
        "file": {"mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        "parentReference": {"path": "/drive/root:"},
    }


def test_get_content__download_drive_file_content(replay):
    """Replays example 'download_drive_file_content' (api/driveitem-get-content.md, line 56)."""
    result = replay(
        lambda client: client.driveitem.get_content("01QZP5XG2PLVYEK7MDQ4RBWHNC5T3ZXJ6A"),
        method="GET",
        path="/me/drive/items/01QZP5XG2PLVYEK7MDQ4RBWHNC5T3ZXJ6A/content",
        query=[],
        response={
            "status": 200,
            "content": b"Standup 12 March: forklift training booked, pallet labels reordered.",
            "headers": {"Content-Type": "application/octet-stream"},
        },
    )
    assert result == b"Standup 12 March: forklift training booked, pallet labels reordered."


def test_list_children__list_folder_children_me(replay):
    """Replays example 'list_folder_children_me' (api/driveitem-list-children.md, line 54)."""
    result = replay(
        lambda client: client.driveitem.list_children(
            item_id="01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P",
            select=["id", "name", "size", "folder", "file"],
        ),
        method="GET",
        path="/me/drive/items/01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P/children",
        query=[("$select", "id,name,size,folder,file")],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/drive/items('01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P')/children(id,name,size,folder,file)",
                "value": [
                    {
                        "id": "01QZP5XG6HTRMWQ2VBN7DFKJ3OAEYXCU4L",
                        "name": "Site photos",
                        "size": 7340211,
                        "folder": {"childCount": 12},
                    },
                    {
                        "id": "01QZP5XG2PLVYEK7MDQ4RBWHNC5T3ZXJ6A",
                        "name": "meeting-notes.txt",
                        "size": 412,
                        "file": {"mimeType": "text/plain"},
                    },
                ],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/drive/items('01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P')/children(id,name,size,folder,file)",
        "value": [
            {
                "id": "01QZP5XG6HTRMWQ2VBN7DFKJ3OAEYXCU4L",
                "name": "Site photos",
                "size": 7340211,
                "folder": {"childCount": 12},
            },
            {
                "id": "01QZP5XG2PLVYEK7MDQ4RBWHNC5T3ZXJ6A",
                "name": "meeting-notes.txt",
                "size": 412,
                "file": {"mimeType": "text/plain"},
            },
        ],
    }


def test_put_content__upload_new_text_file(replay):
    """Replays example 'upload_new_text_file' (api/driveitem-put-content.md, line 60)."""
    result = replay(
        lambda client: client.driveitem.put_content(
            parent_id="01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P",
            filename="packing-checklist.txt",
            content=b"Tape, box cutters, two spare pallet jacks, printed route sheets.",
            content_type="text/plain",
        ),
        method="PUT",
        path="/me/drive/items/01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P:/packing-checklist.txt:/content",
        query=[],
        content=b"Tape, box cutters, two spare pallet jacks, printed route sheets.",
        response={
            "status": 201,
            "json": {
                "id": "01QZP5XG7UJDKW3QNB5RFHYMZ2EXAT4C8S",
                "name": "packing-checklist.txt",
                "size": 64,
                "createdDateTime": "2024-03-14T11:20:05Z",
                "file": {"mimeType": "text/plain"},
                "parentReference": {
                    "id": "01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P",
                    "path": "/drive/root:/Warehouse",
                },
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "id": "01QZP5XG7UJDKW3QNB5RFHYMZ2EXAT4C8S",
        "name": "packing-checklist.txt",
        "size": 64,
        "createdDateTime": "2024-03-14T11:20:05Z",
        "file": {"mimeType": "text/plain"},
        "parentReference": {
            "id": "01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P",
            "path": "/drive/root:/Warehouse",
        },
    }
