"""The platform catalog: the category tree (names per locale, commission
rates) and brands. Products come with the rest of the catalog issue."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


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


class Product(StoreOwned, db.Model):
    """A store's product (SPU). Prices and stock live on its variants."""

    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("store_id", "slug", name="uq_product_store_slug"),)

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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)

    category: Mapped[Category] = relationship(lazy="joined")
    variants: Mapped[list[Variant]] = relationship(back_populates="product", cascade="all, delete-orphan",
                                                   order_by="Variant.position", lazy="selectin")


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

    product: Mapped[Product] = relationship(back_populates="variants")

    @property
    def label(self) -> str:
        return " / ".join(self.option_values)


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
