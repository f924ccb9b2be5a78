"""Imports uploaded in the console, kept between their preview and their apply."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class ImportUpload(SQLModel, table=True):
    """An import a member of staff uploaded in the console and has seen the preview of, kept
    until they apply or cancel it (or a day passes): the file(s) and the preview's digest, so
    the apply does exactly what the preview showed (store/import_uploads.py)."""

    __tablename__ = "import_upload"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    kind: str  # students | contacts | marks
    profile: str | None = None  # as asked for; None: read by the file's header
    all_or_nothing: bool = False
    digest: str  # ImportReport.digest() of the preview the person saw
    created_at: datetime | None = at_field(nullable=False, index=True)


class ImportUploadFile(SQLModel, table=True):
    """One file of an uploaded import, as it came (an export may be several files)."""

    __tablename__ = "import_upload_file"
    id: int | None = Field(default=None, primary_key=True)
    upload_id: int = Field(foreign_key="import_upload.id", index=True)
    position: int
    name: str
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
