"""WhatsApp through Twilio: the same account, webhooks and media as SMS, WhatsApp's own rules.

A family's WhatsApp address is their mobile number: Twilio writes it "whatsapp:+44...", we keep
the number and call the channel "whatsapp" (`channels.sms` reads the webhooks for both), so the
sender is found by the contact's mobile and is answered on WhatsApp, never by SMS.

WhatsApp takes free text only inside the customer-care window, 24 hours from the family's last
message to us; outside it a business may send only a template WhatsApp approved. So a message
goes as free text when `OutboundMessage.last_inbound_at` is within the window, and otherwise as
the approved template whose wording it is (`channels.whatsapp_templates`: the message's fixed
words in its language and school, a Content SID from settings), with the words that vary (the
children's names, the day) as the template's variables, in its order. With no approved template
for the message's key and language it fails permanently (`no_template`), and the dispatcher
fails it over to the contact's next channel.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar

import aiohttp
from twilio.base.exceptions import TwilioRestException, TwilioServiceException

from channels.base import (
    MediaFile,
    MediaRef,
    OutboundMessage,
    Received,
    SendReceipt,
    WebhookRequest,
)
from channels.sms import STATUS_PATH, WHATSAPP_PREFIX, SmsChannel, TwilioConfig
from channels.twilio_http import send_error
from channels.whatsapp_templates import Approved
from store.clock import Clock
from store.errors import PermanentSendError, TransientSendError

log = logging.getLogger(__name__)

WINDOW = timedelta(hours=24)  # WhatsApp's customer-care window
MAX_BODY = 1600  # Twilio's limit for a WhatsApp message body


@dataclass(frozen=True, slots=True)
class WhatsAppConfig:
    """What the WhatsApp channel needs from Settings besides the Twilio account."""

    sender: str  # our WhatsApp number ("whatsapp:+44..." or "+44...") or a Messaging Service
    # "<template key>:<language>[:<school id>]" -> the approved template's Content SID
    # ("absence.first.one:en": "HX..."); `rollcall whatsapp templates` prints the keys
    templates: Mapping[str, str] = field(default_factory=dict)
    window: timedelta = WINDOW


class WhatsAppChannel:
    """The WhatsApp adapter: the Twilio client as SMS uses it (wrapped, never subclassed)."""

    name: ClassVar[str] = "whatsapp"
    simulated = False

    def __init__(self, twilio: TwilioConfig, config: WhatsAppConfig, *, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self.approved = Approved(config.templates)
        for setting, why in self.approved.unknown.items():
            log.warning("ROLLCALL_WHATSAPP_TEMPLATES: %r %s (`rollcall whatsapp templates` "
                        "prints the settings); not used", setting, why)
        # The same account's client, signature check and media download as SMS.
        self._twilio = SmsChannel(twilio, clock=clock)

    async def send(self, message: OutboundMessage) -> SendReceipt:
        """Free text inside the window, else the approved template; a typed failure else."""
        if len(message.text) > MAX_BODY:
            raise PermanentSendError(
                f"text of {len(message.text)} characters is over WhatsApp's {MAX_BODY}",
                error_code="too_long",
            )
        content = self._content(message)
        try:
            sent = await self._twilio.client.messages.create_async(
                to=WHATSAPP_PREFIX + message.to,
                **self._sender(),
                status_callback=self._twilio.config.public_url + STATUS_PATH,
                **content,
            )
        except (TwilioRestException, TwilioServiceException) as error:
            failure = send_error(error)
            log.warning(
                "whatsapp send outbox=%s failed status=%s code=%s",
                message.outbox_id,
                error.status,
                failure.error_code,
            )
            raise failure from None
        except (aiohttp.ClientError, TimeoutError) as error:
            raise TransientSendError(f"Twilio unreachable: {type(error).__name__}") from None
        log.info("whatsapp sent outbox=%s sid=%s template=%s", message.outbox_id, sent.sid,
                 content.get("content_sid"))
        return SendReceipt(provider_id=str(sent.sid), status=str(sent.status or "queued"))

    def in_window(self, last_inbound_at: datetime | None) -> bool:
        """Whether free text may go: the family wrote to us within the window."""
        return (
            last_inbound_at is not None and self.clock.now() - last_inbound_at < self.config.window
        )

    def _content(self, message: OutboundMessage) -> dict[str, Any]:
        if self.in_window(message.last_inbound_at):
            return {"body": message.text}
        found = self.approved.find(message.text, language=message.language,
                                   school=message.school, school_id=message.school_id)
        if found is None:
            raise PermanentSendError(
                f"outside WhatsApp's 24-hour window and no approved template for this "
                f"{message.kind} message in {message.language}",
                error_code="no_template",
            )
        sid, values = found
        variables = {str(number): value for number, value in enumerate(values, 1)}
        return {"content_sid": sid,
                "content_variables": json.dumps(variables, ensure_ascii=False)}

    def _sender(self) -> dict[str, str]:
        sender = self.config.sender
        if sender.startswith("MG"):
            return {"messaging_service_sid": sender}
        return {"from_": WHATSAPP_PREFIX + sender.removeprefix(WHATSAPP_PREFIX)}

    def parse_inbound(self, request: WebhookRequest) -> list[Received]:
        """Twilio's webhook, verified and read as for SMS (WhatsApp senders come out as
        channel "whatsapp")."""
        return self._twilio.parse_inbound(request)

    async def find_sent(self, to: str, since: datetime, body: str) -> str | None:
        """As for SMS (a template's filled-in wording is the text we composed)."""
        return await self._twilio.find_sent(WHATSAPP_PREFIX + to, since, body)

    async def fetch_media(self, media: MediaRef) -> MediaFile:
        return await self._twilio.fetch_media(media)

    async def close(self) -> None:
        await self._twilio.close()
