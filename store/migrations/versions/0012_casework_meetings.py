"""casework meetings: date, who came, agreed actions, review date

Revision ID: 0012_casework_meetings
Revises: 0011_staff_admin
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sqlalchemy.dialects import postgresql

import store.types

revision = '0012_casework_meetings'
down_revision = '0011_staff_admin'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('casework_meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('attendees', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('actions', sa.Text(), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff_user.id'], ),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('casework_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_casework_meeting_review_on'), ['review_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_casework_meeting_student_id'), ['student_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('casework_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_casework_meeting_student_id'))
        batch_op.drop_index(batch_op.f('ix_casework_meeting_review_on'))

    op.drop_table('casework_meeting')
