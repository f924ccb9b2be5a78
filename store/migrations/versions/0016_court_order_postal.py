"""contacts: a court order's restriction (never written to) and a postal address for letters

Revision ID: 0016_court_order_postal
Revises: 0015_on_call_order
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0016_court_order_postal"
down_revision = "0015_on_call_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No restriction is known yet: every existing contact is false until an import or a person
    # records one. No address is known yet either: an empty list of lines.
    with op.batch_alter_table("contact") as batch:
        batch.add_column(
            sa.Column("court_order", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column(
                "postal_address",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=False,
                server_default="[]",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("postal_address")
        batch.drop_column("court_order")
