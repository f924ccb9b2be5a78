"""Reading Telegram updates: what a family did in their private chat with the bot.

Each raw update (a webhook body, or one item of getUpdates) becomes what the store keeps: an
InboundMessage (words, a command, a pressed button, or something shown: a photo, a voice note,
a sticker, a location, a message edited), a ChannelAccess (the family blocked or unblocked the
bot), or an UnhandledUpdate (a group's message, Telegram's own service message, a type it adds
later), stored raw and counted. Nothing Telegram sends is refused once it has an update_id.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from aiogram import Bot
from aiogram.types import Message, Update
from pydantic import ValidationError

from channels.base import (
    ChannelAccess,
    InboundMessage,
    MediaRef,
    Received,
    UnhandledUpdate,
)
from store.errors import InvalidInput

COMMANDS = frozenset({"/start", "/absent", "/help", "/stop"})
# The update types we ask Telegram for, in the webhook set-up and in polling alike (Telegram
# keeps the last list it was given): only those with an outcome in `updates_to_inbound`. A type
# added there is added here, or Telegram never sends it.
HANDLED_UPDATES: tuple[str, ...] = ("message", "edited_message", "callback_query", "my_chat_member")
# A private chat's member status of the bot: the family blocked it, or unblocked (or started) it.
_BLOCKED, _UNBLOCKED = "kicked", "member"
# What a person sends to show rather than say (the engine hands it to staff when no words we
# can read come with it). Any other content of a message without text is Telegram's own
# service message (a pin, an auto-delete timer, write access allowed): kept and counted as
# unhandled, never answered. A content type aiogram does not know yet ("unknown") is treated
# as shown: a person looks at it.
SHOWN_CONTENT = frozenset(
    {
        "photo",
        "live_photo",
        "document",
        "voice",
        "audio",
        "video",
        "video_note",
        "animation",
        "sticker",
        "contact",
        "location",
        "venue",
        "dice",
        "poll",
        "story",
        "paid_media",
        "checklist",
        "game",
        "rich_message",
        "unknown",
    }
)


class UnreadableUpdate(InvalidInput):
    """An update with an update_id whose shape aiogram cannot read (an old or a new shape)."""

    def __init__(self, message: str, *, update_id: int, update_type: str) -> None:
        super().__init__(message)
        self.update_id = update_id
        self.update_type = update_type


def parse_update_json(body: bytes, *, bot: Bot | None = None) -> Update:
    """The Update in a raw body, or InvalidInput saying what is wrong with it."""
    try:
        data: Any = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput("update is not UTF-8") from None
    except ValueError:
        raise InvalidInput("update is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise InvalidInput("update has no integer update_id")
    try:
        return Update.model_validate(data, context={"bot": bot} if bot else {})
    except ValidationError as error:
        where = ".".join(str(p) for p in error.errors()[0]["loc"])
        kind = next((key for key in data if key != "update_id"), "unknown")
        raise UnreadableUpdate(
            f"update is not a Telegram update (at {where})",
            update_id=data["update_id"],
            update_type=f"unreadable {kind}",
        ) from None


def updates_to_inbound(update: Update, *, received_at: datetime) -> list[Received]:
    """What a contact did in one private chat: said something (words, a command, a photo, a
    voice note, a sticker, a location...), changed a message, pressed a button, blocked or
    unblocked the bot.

    Any other update (a group's message, a type Telegram adds later) is an UnhandledUpdate:
    stored raw and counted, never silently dropped."""
    provider_id = f"update:{update.update_id}"
    message = update.message or update.edited_message
    if message is not None and message.chat.type == "private":
        if message.text is None and _content(message) not in SHOWN_CONTENT:
            kind = "message" if update.message is not None else "edited_message"
            return [
                UnhandledUpdate(
                    channel="telegram",
                    provider_id=provider_id,
                    update_type=f"{kind}:{_content(message)}",
                    received_at=received_at,
                )
            ]
        return [
            _from_message(
                message,
                provider_id=provider_id,
                received_at=received_at,
                edited=update.message is None,
            )
        ]
    query = update.callback_query
    if query is not None and query.data is not None:
        chat = query.message.chat.id if query.message is not None else query.from_user.id
        return [
            InboundMessage(
                channel="telegram",
                sender=str(chat),
                text="",
                provider_id=provider_id,
                received_at=received_at,
                button=query.data,
                acknowledge_id=query.id,
            )
        ]
    member = update.my_chat_member
    if (
        member is not None
        and member.chat.type == "private"
        and member.new_chat_member.status in (_BLOCKED, _UNBLOCKED)
    ):
        return [
            ChannelAccess(
                channel="telegram",
                provider_id=provider_id,
                sender=str(member.chat.id),
                received_at=received_at,
                blocked=member.new_chat_member.status == _BLOCKED,
            )
        ]
    return [
        UnhandledUpdate(
            channel="telegram",
            provider_id=provider_id,
            update_type=_update_type(update),
            received_at=received_at,
        )
    ]


def _update_type(update: Update) -> str:
    """The update's type: its one field besides update_id (aiogram keeps a type it does not
    know yet as an extra field), "message" for a message we do not take (a group's)."""
    data = update.model_dump(exclude_none=True, exclude={"update_id"})
    return next(iter(data), "unknown")


def _from_message(
    message: Message, *, provider_id: str, received_at: datetime, edited: bool = False
) -> InboundMessage:
    # A sticker says what its emoji says: a 👍 sticker is read as a 👍.
    sticker = message.sticker.emoji if message.sticker is not None else None
    text = message.text or message.caption or sticker or ""
    command, argument = _command(text) if not edited else (None, None)
    content = None if message.text is not None else _content(message)
    # An edit's file is the one already kept with the message (a caption changed): fetching it
    # again would keep it twice. A replaced file is still in the stored raw update.
    return InboundMessage(
        channel="telegram",
        sender=str(message.chat.id),
        text=text,
        provider_id=provider_id,
        received_at=received_at,
        media=() if edited else _media(message),
        command=command,
        command_arg=argument,
        content=content,
        edited=edited,
    )


def _content(message: Message) -> str:
    """What a message without text carries, in the Bot API's name for it ("voice",
    "video_note", "contact", ...; aiogram's content type, "unknown" for one it lacks)."""
    kind = message.content_type
    return str(getattr(kind, "value", kind))


def _command(text: str) -> tuple[str | None, str | None]:
    """`/start abc` -> ("/start", "abc"); `/absent@rollcall_bot` -> ("/absent", None)."""
    if not text.startswith("/"):
        return None, None
    head, _, rest = text.partition(" ")
    name = head.split("@", 1)[0].lower()
    if name not in COMMANDS:
        return None, None
    return name, rest.strip() or None


# Files Telegram gives no MIME type for, by what they are (the Bot API's formats).
_VOICE, _VIDEO = "audio/ogg", "video/mp4"


def _media(message: Message) -> tuple[MediaRef, ...]:
    """The file a message carries, to keep as evidence (the media job fetches it within the
    evidence limits). A sticker is not evidence: its emoji is read and the update kept raw."""
    if message.photo:
        largest = message.photo[-1]  # Telegram lists sizes smallest first
        return (MediaRef(ref=largest.file_id, content_type="image/jpeg", size=largest.file_size),)
    for file, default in (
        (message.document, None),
        (message.voice, _VOICE),
        (message.audio, None),
        (message.video, _VIDEO),
        (message.animation, _VIDEO),
    ):
        if file is not None:
            return (
                MediaRef(
                    ref=file.file_id,
                    content_type=file.mime_type or default,
                    filename=getattr(file, "file_name", None),
                    size=file.file_size,
                ),
            )
    if message.video_note is not None:  # a round video message: always MPEG-4, no name
        note = message.video_note
        return (MediaRef(ref=note.file_id, content_type=_VIDEO, size=note.file_size),)
    return ()
