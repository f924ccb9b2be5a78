"""`bench/inbound_bench.py throughput` drives the webhook with Debian's wrk 4.1 (issue 15.12):
its Lua script goes round its list of signed requests when the server asks for more than were
signed, instead of indexing past the end ("attempt to index a nil value", which killed wrk).
Run with the script exactly as the bench writes it, against a loopback server that answers
at once, with three signed requests for the many a second of wrk makes."""

from __future__ import annotations

import importlib.util
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "inbound_bench.py"


def inbound_bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The bench script as a module (it imports open_loop from beside it, as when it is run)."""
    monkeypatch.syspath_prepend(str(BENCH.parent))
    spec = importlib.util.spec_from_file_location("inbound_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Answered(BaseHTTPRequestHandler):
    """A webhook that takes anything: 200 with nothing in it."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answered)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt install wrk)")
def test_wrk_goes_round_the_signed_requests_past_their_end(
        server: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = inbound_bench(monkeypatch)
    signed = [(f"From=%2B44770090000{n}&Body=ill&MessageSid=SM{n}", f"sig{n}") for n in range(3)]
    result = bench._wrk(server, signed, seconds=1, connections=2, folder=tmp_path)
    # wrk ran to the end and reported (a Lua error aborts it: no summary, a non-zero exit).
    assert result["rps"] > len(signed)  # more requests than were signed: the list went round
    assert (result["non_2xx"], result["errors"]) == (0, 0)
