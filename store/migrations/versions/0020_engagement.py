"""engagement: rules as school settings, each student's status and its history, confidential
meetings, the student's department (issue 22, items 5-7)

Revision ID: 0020_engagement
Revises: 0019_staff_language_choice
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types
from sqlalchemy.dialects import postgresql

revision = '0020_engagement'
down_revision = '0019_staff_language_choice'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('engagement_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('track', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('since', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('rules', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('student_id', 'track')
    )
    with op.batch_alter_table('engagement_status', schema=None) as batch_op:
        batch_op.create_index('ix_engagement_status_school_track', ['school_id', 'track', 'status'], unique=False)

    op.create_table('engagement_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('track', sa.String(), nullable=False),
    sa.Column('old_status', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(), nullable=False),
    sa.Column('rules', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('figures', sa.Text(), nullable=False),
    sa.Column('events', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('messages', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], ),
    sa.ForeignKeyConstraint(['task_id'], ['escalation.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('engagement_change', schema=None) as batch_op:
        batch_op.create_index('ix_engagement_change_school_at', ['school_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_engagement_change_student_id'), ['student_id'], unique=False)

    with op.batch_alter_table('casework_meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidential', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('engagement_missed_in_module', sa.Integer(), server_default='3', nullable=False))
        batch_op.add_column(sa.Column('engagement_missed_in_row', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('engagement_min_percent', sa.Float(), server_default='75.0', nullable=False))
        batch_op.add_column(sa.Column('engagement_weeks', sa.Integer(), server_default='4', nullable=False))
        batch_op.add_column(sa.Column('engagement_days_without', sa.Integer(), server_default='7', nullable=False))
        batch_op.add_column(sa.Column('visa_missed_in_module', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('visa_missed_in_row', sa.Integer(), server_default='10', nullable=False))
        batch_op.add_column(sa.Column('visa_min_percent', sa.Float(), server_default='0.0', nullable=False))
        batch_op.add_column(sa.Column('visa_weeks', sa.Integer(), server_default='4', nullable=False))
        batch_op.add_column(sa.Column('visa_days_without', sa.Integer(), server_default='14', nullable=False))

    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.add_column(sa.Column('department', sa.String(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_column('department')

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_column('visa_days_without')
        batch_op.drop_column('visa_weeks')
        batch_op.drop_column('visa_min_percent')
        batch_op.drop_column('visa_missed_in_row')
        batch_op.drop_column('visa_missed_in_module')
        batch_op.drop_column('engagement_days_without')
        batch_op.drop_column('engagement_weeks')
        batch_op.drop_column('engagement_min_percent')
        batch_op.drop_column('engagement_missed_in_row')
        batch_op.drop_column('engagement_missed_in_module')

    with op.batch_alter_table('casework_meeting', schema=None) as batch_op:
        batch_op.drop_column('confidential')

    with op.batch_alter_table('engagement_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_engagement_change_student_id'))
        batch_op.drop_index('ix_engagement_change_school_at')

    op.drop_table('engagement_change')
    with op.batch_alter_table('engagement_status', schema=None) as batch_op:
        batch_op.drop_index('ix_engagement_status_school_track')

    op.drop_table('engagement_status')
