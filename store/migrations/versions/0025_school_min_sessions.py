"""the possible sessions before a student's attendance percentage is shown, each school's own
setting (it was the service-wide ROLLCALL_MIN_POSSIBLE_SESSIONS, now retired)

Revision ID: 0025_school_min_sessions
Revises: 0024_escalation_why_code
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import op

revision = "0025_school_min_sessions"
down_revision = "0024_escalation_why_code"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.add_column(sa.Column("min_possible_sessions", sa.Integer(), nullable=False,
                                   server_default="10"))
    # A service that had set the retired variable keeps its choice at every existing school
    # (the setting's own bounds: a whole number from 1 to 100; anything else, the default).
    carried = os.environ.get("ROLLCALL_MIN_POSSIBLE_SESSIONS", "").strip()
    if carried.isdigit() and 1 <= int(carried) <= 100:
        op.execute(sa.text("UPDATE school SET min_possible_sessions = :n").bindparams(
            n=int(carried)))


def downgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.drop_column("min_possible_sessions")
