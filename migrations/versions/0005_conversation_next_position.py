"""conversation next_position: message positions reserved atomically

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 04:00:00.000000

Each conversation counts the positions it has handed out, so two requests appending to
one conversation at once (two tabs) reserve different positions in one atomic UPDATE
instead of both reading max(position) + 1. Existing conversations start after their
last message.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_position', sa.Integer(), server_default='0', nullable=False))
    op.execute(
        "UPDATE conversations SET next_position = COALESCE("
        "(SELECT MAX(position) + 1 FROM conversation_messages"
        " WHERE conversation_messages.conversation_id = conversations.id), 0)")


def downgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('next_position')
