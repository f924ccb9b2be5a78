"""The DfE attendance codes (England, from August 2024): the only codes rollcall stores."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from store.errors import InvalidCode


class Category(StrEnum):
    PRESENT = "present"
    APPROVED_ACTIVITY = "approved activity"
    AUTHORISED = "authorised"
    UNAUTHORISED = "unauthorised"
    NOT_POSSIBLE = "not possible"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class AttendanceCode:
    code: str
    meaning: str
    category: Category


def _codes(*rows: tuple[str, str, Category]) -> dict[str, AttendanceCode]:
    return {code: AttendanceCode(code, meaning, category) for code, meaning, category in rows}


C = Category
CODES: dict[str, AttendanceCode] = _codes(
    ("/", "present, morning registration", C.PRESENT),
    ("\\", "present, afternoon registration", C.PRESENT),
    ("L", "late, arrived before the register closed", C.PRESENT),
    ("K", "attending education arranged by the local authority", C.APPROVED_ACTIVITY),
    ("V", "educational visit or trip organised by the school", C.APPROVED_ACTIVITY),
    ("P", "approved sporting activity", C.APPROVED_ACTIVITY),
    ("W", "work experience", C.APPROVED_ACTIVITY),
    ("B", "other approved, supervised off-site educational activity", C.APPROVED_ACTIVITY),
    ("D", "dual registered, attending the other school", C.NOT_POSSIBLE),
    ("C1", "leave for a licensed performance or employment abroad", C.AUTHORISED),
    ("M", "medical or dental appointment", C.AUTHORISED),
    ("J1", "interview for employment or another educational institution", C.AUTHORISED),
    ("S", "study leave", C.AUTHORISED),
    ("C2", "part-time timetable agreed for a pupil of compulsory school age", C.AUTHORISED),
    ("C", "leave of absence in exceptional circumstances", C.AUTHORISED),
    ("X", "pupil of non-compulsory school age not required to attend", C.NOT_POSSIBLE),
    ("T", "parent travelling for occupational purposes", C.AUTHORISED),
    ("R", "religious observance", C.AUTHORISED),
    ("I", "illness, physical or mental (not appointments)", C.AUTHORISED),
    ("E", "suspended or excluded, no alternative provision", C.AUTHORISED),
    ("Q", "unable to attend: lack of access arrangements", C.NOT_POSSIBLE),
    ("Y1", "transport normally provided not available", C.NOT_POSSIBLE),
    ("Y2", "widespread disruption to travel", C.NOT_POSSIBLE),
    ("Y3", "part of the school premises closed", C.NOT_POSSIBLE),
    ("Y4", "whole school site unexpectedly closed", C.NOT_POSSIBLE),
    ("Y5", "in criminal justice detention", C.NOT_POSSIBLE),
    ("Y6", "public health guidance or law", C.NOT_POSSIBLE),
    ("Y7", "any other unavoidable cause", C.NOT_POSSIBLE),
    ("G", "holiday not granted by the school", C.UNAUTHORISED),
    ("N", "reason not yet provided", C.UNAUTHORISED),
    ("O", "absent in other or unknown circumstances", C.UNAUTHORISED),
    ("U", "arrived after the register closed", C.UNAUTHORISED),
    ("Z", "prospective pupil not on the admission register", C.ADMIN),
    ("#", "planned whole-school closure", C.ADMIN),
)

# Removed in 2024 but still found in old exports: imported as what they were, and reported.
RETIRED_CODES: dict[str, str] = {
    "H": "agreed holiday (removed 2024)",
    "J": "interview (now J1)",
    "Y": "enforced closure (now Y1-Y7)",
    "F": "extended family holiday (removed long ago)",
}

# Codes that mean the student was there (a late register correction cancels an absence text).
PRESENT_CODES = frozenset(code for code, c in CODES.items() if c.category is Category.PRESENT)


def validate_code(code: str) -> AttendanceCode:
    """The code's definition, or InvalidCode naming it: any write of an unknown code is refused."""
    try:
        return CODES[code]
    except KeyError:
        hint = f" ({RETIRED_CODES[code]})" if code in RETIRED_CODES else ""
        raise InvalidCode(f"{code!r} is not a current attendance code{hint}",
                          problem="not_a_code", code=code) from None


def is_absence(code: str) -> bool:
    """True for codes that count as an absence session (authorised or unauthorised)."""
    return validate_code(code).category in (Category.AUTHORISED, Category.UNAUTHORISED)
