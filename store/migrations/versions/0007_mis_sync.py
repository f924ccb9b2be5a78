"""MIS sync: the school's MIS link and pull cursors, the MIS's own ids, its register as
pulled, and the write-back push queue

Revision ID: 0007_mis_sync
Revises: 0006_advance_notices
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = "0007_mis_sync"
down_revision = "0006_advance_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("mis_link",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("school_id", sa.Integer(), nullable=False),
    sa.Column("provider", sa.String(), nullable=False),
    sa.Column("mis_school_id", sa.String(), nullable=False),
    sa.Column("students_cursor", sa.String(), nullable=True),
    sa.Column("contacts_cursor", sa.String(), nullable=True),
    sa.Column("marks_cursor", sa.String(), nullable=True),
    sa.Column("last_pull_at", store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column("last_pull_error", sa.String(), nullable=True),
    sa.Column("last_push_at", store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column("created_at", store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["school_id"], ["school.id"], ),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("school_id")
    )
    op.create_table("mis_ref",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("school_id", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(), nullable=False),
    sa.Column("mis_id", sa.String(), nullable=False),
    sa.Column("local_id", sa.Integer(), nullable=True),
    sa.Column("code", sa.String(), nullable=True),
    sa.ForeignKeyConstraint(["school_id"], ["school.id"], ),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("school_id", "kind", "mis_id")
    )
    with op.batch_alter_table("mis_ref", schema=None) as batch_op:
        batch_op.create_index("ix_mis_ref_local", ["school_id", "kind", "local_id"], unique=False)

    op.create_table("mis_mark",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("school_id", sa.Integer(), nullable=False),
    sa.Column("student_id", sa.Integer(), nullable=False),
    sa.Column("day", sa.Date(), nullable=False),
    sa.Column("session", sa.String(), nullable=False),
    sa.Column("code", sa.String(), nullable=False),
    sa.Column("mis_updated_at", sa.String(), nullable=True),
    sa.Column("pulled_at", store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["school_id"], ["school.id"], ),
    sa.ForeignKeyConstraint(["student_id"], ["student.id"], ),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("student_id", "day", "session")
    )
    with op.batch_alter_table("mis_mark", schema=None) as batch_op:
        batch_op.create_index("ix_mis_mark_school_day", ["school_id", "day"], unique=False)

    op.create_table("mis_push",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("school_id", sa.Integer(), nullable=False),
    sa.Column("mark_id", sa.Integer(), nullable=False),
    sa.Column("mark_version", sa.Integer(), nullable=False),
    sa.Column("day", sa.Date(), nullable=False),
    sa.Column("session", sa.String(), nullable=False),
    sa.Column("code", sa.String(), nullable=False),
    sa.Column("comment", sa.String(), nullable=True),
    sa.Column("status", sa.String(), nullable=False),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("next_attempt_at", store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Column("writeback_id", sa.String(), nullable=True),
    sa.Column("escalation_id", sa.Integer(), nullable=True),
    sa.Column("created_at", store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column("written_at", store.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(["escalation_id"], ["escalation.id"], ),
    sa.ForeignKeyConstraint(["mark_id"], ["mark.id"], ),
    sa.ForeignKeyConstraint(["school_id"], ["school.id"], ),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("mark_id", "mark_version")
    )
    with op.batch_alter_table("mis_push", schema=None) as batch_op:
        batch_op.create_index("ix_mis_push_due", ["status", "next_attempt_at"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("mis_push", schema=None) as batch_op:
        batch_op.drop_index("ix_mis_push_due")

    op.drop_table("mis_push")
    with op.batch_alter_table("mis_mark", schema=None) as batch_op:
        batch_op.drop_index("ix_mis_mark_school_day")

    op.drop_table("mis_mark")
    with op.batch_alter_table("mis_ref", schema=None) as batch_op:
        batch_op.drop_index("ix_mis_ref_local")

    op.drop_table("mis_ref")
    op.drop_table("mis_link")
