"""an escalation's reason as a code and its parameters beside the English, so the console
words it in the reader's language (older rows keep only their English)

Revision ID: 0024_escalation_why_code
Revises: 0023_self_cert_decisions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_escalation_why_code"
down_revision = "0023_self_cert_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("escalation") as batch:
        batch.add_column(sa.Column("why_code", sa.String(), nullable=True))
        batch.add_column(sa.Column("why_params", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("escalation") as batch:
        batch.drop_column("why_params")
        batch.drop_column("why_code")
