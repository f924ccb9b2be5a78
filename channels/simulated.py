"""The simulated channel: the transport for a channel whose settings are absent.

It stands in for SMS, email or Telegram in the demo, in `rollcall replay` and on a server where
that channel is not configured, with no network and no credentials. Everything else runs as it
would for real: the dispatcher claims the outbox row, `send()` checks what the real channel
checks (the SMS segment budget) and returns a provider id, which the dispatcher records, so the
outbox in the store is the record of what was "sent". Each message sent is then "delivered":
its receipt is stored by `store_simulated_receipts` through the same path as a provider's
status callback, so outbox statuses move as they would for real. Replay scripts make inbound
messages with `inbound()` and store them through the same `channels.events.store_received`
as a webhook.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from channels.base import (
    InboundMessage,
    MediaFile,
    MediaRef,
    OutboundMessage,
    Received,
    SendReceipt,
    StatusUpdate,
    WebhookRequest,
    check_evidence,
)
from channels.events import store_items
from channels.sms import segments_to_send
from store.clock import Clock
from store.database import Database
from store.errors import InvalidInput, PermanentSendError, TransientSendError, WebhookRejected

log = logging.getLogger(__name__)


class SimulatedChannel:
    """A channel that keeps its messages and never touches the network."""

    simulated = True

    def __init__(self, name: str, *, clock: Clock, why: str = "",
                 segment_budget: int | None = None) -> None:
        self.name = name  # "sms" | "email" | "telegram" | "whatsapp"
        self.clock = clock
        self.why = why  # why it is simulated: said once at start-up
        self.segment_budget = segment_budget if name == "sms" else None
        self.sent: list[tuple[OutboundMessage, SendReceipt, datetime]] = []
        self._failures: dict[str, list[TransientSendError | PermanentSendError]] = {}
        self._receipts: list[StatusUpdate] = []
        self._ids = itertools.count(1)

    def fail_next(self, to: str, error: TransientSendError | PermanentSendError) -> None:
        """Make the next send to `to` fail like the real provider would (replay scripts)."""
        self._failures.setdefault(to, []).append(error)

    async def send(self, message: OutboundMessage) -> SendReceipt:
        queued = self._failures.get(message.to)
        if queued:
            raise queued.pop(0)
        segments = 1
        if self.segment_budget is not None:
            segments = segments_to_send(message.text, budget=self.segment_budget)
        receipt = SendReceipt(provider_id=f"sim-{self.name}-{next(self._ids)}", status="sent",
                              segments=max(1, segments))
        self.sent.append((message, receipt, self.clock.now()))
        self._receipts.append(StatusUpdate(channel=self.name, provider_id=receipt.provider_id,
                                           status="delivered", received_at=self.clock.now(),
                                           recipient=message.to))
        log.info("simulated %s send outbox=%s id=%s", self.name, message.outbox_id,
                 receipt.provider_id)
        return receipt

    def inbound(self, sender: str, text: str, *, media: Sequence[MediaRef] = (),
                button: str | None = None, command: str | None = None,
                command_arg: str | None = None, provider_id: str | None = None,
                reply_token: str | None = None) -> InboundMessage:
        """An inbound message as this channel's webhook would have parsed it."""
        return InboundMessage(channel=self.name, sender=sender, text=text,
                              provider_id=provider_id or f"sim-in-{next(self._ids)}",
                              received_at=self.clock.now(), media=tuple(media), button=button,
                              command=command, command_arg=command_arg,
                              reply_token=reply_token)

    def parse_inbound(self, request: WebhookRequest) -> list[Received]:
        """A JSON body {"from", "text", "id"?}; there is no provider to verify, so this is for
        in-process use only: no route exposes a simulated channel to the network."""
        if request.header("X-Rollcall-Simulated") != "1":
            raise WebhookRejected("not a simulated request")
        try:
            data: dict[str, Any] = json.loads(request.body.decode("utf-8"))
            return [self.inbound(str(data["from"]), str(data.get("text", "")),
                                 provider_id=data.get("id"))]
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
            raise InvalidInput("a simulated message is JSON with 'from' and 'text'") from None

    def take_receipts(self) -> list[StatusUpdate]:
        """The delivery receipts of what was sent since the last call ("delivered")."""
        receipts, self._receipts = self._receipts, []
        return receipts

    async def find_sent(self, to: str, since: datetime, body: str) -> str | None:
        for message, receipt, at in reversed(self.sent):
            if message.to == to and message.text == body and at >= since:
                return receipt.provider_id
        return None

    async def fetch_media(self, media: MediaRef) -> MediaFile:
        """Simulated media travels inline: a `data:<type>;base64,<bytes>` reference."""
        head, _, encoded = media.ref.partition(",")
        if not head.startswith("data:") or not head.endswith(";base64"):
            raise InvalidInput("simulated media must be a base64 data: reference")
        try:
            data = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise InvalidInput("simulated media is not valid base64") from None
        kind = check_evidence(head[5:-7], len(data))
        return MediaFile(content_type=kind, data=data, filename=media.filename)

    async def close(self) -> None:
        return None


def store_simulated_receipts(channels: Iterable[object], database: Database,
                             clock: Clock) -> int:
    """Store the receipts the simulated channels among `channels` produced, through the same
    path as a provider's status callback (one that comes before the dispatcher recorded the
    id waits for it, as a real one does); how many were new."""
    receipts = [r for c in channels if isinstance(c, SimulatedChannel) for r in c.take_receipts()]
    if not receipts:
        return 0
    with database.transaction() as session:
        return len(store_items(session, clock, receipts, raw=None))


def data_ref(content_type: str, data: bytes, *, filename: str | None = None) -> MediaRef:
    """A MediaRef carrying its bytes, for simulated photos in the demo and replay."""
    encoded = base64.b64encode(data).decode("ascii")
    return MediaRef(ref=f"data:{content_type};base64,{encoded}", content_type=content_type,
                    filename=filename, size=len(data))
