"""Store category applications: which categories each store may sell in.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:54:24.244525

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('store_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('pending', 'approved', 'rejected', name='store_category_state', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('applied_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applied_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('store_id', 'category_id', name='uq_store_category')
    )
    with op.batch_alter_table('store_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_store_categories_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_store_categories_store_id'), ['store_id'], unique=False)



def downgrade():
    with op.batch_alter_table('store_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_store_categories_store_id'))
        batch_op.drop_index(batch_op.f('ix_store_categories_category_id'))

    op.drop_table('store_categories')
