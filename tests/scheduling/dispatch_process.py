"""A dispatcher in a process of its own, for the fault tests (killed with SIGKILL, restarted).

    python -m tests.scheduling.dispatch_process DATABASE_URL TWILIO_BASE_URL [LEASE_SECONDS]
"""

from __future__ import annotations

import asyncio
import sys
from datetime import timedelta

from channels.sms import SmsChannel
from scheduling.dispatcher import Dispatcher, DispatcherConfig
from store.clock import SystemClock
from store.database import Database
from tests.scheduling.delivery import sms_config


async def main(database_url: str, base_url: str, lease_seconds: float) -> None:
    clock = SystemClock()
    channel = SmsChannel(sms_config(base_url), clock=clock)
    config = DispatcherConfig(lease=timedelta(seconds=lease_seconds), idle_seconds=0.2)
    await Dispatcher(Database(database_url), clock, {"sms": channel},
                     config=config).run_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 60))
