"""What shoppers may see of the catalog, and how listing pages query it.

Visible means: the store is open and not expired; the product is active, on
the shelf and approved by the platform; and the store is approved for the
product's category. Everything else 404s. On the mall (no tenant scope) every
query here opts in to reading across stores; on a storefront the tenant scope
restricts it to the store.

Prices: listing columns on products (``price_min``, ``price_max``) are in the
store's base currency. Where several stores' prices meet (mall sorting and the
price filter) they are compared in the platform currency at current rates
(``compare_price``), and shown in the shopper's display currency: the
merchant's fixed price for that currency when set, else the base price
converted at the current rate and rounded to the currency's minor unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from flask import current_app
from sqlalchemy import Numeric, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import raiseload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.catalog.models import (
    ApplicationState,
    Collection,
    Favourite,
    ModerationState,
    Product,
    ProductCollection,
    ProductFacet,
    ProductStatus,
    ProductTranslation,
    StoreCategory,
    Variant,
    VariantPrice,
)
from app.core.cache import cached
from app.core.time import utcnow
from app.extensions import db
from app.i18n.money import Money, exponent
from app.i18n.rates import current_rates, platform_currency
from app.tenancy.models import Store, StoreStatus
from app.tenancy.scope import current_store_id

SORTS = ("relevance", "price_asc", "price_desc", "newest", "best_selling")
MAX_PAGE = 400


def across() -> dict:
    """Execution options for shopper reads: across stores on the mall (no
    tenant scope), but never on a storefront, whose scope must keep applying."""
    return {} if current_store_id() is not None else {"all_stores": True}


def visible() -> list:
    """Conditions on Product joined with Store that make a product visible."""
    return [
        Store.status == StoreStatus.OPEN,
        or_(Store.expires_at.is_(None), Store.expires_at > utcnow()),
        Product.status == ProductStatus.ACTIVE,
        Product.on_shelf.is_(True),
        Product.moderation == ModerationState.APPROVED,
        exists().where(StoreCategory.store_id == Product.store_id, StoreCategory.category_id == Product.category_id,
                       StoreCategory.state == ApplicationState.APPROVED),
    ]


def visible_products():
    """A select of visible products with their store: across stores on the
    mall, the scoped store's only on a storefront."""
    return (select(Product, Store).join(Store, Store.id == Product.store_id).where(*visible())
            .execution_options(**across()))


def compare_price():
    """``Product.price_min`` in platform-currency minor units at current rates
    (for ordering and filtering across currencies; never stored or shown)."""
    base = platform_currency()
    whens = {}
    for code, rate in current_rates().items():
        factor = (Decimal(10) ** (exponent(base) - exponent(code))) / rate.rate
        whens[code] = literal(factor, Numeric(38, 18))
    return Product.price_min * case(whens, value=Store.base_currency, else_=None)


# --- cards ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Card:
    """What a listing shows of one product."""

    id: int
    slug: str
    name: str
    store_slug: str
    store_name: str
    cover_key: str | None
    price: Money | None
    compare_at: Money | None
    several_prices: bool
    in_stock: bool


def display_amount(base: int, base_currency: str, fixed: int | None, currency: str) -> Money:
    """A price as the shopper sees it in ``currency``."""
    if fixed is not None and currency != base_currency:
        return Money(fixed, currency)
    money = Money(base, base_currency)
    if currency == base_currency:
        return money
    from app.i18n.rates import RateError, convert

    try:
        return convert(money, currency)
    except RateError:  # no current rate for one of them: show the store's own price rather than fail
        return money


def cards(rows: list[tuple[Product, Store]], locale: str, currency: str) -> list[Card]:
    """Cards for (product, store) rows in their order, with one query: every
    variant's price, any fixed price in ``currency`` and the name in ``locale``."""
    ids = [p.id for p, _s in rows]
    if not ids:
        return []
    names: dict[int, str] = {}
    prices: dict[int, list[tuple[int, int | None, int | None]]] = {}
    for product_id, price, compare_at, fixed, name in db.session.execute(
            select(Variant.product_id, Variant.price, Variant.compare_at_price, VariantPrice.amount,
                   ProductTranslation.name)
            .outerjoin(VariantPrice, and_(VariantPrice.variant_id == Variant.id, VariantPrice.currency == currency))
            .outerjoin(ProductTranslation, and_(ProductTranslation.product_id == Variant.product_id,
                                                ProductTranslation.locale == locale))
            .where(Variant.product_id.in_(ids)).order_by(Variant.product_id, Variant.position, Variant.id)
            .execution_options(**across())):
        prices.setdefault(product_id, []).append((price, compare_at, fixed))
        if name:
            names[product_id] = name
    out = []
    for product, store in rows:
        shown = [(display_amount(p, store.base_currency, f, currency), c) for p, c, f in prices.get(product.id, [])]
        cheapest = min(shown, key=lambda pair: pair[0].amount) if shown else None
        compare_at = None
        if cheapest is not None and cheapest[1] is not None and cheapest[1] > 0:
            compare_at = display_amount(cheapest[1], store.base_currency, None, currency)
            if compare_at.amount <= cheapest[0].amount:
                compare_at = None
        out.append(Card(
            id=product.id, slug=product.slug, name=names.get(product.id) or product.name, store_slug=store.slug,
            store_name=store.name, cover_key=product.cover_key, price=cheapest[0] if cheapest else None,
            compare_at=compare_at, several_prices=len({m.amount for m, _c in shown}) > 1, in_stock=product.in_stock))
    return out


# --- listing pages -------------------------------------------------------------------------

@dataclass
class Listing:
    """What a category, collection or store page asks for."""

    category_ids: list[int] | None = None
    collection_id: int | None = None
    store_id: int | None = None
    brand_ids: list[int] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)  # lower-case option name -> values
    price_min: int | None = None  # minor units of the compare currency
    price_max: int | None = None
    in_stock: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = 24


@dataclass
class ListingResult:
    rows: list[tuple[Product, Store]]
    total: int
    pages: int
    brand_counts: list[tuple[int, int]]  # (brand id, products)
    facet_counts: dict[str, list[tuple[str, int]]]  # option name -> [(value, products)]


def _scope_conditions(listing: Listing) -> list:
    """Which products the listing is about (the category, collection or store);
    visibility comes on top (``visible()``, or ``visible_products()``)."""
    conditions = []
    if listing.category_ids is not None:
        conditions.append(Product.category_id.in_(listing.category_ids))
    if listing.collection_id is not None:
        conditions.append(Product.id.in_(select(ProductCollection.product_id)
                                         .where(ProductCollection.collection_id == listing.collection_id)))
    if listing.store_id is not None:
        conditions.append(Product.store_id == listing.store_id)
    return conditions


def _filter_conditions(listing: Listing, *, single_currency: bool, skip: str | None = None) -> list:
    conditions = []
    if listing.brand_ids and skip != "brand":
        conditions.append(Product.brand_id.in_(listing.brand_ids))
    for name, values in listing.facets.items():
        if values and skip != f"facet:{name}":
            conditions.append(Product.id.in_(select(ProductFacet.product_id).where(
                ProductFacet.name == name, ProductFacet.value.in_(values))))
    price = Product.price_min if single_currency else compare_price()
    if listing.price_min is not None:
        conditions.append(price >= listing.price_min)
    if listing.price_max is not None:
        conditions.append(price <= listing.price_max)
    if listing.in_stock:
        conditions.append(Product.in_stock.is_(True))
    return conditions


def _counts(listing: Listing, base: list, filters: list, single_currency: bool, names: tuple[str, ...]):
    """The total and the brand and option counts of a listing (three queries),
    kept per process for LISTING_COUNTS_TTL seconds: they are the expensive
    part of a big category's page and may lag a change by that long (the
    products shown never do)."""
    key = ("listing-counts", current_store_id(), tuple(listing.category_ids or ()), listing.collection_id,
           listing.store_id, tuple(listing.brand_ids), tuple(sorted((k, tuple(v)) for k, v in listing.facets.items())),
           listing.price_min, listing.price_max, listing.in_stock, single_currency, names)

    def load():
        joined = select(Product.id).join(Store, Store.id == Product.store_id)
        total = db.session.scalar(select(func.count()).select_from(
            joined.where(*base, *filters).subquery()).execution_options(**across())) or 0
        brand_filters = _filter_conditions(listing, single_currency=single_currency, skip="brand")
        brand_counts = tuple((b, n) for b, n in db.session.execute(
            select(Product.brand_id, func.count()).join(Store, Store.id == Product.store_id)
            .where(*base, *brand_filters, Product.brand_id.is_not(None))
            .group_by(Product.brand_id).execution_options(**across())).all())
        facet_counts: dict[str, list[tuple[str, int]]] = {}
        if names:
            # One query for every option: counts under all filters but that option's
            # own are approximated by the other filters when only one option is chosen.
            other = _filter_conditions(listing, single_currency=single_currency,
                                       skip=f"facet:{next(iter(listing.facets))}" if len(listing.facets) == 1 else None)
            for name, value, count in db.session.execute(
                    # One facet row per (product, option, value): count(*) counts products.
                    select(ProductFacet.name, ProductFacet.value, func.count())
                    .join(Product, Product.id == ProductFacet.product_id).join(Store, Store.id == Product.store_id)
                    .where(*base, *other, ProductFacet.name.in_(names))
                    .group_by(ProductFacet.name, ProductFacet.value).execution_options(**across())):
                facet_counts.setdefault(name, []).append((value, count))
        return total, brand_counts, facet_counts

    return cached(key, load, ttl=current_app.config.get("LISTING_COUNTS_TTL", 0))


def run_listing(listing: Listing, *, single_currency: bool, facet_names: Iterable[str] = ()) -> ListingResult:
    """One page of products, the total, and facet counts (brand counts ignore
    the brand filter; an option's counts ignore that option's own filter, so
    the shopper can widen a choice). At most four queries; the three counting
    ones are kept per process (``_counts``)."""
    scope = _scope_conditions(listing)
    base = [*visible(), *scope]
    filters = _filter_conditions(listing, single_currency=single_currency)
    names = tuple(n.lower() for n in facet_names)
    total, brand_counts, facet_counts = _counts(listing, base, filters, single_currency, names)
    pages = max(1, -(-total // listing.page_size))
    page = min(max(listing.page, 1), pages, MAX_PAGE)
    price = Product.price_min if single_currency else compare_price()
    order = {
        "price_asc": [price.asc().nulls_last(), Product.id],
        "price_desc": [price.desc().nulls_last(), Product.id],
        "newest": [Product.published_at.desc().nulls_last(), Product.id.desc()],
        "best_selling": [Product.units_sold.desc(), Product.published_at.desc().nulls_last(), Product.id.desc()],
    }.get(listing.sort, [Product.units_sold.desc(), Product.published_at.desc().nulls_last(), Product.id.desc()])
    stmt = (visible_products().where(*scope, *filters).order_by(*order)
            .limit(listing.page_size).offset((page - 1) * listing.page_size)
            .options(raiseload(Product.variants), raiseload(Product.images), raiseload(Product.translations),
                     raiseload(Product.category)))
    rows = [(p, s) for p, s in db.session.execute(stmt).all()]
    return ListingResult(rows=rows, total=total, pages=pages, brand_counts=list(brand_counts),
                         facet_counts={k: list(v) for k, v in facet_counts.items()})


def simple_rows(*, order: str, limit: int, store_id: int | None = None,
                ids: list[int] | None = None) -> list[tuple[Product, Store]]:
    """Visible products for home-page sections: newest, best sellers, or given ids."""
    stmt = visible_products().options(raiseload(Product.variants), raiseload(Product.images),
                                      raiseload(Product.translations), raiseload(Product.category))
    if store_id is not None:
        stmt = stmt.where(Product.store_id == store_id)
    if ids is not None:
        if not ids:
            return []
        rows = {p.id: (p, s) for p, s in db.session.execute(stmt.where(Product.id.in_(ids))).all()}
        return [rows[i] for i in ids if i in rows][:limit]
    if order == "best_selling":
        stmt = stmt.where(Product.units_sold > 0).order_by(Product.units_sold.desc(), Product.id.desc())
    else:
        # A visible product has been published; the plain descending order lets
        # both databases walk the published_at index backwards.
        stmt = stmt.where(Product.published_at.is_not(None)).order_by(Product.published_at.desc(), Product.id.desc())
    return [(p, s) for p, s in db.session.execute(stmt.limit(limit)).all()]


# --- one product -----------------------------------------------------------------------

def visible_product(slug: str, *, store_slug: str | None = None, locale: str | None = None,
                    user_id: int | None = None) -> tuple[Product, Store, bool] | None:
    """A visible product by its slug: in the scoped store (storefront) or in
    the store named by ``store_slug`` (mall), and whether ``user_id`` saved it.

    Its variants and images come with it (one query each); its translations
    only when ``locale`` is not the store's own language. Fixed prices are
    not loaded: see ``fixed_prices``."""
    saved = (exists().where(Favourite.user_id == user_id, Favourite.product_id == Product.id)
             if user_id is not None else literal(False))
    stmt = (select(Product, Store, saved.label("saved")).join(Store, Store.id == Product.store_id)
            .where(*visible(), Product.slug == slug).execution_options(**across())
            .options(raiseload(Product.category), selectinload(Product.variants).raiseload(Variant.fixed_prices),
                     raiseload(Product.translations)))
    if store_slug is not None:
        stmt = stmt.where(Store.slug == store_slug)
    row = db.session.execute(stmt).first()
    if row is None:
        return None
    product, store, is_saved = row
    translations = []
    if locale is not None and locale != store.default_locale:  # else its own fields are in this language
        translations = list(db.session.scalars(
            select(ProductTranslation).where(ProductTranslation.product_id == product.id,
                                             ProductTranslation.locale == locale).execution_options(**across())))
    set_committed_value(product, "translations", translations)
    return product, store, bool(is_saved)


def fixed_prices(variant_ids: list[int], currency: str) -> dict[int, int]:
    """The merchant's fixed prices in ``currency`` for these variants."""
    if not variant_ids:
        return {}
    return dict(db.session.execute(
        select(VariantPrice.variant_id, VariantPrice.amount)
        .where(VariantPrice.variant_id.in_(variant_ids), VariantPrice.currency == currency)
        .execution_options(**across())).all())


def other_sellers(product: Product, limit: int = 6) -> list[tuple[Product, Store]]:
    """Visible products of other stores with the same GTIN (mall)."""
    if not product.gtin:
        return []
    stmt = (visible_products().where(Product.gtin == product.gtin, Product.store_id != product.store_id)
            .options(raiseload(Product.variants), raiseload(Product.images), raiseload(Product.translations),
                     raiseload(Product.category)).limit(limit))
    return [(p, s) for p, s in db.session.execute(stmt).all()]


def visible_collection(slug: str, store_id: int) -> Collection | None:
    return db.session.scalar(select(Collection).where(Collection.slug == slug, Collection.store_id == store_id)
                             .execution_options(**across()))


def store_collections(store_id: int) -> list[Collection]:
    return list(db.session.scalars(select(Collection).where(Collection.store_id == store_id)
                                   .order_by(Collection.position, Collection.name).execution_options(**across())))


def serving_store(slug: str) -> Store | None:
    """An open, unexpired store by slug (the mall's store pages)."""
    store = db.session.scalar(select(Store).where(Store.slug == slug, Store.status == StoreStatus.OPEN))
    return store if store is not None and store.is_serving() else None
