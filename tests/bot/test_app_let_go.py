"""An app let go is freed, with its store: nothing module-wide keeps one alive. A test run
builds an app a test, and when each was kept they were most of a 1.7 GB heap and of the time
spent collecting it."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from fastapi.testclient import TestClient

from bot.app import create_app
from store.clock import FakeClock
from store.database import Database
from tests.console.conftest import console_settings


def test_an_app_let_go_is_freed_with_its_store(db: Database, clock: FakeClock,
                                               tmp_path: Path) -> None:
    store = Database(db.url)
    app = create_app(console_settings(db.url, tmp_path), database=store, clock=clock,
                     background=False)
    with TestClient(app) as client:  # each route answers once: FastAPI caches what it learns
        assert client.get("/docs").status_code == 200
        assert client.get("/docs/oauth2-redirect").status_code == 200
        assert client.get("/console/sign-in").status_code == 200
        assert client.get("/").status_code == 200
    store.dispose()
    kept = weakref.ref(app), weakref.ref(store)
    del app, store, client
    gc.collect()
    assert [ref() for ref in kept] == [None, None]
