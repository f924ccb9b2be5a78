"""FastAPI dependencies: the shared services and a database session per request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from bot.app import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_session(services: ServicesDep) -> Iterator[Session]:
    """One transaction per request: committed when the route returns, rolled back on error."""
    with services.database.transaction() as session:
        yield session


# scope="function": the transaction commits when the route returns, before the response is
# sent. Otherwise a browser following a POST's redirect can outrun the commit: on PostgreSQL
# the next page then misses what was just done (a new sign-in's session, a reply just sent).
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
