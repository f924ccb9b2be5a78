"""casework: the attendance ladder, each student's place on it, and every letter

Revision ID: 0009_casework
Revises: 0008_phones_and_unknown_pr
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sqlalchemy.dialects import postgresql

import store.types

revision = '0009_casework'
down_revision = '0008_phones_and_unknown_pr'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('casework_stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('rule', sa.String(), nullable=False),
    sa.Column('percent', sa.Float(), nullable=True),
    sa.Column('sessions', sa.Integer(), nullable=True),
    sa.Column('period', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('template', sa.String(), nullable=True),
    sa.Column('automatic', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('school_id', 'key')
    )
    op.create_table('casework_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(), nullable=True),
    sa.Column('stage_since', sa.Date(), nullable=True),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('updated_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('student_id')
    )
    with op.batch_alter_table('casework_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_casework_case_school_id'), ['school_id'], unique=False)

    op.create_table('casework_letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('student_ids', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('stage', sa.String(), nullable=False),
    sa.Column('template', sa.String(), nullable=False),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('needs_approval', sa.Boolean(), nullable=False),
    sa.Column('figures', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('body_text', sa.Text(), nullable=True),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('channel', sa.String(), nullable=True),
    sa.Column('to_address', sa.String(), nullable=True),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('note_outbox_id', sa.Integer(), nullable=True),
    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('approved_at', store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sent_at', store.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['approved_by'], ['staff_user.id'], ),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ),
    sa.ForeignKeyConstraint(['run_id'], ['run.id'], ),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('casework_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_casework_letter_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index('ix_casework_letter_school_status', ['school_id', 'status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('casework_letter', schema=None) as batch_op:
        batch_op.drop_index('ix_casework_letter_school_status')
        batch_op.drop_index(batch_op.f('ix_casework_letter_contact_id'))

    op.drop_table('casework_letter')
    with op.batch_alter_table('casework_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_casework_case_school_id'))

    op.drop_table('casework_case')
    op.drop_table('casework_stage')
