"""Imports uploaded in the console, kept between the preview a member of staff sees and their
Apply or Cancel: the file(s) as they came and the preview's digest (`ImportReport.digest`), so
Apply imports the same bytes and checks it does what the preview showed. Only the person who
uploaded it may apply it, for their school; applied or cancelled, it is gone, and one left
alone is removed after a day (it holds families' details).
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, col, delete, select

from store.audit import audit
from store.clock import Clock
from store.importer import ImportReport
from store.models.imports import ImportUpload, ImportUploadFile

KEPT_FOR = timedelta(days=1)


def keep_upload(session: Session, clock: Clock, *, school_id: int, user_id: int, kind: str,
                profile: str | None, all_or_nothing: bool, files: list[tuple[str, bytes]],
                digest: str) -> ImportUpload:
    """Keep an uploaded import whose preview has this digest; stale uploads go first."""
    forget_stale_uploads(session, clock)
    upload = ImportUpload(school_id=school_id, user_id=user_id, kind=kind, profile=profile,
                          all_or_nothing=all_or_nothing, digest=digest, created_at=clock.now())
    session.add(upload)
    session.flush()
    session.add_all([ImportUploadFile(upload_id=upload.id or 0, position=position, name=name,
                                      data=data)
                     for position, (name, data) in enumerate(files)])
    session.flush()
    return upload


def upload_of(session: Session, clock: Clock, *, upload_id: int,
              user_id: int) -> ImportUpload | None:
    """The upload, if it is this person's and not yet stale."""
    upload = session.get(ImportUpload, upload_id)
    if upload is None or upload.user_id != user_id:
        return None
    if upload.created_at is None or upload.created_at < clock.now() - KEPT_FOR:
        return None
    return upload


def upload_files(session: Session, upload: ImportUpload) -> list[tuple[str, bytes]]:
    """The upload's files, names and bytes, in the order they came."""
    rows = session.exec(select(ImportUploadFile).where(ImportUploadFile.upload_id == upload.id)
                        .order_by(col(ImportUploadFile.position)))
    return [(row.name, row.data) for row in rows]


def note_preview(session: Session, upload: ImportUpload, *, digest: str) -> None:
    """The person has now seen another preview of the same files (the store changed)."""
    upload.digest = digest
    session.add(upload)


def applied(session: Session, clock: Clock, upload: ImportUpload, *, report: ImportReport,
            actor: str) -> None:
    """The import is done: audit who applied it and what it did, and forget the files."""
    names = ", ".join(name for name, _ in upload_files(session, upload))
    audit(session, clock, actor=actor, action="import.applied", entity="import",
          entity_id=upload.id, school_id=upload.school_id,
          new=f"{upload.kind} ({names}): {report.created} created, {report.updated} updated, "
              f"{report.unchanged} unchanged, {report.kept} kept, {len(report.errors)} refused")
    drop_upload(session, upload)


def drop_upload(session: Session, upload: ImportUpload) -> None:
    """Forget an upload (applied or cancelled): nothing of it is kept."""
    session.exec(delete(ImportUploadFile).where(
        col(ImportUploadFile.upload_id) == upload.id))
    session.delete(upload)
    session.flush()


def forget_stale_uploads(session: Session, clock: Clock) -> None:
    """Uploads nobody applied or cancelled within a day."""
    stale = [u.id for u in session.exec(select(ImportUpload).where(
        col(ImportUpload.created_at) < clock.now() - KEPT_FOR))]
    if stale:
        session.exec(delete(ImportUploadFile).where(
            col(ImportUploadFile.upload_id).in_(stale)))
        session.exec(delete(ImportUpload).where(
            col(ImportUpload.id).in_(stale)))
