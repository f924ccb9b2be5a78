"""What the CSV importers share: the report of what an import did, and writing one row
(compare first, then create or update in a savepoint, audited; new rows set-wise)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from store.audit import audit
from store.bulk import insert_rows, write_rows
from store.clock import Clock
from store.columns import ColumnMap
from store.errors import InvalidCode, InvalidInput, RollcallError
from store.marks import MarkOutcome
from store.models.audit import AuditEntry

ACTOR = "import"
Planned = dict[str, tuple[Any, Any]]  # field -> (old, new): what a row would change


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str
    # Its code and values, for the console to say it in its reader's language (a warning).
    problem: str | None = None
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value a row sets: what the store has ("" for nothing, or a new row) and the new."""

    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class LineOutcome:
    """What one line of the file does: `created`, `updated` (with its changes), `unchanged`,
    `kept` (an N under a reason already given), `not_taken` (no mark yet) or `refused` (why).
    `subject` names the row's student, contact or session as the file does."""

    line: int
    outcome: str
    subject: str = ""
    changes: tuple[FieldChange, ...] = ()
    why: str = ""
    # A refusal's short code and values, for the console to say it in its reader's language
    # (store/errors.py RollcallError); None: `why`'s English is shown.
    problem: str | None = None
    values: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class ImportReport:
    """What an import did: counts of rows by outcome, and every row it refused."""

    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # marks whose collected reason an incoming N did not overwrite
    not_taken: int = 0  # register lines with no mark yet ("-" or blank): passed over
    events_created: int = 0  # timetabled events an events or attendance file added
    events_updated: int = 0
    scheduled: int = 0  # students a timetable file put on events (attendance not taken yet)
    errors: list[RowError] = field(default_factory=list)
    # Cells left out of a row that was imported (a phone number that is not one): never lost
    # silently, never the reason to refuse the rest of the row.
    warnings: list[RowError] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    # Lines of students with no date of birth where age decides whether their family is told
    # (a college): counted as adults, flagged for staff to put right.
    no_birth_date: list[int] = field(default_factory=list)
    applied: bool = True  # False when all-or-nothing refused the whole file
    profile: str | None = None  # the export profile the file was read by, if any
    # Each line's outcome, for a preview; None (not kept) unless asked for.
    lines: list[LineOutcome] | None = None
    # The file's columns, once matched: a refused cell's column named as the file heads it.
    columns: ColumnMap | None = None

    def reads(self, columns: ColumnMap) -> None:
        """The file's columns as matched: the ones not read, and each refused cell's column."""
        self.columns = columns
        self.ignored_columns = columns.ignored

    def count(self, outcome: MarkOutcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def refuse(self, line: int, message: str | RollcallError) -> None:
        """Refuse a line, with why: a refusal's English (and its code, when it has one, with
        the column it was in as the file heads it: `values["column"]`)."""
        problem = message.problem if isinstance(message, RollcallError) else None
        values = dict(message.values) if isinstance(message, RollcallError) else {}
        column = self.columns.header(values["field"]) if (
            self.columns is not None and "field" in values) else ""
        if column:
            values["column"] = column
        self.errors.append(RowError(line, str(message), problem, tuple(sorted(values.items()))))
        if self.lines is not None:
            self.lines.append(LineOutcome(line, "refused", why=str(message), problem=problem,
                                          values=tuple(sorted(values.items()))))

    def note(self, line: int, outcome: str, *, subject: str = "",
             changes: Planned | None = None, why: str = "") -> None:
        """Keep what one line does (only when the report keeps lines)."""
        if self.lines is None:
            return
        shown = tuple(change for change in (
            FieldChange(name, _shown(old), _shown(new)) for name, (old, new) in
            (changes or {}).items()) if change.old != change.new)
        self.lines.append(LineOutcome(line, str(outcome), subject, shown, why))

    def outcomes(self) -> list[LineOutcome]:
        """Every kept line's outcome, in the file's order (a line refused before it was read
        further has only its refusal)."""
        return sorted(self.lines or [], key=lambda outcome: outcome.line)

    def digest(self) -> str:
        """A fingerprint of every line's outcome: the same file against the same store gives
        the same one, so an apply can check it does what its preview showed."""
        body = json.dumps([[o.line, o.outcome, o.subject, [list(astuple(c)) for c in o.changes],
                            o.why] for o in self.outcomes()], ensure_ascii=False)
        return hashlib.sha256(body.encode()).hexdigest()

    def warn(self, line: int, message: str | RollcallError) -> None:
        """Keep a warning about a line (a cell left out), with its code when it has one."""
        if isinstance(message, RollcallError):
            self.warnings.append(RowError(line, str(message), message.problem,
                                          tuple(sorted(message.values.items()))))
        else:
            self.warnings.append(RowError(line, message))


Row = tuple[int, list[str]]  # (line number where the row starts, cells)


def each_row(rows: list[Row], report: ImportReport) -> Iterator[Row]:
    report.rows = len(rows)
    yield from rows


def written(session: Session, report: ImportReport, line: int,
             write: Callable[[], MarkOutcome], *, nothing: MarkOutcome | None = None,
             subject: str = "", what: Callable[[], Planned] | None = None) -> None:
    """Run one row's writes in a savepoint: the row lands whole or not at all. `nothing` is
    the outcome when a comparison already showed the row would change nothing (no savepoint,
    no statement). `what` gives the values the row changes, asked only when the report keeps
    each line's outcome (a preview)."""
    if nothing is not None:
        report.count(nothing)
        report.note(line, nothing.value, subject=subject)
        return
    planned = what() if what is not None and report.lines is not None else None
    try:
        with session.begin_nested():
            outcome = write()
    except (InvalidInput, InvalidCode) as error:
        report.refuse(line, error)
        return
    except IntegrityError as error:
        report.refuse(line, InvalidInput(f"the store refused the row ({error.orig})",
                                         problem="store_refused_row"))
        return
    report.count(outcome)
    report.note(line, outcome.value, subject=subject,
                changes=planned if outcome in (MarkOutcome.CREATED, MarkOutcome.UPDATED) else None)


def planned(row: SQLModel | None, values: dict[str, Any]) -> Planned:
    """What writing `values` to `row` would change, old and new (all of them for a new row)."""
    if row is None or getattr(row, "id", None) is None:
        return {name: (None, value) for name, value in values.items()}
    return {name: (getattr(row, name), value) for name, value in changes(row, values).items()}


def set_fields(session: Session, clock: Clock, *, row: SQLModel, values: dict[str, Any],
                entity: str, school_id: int, actor: str = ACTOR) -> MarkOutcome:
    """Create or update `row` with `values`, compare-before-write, audited as `actor`."""
    is_new = getattr(row, "id", None) is None
    changed = values if is_new else changes(row, values)
    if not changed and not is_new:
        return MarkOutcome.UNCHANGED
    old = None if is_new else {k: getattr(row, k) for k in changed}
    for name, value in changed.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    audit(session, clock, actor=actor, action=f"{entity}.{'created' if is_new else 'updated'}",
          entity=entity, entity_id=getattr(row, "id", None), school_id=school_id,
          old=json.dumps(old, sort_keys=True, default=str) if old else None,
          new=json.dumps(changed, sort_keys=True, default=str))
    return MarkOutcome.CREATED if is_new else MarkOutcome.UPDATED


def insert_new(session: Session, clock: Clock, *, model: type[SQLModel], entity: str,
                school_id: int, rows: list[dict[str, Any]], actor: str = ACTOR) -> list[int]:
    """Insert rows that are new to the store set-wise, each with its audit entry: a school's
    first import in a few statements rather than a flush per row."""
    ids = insert_rows(session, model, rows)
    write_rows(session, AuditEntry, [
        dict(at=clock.now(), actor=actor, action=f"{entity}.created", entity=entity,
             entity_id=str(row_id), school_id=school_id,
             new_value=json.dumps({k: v for k, v in row.items() if k != "school_id"},
                                  sort_keys=True, default=str))
        for row_id, row in zip(ids, rows, strict=True)])
    return ids


def changes(row: SQLModel, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(row, k) != v}


def unchanged(row: SQLModel | None, values: dict[str, Any]) -> bool:
    return row is not None and getattr(row, "id", None) is not None and not changes(row, values)


def duplicate(seen: dict[Any, int], key: Any, line: int, what: str, *, problem: str,
              **values: str) -> InvalidInput | None:
    """The refusal of a line whose `key` an earlier line had (`problem` and `values` say what
    it is, for the console), or None, the line remembered."""
    if key in seen:
        return InvalidInput(f"{what} is also on line {seen[key]}; each may appear once",
                            problem=problem, line=str(seen[key]), **values)
    seen[key] = line
    return None



def _shown(value: Any) -> str:
    """A stored value as a person reads it in a preview."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value)
