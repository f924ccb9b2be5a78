"""The column names real MIS exports use, and reading their values.

SIMS, Bromcom, Arbor, Wonde and Xporter each spell a column their own way (the README's
CSV tables list every name accepted). A header matches an alias when both agree after
ignoring case, spaces and underscores, so `Admission No`, `admission_no` and `AdmissionNo` are
one column. When several columns mean one field, the one named earlier in `ALIASES` wins (a
Wonde file's `legal_forename` over its `forename`). README.md lists every accepted name: keep
the two in step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from operator import itemgetter
from typing import Any, TypeVar

from store.errors import InvalidInput, RollcallError

T = TypeVar("T")

ALIASES: dict[str, tuple[str, ...]] = {
    "student_id": ("Adno", "Admission No", "Admission Number", "AdmissionNo", "Student ID",
                   "StudentId", "PersonID", "mis_id", "XID", "Student MIS ID"),
    "upn": ("UPN", "Unique Pupil Number"),
    "first_name": ("Legal Forename", "LegalForename", "legalFirstName", "Forename",
                   "First Name", "Firstname"),
    "preferred_name": ("Preferred Forename", "Preferred Firstname", "Preferred Name",
                       "preferredFirstName"),
    "last_name": ("Legal Surname", "LegalSurname", "legalLastName", "Surname", "Last Name",
                  "Lastname"),
    "year_group": ("Year Group", "YearGroup", "Year", "NC Year", "current_nc_year"),
    "reg_group": ("Reg Group", "RegGroup", "Registration Group", "Tutor Group", "Form",
                  "registrationFormName"),
    "course": ("Course", "Course Name", "Programme", "Course Code", "Programme Code"),
    "department": ("Department", "Department Name", "Academic Department", "Academic School",
                   "Faculty", "School of Study"),
    # Colleges and universities (students): SITS's own field names as its reports print them.
    "date_of_birth": ("Date of Birth", "DOB", "DateofBirth", "Birth Date", "dateOfBirth",
                      "date_of_birth", "STU_DOB"),
    "personal_tutor": ("Personal Tutor", "Personal Tutor Email", "Personal Tutor ID",
                       "PRS_CODE"),
    "senior_tutor": ("Senior Tutor", "Senior Tutor Email", "Senior Tutor ID"),
    "visa_sponsored": ("Visa Sponsored", "Student Visa", "Visa Student", "Tier 4",
                       "tier4VisaRequirement", "tier4_visa_requirement"),
    "student_email": ("Student Email", "Student Email Address", "STU_CAEM"),
    "student_mobile": ("Student Mobile", "Student Mobile Phone", "STU_CAT3"),
    "contact_id": ("Contact ID", "ContactId", "Contact Person ID", "Contact Ref",
                   "Contact Reference"),
    "contact_name": ("Contact Name", "DisplayName", "Display Name"),
    "contact_first_name": ("Contact Forename", "Contact First Name", "Forename", "First Name",
                           "Firstname"),
    "contact_last_name": ("Contact Surname", "Contact Last Name", "Surname", "Last Name",
                          "Lastname"),
    "title": ("Title", "Prefix"),
    "relationship": ("Relationship", "Contact Relationship", "guardianRelationshipType"),
    "priority": ("Priority", "Contact Priority", "emergencyContactPriority"),
    "parental_responsibility": ("Parental Responsibility", "Contact Parental Responsibility",
                                "ParResp", "PR", "isLegalGuardian"),
    "phone": ("Telephone", "Phone", "Home Phone", "HomePhone", "Work Phone", "WorkPhone",
              "Contact Telephone"),
    "mobile": ("Mobile", "Mobile Phone", "MobilePhone", "Contact Mobile"),
    "email": ("Email", "Email Address", "HomeEmail", "WorkEmail", "emailAddress",
              "Contact Email"),
    "telegram_chat_id": ("Telegram Chat ID", "Telegram", "Chat ID"),
    "whatsapp": ("WhatsApp", "WhatsApp Opt-In", "WhatsApp Consent"),
    "language": ("Home Language", "HomeLanguage", "First Language", "FirstLanguage", "Language"),
    "no_contact": ("No Contact", "Do Not Contact", "unsubscribedFromComms"),
    # An apprentice's employer: what the apprenticeship agreement lets them be told.
    "tell_absence": ("Tell Absence", "Share Absence", "Agreement Absence"),
    "tell_reason": ("Tell Reason", "Share Reason", "Agreement Reason"),
    # Timetabled events and their attendance (colleges and universities).
    "event_id": ("Event ID", "EventId", "Event Ref", "Event Reference", "Activity ID",
                 "Session ID"),
    "module": ("Module", "Module Code", "Module Name", "Unit", "MOD_CODE"),
    "event_type": ("Event Type", "Activity Type", "Session Type", "Teaching Type"),
    "event_name": ("Event Name", "Event Title", "Event Description", "Description",
                   "Lesson Description"),
    "start": ("Start", "Start Time", "Start Date Time", "Starts", "Event Start"),
    "end": ("End", "End Time", "End Date Time", "Ends", "Event End"),
    "room": ("Room", "Room Code", "Room Name", "Location"),
    "staff": ("Staff", "Staff Name", "Staff ID", "Lecturer", "Teacher"),
    "mandatory": ("Mandatory", "Compulsory"),
    "status": ("Attendance Status", "Attendance", "Status"),
    "attended": ("Attended", "Present"),
    "late": ("Late",),
    "court_order": ("Court Order", "Contact Court Order"),
    # A postal address: SIMS's and Xporter's BS 7666 parts and block, Arbor's PostalAddress,
    # and the plain CSV's lines (store/addresses.py writes them as an envelope's lines).
    "address_block": ("Address Block", "AddressBlock", "Address", "Postal Address"),
    "address_line_1": ("Address Line 1", "Address 1", "address1"),
    "address_line_2": ("Address Line 2", "Address 2", "address2"),
    "address_line_3": ("Address Line 3", "Address 3", "address3"),
    "apartment": ("Apartment", "Flat"),
    "house_name": ("House Name", "HouseName"),
    "house_number": ("House Number", "House No", "HouseNo"),
    "street": ("Street",),
    "district": ("District", "Locality"),
    "town": ("Town", "Town or City", "TownOrCity", "City", "postalTown"),
    "county": ("County", "postalState"),
    "postcode": ("Postcode", "Post Code", "postalCode"),
    "country": ("Country",),
    "date": ("Date", "AttendanceDate", "Attendance Date"),
    "session": ("Session", "SessionName", "Session Name"),
    # Bromcom's ExportMark is the DfE code where Mark may be the school's own: it goes first.
    "code": ("ExportMark", "Mark", "AttendanceMark", "Attendance Mark", "Code",
             "attendance_code"),
}


def squash(name: str) -> str:
    """A header as compared: lower case, without spaces or underscores."""
    return re.sub(r"[\s_]+", "", name).lower()


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which header positions hold each field (best alias first), and the headers unused."""

    positions: dict[str, tuple[int, ...]]
    ignored: tuple[str, ...]
    headers: tuple[str, ...] = ()

    def has(self, field: str) -> bool:
        return field in self.positions

    def value(self, row: Sequence[str], field: str) -> str:
        """The field's cell, stripped: the first non-empty one when several columns mean it
        (`Home Phone` and `Work Phone`); "" when the file has no such column."""
        for position in self.positions.get(field, ()):
            cell = row[position].strip() if position < len(row) else ""
            if cell:
                return cell
        return ""

    def read(self, row: Sequence[str], field: str, parse: Callable[[str], T]) -> T:
        """The field's cell read by `parse`; a refusal says which field it was in."""
        return read_field(field, parse, self.value(row, field))

    def header(self, field: str) -> str:
        """The file's own name of the field's (first) column; "" when it has none."""
        positions = self.positions.get(field, ())
        return self.headers[positions[0]] if positions and positions[0] < len(self.headers) \
            else ""

    def raw(self, fields: Sequence[str]) -> Callable[[Sequence[str]], tuple[str, ...]]:
        """A reader of the cells these fields' columns hold, exactly as written: one C-level
        lookup per row, for telling a file's rows that repeat the same cells (every student's
        row of one event) from a row that may differ, before reading any of them."""
        positions = sorted({p for field in fields for p in self.positions.get(field, ())})
        if not positions:
            return lambda row: ()
        width, getter, single = positions[-1] + 1, itemgetter(*positions), len(positions) == 1

        def read(row: Sequence[str]) -> tuple[str, ...]:
            cells: Any = getter(row if len(row) >= width else [*row, *[""] * width])
            return (cells,) if single else cells
        return read

    def cells(self, row: Sequence[str], field: str) -> list[tuple[str, str]]:
        """Every non-empty cell of the field, stripped, with its column's header, in order
        (a contact's `Mobile`, then `Home Phone`, then `Work Phone`)."""
        return [(self.headers[p], row[p].strip()) for p in self.positions.get(field, ())
                if p < len(row) and row[p].strip()]


def match_columns(headers: Sequence[str], *, fields: Sequence[str], required: Sequence[str],
                  aliases: Mapping[str, tuple[str, ...]] = ALIASES) -> ColumnMap:
    """Map `fields` (in priority order) onto header positions.

    A header is claimed by the first field that names it, so in a contacts file `Forename` is
    the contact's. `aliases` are the names each field goes by: the plain CSV names above, or
    an export profile's (store/profiles.py). Raises InvalidInput naming each missing required
    field and the names it would have accepted.
    """
    squashed = [squash(h) for h in headers]
    positions: dict[str, tuple[int, ...]] = {}
    claimed: set[int] = set()
    for field in fields:
        # A profile's map names each column for what it is, so two fields may read one column
        # (Wonde's `forename` is the preferred name, and the first name when the legal one is
        # blank); the plain names are guesses, and a column goes to the first that names it.
        hits = [i for alias in aliases.get(field, ()) for i, h in enumerate(squashed)
                if h == squash(alias) and (i not in claimed or aliases is not ALIASES)]
        if hits:
            positions[field] = tuple(dict.fromkeys(hits))
            claimed.update(hits)
    missing = [f for f in required if f not in positions]
    if missing:
        # The console names the first missing column; the English names them all.
        raise InvalidInput("; ".join(
            f"no {f.replace('_', ' ')} column (accepted names: {', '.join(aliases.get(f, ()))})"
            for f in missing), problem="no_column", field=missing[0],
            names=", ".join(aliases.get(missing[0], ())))
    ignored = tuple(h for i, h in enumerate(headers) if i not in claimed and h.strip())
    return ColumnMap(positions=positions, ignored=ignored, headers=tuple(headers))


def read_field(field: str, parse: Callable[[str], T], raw: str) -> T:
    """`parse(raw)`, a refusal of it naming `field` (its `values["field"]`), so an import
    says which column of the line was refused (store/import_rows.py)."""
    try:
        return parse(raw)
    except RollcallError as refused:  # bad input, or a code not in the code table
        refused.values.setdefault("field", field)
        raise


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")


def parse_date(raw: str) -> date:
    """ISO dates and the UK day-first forms MIS reports print (23/11/2026)."""
    value = raw.strip()
    if "T" in value:
        value = value.split("T", 1)[0]
    elif " " in value:
        value = value.split(" ", 1)[0]
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise InvalidInput(f"{raw!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
                       problem="not_a_date", value=raw)


_SESSIONS = {"am": "AM", "morning": "AM", "a": "AM", "pm": "PM", "afternoon": "PM", "p": "PM"}


def parse_session(raw: str) -> str:
    """AM or PM (also Morning/Afternoon), or a lesson id kept as written."""
    value = raw.strip()
    if not value:
        raise InvalidInput("the session is empty", problem="no_session")
    return _SESSIONS.get(value.lower(), value)


_TRUE = {"1", "y", "yes", "true", "t"}
_FALSE = {"0", "n", "no", "false", "f", ""}


_UNKNOWN = {"", "unknown", "not known", "?", "-"}


def parse_known_flag(raw: str, *, field: str) -> bool | None:
    """Yes, no, or None when the cell does not say (blank, "Unknown"): for facts such as
    parental responsibility, where a blank must not read as either."""
    if raw.strip().lower() in _UNKNOWN:
        return None
    return parse_flag(raw, field=field)


def parse_datetime(raw: str, *, day: str = "") -> datetime:
    """A local date and time: '2026-11-23T09:00', '23/11/2026 09:00', or a time alone ('09:00',
    '9.00', '0900') on `day` (the row's date cell). Naive: the school's time zone is the
    caller's to apply."""
    value = raw.strip()
    if not value:
        raise InvalidInput("the time is empty", problem="no_time")
    if "T" in value or " " in value:
        when, _, clock = value.replace("T", " ", 1).partition(" ")
    elif re.fullmatch(r"\d{1,2}[:.]?\d{2}(:\d{2})?", value):
        when, clock = day, value
    else:
        when, clock = value, "00:00"
    if not when:
        raise InvalidInput(f"{raw!r} has no date (add a Date column or write the date and time)",
                           problem="time_without_date", value=raw)
    found = re.fullmatch(r"(\d{1,2})[:.]?(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)?",
                         clock.strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise InvalidInput(f"{raw!r} is not a time of day (use HH:MM)", problem="not_a_time",
                           value=raw)
    return datetime.combine(parse_date(when), time(int(found[1]), int(found[2])))


# How attendance systems write an event's attendance, as rollcall keeps it.
EVENT_STATUSES = ("present", "absent", "late", "authorised", "not_taken")
_STATUS_WORDS = {
    "present": ("present", "p", "attended", "yes", "y", "1", "/", "\\", "in", "on time"),
    "absent": ("absent", "a", "o", "no", "n", "0", "missed", "absent unauthorised",
               "unauthorised", "unauthorised absence", "unexplained", "not attended"),
    "late": ("late", "l", "attended late", "present late"),
    "authorised": ("authorised", "authorized", "authorised absence", "authorized absence",
                   "auth", "excused", "explained", "aa", "e"),
    "not_taken": ("", "-", "not taken", "not yet taken", "pending", "unmarked", "not marked",
                  "?"),
}
_STATUS_BY_WORD = {word: status for status, words in _STATUS_WORDS.items() for word in words}


@lru_cache(maxsize=256)  # a file spells its few statuses the same way on every row
def _status_of(raw: str) -> str | None:
    return _STATUS_BY_WORD.get(" ".join(raw.split()).lower().replace("_", " "))


def parse_event_status(raw: str) -> str:
    """An event's attendance from the words and letters systems use ('Present', 'A', 'Late',
    'Authorised Absence', '-' for not taken yet); anything else is refused, not guessed."""
    status = _status_of(raw)
    if status is None:
        raise InvalidInput(f"attendance {raw!r} is not one rollcall reads (present, absent, "
                           "late, authorised, or blank for not taken yet)",
                           problem="not_an_attendance", value=raw)
    return status


def parse_flag(raw: str, *, field: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InvalidInput(f"{field.replace('_', ' ')} {raw!r} is not yes or no",
                       problem="not_yes_no", value=raw, field=field)


def parse_priority(raw: str) -> int:
    value = raw.strip()
    if not value:
        return 1
    if not value.isdigit() or int(value) < 1:
        raise InvalidInput(f"priority {raw!r} is not a whole number from 1",
                           problem="not_a_priority", value=raw)
    return int(value)


def parse_year_group(raw: str) -> str | None:
    """'Year 7', 'Y7', 'NC Year 7' and '7' are all year group '7'; other values stay as written."""
    value = raw.strip()
    found = re.fullmatch(r"(?i)(?:nc\s*)?(?:year|yr|y)?\s*(\d{1,2})", value)
    return found.group(1) if found else (value or None)


# Language names and DfE (CBDS) language codes for the languages rollcall speaks.
_LANGUAGES = {
    "en": ("english", "eng", "enb"), "pl": ("polish", "pol"), "ro": ("romanian", "rmn", "rom"),
    "ur": ("urdu", "urd"), "ar": ("arabic", "ara"), "cy": ("welsh", "wel", "cym"),
    "es": ("spanish", "spa"), "pt": ("portuguese", "por"), "so": ("somali", "som"),
    "bn": ("bengali", "bangla", "bng"), "pa": ("panjabi", "punjabi", "pnj"),
    "lt": ("lithuanian", "lit"),
}
_LANGUAGE_BY_NAME = {name: code for code, names in _LANGUAGES.items() for name in names}


def parse_language(raw: str) -> str:
    """An ISO 639-1 code from a code, a language name or a DfE code ('POL', 'PNJG'); English
    when the cell is empty. Unknown names are refused rather than silently sent in English."""
    value = raw.strip().lower()
    if not value:
        return "en"
    if re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", value):
        return value[:2]
    code = _LANGUAGE_BY_NAME.get(value) or _LANGUAGE_BY_NAME.get(value[:3])
    if code is None:
        raise InvalidInput(f"language {raw!r} is not one rollcall knows (use a code like 'pl')",
                           problem="unknown_language_cell", value=raw)
    return code


def parse_upn(raw: str) -> str | None:
    """A Unique Pupil Number: 13 characters, a check letter then 12 digits (last may be a
    letter for a temporary UPN)."""
    value = raw.strip().upper()
    if not value:
        return None
    if not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", value):
        raise InvalidInput(f"UPN {raw!r} is not 13 characters: a letter then 12 digits",
                           problem="not_a_upn", value=raw)
    return value
