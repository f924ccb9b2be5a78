"""Lists stored as lists: comma-joined strings become JSON arrays

Contact.channels / opted_out / lost and School.auto_confirm (names) and Outbox.student_ids
(integers) were comma-separated strings; they become JSON arrays (JSONB on PostgreSQL), with
the existing values converted in place: "sms, email" -> ["sms", "email"], "" -> [],
"12,34" -> [12, 34]. Empty parts and spaces are dropped, as the old readers dropped them.

Revision ID: 0002_lists_as_json
Revises: 0001
"""
from __future__ import annotations

import json
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision = "0002_lists_as_json"
down_revision = "0001"
branch_labels = None
depends_on = None

NAMES = {"contact": ("channels", "opted_out", "lost"), "school": ("auto_confirm",)}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # One ALTER per column: PostgreSQL converts every row as it rewrites the table.
        for table, columns in NAMES.items():
            for column in columns:
                op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE jsonb USING "
                           f"to_jsonb(array_remove(string_to_array("
                           f"replace({column}, ' ', ''), ','), ''))")
        op.execute("ALTER TABLE outbox ALTER COLUMN student_ids TYPE jsonb USING "
                   "to_jsonb(array_remove(string_to_array(replace(student_ids, ' ', ''), ','),"
                   " '')::int[])")
        return
    # SQLite cannot change a column's type: write the JSON text into the old columns, then let
    # batch mode rebuild each table with the JSON type (it copies the rows and the indexes).
    for table, columns in NAMES.items():
        for column in columns:
            _rewrite_each_value(table, column, lambda old: json.dumps(_parts(old)))
    # The outbox has a distinct value per message: one UPDATE over the table (its writers
    # only ever wrote digits and commas).
    op.execute("UPDATE outbox SET student_ids = '[' || replace(student_ids, ' ', '') || ']'")
    for table, columns in {**NAMES, "outbox": ("student_ids",)}.items():
        with op.batch_alter_table(table, recreate="always") as batch:
            for column in columns:
                batch.alter_column(column, type_=sa.JSON(),
                                   existing_type=AutoString(),
                                   existing_nullable=False)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, columns in {**NAMES, "outbox": ("student_ids",)}.items():
        if not postgresql:
            with op.batch_alter_table(table, recreate="always") as batch:
                for column in columns:
                    batch.alter_column(column, type_=AutoString(),
                                       existing_type=sa.JSON(), existing_nullable=False)
        for column in columns:
            # '["sms", "email"]' -> 'sms,email': names and ids hold no brackets, quotes, spaces.
            joined = (f"replace(replace(replace(replace(CAST({column} AS TEXT), '[', ''), "
                      f"']', ''), '\"', ''), ' ', '')")
            if postgresql:
                op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar "
                           f"USING {joined}")
            else:
                op.execute(f"UPDATE {table} SET {column} = {joined}")


def _parts(value: str) -> list[str]:
    return [p for p in (part.strip() for part in value.split(",")) if p]


def _rewrite_each_value(table: str, column: str, convert: Callable[[str], str]) -> None:
    """Rewrite a column one distinct value at a time: contacts share a handful of channel
    lists, so this is a few statements rather than one per row."""
    bind = op.get_bind()
    olds = [row[0] for row in bind.execute(sa.text(f"SELECT DISTINCT {column} FROM {table}"))]
    for old in olds:
        bind.execute(sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old"),
                     {"new": convert(old), "old": old})
