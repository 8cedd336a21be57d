"""conversation state: current entry, offered candidates, API conversations

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 06:00:00.000000

Each conversation keeps the dialogue's state (the entry shown, its family, what was offered
and rejected, the language) as JSON on its row, written with the append of each message, so
reading a follow-up costs no extra query. Bots get conversations of their own (channel `api`),
owned by the API key that created them and expiring when unused.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('channel', sa.String(length=10), server_default='chat', nullable=False))
        batch_op.add_column(sa.Column('owner', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('expires_at')
        batch_op.drop_column('owner')
        batch_op.drop_column('channel')
        batch_op.drop_column('state')
