"""Cells of the CSV files staff open in a spreadsheet (the audit log, the write-back feed)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

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


def dataclass_csv(rows: Sequence[Any], fields: Sequence[str]) -> str:
    """Dataclass rows as a CSV file with a header of `fields`, every cell through `csv_cell`."""
    return table_csv(fields, [[asdict(row)[f] for f in fields] for row in rows])


def table_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A header and rows of values as a CSV file, every cell through `csv_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()
