"""`rollcall demo`: a made-up school with today's registers, served with simulated channels."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.commands.serve import HostOpt, PortOpt, prepared_database, run_app
from bot.settings import load_settings
from store.clock import SystemClock
from store.demo import create_demo, store_is_empty

DEMO_PASSWORD = "rollcall-demo"


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        no_serve: Annotated[bool, typer.Option(
            "--no-serve", help="Only prepare the demo data and print what was made.")] = False,
        host: HostOpt = None, port: PortOpt = None,
    ) -> None:
        """Create a made-up school (if the store is empty) and serve it, channels simulated."""
        # `demo` makes the app simulate every channel and show the demo phone.
        settings = load_settings(demo=True)
        database = prepared_database(settings)
        with database.transaction() as session:
            summary = (create_demo(session, SystemClock(), password=DEMO_PASSWORD)
                       if store_is_empty(session) else None)
        if summary is None:
            typer.echo("the store already has data: no demo school added "
                       f"(database: {settings.database_url})")
        else:
            for line in summary.lines(DEMO_PASSWORD):
                typer.echo(line)
        if not no_serve:
            typer.echo(f"serving on http://{host or settings.host}:{port or settings.port} "
                       "(all channels simulated; Ctrl-C to stop)")
            run_app(settings, database, host=host, port=port)
