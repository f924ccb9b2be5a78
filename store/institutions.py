"""Schools, colleges and universities: who is messaged about a student in each.

A school messages parents and carers. A college (further education) messages the student, and
parents and carers too while the student is under 18; a university messages the student. The
school record's `setting` picks those defaults and `family_contact` overrides the part about
families ("always", "under_18", "never"; a student with no date of birth counts as an adult).
A student is their own contact (a contact whose
relationship is `self`); an apprentice's employer (relationship `employer`) is told only what
the apprenticeship agreement allows (`StudentContact.tell_absence`, `tell_reason`). The runs'
recipients query (store/recipients.py) applies these rules; `may_tell` answers the same question
for one contact in Python.
"""

from __future__ import annotations

from datetime import date

from store.errors import InvalidInput
from store.models.people import Student, StudentContact
from store.models.schools import School

SETTINGS = ("school", "college", "university")
FAMILY_CONTACT = ("always", "under_18", "never")
FAMILY_CONTACT_DEFAULTS = {"school": "always", "college": "under_18", "university": "never"}
SELF = "self"  # the relationship of a student who is their own contact
EMPLOYER = "employer"  # an apprentice's employer
ADULT_AGE = 18

# How MIS exports spell the two relationships that are not family.
_RELATIONSHIPS = {"self": SELF, "student": SELF, "learner": SELF, "apprentice": SELF,
                  "employer": EMPLOYER, "apprenticeship employer": EMPLOYER,
                  "work placement employer": EMPLOYER}


def relationship_of(raw: str) -> str:
    """A relationship as stored: lower case, with the student's own and the employer's names
    read as `self` and `employer` ("Student", "Learner", "Apprenticeship Employer")."""
    value = " ".join(raw.split()).lower()
    return _RELATIONSHIPS.get(value, value)


def check_setting(value: str) -> str:
    if value not in SETTINGS:
        raise InvalidInput(f"setting must be one of: {', '.join(SETTINGS)}")
    return value


def check_family_contact(value: str | None) -> str | None:
    """A `family_contact` value, or None (blank) for the setting's default."""
    if not value:
        return None
    if value not in FAMILY_CONTACT:
        raise InvalidInput(f"family_contact must be one of: {', '.join(FAMILY_CONTACT)}, or "
                           "blank for the setting's default")
    return value


def family_contact(school: School) -> str:
    """Whether parents and carers are messaged: "always", "under_18" or "never"."""
    return school.family_contact or FAMILY_CONTACT_DEFAULTS.get(school.setting, "always")


def adult_born_by(day: date) -> date:
    """The latest birthday of someone who is 18 on `day` (29 February counts from 1 March)."""
    try:
        return day.replace(year=day.year - ADULT_AGE)
    except ValueError:  # 29 February, eighteen years back, is not a day
        return date(day.year - ADULT_AGE, 2, 28)


def is_under_18(student: Student, *, on: date) -> bool:
    """True when the student is under 18 on that day. A student whose birthday is not known is
    treated as an adult: an adult's parents are not told about them without a reason to, and
    staff see the missing date (`age_decides`) on the student page and in an import's preview
    so that it is put right in the MIS."""
    return student.date_of_birth is not None and student.date_of_birth > adult_born_by(on)


def age_decides(school: School) -> bool:
    """Whether a student's age decides who is told at this school (a college's `under_18`
    family contact): there a missing date of birth is flagged to staff."""
    return school.setting != "school" and family_contact(school) == "under_18"


def may_tell(school: School, student: Student, link: StudentContact, *, on: date,
             what: str = "absence") -> bool:
    """Whether this contact may be told about the student's `what` ("absence" or "reason") on
    that day, by the school's setting, the student's age and an employer's agreement. (Being
    reachable on some channel, opted out or flagged no-contact is the channel's question.)"""
    if what not in ("absence", "reason"):
        raise ValueError(f"may_tell: what is 'absence' or 'reason', not {what!r}")
    allowed = link.tell_absence if what == "absence" else link.tell_absence and link.tell_reason
    if not allowed:
        return False
    if link.relationship in (SELF, EMPLOYER) and school.setting != "school":
        return True
    if link.parental_responsibility is False:  # a known no is never asked, anywhere
        return False
    if school.setting == "school":
        return True
    policy = family_contact(school)
    return policy == "always" or (policy == "under_18" and is_under_18(student, on=on))
