"""query log: the first answer and its score as plain columns, indexed for the gap report

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 07:25:00.000000

The gap report keeps rows that got no answer or an answer below a confidence band, over a
period, grouped by fingerprint. Reading the first score out of the `top_scores` JSON on
every row was most of its time on 100,000 rows; `top_score` and `top_id` hold the same
values (filled from the JSON for existing rows). The covering indexes of migration 0006
(ix_query_log_gaps, ix_query_log_period) carry the new columns instead of the JSON ones, and
ix_query_log_failing covers a scan of the period's failing rows.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

FAILING_COLUMNS = ['fingerprint', 'channel', 'query_lang', 'top_id', 'id']
GAP_COLUMNS = {'new': ['no_match', 'top_score', 'channel', 'query_lang', 'top_id', 'id'],
               'old': ['no_match', 'top_scores', 'channel', 'query_lang', 'top_ids', 'id']}
PERIOD_COLUMNS = {'new': ['no_match', 'channel', 'query_lang', 'fingerprint', 'top_score', 'top_id', 'id'],
                  'old': ['no_match', 'channel', 'query_lang', 'fingerprint', 'top_scores', 'top_ids', 'id']}


def _covering_indexes(which):
    """Migration 0006's two covering indexes, over the `which` ('new' or 'old') columns."""
    op.drop_index('ix_query_log_period', table_name='query_log')
    op.drop_index('ix_query_log_gaps', table_name='query_log')
    if op.get_bind().dialect.name == 'postgresql':
        op.create_index('ix_query_log_gaps', 'query_log', ['fingerprint', 'created_at'],
                        postgresql_include=GAP_COLUMNS[which])
        op.create_index('ix_query_log_period', 'query_log', ['created_at'], postgresql_include=PERIOD_COLUMNS[which])
    else:
        op.create_index('ix_query_log_gaps', 'query_log', ['fingerprint', 'created_at', *GAP_COLUMNS[which]])
        op.create_index('ix_query_log_period', 'query_log', ['created_at', *PERIOD_COLUMNS[which]])


def upgrade():
    with op.batch_alter_table('query_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('top_id', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('top_score', sa.Float(), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("UPDATE query_log SET top_id = top_ids::json->>0, top_score = (top_scores::json->>0)::float")
        op.create_index('ix_query_log_failing', 'query_log', ['created_at', 'no_match', 'top_score'],
                        postgresql_include=FAILING_COLUMNS)
    else:
        op.execute("UPDATE query_log SET top_id = json_extract(top_ids, '$[0]'),"
                   " top_score = json_extract(top_scores, '$[0]')")
        op.create_index('ix_query_log_failing', 'query_log', ['created_at', 'no_match', 'top_score', *FAILING_COLUMNS])
    _covering_indexes('new')


def downgrade():
    _covering_indexes('old')
    op.drop_index('ix_query_log_failing', table_name='query_log')
    with op.batch_alter_table('query_log', schema=None) as batch_op:
        batch_op.drop_column('top_score')
        batch_op.drop_column('top_id')
