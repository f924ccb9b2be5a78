"""The test run's folder of SQLite stores on the RAM disk, and the folders killed runs left.

A run's folder is `rollcall-tests-<pid>-<random>` and it holds an exclusive flock on the
`.lock` file inside it while it lives. A run killed before its teardown leaves its folder
behind, RAM that stays taken until reboot; the next run removes every such folder whose lock
is free (its process is gone: the kernel lets go of a dead process's locks, whatever its pid
namespace) and that is over a minute old (one made just now may not be locked yet). Folders
of the old name, without a pid or a lock, are removed once untouched for a day: a run still
using one touches it with every store it makes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "rollcall-tests-"
LOCK = ".lock"
OLD_NAME_IDLE_SECONDS = 24 * 3600
NEW_SECONDS = 60  # CI starts its SQLite and PostgreSQL runs together


@contextlib.contextmanager
def stores_folder(shm: Path) -> Iterator[Path]:
    """This run's folder under `shm`, locked while the block runs, removed after it."""
    remove_stale(shm)
    root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=shm))
    try:
        with (root / LOCK).open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def remove_stale(shm: Path) -> list[Path]:
    """Remove the folders of runs that are gone; the ones removed."""
    removed = []
    for folder in shm.glob(f"{PREFIX}*"):
        if _left_behind(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _left_behind(folder: Path) -> bool:
    lock_path = folder / LOCK
    try:
        if not lock_path.exists():  # the old name's, or a run between mkdtemp and its lock
            return time.time() - folder.stat().st_mtime > OLD_NAME_IDLE_SECONDS
        if time.time() - folder.stat().st_mtime < NEW_SECONDS:
            return False  # a run starting beside this one may not have taken its lock yet
        with lock_path.open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # its run is alive
            return True
    except (FileNotFoundError, PermissionError):  # gone meanwhile, or another user's
        return False
