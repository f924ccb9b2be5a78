"""console sessions kept server-side, sign-in throttles, form idempotency keys, deactivation

Sessions become rows (ended at sign-out, password change and deactivation); the failed sign-in
counters move from staff_user into one throttle table keyed by account or IP address, so that
each attempt is one atomic upsert; every console form's idempotency key is kept so a double
submit is one action across processes.

Revision ID: 0005_console_sessions
Revises: 0004_staff_alerts
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = "0005_console_sessions"
down_revision = "0004_staff_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_why", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_console_session_user_id", "console_session", ["user_id"])
    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("not_before", store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", store.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "form_submission",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_form_submission_created_at", "form_submission", ["created_at"])
    with op.batch_alter_table("staff_user") as batch:
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False,
                                   server_default=sa.text("true")))
        batch.drop_column("failed_logins")
        batch.drop_column("locked_until")


def downgrade() -> None:
    with op.batch_alter_table("staff_user") as batch:
        batch.add_column(sa.Column("locked_until", store.types.UTCDateTime(timezone=True),
                                   nullable=True))
        batch.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.drop_column("active")
    op.drop_index("ix_form_submission_created_at", table_name="form_submission")
    op.drop_table("form_submission")
    op.drop_table("sign_in_throttle")
    op.drop_index("ix_console_session_user_id", table_name="console_session")
    op.drop_table("console_session")
