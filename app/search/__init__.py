"""Product search: the service the web layer and the jobs call.

The interface is small so that another engine can replace Whoosh at scale:

- ``index_product(product_id)`` / ``index_products(ids)``: bring the index in
  line with the database (a product that is no longer visible leaves it);
- ``remove_product(product_id)``;
- ``search(query, scope, filters, sort, page, locale)``: one page of product
  ids with the total, facet counts, a "did you mean" correction and what to
  highlight; ``scope`` is a store id (a storefront) or None (the mall);
- ``suggest(query, scope, locale)``: product names for search-as-you-type;
- ``reindex(store_id=None, progress=None)``: rebuild everything or one store.

The engine itself (``WhooshEngine``) is one object per process and app,
holding one searcher. Only products the browse pages may show are ever
indexed (``app.search.documents``), and the web layer loads the hits through
``browse.visible_products()`` again, so a stale document can never show a
hidden product or another store's product on a storefront.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from flask import current_app
from markupsafe import Markup

SORTS = ("relevance", "price_asc", "price_desc", "newest")
PARALLEL_FROM = 5000  # documents from which a full rebuild uses SEARCH_REBUILD_PROCS processes
# Price facet edges in major units of the platform currency.
PRICE_EDGES = (10, 25, 50, 100, 250, 500)


@dataclass(frozen=True)
class PriceRange:
    key: str  # as in the URL: "low-high" in platform minor units, either side may be empty
    low: int | None
    high: int | None  # exclusive

    @classmethod
    def parse(cls, text: str | None) -> PriceRange | None:
        if not text or "-" not in text or len(text) > 40:
            return None
        low, _, high = text.partition("-")
        if (low and not low.isdigit()) or (high and not high.isdigit()) or not (low or high):
            return None
        lo, hi = (int(low) if low else None), (int(high) if high else None)
        if lo is not None and hi is not None and hi <= lo:
            return None
        return cls(text, lo, hi)


@dataclass
class SearchFilters:
    category_id: int | None = None
    category_depth: int = 0  # 0 for a root category
    brand_ids: list[int] = field(default_factory=list)
    store_ids: list[int] = field(default_factory=list)  # the mall's store facet
    price: PriceRange | None = None  # in platform-currency minor units
    in_stock: bool = False


@dataclass
class SearchRequest:
    text: str
    locale: str
    store_id: int | None = None  # the storefront's store; None on the mall
    category_id: int | None = None
    category_depth: int = 0
    brand_ids: list[int] = field(default_factory=list)
    store_ids: list[int] = field(default_factory=list)
    price: PriceRange | None = None
    in_stock: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = 24
    correct: bool = True  # retry a query that finds nothing with its spelling corrected
    hidden_store_ids: tuple[int, ...] = ()  # stores expired since their documents were written


@dataclass
class SearchPage:
    request: SearchRequest
    ids: list[int] = field(default_factory=list)
    total: int = 0
    # "category" (child categories of the chosen one, or the roots), "brand",
    # "store" (mall), "stock" ("1"/"0"), "price" (PriceRange keys): key -> count
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    corrected: str | None = None  # a spelling the index knows, when the query found nothing
    fuzzy: bool = False  # the results are for ``corrected``
    highlight_terms: dict[str, set[str]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.page_size))

    def highlight(self, text: str) -> Markup:
        from app.search.whoosh_engine import highlight

        return highlight(text, self.highlight_terms, self.request.locale)


@dataclass(frozen=True)
class Suggestion:
    id: int
    slug: str
    store_slug: str
    name: str
    label: Markup  # the name with the typed words marked


if TYPE_CHECKING:
    from app.search.documents import ProductDocument


class SearchEngine(Protocol):
    """What the service needs of an engine (``WhooshEngine`` here; a
    distributed engine at scale). Documents come from ``app.search.documents``;
    the engine never reads the database."""

    def index_documents(self, docs: Iterable[ProductDocument], remove_ids: Iterable[int] = ()) -> None: ...

    def rebuild(self, batches: Iterable[list[ProductDocument]], *, store_id: int | None = None,
                progress: Callable[[int], None] | None = None, procs: int = 1) -> int: ...

    def search(self, request: SearchRequest, *, rates: dict[str, Fraction],
               price_ranges: list[PriceRange] = ()) -> SearchPage: ...

    def suggest(self, text: str, *, store_id: int | None, locale: str, limit: int = 8,
                hidden_store_ids: tuple[int, ...] = ()) -> list[Suggestion]: ...

    def needs_merge(self) -> bool: ...

    def merge_small(self) -> int: ...

    def document_count(self) -> int: ...

    def size_bytes(self) -> int: ...

    def clear(self) -> None: ...


def engine() -> SearchEngine:
    """This app's search engine (one per process, opened on first use)."""
    found = current_app.extensions.get("lintas_search")
    if found is None:
        from app.search.whoosh_engine import WhooshEngine

        found = WhooshEngine(current_app.config["SEARCH_INDEX_DIR"],
                             refresh_seconds=current_app.config["SEARCH_REFRESH_SECONDS"],
                             write_timeout=current_app.config["SEARCH_WRITE_TIMEOUT"])
        current_app.extensions["lintas_search"] = found
    return found


def compare_factors() -> dict[str, Fraction]:
    """Per currency with a current rate: platform-currency minor units per
    minor unit of that currency (exact ratios, for comparing prices)."""
    from app.i18n.money import exponent
    from app.i18n.rates import current_rates, platform_currency

    base = platform_currency()
    out = {}
    for code, rate in current_rates().items():
        if rate.rate > 0:
            out[code] = Fraction(10) ** (exponent(base) - exponent(code)) / Fraction(rate.rate)
    return out


def price_ranges() -> list[PriceRange]:
    """The price facet's ranges, in platform-currency minor units."""
    from app.i18n.money import exponent
    from app.i18n.rates import platform_currency

    unit = 10 ** exponent(platform_currency())
    edges = [e * unit for e in PRICE_EDGES]
    bounds = [None, *edges, None]
    return [PriceRange(f"{lo or ''}-{hi or ''}", lo, hi) for lo, hi in zip(bounds, bounds[1:], strict=False)]


# --- the interface ------------------------------------------------------------------------

def index_products(ids) -> tuple[int, int]:
    """Index the visible products among ``ids`` and drop the others; returns
    (indexed, removed)."""
    from app.search.documents import documents_for

    docs, removed = documents_for(ids)
    engine().index_documents(docs, removed)
    return len(docs), len(removed)


def index_product(product_id: int) -> None:
    index_products([product_id])


def remove_product(product_id: int) -> None:
    engine().index_documents([], [product_id])


def reindex(store_id: int | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the index from the database (one store's documents, or all).
    ``progress(done, total)`` is called after every batch."""
    from app.search.documents import iter_documents, visible_ids

    ids = visible_ids(store_id)
    total = len(ids)
    if progress:
        progress(0, total)
    procs = current_app.config.get("SEARCH_REBUILD_PROCS", 1) if total >= PARALLEL_FROM else 1
    return engine().rebuild(iter_documents(ids), store_id=store_id, procs=procs,
                            progress=(lambda done: progress(done, total)) if progress else None)


def search(query: str, scope: int | None, filters: SearchFilters | None = None, sort: str = "relevance",
           page: int = 1, locale: str = "en", page_size: int | None = None, correct: bool = True) -> SearchPage:
    """One page of results. With ``correct``, a query that finds nothing is
    retried with its unknown words replaced by the closest known ones."""
    filters = filters or SearchFilters()
    request = SearchRequest(
        text=query, locale=locale, store_id=scope, category_id=filters.category_id,
        category_depth=filters.category_depth, brand_ids=list(filters.brand_ids),
        store_ids=list(filters.store_ids) if scope is None else [], price=filters.price,
        in_stock=filters.in_stock, sort=sort if sort in SORTS else "relevance", page=max(1, page),
        page_size=page_size or current_app.config.get("PAGE_SIZE", 24), correct=correct,
        hidden_store_ids=expired_store_ids())
    return engine().search(request, rates=compare_factors(), price_ranges=price_ranges())


def suggest(query: str, scope: int | None, locale: str, limit: int = 8) -> list[Suggestion]:
    return engine().suggest(query, store_id=scope, locale=locale, limit=limit, hidden_store_ids=expired_store_ids())


def expired_store_ids() -> tuple[int, ...]:
    """Open stores whose plan has run out: not visible any more, though
    nothing was written when the moment passed (kept for CATALOG_CACHE_TTL)."""
    from sqlalchemy import select

    from app.core.cache import cached
    from app.core.time import utcnow
    from app.extensions import db
    from app.tenancy.models import Store, StoreStatus

    return cached("search-expired-stores", lambda: tuple(db.session.scalars(
        select(Store.id).where(Store.status == StoreStatus.OPEN, Store.expires_at.is_not(None),
                               Store.expires_at <= utcnow()))))
