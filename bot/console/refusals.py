"""A console refusal that becomes an error page (403, 404, 409, ...) in the reader's language.

`Refused` is an HTTPException carrying what `RollcallError` carries (store/errors.py): the
English for logs and the API, a short `problem` code and the `values` it names, worded by
`_refusals.html` on the error page (bot/console/errors.py). A console route never raises a
bare English HTTPException for a person to read.
"""

from __future__ import annotations

from fastapi import HTTPException

from store.errors import Forbidden, RollcallError


class Refused(HTTPException):
    """An HTTP refusal the console words in the reader's language."""

    def __init__(self, status_code: int, english: str, *, problem: str, **values: str) -> None:
        super().__init__(status_code, english)
        self.problem = problem
        self.values = values


def refused_page(refusal: RollcallError, status_code: int | None = None) -> HTTPException:
    """A store or action refusal as an error page: 403 for a role that may not, else 400
    (or `status_code`); its code and values kept, so the page says it in the reader's
    language (one without a code keeps its English)."""
    status = status_code or refusal_status(refusal)
    if refusal.problem is None:
        return HTTPException(status, str(refusal))
    return Refused(status, str(refusal), problem=refusal.problem, **refusal.values)


def refusal_status(refused: RollcallError) -> int:
    return 403 if isinstance(refused, Forbidden) else 400
