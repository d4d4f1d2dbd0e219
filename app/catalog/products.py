"""Products and their variants, in the current store's scope. They flush,
never commit. Prices are integer minor units of the store's base currency."""

from __future__ import annotations

import itertools
import re

import nh3
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, update

from app.catalog.models import (
    Brand,
    ModerationState,
    Product,
    ProductFacet,
    ProductStatus,
    StockMovement,
    Variant,
)
from app.catalog.services import CatalogError, approved_category_ids
from app.catalog.settings import get_setting
from app.core.time import utcnow
from app.extensions import db
from app.i18n.money import Money, MoneyError, exponent
from app.tenancy.models import Store, StoreType

MAX_OPTIONS = 3
MAX_VALUES = 20
MAX_VARIANTS = 100
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
HS_RE = re.compile(r"^\d{6,10}$")
GTIN_RE = re.compile(r"^\d{8}$|^\d{12,14}$")

# What a merchant's description may contain: text structure and links, no
# scripts, no event handlers, no style attributes, no images from elsewhere.
ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitise_description(html: str) -> str:
    return nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel="nofollow noopener",
                     url_schemes={"http", "https", "mailto"}).strip()


def parse_options(text: str) -> list[dict]:
    """Lines like ``Colour: Red, Blue`` into [{"name": "Colour", "values": ["Red", "Blue"]}]."""
    options: list[dict] = []
    # Accept the full-width colon and comma of CJK keyboards and the Arabic comma.
    text = (text or "").translate(str.maketrans({"：": ":", "，": ",", "、": ",", "،": ","}))
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        name, sep, values_text = line.partition(":")
        values = [v.strip() for v in values_text.split(",") if v.strip()]
        if not sep or not name.strip() or not values:
            raise CatalogError(_l("Write each option on its own line as Name: value, value (like Size: S, M, L)."),
                               "options")
        if len(values) > MAX_VALUES or len(set(v.lower() for v in values)) != len(values):
            raise CatalogError(_l("An option has at most %(n)d different values.", n=MAX_VALUES), "options")
        if any(len(v) > 40 for v in values) or len(name.strip()) > 40:
            raise CatalogError(_l("Option names and values are at most 40 characters."), "options")
        options.append({"name": name.strip(), "values": values})
    if len(options) > MAX_OPTIONS:
        raise CatalogError(_l("A product has at most %(n)d options.", n=MAX_OPTIONS), "options")
    if len({o["name"].lower() for o in options}) != len(options):
        raise CatalogError(_l("Each option needs its own name."), "options")
    combinations = 1
    for option in options:
        combinations *= len(option["values"])
    if combinations > MAX_VARIANTS:
        raise CatalogError(_l("These options make more than %(n)d variants.", n=MAX_VARIANTS), "options")
    return options


def combinations(options: list[dict]) -> list[list[str]]:
    if not options:
        return [[]]
    return [list(combo) for combo in itertools.product(*(o["values"] for o in options))]


def parse_price(text: str, currency: str, field: str = "price", *, required: bool = True) -> int | None:
    text = (text or "").strip()
    if not text:
        if required:
            raise CatalogError(_l("This field is required."), field)
        return None
    try:
        money = Money.parse(text, currency)
    except MoneyError as exc:
        if "decimal places" in str(exc):
            raise CatalogError(_l("%(currency)s prices have at most %(n)d decimal places.", currency=currency,
                                  n=exponent(currency)), field) from exc
        raise CatalogError(_l("Enter a price like 19.99."), field) from exc
    if money.amount < 0:
        raise CatalogError(_l("A price cannot be negative."), field)
    if money.amount > 10**12:
        raise CatalogError(_l("The price is too large."), field)
    return money.amount


def _check_fields(*, slug: str, category_id: int, brand_id: int | None, hs_code: str, gtin: str,
                  origin_country: str, weight_grams: int | None, product_id: int | None) -> None:
    if not SLUG_RE.match(slug):
        raise CatalogError(_l("Use lower-case ASCII letters, digits and hyphens (up to 120), like linen-shirt."), "slug")
    clash = db.session.scalar(select(Product.id).where(Product.slug == slug))
    if clash is not None and clash != product_id:
        raise CatalogError(_l("Another product of this store uses this address."), "slug")
    if category_id not in approved_category_ids():
        raise CatalogError(_l("Your store is not approved for this category. Apply for it under Categories."),
                           "category_id")
    if brand_id is not None and db.session.get(Brand, brand_id) is None:
        raise CatalogError(_l("Choose one of the options."), "brand_id")
    if hs_code and not HS_RE.match(hs_code):
        raise CatalogError(_l("An HS code is 6 to 10 digits."), "hs_code")
    if gtin and not GTIN_RE.match(gtin):
        raise CatalogError(_l("A GTIN (barcode) is 8, 12, 13 or 14 digits."), "gtin")
    if origin_country and not re.match(r"^[A-Z]{2}$", origin_country):
        raise CatalogError(_l("Choose one of the options."), "origin_country")
    if weight_grams is not None and not 0 <= weight_grams <= 1_000_000:
        raise CatalogError(_l("Enter the weight in grams, up to 1,000,000."), "weight_grams")


def save_product(product: Product | None, *, currency: str, name: str, slug: str, category_id: int,
                 brand_id: int | None, description: str, status: str, on_shelf: bool, weight_grams: int | None,
                 hs_code: str, origin_country: str, gtin: str, options_text: str | None = None,
                 price_text: str | None = None) -> Product:
    """Create a product with one variant per option combination (all at the
    given price), or update a product's own fields."""
    name = (name or "").strip()
    slug = (slug or "").strip().lower()
    hs_code, gtin, origin_country = (hs_code or "").strip(), (gtin or "").strip(), (origin_country or "").strip().upper()
    if not name:
        raise CatalogError(_l("This field is required."), "name")
    _check_fields(slug=slug, category_id=category_id, brand_id=brand_id, hs_code=hs_code, gtin=gtin,
                  origin_country=origin_country, weight_grams=weight_grams, product_id=product.id if product else None)
    creating = product is None
    if creating:
        options = parse_options(options_text or "")
        price = parse_price(price_text or "", currency)
        product = Product(options=options, moderation=initial_moderation())
        db.session.add(product)
    elif product.moderation in (ModerationState.REJECTED, ModerationState.TAKEN_DOWN):
        # An edit after a rejection or take-down goes back to the platform's queue.
        product.moderation, product.moderated_at = ModerationState.PENDING, None
    product.name, product.slug, product.category_id, product.brand_id = name, slug, category_id, brand_id
    product.description = sanitise_description(description)
    product.status = ProductStatus(status)
    product.on_shelf = bool(on_shelf)
    product.weight_grams = weight_grams
    product.hs_code, product.gtin, product.origin_country = hs_code or None, gtin or None, origin_country or None
    db.session.flush()
    if creating:
        for position, values in enumerate(combinations(product.options)):
            code = _free_code(f"{slug}-{position + 1}".upper()[:64])
            product.variants.append(Variant(code=code, option_values=values, position=position, price=price, stock=0,
                                            store_id=product.store_id))
        db.session.flush()
        sync_facets(product)
    refresh_listing(product)
    return product


def initial_moderation() -> ModerationState:
    """New products of third-party stores wait for approval when the platform
    says so; the current store is the one in scope."""
    from app.tenancy.scope import current_store_id

    store_type = db.session.scalar(select(Store.type).where(Store.id == current_store_id()))
    if store_type == StoreType.THIRD_PARTY and get_setting("moderate_third_party_products"):
        return ModerationState.PENDING
    return ModerationState.APPROVED


def refresh_listing(product: Product) -> None:
    """Keep the product's listing columns (price range, in stock, first
    publication) in step with its variants. Flushes."""
    prices = [v.price for v in product.variants]
    product.price_min = min(prices) if prices else None
    product.price_max = max(prices) if prices else None
    product.in_stock = any(v.stock > 0 for v in product.variants)
    if product.published_at is None and product.status == ProductStatus.ACTIVE and product.on_shelf:
        product.published_at = utcnow()
    db.session.flush()


def sync_facets(product: Product) -> None:
    """One facet row per option value the product is sold in."""
    db.session.execute(delete(ProductFacet).where(ProductFacet.product_id == product.id))
    for option in product.options:
        for value in option["values"]:
            db.session.add(ProductFacet(product_id=product.id, name=option["name"].strip().lower()[:40],
                                        value=value[:40], store_id=product.store_id))
    db.session.flush()


def _free_code(wanted: str) -> str:
    code, n = wanted, 1
    while db.session.scalar(select(Variant.id).where(Variant.code == code)) is not None:
        n += 1
        code = f"{wanted[:60]}-{n}"
    return code


def update_variant(variant: Variant, *, currency: str, code: str, price_text: str, compare_at_text: str) -> Variant:
    code = (code or "").strip()
    if not CODE_RE.match(code):
        raise CatalogError(_l("Use up to 64 letters, digits, dots, hyphens or underscores."), "code")
    clash = db.session.scalar(select(Variant.id).where(Variant.code == code))
    if clash is not None and clash != variant.id:
        raise CatalogError(_l("Another variant of this store uses this code."), "code")
    price = parse_price(price_text, currency)
    compare_at = parse_price(compare_at_text, currency, "compare_at", required=False)
    if compare_at is not None and compare_at <= price:
        raise CatalogError(_l("The compare-at price must be higher than the price."), "compare_at")
    variant.code, variant.price, variant.compare_at_price = code, price, compare_at
    db.session.flush()
    refresh_listing(variant.product)
    return variant


def adjust_stock(variant: Variant, *, delta: int, reason: str, actor_id: int | None,
                 kind: str = "adjustment") -> StockMovement:
    """Change a variant's stock and record it in the ledger. Never below zero."""
    if delta == 0:
        raise CatalogError(_l("Enter a change other than zero, like 10 or -2."), "delta")
    reason = (reason or "").strip()
    if kind == "adjustment" and not reason:
        raise CatalogError(_l("Say why the stock changes (received, counted, damaged...)."), "reason")
    # A conditional UPDATE, so concurrent changes can never take stock below zero.
    changed = db.session.execute(
        update(Variant).where(Variant.id == variant.id, Variant.stock + delta >= 0)
        .values(stock=Variant.stock + delta).execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        raise CatalogError(_l("Stock cannot go below zero."), "delta")
    db.session.refresh(variant, ["stock"])
    refresh_listing(variant.product)
    movement = StockMovement(store_id=variant.store_id, variant_id=variant.id, delta=delta, balance=variant.stock,
                             kind=kind, reason=reason or None, actor_id=actor_id)
    db.session.add(movement)
    db.session.flush()
    return movement


LOW_STOCK = 5  # a variant at or below this many units is flagged in the console


def set_on_shelf(product_ids: list[int], on_shelf: bool) -> int:
    """Put products on (or take them off) the shelf in one go; returns how many
    of the current store's products changed. Ids of other stores match nothing."""
    if not product_ids:
        raise CatalogError(_l("Select at least one product."), "product_ids")
    products = db.session.scalars(select(Product).where(Product.id.in_(product_ids))).all()
    for product in products:
        product.on_shelf = on_shelf
        refresh_listing(product)
    db.session.flush()
    return len(products)
