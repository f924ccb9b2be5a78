"""HTTP load for the benchmarks: as fast as it goes (closed loop), or at a fixed rate (open loop).

At a fixed rate, request i is sent at `start + i / rate` whether or not the earlier ones have
been answered, and its latency counts from that scheduled time, not from when it was actually
sent. A server that falls behind then shows it in the percentiles instead of slowing the
arrivals down with it (the "coordinated omission" of a closed-loop tool such as wrk, which
wrk2 corrects the same way); a load generator that falls behind counts against the server too,
so the figure errs on the slow side, and how late the sends started is reported beside it.

Both loops send each request once, in order (every one carries its own provider id), over a
pool of keep-alive connections, with aiohttp on uvloop when it is installed. Times are read
from `time.perf_counter`: uvloop's `loop.time()` is in whole milliseconds, and cached for
each turn of the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeVar

import aiohttp

Request = tuple[str, dict[str, str]]  # form body, headers
TIMEOUT = aiohttp.ClientTimeout(total=10)
T = TypeVar("T")


def run(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """`asyncio.run` on uvloop when it is there (as `rollcall serve` runs the server), with the
    generator's garbage collector off: a full collection over the tens of thousands of prepared
    requests paused its sends by up to 230 ms, counted against the server (send lag p99 233 ms
    with it, 3 ms without)."""
    gc.collect()
    gc.disable()
    try:
        with contextlib.suppress(ImportError):
            import uvloop

            return uvloop.run(main())
        return asyncio.run(main())
    finally:
        gc.enable()


async def closed_loop(url: str, requests: Sequence[Request], *, seconds: float,
                      connections: int) -> dict[str, Any]:
    """`connections` clients, each sending its next request when the last is answered, for
    `seconds`: the most the server takes. Latency here is per request (closed loop)."""
    queue = iter(requests)
    latencies: list[float] = []
    failures = {"errors": 0, "non_2xx": 0}
    now = time.perf_counter
    async with _session(connections) as session:
        stop = now() + seconds

        async def client() -> None:
            while now() < stop and (request := next(queue, None)) is not None:
                body, headers = request
                sent = now()
                if await _post(session, url, body, headers, failures):
                    latencies.append(now() - sent)

        started, cpu = now(), time.process_time()
        await asyncio.gather(*(client() for _ in range(connections)))
        elapsed, cpu = now() - started, time.process_time() - cpu
    done = len(latencies) + failures["errors"] + failures["non_2xx"]
    return {"rps": round(done / elapsed), **failures, **percentiles(latencies),
            "generator_cpu_us_per_request": round(cpu * 1e6 / done) if done else None}


async def fixed_rate(url: str, requests: Sequence[Request], *, rate: float, seconds: float,
                     connections: int) -> dict[str, Any]:
    """`rate` requests a second for `seconds`, open loop; latency from each scheduled time."""
    total = int(rate * seconds)
    if total > len(requests):
        raise ValueError(f"{total} requests wanted, {len(requests)} prepared")
    latencies: list[float] = []
    lags: list[float] = []
    failures = {"errors": 0, "non_2xx": 0}
    now = time.perf_counter
    async with _session(connections) as session:

        async def one(body: str, headers: dict[str, str], at: float) -> None:
            lags.append(now() - at)
            if await _post(session, url, body, headers, failures):
                latencies.append(now() - at)

        start, cpu = now() + 0.05, time.process_time()
        sending: list[asyncio.Task[None]] = []
        for i in range(total):
            at = start + i / rate
            if (wait := at - now()) > 0:
                await asyncio.sleep(wait)
            body, headers = requests[i]
            sending.append(asyncio.create_task(one(body, headers, at)))
        await asyncio.gather(*sending)
        elapsed, cpu = now() - start, time.process_time() - cpu
    lags.sort()
    return {"target_rps": round(rate), "requests": total,
            "answered_per_second": round(len(latencies) / elapsed), **failures,
            **percentiles(latencies),
            "send_lag_p99_ms": round(lags[_rank(len(lags), 0.99)] * 1000, 1) if lags else None,
            "generator_cpu_us_per_request": round(cpu * 1e6 / total) if total else None}


def percentiles(latencies: list[float]) -> dict[str, float | None]:
    """p50/p90/p99/p99.9/max in milliseconds (nearest rank)."""
    ordered = sorted(latencies)
    found: dict[str, float | None] = {}
    for label, q in (("50", 0.50), ("90", 0.90), ("99", 0.99), ("999", 0.999), ("max", 1.0)):
        key = "max_ms" if label == "max" else f"p{label}_ms"
        found[key] = round(ordered[_rank(len(ordered), q)] * 1000, 1) if ordered else None
    return found


def _rank(n: int, q: float) -> int:
    return min(n - 1, max(0, int(n * q + 0.999999) - 1))


def _session(connections: int) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(limit=connections, limit_per_host=connections)
    return aiohttp.ClientSession(connector=connector, timeout=TIMEOUT)


async def _post(session: aiohttp.ClientSession, url: str, body: str, headers: dict[str, str],
                failures: dict[str, int]) -> bool:
    """Send one request; True when it was answered 2xx (failures are counted, not timed)."""
    try:
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()
            if response.status >= 300:
                failures["non_2xx"] += 1
                return False
            return True
    except (aiohttp.ClientError, TimeoutError):
        failures["errors"] += 1
        return False
