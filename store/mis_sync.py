"""Writing what an MIS pull brought: attendance codes, students, contacts and their links, and
register marks, each beside the MIS's own id (`MisRef`).

Compare first, like the CSV imports: pulling the same data again writes nothing, and new rows
go in set-wise (a school's first pull in a few statements). Marks go through store/marks.py,
the one place register marks arrive: a reason rollcall holds is never overwritten by the MIS's
stale N, advance notices settle, and the runs and the register-settle guard read pulled marks
like any other. What the MIS said is kept as well, as it said it (`MisMark`), for
reconciliation. Ids are logged and reported, never names or numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from store.bulk import insert_rows
from store.clock import Clock
from store.codes import CODES
from store.columns import parse_upn, parse_year_group
from store.contacts import normalise_email
from store.errors import InvalidInput
from store.import_rows import changes, insert_new, set_fields
from store.marks import (
    MarkKey,
    RegisterEntry,
    insert_register_marks,
    marks_by_key,
    unwritten_outcome,
    write_register_mark,
)
from store.mis_links import refs
from store.mis_records import Pull, PulledContact, PulledLink, PulledMark, PulledStudent
from store.models.mis import MisMark, MisRef
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.phones import contact_phones, region_of

ACTOR = "mis"
_Person = TypeVar("_Person", Student, Contact)


@dataclass(slots=True)
class PullSummary:
    """What one pull changed (rows created or updated) and what it could not write, and why."""

    codes: int = 0
    students: int = 0
    contacts: int = 0
    links: int = 0
    marks: int = 0
    skipped: list[str] = field(default_factory=list)


def apply_pull(session: Session, clock: Clock, *, school_id: int, pull: Pull) -> PullSummary:
    """Write one pull into the store, in the caller's transaction."""
    summary = PullSummary()
    _apply_codes(session, school_id, pull, summary)
    students = _apply_students(session, clock, school_id, pull.students, summary)
    contacts = _apply_contacts(session, clock, school_id, pull, summary)
    _apply_links(session, clock, school_id, pull.students, students, contacts, summary)
    _apply_marks(session, clock, school_id, pull.marks, students, summary)
    return summary


def _add_refs(session: Session, school_id: int, kind: str,
              pairs: list[tuple[str, int | None, str | None]]) -> None:
    insert_rows(session, MisRef, [{"school_id": school_id, "kind": kind, "mis_id": mis_id,
                                   "local_id": local_id, "code": code}
                                  for mis_id, local_id, code in pairs])


def _apply_codes(session: Session, school_id: int, pull: Pull, summary: PullSummary) -> None:
    known = refs(session, school_id=school_id, kind="code")
    new: list[tuple[str, int | None, str | None]] = []
    for pulled in pull.codes:
        code = pulled.code.strip().upper()
        if code not in CODES:  # a retired or local code: marks with it are reported, not kept
            summary.skipped.append(f"code {pulled.ref}: {pulled.code!r} is not a current code")
            continue
        ref = known.get(pulled.ref)
        if ref is None:
            new.append((pulled.ref, None, code))
        elif ref.code != code:
            ref.code = code
            session.add(ref)
        else:
            continue
        summary.codes += 1
    _add_refs(session, school_id, "code", new)


def _student_values(pulled: PulledStudent) -> dict[str, Any]:
    # The preferred name is kept beside the legal one, never over it.
    preferred = pulled.preferred_name if pulled.preferred_name != pulled.first_name else None
    try:
        upn = parse_upn(pulled.upn or "")
    except InvalidInput:
        upn = None
    return {"mis_id": pulled.mis_id or pulled.ref, "first_name": pulled.first_name,
            "last_name": pulled.last_name, "preferred_name": preferred or None, "upn": upn,
            "year_group": parse_year_group(pulled.year_group or ""),
            "reg_group": pulled.reg_group or None}


def _apply_students(session: Session, clock: Clock, school_id: int,
                    pulled: list[PulledStudent], summary: PullSummary) -> dict[str, int]:
    """Returns this pull's students' ids by the MIS's id."""
    values = {student.ref: _student_values(student) for student in pulled}
    ids, changed = _upsert(session, clock, school_id, model=Student, kind="student",
                           key="mis_id", values=values)
    summary.students += changed
    return ids


def _contact_values(pulled: PulledContact, summary: PullSummary, *,
                    region: str) -> dict[str, Any]:
    # Phones as every import reads them: a mobile apart from a landline, a note kept, a number
    # that is not one left out (the one stored kept) and reported.
    phones = contact_phones([(f"phone {n}", raw) for n, raw in enumerate(pulled.phones, 1)],
                            region=region)
    summary.skipped.extend(f"contact {pulled.ref}: a phone number that is not one"
                           for _ in phones.dropped)
    try:
        email = normalise_email(pulled.email) if pulled.email else None
    except InvalidInput:
        email = None
        summary.skipped.append(f"contact {pulled.ref}: an email address that is not one")
    return {"external_id": pulled.external_id or pulled.ref, "name": pulled.name,
            **phones.fields(), "email": email}


def _apply_contacts(session: Session, clock: Clock, school_id: int, pull: Pull,
                    summary: PullSummary) -> dict[str, int]:
    """Returns the contacts' ids by the MIS's id."""
    pulled = {link.contact.ref: link.contact for s in pull.students for link in s.links}
    pulled.update({c.ref: c for c in pull.contacts})
    school = session.get(School, school_id)
    region = region_of(school.country) if school else "GB"
    values = {ref: _contact_values(contact, summary, region=region)
              for ref, contact in pulled.items()}
    ids, changed = _upsert(session, clock, school_id, model=Contact, kind="contact",
                           key="external_id", values=values)
    summary.contacts += changed
    return ids


def _upsert(session: Session, clock: Clock, school_id: int, *, model: type[_Person],
            kind: str, key: str, values: dict[str, dict[str, Any]]) -> tuple[dict[str, int], int]:
    """Create or update people (students or contacts) by the MIS's id, found by their MIS ref
    or else by `key` (the id our imports know them by); new ones set-wise, with their refs.
    Returns their ids by the MIS's id, and how many rows were created or updated. Only the
    rows this pull names are read: a delta of one student reads one, not the school."""
    if not values:
        return {}, 0
    known = {ref: r.local_id for ref, r in refs(session, school_id=school_id, kind=kind,
                                                mis_ids=values.keys()).items() if r.local_id}
    wanted_keys = sorted({wanted[key] for wanted in values.values()})
    rows = {row.id: row for row in session.exec(
        select(model).where(col(model.school_id) == school_id,
                            col(model.id).in_(sorted(set(known.values())))
                            | col(getattr(model, key)).in_(wanted_keys)))}
    by_key = {getattr(row, key): row for row in rows.values()}
    ids = dict(known)
    new_rows: dict[str, dict[str, Any]] = {}  # by key: one row however often it appears
    new_refs: dict[str, str] = {}  # ref -> key
    ref_rows: list[tuple[str, int | None, str | None]] = []
    changed = 0
    for ref, wanted in values.items():
        row = rows.get(known.get(ref)) or by_key.get(wanted[key])
        if row is None:
            new_rows[wanted[key]] = {"school_id": school_id, **wanted}
            new_refs[ref] = wanted[key]
            continue
        assert row.id is not None
        if ref not in known:
            ref_rows.append((ref, row.id, None))
        ids[ref] = row.id
        if changes(row, wanted):
            set_fields(session, clock, row=row, values=wanted, entity=kind,
                       school_id=school_id, actor=ACTOR)
            changed += 1
    created = dict(zip(new_rows, insert_new(session, clock, model=model, entity=kind,
                                            school_id=school_id, rows=list(new_rows.values()),
                                            actor=ACTOR), strict=True))
    for ref, row_key in new_refs.items():
        ids[ref] = created[row_key]
        ref_rows.append((ref, ids[ref], None))
    _add_refs(session, school_id, kind, ref_rows)
    return ids, changed + len(created)


def _link_values(link: PulledLink) -> dict[str, Any]:
    # A relationship the MIS does not state stays unknown (None): the runs may ask such a
    # contact by priority, but nothing for "all with parental responsibility" assumes a yes.
    return {"relationship": (link.relationship or "contact").strip().lower(),
            "priority": link.priority if link.priority is not None else 1,
            "parental_responsibility": link.parental_responsibility}


def _apply_links(session: Session, clock: Clock, school_id: int, pulled: list[PulledStudent],
                 students: dict[str, int], contacts: dict[str, int],
                 summary: PullSummary) -> None:
    wanted = {student_id for s in pulled if (student_id := students.get(s.ref))}
    if not wanted:
        return
    existing = {(link.student_id, link.contact_id): link for link in session.exec(
        select(StudentContact).where(col(StudentContact.student_id).in_(sorted(wanted))))}
    new: dict[tuple[int, int], dict[str, Any]] = {}
    for student in pulled:
        student_id = students.get(student.ref)
        for link in student.links:
            contact_id = contacts.get(link.contact.ref)
            if student_id is None or contact_id is None:
                continue
            values = _link_values(link)
            row = existing.get((student_id, contact_id))
            if row is None:
                new[(student_id, contact_id)] = {"student_id": student_id,
                                                 "contact_id": contact_id, **values}
            elif changes(row, values):
                set_fields(session, clock, row=row, values=values, entity="student_contact",
                           school_id=school_id, actor=ACTOR)
                summary.links += 1
    summary.links += len(insert_new(session, clock, model=StudentContact,
                                    entity="student_contact", school_id=school_id,
                                    rows=list(new.values()), actor=ACTOR))


def _apply_marks(session: Session, clock: Clock, school_id: int, pulled: list[PulledMark],
                 students: dict[str, int], summary: PullSummary) -> None:
    codes = {ref: r.code for ref, r in refs(session, school_id=school_id, kind="code").items()}
    others = {m.student_ref for m in pulled} - set(students)  # not in this pull's students
    students = {**students, **{ref: r.local_id for ref, r in refs(
        session, school_id=school_id, kind="student", mis_ids=others).items() if r.local_id}}
    entries: dict[MarkKey, tuple[RegisterEntry, str | None]] = {}
    for mark in pulled:
        student_id, code = students.get(mark.student_ref), codes.get(mark.code_ref)
        if student_id is None or code is None:
            summary.skipped.append(f"mark {mark.student_ref} {mark.day} {mark.session}: "
                                   + ("unknown student" if student_id is None
                                      else f"code {mark.code_ref} is not a current code"))
            continue
        entry = RegisterEntry(student_id=student_id, day=mark.day, session=mark.session,
                              code=code)
        entries[entry.key] = (entry, mark.updated_at)  # the newest row for a session wins
    if not entries:
        return
    _keep_mis_view(session, clock, school_id, list(entries.values()))
    stored = marks_by_key(session, school_id=school_id, days=(k[1] for k in entries))
    new = [entry for key, (entry, _) in entries.items() if key not in stored]
    summary.marks += insert_register_marks(session, clock, school_id=school_id, entries=new,
                                           actor=ACTOR)
    for key, (entry, _) in entries.items():
        existing = stored.get(key)
        if existing is not None and unwritten_outcome(existing, entry) is None:
            write_register_mark(session, clock, school_id=school_id, entry=entry,
                                existing=existing, actor=ACTOR)
            summary.marks += 1


def _keep_mis_view(session: Session, clock: Clock, school_id: int,
                   entries: list[tuple[RegisterEntry, str | None]]) -> None:
    """What the MIS said of each session, as it said it (reconciliation reads it)."""
    days = sorted({entry.day for entry, _ in entries})
    seen = {(m.student_id, m.day, m.session): m for m in session.exec(
        select(MisMark).where(MisMark.school_id == school_id, col(MisMark.day).in_(days)))}
    new = []
    for entry, updated_at in entries:
        row = seen.get(entry.key)
        if row is None:
            new.append({"school_id": school_id, "student_id": entry.student_id,
                        "day": entry.day, "session": entry.session, "code": entry.code,
                        "mis_updated_at": updated_at, "pulled_at": clock.now()})
        elif row.code != entry.code or row.mis_updated_at != updated_at:
            row.code, row.mis_updated_at, row.pulled_at = entry.code, updated_at, clock.now()
            session.add(row)
    insert_rows(session, MisMark, new)
