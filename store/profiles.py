"""Export profiles: how each MIS's own exports map onto rollcall's fields, as data.

A profile names, for each kind of import (students, contacts, marks), the source columns (or
JSON paths) of each field, best first, and where the rows come from when a file is not one
flat table: a JSON list, a list nested in each record (Wonde's contacts inside a student), the
numbered column groups of a wide file (Bromcom's `Contact1…Contact3`), a weekly grid of
sessions (Bromcom's `MonAM…FriPM`), or other files joined in by id (Xporter's `Contacts` and
`PersonComms` beside its `StudentContacts`). `store/export_reader.py` turns a file into rows by
these maps; the importers then read the rows as they read any CSV. No profile has code of its
own. The column names come from each vendor's public SDKs and documents: see
tests/fixtures/mis/<vendor>/SOURCE.md for where each was taken from.

JSON paths: `a.b` is a key inside a key; `list[key=value]` is the first item of a list with
that value (`groups.data[type=REGISTRATION].name`); `value1|value2` offers alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.columns import ALIASES

Columns = dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Join:
    """Another file of the same export, joined to each row by id (`name` in the row's paths)."""

    name: str  # how the row's paths reach it: "contact.Forename"
    records: tuple[str, ...]  # the JSON keys the other file keeps its list under
    key: str  # its id field
    on: str  # the row's field holding that id
    many: bool = False  # every match as a list (a person's comms), not the first


@dataclass(frozen=True, slots=True)
class Layout:
    """One kind of file of one MIS."""

    columns: Columns
    records: tuple[str, ...] = ()  # JSON: the key(s) holding the list of records; () for CSV
    # JSON: a list inside each record, one row per item; with what the paths call the record
    # and the item. The first whose list a record has is read (a page of students with their
    # contacts, or of contacts with their students).
    each: tuple[tuple[str, tuple[str, str]], ...] = ()
    slots: tuple[str, ...] = ()  # a wide CSV: one row per slot, `{n}` in column names
    sessions: dict[str, tuple[int, str]] = field(default_factory=dict)  # grid column: day, AM/PM
    week: tuple[str, ...] = ()  # a weekly grid: the columns giving the week's first day
    joins: tuple[Join, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    layouts: dict[str, Layout]
    # Detection: the file is this profile's when every name of one group is among its headers
    # (or, for JSON, its top-level keys or its first record's keys).
    signatures: tuple[tuple[str, ...], ...]
    json: bool = False


# SIMS report CSVs: the plain CSV names (store/columns.py) are SIMS's own (`Adno`, `Legal
# Forename`, `Reg Group`, `Parental Responsibility`), so a SIMS report needs no profile and is
# never told apart from a plain CSV; `--profile sims` reads it just the same.
SIMS = Profile(
    "sims",
    signatures=(),
    layouts={kind: Layout(ALIASES) for kind in ("students", "contacts", "marks")},
)

# Spellings beyond the first of each field are the ones Bromcom's own screens and partners use
# ("Forename", "Surname", "Mobile"): the flat view's exact ones are not public.
_BROMCOM_CONTACT: Columns = {
    "contact_id": ("Contact{n}PersonID", "Contact{n}ID"),
    "title": ("Contact{n}Prefix", "Contact{n}Title"),
    "contact_first_name": ("Contact{n}FirstName", "Contact{n}Forename"),
    "contact_last_name": ("Contact{n}LastName", "Contact{n}Surname"),
    "relationship": ("Contact{n}Relationship",),
    "priority": ("Contact{n}Priority", "Contact{n}ContactPriority"),
    "parental_responsibility": ("Contact{n}ParentalResponsibility",),
    "mobile": ("Contact{n}MobilePhone", "Contact{n}Mobile"),
    "phone": (
        "Contact{n}HomePhone",
        "Contact{n}WorkPhone",
        "Contact{n}Phone",
        "Contact{n}Telephone",
    ),
    "email": ("Contact{n}Email", "Contact{n}EmailAddress"),
    "language": ("Contact{n}Language",),
}
_WEEK = {
    f"{day}{session}": (number, session)
    for number, day in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri"))
    for session in ("AM", "PM")
}

# Bromcom: the StudentFlatView (one row per student, contacts in numbered column groups) and the
# weekly attendance grid.
BROMCOM = Profile(
    "bromcom",
    signatures=(
        ("Contact1FirstName",),
        ("Contact1Forename",),
        ("MonAM", "FriPM"),
        ("StudentID", "TutorGroupName"),
    ),
    layouts={
        "students": Layout(
            {
                "student_id": ("StudentID",),
                "upn": ("UPN",),
                "first_name": ("LegalFirstName", "LegalForename", "FirstName", "Forename"),
                "last_name": ("LegalLastName", "LegalSurname", "LastName", "Surname"),
                "preferred_name": ("PreferredFirstName", "PreferredForename"),
                "year_group": ("YearGroupName", "YearGroup"),
                "reg_group": ("TutorGroupName", "TutorGroup"),
            }
        ),
        # The student's own FirstName/LastName are never read here: only Contact{n} columns.
        "contacts": Layout(
            {"student_id": ("StudentID",), **_BROMCOM_CONTACT}, slots=("1", "2", "3")
        ),
        # The grid becomes one row per cell: the reader names the cell's day, session and mark.
        "marks": Layout(
            {
                "student_id": ("StudentID",),
                "date": ("{date}",),
                "session": ("{session}",),
                "code": ("{mark}",),
            },
            sessions=_WEEK,
            week=("WeekStartDate", "WeekBeginning", "Week Commencing"),
        ),
    },
)

# Arbor: CSV exports with the SDK's property names.
ARBOR = Profile(
    "arbor",
    signatures=(("studentNumber",),),
    layouts={
        "students": Layout(
            {
                "student_id": ("studentNumber",),
                "upn": ("upn",),
                "first_name": ("legalFirstName",),
                "last_name": ("legalLastName",),
                "preferred_name": ("preferredFirstName",),
                "year_group": ("academicLevelName", "yearGroup"),
                "reg_group": ("registrationFormName",),
            }
        ),
        "contacts": Layout(
            {
                "student_id": ("studentNumber",),
                "contact_id": ("guardianId", "guardianPersonId"),
                "title": ("guardianTitle",),
                "contact_first_name": ("guardianLegalFirstName", "guardianFirstName"),
                "contact_last_name": ("guardianLegalLastName", "guardianLastName"),
                "relationship": ("guardianRelationshipType",),
                "priority": ("emergencyContactPriority",),
                "parental_responsibility": ("isLegalGuardian",),
                "mobile": ("mobileTelephoneNumber",),
                "phone": ("homeTelephoneNumber", "workTelephoneNumber"),
                "email": ("emailAddress",),
                "no_contact": ("unsubscribedFromComms",),
                # The guardian's PostalAddress (the SDK's property names); Arbor keeps court
                # orders as CourtOrder records of their own, not a column of this file.
                "address_line_1": ("address1",),
                "address_line_2": ("address2",),
                "address_line_3": ("address3",),
                "town": ("postalTown",),
                "county": ("postalState",),
                "postcode": ("postalCode",),
                "country": ("country",),
            }
        ),
        "marks": Layout(
            {
                "student_id": ("studentNumber",),
                "date": ("registerDate", "date"),
                "session": ("session", "registerSession"),
                "code": ("attendanceMark",),
            }
        ),
    },
)

# Groupcall Xporter: its JSON endpoints, keyed by its own `Id` (a student's `Id`, never its
# admission number, is what StudentContacts and AttendanceForDateRange name).
_COMMS = "comms[CommsType=Telephone|Phone|T][LocationCode=Mobile|M].Value"
XPORTER = Profile(
    "xporter",
    json=True,
    signatures=(
        ("Students",),
        ("StudentContact",),
        ("StudentContacts",),
        ("Attendance",),
        ("AttendanceForDateRange",),
    ),
    layouts={
        "students": Layout(
            {
                "student_id": ("Id",),
                "upn": ("UPN",),
                "first_name": ("LegalForename", "Forename"),
                "last_name": ("LegalSurname", "Surname"),
                "preferred_name": ("Forename",),
                "year_group": ("YearGroup",),
                "reg_group": ("RegGroup",),
            },
            records=("Students",),
        ),
        "contacts": Layout(
            {
                "student_id": ("StudentId",),
                "contact_id": ("ContactId",),
                "title": ("contact.Title",),
                "contact_first_name": ("contact.Forename",),
                "contact_last_name": ("contact.Surname",),
                "relationship": ("Relationship",),
                "priority": ("Priority",),
                "parental_responsibility": ("ParResp",),
                "mobile": ("contact.MobilePhone", _COMMS),
                "phone": (
                    "contact.HomePhone",
                    "contact.WorkPhone",
                    "comms[CommsType=Telephone|Phone|T].Value",
                ),
                "email": (
                    "contact.HomeEmail",
                    "contact.WorkEmail",
                    "comms[CommsType=Email|E].Value",
                ),
                "language": ("contact.HomeLanguage",),
                # The contact's address as Xporter's Contacts give it (BS 7666 parts, and the
                # whole as AddressBlock).
                "address_block": ("contact.AddressBlock",),
                "apartment": ("contact.Apartment",),
                "house_name": ("contact.HouseName",),
                "house_number": ("contact.HouseNo",),
                "street": ("contact.Street",),
                "district": ("contact.District",),
                "town": ("contact.TownOrCity",),
                "county": ("contact.County",),
                "postcode": ("contact.PostCode",),
                "country": ("contact.Country",),
            },
            records=("StudentContact", "StudentContacts"),
            joins=(
                Join("contact", records=("Contacts",), key="Id", on="ContactId"),
                Join("comms", records=("PersonComms",), key="PersonId", on="ContactId", many=True),
            ),
        ),
        "marks": Layout(
            {
                "student_id": ("StudentId",),
                "date": ("Date",),
                "session": ("Session",),
                "code": ("Mark",),
            },
            records=("Attendance", "AttendanceForDateRange"),
        ),
    },
)

# Wonde: its JSON, a page of `students?include=contacts.contact_details,extended_details,year,
# groups` (the contacts nested in each student), or for contacts a page of
# `contacts?include=students,contact_details` (the students nested in each contact). A
# contact's own `mis_id` is only ever the contact's id; the student's comes from the student.
WONDE = Profile(
    "wonde-json",
    json=True,
    signatures=(("data", "meta"),),
    layouts={
        "students": Layout(
            {
                "student_id": ("mis_id",),
                "upn": ("extended_details.data.upn", "education_details.data.upn", "upn"),
                "first_name": ("legal_forename", "forename"),
                "last_name": ("legal_surname", "surname"),
                "preferred_name": ("forename",),
                "year_group": (
                    "year.data.code",
                    "extended_details.data.current_nc_year",
                    "year.data.name",
                ),
                "reg_group": (
                    "groups.data[type=REGISTRATION|FORM|TUTOR].name",
                    "form_groups.data[0].name",
                ),
            },
            records=("data",),
        ),
        "contacts": Layout(
            {
                "student_id": ("student.mis_id",),
                "contact_id": ("contact.mis_id", "contact.id"),
                "title": ("contact.title",),
                "contact_first_name": ("contact.forename",),
                "contact_last_name": ("contact.surname",),
                "relationship": (
                    "contact.relationship.relationship",
                    "student.relationship.relationship",
                ),
                "priority": ("contact.relationship.priority", "student.relationship.priority"),
                "parental_responsibility": (
                    "contact.relationship.parental_responsibility",
                    "student.relationship.parental_responsibility",
                ),
                "mobile": ("contact.contact_details.data.phones.mobile",),
                "phone": (
                    "contact.contact_details.data.phones.primary",
                    "contact.contact_details.data.phones.phone",
                    "contact.contact_details.data.phones.home",
                    "contact.contact_details.data.phones.work",
                ),
                "email": (
                    "contact.contact_details.data.emails.primary",
                    "contact.contact_details.data.emails.email",
                    "contact.contact_details.data.emails.home",
                    "contact.contact_details.data.emails.work",
                ),
            },
            records=("data",),
            each=(
                ("contacts.data", ("student", "contact")),
                ("students.data", ("contact", "student")),
            ),
        ),
    },
)


# --- Colleges and universities: timetabled events and their attendance --------------------

def _first(names: Columns, fields: tuple[str, ...] | None = None) -> Columns:
    """A college system's own names first, then the plain CSV names for every field (of its
    events and attendance, or `fields`): its exports are often reworked by hand before they
    reach us."""
    return {field: names.get(field, ()) + tuple(a for a in ALIASES.get(field, ())
                                               if a not in names.get(field, ()))
            for field in dict.fromkeys((*names, *(fields or _EVENT_FIELDS)))}


_EVENT_FIELDS = ("student_id", "event_id", "course", "module", "event_type", "event_name",
                 "date", "start", "end", "room", "staff", "mandatory", "status", "attended",
                 "late")

# SEAtS: its timetable and attendance files (CSV UTF-8, one row per student and event; a
# `DELETE` column takes a student off an event). Spellings beyond those its help pages print
# are unconfirmed: see tests/fixtures/university/SOURCE.md. Column names are compared with
# case, spaces and underscores ignored, so `EVENT_ID` (the master specification's own style of
# name: `VISAREQUIRED`, `FEE_CATEGORY`, `MODULE_SESSION_CODE`) reads as `Event ID`.
_SEATS = _first({
    "student_id": ("Student ID", "Student Number"),
    "event_id": ("Event ID", "Event Code"),
    "course": ("Course Code", "Course Name"),
    "module": ("Module Code", "Module Name"),
    "event_type": ("Event Type",),
    "event_name": ("Lesson Description", "Event Description"),
    "date": ("Event Date", "Date"),
    "start": ("Start Time", "Start Date Time"),
    "end": ("End Time", "End Date Time"),
    "room": ("Room Code", "Room Name"),
    "staff": ("Staff ID", "Lecturer"),
    "mandatory": ("Mandatory",),
    "status": ("Attendance Status", "Status"),
    "delete": ("DELETE",),
})
# Its Student Data file: only `VISAREQUIRED` (field 10) of the fields we read is confirmed by a
# public page (with `FEE_CATEGORY`, `STUDENT_16-18` and `FAMILY_PHONE_NUMBERS`, which rollcall
# does not read); the others are the plain names, in the specification's style.
_SEATS_STUDENTS = _first({
    "student_id": ("STUDENT_ID", "Student Number"),
    "first_name": ("FORENAME",),
    "last_name": ("SURNAME",),
    "visa_sponsored": ("VISAREQUIRED",),
}, fields=("student_id", "upn", "first_name", "preferred_name", "last_name", "year_group",
           "reg_group", "course", "department", "date_of_birth", "personal_tutor",
           "senior_tutor", "visa_sponsored", "student_email", "student_mobile"))
SEATS = Profile(
    "seats",
    signatures=(("Event ID", "DELETE"), ("Event ID", "Lesson Description"),
                ("VISAREQUIRED", "FEE_CATEGORY")),
    layouts={"students": Layout(_SEATS_STUDENTS), "events": Layout(_SEATS),
             "event-attendance": Layout(_SEATS)},
)

# Jisc's learning-analytics attendance file (attendance.tsv of its Universal Data Definition),
# which universities fill from SITS, SEAtS and card readers alike.
_JISC = _first({
    "student_id": ("STUDENT_ID",),
    "event_id": ("EVENT_ID",),
    "course": ("COURSE_INSTANCE_ID",),
    "module": ("MOD_INSTANCE_ID",),
    "event_type": ("EVENT_TYPE_DESCRIPTION", "EVENT_TYPE"),
    "event_name": ("EVENT_NAME", "EVENT_DESCRIPTION"),
    "start": ("START_TIME",),
    "end": ("END_TIME",),
    "staff": ("STAFF_ID",),
    "mandatory": ("EVENT_MANDATORY",),
    "attended": ("EVENT_ATTENDED",),
    "late": ("ATTENDANCE_LATE",),
})
JISC = Profile(
    "jisc-udd",
    signatures=(("EVENT_ID", "EVENT_ATTENDED"),),
    layouts={"events": Layout(_JISC), "event-attendance": Layout(_JISC)},
)

# Tribal SITS:Vision (e:Vision) reports: its table fields (INS_STU, INS_SPR, SRS_SCE, CAM_SMO)
# as a report prints them; events and attendance come out as Jisc's attendance file names.
_SITS_STUDENTS: Columns = {
    "student_id": ("STU_CODE",),
    "first_name": ("STU_FNM1", "Forenames"),
    "preferred_name": ("STU_FUSD",),
    "last_name": ("STU_SURN",),
    "date_of_birth": ("STU_DOB",),
    "course": ("SCE_CRSC", "CRS_CODE"),
    "year_group": ("SCE_BLOK",),
    "personal_tutor": ("PRS_CODE", "Personal Tutor"),
    "senior_tutor": ("Senior Tutor",),
    "visa_sponsored": ("tier4_visa_requirement", "Visa Sponsored"),
    "student_email": ("STU_CAEM",),
    "student_mobile": ("STU_CAT3",),
}
_SITS_EVENTS = _first({**{f: n for f, n in _JISC.items() if f not in ("student_id", "module")},
                       "student_id": ("STU_CODE", "STUDENT_ID"),
                       "module": ("MOD_CODE", "MOD_INSTANCE_ID")})
SITS = Profile(
    "sits",
    signatures=(("STU_CODE",), ("MOD_CODE", "MAV_OCCUR")),
    layouts={"students": Layout(_SITS_STUDENTS), "events": Layout(_SITS_EVENTS),
             "event-attendance": Layout(_SITS_EVENTS)},
)

PROFILES: dict[str, Profile] = {p.name: p for p in (SIMS, BROMCOM, ARBOR, XPORTER, WONDE,
                                                    SEATS, SITS, JISC)}
