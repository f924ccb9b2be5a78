"""The FastAPI application: one factory, everything it needs passed in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from bot.settings import Settings
from store.clock import Clock, SystemClock
from store.database import Database


@dataclass(slots=True)
class Services:
    """What every route and background task shares; built once per app."""

    settings: Settings
    database: Database
    clock: Clock


def create_app(settings: Settings, *, database: Database | None = None,
               clock: Clock | None = None, background: bool = True) -> FastAPI:
    """Build the app. `background=False` leaves out the worker, dispatcher and scheduler
    (tests that drive them by hand)."""
    services = Services(settings=settings,
                        database=database or Database(settings.database_url),
                        clock=clock or SystemClock())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Background tasks (inbound worker, dispatcher, scheduler) are started here.
        yield

    # Routers import bot.deps, which imports Services from here: import them once it exists.
    from bot import api

    app = FastAPI(title="rollcall", lifespan=lifespan)
    app.include_router(api.router)
    app.state.services = services
    app.state.run_background = background
    return app
