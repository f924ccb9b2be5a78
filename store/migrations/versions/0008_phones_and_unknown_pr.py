"""phones as schools keep them: landlines apart from mobiles, notes, unknown parental responsibility

Revision ID: 0008_phones_and_unknown_pr
Revises: 0007_mis_sync
"""
from __future__ import annotations

import phonenumbers
import sqlalchemy as sa
from alembic import op

revision = "0008_phones_and_unknown_pr"
down_revision = "0007_mis_sync"
branch_labels = None
depends_on = None

_TEXTABLE = (phonenumbers.PhoneNumberType.MOBILE,
             phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone_note", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("landline", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("landline_note", sa.String(), nullable=True))
    with op.batch_alter_table("student_contact", schema=None) as batch_op:
        batch_op.alter_column("parental_responsibility", existing_type=sa.Boolean(),
                              nullable=True)
    _move_landlines()


def _move_landlines() -> None:
    # A landline imported before this revision sat in `phone` and was texted: it moves to
    # `landline`. Ofcom's drama mobiles (+447700900xxx) are not valid to libphonenumber and
    # stay where they are, as does anything it cannot read.
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, phone FROM contact WHERE phone IS NOT NULL"))
    moved = []
    for contact_id, phone in rows:
        try:
            number = phonenumbers.parse(phone, None)
        except phonenumbers.NumberParseException:
            continue
        if (phonenumbers.is_valid_number(number)
                and phonenumbers.number_type(number) not in _TEXTABLE):
            moved.append({"id": contact_id})
    if moved:
        connection.execute(sa.text("UPDATE contact SET landline = phone, phone = NULL "
                                   "WHERE id = :id"), moved)


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE contact SET phone = landline "
                               "WHERE phone IS NULL AND landline IS NOT NULL"))
    connection.execute(sa.text("UPDATE student_contact SET parental_responsibility = "
                               "(1 = 0) WHERE parental_responsibility IS NULL"))
    with op.batch_alter_table("student_contact", schema=None) as batch_op:
        batch_op.alter_column("parental_responsibility", existing_type=sa.Boolean(),
                              nullable=False)
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("landline_note")
        batch_op.drop_column("landline")
        batch_op.drop_column("phone_note")
