"""commands carry their generation and source; sources may be web pages with notes; texts keep history

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 03:20:00

Existing rows get `generation = 'general'` only until the next `flask kb load`, which
rewrites every entry from the files (the fingerprint of the files changed with this release).
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('entry_commands', schema=None) as batch_op:
        batch_op.add_column(sa.Column('generation', sa.String(length=20), nullable=False, server_default='general'))
        batch_op.add_column(sa.Column('source', sa.Integer(), nullable=True))
    with op.batch_alter_table('entry_sources', schema=None) as batch_op:
        batch_op.alter_column('doc', existing_type=sa.String(length=200), nullable=True)
        batch_op.add_column(sa.Column('url', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('title', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('note', sa.JSON(), nullable=True))
    with op.batch_alter_table('entry_texts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('history', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('entry_texts', schema=None) as batch_op:
        batch_op.drop_column('history')
    with op.batch_alter_table('entry_sources', schema=None) as batch_op:
        batch_op.drop_column('note')
        batch_op.drop_column('title')
        batch_op.drop_column('url')
        batch_op.alter_column('doc', existing_type=sa.String(length=200), nullable=False)
    with op.batch_alter_table('entry_commands', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('generation')
