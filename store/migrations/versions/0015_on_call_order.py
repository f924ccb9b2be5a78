"""the on-call order: a member of staff's place on a school's list for urgent alerts

Revision ID: 0015_on_call_order
Revises: 0014_alert_replies
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_on_call_order"
down_revision = "0014_alert_replies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nobody has a place yet: every school keeps its default list (DSLs, then admins).
    with op.batch_alter_table("staff_school") as batch:
        batch.add_column(sa.Column("on_call_rank", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff_school") as batch:
        batch.drop_column("on_call_rank")
