"""Choosing who gets a run's messages, in set-based SQL: one row per contact, siblings together.

The query picks the day's marks a run is about, joins each child to the contacts with parental
responsibility (or not known not to have it) who can be reached on some channel (not flagged
no-contact or restricted by a court order, not opted out or lost on every channel), ranks
those contacts by priority per child, keeps the first (and every known yes, when the school
says all with parental responsibility) and groups the children by contact. Python then only
picks the channel and renders the text; no ORM object is built per row, so a district's
100,000 messages compose in seconds.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Integer, column, text
from sqlalchemy.sql.selectable import TextualSelect
from sqlmodel import Session

from store.contacts import NEVER_WRITTEN_SQL, channel_order
from store.institutions import EMPLOYER, SELF, adult_born_by, family_contact
from store.models.schools import School
from store.types import json_text

# Which marks each kind of run is about (AM/PM sessions, codes, no reason yet).
MARK_FILTERS = {
    "absence": "m.session = 'AM' AND m.code = 'N' AND m.reason_status = 'unexplained'",
    "late": "m.session = 'AM' AND m.code IN ('L', 'U') AND m.reason_status = 'unexplained'",
    # PM-only: a child absent all day was asked about in the morning.
    "pm_absence": "m.session = 'PM' AND m.code = 'N' AND m.reason_status = 'unexplained' "
                  "AND NOT EXISTS (SELECT 1 FROM mark am WHERE am.student_id = m.student_id "
                  "AND am.day = m.day AND am.session = 'AM' AND am.code = 'N')",
}

# Parental responsibility: a known no is never asked; a contact the MIS said nothing about may be
# asked when first by priority, but "everyone with parental responsibility" means a known yes.
MAY_BE_ASKED = "sc.parental_responsibility IS NOT FALSE"

_RECORD = "\x1e"  # a separator no first name contains
DEFAULT_CHANNELS = json_text(("sms", "email", "telegram"))  # as both databases spell it


def _reachable_on(channel: str, column: str, *, postgresql: bool) -> str:
    # The lists are JSON arrays of names. PostgreSQL asks its JSONB directly (turning every
    # contact's three lists into text for a LIKE cost the server a third more CPU a run);
    # SQLite keeps the JSON as text, where a quoted name is that element.
    def listed(field: str) -> str:
        if postgresql:
            return f"c.{field} @> '[\"{channel}\"]'::jsonb"
        return f"c.{field} LIKE '%\"{channel}\"%'"

    def empty(field: str) -> str:
        return f"c.{field} = '[]'::jsonb" if postgresql else f"c.{field} = '[]'"
    default = f"'{DEFAULT_CHANNELS}'" + ("::jsonb" if postgresql else "")
    # The plain comparisons first: most contacts keep the default order and opted out of nothing.
    return (f"(c.{column} IS NOT NULL AND c.{column} <> '' "
            f"AND (c.channels = {default} OR {listed('channels')}) "
            f"AND ({empty('opted_out')} OR NOT {listed('opted_out')}) "
            f"AND ({empty('lost')} OR NOT {listed('lost')}))")


def _reachable_on_whatsapp(*, postgresql: bool) -> str:
    # Never by the default list (it has no WhatsApp): listed, opted in, neither left nor lost.
    listed = ("c.{0} @> '[\"whatsapp\"]'::jsonb" if postgresql
              else "c.{0} LIKE '%\"whatsapp\"%'")
    return (f"(c.whatsapp_opt_in AND c.phone IS NOT NULL AND c.phone <> '' "
            f"AND {listed.format('channels')} AND NOT {listed.format('opted_out')} "
            f"AND NOT {listed.format('lost')})")


REACHABLE = {dialect: " OR ".join(
    [_reachable_on(channel, column, postgresql=dialect == "postgresql")
     for channel, column in (("sms", "phone"), ("email", "email"),
                             ("telegram", "telegram_chat_id"))]
    + [_reachable_on_whatsapp(postgresql=dialect == "postgresql")])
    for dialect in ("sqlite", "postgresql")}


class Recipient(NamedTuple):
    """One contact and the children a run message to them is about (first names, in order)."""

    contact_id: int
    language: str
    phone: str | None
    email: str | None
    telegram_chat_id: str | None
    channels: str  # the contact's lists as the database's JSON text: parsed once per shape
    opted_out: str
    lost: str
    student_ids: str  # a JSON array, as the outbox's bulk writer copies it
    names: tuple[str, ...]
    whatsapp_opt_in: bool = False
    family: bool = False  # a parent or carer of a college student (a digest names the child)

    def students(self) -> list[int]:
        ids: list[int] = json.loads(self.student_ids)
        return ids

    def student_keys(self) -> list[str]:
        """The ids as the array's text spells them, unparsed, for counting children: over a
        district's 100,000 recipients json.loads costs a tenth of the run. The text is ours,
        written by the query above or `json_text` ("[12, 34]"), never a family's."""
        return self.student_ids[1:-1].split(", ")


def recipients(session: Session, *, school_id: int, day: date, kind: str,
               all_with_pr: bool) -> Iterator[Recipient]:
    """Every contact a run of `kind` messages, with the children it names."""
    return recipients_about(session, school_id=school_id, day=day, all_with_pr=all_with_pr,
                            about=marked(school_id=school_id, day=day, kind=kind))


def recipients_about(session: Session, *, school_id: int, day: date, all_with_pr: bool,
                     about: About, students_only: bool = False,
                     families_only: bool = False) -> Iterator[Recipient]:
    """Every contact to message about the students `about` selects (a subquery with one
    `student_id` column, each student once): the run's marks, or a day's missed events.

    Who is asked follows the school's setting (store/institutions.py): a school asks its
    families by priority; a college or university asks the student (relationship `self`), an
    apprentice's employer when the agreement allows, and parents and carers only as
    `family_contact` says (by the student's age on `day`). Anyone whose `tell_absence` is off
    is never asked. `students_only`: only students who are their own contact (a digest written
    to the student); `families_only`: only the parents and carers the college may tell (the
    first by priority; a digest written to them about their child)."""
    dialect = session.get_bind().dialect.name
    aggregate = "group_concat" if dialect == "sqlite" else "string_agg"
    reachable = REACHABLE["sqlite" if dialect == "sqlite" else "postgresql"]
    school = session.get(School, school_id)
    audience, who, family_only = _audience(school)
    if students_only:
        who = f"sc.relationship = '{SELF}'"
    elif families_only:
        who = (f"(sc.relationship NOT IN ('{SELF}', '{EMPLOYER}') AND {MAY_BE_ASKED} "
               f"AND {_family_told(school)})")
    statement = text(f"""
        WITH about AS ({about.sql}), chosen AS (
            SELECT about.student_id, sc.contact_id,
                   COALESCE(sc.parental_responsibility, FALSE) AS known_pr,
                   {audience} AS audience,
                   ROW_NUMBER() OVER (PARTITION BY about.student_id, {audience}
                                      ORDER BY sc.priority, sc.contact_id) AS rank
            FROM about
            JOIN student_contact sc ON sc.student_id = about.student_id
            JOIN contact c ON c.id = sc.contact_id
            JOIN student st ON st.id = about.student_id
            WHERE sc.tell_absence AND {who} AND {NEVER_WRITTEN_SQL} AND ({reachable})
        ), grouped AS (
            SELECT chosen.contact_id,
                   '[' || {aggregate}(CAST(s.id AS TEXT), ', ') || ']' AS student_ids,
                   {aggregate}(COALESCE(NULLIF(s.preferred_name, ''), s.first_name),
                               :record) AS names
            FROM chosen JOIN student s ON s.id = chosen.student_id
            WHERE chosen.rank = 1 OR (:all_with_pr AND chosen.known_pr
                                      AND chosen.audience = {family_only})
            GROUP BY chosen.contact_id
        )
        SELECT c.id, c.language, c.phone, c.email, c.telegram_chat_id,
               CAST(c.channels AS TEXT), CAST(c.opted_out AS TEXT), CAST(c.lost AS TEXT),
               grouped.student_ids, grouped.names, c.whatsapp_opt_in
        FROM grouped JOIN contact c ON c.id = grouped.contact_id
    """)
    # Both aggregates see a group's rows in the same order, so ids and names line up.
    result = session.connection().execute(statement, {
        **about.params, "record": _RECORD, "all_with_pr": all_with_pr,
        "adult_born_by": adult_born_by(day)})
    cursor = result.cursor  # the driver's own tuples: no Row object per recipient
    try:
        while rows := cursor.fetchmany(5_000):
            for row in rows:
                yield Recipient(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                                row[7], row[8], tuple(row[9].split(_RECORD)), bool(row[10]),
                                families_only)
    finally:
        result.close()


def _audience(school: School | None) -> tuple[str, str, str]:
    """SQL for whom a school asks: the audience a contact is ranked within (one for a school;
    the student, the employer and the family apart elsewhere), the condition a contact must
    meet, and the audience "all with parental responsibility" widens."""
    if school is None or school.setting == "school":
        return "0", MAY_BE_ASKED, "0"
    family = _family_told(school)
    audience = (f"(CASE WHEN sc.relationship = '{SELF}' THEN 1 "
                f"WHEN sc.relationship = '{EMPLOYER}' THEN 2 ELSE 0 END)")
    who = f"(sc.relationship IN ('{SELF}', '{EMPLOYER}') OR ({MAY_BE_ASKED} AND {family}))"
    return audience, who, "0"


def _family_told(school: School | None) -> str:
    """SQL: whether a college or university tells the student `st`'s family, by its policy and
    the student's age on the run's day (store/institutions.py)."""
    if school is None or school.setting == "school":
        return "TRUE"
    return {"always": "TRUE", "never": "FALSE",
            "under_18": "(st.date_of_birth IS NOT NULL AND st.date_of_birth > :adult_born_by)"}[
        family_contact(school)]


def preferred_channel(recipient: Recipient) -> tuple[str, str]:
    """The channel a recipient prefers among those that reach them, and the address there."""
    channel = _first_reachable(recipient.channels, recipient.opted_out, recipient.lost,
                               bool(recipient.phone), bool(recipient.email),
                               bool(recipient.telegram_chat_id), recipient.whatsapp_opt_in)
    address = (recipient.phone if channel in ("sms", "whatsapp") else
               recipient.email if channel == "email" else recipient.telegram_chat_id)
    assert address is not None
    return channel, address


@dataclass(frozen=True, slots=True)
class _Shape:
    channels: tuple[str, ...]
    opted_out: tuple[str, ...]
    lost: tuple[str, ...]
    phone: str | None
    email: str | None
    telegram_chat_id: str | None
    whatsapp_opt_in: bool


@lru_cache(maxsize=1024)
def _first_reachable(channels: str, opted_out: str, lost: str, phone: bool, email: bool,
                     telegram: bool, whatsapp: bool) -> str:
    # Contacts share a handful of shapes; store.contacts decides once per shape, not per row.
    shape = _Shape(tuple(json.loads(channels)), tuple(json.loads(opted_out)),
                   tuple(json.loads(lost)), "x" if phone else None, "x" if email else None,
                   "x" if telegram else None, whatsapp)
    return channel_order(shape)[0]


def students_marked(session: Session, *, school_id: int, day: date, kind: str) -> set[int]:
    """Every child a run of `kind` is about, reachable or not (for the skipped count)."""
    result = session.connection().execute(
        marked_subquery(school_id=school_id, day=day, kind=kind))
    # The driver's fetchall, not Row objects row by row: 100,000 of those cost a second.
    return {row[0] for row in result.cursor.fetchall()}


def still_marked(session: Session, student_ids: Collection[int], *, day: date,
                 kind: str) -> set[int]:
    """Those of these students whose mark on `day` still calls for a run of `kind`'s message
    (a dispatcher's last check before sending)."""
    marks = ", ".join(str(int(i)) for i in student_ids)
    statement = text(f"SELECT m.student_id FROM mark m WHERE m.student_id IN ({marks}) "
                     f"AND m.day = :day AND {MARK_FILTERS[kind]}")
    return {r[0] for r in session.connection().execute(statement, {"day": day})}


@dataclass(frozen=True, slots=True)
class About:
    """A subquery selecting student ids (one `student_id` column, each student once), with its
    parameters: whom a message is about."""

    sql: str
    params: dict[str, object]


def marked(*, school_id: int, day: date, kind: str) -> About:
    """The children a run of `kind` is about (one AM or PM mark each)."""
    return About(f"SELECT m.student_id FROM mark m WHERE m.school_id = :marked_school "
                 f"AND m.day = :marked_day AND {MARK_FILTERS[kind]}",
                 {"marked_school": school_id, "marked_day": day})


def marked_subquery(*, school_id: int, day: date, kind: str) -> TextualSelect:
    """The ids of the children a run of `kind` is about, as a subquery to filter on: a chase
    over 30,000 families must not bind 30,000 ids (SQLite's limit can be 32,766 a statement)."""
    about = marked(school_id=school_id, day=day, kind=kind)
    return text(about.sql).bindparams(**about.params).columns(column("student_id", Integer))
