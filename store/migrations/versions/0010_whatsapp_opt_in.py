"""WhatsApp: a contact who opted in to be messaged on WhatsApp (at their mobile number)

Revision ID: 0010_whatsapp_opt_in
Revises: 0009_casework
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_whatsapp_opt_in"
down_revision = "0009_casework"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nobody has opted in yet: every existing contact is false, new ones too unless imported so.
    with op.batch_alter_table("contact") as batch:
        batch.add_column(
            sa.Column("whatsapp_opt_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("whatsapp_opt_in")
