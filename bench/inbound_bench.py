"""The inbound path under load: a Twilio webhook to a reply in the outbox, and webhook throughput.

    python bench/inbound_bench.py latency [--messages 300]
    python bench/inbound_bench.py throughput [--seconds 10] [--connections 32]
    python bench/inbound_bench.py rate [--seconds 15] [--fraction 0.8] [--database-url URL]

Both serve the real app with uvicorn (one worker, uvloop and httptools as `rollcall serve` picks
them) on 127.0.0.1 over a fresh SQLite store holding the demo school, and sign every request
exactly as Twilio does (the `twilio` library's RequestValidator, a made-up auth token).

`latency`: one parent reply at a time ("<child> has a temperature" from a contact whose child
is absent today); the time from sending the webhook until the bot's reply is in the outbox
(the inbound worker runs inside the app, as in `rollcall serve`). Reports p50/p95/p99.

`throughput`: wrk (Debian's package; an asyncio/httpx generator when wrk is absent) posts
pre-signed SMS webhooks, each with its own MessageSid, so every request is verified and
durably inserted; the same load against a bare FastAPI endpoint served the same way is
measured in the same run. The inbound worker is off for this one (`background=False`), so the
figure is the webhook's own. Beside each rate: the server's CPU time per request (user + system,
from /proc: steadier than the rate on a shared machine), and the load average and machine.

`rate`: the webhook's latency at a fixed share of its throughput, both measured in the same
run against the same server (worker off, as for `throughput`): first the most it takes (32
clients, each sending as soon as it is answered), then `--fraction` of that rate, open loop,
each request's latency counted from the time it was due to be sent (`bench/open_loop.py`), so
a stall shows in the p99 instead of pausing the arrivals. On SQLite in a temporary folder, or
on the empty PostgreSQL database `--database-url` names (`createdb rollcall_bench`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI, Response
from sqlalchemy import text
from twilio.request_validator import RequestValidator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import open_loop  # beside this script: `python bench/inbound_bench.py` finds it
from open_loop import Request

ACCOUNT_SID = "AC" + "0" * 32  # made up: nothing leaves this machine
AUTH_TOKEN = "made-up-auth-token-for-the-bench"
SCHOOL_NUMBER = "+447700900999"
HERE = Path(__file__).resolve().parent


# --- the servers --------------------------------------------------------------------------


def rollcall_app() -> FastAPI:
    """uvicorn factory: the real app from ROLLCALL_ settings (BENCH_BACKGROUND=0: no worker)."""
    from bot.app import create_app
    from bot.commands.serve import settle_heap
    from bot.settings import load_settings

    background = os.environ.get("BENCH_BACKGROUND", "1") == "1"
    app = create_app(load_settings(), background=background)
    settle_heap()  # as `rollcall serve` does
    return app


def bare_app() -> FastAPI:
    """uvicorn factory: the floor, a FastAPI endpoint that reads the body and answers TwiML."""
    app = FastAPI()

    @app.post("/webhooks/twilio/sms")
    async def bare() -> Response:
        return Response('<?xml version="1.0" encoding="UTF-8"?><Response />',
                        media_type="text/xml")

    return app


def serve(factory: str, env: dict[str, str], port: int,
          cpu: int | None = None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", f"inbound_bench:{factory}", "--factory",
               "--app-dir", str(HERE), "--host", "127.0.0.1", "--port", str(port),
               "--workers", "1", "--loop", "uvloop", "--http", "httptools",
               "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, env={**os.environ, **env, "PYTHONPATH": str(HERE.parent)},
                               preexec_fn=_on_cpu(cpu))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{factory} did not start")


SERVER_CPU = 0  # `rate` pins the server to this core and the load generator to the next


def _on_cpu(cpu: int | None) -> Callable[[], None] | None:
    """For Popen's preexec_fn: run the child on that one core (None: wherever Linux puts it)."""
    if cpu is None:
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the store -----------------------------------------------------------------------------


def prepare_store(folder: Path, url: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """A migrated store with the demo school, SQLite in `folder` unless `url` names an empty
    database; (url, [(phone, absent child's name)])."""
    from store.clock import SystemClock
    from store.database import Database
    from store.demo import create_demo
    from store.migrate import upgrade

    url = url or f"sqlite:///{folder / 'bench.db'}"
    database = Database(url)
    upgrade(database)
    with database.engine.connect() as connection:
        if connection.execute(text("SELECT count(*) FROM school")).scalar():
            raise SystemExit(f"{url.rsplit('@', 1)[-1]} is not empty: give the bench a new "
                             "database")
    with database.transaction() as session:
        create_demo(session, SystemClock(), password="rollcall-bench")
    with database.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT c.phone, s.first_name FROM mark m JOIN student s ON s.id = m.student_id "
            "JOIN student_contact sc ON sc.student_id = s.id JOIN contact c ON c.id = "
            "sc.contact_id WHERE m.code = 'N' AND c.phone IS NOT NULL "
            "AND m.day = (SELECT max(day) FROM mark)")).all()
    database.dispose()
    seen: dict[str, str] = {}
    for phone, first_name in rows:
        seen.setdefault(phone, first_name)
    return url, list(seen.items())


def env_for(url: str, port: int) -> dict[str, str]:
    return {"ROLLCALL_DATABASE_URL": url, "ROLLCALL_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "ROLLCALL_TWILIO_ACCOUNT_SID": ACCOUNT_SID, "ROLLCALL_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "ROLLCALL_LOG_LEVEL": "WARNING", "ROLLCALL_INBOUND_POLL_SECONDS": "0.05"}


def signed(port: int, *, sender: str, body: str, sid: str) -> tuple[str, str]:
    """A Twilio SMS webhook: (form body, X-Twilio-Signature)."""
    url = f"http://127.0.0.1:{port}/webhooks/twilio/sms"
    params = {"MessageSid": sid, "SmsSid": sid, "AccountSid": ACCOUNT_SID, "From": sender,
              "To": SCHOOL_NUMBER, "Body": body, "NumMedia": "0", "NumSegments": "1"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, params)
    return urlencode(params), signature


# --- latency --------------------------------------------------------------------------------


def latency(messages: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        url, families = prepare_store(Path(scratch))
        port = free_port()
        server = serve("rollcall_app", env_for(url, port), port)
        # A plain autocommit sqlite3 reader: the store's own connections begin IMMEDIATE (they
        # take the write lock), which would stall the very webhook being measured.
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        timings: list[float] = []
        try:
            random.seed(7)
            picked = random.sample(families, min(messages, len(families)))
            with httpx.Client(timeout=10) as client:
                for n, (phone, child) in enumerate(picked):
                    last = _last_outbox_id(connection)
                    form, signature = signed(port, sender=phone, sid=f"SMlat{n:08d}",
                                             body=f"{child} has a temperature")
                    started = time.perf_counter()
                    response = client.post(f"http://127.0.0.1:{port}/webhooks/twilio/sms",
                                           content=form, headers=_headers(signature))
                    response.raise_for_status()
                    while _last_outbox_id(connection) == last:
                        if time.perf_counter() - started > 10:
                            raise SystemExit(f"no reply for message {n} within 10 s")
                        time.sleep(0.001)
                    timings.append((time.perf_counter() - started) * 1000)
        finally:
            server.terminate()
            server.wait(timeout=30)
            connection.close()
    timings.sort()
    return {"messages": len(timings), "families_with_absences": len(families),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
            "p99_ms": round(timings[max(0, int(len(timings) * 0.99) - 1)], 1),
            "max_ms": round(timings[-1], 1)}


def _last_outbox_id(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0])


def _headers(signature: str) -> dict[str, str]:
    return {"Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature}


# --- throughput -----------------------------------------------------------------------------


def throughput(seconds: float, connections: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        url, families = prepare_store(Path(scratch))
        results: dict[str, Any] = {"load": "wrk" if shutil.which("wrk") else "httpx",
                                   "machine": _machine(),
                                   "load_average_before": _load_average()}
        for name, factory in (("bare_fastapi", "bare_app"), ("rollcall_webhook", "rollcall_app")):
            port = free_port()
            server = serve(factory, {**env_for(url, port), "BENCH_BACKGROUND": "0"}, port)
            try:
                requests = _requests(port, families, count=int(seconds * 8000) + 1000)
                cpu_before = _cpu_seconds(server.pid)
                rate = _load(port, requests, seconds=seconds, connections=connections,
                             folder=Path(scratch))
                served = rate["rps"] * seconds
                rate["cpu_us_per_request"] = round(
                    (_cpu_seconds(server.pid) - cpu_before) * 1e6 / served) if served else None
            finally:
                server.terminate()
                server.wait(timeout=30)
            results[name] = rate
        results["load_average_after"] = _load_average()
        results["stored_events"] = _stored(url)
    results["ratio"] = round(results["rollcall_webhook"]["rps"] / results["bare_fastapi"]["rps"],
                             2)
    return results


def _requests(port: int, families: list[tuple[str, str]], *, count: int,
              tag: str = "") -> list[tuple[str, str]]:
    phones = [phone for phone, _ in families] or ["+447700900001"]
    tag = f"{port}{tag}"
    return [signed(port, sender=phones[n % len(phones)], body="she has a temperature",
                   sid=f"SM{tag}{n:010d}") for n in range(count)]


def _load(port: int, requests: list[tuple[str, str]], *, seconds: float, connections: int,
          folder: Path) -> dict[str, float]:
    if shutil.which("wrk"):
        return _wrk(port, requests, seconds=seconds, connections=connections, folder=folder)
    return asyncio.run(_httpx_load(port, requests, seconds=seconds, connections=connections))


def _wrk(port: int, requests: list[tuple[str, str]], *, seconds: float, connections: int,
         folder: Path) -> dict[str, float]:
    data = folder / f"requests-{port}.txt"
    data.write_text("".join(f"{sig}\t{form}\n" for form, sig in requests))
    script = folder / f"signed-{port}.lua"
    script.write_text(_WRK_LUA.replace("REQUESTS", str(data)))
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency", "-s",
         str(script), f"http://127.0.0.1:{port}/webhooks/twilio/sms"],
        capture_output=True, text=True, check=True).stdout
    summary = json.loads(output.strip().splitlines()[-1])
    return {"rps": round(summary["requests"] / summary["seconds"]),
            "non_2xx": summary["non_2xx"], "errors": summary["errors"],
            "p99_ms": round(summary["p99_us"] / 1000, 2)}


_WRK_LUA = r"""
local lines, n, non2xx = {}, 0, 0
for line in io.lines("REQUESTS") do lines[#lines + 1] = line end
request = function()
  -- Round the list: a fast endpoint (the bare one) can ask for more requests than were signed,
  -- and lines[n] past the end is nil (Debian's wrk 4.1: "attempt to index a nil value").
  n = n % #lines + 1
  local sig, body = lines[n]:match("([^\t]+)\t(.*)")
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
                                 ["X-Twilio-Signature"] = sig}, body)
end
response = function(status, headers, body)
  if status >= 300 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "non_2xx": %d, "errors": %d, "p99_us": %d}\n',
    summary.requests, summary.duration / 1e6, summary.errors.status, errors,
    latency:percentile(99)))
end
"""


async def _httpx_load(port: int, requests: list[tuple[str, str]], *, seconds: float,
                      connections: int) -> dict[str, float]:
    url = f"http://127.0.0.1:{port}/webhooks/twilio/sms"
    queue = iter(requests)
    done = errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        async def one_connection() -> None:
            nonlocal done, errors
            while time.perf_counter() < stop:
                form, signature = next(queue)
                response = await client.post(url, content=form, headers=_headers(signature))
                done += 1
                errors += response.status_code >= 300
        started = time.perf_counter()
        await asyncio.gather(*(one_connection() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    return {"rps": round(done / elapsed), "non_2xx": errors, "errors": 0, "p99_ms": -1}


# --- fixed rate ------------------------------------------------------------------------------


def fixed_rate(seconds: float, fraction: float, connections: int,
               database_url: str | None, pin: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        url, families = prepare_store(Path(scratch), database_url)
        port = free_port()
        server = serve("rollcall_app", {**env_for(url, port), "BENCH_BACKGROUND": "0"}, port,
                       cpu=SERVER_CPU if pin else None)
        if pin:
            os.sched_setaffinity(0, {SERVER_CPU + 1})
        target = f"http://127.0.0.1:{port}/webhooks/twilio/sms"

        def requests(count: int, tag: str) -> list[Request]:
            return [(form, _headers(signature))
                    for form, signature in _requests(port, families, count=count, tag=tag)]

        results: dict[str, Any] = {"machine": _machine(), "store": url.split(":", 1)[0],
                                   "load_average_before": _load_average(),
                                   "pinned": pin}
        try:
            warm = requests(8000, "w")
            open_loop.run(lambda: open_loop.closed_loop(target, warm, seconds=2,
                                                        connections=connections))
            most = requests(int(seconds * 6000) + 1000, "m")
            cpu = _cpu_seconds(server.pid)
            results["most"] = open_loop.run(lambda: open_loop.closed_loop(
                target, most, seconds=seconds, connections=connections))
            results["most"]["server_cpu_us_per_request"] = _per_request(
                _cpu_seconds(server.pid) - cpu, results["most"]["rps"] * seconds)
            rate = results["most"]["rps"] * fraction
            paced = requests(int(rate * seconds) + 1, "r")
            cpu = _cpu_seconds(server.pid)
            results["fixed_rate"] = open_loop.run(lambda: open_loop.fixed_rate(
                target, paced, rate=rate, seconds=seconds, connections=256))
            results["fixed_rate"]["server_cpu_us_per_request"] = _per_request(
                _cpu_seconds(server.pid) - cpu, rate * seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
        results["load_average_after"] = _load_average()
        results["stored_events"] = _stored(url)
    results["fraction"] = fraction
    return results


def _per_request(cpu_seconds: float, requests: float) -> int | None:
    return round(cpu_seconds * 1e6 / requests) if requests else None


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _machine() -> str:
    models = [line.split(":", 1)[1].strip() for line in
              Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
    return f"{os.uname().machine} {models[0] if models else '?'} {os.cpu_count()} cores"


def _stored(url: str) -> int:
    from store.database import Database

    database = Database(url)
    with database.engine.connect() as connection:
        count = int(connection.execute(text("SELECT count(*) FROM inbound_event")).scalar())
    database.dispose()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="which", required=True)
    lat = sub.add_parser("latency")
    lat.add_argument("--messages", type=int, default=300)
    thr = sub.add_parser("throughput")
    thr.add_argument("--seconds", type=float, default=10)
    thr.add_argument("--connections", type=int, default=32)
    fixed = sub.add_parser("rate")
    fixed.add_argument("--seconds", type=float, default=15)
    fixed.add_argument("--fraction", type=float, default=0.8)
    fixed.add_argument("--connections", type=int, default=32)
    fixed.add_argument("--database-url", default=None)
    fixed.add_argument("--no-pin", dest="pin", action="store_false",
                       help="leave the server and the generator wherever Linux puts them")
    args = parser.parse_args()
    if args.which == "latency":
        result = latency(args.messages)
    elif args.which == "throughput":
        result = throughput(args.seconds, args.connections)
    else:
        result = fixed_rate(args.seconds, args.fraction, args.connections, args.database_url,
                            args.pin and (os.cpu_count() or 1) > SERVER_CPU + 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
