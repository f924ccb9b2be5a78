"""alert replies: a staff alert's outbox rows name it (and an email's carries its reply token),
and the alert says how it was acknowledged

Revision ID: 0014_alert_replies
Revises: 0013_colleges_universities
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014_alert_replies'
down_revision = '0013_colleges_universities'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('staff_alert_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reply_token', sa.String(), nullable=True))
    with op.batch_alter_table('staff_alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acknowledged_via', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('staff_alert', schema=None) as batch_op:
        batch_op.drop_column('acknowledged_via')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('reply_token')
        batch_op.drop_column('staff_alert_id')
