"""serving path: query log written in batches with app-made ids

The query log is written by a background writer a moment after the answer, so a chat
message names its match before the row exists: conversation_messages.match_id becomes a
plain id (no foreign key). Feedback keeps its foreign key; the feedback recorder waits for
the row (app/querylog/recorder.py).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 06:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('conversation_messages', schema=None) as batch_op:
        batch_op.drop_constraint('fk_conversation_messages_match_id_query_log', type_='foreignkey')


def downgrade():
    op.execute("UPDATE conversation_messages SET match_id = NULL"
               " WHERE match_id NOT IN (SELECT id FROM query_log)")
    with op.batch_alter_table('conversation_messages', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_conversation_messages_match_id_query_log', 'query_log',
                                    ['match_id'], ['id'], ondelete='SET NULL')
