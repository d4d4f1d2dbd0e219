"""Indexes for the shopper listings: newest and best-selling sorts, and the
option filters' lookups by product (found by the catalog benchmark).

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index('ix_products_published', ['published_at'], unique=False)
        batch_op.create_index('ix_products_units_sold', ['units_sold'], unique=False)
    with op.batch_alter_table('product_facets', schema=None) as batch_op:
        batch_op.create_index('ix_product_facets_product', ['product_id', 'name', 'value'], unique=False)


def downgrade():
    with op.batch_alter_table('product_facets', schema=None) as batch_op:
        batch_op.drop_index('ix_product_facets_product')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index('ix_products_units_sold')
        batch_op.drop_index('ix_products_published')
