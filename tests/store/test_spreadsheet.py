"""The one CSV cell escaper, shared by the audit export and the write-back feed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from store.spreadsheet import csv_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_run_as_a_formula_is_defused(start: str) -> None:
    assert csv_cell(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"


def test_plain_values_dates_and_nothing() -> None:
    assert csv_cell("Amy has a temperature") == "Amy has a temperature"
    assert csv_cell("a = b") == "a = b"  # only the first character matters
    assert csv_cell(None) == ""
    assert csv_cell(3) == "3"
    assert csv_cell(date(2026, 11, 23)) == "2026-11-23"
    assert csv_cell(datetime(2026, 11, 23, 9, tzinfo=UTC)) == "2026-11-23T09:00:00+00:00"
