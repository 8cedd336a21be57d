"""one feedback per chat message

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 03:20:00.000000

Chat feedback names the answer (conversation_messages.id) it is about, and a unique
constraint keeps it to one per answer even when two clicks arrive at once. The new
column is NULL for every existing row and for API feedback, and NULLs never collide,
so the upgrade needs no data change.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_feedback_message_id'), ['message_id'])
        batch_op.create_foreign_key(batch_op.f('fk_feedback_message_id_conversation_messages'),
                                    'conversation_messages', ['message_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_feedback_message_id_conversation_messages'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_feedback_message_id'), type_='unique')
        batch_op.drop_column('message_id')
