"""a member of staff's language is their own choice, or none: the console then follows the
browser's (Accept-Language) and alerts go in English, as they did for everyone on "en"

Revision ID: 0019_staff_language_choice
Revises: 0018_import_uploads
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_staff_language_choice"
down_revision = "0018_import_uploads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column("language", existing_type=sa.String(), nullable=True,
                           server_default=None)
    # "en" was everyone's default, not a choice: they keep the console in their browser's
    # language (as before) and English alerts (the fallback).
    op.execute("UPDATE staff_user SET language = NULL WHERE language = 'en'")


def downgrade() -> None:
    op.execute("UPDATE staff_user SET language = 'en' WHERE language IS NULL")
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column("language", existing_type=sa.String(), nullable=False,
                           server_default="en")
