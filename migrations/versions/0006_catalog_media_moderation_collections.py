"""Catalog, part 2: images, translations, fixed prices, collections, option
templates, moderation, favourites and platform settings; listing columns on
products (price range, in stock, cover) filled from the variants.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 12:08:17.303485

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('platform_settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('category_options',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('values', sa.JSON(), nullable=False),
    sa.Column('filterable', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('category_id', 'name', name='uq_category_option_name')
    )
    with op.batch_alter_table('category_options', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_category_options_category_id'), ['category_id'], unique=False)

    op.create_table('collections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('store_id', 'slug', name='uq_collection_store_slug')
    )
    with op.batch_alter_table('collections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collections_store_id'), ['store_id'], unique=False)

    op.create_table('favourites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('shop_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shop_id'], ['stores.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'product_id', name='uq_favourite_product'),
    sa.UniqueConstraint('user_id', 'shop_id', name='uq_favourite_shop')
    )
    with op.batch_alter_table('favourites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_favourites_user_id'), ['user_id'], unique=False)

    op.create_table('product_collections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('collection_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['collection_id'], ['collections.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('collection_id', 'product_id', name='uq_product_collection')
    )
    with op.batch_alter_table('product_collections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_collections_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_collections_store_id'), ['store_id'], unique=False)

    op.create_table('product_facets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('product_facets', schema=None) as batch_op:
        batch_op.create_index('ix_product_facets_lookup', ['name', 'value', 'product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_facets_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_facets_store_id'), ['store_id'], unique=False)

    op.create_table('product_images',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('product_images', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_images_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_images_store_id'), ['store_id'], unique=False)

    op.create_table('product_translations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('locale', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('seo_title', sa.String(length=160), nullable=True),
    sa.Column('seo_description', sa.Text(), nullable=True),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('product_id', 'locale', name='uq_product_translation_locale')
    )
    with op.batch_alter_table('product_translations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_translations_store_id'), ['store_id'], unique=False)

    op.create_table('variant_prices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('variant_id', 'currency', name='uq_variant_price_currency')
    )
    with op.batch_alter_table('variant_prices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_variant_prices_store_id'), ['store_id'], unique=False)

    with op.batch_alter_table('brands', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo_key', sa.String(length=200), nullable=True))

    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('image_key', sa.String(length=200), nullable=True))

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seo_title', sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column('seo_description', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('moderation', sa.Enum('pending', 'approved', 'rejected', 'taken_down', name='moderation_state', native_enum=False, length=20), nullable=False, server_default='approved'))
        batch_op.add_column(sa.Column('moderation_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('moderated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('price_min', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('price_max', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('in_stock', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('units_sold', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('cover_key', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_products_gtin', ['gtin'], unique=False)
        batch_op.create_index('ix_products_listing', ['category_id', 'status', 'on_shelf', 'moderation'], unique=False)

    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weight_grams', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('image_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_variants_image_id', 'product_images', ['image_id'], ['id'], ondelete='SET NULL')

    # Fill the listing columns of existing products from their variants.
    op.execute("""
        UPDATE products SET
          price_min = (SELECT MIN(v.price) FROM variants v WHERE v.product_id = products.id),
          price_max = (SELECT MAX(v.price) FROM variants v WHERE v.product_id = products.id),
          in_stock = EXISTS (SELECT 1 FROM variants v WHERE v.product_id = products.id AND v.stock > 0),
          published_at = CASE WHEN status = 'active' THEN created_at END
    """)


def downgrade():
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.drop_constraint('fk_variants_image_id', type_='foreignkey')
        batch_op.drop_column('image_id')
        batch_op.drop_column('weight_grams')

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index('ix_products_listing')
        batch_op.drop_index('ix_products_gtin')
        batch_op.drop_column('published_at')
        batch_op.drop_column('cover_key')
        batch_op.drop_column('units_sold')
        batch_op.drop_column('in_stock')
        batch_op.drop_column('price_max')
        batch_op.drop_column('price_min')
        batch_op.drop_column('moderated_at')
        batch_op.drop_column('moderation_reason')
        batch_op.drop_column('moderation')
        batch_op.drop_column('seo_description')
        batch_op.drop_column('seo_title')

    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_column('image_key')

    with op.batch_alter_table('brands', schema=None) as batch_op:
        batch_op.drop_column('logo_key')

    with op.batch_alter_table('variant_prices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_variant_prices_store_id'))

    op.drop_table('variant_prices')
    with op.batch_alter_table('product_translations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_translations_store_id'))

    op.drop_table('product_translations')
    with op.batch_alter_table('product_images', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_images_store_id'))
        batch_op.drop_index(batch_op.f('ix_product_images_product_id'))

    op.drop_table('product_images')
    with op.batch_alter_table('product_facets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_facets_store_id'))
        batch_op.drop_index(batch_op.f('ix_product_facets_product_id'))
        batch_op.drop_index('ix_product_facets_lookup')

    op.drop_table('product_facets')
    with op.batch_alter_table('product_collections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_collections_store_id'))
        batch_op.drop_index(batch_op.f('ix_product_collections_product_id'))

    op.drop_table('product_collections')
    with op.batch_alter_table('favourites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_favourites_user_id'))

    op.drop_table('favourites')
    with op.batch_alter_table('collections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_collections_store_id'))

    op.drop_table('collections')
    with op.batch_alter_table('category_options', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_category_options_category_id'))

    op.drop_table('category_options')
    op.drop_table('platform_settings')
