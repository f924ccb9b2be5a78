"""Engagement reports in the console on the university demo: the cohorts' charts with their
CSV, and a student's history as PDF and CSV, for the staff of that university only."""

from __future__ import annotations

import csv
import io
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.demo_university import create_institution_demo
from store.models.people import Student
from tests.console.conftest import Seeded, sign_in


def test_the_cohorts_page_charts_every_cohort_and_each_chart_is_a_csv(
        db: Database, clock: FakeClock, client: TestClient) -> None:
    with db.transaction() as session:
        summary = create_institution_demo(session, clock, password="rollcall-demo")
    sign_in(client, "priya.castell@example.org", "rollcall-demo")
    page = client.get("/console/cohorts")
    assert page.status_code == 200
    # Every chart drawn one way (bot/console/charts.py, templates/_charts.html): a labelled
    # image with a description, each bar or column titled with its figure, then the table.
    charts = re.findall(r'<svg class="plot"[^>]*role="img" aria-labelledby="([\w-]+)-title '
                        r'\1-desc"', page.text)
    assert charts == ["attendance-course", "attendance-year", "attendance-week",
                      "attendance-module", "flagged-course", "flagged-year"]
    titles = re.findall(r'<title id="attendance-[\w-]+-title">([^<]+)</title>', page.text)
    assert titles == ["Attendance by course", "Attendance by year of study",
                      "Attendance by week", "Attendance by module, lowest first"]
    assert "BSc Economics" in page.text and "Year of study 1" in page.text
    assert page.text.count('<rect class="part-') >= 5 + 3 + 60
    assert re.search(r"<title>BSc Economics: \d+\.\d% \(\d+/\d+\)</title>", page.text)
    assert re.search(r'<rect class="series-0"[^>]*><title>Attendance, \d+ \w+: \d+\.\d%</title>',
                     page.text)
    assert page.text.count("<details><summary>The figures as a table</summary>") == 6
    response = client.get(f"/console/cohorts.csv?school={summary.school_id}&by=module")
    assert response.status_code == 200 and "attachment" in response.headers[
        "content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 60 and rows[0].keys() == {
        "cohort", "students", "present", "late", "absent", "authorised", "percent"}
    percents = [float(row["percent"]) for row in rows]
    assert percents == sorted(percents) and 50 < percents[0] < percents[-1] <= 100
    assert client.get(f"/console/cohorts.csv?school={summary.school_id}&by=room"
                      ).status_code == 422
    # Where the students stand now: none flagged until the rules have run.
    assert 'id="flagged-by-course"' in page.text and 'id="flagged-by-year"' in page.text
    statuses = client.get(f"/console/cohorts-statuses.csv?school={summary.school_id}&by=year")
    assert statuses.text.splitlines() == [
        "cohort,students,at_risk,intervention,referred,re_engaged", "1,700,0,0,0,0",
        "2,675,0,0,0,0", "3,625,0,0,0,0"]
    # The statuses in the reader's language, in the same words as the engagement pages'
    # (templates/_labels.html's engagement_status), a capital first in a legend or heading.
    polish = client.get("/console/cohorts", headers={"accept-language": "pl"}).text
    assert all(f"{word}</" in polish for word in (
        "Zagrożony", "Interwencja", "Skierowany", "Ponownie zaangażowany"))
    # A cohort's figures written as the reader's language writes them (a decimal comma).
    assert re.search(r"<title>BSc Economics: \d+,\d% \(\d+/\d+\)</title>", polish)
    assert re.search(r"<td>\d+,\d% \(\d+/\d+\)</td>", polish)
    engagement = client.get("/console/engagement", headers={"accept-language": "pl"}).text
    assert ">zagrożony</option>" in engagement and ">interwencja</option>" in engagement


def test_a_students_history_as_pdf_and_csv_in_scope_only(
        db: Database, clock: FakeClock, app: FastAPI, client: TestClient,
        seeded: Seeded) -> None:
    with db.transaction() as session:
        create_institution_demo(session, clock, password="rollcall-demo")
        student = session.exec(select(Student).where(
            Student.course == "BSc Psychology")).first()
        assert student is not None
    sign_in(client, "priya.castell@example.org", "rollcall-demo")
    page = client.get(f"/console/students/{student.id}")
    assert f"/console/students/{student.id}/engagement.pdf" in page.text
    response = client.get(f"/console/students/{student.id}/engagement.csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {row["kind"] for row in rows} == {"event"}
    assert all(row["what"].startswith("PS1") for row in rows)
    pdf = client.get(f"/console/students/{student.id}/engagement.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # Another school's student is as if it did not exist; a school has no cohorts to show.
    other = client.get(f"/console/students/{seeded.a.student_id}/engagement.csv")
    assert other.status_code == 404
    with TestClient(app, follow_redirects=False) as school_staff:
        sign_in(school_staff, seeded.a.officer)
        assert "none of your schools is one" in school_staff.get("/console/cohorts").text
        assert school_staff.get(f"/console/students/{student.id}/engagement.pdf"
                                ).status_code == 404
