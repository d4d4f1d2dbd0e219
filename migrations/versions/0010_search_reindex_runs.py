"""Search index rebuilds: search_reindex_runs, one row per rebuild asked for
by the admin or ``flask search reindex``, with its progress.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 14:51:44.933770
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'search_reindex_runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('store_id', sa.Integer(), nullable=True),
        sa.Column('store_slug', sa.String(length=40), nullable=True),
        sa.Column('state', sa.Enum('queued', 'running', 'done', 'failed', name='search_reindex_state',
                                   native_enum=False, length=20), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('done', sa.Integer(), nullable=False),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name='fk_search_reindex_runs_requested_by_id',
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name='fk_search_reindex_runs_store_id',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_search_reindex_runs'),
    )


def downgrade():
    op.drop_table('search_reindex_runs')
