from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel, select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput, NotFound
from store.importer import import_csv
from store.models.audit import AuditEntry
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School

STUDENTS = """\ufeffAdno,Legal Forename,Legal Surname,Preferred Forename,Year Group,Reg Group,\
UPN,Gender
1001,Amelia,Testerton,Amy,Year 7,7A,A123456789012,F
1002,Benjamin,Testerton,,9,9B,,M
1003,Cara,Brightwater,,8,8C,,F
"""

CONTACTS = """contact_id,student_id,forename,surname,relationship,priority,par_resp,mobile,\
email,home_language
C1,1001,Jane,Testerton,Mother,1,Yes,07700 900123,Jane.T@Example.org,Polish
C1,1002,Jane,Testerton,Mother,1,Yes,07700 900123,Jane.T@Example.org,Polish
C2,1002,John,Testerton,Father,2,No,,john.t@example.org,en
C3,1003,Sam,Brightwater,Carer,1,Y,+447700900125,,URD
"""

MARKS = """Student ID,Attendance Date,Session,Mark
1001,23/11/2026,AM,N
1002,2026-11-23,am,L
1003,2026-11-23,AM,/
"""


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Every row of every table, in key order: "byte for byte the same" made checkable."""
    with db.engine.connect() as connection:
        return {table.name: [tuple(r) for r in connection.execute(
            table.select().order_by(*table.primary_key.columns))]
            for table in SQLModel.metadata.sorted_tables}


def run(db: Database, clock: FakeClock, kind: str, body: str, school_id: int,
        **options: Any) -> Any:
    return import_csv(db, clock, kind=kind, school_id=school_id, data=body.encode(), **options)


def import_all(db: Database, clock: FakeClock, school_id: int) -> None:
    for kind, body in (("students", STUDENTS), ("contacts", CONTACTS), ("marks", MARKS)):
        report = run(db, clock, kind, body, school_id)
        assert report.errors == []


def test_students_contacts_and_marks_arrive_with_sis_column_names(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    with db.transaction() as session:
        amy = session.exec(select(Student).where(Student.mis_id == "1001")).one()
        assert (amy.first_name, amy.preferred_name, amy.year_group, amy.reg_group, amy.upn) == (
            "Amelia", "Amy", "7", "7A", "A123456789012")
        jane = session.exec(select(Contact).where(Contact.external_id == "C1")).one()
        assert (jane.phone, jane.email, jane.language) == (
            "+447700900123", "jane.t@example.org", "pl")
        sam = session.exec(select(Contact).where(Contact.external_id == "C3")).one()
        assert sam.language == "ur"
        links = session.exec(select(StudentContact).where(
            StudentContact.contact_id == jane.id)).all()
        assert len(links) == 2  # siblings share their mother
        john_link = session.exec(select(StudentContact).join(Contact).where(
            Contact.external_id == "C2")).one()
        assert (john_link.relationship, john_link.priority,
                john_link.parental_responsibility) == ("father", 2, False)
        marks = {m.code: m for m in session.exec(select(Mark))}
        assert marks["N"].day == date(2026, 11, 23) and marks["N"].session == "AM"
        assert marks["N"].reason_status == "unexplained"
        assert marks["/"].reason_status == "confirmed"
        assert session.exec(select(AuditEntry).where(AuditEntry.entity == "mark")).all()


def test_importing_the_same_files_again_changes_nothing_at_all(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    before = snapshot(db)
    for _ in range(2):
        import_all(db, clock, school_id)
        clock.advance(timedelta(hours=1))
    assert snapshot(db) == before


def test_bad_rows_are_reported_by_line_and_the_rest_imported(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = ("Adno,Date,Session,Mark\n"
            "1001,2026-11-23,AM,N\n"
            "1002,2026-11-23,AM,H\n"          # line 3: retired code
            "\n"
            "1003,31/02/2026,AM,N\n"          # line 5: no such date
            '"9999",2026-11-23,AM,N\n'        # line 6: unknown student
            "1003,2026-11-23,AM,XX\n"         # line 7: unknown code
            "1001,2026-11-23,AM,/\n")         # line 8: duplicate session
    report = run(db, clock, "marks", body, school_id)
    assert [e.line for e in report.errors] == [3, 5, 6, 7, 8]
    assert "retired" in report.errors[0].message and "agreed holiday" in report.errors[0].message
    assert "'9999'" in report.errors[2].message
    assert "line 2" in report.errors[4].message
    assert report.created == 1
    with db.transaction() as session:
        assert [m.code for m in session.exec(select(Mark))] == ["N"]


def test_all_or_nothing_imports_nothing_when_one_row_is_bad(
        db: Database, clock: FakeClock, school_id: int) -> None:
    before = snapshot(db)
    bad = STUDENTS + "1004,,Nameless,8,8C,,F\n"
    report = run(db, clock, "students", bad, school_id, all_or_nothing=True)
    assert not report.applied
    assert [str(e) for e in report.errors] == ["line 5: the first name is empty"]
    assert snapshot(db) == before


def test_a_row_spanning_lines_is_reported_at_the_line_it_starts(
        db: Database, clock: FakeClock, school_id: int) -> None:
    body = 'Adno,Forename,Surname,Form\n1,"Ann\nMarie",Smith,7A\n2,,Jones,7A\n'
    report = run(db, clock, "students", body, school_id)
    assert [e.line for e in report.errors] == [4]


def test_an_n_from_the_register_never_overwrites_a_reason_already_given(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    with db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.code == "N")).one()
        mark.code, mark.reason_status, mark.source, mark.set_by = "I", "confirmed", "bot", "bot"
        session.add(mark)
    audit_before = snapshot(db)["audit_log"]
    report = run(db, clock, "marks", MARKS, school_id)
    assert report.kept == 1 and report.updated == 0
    with db.transaction() as session:
        assert session.exec(select(Mark).where(Mark.id == mark.id)).one().code == "I"
    assert snapshot(db)["audit_log"] == audit_before


def test_a_changed_register_code_is_updated_and_audited_with_old_and_new(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    report = run(db, clock, "marks", MARKS.replace("am,L", "am,/"), school_id)
    assert (report.updated, report.unchanged) == (1, 2)
    with db.transaction() as session:
        entry = session.exec(select(AuditEntry).where(
            AuditEntry.action == "mark.updated")).one()
        assert '"L"' in (entry.old_value or "") and '"/"' in (entry.new_value or "")
        mark = session.exec(select(Mark).where(Mark.code == "/", Mark.version == 2)).one()
        assert mark.updated_at == clock.now()


def test_contact_rows_with_bad_phone_unknown_student_or_clashing_details(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = ("Student ID,Contact Name,Contact ID,Mobile,Email\n"
            "1001,Jane Testerton,C1,07700900123,\n"
            "1001,Phone Less,C9,12,\n"                 # line 3: no number, the rest imported
            "4242,Who Ever,C8,07700900124,\n"          # line 4: unknown student
            "1002,Jane Testerton,C1,07700900999,\n"    # line 5: C1 differs from line 2
            "1003,No Id,,,noid@example.org\n"          # derived id, imported
            "1003,Bad Mail,C7,,not-an-email\n")        # line 7: bad email
    report = run(db, clock, "contacts", body, school_id)
    assert [e.line for e in report.errors] == [4, 5, 7]
    assert "line 2" in report.errors[1].message
    assert [str(w) for w in report.warnings] == [
        "line 3: column 'Mobile': '12' is not a phone number; the number was left out, the "
        "rest of the row imported"]
    with db.transaction() as session:
        contacts = {c.external_id: c for c in session.exec(select(Contact))}
    assert sorted(contacts)[:2] == ["C1", "C9"] and sorted(contacts)[2].startswith("auto:")
    assert contacts["C9"].phone is None and len(contacts) == 3
    assert snapshot(db) == (run(db, clock, "contacts", body, school_id), snapshot(db))[1]


def test_phone_numbers_as_a_sims_report_writes_them(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = ("Adno,Contact ID,Contact Name,Mobile,Home Phone,Work Phone\n"
            "1001,C1,Jane Testerton,07700 900108 (mum),0113 496 0000,0113 496 0001 ext 12\n"
            "1002,C2,John Testerton,Mob: 48512345678,,\n"
            "1003,C3,Sam Brightwater,07700 90010,01632 960123,\n")
    report = run(db, clock, "contacts", body, school_id)
    assert report.errors == [] and report.created == 3
    assert [(w.line, w.message.split(":")[0]) for w in report.warnings] == [
        (4, "column 'Mobile'")]
    assert "not a valid UK number" in report.warnings[0].message
    with db.transaction() as session:
        found = {c.external_id: (c.phone, c.phone_note, c.landline, c.landline_note)
                 for c in session.exec(select(Contact))}
    assert found == {
        "C1": ("+447700900108", "mum", "+441134960000", None),
        "C2": ("+48512345678", "Mob", None, None),
        # The mobile was dropped, never guessed at; the landline went in (never texted).
        "C3": (None, None, "+441632960123", None)}
    # The next export mistypes Jane's mobile: the number already held is kept, not erased.
    again = body.replace("07700 900108 (mum)", "07700 9001").replace(
        "07700 90010,", "07700 900110,")
    report = run(db, clock, "contacts", again, school_id)
    assert [w.line for w in report.warnings] == [2] and report.errors == []
    with db.transaction() as session:
        jane, sam = (session.exec(select(Contact).where(Contact.external_id == ref)).one()
                     for ref in ("C1", "C3"))
        assert (jane.phone, jane.landline) == ("+447700900108", "+441134960000")
        assert sam.phone == "+447700900110"


def test_a_missing_required_column_names_the_names_it_accepts(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with pytest.raises(InvalidInput, match=r"no code column.*ExportMark"):
        run(db, clock, "marks", "Adno,Date,Session\n1,2026-11-23,AM\n", school_id)


def test_a_file_that_is_not_utf8_is_refused_with_its_line(
        db: Database, clock: FakeClock, school_id: int) -> None:
    data = "Adno,Forename,Surname\n1,Zoë,Smith\n".encode("latin-1")
    with pytest.raises(InvalidInput, match="line 2: the file is not UTF-8"):
        import_csv(db, clock, kind="students", school_id=school_id, data=data)


def test_semicolon_and_tab_separated_exports_are_read(
        db: Database, clock: FakeClock, school_id: int) -> None:
    for sep in (";", "\t"):
        body = sep.join(["Admission Number", "First Name", "Last Name"]) + "\n" + sep.join(
            ["77", "Nia", "Jones"]) + "\n"
        assert run(db, clock, "students", body, school_id).errors == []
    with db.transaction() as session:
        assert session.exec(select(Student)).one().first_name == "Nia"


def test_an_unknown_school_is_refused(db: Database, clock: FakeClock) -> None:
    with pytest.raises(NotFound):
        import_csv(db, clock, kind="students", school_id=999, data=STUDENTS.encode())


def test_marks_for_one_school_cannot_reach_another_schools_students(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    with db.transaction() as session:
        other = School(name="Other School")
        session.add(other)
        session.flush()
        other_id = other.id
    assert other_id is not None
    report = run(db, clock, "marks", MARKS, other_id)
    assert len(report.errors) == 3 and report.created == 0
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM mark")).scalar() == 0


def test_a_changed_contact_is_updated_once_and_a_new_sibling_link_is_added(
        db: Database, clock: FakeClock, school_id: int) -> None:
    import_all(db, clock, school_id)
    changed = CONTACTS.replace("07700 900123", "07700 900321") + (
        "C1,1003,Jane,Testerton,Mother,1,Yes,07700 900321,Jane.T@Example.org,Polish\n")
    report = run(db, clock, "contacts", changed, school_id)
    assert (report.created, report.updated, report.unchanged, report.errors) == (1, 1, 3, [])
    with db.transaction() as session:
        jane = session.exec(select(Contact).where(Contact.external_id == "C1")).one()
        assert jane.phone == "+447700900321"
        assert len(session.exec(select(StudentContact).where(
            StudentContact.contact_id == jane.id)).all()) == 3
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "contact.updated")
                             ).one()
        assert "+447700900123" in (entry.old_value or "")
    before = snapshot(db)
    run(db, clock, "contacts", changed, school_id)
    assert snapshot(db) == before


def test_a_contact_without_an_id_is_found_again_when_the_mobile_changed(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = ("Adno,Title,Forename,Surname,Mobile,Email\n"
            "1001,Mrs,Jane,Testerton,07700 900123,jane.t@example.org\n"
            "1002,Mrs,Jane,Testerton,07700 900123,jane.t@example.org\n"
            "1003,,Sam,Brightwater,07700 900125,\n")
    assert run(db, clock, "contacts", body, school_id).created == 3
    # The next export: Jane's mobile changed (her email did not), Sam's only number changed,
    # and the title went missing from Jane's name.
    changed = ("Adno,Forename,Surname,Mobile,Email\n"
               "1001,Jane,Testerton,07700 900321,jane.t@example.org\n"
               "1002,Jane,Testerton,07700 900321,jane.t@example.org\n"
               "1003,Sam,Brightwater,07700 900521,\n")
    report = run(db, clock, "contacts", changed, school_id)
    assert (report.created, report.errors) == (0, [])
    with db.transaction() as session:
        found = sorted((c.name, c.phone) for c in session.exec(select(Contact)))
        assert len(session.exec(select(StudentContact)).all()) == 3
    assert found == [("Jane Testerton", "+447700900321"), ("Sam Brightwater", "+447700900521")]


def test_parental_responsibility_the_file_does_not_give_stays_unknown(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = ("Adno,Contact ID,Contact Name,Mobile,Parental Responsibility\n"
            "1001,C1,Jane Testerton,07700 900123,Yes\n"
            "1002,C2,John Testerton,07700 900124,\n"          # blank: not a no
            "1003,C3,Sam Brightwater,07700 900125,Unknown\n"
            "1003,C4,Gran Brightwater,07700 900126,No\n")
    assert run(db, clock, "contacts", body, school_id).errors == []
    no_column = "Adno,Contact ID,Contact Name\n1001,C5,Aunt Testerton\n"
    assert run(db, clock, "contacts", no_column, school_id).errors == []
    with db.transaction() as session:
        found = {c.external_id: link.parental_responsibility for link, c in session.exec(
            select(StudentContact, Contact).join(Contact))}
    assert found == {"C1": True, "C2": None, "C3": None, "C4": False, "C5": None}


def test_a_dash_or_a_blank_mark_is_no_mark_yet_not_an_error(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = ("Adno,Date,Session,Mark\n1001,2026-11-23,AM,-\n1002,2026-11-23,AM,\n"
            "1003,2026-11-23,AM,N\n4242,2026-11-23,AM,-\n")
    report = run(db, clock, "marks", body, school_id)
    assert (report.created, report.not_taken) == (1, 2)
    assert [e.line for e in report.errors] == [5]  # an unknown student is still one


def test_a_court_order_is_recorded_by_any_row_and_never_lifted_by_an_import(
        db: Database, clock: FakeClock, school_id: int) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    # One sibling's row says so: the contact is restricted, and neither row is refused.
    body = ("Adno,Contact ID,Contact Name,Mobile,Court Order\n"
            "1001,C1,Jane Testerton,07700 900123,No\n"
            "1002,C1,Jane Testerton,07700 900123,Yes\n"
            "1003,C3,Sam Brightwater,07700 900125,\n")
    assert run(db, clock, "contacts", body, school_id).errors == []
    lifted = body.replace(",Yes\n", ",No\n")
    assert run(db, clock, "contacts", lifted, school_id).errors == []
    no_column = "Adno,Contact ID,Contact Name\n1001,C1,Jane Testerton\n"
    assert run(db, clock, "contacts", no_column, school_id).errors == []
    with db.transaction() as session:
        found = {c.external_id: c.court_order for c in session.exec(select(Contact))}
        recorded = [(a.actor, a.entity_id) for a in session.exec(select(AuditEntry).where(
            AuditEntry.action == "contact.court_order"))]
        jane = session.exec(select(Contact).where(Contact.external_id == "C1")).one()
    assert found == {"C1": True, "C3": False}
    assert recorded == []  # new contacts: recorded in their contact.created entry
    # A contact already stored when the order first arrives: its own audited change.
    body = "Adno,Contact ID,Contact Name,Court Order\n1003,C3,Sam Brightwater,Y\n"
    assert run(db, clock, "contacts", body, school_id).errors == []
    with db.transaction() as session:
        sam = session.exec(select(Contact).where(Contact.external_id == "C3")).one()
        recorded = [(a.actor, a.entity_id) for a in session.exec(select(AuditEntry).where(
            AuditEntry.action == "contact.court_order"))]
    assert sam.court_order and recorded == [("import", str(sam.id))]
    assert jane.court_order


@pytest.mark.parametrize(("columns", "cells", "lines"), [
    # SIMS's and Xporter's parts, the number and the street on one line, the postcode written
    # as the Royal Mail writes it.
    ("Apartment,House Name,House No,Street,District,Town,County,Postcode,Country",
     "Flat 3,Ash House,12,Beech Grove,Headingley,Leeds,West Yorkshire,zz14ab,United Kingdom",
     ["Flat 3", "Ash House", "12 Beech Grove", "Headingley", "Leeds", "West Yorkshire",
      "ZZ1 4AB"]),
    # Plain lines, and a country that is not the school's own.
    ("Address Line 1,Address Line 2,Town,Postcode,Country",
     "ul. Długa 5,,Gdańsk,80-827,Poland", ["ul. Długa 5", "Gdańsk", "80-827", "Poland"]),
    # One block, a line a row or commas between them.
    ("Address Block,Postcode", '"27 Rowan Street\nBradford\nZZ2 7CD",ZZ2 7CD',
     ["27 Rowan Street", "Bradford", "ZZ2 7CD"]),
    ("Address", '"14 Elm Road, Leeds, ZZ1 5JK"', ["14 Elm Road", "Leeds", "ZZ1 5JK"]),
    ("Address Line 1,Town,Postcode", ",,", []),
])
def test_a_postal_address_is_kept_as_an_envelopes_lines(
        db: Database, clock: FakeClock, school_id: int, columns: str, cells: str,
        lines: list[str]) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    body = f"Adno,Contact ID,Contact Name,{columns}\n1001,C1,Jane Testerton,{cells}\n"
    assert run(db, clock, "contacts", body, school_id).errors == []
    with db.transaction() as session:
        assert session.exec(select(Contact)).one().postal_address == lines


def test_a_students_department_is_imported(db: Database, clock: FakeClock,
                                           school_id: int) -> None:
    """The Student Success Action Plan list groups students by their school or department."""
    data = (b"Student ID,Forename,Surname,Academic School\n"
            b"U1,Amy,Ash,School of Economics\nU2,Ben,Bell,\n")
    report = import_csv(db, clock, kind="students", school_id=school_id, data=data)
    assert (report.errors, report.created) == ([], 2)
    with db.transaction() as session:
        found = {s.mis_id: s.department for s in session.exec(select(Student))}
    assert found == {"U1": "School of Economics", "U2": None}
