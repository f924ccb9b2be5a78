"""Console refusals as pages a person can read (the JSON API keeps FastAPI's JSON errors)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from bot.console.auth import PREFIX
from bot.console.views import render


def install_error_pages(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _console_error)  # type: ignore[arg-type]


async def _console_error(request: Request, error: HTTPException) -> Response:
    path = request.url.path
    if (not path.startswith(f"{PREFIX}/") or path.startswith(f"{PREFIX}/api/")
            or error.status_code < 400):
        return await http_exception_handler(request, error)
    # A refusal with a code is worded in the reader's language (their own once we know who
    # they are: views.render_fragment), else its English is shown.
    return render(request, "error.html", status_code=error.status_code, staff=None,
                  status=error.status_code, error=error, detail=str(error.detail))
