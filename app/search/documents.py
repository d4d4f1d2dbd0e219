"""What the search index holds of a product, read from the database.

Only products the browse pages may show become documents (the same
``browse.visible()`` conditions); every other id given to ``documents_for``
comes back in the list of ids to remove. A document carries the product's
texts per locale, its codes, brand and category names, and the few values
search filters, facets and sorts on.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import nh3
from sqlalchemy import select
from sqlalchemy.orm import raiseload

from app.catalog.browse import visible
from app.catalog.index import brands, categories
from app.catalog.models import Product, ProductTranslation, Variant
from app.extensions import db
from app.tenancy.models import Store

BODY_LIMIT = 4000  # characters of a description worth indexing
BATCH = 500


@dataclass
class ProductDocument:
    id: int
    store_id: int
    store_slug: str
    slug: str
    names: dict[str, str]  # url locale -> name (the store's default locale always present)
    bodies: dict[str, str]  # url locale -> plain text of the description
    extra: dict[str, list[str]] = field(default_factory=dict)  # url locale -> option values
    brand_id: int | None = None
    brand_name: str = ""
    category_path: list[int] = field(default_factory=list)  # root first
    codes: list[str] = field(default_factory=list)  # variant codes, GTIN
    price: int | None = None  # lowest price, minor units of ``currency`` (the store's base)
    currency: str = ""
    in_stock: bool = False
    published: int = 0  # epoch milliseconds (newest first needs more than seconds)
    sold: int = 0


def text_of(description: str | None) -> str:
    """A sanitised HTML description as plain text."""
    if not description:
        return ""
    return " ".join(html.unescape(nh3.clean(description[: BODY_LIMIT * 2], tags=set())).split())[:BODY_LIMIT]


def _document(product: Product, store: Store, translations: list[ProductTranslation],
              variants: list[Variant]) -> ProductDocument:
    index = categories()
    home = store.default_locale
    names = {home: product.name}
    bodies = {home: text_of(product.description)}
    for t in translations:
        names[t.locale] = t.name
        bodies[t.locale] = text_of(t.description)
    path = index.path(product.category_id)  # category names are matched in memory (app.search.vocabulary)
    extra: dict[str, list[str]] = {}
    values = sorted({v for variant in variants for v in (variant.option_values or [])})
    if values:
        extra.setdefault(home, []).extend(values)
    brand = brands().get(product.brand_id) if product.brand_id else None
    codes = [v.code for v in variants if v.code]
    if product.gtin:
        codes.append(product.gtin)
    return ProductDocument(
        id=product.id, store_id=store.id, store_slug=store.slug, slug=product.slug, names=names, bodies=bodies,
        extra=extra, brand_id=product.brand_id, brand_name=brand.name if brand else "",
        category_path=[node.id for node in path], codes=codes, price=product.price_min,
        currency=store.base_currency, in_stock=bool(product.in_stock),
        published=int(product.published_at.timestamp() * 1000) if product.published_at else 0,
        sold=product.units_sold or 0)


def documents_for(ids: Iterable[int]) -> tuple[list[ProductDocument], list[int]]:
    """Documents for the visible products among ``ids``, and the ids that must
    leave the index (gone, or not visible any more)."""
    wanted = sorted(set(ids))
    docs: list[ProductDocument] = []
    for start in range(0, len(wanted), BATCH):
        docs.extend(_load(Product.id.in_(wanted[start:start + BATCH])))
    found = {d.id for d in docs}
    return docs, [i for i in wanted if i not in found]


def _load(*conditions) -> list[ProductDocument]:
    rows = db.session.execute(
        select(Product, Store).join(Store, Store.id == Product.store_id).where(*visible(), *conditions)
        .order_by(Product.id)
        .options(raiseload(Product.variants), raiseload(Product.images), raiseload(Product.translations))
        .execution_options(all_stores=True)).all()
    if not rows:
        return []
    ids = [p.id for p, _s in rows]
    translations: dict[int, list[ProductTranslation]] = {}
    for t in db.session.scalars(select(ProductTranslation).where(ProductTranslation.product_id.in_(ids))
                                .options(raiseload("*"))
                                .execution_options(all_stores=True)):
        translations.setdefault(t.product_id, []).append(t)
    variants: dict[int, list[Variant]] = {}
    for v in db.session.scalars(select(Variant).where(Variant.product_id.in_(ids))
                                .options(raiseload("*"))
                                .execution_options(all_stores=True)):
        variants.setdefault(v.product_id, []).append(v)
    return [_document(p, s, translations.get(p.id, []), variants.get(p.id, [])) for p, s in rows]


def visible_ids(store_id: int | None = None) -> list[int]:
    """Every visible product's id (of one store, or of all)."""
    stmt = (select(Product.id).join(Store, Store.id == Product.store_id).where(*visible())
            .order_by(Product.id).execution_options(all_stores=True))
    if store_id is not None:
        stmt = stmt.where(Product.store_id == store_id)
    return list(db.session.scalars(stmt))


def iter_documents(ids: list[int], batch: int = BATCH) -> Iterator[list[ProductDocument]]:
    """Documents in batches of ``batch`` ids, for rebuilding."""
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        yield _load(Product.id.in_(chunk))
        db.session.expunge_all()  # keep a long rebuild's identity map small
