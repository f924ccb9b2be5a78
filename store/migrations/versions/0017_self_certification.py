"""self-certification: students' own reports of absence, the school's limits, digest time

Revision ID: 0017_self_certification
Revises: 0016_court_order_postal
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.types
from sqlalchemy.dialects import postgresql

revision = '0017_self_certification'
down_revision = '0016_court_order_postal'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('self_certification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('intent', sa.String(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('evidence', sa.Boolean(), nullable=False),
    sa.Column('why', sa.String(), nullable=False),
    sa.Column('reason_text', sa.Text(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], ),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('self_certification', schema=None) as batch_op:
        batch_op.create_index('ix_self_certification_school_days', ['school_id', 'start', 'end'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_certification_student_id'), ['student_id'], unique=False)

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('self_cert_max_days', sa.Integer(), server_default='7', nullable=False))
        batch_op.add_column(sa.Column('self_cert_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
        batch_op.add_column(sa.Column('self_cert_evidence_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
        batch_op.add_column(sa.Column('digest_at', sa.Time(), server_default='17:30:00', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_column('digest_at')
        batch_op.drop_column('self_cert_evidence_reasons')
        batch_op.drop_column('self_cert_reasons')
        batch_op.drop_column('self_cert_max_days')

    with op.batch_alter_table('self_certification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_certification_student_id'))
        batch_op.drop_index('ix_self_certification_school_days')

    op.drop_table('self_certification')
