"""`--store-only` (CI's PostgreSQL run) keeps exactly the tests whose store is the test
database: nothing that runs on PostgreSQL is left out, nothing SQLite-only is run twice."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.conftest import _store_is_the_test_database


def _item(*fixtures: str, **cases: object) -> pytest.Item:
    callspec = SimpleNamespace(params=cases) if cases else None
    return SimpleNamespace(fixturenames=list(fixtures), callspec=callspec)  # type: ignore[return-value]


@pytest.mark.parametrize(("item", "kept"), [
    (_item("db", "database_url", "_postgres", "clock"), True),
    (_item("postgres_url"), True),
    (_item("each_db", "_postgres", each_db="postgresql"), True),
    (_item("each_db", "_postgres", each_db="sqlite"), False),
    (_item("empty", empty="postgresql"), True),  # a module's own fixture over both databases
    (_item("empty", empty="sqlite"), False),
    (_item("db", "_postgres", language="cy"), True),
    (_item("tmp_path", language="cy"), False),  # its own SQLite file, or none: the same on both
    (_item(), False),
])
def test_the_postgresql_run_keeps_the_tests_on_the_test_database(item: pytest.Item,
                                                                 kept: bool) -> None:
    assert _store_is_the_test_database(item) is kept
