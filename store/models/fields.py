"""The kinds of field the tables share: a list column, a number setting, a UTC timestamp."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column
from sqlmodel import Field

from store.types import UTCDateTime, json_list


def list_field(*default: Any) -> Any:
    """The field of a list column (a JSON array); declared `list[...]` where used."""
    # The column's own default too: bulk Core inserts (the demo, imports) leave it out.
    return Field(default_factory=lambda: list(default),
                 sa_column=Column(json_list(), nullable=False, default=lambda: list(default)))


def setting_field(default: float) -> Any:
    """A number setting with its default in the table too (rows older than the column)."""
    return Field(default=default, sa_column_kwargs={"server_default": str(default)})


def at_field(*, nullable: bool = True, index: bool = False) -> Any:
    """The field of an aware UTC timestamp column; declared `datetime | None` where used."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))
