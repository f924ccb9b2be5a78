"""`rollcall serve` as an operator runs it: a real process whose INFO lines reach stderr."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

# The format configure_logging sets: uvicorn's own lines ("INFO:     Started ...") do not match.
OURS = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ INFO [\w.]+ ")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_sets_up_logging_so_its_info_lines_are_kept(tmp_path: Path) -> None:
    env = {**os.environ, "ROLLCALL_DATABASE_URL": f"sqlite:///{tmp_path}/rollcall.db",
           "ROLLCALL_SECRET_KEY": "s" * 40, "ROLLCALL_LOG_LEVEL": "INFO"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; main()", "serve",
         "--host", "127.0.0.1", "--port", str(free_port())],
        env=env, cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: list[str] = []

    def read_until_started() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if "Application startup complete" in line:
                return

    reader = threading.Thread(target=read_until_started, daemon=True)
    reader.start()
    try:
        reader.join(timeout=90)  # until the server is up, or the process ends
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert any("Application startup complete" in line for line in lines), "".join(lines)
    assert any(OURS.match(line) for line in lines), "".join(lines)
