"""One college or university student's engagement and intervention history as a PDF, in the
reader's language: who the student is, their tutors and attendance per module, then the table
of everything (channels/report_pdf.py, the same fonts as the letters)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from channels.catalogs import translations
from channels.report_pdf import table_pdf
from store.engagement_reports import HistoryLine, modules_of, overall
from store.models.people import Student
from store.spreadsheet import csv_cell


def history_pdf(*, student: Student, school: str, start: date, end: date,
                lines: Sequence[HistoryLine], tutors: dict[int, str], language: str) -> bytes:
    """The PDF a console page or `rollcall report student --pdf` hands out; `tutors` names the
    student's Personal and Senior Tutor by staff id. A character no font has (an emoji in a
    message) is drawn as "?"."""
    gettext = translations(language).gettext
    modules = modules_of(lines)
    summary = [
        f"{student.first_name} {student.last_name} ({student.mis_id}) · {school}"
        + "".join(f" · {part}" for part in (student.course, student.year_group) if part),
        gettext("Personal Tutor") + f": {tutors.get(student.personal_tutor_id or -1, '—')} · "
        + gettext("Senior Tutor") + f": {tutors.get(student.senior_tutor_id or -1, '—')}"
        + (" · " + gettext("Visa-sponsored") if student.visa_sponsored else ""),
        gettext("Attendance %(start)s to %(end)s: %(percent)s") % {
            "start": start.isoformat(), "end": end.isoformat(),
            "percent": overall(modules).summary},
        *(f"{module.cohort}: {module.summary}" for module in modules),
    ]
    return table_pdf(title=gettext("Engagement and intervention history"), lines=summary,
                     header=[gettext("Day"), gettext("Time"), gettext("Kind"), gettext("What"),
                             gettext("Status"), gettext("By"), gettext("Detail")],
                     rows=[[csv_cell(line.day), line.time, line.kind, line.what, line.status,
                            line.by, line.detail] for line in lines], stand_in="?")
