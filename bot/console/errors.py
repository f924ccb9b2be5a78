"""Console refusals as pages a person can read (the JSON API keeps FastAPI's JSON errors)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from bot.console.auth import PREFIX
from bot.console.refusals import Refused
from bot.console.views import render


def install_error_pages(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _console_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _console_invalid)  # type: ignore[arg-type]


def _a_page(request: Request) -> bool:
    path = request.url.path
    return path.startswith(f"{PREFIX}/") and not path.startswith(f"{PREFIX}/api/")


async def _console_invalid(request: Request, error: RequestValidationError) -> Response:
    """A form field the browser sent in a shape the route cannot read (a date that is not
    one): a page saying so in the reader's language, not FastAPI's JSON."""
    if not _a_page(request):
        return await request_validation_exception_handler(request, error)
    return await _console_error(request, Refused(
        422, "a field of the form is not filled in as it should be", problem="form_field"))


async def _console_error(request: Request, error: HTTPException) -> Response:
    if not _a_page(request) or error.status_code < 400:
        return await http_exception_handler(request, error)
    # A refusal with a code is worded in the reader's language (their own once we know who
    # they are: views.render_fragment), else its English is shown.
    return render(request, "error.html", status_code=error.status_code, staff=None,
                  status=error.status_code, error=error, detail=str(error.detail))
