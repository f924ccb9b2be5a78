"""Each MIS's exports as they really are, through its profile (issue 17 item 4).

The samples under tests/fixtures/mis/<vendor>/ are built from the vendors' public SDKs and
schemas (each folder's SOURCE.md says from what), with invented people."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.export_reader import read_export
from store.importer import ImportReport, import_export
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from tests.store.test_importer import snapshot

MIS = Path(__file__).parent.parent / "fixtures" / "mis"


def load(
    db: Database,
    clock: FakeClock,
    school_id: int,
    kind: str,
    *files: str,
    profile: str | None = None,
) -> ImportReport:
    return import_export(
        db,
        clock,
        kind=kind,
        school_id=school_id,
        profile=profile,
        files=[(MIS / f).read_bytes() for f in files],
    )


def students(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.transaction() as session:
        return {
            s.mis_id: (
                s.first_name,
                s.preferred_name,
                s.last_name,
                s.upn,
                s.year_group,
                s.reg_group,
            )
            for s in session.exec(select(Student))
        }


def contacts(db: Database) -> dict[tuple[str, str], tuple[Any, ...]]:
    """(student's mis id, contact's name) -> what the store holds for that link."""
    with db.transaction() as session:
        rows = session.exec(
            select(Student, StudentContact, Contact)
            .join(StudentContact, StudentContact.student_id == Student.id)
            .join(Contact, Contact.id == StudentContact.contact_id)
        )
        return {
            (s.mis_id, c.name): (
                c.external_id,
                c.phone,
                c.landline,
                c.email,
                link.relationship,
                link.priority,
                link.parental_responsibility,
            )
            for s, link, c in rows
        }


def marks(db: Database) -> set[tuple[str, str, str, str]]:
    with db.transaction() as session:
        return {
            (s.mis_id, m.day.isoformat(), m.session, m.code)
            for m, s in session.exec(
                select(Mark, Student).join(Student, Student.id == Mark.student_id)
            )
        }


def clean(report: ImportReport, *, warnings: int = 0) -> ImportReport:
    assert report.errors == [], report.errors
    assert len(report.warnings) == warnings, report.warnings
    return report


def test_sims_reports_import_cleanly_with_notes_on_numbers_and_dashes_for_no_mark(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    clean(load(db, clock, school_id, "students", "sims/students.csv"))
    # line 6: Piotr's mobile is a digit short: left out and reported, the rest of him imported.
    report = clean(load(db, clock, school_id, "contacts", "sims/contacts.csv"), warnings=1)
    assert report.warnings[0].line == 6 and "column 'Mobile'" in report.warnings[0].message
    report = clean(load(db, clock, school_id, "marks", "sims/marks.csv"))
    assert (report.created, report.not_taken) == (3, 3)
    assert students(db)["002101"] == ("Chidinma", "Chi", "Okafor", "H801200001001", "6", "6OK")
    found = contacts(db)
    assert found[("002101", "Mrs Ngozi Okafor")] == (
        "P7001",
        "+447700900108",
        "+441134960108",
        "ngozi.okafor@example.org",
        "mother",
        1,
        True,
    )
    assert found[("002102", "Mrs Ngozi Okafor")][0] == "P7001"  # one contact, two children
    assert found[("002101", "Mr Tobenna Okafor")][1:2] + found[("002101", "Mr Tobenna Okafor")][
        6:
    ] == ("+447700900109", None)  # no parental responsibility given: unknown
    assert found[("002103", "Pani Agnieszka Nowak")][1] == "+48512345678"
    assert found[("002103", "Mr Piotr Nowak")][1:3] == (None, "+441632960110")
    assert marks(db) == {
        ("002101", "2026-11-23", "AM", "N"),
        ("002102", "2026-11-23", "AM", "/"),
        ("002103", "2026-11-23", "AM", "L"),
    }
    assert (
        load(db, clock, school_id, "students", "sims/students.csv", profile="sims").unchanged == 3
    )  # named or not, a SIMS report reads the same


def test_bromcom_flat_view_reads_tutor_groups_and_wide_contacts_never_the_student(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    assert (
        clean(load(db, clock, school_id, "students", "bromcom/StudentFlatView.csv")).profile
        == "bromcom"
    )
    clean(load(db, clock, school_id, "contacts", "bromcom/StudentFlatView.csv"))
    assert students(db)["30411"] == ("Aisling", "Ash", "Brennan", "J801200002001", "9", "9TY")
    found = contacts(db)
    assert sorted(name for sid, name in found if sid == "30411") == [
        "Mr Declan Brennan",
        "Mrs Maeve Brennan",
        "Ms Siobhan Brennan",
    ]
    assert not any(
        name.endswith(("Ash Brennan", "Farhan Siddiqui", "Ioana Popescu")) for _, name in found
    )  # a student is never made a contact
    assert found[("30411", "Ms Siobhan Brennan")] == (
        "88101",
        "+447700900201",
        None,
        "siobhan.brennan@example.org",
        "mother",
        1,
        True,
    )
    assert found[("30411", "Mr Declan Brennan")][6] is False
    assert found[("30411", "Mrs Maeve Brennan")][1:3] + found[("30411", "Mrs Maeve Brennan")][
        6:
    ] == (None, "+441614960203", None)  # a landline only; responsibility not given
    assert found[("30412", "Mrs Rukhsana Siddiqui")][1] == "+48512345678"
    assert len(found) == 6


def test_bromcom_weekly_grid_becomes_one_mark_per_session_blank_days_not_taken(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    load(db, clock, school_id, "students", "bromcom/StudentFlatView.csv")
    report = clean(load(db, clock, school_id, "marks", "bromcom/AttendanceWeek.csv"))
    assert (report.created, report.not_taken) == (12, 18)
    found = marks(db)
    assert ("30411", "2026-11-24", "AM", "N") in found
    assert ("30411", "2026-11-23", "PM", "\\") in found
    assert ("30413", "2026-11-24", "AM", "M") in found
    assert not any(day > "2026-11-24" for _, day, _, _ in found)


def test_arbor_exports_are_read_by_student_number(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    assert clean(load(db, clock, school_id, "students", "arbor/students.csv")).profile == "arbor"
    clean(load(db, clock, school_id, "contacts", "arbor/guardians.csv"))
    clean(load(db, clock, school_id, "marks", "arbor/attendance.csv"))
    assert students(db)["A-00511"] == ("Rhiannon", "Rhi", "Pugh", "K801200003001", "7", "7P")
    found = contacts(db)
    assert found[("A-00512", "Mrs Carys Pugh")] == (
        "G-901",
        "+447700900301",
        "+442920180301",
        "carys.pugh@example.org",
        "mother",
        1,
        True,
    )
    assert found[("A-00513", "Mr Abdi Warsame")][4:] == ("uncle", 2, False)
    assert found[("A-00513", "Mrs Hodan Warsame")][1] == "+48512345678"
    assert marks(db) == {
        ("A-00511", "2026-11-23", "AM", "N"),
        ("A-00512", "2026-11-23", "AM", "/"),
        ("A-00513", "2026-11-23", "AM", "I"),
    }


def test_xporter_files_are_keyed_by_its_own_id_not_the_admission_number(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    assert (
        clean(load(db, clock, school_id, "students", "xporter/Students.json")).profile == "xporter"
    )
    clean(
        load(
            db,
            clock,
            school_id,
            "contacts",
            "xporter/StudentContacts.json",
            "xporter/Contacts.json",
            "xporter/PersonComms.json",
        )
    )
    report = clean(load(db, clock, school_id, "marks", "xporter/AttendanceForDateRange.json"))
    assert (report.created, report.not_taken) == (3, 1)
    assert students(db)["5501"] == ("Oluwaseun", "Seun", "Adeyemi", "L801200004001", "6", "6AD")
    found = contacts(db)
    assert found[("5501", "Mrs Funmilayo Adeyemi")] == (
        "7701",
        "+447700900401",
        "+441134960401",
        "funmi.adeyemi@example.org",
        "mother",
        1,
        True,
    )
    # No mobile on the contact itself: PersonComms has it.
    assert found[("5502", "Pani Magdalena Wisniewska")][1:4] == (
        "+48512345678",
        None,
        "m.wisniewska@example.org",
    )
    assert found[("5502", "Pani Magdalena Wisniewska")][6] is True  # ParResp as JSON true
    assert found[("5502", "Mr Tomasz Wisniewski")][2] == "+441632960403"
    assert found[("5502", "Mr Tomasz Wisniewski")][6] is False
    assert ("5501", "2026-11-23", "AM", "N") in marks(db)


def test_wonde_json_keeps_nested_year_form_group_and_upn_and_the_students_own_id(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    # The page the fake Wonde of the connector's tests serves (tests/fixtures/mis/wonde).
    assert (
        clean(load(db, clock, school_id, "students", "wonde/students.json")).profile == "wonde-json"
    )
    clean(load(db, clock, school_id, "contacts", "wonde/students.json"))
    assert students(db) == {
        "9919": ("Amelia", "Amy", "Pryce", "A123456789012", "6", "6P"),
        "9920": ("Ben", "Ben", "Pryce", "B123456789013", "3", "3W"),
    }
    found = contacts(db)
    assert {sid for sid, _ in found} == {"9919", "9920"}  # never a contact's own mis_id
    assert found[("9919", "Mrs Jane Pryce")] == (
        "40001",
        "+447700900108",
        "+441632960001",
        "jane.pryce@example.org",
        "mother",
        1,
        True,
    )
    assert found[("9919", "Mr Owen Pryce")][4:] == ("father", 2, None)  # not stated: unknown


def test_every_sample_imports_again_without_changing_a_row(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    plan = [
        ("students", ("bromcom/StudentFlatView.csv",)),
        ("contacts", ("bromcom/StudentFlatView.csv",)),
        ("marks", ("bromcom/AttendanceWeek.csv",)),
        ("students", ("xporter/Students.json",)),
        (
            "contacts",
            ("xporter/StudentContacts.json", "xporter/Contacts.json", "xporter/PersonComms.json"),
        ),
        ("marks", ("xporter/AttendanceForDateRange.json",)),
    ]
    for kind, files in plan:
        load(db, clock, school_id, kind, *files)
    before = snapshot(db)
    for kind, files in plan:
        load(db, clock, school_id, kind, *files)
    assert snapshot(db) == before


def test_a_changed_mobile_in_a_wide_export_without_ids_updates_the_contact(
    db: Database, clock: FakeClock, school_id: int, tmp_path: Path
) -> None:
    load(db, clock, school_id, "students", "bromcom/StudentFlatView.csv")
    wide = (MIS / "bromcom/StudentFlatView.csv").read_text()
    header, *rows = wide.splitlines()
    no_ids = "\n".join([header.replace("PersonID", "Ref"), *rows]) + "\n"
    import_export(db, clock, kind="contacts", school_id=school_id, files=[no_ids.encode()])
    moved = no_ids.replace("07700 900201", "07700 900299")
    report = import_export(db, clock, kind="contacts", school_id=school_id, files=[moved.encode()])
    assert (report.created, report.updated, report.errors) == (0, 1, [])
    assert contacts(db)[("30411", "Ms Siobhan Brennan")][1] == "+447700900299"


def test_a_preferred_name_never_overwrites_the_legal_one(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    load(db, clock, school_id, "students", "sims/students.csv")
    known_as = "Adno,Forename,Surname\n002101,Chi,Okafor\n"
    report = import_export(
        db, clock, kind="students", school_id=school_id, files=[known_as.encode()]
    )
    assert report.updated == 0
    assert students(db)["002101"][:2] == ("Chidinma", "Chi")


def test_a_profile_is_named_or_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="unknown profile 'capita'"):
        read_export([b"Adno\n1\n"], kind="students", profile="capita")
    with pytest.raises(InvalidInput, match="JSON export needs its profile"):
        read_export([b'{"rows": []}'], kind="students")
    with pytest.raises(InvalidInput, match="several profiles"):
        read_export([b"studentNumber,Contact1FirstName\n1,Ann\n"], kind="students")
    with pytest.raises(InvalidInput, match="no week column"):
        read_export([b"StudentID,MonAM,FriPM\n1,/,\\\n"], kind="marks")
    with pytest.raises(InvalidInput, match="several files are read together only by a profile"):
        read_export([b"Adno,Forename\n1,Ann\n", b"Adno,Surname\n1,Lee\n"], kind="students")
    plain = read_export([b"Adno,Forename,Surname\n1,Ann,Lee\n"], kind="students")
    assert plain.profile is None  # a plain CSV keeps the plain names


def test_a_wonde_contacts_page_links_each_contact_to_the_students_nested_in_it(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    load(db, clock, school_id, "students", "wonde/students.json")
    report = clean(load(db, clock, school_id, "contacts", "wonde/contacts.json"))
    assert report.created == 3
    found = contacts(db)
    # The contact's own mis_id (40001) names the contact; the students are 9919 and 9920.
    assert found[("9920", "Mrs Jane Pryce")] == (
        "40001",
        "+447700900108",
        "+441632960001",
        "jane.pryce@example.org",
        "mother",
        1,
        True,
    )
    assert found[("9919", "Mr Owen Pryce")][1:] == (
        "+447700900109",
        None,
        "owen.pryce@example.org",
        "father",
        2,
        None,
    )
    with db.transaction() as session:
        owen = session.exec(select(Contact).where(Contact.external_id == "40002")).one()
        assert owen.phone_note == "work mobile"


def test_a_bromcom_flat_view_with_other_spellings_of_its_columns_is_read_the_same(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    flat = (
        "Student ID,Forename,Surname,Tutor Group,Year Group,Contact1ID,Contact1Title,"
        "Contact1Forename,Contact1Surname,Contact1Mobile,Contact1EmailAddress\n"
        "30420,Nia,Evans,8RT,Year 8,88120,Mrs,Sian,Evans,07700 900220,sian@example.org\n"
    )
    for kind in ("students", "contacts"):
        report = import_export(db, clock, kind=kind, school_id=school_id, files=[flat.encode()])
        assert report.profile == "bromcom" and report.errors == []
    assert students(db)["30420"] == ("Nia", None, "Evans", None, "8", "8RT")
    assert contacts(db) == {
        ("30420", "Mrs Sian Evans"): (
            "88120",
            "+447700900220",
            None,
            "sian@example.org",
            "contact",
            1,
            None,
        )
    }


def test_a_wonde_page_with_its_form_and_upn_elsewhere_is_read_the_same(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    page = {
        "data": [
            {
                "id": "A1",
                "mis_id": "7001",
                "forename": "Dafydd",
                "surname": "Rees",
                "legal_forename": None,
                "legal_surname": None,
                "education_details": {"data": {"upn": "M801200005001"}},
                "year": {"data": {"name": "Year 4"}},
                "groups": {
                    "data": [{"name": "Oak", "type": "HOUSE"}, {"name": "4R", "type": "TUTOR"}]
                },
            }
        ],
        "meta": {"pagination": {"more": False, "next": None}},
    }
    report = import_export(
        db, clock, kind="students", school_id=school_id, files=[json.dumps(page).encode()]
    )
    assert report.profile == "wonde-json" and report.errors == []
    assert students(db) == {"7001": ("Dafydd", "Dafydd", "Rees", "M801200005001", "4", "4R")}


def _as_csv(name: str, key: str) -> bytes:
    """An Xporter JSON sample saved as CSV, as a school that exports to a spreadsheet has it."""
    records = json.loads((MIS / "xporter" / name).read_text())[key]
    headers = list(dict.fromkeys(k for record in records for k in record))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows([["" if r.get(h) is None else r.get(h) for h in headers] for r in records])
    return out.getvalue().encode()


def test_xporter_files_saved_as_csv_read_as_their_json(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    files = {
        "students": [_as_csv("Students.json", "Students")],
        "contacts": [
            _as_csv("Contacts.json", "Contacts"),
            _as_csv("PersonComms.json", "PersonComms"),
            _as_csv("StudentContacts.json", "StudentContact"),
        ],
        "marks": [_as_csv("AttendanceForDateRange.json", "Attendance")],
    }
    for kind, data in files.items():
        report = import_export(
            db, clock, kind=kind, school_id=school_id, files=data, profile="xporter"
        )
        assert report.errors == [] and report.created > 0
    from_csv = (students(db), contacts(db), marks(db))
    for kind, names in (
        ("students", ("xporter/Students.json",)),
        (
            "contacts",
            ("xporter/StudentContacts.json", "xporter/Contacts.json", "xporter/PersonComms.json"),
        ),
        ("marks", ("xporter/AttendanceForDateRange.json",)),
    ):
        report = load(db, clock, school_id, kind, *names)
        assert (report.created, report.updated, report.errors) == (0, 0, [])
    assert (students(db), contacts(db), marks(db)) == from_csv
    assert from_csv[1][("5502", "Pani Magdalena Wisniewska")][1] == "+48512345678"


def _postal(db: Database) -> dict[str, tuple[list[str], bool]]:
    with db.transaction() as session:
        return {c.name: (list(c.postal_address), c.court_order)
                for c in session.exec(select(Contact))}


def test_addresses_and_court_orders_come_from_each_mis_that_has_them(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    for folder, students_file, contact_files in (
        ("sims", "students.csv", ("contacts.csv",)),
        ("arbor", "students.csv", ("guardians.csv",)),
        ("xporter", "Students.json", ("StudentContacts.json", "Contacts.json",
                                      "PersonComms.json")),
    ):
        load(db, clock, school_id, "students", f"{folder}/{students_file}")
        load(db, clock, school_id, "contacts", *(f"{folder}/{f}" for f in contact_files))
    found = _postal(db)
    # SIMS: the Court Order column and one address block.
    assert found["Mrs Ngozi Okafor"] == (["14 Elm Road", "Leeds", "ZZ1 5JK"], False)
    assert found["Mr Tobenna Okafor"] == ([], True)
    # Arbor: the guardian's PostalAddress.
    assert found["Mrs Carys Pugh"] == (["2 Heol y Llan", "Cardiff", "ZZ3 1EF"], False)
    assert found["Mrs Hodan Warsame"][0] == ["Flat 9", "40 Clive Road", "Cardiff", "ZZ3 2GH"]
    assert found["Mr Abdi Warsame"][0] == []
    # Xporter: BS 7666 parts before the block, the UK left off; the block when there are none.
    assert found["Mrs Funmilayo Adeyemi"][0] == [
        "Flat 3", "Ash House", "12 Beech Grove", "Headingley", "Leeds", "West Yorkshire",
        "ZZ1 4AB"]
    assert found["Pani Magdalena Wisniewska"][0] == ["27 Rowan Street", "Bradford", "ZZ2 7CD"]
    assert found["Mr Tomasz Wisniewski"][0] == []
