"""What the console shows of a student's absences beyond the figures: the reasons over time.

The figures themselves (attendance, persistent and severe absence, this term and year) are the
store's, counted as the DfE counts them (`store.attendance_figures`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from store.codes import CODES, Category
from store.models.marks import Mark


def reasons_by_month(marks: Iterable[Mark]) -> dict[date, Counter[str]]:
    """For each month (its first day), how many absence sessions had each reason: what the
    family said (an intent) or "code:<code>" for a code staff set, as Today and Trends count
    them."""
    months: dict[date, Counter[str]] = {}
    for mark in marks:
        definition = CODES.get(mark.code)
        if definition is None or definition.category not in (Category.AUTHORISED,
                                                              Category.UNAUTHORISED):
            continue
        reason = mark.intent or f"code:{mark.code}"
        months.setdefault(mark.day.replace(day=1), Counter())[reason] += 1
    return dict(sorted(months.items()))
