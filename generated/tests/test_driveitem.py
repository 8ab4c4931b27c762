"""Replay tests of the driveitem group, one per documented example."""

import json
from pathlib import Path

EXAMPLES = json.loads(
    (Path(__file__).parent / "examples" / "driveitem.json").read_text(encoding="utf-8")
)


def test_get__get_drive_item_by_id(replay):
    """Replays example 'get_drive_item_by_id' (api/driveitem-get.md, line 65)."""
    example = EXAMPLES["test_get__get_drive_item_by_id"]
    replay(
        lambda client: client.driveitem.get(
            drive_id="b!Xq4mT2kLp0yVdR7nZc3uWh9sEa1Fo6JbN8gYt5KiMvQ2wPxDrLs3Ue7HjCf0Ab9z",
            item_id="01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
        ),
        example,
        method="GET",
        path="/drives/b!Xq4mT2kLp0yVdR7nZc3uWh9sEa1Fo6JbN8gYt5KiMvQ2wPxDrLs3Ue7HjCf0Ab9z/items/01QZP5XG3ZKWBQ7F2LMHBTYC4RJD6NAE5V",
        query=[],
    )


def test_get__get_drive_item_by_path(replay):
    """Replays example 'get_drive_item_by_path' (api/driveitem-get.md, line 113)."""
    example = EXAMPLES["test_get__get_drive_item_by_path"]
    replay(
        lambda client: client.driveitem.get(item_path="Quarterly-Budget.xlsx"),
        example,
        method="GET",
        path="/me/drive/root:/Quarterly-Budget.xlsx",
        query=[],
    )


def test_get_content__download_drive_file_content(replay):
    """Replays example 'download_drive_file_content' (api/driveitem-get-content.md, line 56)."""
    example = EXAMPLES["test_get_content__download_drive_file_content"]
    replay(
        lambda client: client.driveitem.get_content("01QZP5XG2PLVYEK7MDQ4RBWHNC5T3ZXJ6A"),
        example,
        method="GET",
        path="/me/drive/items/01QZP5XG2PLVYEK7MDQ4RBWHNC5T3ZXJ6A/content",
        query=[],
    )


def test_list_children__list_folder_children_me(replay):
    """Replays example 'list_folder_children_me' (api/driveitem-list-children.md, line 54)."""
    example = EXAMPLES["test_list_children__list_folder_children_me"]
    replay(
        lambda client: client.driveitem.list_children(
            item_id="01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P",
            select=["id", "name", "size", "folder", "file"],
        ),
        example,
        method="GET",
        path="/me/drive/items/01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P/children",
        query=[("$select", "id,name,size,folder,file")],
    )


def test_put_content__upload_new_text_file(replay):
    """Replays example 'upload_new_text_file' (api/driveitem-put-content.md, line 60)."""
    example = EXAMPLES["test_put_content__upload_new_text_file"]
    replay(
        lambda client: client.driveitem.put_content(
            parent_id="01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P",
            filename="packing-checklist.txt",
            content=example["content"].encode(),
            content_type="text/plain",
        ),
        example,
        method="PUT",
        path="/me/drive/items/01QZP5XGZ4NMW7R2KQHFBEJ5TLXACV6D3P:/packing-checklist.txt:/content",
        query=[],
    )
