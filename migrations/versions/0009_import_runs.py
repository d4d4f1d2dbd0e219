"""Product CSV imports run in the background: import_runs, one row per large
file a store uploads (state, counts, the problems found, where the file is kept
until the job has run).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 13:48:58.172431
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'import_runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('state', sa.Enum('queued', 'running', 'succeeded', 'failed', name='import_run_state',
                                   native_enum=False, length=20), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('row_count', sa.Integer(), nullable=False),
        sa.Column('created_products', sa.Integer(), nullable=False),
        sa.Column('updated_products', sa.Integer(), nullable=False),
        sa.Column('variant_count', sa.Integer(), nullable=False),
        sa.Column('errors', sa.JSON(), nullable=False),
        sa.Column('error_count', sa.Integer(), nullable=False),
        sa.Column('content_key', sa.String(length=200), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('store_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name='fk_import_runs_created_by_id',
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name='fk_import_runs_store_id', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_import_runs'),
    )
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.create_index('ix_import_runs_store_id', ['store_id'], unique=False)


def downgrade():
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_import_runs_store_id')
    op.drop_table('import_runs')
