"""A product's texts in other languages, its fixed prices in other currencies,
and the store's own collections. In the current store's scope; they flush,
never commit.

- The product's own ``name``/``description``/``seo_*`` are written in the
  store's default locale; a ``ProductTranslation`` holds another locale's
  texts, and ``localized`` falls back to the product's own field by field.
- ``Variant.price`` is in the store's base currency; a ``VariantPrice`` fixes
  the amount shown to shoppers in one other (enabled) currency, in that
  currency's minor units. Without one, shoppers see the converted base price.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from app.catalog.models import Collection, Product, ProductCollection, ProductTranslation, Variant, VariantPrice
from app.catalog.ordering import swap_with_neighbour
from app.catalog.products import parse_price, sanitise_description
from app.catalog.services import CatalogError, check_slug
from app.config import LOCALES
from app.core.time import utcnow
from app.extensions import db
from app.tenancy.models import Store

NAME_MAX = 200
DESCRIPTION_MAX = 20000
SEO_TITLE_MAX = 160
SEO_DESCRIPTION_MAX = 320
COLLECTION_NAME_MAX = 120
COLLECTION_DESCRIPTION_MAX = 5000
TOO_LONG = _l("Use at most %(max)d characters.")


# --- texts per locale ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LocalizedText:
    name: str
    description: str  # sanitised HTML
    seo_title: str  # may be empty: the page then uses the name
    seo_description: str  # may be empty


def translation_for(product: Product, locale: str) -> ProductTranslation | None:
    """The product's translation row for ``locale`` (from the loaded list, no query)."""
    for translation in product.translations:
        if translation.locale == locale:
            return translation
    return None


def localized(product: Product, locale: str) -> LocalizedText:
    """The product's texts in ``locale`` (a URL code like ``zh-hans``), each
    field falling back to the product's own (the store's default locale) when
    there is no translation or the translated field is empty. No query: reads
    the already-loaded ``product.translations``."""
    translation = translation_for(product, locale)
    if translation is None:
        return LocalizedText(product.name, product.description or "", product.seo_title or "",
                             product.seo_description or "")
    return LocalizedText(translation.name or product.name,
                         translation.description or product.description or "",
                         translation.seo_title or product.seo_title or "",
                         translation.seo_description or product.seo_description or "")


def _store_value(store_id: int, column):
    return db.session.scalar(select(column).where(Store.id == store_id))


def _text(value: str | None, field: str, limit: int) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise CatalogError(_l("Use at most %(max)d characters.", max=limit), field)
    return value


def _touch(product: Product) -> None:
    """Mark the product changed (its ``updated_at`` versions what pages show)."""
    product.updated_at = utcnow()


def save_translation(product: Product, locale: str, *, name: str | None = None, description: str | None = None,
                     seo_title: str | None = None, seo_description: str | None = None,
                     default_locale: str | None = None) -> ProductTranslation | None:
    """Set the product's texts in ``locale``.

    For the store's default locale the name and description are the product's
    own (edited in the product form): only the search-engine title and
    description are written, on the product itself, and None is returned.
    """
    if locale not in LOCALES:
        raise CatalogError(_l("Unknown language."))
    if default_locale is None:
        default_locale = _store_value(product.store_id, Store.default_locale)
    seo_title = _text(seo_title, "seo_title", SEO_TITLE_MAX)
    seo_description = _text(seo_description, "seo_description", SEO_DESCRIPTION_MAX)
    if locale == default_locale:
        product.seo_title, product.seo_description = seo_title or None, seo_description or None
        _touch(product)
        db.session.flush()
        return None
    name = _text(name, "name", NAME_MAX)
    if not name:
        raise CatalogError(_l("This field is required."), "name")
    description = (description or "").strip()
    if len(description) > DESCRIPTION_MAX:
        raise CatalogError(_l("Use at most %(max)d characters.", max=DESCRIPTION_MAX), "description")
    translation = translation_for(product, locale)
    if translation is None:
        translation = ProductTranslation(store_id=product.store_id, locale=locale, name=name)
        product.translations.append(translation)
    translation.name = name
    translation.description = sanitise_description(description)
    translation.seo_title, translation.seo_description = seo_title or None, seo_description or None
    _touch(product)
    db.session.flush()
    return translation


def delete_translation(product: Product, locale: str, *, default_locale: str | None = None) -> bool:
    """Remove the product's texts in ``locale`` (for the default locale: its
    search-engine texts). Returns whether anything was removed."""
    if locale not in LOCALES:
        raise CatalogError(_l("Unknown language."))
    if default_locale is None:
        default_locale = _store_value(product.store_id, Store.default_locale)
    if locale == default_locale:
        changed = bool(product.seo_title or product.seo_description)
        product.seo_title = product.seo_description = None
    else:
        translation = translation_for(product, locale)
        changed = translation is not None
        if translation is not None:
            product.translations.remove(translation)
    if changed:
        _touch(product)
    db.session.flush()
    return changed


# --- fixed prices per currency -----------------------------------------------------------

def fixed_price(variant: Variant, currency: str) -> int | None:
    """The amount (minor units of ``currency``) the merchant fixed for this
    variant, or None to convert the base price. No query: reads the loaded
    ``variant.fixed_prices``."""
    for row in variant.fixed_prices:
        if row.currency == currency:
            return row.amount
    return None


def _check_currency(currency: str, base_currency: str) -> str:
    from app.i18n.rates import enabled_currencies

    currency = (currency or "").strip().upper()
    if currency == base_currency:
        raise CatalogError(_l("%(code)s is your store's own currency: set that price on the variant itself.",
                              code=currency), "amount")
    if currency not in enabled_currencies():
        raise CatalogError(_l("Shoppers cannot pay in %(code)s, so it cannot have a fixed price.", code=currency[:3]),
                           "amount")
    return currency


def set_fixed_price(variant: Variant, currency: str, amount_text: str | None, *,
                    base_currency: str | None = None) -> VariantPrice | None:
    """Fix the variant's price in ``currency`` (an enabled currency other than
    the store's base currency), typed in that currency's major units with at
    most its number of decimals (none for JPY). Empty text clears it."""
    if not (amount_text or "").strip():
        clear_fixed_price(variant, currency)
        return None
    if base_currency is None:
        base_currency = _store_value(variant.store_id, Store.base_currency)
    currency = _check_currency(currency, base_currency)
    amount = parse_price(amount_text or "", currency, "amount")
    row = next((r for r in variant.fixed_prices if r.currency == currency), None)
    if row is None:
        row = VariantPrice(store_id=variant.store_id, currency=currency, amount=amount)
        variant.fixed_prices.append(row)
    row.amount = amount
    _touch(variant.product)
    db.session.flush()
    return row


def clear_fixed_price(variant: Variant, currency: str) -> bool:
    """Go back to the converted price in ``currency``. Allowed for any
    currency (also one no longer enabled). Returns whether a price was removed."""
    currency = (currency or "").strip().upper()
    row = next((r for r in variant.fixed_prices if r.currency == currency), None)
    if row is None:
        return False
    variant.fixed_prices.remove(row)
    _touch(variant.product)
    db.session.flush()
    return True


# --- the store's collections ---------------------------------------------------------------

def ordered_collections() -> list[Collection]:
    return list(db.session.scalars(select(Collection).order_by(Collection.position, Collection.id)))


def save_collection(collection: Collection | None, *, name: str, slug: str, description: str | None = None) -> Collection:
    """Create (``collection`` None, placed last) or update a collection."""
    name = _text(name, "name", COLLECTION_NAME_MAX)
    if not name:
        raise CatalogError(_l("This field is required."), "name")
    slug = check_slug(slug, model=Collection, current_id=collection.id if collection else None)
    description = (description or "").strip()
    if len(description) > COLLECTION_DESCRIPTION_MAX:
        raise CatalogError(_l("Use at most %(max)d characters.", max=COLLECTION_DESCRIPTION_MAX), "description")
    if collection is None:
        last = db.session.scalar(select(func.max(Collection.position)))
        collection = Collection(name=name, slug=slug, position=0 if last is None else last + 1)
        db.session.add(collection)
    collection.name, collection.slug = name, slug
    collection.description = sanitise_description(description)
    db.session.flush()
    return collection


def move_collection(collection: Collection, direction: str) -> bool:
    """Swap a collection with the previous (``up``) or next (``down``) one."""
    rows = ordered_collections()
    return swap_with_neighbour(rows, rows.index(collection), direction)


def delete_collection(collection: Collection) -> None:
    """Delete a collection (its products stay; only their membership goes)."""
    db.session.execute(delete(ProductCollection).where(ProductCollection.collection_id == collection.id))
    db.session.delete(collection)
    db.session.flush()


def collection_products(collection: Collection) -> list[Product]:
    """The collection's products in the collection's order."""
    return list(db.session.scalars(
        select(Product).join(ProductCollection, ProductCollection.product_id == Product.id)
        .where(ProductCollection.collection_id == collection.id)
        .order_by(ProductCollection.position, ProductCollection.id)))


def product_collection_ids(product: Product) -> set[int]:
    return set(db.session.scalars(select(ProductCollection.collection_id)
                                  .where(ProductCollection.product_id == product.id)))


def set_product_collections(product: Product, collection_ids) -> set[int]:
    """Put the product in exactly these collections of the current store (new
    memberships go last in their collection). An id that is not one of this
    store's collections is refused and nothing changes."""
    wanted: set[int] = set()
    for value in collection_ids or ():
        try:
            wanted.add(int(value))
        except (TypeError, ValueError) as exc:
            raise CatalogError(_l("Choose one of the options."), "collection_ids") from exc
    if wanted:
        found = set(db.session.scalars(select(Collection.id).where(Collection.id.in_(wanted))))
        if found != wanted:
            raise CatalogError(_l("Choose one of the options."), "collection_ids")
    rows = db.session.scalars(select(ProductCollection).where(ProductCollection.product_id == product.id)).all()
    current = {row.collection_id for row in rows}
    for row in rows:
        if row.collection_id not in wanted:
            db.session.delete(row)
    for collection_id in sorted(wanted - current):
        last = db.session.scalar(select(func.max(ProductCollection.position))
                                 .where(ProductCollection.collection_id == collection_id))
        db.session.add(ProductCollection(store_id=product.store_id, collection_id=collection_id, product_id=product.id,
                                         position=0 if last is None else last + 1))
    if wanted != current:
        _touch(product)
    db.session.flush()
    return wanted


def move_collection_product(collection: Collection, product_id: int, direction: str) -> bool:
    """Move a product up or down within a collection. False when the product
    is not in the collection or is already at that end."""
    rows = list(db.session.scalars(select(ProductCollection).where(ProductCollection.collection_id == collection.id)
                                   .order_by(ProductCollection.position, ProductCollection.id)))
    index = next((i for i, row in enumerate(rows) if row.product_id == product_id), None)
    if index is None:
        return False
    return swap_with_neighbour(rows, index, direction)
