"""a school's default language for the console, for staff who have not chosen their own (none:
the browser's language)

Revision ID: 0022_school_staff_language
Revises: 0021_self_cert_term_limit
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_school_staff_language"
down_revision = "0021_self_cert_term_limit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.add_column(sa.Column("staff_language", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.drop_column("staff_language")
