"""Factories: build users, stores and memberships straight through the models
(fast), or through the services where a test is about the service."""

from __future__ import annotations

import itertools

from app.accounts.models import PlatformRole, User
from app.core.time import utcnow
from app.extensions import db
from app.tenancy.models import Membership, Role, Store, StoreStatus, StoreType
from app.tenancy.resolver import clear_tenant_cache
from app.tenancy.scope import store_scope

PASSWORD = "correct-horse-battery"  # 21 characters: fine for staff too
_seq = itertools.count(1)


def make_user(email: str | None = None, *, password: str = PASSWORD, name: str = "",
              platform_role: PlatformRole | None = None, verified: bool = True,
              locale: str | None = None) -> User:
    user = User(email=(email or f"user{next(_seq)}@example.com").lower(), name=name,
                platform_role=platform_role, preferred_locale=locale)
    user.set_password(password)
    if verified:
        user.email_verified_at = utcnow()
    db.session.add(user)
    db.session.commit()
    return user


def make_store(slug: str | None = None, *, name: str | None = None, status: StoreStatus = StoreStatus.OPEN,
               type: StoreType = StoreType.THIRD_PARTY, locale: str = "en", currency: str = "USD",
               country: str = "US", owner: User | None = None) -> Store:
    slug = slug or f"store{next(_seq)}"
    store = Store(slug=slug, name=name or slug.title(), status=status, type=type, country=country,
                  time_zone="UTC", default_locale=locale, base_currency=currency)
    db.session.add(store)
    db.session.commit()
    if owner is not None:
        add_member(store, owner, Role.OWNER)
    clear_tenant_cache()
    return store


def add_member(store: Store, user: User, role: Role = Role.STAFF) -> Membership:
    with store_scope(store.id):
        membership = Membership(store_id=store.id, user_id=user.id, role=role)
        db.session.add(membership)
        db.session.commit()
    return membership


def enable_currency(code: str, rate: str) -> None:
    """Offer ``code`` to shoppers at ``rate`` units per platform currency unit."""
    from app.i18n import rates
    from app.i18n.models import Currency

    db.session.add(Currency(code=code, enabled=True))
    db.session.flush()
    rates.set_rate(code, rate, actor_id=None)
    db.session.commit()


def approve_category(store: Store, category_id: int) -> None:
    from app.catalog.models import ApplicationState, StoreCategory

    with store_scope(store.id):
        db.session.add(StoreCategory(store_id=store.id, category_id=category_id, state=ApplicationState.APPROVED))
        db.session.commit()


def make_product(store: Store, category_id: int, name: str, *, slug: str | None = None, price: str = "10.00",
                 options: str = "", stock: int = 10, brand_id: int | None = None, gtin: str = "",
                 on_shelf: bool = True, status: str = "active", approved: bool = True):
    """A product through the catalog services (variants, listing columns,
    facets), every variant stocked with ``stock``; approved by the platform
    unless ``approved`` is False. Returns the product's id."""
    from app.catalog import products
    from app.catalog.models import ModerationState

    with store_scope(store.id):
        product = products.save_product(
            None, currency=store.base_currency, name=name, slug=slug or name.lower().replace(" ", "-"),
            category_id=category_id, brand_id=brand_id, description=f"<p>{name} description</p>", status=status,
            on_shelf=on_shelf, weight_grams=300, hs_code="", origin_country="", gtin=gtin, options_text=options,
            price_text=price)
        for variant in product.variants:
            if stock:
                products.adjust_stock(variant, delta=stock, reason="opening stock", actor_id=None)
        if approved:
            product.moderation = ModerationState.APPROVED
        db.session.commit()
        return product.id
