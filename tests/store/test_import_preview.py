"""An import's preview, line by line, and its apply (issue 19 item 4): the preview is the import
itself in a savepoint rolled back (nothing written), each line new (with its values), changed
(old -> new), unchanged, kept or refused (why); Apply writes exactly what the preview showed,
and when the store changed in between it writes nothing and gives the new preview."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.import_rows import FieldChange, LineOutcome
from store.import_uploads import KEPT_FOR, keep_upload, upload_files, upload_of
from store.importer import PreviewOutdated, apply_import, import_csv, preview_import
from store.models.audit import AuditEntry
from store.models.marks import Mark
from store.models.people import Student
from store.models.staff import StaffUser
from tests.store.test_importer import CONTACTS, MARKS, STUDENTS, import_all, snapshot

CHANGED = """Adno,Legal Forename,Legal Surname,Year Group
1001,Amelia,Testerton,Year 8
1002,Benjamin,Testerton,9
1004,Dylan,Newman,7
1005,,Nameless,7
"""


def _preview(db: Database, clock: FakeClock, school_id: int, kind: str, body: str,
             **options: bool) -> list[LineOutcome]:
    with db.transaction() as session:
        return preview_import(session, clock, kind=kind, school_id=school_id,
                              files=[body.encode()], **options).outcomes()


def test_the_preview_names_each_lines_outcome_and_writes_nothing(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    before = snapshot(db)
    lines = _preview(db, clock, school_id, "students", CHANGED)
    assert snapshot(db) == before
    assert [(o.line, o.outcome, o.subject) for o in lines] == [
        (2, "updated", "1001 Amelia Testerton"), (3, "unchanged", "1002 Benjamin Testerton"),
        (4, "created", "1004 Dylan Newman"), (5, "refused", "")]
    assert lines[0].changes == (FieldChange("year_group", "7", "8"),)
    assert FieldChange("last_name", "", "Newman") in lines[2].changes
    assert lines[3].why == "the first name is empty"


def test_contacts_and_marks_preview_new_links_changed_codes_and_kept_reasons(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_csv(db, clock, kind="students", school_id=school_id, data=STUDENTS.encode())
    contacts = _preview(db, clock, school_id, "contacts", CONTACTS)
    assert [o.outcome for o in contacts] == ["created"] * 4
    assert FieldChange("phone", "", "+447700900123") in contacts[0].changes
    assert contacts[1].changes == (FieldChange("student_id", "", "1002"),  # a sibling's link
                                   FieldChange("relationship", "", "mother"),
                                   FieldChange("priority", "", "1"),
                                   FieldChange("parental_responsibility", "", "yes"))
    import_all(db, clock, school_id)
    with db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.code == "N")).one()
        mark.code, mark.reason_status = "I", "confirmed"  # a parent's reason, confirmed
        session.add(mark)
    marks = _preview(db, clock, school_id, "marks", MARKS.replace("am,L", "am,/"))
    assert [(o.outcome, o.subject) for o in marks] == [
        ("kept", "1001 2026-11-23 AM"), ("updated", "1002 2026-11-23 AM"),
        ("unchanged", "1003 2026-11-23 AM")]
    assert marks[1].changes == (FieldChange("code", "L", "/"),)


def test_apply_writes_exactly_what_the_preview_showed(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    with db.transaction() as session:
        shown = preview_import(session, clock, kind="students", school_id=school_id,
                               files=[CHANGED.encode()])
    with db.transaction() as session:
        done = apply_import(session, clock, kind="students", school_id=school_id,
                            files=[CHANGED.encode()], expected=shown.digest())
    assert done.outcomes() == shown.outcomes()
    assert (done.created, done.updated, done.unchanged, len(done.errors)) == (1, 1, 1, 1)
    with db.transaction() as session:
        years = {s.mis_id: s.year_group for s in session.exec(select(Student))}
    assert years == {"1001": "8", "1002": "9", "1003": "8", "1004": "7"}


def test_a_store_changed_since_the_preview_is_never_written_over(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    with db.transaction() as session:
        shown = preview_import(session, clock, kind="students", school_id=school_id,
                               files=[CHANGED.encode()])
    import_csv(db, clock, kind="students", school_id=school_id,  # someone else, in between
               data=b"Adno,Forename,Surname\n1004,Dylan,Newman\n")
    before = snapshot(db)
    with pytest.raises(PreviewOutdated) as outdated, db.transaction() as session:
        apply_import(session, clock, kind="students", school_id=school_id,
                     files=[CHANGED.encode()], expected=shown.digest())
    assert snapshot(db) == before
    now = outdated.value.report.outcomes()
    assert [o.outcome for o in now] == ["updated", "unchanged", "updated", "refused"]
    assert now[2].changes == (FieldChange("year_group", "", "7"),)  # Dylan is not new now


def test_all_or_nothing_with_a_refused_row_previews_and_applies_nothing(
        db: Database, clock: FakeClock, school_id: int) -> None:
    before = snapshot(db)
    with db.transaction() as session:
        shown = preview_import(session, clock, kind="students", school_id=school_id,
                               files=[CHANGED.encode()], all_or_nothing=True)
    assert not shown.applied and [o.outcome for o in shown.outcomes()][-1] == "refused"
    with pytest.raises(InvalidInput, match="nothing was imported"), \
            db.transaction() as session:
        apply_import(session, clock, kind="students", school_id=school_id,
                     files=[CHANGED.encode()], expected=shown.digest(), all_or_nothing=True)
    assert snapshot(db) == before


def test_an_upload_is_kept_for_its_uploader_for_a_day(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        user = StaffUser(email="admin@example.org", name="Admin")
        session.add(user)
        session.flush()
        upload = keep_upload(session, clock, school_id=school_id, user_id=user.id or 0,
                             kind="students", profile=None, all_or_nothing=False,
                             files=[("a.csv", b"x"), ("b.csv", b"y")], digest="d")
        ids = (upload.id or 0, user.id or 0)
    with db.transaction() as session:
        found = upload_of(session, clock, upload_id=ids[0], user_id=ids[1])
        assert found is not None and upload_files(session, found) == [("a.csv", b"x"),
                                                                       ("b.csv", b"y")]
        assert upload_of(session, clock, upload_id=ids[0], user_id=ids[1] + 1) is None
    clock.advance(KEPT_FOR + timedelta(minutes=1))
    with db.transaction() as session:
        assert upload_of(session, clock, upload_id=ids[0], user_id=ids[1]) is None
        assert not session.exec(select(AuditEntry)).all()
