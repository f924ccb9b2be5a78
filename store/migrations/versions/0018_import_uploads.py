"""console imports: an uploaded file kept between its preview and Apply or Cancel

Revision ID: 0018_import_uploads
Revises: 0017_self_certification
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types

revision = "0018_import_uploads"
down_revision = "0017_self_certification"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("profile", sa.String(), nullable=True),
        sa.Column("all_or_nothing", sa.Boolean(), nullable=False),
        sa.Column("digest", sa.String(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_import_upload_school_id", "import_upload", ["school_id"])
    op.create_index("ix_import_upload_user_id", "import_upload", ["user_id"])
    op.create_index("ix_import_upload_created_at", "import_upload", ["created_at"])
    op.create_table(
        "import_upload_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["upload_id"], ["import_upload.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_import_upload_file_upload_id", "import_upload_file", ["upload_id"])


def downgrade() -> None:
    op.drop_table("import_upload_file")
    op.drop_table("import_upload")
