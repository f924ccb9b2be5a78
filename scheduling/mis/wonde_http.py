"""Wonde's REST API over httpx: a bearer token, pages followed the way Wonde's own clients
follow them (`meta.pagination.more` and `next`), and 429/5xx retried with backoff.

The token goes in the Authorization header only; nothing here logs a header, a body or a
name (httpx logs the URL, which carries ids and dates).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx

from channels.rate_limit import TokenBucket
from store.backoff import Backoff
from store.errors import MisAccessRefused, MisShapeError, MisUnavailable

DEFAULT_BASE_URL = "https://api.wonde.com/v1.0"
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
# Each request is tried this often; the waits grow from half a second, and never undercut
# the Retry-After Wonde gives with a 429.
TRIES = 6
BACKOFF = Backoff(base=timedelta(seconds=0.5), cap=timedelta(seconds=30), jitter=True)
MAX_PAGES = 10_000  # a `next` that never ends is a fault of the other side, not a loop of ours


class WondeHttp:
    """One school's Wonde API: `get_all(path)` yields every item of every page; `post`."""

    def __init__(self, *, base_url: str, token: str, school: str,
                 http: httpx.Client | None = None, requests_per_second: float = 0.0,
                 sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.root = f"{base_url.rstrip('/')}/schools/{school}/"
        self._owned = http is None
        self._http = http or httpx.Client(timeout=TIMEOUT)
        self._headers = {"Authorization": f"Bearer {token}", "Accept": "application/json",
                         "User-Agent": "rollcall"}
        self._sleep = sleep
        # Our own pace, under Wonde's limit, so a pull is a steady stream rather than a burst
        # that earns 429s (which are still waited out when they come).
        self._pace = (TokenBucket(rate=requests_per_second, capacity=1, monotonic=monotonic)
                      if requests_per_second > 0 else None)
        self.requests = 0

    def close(self) -> None:
        if self._owned:
            self._http.close()

    def get_all(self, path: str, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        """Every item of a list endpoint, page after page."""
        url: str | None = self.root + path
        query: dict[str, str] | None = params
        for _ in range(MAX_PAGES):
            if url is None:
                return
            body = _json(self.send("GET", url, params=query))
            data = body.get("data")
            if not isinstance(data, list):
                raise MisShapeError(f"GET {path}: no data list in the answer")
            yield from data
            pagination = (body.get("meta") or {}).get("pagination") or {}
            # `next` already carries the query (page, filters, includes). Wonde's Ruby client
            # reads `more`, its PHP client only `next`: without `more`, a `next` means more.
            more, following = pagination.get("more"), pagination.get("next")
            url = (str(httpx.URL(self.root).join(str(following)))
                   if following and (more if more is not None else True) else None)
            query = None
        raise MisShapeError(f"GET {path}: more than {MAX_PAGES} pages")

    def send(self, method: str, url: str, *, params: dict[str, str] | None = None,
             json: object = None) -> httpx.Response:
        """One request, retried on 429, 5xx and transport errors; 401/403 raise at once.
        Any other answer (2xx, 4xx) is the caller's to read."""
        for attempt in range(1, TRIES + 1):
            while self._pace is not None and (wait := self._pace.try_take()) > 0:
                self._sleep(wait)
            try:
                response = self._http.request(method, url, params=params, json=json,
                                              headers=self._headers)
            except httpx.TransportError as error:
                failure, retry_after = type(error).__name__, None
            else:
                self.requests += 1
                status = response.status_code
                if status in (401, 403):
                    raise MisAccessRefused(f"Wonde refused the token (HTTP {status})")
                if status != 429 and status < 500:
                    return response
                failure, retry_after = f"HTTP {status}", _retry_after(response)
                if retry_after is not None and self._pace is not None:
                    self._pace.block_for(retry_after)
            if attempt == TRIES:
                raise MisUnavailable(f"Wonde: {failure} after {TRIES} tries",
                                     retry_after=retry_after)
            self._sleep(BACKOFF.after(attempt, retry_after=retry_after).total_seconds())
        raise AssertionError("unreachable")  # the loop returns or raises


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers["Retry-After"])
    except (KeyError, ValueError):
        return None


def _json(response: httpx.Response) -> dict[str, Any]:
    if not response.is_success:
        raise MisShapeError(f"{response.request.method} {response.request.url.path}: "
                            f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise MisShapeError("the answer is not JSON") from None
    if not isinstance(body, dict):
        raise MisShapeError("the answer is not a JSON object")
    return body
