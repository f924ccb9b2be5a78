"""What the scheduling package reads from the app's configuration.

Scheduling sits below `bot`, so it never imports the app's `Settings`: it names the few values
it reads here, and `bot.settings.Settings` is one object that has them (as
`channels.registry.ChannelSettings` does for the channels). A test passes its own.
"""

from __future__ import annotations

from datetime import time
from typing import Protocol

from pydantic import SecretStr


class SchedulingSettings(Protocol):
    """The part of `bot.settings.Settings` the inbound worker and the jobs read."""

    public_url: str  # links in staff alerts
    urgent_ack_minutes: int  # an urgent escalation unacknowledged this long is re-sent
    max_notice_school_days: int  # an advance notice further ahead goes to a person
    inbound_poll_seconds: float  # how often an idle inbound worker looks for new events
    write_back_webhook_url: str | None
    write_back_webhook_secret: SecretStr | None
    wonde_base_url: str
    wonde_tokens: dict[str, SecretStr]  # by rollcall's school id; never logged
    wonde_requests_per_second: float
    mis_sync_minutes: int
    mis_sync_from: time
    mis_sync_until: time
    mis_push_batch: int
    casework_day: str  # the weekly casework pass: APScheduler's day_of_week ("fri")
    casework_at: time  # school-local
    casework_rolling_weeks: int  # the figures' rolling window, in school weeks
    engagement_at: time  # school-local: colleges' and universities' nightly recompute
