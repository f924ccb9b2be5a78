"""Alembic environment: runs rollcall's migrations against the URL the CLI passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel, create_engine

from store import models  # noqa: F401  (registers the tables)

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url, "the CLI sets sqlalchemy.url"
connectable: Connection | Engine = config.attributes.get("connection") or create_engine(url)


def run() -> None:
    def migrate(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=SQLModel.metadata,
                          render_as_batch=True, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()

    if isinstance(connectable, Engine):
        with connectable.connect() as connection:
            migrate(connection)
    else:
        migrate(connectable)


run()
