"""staff alerts: urgent alerts a member of staff can acknowledge by a reply ACK or a tap on a
link, how much an alert names (a school setting) and each member of staff's language

Revision ID: 0004_staff_alerts
Revises: 0003_media_fetches
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = '0004_staff_alerts'
down_revision = '0003_media_fetches'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('school') as batch_op:
        batch_op.add_column(sa.Column('alert_detail', sa.String(), nullable=False,
                                      server_default='full'))
    with op.batch_alter_table('staff_user') as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(), nullable=False,
                                      server_default='en'))
    op.create_table(
        'staff_alert',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('escalation_id', sa.Integer(), nullable=False),
        sa.Column('staff_user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(), nullable=False),
        sa.Column('sent_at', store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('acknowledged_at', store.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['escalation_id'], ['escalation.id']),
        sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_hash'),
    )
    with op.batch_alter_table('staff_alert') as batch_op:
        batch_op.create_index('ix_staff_alert_escalation_id', ['escalation_id'])
        batch_op.create_index('ix_staff_alert_staff_user_id', ['staff_user_id'])


def downgrade() -> None:
    with op.batch_alter_table('staff_alert') as batch_op:
        batch_op.drop_index('ix_staff_alert_staff_user_id')
        batch_op.drop_index('ix_staff_alert_escalation_id')
    op.drop_table('staff_alert')
    with op.batch_alter_table('staff_user') as batch_op:
        batch_op.drop_column('language')
    with op.batch_alter_table('school') as batch_op:
        batch_op.drop_column('alert_detail')
