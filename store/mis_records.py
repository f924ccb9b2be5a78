"""What an MIS connector pulls and pushes, as plain records (no HTTP, no rows).

A connector (`scheduling/mis/`) turns the MIS's own shapes into these; the store
(`store/mis_sync.py`) writes them. Every record carries the MIS's own id (`ref`) beside the
ids our imports already know (`mis_id`, `external_id`), so write-back can address the MIS's
record and never our row id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class PulledContact:
    ref: str  # the MIS's id of the contact (Wonde's "A1234")
    external_id: str  # the contact's id in the school's MIS, as exports spell it
    name: str
    phones: tuple[str, ...] = ()  # best first: a mobile before a landline
    email: str | None = None


@dataclass(frozen=True, slots=True)
class PulledLink:
    """A contact of a student, with what the MIS says of the relationship."""

    contact: PulledContact
    relationship: str | None
    priority: int | None
    parental_responsibility: bool | None  # None: the MIS does not say


@dataclass(frozen=True, slots=True)
class PulledStudent:
    ref: str  # the MIS's id of the student
    mis_id: str  # the student's id in the school's MIS (admission number, person id)
    first_name: str
    last_name: str
    preferred_name: str | None = None
    upn: str | None = None
    year_group: str | None = None
    reg_group: str | None = None
    links: tuple[PulledLink, ...] = ()


@dataclass(frozen=True, slots=True)
class PulledCode:
    ref: str  # the MIS's id of the attendance code
    code: str  # the code as the register shows it (I, M, N, /)


@dataclass(frozen=True, slots=True)
class PulledMark:
    student_ref: str
    day: date
    session: str  # AM | PM
    code_ref: str
    updated_at: str | None = None  # the MIS's own timestamp


@dataclass(frozen=True, slots=True)
class Cursors:
    """How far each pull has read, in the MIS's own terms (None: never: a full pull)."""

    students: str | None = None
    contacts: str | None = None
    marks: str | None = None
    # The MIS's attendance code ids already known: a delta asks for the codes again only when
    # a mark names another.
    known_codes: frozenset[str] = frozenset()


@dataclass(slots=True)
class Pull:
    """Everything one pull brought, and the cursors the next pull starts from."""

    students: list[PulledStudent] = field(default_factory=list)
    contacts: list[PulledContact] = field(default_factory=list)  # changed on their own
    codes: list[PulledCode] = field(default_factory=list)
    marks: list[PulledMark] = field(default_factory=list)
    cursors: Cursors = field(default_factory=Cursors)
    requests: int = 0  # HTTP requests it took (status and the benchmark show it)


@dataclass(frozen=True, slots=True)
class PushRecord:
    """One confirmed reason for one session, addressed with the MIS's own ids."""

    push_id: int
    student_ref: str
    day: date
    session: str
    code_ref: str
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class PushResult:
    """What the MIS did with one record: written (with its write-back id), refused for good
    (with the MIS's reason, for staff), or to be tried again later."""

    push_id: int
    outcome: str  # written | refused | retry
    writeback_id: str | None = None
    reason: str | None = None
    retry_after: float | None = None
