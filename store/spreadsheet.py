"""Cells of the CSV files staff open in a spreadsheet (the audit log, the write-back feed)."""

from __future__ import annotations

import datetime as dt

# A cell starting with one of these runs as a formula in Excel, LibreOffice or Sheets
# (OWASP's CSV injection list): = + - @, and a tab or carriage return, which spreadsheets
# skip before reading the rest as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """The text of one CSV cell: empty for None, ISO 8601 for dates and times, and a leading
    apostrophe where the text would otherwise be read as a formula."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date | dt.time) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
