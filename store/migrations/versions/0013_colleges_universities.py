"""colleges and universities: settings, tutors, visa flag, timetabled events and their attendance

Revision ID: 0013_colleges_universities
Revises: 0012_casework_meetings
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types
from sqlalchemy.dialects import postgresql

revision = '0013_colleges_universities'
down_revision = '0012_casework_meetings'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('timetable_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(), nullable=False),
    sa.Column('course', sa.String(), nullable=True),
    sa.Column('module', sa.String(), nullable=True),
    sa.Column('event_type', sa.String(), nullable=True),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('room', sa.String(), nullable=True),
    sa.Column('staff', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('school_id', 'external_id')
    )
    with op.batch_alter_table('timetable_event', schema=None) as batch_op:
        batch_op.create_index('ix_timetable_event_school_day', ['school_id', 'day'], unique=False)

    op.create_table('event_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('set_by', sa.String(), nullable=False),
    sa.Column('updated_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['timetable_event.id'], ),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'student_id')
    )
    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.create_index('ix_event_attendance_school_day_status', ['school_id', 'day', 'status'], unique=False)
        batch_op.create_index('ix_event_attendance_student_day', ['student_id', 'day'], unique=False)

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('setting', sa.String(), server_default='school', nullable=False))
        batch_op.add_column(sa.Column('family_contact', sa.String(), nullable=True))

    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.add_column(sa.Column('date_of_birth', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('personal_tutor_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('senior_tutor_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('visa_sponsored', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index(batch_op.f('ix_student_personal_tutor_id'), ['personal_tutor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_senior_tutor_id'), ['senior_tutor_id'], unique=False)
        batch_op.create_foreign_key('fk_student_personal_tutor_id', 'staff_user', ['personal_tutor_id'], ['id'])
        batch_op.create_foreign_key('fk_student_senior_tutor_id', 'staff_user', ['senior_tutor_id'], ['id'])

    with op.batch_alter_table('student_contact', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tell_absence', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('tell_reason', sa.Boolean(), server_default=sa.true(), nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('student_contact', schema=None) as batch_op:
        batch_op.drop_column('tell_reason')
        batch_op.drop_column('tell_absence')

    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_constraint('fk_student_senior_tutor_id', type_='foreignkey')
        batch_op.drop_constraint('fk_student_personal_tutor_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_student_senior_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_student_personal_tutor_id'))
        batch_op.drop_column('visa_sponsored')
        batch_op.drop_column('senior_tutor_id')
        batch_op.drop_column('personal_tutor_id')
        batch_op.drop_column('date_of_birth')

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_column('family_contact')
        batch_op.drop_column('setting')

    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.drop_index('ix_event_attendance_student_day')
        batch_op.drop_index('ix_event_attendance_school_day_status')

    op.drop_table('event_attendance')
    with op.batch_alter_table('timetable_event', schema=None) as batch_op:
        batch_op.drop_index('ix_timetable_event_school_day')

    op.drop_table('timetable_event')
