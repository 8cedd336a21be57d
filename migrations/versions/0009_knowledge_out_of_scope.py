"""knowledge out-of-scope decisions: paste groups a curator marked as a neighbouring topic

Applied out-of-scope decisions are knowledge (read into the serving snapshot, part of the
knowledge fingerprint, exported to out_of_scope.yaml), so they live in a store table; the
desk writes them when a curator applies the proposal. Existing applied proposals are copied.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 07:00:00.000000
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('knowledge_out_of_scope',
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('example', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_knowledge_out_of_scope'))
    )
    # the newest applied decision per group wins, as it would have when applied one by one
    op.execute("INSERT INTO knowledge_out_of_scope (fingerprint, topic, example, note)"
               " SELECT p.fingerprint, p.topic, p.text, p.note FROM desk_proposals p"
               " WHERE p.kind = 'out_of_scope' AND p.status = 'applied' AND p.fingerprint IS NOT NULL"
               " AND p.topic IS NOT NULL AND p.id = (SELECT max(q.id) FROM desk_proposals q"
               " WHERE q.kind = 'out_of_scope' AND q.status = 'applied' AND q.fingerprint = p.fingerprint)")


def downgrade():
    op.drop_table('knowledge_out_of_scope')
