"""advance notices: reasons kept for register sessions not taken yet

Revision ID: 0006_advance_notices
Revises: 0005_console_sessions
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = "0006_advance_notices"
down_revision = "0005_console_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advance_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("session", sa.String(), nullable=False),
        sa.Column("intent", sa.String(), nullable=False),
        sa.Column("suggested_code", sa.String(), nullable=True),
        sa.Column("confirm", sa.Boolean(), nullable=False),
        sa.Column("reason_text", sa.Text(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("mark_id", sa.Integer(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("settled_at", store.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["student.id"]),
        sa.ForeignKeyConstraint(["message_id"], ["message.id"]),
        sa.ForeignKeyConstraint(["mark_id"], ["mark.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("advance_notice", schema=None) as batch_op:
        batch_op.create_index("ix_advance_notice_school_status_day",
                              ["school_id", "status", "day"], unique=False)
        batch_op.create_index(batch_op.f("ix_advance_notice_student_id"), ["student_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("advance_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advance_notice_student_id"))
        batch_op.drop_index("ix_advance_notice_school_status_day")
    op.drop_table("advance_notice")
