"""The HTTP side of the Twilio client: where its requests go, and what its errors mean.

The official `twilio` client is used as it is; only its HTTP client is ours, a thin wrapper
round the library's own `AsyncTwilioHttpClient` that
- sends every request to `ROLLCALL_TWILIO_API_BASE` when that is set (tests point it at a fake
  Messages API on 127.0.0.1; production leaves it unset and talks to api.twilio.com), and
- remembers a 429's Retry-After header, which the library's exception drops, and
- sends the account's credentials as an Authorization header, because the library hands
  them to aiohttp's BasicAuth, which aiohttp deprecates and will remove.
"""

from __future__ import annotations

import base64
import contextvars
import logging
import re
from typing import Any

from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http import AsyncHttpClient
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.response import Response

from store.errors import PermanentSendError, TransientSendError

log = logging.getLogger(__name__)

TWILIO_ORIGIN = re.compile(r"^https://api(\.[a-z0-9-]+)*\.twilio\.com(?=/|$)")

# Set by the HTTP client in the task that made the request, read by the same task's error
# mapping: safe with many sends in flight at once, unlike a "last response" attribute.
_retry_after: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "twilio_retry_after", default=None)

# Codes that mean this number cannot take our texts at all: fail over and mark the channel lost.
NUMBER_UNUSABLE = {21211, 21214, 21217, 21407, 21421, 21612, 21614}
OPTED_OUT = 21610


def rewrite(url: str, api_base: str | None) -> str:
    """`url` with Twilio's API origin replaced by `api_base` (unchanged when it is None)."""
    if not api_base:
        return url
    return TWILIO_ORIGIN.sub(api_base.rstrip("/"), url, count=1)


class RedirectingHttpClient(AsyncHttpClient):  # type: ignore[misc]
    """The library's async HTTP client, pointed at `api_base` (wraps, does not replace, it)."""

    def __init__(self, *, api_base: str | None, timeout: float = 15.0) -> None:
        super().__init__(logger=log, is_async=True, timeout=timeout)
        self.api_base = api_base
        self._inner: AsyncTwilioHttpClient | None = None  # made in the loop that uses it

    async def request(self, method: str, uri: str, params: dict[str, object] | None = None,
                      data: dict[str, object] | None = None,
                      headers: dict[str, str] | None = None,
                      auth: tuple[str, str] | None = None, timeout: float | None = None,
                      allow_redirects: bool = False) -> Response:
        if self._inner is None:
            self._inner = AsyncTwilioHttpClient(timeout=self.timeout, logger=_quiet)
        if auth is not None:
            headers = {**(headers or {}), "Authorization": basic_authorization(*auth)}
        response = await self._inner.request(
            method, rewrite(uri, self.api_base), params=params, data=data, headers=headers,
            auth=None, timeout=timeout or self.timeout, allow_redirects=allow_redirects)
        _retry_after.set(_seconds(response.headers) if response.status_code == 429 else None)
        return response

    async def close(self) -> None:
        if self._inner is not None:
            await self._inner.close()
            self._inner = None


def basic_authorization(username: str, password: str) -> str:
    """An HTTP Basic Authorization header's value (RFC 7617, UTF-8 credentials)."""
    pair = f"{username}:{password}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


def send_error(error: TwilioRestException | TwilioServiceException
               ) -> TransientSendError | PermanentSendError:
    """The typed send failure a Twilio API error means, for the dispatcher to act on."""
    code = error.code
    label = str(code or error.status)
    if error.status == 429:
        return TransientSendError("Twilio is rate limiting us", retry_after=_retry_after.get(),
                                  error_code=label)
    if error.status >= 500:
        return TransientSendError(f"Twilio answered {error.status}", error_code=label)
    if error.status in (401, 403) and code in (None, 20003, error.status):
        # Our credentials, not this message: failing over every message would hide it.
        return TransientSendError("Twilio refused our credentials (ROLLCALL_TWILIO_AUTH_TOKEN)",
                                  retry_after=300.0, error_code=label)
    if code == OPTED_OUT:
        return PermanentSendError("the recipient has unsubscribed (replied STOP)",
                                  error_code=label, opted_out=True)
    if code in NUMBER_UNUSABLE:
        return PermanentSendError(f"Twilio cannot text this number (error {code})",
                                  error_code=label, channel_lost=True)
    return PermanentSendError(f"Twilio refused the message (error {label})", error_code=label)


def _seconds(headers: Any) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:  # an HTTP date: rare from Twilio; let the dispatcher's backoff decide
        return None


# The library logs every request's URL and headers at INFO; our logs carry ids, not numbers.
_quiet = logging.getLogger("twilio.http.quiet")
_quiet.setLevel(logging.WARNING)
