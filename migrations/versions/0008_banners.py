"""Home-page banners: the platform's on the mall home (mall_banners) and each
store's on its storefront home (store_banners), with an image, title,
subtitle, link, language, order, on/off switch and an optional time window.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 13:39:05.574484
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _banner_columns():
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('image_key', sa.String(length=200), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=120), nullable=False),
        sa.Column('subtitle', sa.String(length=200), nullable=True),
        sa.Column('link', sa.String(length=500), nullable=True),
        sa.Column('locale', sa.String(length=10), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade():
    op.create_table(
        'mall_banners',
        *_banner_columns(),
        sa.PrimaryKeyConstraint('id', name='pk_mall_banners'),
    )
    op.create_table(
        'store_banners',
        *_banner_columns(),
        sa.Column('store_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name='fk_store_banners_store_id', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_store_banners'),
    )
    with op.batch_alter_table('store_banners', schema=None) as batch_op:
        batch_op.create_index('ix_store_banners_store_id', ['store_id'], unique=False)


def downgrade():
    with op.batch_alter_table('store_banners', schema=None) as batch_op:
        batch_op.drop_index('ix_store_banners_store_id')
    op.drop_table('store_banners')
    op.drop_table('mall_banners')
