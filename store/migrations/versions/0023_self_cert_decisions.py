"""colleges and universities: a person's decision on a self-certification that went to them
(authorised or declined): who, when, and the reason a decline gives the student

Revision ID: 0023_self_cert_decisions
Revises: 0022_school_staff_language
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = "0023_self_cert_decisions"
down_revision = "0022_school_staff_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("self_certification") as batch:
        batch.add_column(sa.Column("decided_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("decided_at", store.types.UTCDateTime(timezone=True),
                                   nullable=True))
        batch.add_column(sa.Column("decision_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("self_certification") as batch:
        batch.drop_column("decision_note")
        batch.drop_column("decided_at")
        batch.drop_column("decided_by")
