"""support desk: staff accounts, knowledge proposals, audit log, gap-report indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 06:00:00.000000

The gap report groups the query log by fingerprint over a period (ix_query_log_gaps), the
trends and entry stats read it by period (ix_query_log_period), both covering; users are
counted through the chat messages that carry a match (ix_conversation_messages_match_id).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('desk_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_desk_users_name'))
    )
    op.create_table('desk_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=True),
    sa.Column('entry_id', sa.String(length=120), nullable=True),
    sa.Column('lang', sa.String(length=2), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reevaluation', sa.JSON(), nullable=True),
    sa.Column('reviewed_by', sa.String(length=80), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_proposals'))
    )
    with op.batch_alter_table('desk_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_desk_proposals_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_desk_proposals_status'), ['status'], unique=False)

    op.create_table('desk_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_audit'))
    )
    with op.batch_alter_table('desk_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_desk_audit_created_at'), ['created_at'], unique=False)

    # Covering indexes of the desk's reports (app/desk/models.py): on PostgreSQL the other
    # columns are INCLUDEd (json has no btree ordering); SQLite has no INCLUDE, so they trail the key.
    gap_columns = ['no_match', 'top_scores', 'channel', 'query_lang', 'top_ids', 'id']
    period_columns = ['no_match', 'channel', 'query_lang', 'fingerprint', 'top_scores', 'top_ids', 'id']
    if op.get_bind().dialect.name == 'postgresql':
        op.create_index('ix_query_log_gaps', 'query_log', ['fingerprint', 'created_at'],
                        postgresql_include=gap_columns)
        op.create_index('ix_query_log_period', 'query_log', ['created_at'], postgresql_include=period_columns)
    else:
        op.create_index('ix_query_log_gaps', 'query_log', ['fingerprint', 'created_at', *gap_columns])
        op.create_index('ix_query_log_period', 'query_log', ['created_at', *period_columns])
    with op.batch_alter_table('conversation_messages', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_messages_match_id', ['match_id', 'conversation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('conversation_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_messages_match_id')
    op.drop_index('ix_query_log_period', table_name='query_log')
    op.drop_index('ix_query_log_gaps', table_name='query_log')
    with op.batch_alter_table('desk_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_desk_audit_created_at'))
    op.drop_table('desk_audit')
    with op.batch_alter_table('desk_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_desk_proposals_status'))
        batch_op.drop_index(batch_op.f('ix_desk_proposals_fingerprint'))
    op.drop_table('desk_proposals')
    op.drop_table('desk_users')
