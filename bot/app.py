"""The FastAPI application: one factory, everything it needs passed in."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from bot.background import (
    deliver_simulated_receipts,
    dispatcher_for,
    start_daily_runs,
    start_email_poller,
)
from bot.intake import Intake
from bot.settings import Settings
from channels.registry import Channels, build_channels
from scheduling.inbound import EngineStep, InboundWorker, default_engine
from scheduling.inbound_loop import run_in_background
from scheduling.jobs import run_jobs_in_background
from store.clock import Clock, SystemClock
from store.database import Database

log = logging.getLogger(__name__)

DOCS_ASSETS = "/docs-assets"  # Swagger UI's own files, served by the app


@dataclass(slots=True)
class Services:
    """What every route and background task shares; built once per app."""

    settings: Settings
    database: Database
    clock: Clock
    # Set by a webhook that stored an inbound event, so the worker picks it up at once.
    inbound_wake: asyncio.Event = field(default_factory=asyncio.Event)
    # Set by a webhook that stored media a provider holds, so the media job fetches it at once.
    media_wake: asyncio.Event = field(default_factory=asyncio.Event)
    channels: Channels = field(default_factory=Channels)  # built from settings by create_app
    intake: Intake = field(init=False)  # the webhooks' group commit into `database`

    def __post_init__(self) -> None:
        self.intake = Intake(database=self.database, clock=self.clock,
                             hold=self.settings.intake_hold_ms / 1000)


def create_app(settings: Settings, *, database: Database | None = None,
               clock: Clock | None = None, background: bool = True,
               engine: EngineStep | None = None,
               channels: Channels | None = None) -> FastAPI:
    """Build the app. `background=False` leaves out the worker, dispatcher and scheduler
    (tests that drive them by hand); `channels` replaces the adapters built from settings."""
    clock = clock or SystemClock()
    services = Services(settings=settings,
                        database=database or Database(settings.database_url),
                        clock=clock,
                        channels=channels or build_channels(settings, clock=clock))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Background tasks (inbound worker, dispatcher, scheduler) are started here.
        tasks: list[asyncio.Task[None]] = []
        scheduler = None
        if background:
            tasks.append(asyncio.create_task(_inbound_worker(services, engine)))
            # Beside the worker, never in its loop: a dead endpoint must not hold a reply up.
            tasks.append(asyncio.create_task(run_jobs_in_background(
                services.database, services.clock, settings,
                channels=services.channels.by_name, media_wake=services.media_wake)))
            scheduler = start_daily_runs(services.database, services.clock, settings)
            # Simulated channels included: the demo's messages go through the dispatcher too.
            tasks.append(asyncio.create_task(
                dispatcher_for(services.database, services.clock, services.channels.by_name,
                               settings).run_forever()))
            poller = start_email_poller(services.database, services.clock,
                                        services.channels.by_name, settings,
                                        wake=services.inbound_wake)
            if poller is not None:
                tasks.append(poller)
            if any(c.simulated for c in services.channels):
                tasks.append(asyncio.create_task(deliver_simulated_receipts(
                    services.database, services.clock, services.channels.by_name)))
        yield
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await services.channels.close()

    # Routers import bot.deps, which imports Services from here: import them once it exists.
    from bot import acknowledge, api, api_settings, webhooks

    app = _app_with_offline_docs(lifespan)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        # The address the README tells a newcomer to open: the staff console.
        return RedirectResponse("/console/", status_code=303)

    # Webhooks first: the busiest routes are matched before the API's and the console's, and
    # their POSTs skip the routing and the middleware altogether (webhooks.Shortcut).
    app.include_router(webhooks.router)
    app.add_middleware(webhooks.Shortcut)
    app.include_router(api.router)
    app.include_router(api_settings.router)
    app.include_router(acknowledge.router)  # an urgent alert's link: no sign-in to acknowledge
    app.state.services = services
    from bot.console import install_console  # here: the console's routes import bot.deps

    install_console(app)
    app.state.run_background = background
    return app


def _app_with_offline_docs(
        lifespan: Callable[[FastAPI], AbstractAsyncContextManager[None]]) -> FastAPI:
    """The app with /docs working offline (a school's network, a laptop on a train): Swagger
    UI's script, style and icon come from the fastapi-offline package, served here, never from
    a CDN. No /redoc (its script fetches a logo from its maker's CDN), no online validator."""
    app = FastAPI(title="rollcall", lifespan=lifespan, docs_url=None, redoc_url=None)
    try:
        assets = resources.files("fastapi_offline") / "static"
    except ModuleNotFoundError as error:  # only in a checkout not reinstalled since it was added
        log.error("API docs not served: %s (pip install -e .)", error)
        return app
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(assets)), name="docs-assets")
    app.include_router(_docs)
    return app


# The docs' routes are the module's, not closures over each app (as fastapi-offline's own
# factory makes them): FastAPI keeps every route's callable in a module-wide cache of 4,096,
# so a closure there kept its app alive, with its store, after the app was let go (a test run
# builds an app a test: 1,300 of them were kept, most of a 1.7 GB heap).
_docs = APIRouter(include_in_schema=False)


@_docs.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}", title="rollcall - Swagger UI",
        oauth2_redirect_url=f"{root}{request.app.swagger_ui_oauth2_redirect_url}",
        swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
        swagger_ui_parameters={"validatorUrl": None})


@_docs.get("/docs/oauth2-redirect")
def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


async def _inbound_worker(services: Services, engine: EngineStep | None) -> None:
    try:
        step = engine or default_engine()
    except ImportError as error:  # only while the engine is not installed: events wait, kept
        log.error("inbound worker not started: %s", error)
        return
    worker = InboundWorker(database=services.database, clock=services.clock,
                           settings=services.settings, engine=step,
                           max_attempts=services.settings.inbound_max_attempts)
    await run_in_background(worker, services.settings, wake=services.inbound_wake)
