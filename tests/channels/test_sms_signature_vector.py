"""Our webhook check against Twilio's own known signature vector.

The vector is the one Twilio publishes for `X-Twilio-Signature` (auth token `12345`, a form post
to https://mycompany.com/myapp.php?foo=1&bar=2): Twilio's webhook security guide
(https://www.twilio.com/docs/usage/webhooks/webhooks-security) and the SDKs' own tests, e.g.
twilio/twilio-python `tests/unit/test_request_validator.py` (MIT licence), where
"RSOYDt4T1cUTdK1PDd93/VVr8B8=" signs it as configured and "kvajT1Ptam85bY51eRf/AJRuM3w=" signs
it with the default port written out (":443"). Nothing here computes a signature itself: a
check that only agreed with our own signing would prove nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlencode

import pytest

from channels.base import WebhookRequest
from channels.sms import SmsChannel, TwilioConfig
from store.clock import FakeClock
from store.errors import InvalidInput, WebhookRejected

URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
FORM = {"CallSid": "CA1234567890ABCDE", "Digits": "1234", "From": "+14158675309",
        "To": "+18005551212", "Caller": "+14158675309"}
SIGNED = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
SIGNED_WITH_PORT = "kvajT1Ptam85bY51eRf/AJRuM3w="


@pytest.fixture
async def documented(clock: FakeClock) -> AsyncIterator[SmsChannel]:
    channel = SmsChannel(TwilioConfig(account_sid="AC" + "0" * 32, auth_token="12345",
                                      public_url="https://mycompany.com"), clock=clock)
    yield channel
    await channel.close()


def _post(signature: str, form: dict[str, str] = FORM) -> WebhookRequest:
    return WebhookRequest(URL, {"x-twilio-signature": signature}, urlencode(form).encode())


@pytest.mark.parametrize("signature", [SIGNED, SIGNED_WITH_PORT])
def test_twilios_documented_signature_is_accepted(documented: SmsChannel,
                                                  signature: str) -> None:
    # The vector is a voice call's form: past the signature, it is refused only for carrying
    # no MessageSid, never as a forgery.
    with pytest.raises(InvalidInput, match="MessageSid"):
        documented.parse_inbound(_post(signature))


def test_the_documented_request_altered_is_rejected(documented: SmsChannel) -> None:
    with pytest.raises(WebhookRejected):
        documented.parse_inbound(_post(SIGNED, FORM | {"Digits": "1235"}))
    with pytest.raises(WebhookRejected):
        documented.parse_inbound(_post(SIGNED.replace("R", "r", 1)))
