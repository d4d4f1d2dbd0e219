"""The catalog: the platform's category tree (names per locale, commission
rates, option templates), brands and settings; each store's products, variants,
images, translations, fixed prices, collections and stock ledger."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.time import UTCDateTime, utcnow
from app.core.types import str_enum
from app.extensions import db
from app.tenancy.scope import StoreOwned


class Category(db.Model):
    """A node of the platform's category tree (any depth).

    Commission rates are in basis points (1/100 of a percent) and optional: a
    category without one uses its parent's, up to the root, then the platform
    default (see ``app.catalog.services.effective_commission``).
    """

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    name: Mapped[str] = mapped_column(String(120), nullable=False)  # the default-locale (English) name
    commission_self_bp: Mapped[int | None] = mapped_column(Integer)
    commission_third_bp: Mapped[int | None] = mapped_column(Integer)
    image_key: Mapped[str | None] = mapped_column(String(200))  # an icon/image in the media storage
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    translations: Mapped[list[CategoryTranslation]] = relationship(
        back_populates="category", cascade="all, delete-orphan", lazy="selectin")


class CategoryTranslation(db.Model):
    """A category's name and search-engine texts in one locale."""

    __tablename__ = "category_translations"
    __table_args__ = (UniqueConstraint("category_id", "locale", name="uq_category_translation_locale"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"), nullable=False)
    locale: Mapped[str] = mapped_column(String(10), nullable=False)  # URL code, e.g. zh-hans
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    seo_title: Mapped[str | None] = mapped_column(String(160))
    seo_description: Mapped[str | None] = mapped_column(Text)

    category: Mapped[Category] = relationship(back_populates="translations")


class Brand(db.Model):
    __tablename__ = "brands"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    slug: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    logo_key: Mapped[str | None] = mapped_column(String(200))  # the logo in the media storage
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class CategoryOption(db.Model):
    """An option/attribute template of a category (e.g. Colour with its
    allowed values). Products in the category are offered these options, and
    filterable ones become filters on the category page."""

    __tablename__ = "category_options"
    __table_args__ = (UniqueConstraint("category_id", "name", name="uq_category_option_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"), nullable=False,
                                             index=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    values: Mapped[list] = mapped_column(JSON, nullable=False, default=list)  # allowed values, in order
    filterable: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class PlatformSetting(db.Model):
    """One platform-wide setting the operator can change (see
    ``app.catalog.settings`` for the known keys and their defaults)."""

    __tablename__ = "platform_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict | list | str | int | bool | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)


class ApplicationState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class StoreCategory(StoreOwned, db.Model):
    """A store's application to sell in a platform category, and its outcome.
    A store may list products only in categories approved here."""

    __tablename__ = "store_categories"
    __table_args__ = (UniqueConstraint("store_id", "category_id", name="uq_store_category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"), nullable=False,
                                             index=True)
    state: Mapped[ApplicationState] = mapped_column(
        str_enum(ApplicationState, "store_category_state"),
        nullable=False, default=ApplicationState.PENDING)
    note: Mapped[str | None] = mapped_column(Text)  # the merchant's note with the application
    reason: Mapped[str | None] = mapped_column(Text)  # the platform's reason for a rejection
    applied_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    category: Mapped[Category] = relationship(lazy="joined")


class ProductStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class ModerationState(enum.StrEnum):
    PENDING = "pending"  # waiting for the platform's review
    APPROVED = "approved"
    REJECTED = "rejected"  # with a reason; the merchant may edit and resubmit
    TAKEN_DOWN = "taken_down"  # was live, removed by the platform with a reason


class Product(StoreOwned, db.Model):
    """A store's product (SPU). Prices and stock live on its variants.

    ``price_min``/``price_max`` (base currency minor units), ``in_stock`` and
    ``cover_key`` are kept in step with the variants and images by the catalog
    services, so listing pages read one row per product.
    """

    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("store_id", "slug", name="uq_product_store_slug"),
                      Index("ix_products_listing", "category_id", "status", "on_shelf", "moderation"),
                      Index("ix_products_gtin", "gtin"),
                      Index("ix_products_published", "published_at"),
                      Index("ix_products_units_sold", "units_sold"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")  # sanitised HTML
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), nullable=False, index=True)
    brand_id: Mapped[int | None] = mapped_column(ForeignKey("brands.id", ondelete="SET NULL"))
    status: Mapped[ProductStatus] = mapped_column(
        str_enum(ProductStatus, "product_status"),
        nullable=False, default=ProductStatus.DRAFT)
    on_shelf: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    weight_grams: Mapped[int | None] = mapped_column(Integer)
    hs_code: Mapped[str | None] = mapped_column(String(12))
    origin_country: Mapped[str | None] = mapped_column(String(2))
    gtin: Mapped[str | None] = mapped_column(String(14))
    options: Mapped[list] = mapped_column(JSON, nullable=False, default=list)  # [{"name": .., "values": [..]}]
    seo_title: Mapped[str | None] = mapped_column(String(160))
    seo_description: Mapped[str | None] = mapped_column(Text)
    moderation: Mapped[ModerationState] = mapped_column(
        str_enum(ModerationState, "moderation_state"), nullable=False, default=ModerationState.APPROVED)
    moderation_reason: Mapped[str | None] = mapped_column(Text)
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    price_min: Mapped[int | None] = mapped_column(BigInteger)
    price_max: Mapped[int | None] = mapped_column(BigInteger)
    in_stock: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    units_sold: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    cover_key: Mapped[str | None] = mapped_column(String(200))  # the main image's storage key
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # first time shoppers could see it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)

    category: Mapped[Category] = relationship(lazy="joined")
    variants: Mapped[list[Variant]] = relationship(back_populates="product", cascade="all, delete-orphan",
                                                   order_by="Variant.position", lazy="selectin")
    images: Mapped[list[ProductImage]] = relationship(back_populates="product", cascade="all, delete-orphan",
                                                      order_by="ProductImage.position", lazy="selectin")
    translations: Mapped[list[ProductTranslation]] = relationship(
        back_populates="product", cascade="all, delete-orphan", lazy="selectin")


class ProductTranslation(StoreOwned, db.Model):
    """A product's name, description and search-engine texts in one locale.
    A locale without a row falls back to the product's own fields (written in
    the store's default locale)."""

    __tablename__ = "product_translations"
    __table_args__ = (UniqueConstraint("product_id", "locale", name="uq_product_translation_locale"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False)
    locale: Mapped[str] = mapped_column(String(10), nullable=False)  # URL code, e.g. zh-hans
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")  # sanitised HTML
    seo_title: Mapped[str | None] = mapped_column(String(160))
    seo_description: Mapped[str | None] = mapped_column(Text)

    product: Mapped[Product] = relationship(back_populates="translations")


class ProductImage(StoreOwned, db.Model):
    """An uploaded product photo. The first by position is the main one."""

    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True)
    key: Mapped[str] = mapped_column(String(200), nullable=False)  # storage key of the re-encoded original
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    product: Mapped[Product] = relationship(back_populates="images")


class ProductFacet(StoreOwned, db.Model):
    """One option value a product is sold in (Colour = Red), kept in step with
    its options, so category pages can filter by attribute values."""

    __tablename__ = "product_facets"
    __table_args__ = (Index("ix_product_facets_lookup", "name", "value", "product_id"),
                      Index("ix_product_facets_product", "product_id", "name", "value"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)  # lower-cased option name
    value: Mapped[str] = mapped_column(String(40), nullable=False)  # the value as written


class Collection(StoreOwned, db.Model):
    """A store's own in-store category, in the store's order."""

    __tablename__ = "collections"
    __table_args__ = (UniqueConstraint("store_id", "slug", name="uq_collection_store_slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ProductCollection(StoreOwned, db.Model):
    """A product's membership in one of its store's collections."""

    __tablename__ = "product_collections"
    __table_args__ = (UniqueConstraint("collection_id", "product_id", name="uq_product_collection"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), nullable=False)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False,
                                            index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Variant(StoreOwned, db.Model):
    """One sellable variant (SKU): its option values, code, price and stock."""

    __tablename__ = "variants"
    __table_args__ = (UniqueConstraint("store_id", "code", name="uq_variant_store_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False)
    option_values: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    price: Mapped[int] = mapped_column(Integer, nullable=False)  # minor units of the store's base currency
    compare_at_price: Mapped[int | None] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    weight_grams: Mapped[int | None] = mapped_column(Integer)  # overrides the product's weight
    image_id: Mapped[int | None] = mapped_column(ForeignKey("product_images.id", ondelete="SET NULL"))

    product: Mapped[Product] = relationship(back_populates="variants")
    fixed_prices: Mapped[list[VariantPrice]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                            order_by="VariantPrice.currency")

    @property
    def label(self) -> str:
        return " / ".join(self.option_values)


class VariantPrice(StoreOwned, db.Model):
    """A price the merchant fixed for one presentment currency; shoppers in
    that currency see it instead of the converted base price."""

    __tablename__ = "variant_prices"
    __table_args__ = (UniqueConstraint("variant_id", "currency", name="uq_variant_price_currency"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id", ondelete="CASCADE"), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    amount: Mapped[int] = mapped_column(BigInteger, nullable=False)  # minor units of ``currency``


class StockMovement(StoreOwned, db.Model):
    """Every change of a variant's stock, with the balance after it."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id", ondelete="CASCADE"), nullable=False, index=True)
    delta: Mapped[int] = mapped_column(Integer, nullable=False)
    balance: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # adjustment, order, cancellation, return
    reason: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class Favourite(db.Model):
    """A shopper's saved product or store. Belongs to the shopper, not to a
    store: one list across the mall and every storefront."""

    __tablename__ = "favourites"
    __table_args__ = (UniqueConstraint("user_id", "product_id", name="uq_favourite_product"),
                      UniqueConstraint("user_id", "shop_id", name="uq_favourite_shop"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))  # a favourite store
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
