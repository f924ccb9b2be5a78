"""What the CSV importers share: the report of what an import did, and writing one row
(compare first, then create or update in a savepoint, audited; new rows set-wise)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from store.audit import audit
from store.bulk import insert_rows, write_rows
from store.clock import Clock
from store.errors import InvalidCode, InvalidInput
from store.marks import MarkOutcome
from store.models import AuditEntry

ACTOR = "import"


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


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
    applied: bool = True  # False when all-or-nothing refused the whole file
    profile: str | None = None  # the export profile the file was read by, if any

    def count(self, outcome: MarkOutcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def refuse(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(RowError(line, message))


Row = tuple[int, list[str]]  # (line number where the row starts, cells)


def each_row(rows: list[Row], report: ImportReport) -> Iterator[Row]:
    report.rows = len(rows)
    yield from rows


def written(session: Session, report: ImportReport, line: int,
             write: Callable[[], MarkOutcome], *, nothing: MarkOutcome | None = None) -> None:
    """Run one row's writes in a savepoint: the row lands whole or not at all. `nothing` is
    the outcome when a comparison already showed the row would change nothing (no savepoint,
    no statement)."""
    if nothing is not None:
        report.count(nothing)
        return
    try:
        with session.begin_nested():
            report.count(write())
    except (InvalidInput, InvalidCode) as error:
        report.refuse(line, str(error))
    except IntegrityError as error:
        report.refuse(line, f"the store refused the row ({error.orig})")


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


def duplicate(seen: dict[Any, int], key: Any, line: int, what: str) -> str | None:
    if key in seen:
        return f"{what} is also on line {seen[key]}; each may appear once"
    seen[key] = line
    return None

