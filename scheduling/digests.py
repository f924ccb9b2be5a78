"""The day's digest for college and university students: one message per student naming the
events they missed that day ("you missed EC2010 Econometrics (lecture) at 10:00 and EC2010
Econometrics (seminar) at 14:00 today"), never a text per lecture.

It is a run like the morning's (`scheduling/runs.py`, kind `digest`, at the school's
`digest_at`): keyed once per (school, day), written to the outbox in one transaction, on the
student's own channel and in their language. Only students who are their own contact get one
(the words speak to the student). The day's self-certifications come first: attendance imported
after a student certified the day is authorised, and a certified student is never listed. A
reply is read like any reply from the student: a self-certification.

A parent or carer the college's policy lets it tell (an under-18 student's, by default at a
college) gets their own digest about their child (`digest.family`, the first such contact by
priority, in their language; one per child); their reply goes the same way, for the child.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlmodel import Session

from channels.formats import format_names
from channels.texts import message_languages, option_label, render
from scheduling.wording import message_language
from store.events import MissedEvent, missed_by_student, missed_events
from store.models.schools import School
from store.recipients import Recipient, recipients_about
from store.self_certifications import certified_students
from store.types import json_text

KEY = "digest.missed"
FAMILY_KEY = "digest.family"
MAX_LISTED = 4  # events named one by one; more are counted ("and 2 more")
# Event types as timetables write them -> the label a digest uses, in the student's language.
# Any other type is written as the source system wrote it.
EVENT_TYPES = {"lecture": "lecture", "seminar": "seminar", "tutorial": "tutorial",
               "lab": "lab", "laboratory": "lab", "practical": "practical",
               "workshop": "workshop"}


@dataclass(frozen=True, slots=True)
class Digests:
    """A day's digests to compose: who gets one, and what each student missed."""

    recipients: Iterator[Recipient]
    missed: dict[int, list[MissedEvent]]
    wording: DigestWording

    @property
    def students(self) -> set[int]:
        return set(self.missed)

    def text(self, recipient: Recipient, channel: str) -> tuple[str, str]:
        """(language, text) of one student's digest."""
        events = [event for student in recipient.students()
                  for event in self.missed.get(student, ())]
        return self.wording.text(recipient.language, channel, events,
                                 names=recipient.names if recipient.family else None)


def day_digests(session: Session, school: School, day: date) -> Digests:
    """The digests of one school day: every student who missed an event and has not certified
    the day, reached on their own contact."""
    assert school.id is not None
    certified = certified_students(session, school_id=school.id, day=day)
    missed = {student: events for student, events in
              missed_by_student(session, school_id=school.id, day=day).items()
              if student not in certified}
    # Read before the first row is written: PostgreSQL's COPY has the connection after.
    chosen = [one for audience in ({"students_only": True}, {"families_only": True})
              for r in recipients_about(
                  session, school_id=school.id, day=day, all_with_pr=False,
                  about=missed_events(school_id=school.id, day=day), **audience)
              for one in _each_child(r) if any(s in missed for s in one.students())]
    wording = DigestWording(school_name=school.name, welsh_bilingual=school.welsh_bilingual,
                            day=day, timezone=school.timezone)
    return Digests(iter(chosen), missed, wording)


def recomposed(school: School, day: date, *, language: str, channel: str,
               events: Sequence[MissedEvent], names: Sequence[str] | None) -> str:
    """A digest's text again with only `events` (the dispatcher's last check: some were marked
    present or authorised since it was composed); `names` for a parent's or carer's."""
    wording = DigestWording(school_name=school.name, welsh_bilingual=school.welsh_bilingual,
                            day=day, timezone=school.timezone)
    return wording.text(language, channel, events, names=names)[1]


def _each_child(recipient: Recipient) -> Iterator[Recipient]:
    """A family's digest is one per child: a list of two children's events would not say
    whose each is."""
    if not recipient.family or len(recipient.names) == 1:
        yield recipient
        return
    for student, name in zip(recipient.students(), recipient.names, strict=True):
        yield recipient._replace(student_ids=json_text([student]), names=(name,))


class DigestWording:
    """The words of a day's digests. The message around the events is rendered once per
    language and channel, each event's words once per language; a digest then only has its
    events put in (thousands of students, a few thousand distinct events)."""

    def __init__(self, *, school_name: str, welsh_bilingual: bool, day: date,
                 timezone: str) -> None:
        self.school_name, self.welsh_bilingual, self.day = school_name, welsh_bilingual, day
        self.zone = ZoneInfo(timezone)
        self._frames: dict[tuple[str, str, bool], tuple[str, tuple[str, ...], str]] = {}
        self._events: dict[tuple[int, str], str] = {}
        self._times: dict[int, str] = {}

    def text(self, contact_language: str, channel: str, events: Sequence[MissedEvent], *,
             names: Sequence[str] | None = None) -> tuple[str, str]:
        """(the message's language, its text) for a student reading `contact_language`, or,
        with the children's `names`, for their parent or carer."""
        family = names is not None
        frame = self._frames.get((contact_language, channel, family))
        if frame is None:
            frame = self._frames[contact_language, channel, family] = self._frame(
                contact_language, channel, family=family)
        language, blocks, text = frame
        for block in blocks:
            text = text.replace(_marker(block), self._listed(events, block))
            if names is not None:
                text = text.replace(_names_marker(block), format_names(list(names), block))
        return language, text

    def _frame(self, contact_language: str, channel: str, *,
               family: bool) -> tuple[str, tuple[str, ...], str]:
        language, bilingual = message_language(contact_language,
                                               welsh_bilingual=self.welsh_bilingual)
        params: dict[str, object] = {"school": self.school_name, "date": self.day,
                                     "events": _marker}
        if family:
            params["names"] = _names_marker
        text = render(FAMILY_KEY if family else KEY, language, channel=channel,
                      bilingual=bilingual, params=params)
        return language, message_languages(language, bilingual=bilingual), text

    def _listed(self, events: Sequence[MissedEvent], language: str) -> str:
        """"A at 10:00, B at 12:00 and 2 more" in `language`."""
        items = [self._event(event, language) for event in events[:MAX_LISTED]]
        if len(events) > MAX_LISTED:
            items.append(render("digest.more", language,
                                params={"count": len(events) - MAX_LISTED}))
        return format_names(items, language)

    def _event(self, event: MissedEvent, language: str) -> str:
        found = self._events.get((event.event_id, language))
        if found is None:
            found = self._events[event.event_id, language] = _event_words(language).replace(
                _WHAT, _what(event, language)).replace(_TIME, self._time(event))
        return found


    def _time(self, event: MissedEvent) -> str:
        """When the event started on the school's clock ("14:00"), worked out once."""
        found = self._times.get(event.event_id)
        if found is None:
            found = self._times[event.event_id] = f"{event.starts_at.astimezone(self.zone):%H:%M}"
        return found


_WHAT, _TIME = "\x00what\x00", "\x00time\x00"


@lru_cache(maxsize=64)
def _event_words(language: str) -> str:
    """"{what} at {time}" in `language`, with markers to put an event's words in."""
    return render("digest.event", language, params={"what": _WHAT, "time": _TIME})


def _marker(language: str) -> str:
    """Stands for the events while the message around them is kept, one per block language."""
    return f"\x00events:{language}\x00"


def _names_marker(language: str) -> str:
    """Stands for the children's names in a family's digest, one per block language."""
    return f"\x00names:{language}\x00"


def _what(event: MissedEvent, language: str) -> str:
    """"EC2010 Econometrics (lecture)": the module (or the event's title) and its type."""
    name = event.module or event.title
    kind = _kind(event.event_type.strip(), language) if event.event_type else ""
    return f"{name} ({kind})" if name and kind else name or kind


@lru_cache(maxsize=256)
def _kind(event_type: str, language: str) -> str:
    known = EVENT_TYPES.get(event_type.lower())
    return option_label(f"event.{known}", language) if known else event_type
