"""media fetches: an inbound event's provider-held media, fetched by a job with retries

Revision ID: 0003_media_fetches
Revises: 0002_lists_as_json
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = '0003_media_fetches'
down_revision = '0002_lists_as_json'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'media_fetch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('inbound_event_id', sa.Integer(), nullable=False),
        sa.Column('channel', sa.String(), nullable=False),
        sa.Column('item', sa.Integer(), nullable=False),
        sa.Column('ref', sa.Text(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('expires_at', store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.String(), nullable=True),
        sa.Column('evidence_id', sa.Integer(), nullable=True),
        sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id']),
        sa.ForeignKeyConstraint(['inbound_event_id'], ['inbound_event.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('media_fetch') as batch_op:
        batch_op.create_index('ix_media_fetch_due', ['status', 'next_attempt_at'])
        batch_op.create_index('ix_media_fetch_inbound_event_id', ['inbound_event_id'])


def downgrade() -> None:
    with op.batch_alter_table('media_fetch') as batch_op:
        batch_op.drop_index('ix_media_fetch_inbound_event_id')
        batch_op.drop_index('ix_media_fetch_due')
    op.drop_table('media_fetch')
