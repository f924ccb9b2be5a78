"""Casework in the console: the officer's list of what is due today (most severe first), a
letter as the family will read it (page and PDF), approving a draft (it goes at once), the
print pack for post, and the school's figures for the local authority as CSV."""

from __future__ import annotations

from dataclasses import astuple
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.conversation import local_today
from bot.console.refusals import Refused, refused_page
from bot.console.scope import not_found, student_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from channels.letter_pdf import letter_pdf
from channels.report_pdf import table_pdf
from scheduling.casework_letters import send_letters, written_letter
from scheduling.casework_post import print_pack as pack_letters
from scheduling.casework_post import waiting_for_post
from store.attendance_figures import attendance_figures, periods_for
from store.casework import approve_letter
from store.casework_cases import (
    EXPORT_FIELDS,
    ExportLine,
    due_cases,
    export_lines,
    letter_by_id,
)
from store.casework_meetings import record_meeting
from store.clock import Clock
from store.errors import InvalidInput
from store.models.casework import CaseworkLetter
from store.models.schools import School
from store.schools import school_by_id
from store.spreadsheet import csv_cell, dataclass_csv
from store.students import names_used

router = APIRouter(prefix=PREFIX)


@router.get("/casework", response_class=HTMLResponse)
def casework_page(request: Request, staff: PageStaff, session: SessionDep,
                  services: ServicesDep) -> HTMLResponse:
    schools = schools_of(session, staff)
    # Each school's own date decides whether a meeting's review has come; the earliest of
    # them is today for the list (schools a member of staff shares are in one timezone).
    today = min((local_today(school, services.clock) for school in schools),
                default=services.clock.now().date())
    due = due_cases(session, school_ids=staff.school_ids, today=today)
    names = names_used(session, {s for case in due for s in case.student_ids})
    posts = {school.id: waiting_for_post(session, school_id=school.id or 0)
             for school in schools}
    names |= names_used(session, {s for post in posts.values() for letter in post.unaddressed
                                  for s in letter.student_ids})
    return render(request, "casework.html", staff=staff, due=due, names=names,
                  schools=schools, posts=posts)


@router.get("/letters/{letter_id}", response_class=HTMLResponse)
def letter_page(letter_id: int, staff: PageStaff, session: SessionDep) -> HTMLResponse:
    """The letter as the family reads it: what was sent, or what a draft will say."""
    letter, school = _in_scope(session, staff, letter_id)
    return HTMLResponse(letter.body_html or written_letter(session, letter,
                                                           school=school.name).html)


@router.get("/letters/{letter_id}/pdf")
def letter_file(letter_id: int, staff: PageStaff, session: SessionDep) -> Response:
    letter, school = _in_scope(session, staff, letter_id)
    pdf = letter.pdf or letter_pdf(written_letter(session, letter, school=school.name))
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'inline; filename="attendance-letter-{letter_id}.pdf"'})


@router.post("/letters/{letter_id}/approve")
def approve(letter_id: int, staff: ActingStaff, session: SessionDep,
            services: ServicesDep) -> Response:
    """A person approves a draft; the school's approved letters go at once."""
    _, school = _in_scope(session, staff, letter_id)

    def act() -> Response:
        try:
            approve_letter(session, services.clock, letter_id=letter_id, staff_id=staff.id)
        except InvalidInput as refused:
            raise refused_page(refused, 409) from None
        send_letters(session, services.clock, school)
        return RedirectResponse(f"{PREFIX}/casework", status_code=303)
    return exactly_once(session, services.clock, staff, act)


@router.post("/students/{student_id}/meetings")
def record(student_id: int, staff: ActingStaff, session: SessionDep, services: ServicesDep,
           held_on: Annotated[date, Form()], attendees: Annotated[str, Form()] = "",
           actions: Annotated[str, Form()] = "",
           review_on: Annotated[str, Form()] = "") -> Response:
    """A meeting with the family: who came (one a line), what was agreed, when to review."""
    student = student_in_scope(session, staff, student_id)

    def act() -> Response:
        try:
            review = date.fromisoformat(review_on) if review_on.strip() else None
        except ValueError:
            raise Refused(400, "the review date is not a date",
                          problem="review_not_a_date") from None
        try:
            record_meeting(session, services.clock, school_id=student.school_id,
                           student_id=student_id, held_on=held_on,
                           attendees=attendees.splitlines(), actions=actions,
                           review_on=review, staff_id=staff.id)
        except InvalidInput as refused:
            raise refused_page(refused) from None
        return RedirectResponse(f"{PREFIX}/students/{student_id}#casework", status_code=303)
    return exactly_once(session, services.clock, staff, act)


@router.get("/casework/{school_id}/print-pack.pdf")
def print_pack(school_id: int, staff: PageStaff, session: SessionDep,
               services: ServicesDep) -> Response:
    """The letters to post that have an address (those without are on the casework page)."""
    school = _school(session, staff, school_id)
    pdf = pack_letters(session, services.clock, school).pdf
    if pdf is None:
        raise not_found()
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="rollcall-letters-to-post-{school_id}.pdf"'})


@router.get("/casework/{school_id}/attendance.csv")
def local_authority_export(school_id: int, staff: PageStaff, session: SessionDep,
                           services: ServicesDep) -> Response:
    """Every student's figures this school year, as the DfE counts them, for the LA."""
    _, today, lines = _export(session, staff, school_id, services.clock)
    return Response(dataclass_csv(lines, EXPORT_FIELDS), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename="
                             f'"rollcall-attendance-{school_id}-{today}.csv"'})


@router.get("/casework/{school_id}/attendance.pdf")
def local_authority_pdf(school_id: int, staff: PageStaff, session: SessionDep,
                        services: ServicesDep) -> Response:
    """The same figures as a PDF table, to print or send on."""
    school, today, lines = _export(session, staff, school_id, services.clock)
    rows = [[csv_cell(value) for value in astuple(line)] for line in lines]
    pdf = table_pdf(title=f"{school.name}: attendance {today}", header=EXPORT_FIELDS, rows=rows)
    name = f"rollcall-attendance-{school_id}-{today}.pdf"
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _export(session: Session, staff: Staff, school_id: int,
            clock: Clock) -> tuple[School, date, list[ExportLine]]:
    school = _school(session, staff, school_id)
    today = local_today(school, clock)
    periods = periods_for(session, school, today, rolling_weeks=6)
    figures = attendance_figures(session, school_id=school_id, periods=periods)
    return school, today, export_lines(session, school_id=school_id, figures=figures)


def _in_scope(session: Session, staff: Staff,
              letter_id: int) -> tuple[CaseworkLetter, School]:
    letter = letter_by_id(session, letter_id)
    if letter is None:
        raise not_found()
    return letter, _school(session, staff, letter.school_id)


def _school(session: Session, staff: Staff, school_id: int) -> School:
    school = school_by_id(session, school_id)
    if school is None or school_id not in staff.school_ids:
        raise not_found()
    return school
