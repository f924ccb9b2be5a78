"""Real-shaped Telegram updates (invented chats and people) for the Telegram tests."""

from __future__ import annotations

import json
from typing import Any

CHAT = 5550001
USER = {"id": CHAT, "is_bot": False, "first_name": "Jane", "language_code": "en"}
PRIVATE = {"id": CHAT, "type": "private", "first_name": "Jane"}


def message_update(update_id: int, text: str, *, chat: int = CHAT) -> dict[str, Any]:
    message: dict[str, Any] = {"message_id": 10 + update_id, "date": 1795420800,
                               "from": {**USER, "id": chat}, "chat": {**PRIVATE, "id": chat},
                               "text": text}
    if text.startswith("/"):
        length = len(text.split(" ", 1)[0])
        message["entities"] = [{"offset": 0, "length": length, "type": "bot_command"}]
    return {"update_id": update_id, "message": message}


def photo_update(update_id: int, *, file_id: str = "AgACAgQAAxkBAAIBRWZphoto",
                 caption: str | None = None) -> dict[str, Any]:
    sizes = [
        {"file_id": file_id + "_s", "file_unique_id": "AQADs", "file_size": 1200,
         "width": 90, "height": 67},
        {"file_id": file_id, "file_unique_id": "AQADm", "file_size": 48213,
         "width": 1280, "height": 960},
    ]
    message: dict[str, Any] = {"message_id": 10 + update_id, "date": 1795420800, "from": USER,
                               "chat": PRIVATE, "photo": sizes}
    if caption:
        message["caption"] = caption
    return {"update_id": update_id, "message": message}


def button_update(update_id: int, data: str) -> dict[str, Any]:
    return {"update_id": update_id, "callback_query": {
        "id": "4382bfdwdsb323b2d9", "from": USER, "chat_instance": "-7716282810473912051",
        "data": data,
        "message": {"message_id": 1001, "date": 1795420800, "chat": PRIVATE,
                    "from": {"id": 123456789, "is_bot": True, "first_name": "Rollcall"},
                    "text": "What is the reason?"}}}


def body(update: dict[str, Any]) -> bytes:
    return json.dumps(update).encode()


BOT = {"id": 123456789, "is_bot": True, "first_name": "Rollcall", "username": "rollcall_bot"}


def member_update(update_id: int, status: str, *, chat: int = CHAT) -> dict[str, Any]:
    """The bot's status in a private chat changed: "kicked" (blocked) or "member" (unblocked)."""
    def member(of: str) -> dict[str, Any]:
        return {"user": BOT, "status": of, **({"until_date": 0} if of == "kicked" else {})}

    old = "member" if status == "kicked" else "kicked"
    return {"update_id": update_id, "my_chat_member": {
        "chat": {**PRIVATE, "id": chat}, "from": {**USER, "id": chat}, "date": 1795420800,
        "old_chat_member": member(old), "new_chat_member": member(status)}}


def edited_update(update_id: int, text: str, *, chat: int = CHAT) -> dict[str, Any]:
    message = message_update(update_id, text, chat=chat)["message"]
    return {"update_id": update_id, "edited_message": {**message, "edit_date": 1795420900}}


def content_update(update_id: int, content: dict[str, Any], *,
                   chat: int = CHAT) -> dict[str, Any]:
    """A private message carrying something other than text: {"voice": {...}}, ..."""
    message = message_update(update_id, "", chat=chat)["message"]
    del message["text"]
    return {"update_id": update_id, "message": {**message, **content}}
