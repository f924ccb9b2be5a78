"""`rollcall db ...`: schema migrations."""

from __future__ import annotations

import typer

from bot.settings import load_settings
from store.database import Database
from store.migrate import upgrade


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="The attendance store's schema.", no_args_is_help=True)

    @db_app.command("upgrade")
    def db_upgrade() -> None:
        """Apply every migration not yet applied (safe to run again)."""
        database = Database(load_settings().database_url)
        upgrade(database)
        typer.echo(f"database at head ({database.dialect})")

    app.add_typer(db_app, name="db")
