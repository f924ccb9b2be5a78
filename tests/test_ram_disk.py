"""The RAM disk's test folders: ours named with our pid and locked; those of killed runs
removed by the next run, a live run's never."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from tests.ram_disk import (
    LOCK,
    NEW_SECONDS,
    OLD_NAME_IDLE_SECONDS,
    PREFIX,
    remove_stale,
    stores_folder,
)


def _folder(shm: Path, name: str, *, lock: bool) -> Path:
    folder = shm / name
    (folder / "store").mkdir(parents=True)
    if lock:
        (folder / LOCK).touch()
    return folder


def test_a_run_names_its_folder_with_its_pid_and_removes_it_after(tmp_path: Path) -> None:
    with stores_folder(tmp_path) as root:
        assert root.name.startswith(f"{PREFIX}{os.getpid()}-")
        assert remove_stale(tmp_path) == []  # its own lock is held: it is alive
    assert not root.exists()


def test_a_killed_runs_folder_goes_and_a_live_runs_stays(tmp_path: Path) -> None:
    killed = _folder(tmp_path, f"{PREFIX}999999-abc", lock=True)  # nobody holds its lock
    starting = _folder(tmp_path, f"{PREFIX}2-ghi", lock=True)  # made now: not locked yet
    live = _folder(tmp_path, f"{PREFIX}1-def", lock=True)
    a_while_ago = time.time() - NEW_SECONDS - 5
    for folder in (killed, live):
        os.utime(folder, (a_while_ago, a_while_ago))
    with (live / LOCK).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert remove_stale(tmp_path) == [killed]
    assert live.exists() and starting.exists() and not killed.exists()


def test_an_old_named_folder_goes_only_when_untouched_for_a_day(tmp_path: Path) -> None:
    recent = _folder(tmp_path, f"{PREFIX}k2j4x9qa", lock=False)
    old = _folder(tmp_path, f"{PREFIX}p0w8e1rt", lock=False)
    long_ago = time.time() - OLD_NAME_IDLE_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    other = _folder(tmp_path, "PostgreSQL.1261894244", lock=False)
    os.utime(other, (long_ago, long_ago))
    assert remove_stale(tmp_path) == [old]
    assert recent.exists() and other.exists()
