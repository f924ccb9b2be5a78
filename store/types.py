"""Column types the store needs beyond SQLModel's defaults."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.mutable import MutableList
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend.

    SQLite keeps no time zone, so values are stored as naive UTC and made aware on the way out;
    a naive value on the way in is refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def json_list() -> Any:
    """A list kept as a JSON array (JSONB on PostgreSQL), changed in place or replaced.

    Lists are lists in the store, never comma-joined strings: one reader (the driver's JSON),
    no `.split(",")` scattered over the callers. `MutableList` makes `contact.lost.append(...)`
    as visible to the session as assigning a new list.
    """
    return MutableList.as_mutable(JSON().with_variant(JSONB(), "postgresql"))


def json_text(values: Iterable[object]) -> str:
    """The text a JSON list column holds for `values`, for the bulk writers that bypass the ORM
    (COPY, executemany): the same spelling `json.dumps` gives the ORM's writes."""
    return json.dumps(list(values))
