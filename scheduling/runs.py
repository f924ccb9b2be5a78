"""The daily runs: absence, late, chase, afternoon absence, catch-up, and the call list.

A run is keyed by (school, day, kind) in the `run` table and writes all its outbox rows in the
same transaction as that key, so firing it twice (one node or several) sends nothing twice. On
PostgreSQL a transaction-scoped advisory lock also makes the other nodes wait for the one that
is composing, and then find the run done, instead of composing it again only to roll back.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from channels.segments import fits
from scheduling.digests import day_digests
from scheduling.wording import RunWording, base_kind
from store import calendar
from store.chase import CATCH_UP_OF, call_list, chase_recipients, covered_students
from store.clock import Clock
from store.database import Database
from store.errors import InvalidInput, NotFound
from store.models.schools import School
from store.outbox_bulk import OutboxRow, write_outbox
from store.recipients import Recipient, preferred_channel, recipients, students_marked
from store.runs import existing_run, lock_run, take_run
from store.schools import school_by_id
from store.self_certifications import authorise_certified
from store.types import json_text

log = logging.getLogger(__name__)

KINDS = ("absence", "late", "chase", "pm_absence", "catch_up", "pm_catch_up", "call_list",
         "digest")
# A catch-up pass asks about the marks its session's run would have, imported after that run.
CAUGHT_UP = {catch_up: run for run, catch_up in CATCH_UP_OF.items()}


@dataclass(frozen=True, slots=True)
class RunConfig:
    """How long a run's messages stay worth sending (a morning text must not arrive at teatime),
    and the most SMS segments one may take (None: no limit)."""

    validity: timedelta = timedelta(hours=3)
    sms_segment_budget: int | None = None


DEFAULT_RUN_CONFIG = RunConfig()


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the CLI and the logs: ids and counts only."""

    school_id: int
    day: date
    kind: str
    outcome: str = "done"  # done | dry run | already run | not a school day: <why>
    run_id: int | None = None
    composed: int = 0
    escalated: int = 0
    per_channel: Counter[str] = field(default_factory=Counter)
    per_language: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    # The first text per (channel, language), for a dry run's preview; never logged.
    samples: dict[tuple[str, str], str] = field(default_factory=dict)


def by_hand(kind: str, school: School, now: datetime) -> str:
    """The key of a run started by hand: a catch-up pass is a new pass each time it is asked
    for (it asks only about children no run has asked about yet); any other run is the day's."""
    if kind in ("catch_up", "pm_catch_up"):
        return f"{kind}:{calendar.local_now(school, now):%H%M%S}"
    return kind


Progress = Callable[[int, int | None], None]  # (written, total once known)


def start_run(database: Database, clock: Clock, *, school_id: int, day: date, kind: str,
              dry_run: bool = False, config: RunConfig = DEFAULT_RUN_CONFIG,
              progress: Progress | None = None) -> RunSummary:
    """Run one daily job for one school and day, once however many times it is fired."""
    try:
        with database.transaction() as session:
            return run_in(session, clock, school_id=school_id, day=day, kind=kind,
                          dry_run=dry_run, config=config, progress=progress)
    except IntegrityError:
        # Another process inserted the same (school, day, kind) key first and committed.
        return RunSummary(school_id=school_id, day=day, kind=kind, outcome="already run")


def run_in(session: Session, clock: Clock, *, school_id: int, day: date, kind: str,
           dry_run: bool = False, config: RunConfig = DEFAULT_RUN_CONFIG,
           progress: Progress | None = None) -> RunSummary:
    """`start_run` inside the caller's transaction (the console's request): a dry run selects
    and composes exactly as the real run and writes nothing."""
    if base_kind(kind) not in KINDS:
        raise InvalidInput(f"unknown run kind {kind!r} (one of {', '.join(KINDS)})")
    summary = RunSummary(school_id=school_id, day=day, kind=kind)
    _run_in(session, clock, summary, dry_run=dry_run, config=config, progress=progress)
    return summary


def _run_in(session: Session, clock: Clock, summary: RunSummary, *, dry_run: bool,
            config: RunConfig, progress: Progress | None) -> None:
    school = school_by_id(session, summary.school_id)
    if school is None or school.id is None:
        raise NotFound(f"no school with id {summary.school_id}")
    closed = calendar.closed_because(session, school, summary.day)
    if closed is not None:
        summary.outcome = f"not a school day: {closed}"
        return
    day, kind = summary.day, summary.kind
    lock_run(session, school_id=school.id, day=day, kind=kind)
    if existing_run(session, school_id=school.id, day=day, kind=kind) is not None:
        summary.outcome = "already run"
        return
    now = clock.now()
    run = None
    if not dry_run:
        run = take_run(session, school_id=school.id, day=day, kind=kind, now=now)
        summary.run_id = run.id
    if base_kind(summary.kind) == "digest" and not dry_run:
        # Attendance imported since a student certified the day: authorised before composing.
        authorise_certified(session, clock, school_id=school.id, day=day)
    if base_kind(summary.kind) == "call_list":
        summary.escalated = call_list(session, clock, school=school, day=summary.day,
                                      dry_run=dry_run)
    else:
        messages = _messages(session, school, summary, budget=config.sms_segment_budget)
        if run is None:
            for _ in messages:
                pass  # a dry run composes and counts every message and writes none
        else:
            assert school.id is not None and run.id is not None
            write_outbox(session, messages, school_id=school.id, run_id=run.id, now=now,
                         expires_at=now + config.validity,
                         progress=_reporting(progress))
    summary.outcome = "dry run" if dry_run else "done"
    if run is not None:
        run.finished_at = clock.now()
        run.messages = summary.composed + summary.escalated


def _reporting(progress: Progress | None) -> Callable[[int], None] | None:
    if progress is None:
        return None
    return lambda written: progress(written, None)  # the total is known only at the end


def _messages(session: Session, school: School, summary: RunSummary, *,
              budget: int | None = None) -> Iterator[OutboxRow]:
    """The messages of a run, composed one contact at a time as they are written (no list of
    100,000 rows in memory), and counted into `summary`: per channel as they go, then the
    children left out, and why. A text over the SMS segment budget is refused here, never cut:
    its children stay unexplained, so the chase's call list puts them in front of staff."""
    assert school.id is not None
    day, kind, base = summary.day, summary.kind, base_kind(summary.kind)
    chosen: Iterable[Recipient]
    marked: set[int] | None = None
    compose: Callable[[Recipient, str], tuple[str, str]]
    if base == "digest":
        digests = day_digests(session, school, day)
        chosen, marked, compose = digests.recipients, digests.students, digests.text
    else:
        compose = _naming(RunWording(kind, school_name=school.name,
                                     welsh_bilingual=school.welsh_bilingual, day=day))
    if base == "chase":
        chosen = chase_recipients(session, school_id=school.id, day=day)
    elif base != "digest":
        marks_kind = CAUGHT_UP.get(base, base)
        # Read before the first row is written: PostgreSQL's COPY has the connection after.
        marked = students_marked(session, school_id=school.id, day=day, kind=marks_kind)
        chosen = recipients(session, school_id=school.id, day=day, kind=marks_kind,
                            all_with_pr=school.contact_all_with_pr)
        if base in CAUGHT_UP:
            already = covered_students(session, school_id=school.id, day=day,
                                       kind=marks_kind)
            chosen = [trimmed for r in chosen if (trimmed := _without(r, already)) is not None]
            marked -= already
    reached: set[str] = set()  # ids as the rows spell them: no parsing per row
    refused: set[str] = set()
    for recipient in chosen:
        channel, address = preferred_channel(recipient)
        language, body = compose(recipient, channel)
        if channel == "sms" and budget is not None and not fits(body, budget):
            log.warning("run %s: the text to contact=%s is over the SMS budget of %s segments; "
                        "not sent", kind, recipient.contact_id, budget)
            refused.update(recipient.student_keys())
            continue
        summary.composed += 1
        summary.per_channel[channel] += 1
        summary.per_language[language] += 1
        summary.samples.setdefault((channel, language), body)
        reached.update(recipient.student_keys())
        yield OutboxRow(recipient.contact_id, base, channel, address, body, language,
                        recipient.student_ids)
    if marked is not None:
        summary.skipped["no contact who can be reached"] = len(marked) - len(reached | refused)
    if refused - reached:
        summary.skipped["text over the SMS segment budget"] = len(refused - reached)


def _naming(wording: RunWording) -> Callable[[Recipient, str], tuple[str, str]]:
    """A run message's (language, text) for a recipient: the run's words with their children's
    names."""
    def compose(recipient: Recipient, channel: str) -> tuple[str, str]:
        return wording.text(recipient.language, channel, recipient.names)
    return compose


def _without(recipient: Recipient, students: set[int]) -> Recipient | None:
    """The recipient asked only about the children not in `students`, or None if none are left."""
    ids = recipient.students()
    keep = [i for i, sid in enumerate(ids) if sid not in students]
    if len(keep) == len(ids):
        return recipient
    if not keep:
        return None
    return recipient._replace(student_ids=json_text(ids[i] for i in keep),
                              names=tuple(recipient.names[i] for i in keep))

