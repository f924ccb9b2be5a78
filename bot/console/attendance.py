"""What the console shows of a student's absences beyond the figures: the reasons over time.

The figures themselves (attendance, persistent and severe absence, this term and year) are the
store's, counted as the DfE counts them (`store.attendance_figures`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from store.codes import CODES, Category
from store.models import Mark


def reasons_by_month(marks: Iterable[Mark]) -> dict[str, Counter[str]]:
    """For each month ("2026-11"), how many absence sessions had each reason."""
    months: dict[str, Counter[str]] = {}
    for mark in marks:
        definition = CODES.get(mark.code)
        if definition is None or definition.category not in (Category.AUTHORISED,
                                                              Category.UNAUTHORISED):
            continue
        reason = mark.intent or definition.meaning
        months.setdefault(mark.day.strftime("%Y-%m"), Counter())[reason] += 1
    return dict(sorted(months.items()))
