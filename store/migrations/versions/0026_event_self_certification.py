"""colleges and universities: the self-certification an event's attendance was authorised on,
so the student page's events list shows its reason

Revision ID: 0026_event_self_certification
Revises: 0025_school_min_sessions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026_event_self_certification"
down_revision = "0025_school_min_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_attendance") as batch:
        batch.add_column(sa.Column("self_certification_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_event_attendance_self_certification", "self_certification",
                                 ["self_certification_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("event_attendance") as batch:
        batch.drop_constraint("fk_event_attendance_self_certification", type_="foreignkey")
        batch.drop_column("self_certification_id")
