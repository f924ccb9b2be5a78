"""colleges and universities: how many self-certifications a student may make in a term (0: no
limit); beyond it the report goes to a person

Revision ID: 0021_self_cert_term_limit
Revises: 0020_engagement
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_self_cert_term_limit"
down_revision = "0020_engagement"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.add_column(sa.Column("self_cert_max_per_term", sa.Integer(), nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.drop_column("self_cert_max_per_term")
