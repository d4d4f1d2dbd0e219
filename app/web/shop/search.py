"""Shopper search on the mall (every open store) and on storefronts (that store).

URL table (ARCHITECTURE.md "URL map"), the same on both surfaces
    /<locale>/search?q=&sort=&page=&c=&brand=&store=&price=&stock=&exact=
                                the results page; the filters narrow it with HTMX (URL pushed)
    /<locale>/search/suggest?q= search-as-you-type options for the header's combobox (HTMX)

``c`` is a category slug, ``brand`` brand ids, ``store`` store slugs (mall
only), ``price`` a range key of ``app.search.price_ranges()`` and ``exact=1``
turns off the spelling fallback. A malformed price range is a 422 with a
message; unknown categories, brands or stores are ignored, so an old link
still finds something.
"""

from __future__ import annotations

from flask import g, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import search as search_service
from app.catalog import browse
from app.catalog.index import brands, categories
from app.extensions import db
from app.i18n.rates import platform_currency
from app.jobs import enqueue_now
from app.search import PriceRange, SearchFilters
from app.search.query import clean
from app.tenancy.models import Store
from app.web.access import public
from app.web.page_cache import cacheable
from app.web.rendering import render, render_template
from app.web.shop import bp
from app.web.shop import catalog as catalog_views
from app.web.shop.catalog import display_currency

SORT_LABELS = {k: label for k, label in catalog_views.SORT_LABELS.items() if k in search_service.SORTS}
FACET_LIMIT = 15  # values shown per facet, most products first
SUGGESTIONS = 8


def _scope() -> int | None:
    return g.store.id if g.store is not None else None


def _store_slugs(values: list[str]) -> list[int]:
    """Open stores' ids for the slugs the shopper chose (mall only)."""
    slugs = [v.strip().lower()[:40] for v in values if v.strip()][:20]
    if g.store is not None or not slugs:
        return []
    return list(db.session.scalars(select(Store.id).where(Store.slug.in_(slugs))))


def _money_label(amount: int, currency: str) -> str:
    """A price-range edge (platform minor units) as the shopper reads it."""
    return catalog_views.format_money(browse.display_amount(amount, platform_currency(), None, currency))


def price_label(price: PriceRange, currency: str) -> str:
    if price.low is None:
        return str(_l("Under %(price)s", price=_money_label(price.high, currency)))
    if price.high is None:
        return str(_l("%(price)s and above", price=_money_label(price.low, currency)))
    return str(_l("%(low)s to %(high)s", low=_money_label(price.low, currency),
                  high=_money_label(price.high, currency)))


@bp.route("/<locale:locale>/search")
@cacheable
@public
def search():
    args = request.args
    text = clean(args.get("q"))
    locale = g.url_locale
    index = categories()
    category = index.by_slug.get((args.get("c") or "")[:80])
    brand_index = brands()
    brand_ids = [int(v) for v in args.getlist("brand") if v.isdigit() and int(v) in brand_index][:20]
    store_ids = _store_slugs(args.getlist("store"))
    error = None
    price = None
    if args.get("price"):
        price = PriceRange.parse(args.get("price"))
        if price is None:
            error = str(_l("Choose one of the price ranges."))
    sort = args.get("sort", "relevance")
    sort = sort if sort in SORT_LABELS else "relevance"
    page_arg = args.get("page", "1")
    page = int(page_arg) if page_arg.isdigit() and 0 < int(page_arg) <= browse.MAX_PAGE else 1
    filters = SearchFilters(
        category_id=category.id if category else None,
        category_depth=len(index.path(category.id)) - 1 if category else 0,
        brand_ids=brand_ids, store_ids=store_ids, price=price, in_stock=args.get("stock") == "1")
    result = None
    cards = []
    if text:
        result = search_service.search(text, _scope(), filters, sort, page, locale,
                                       correct=args.get("exact") != "1")
        rows = browse.simple_rows(order="", limit=len(result.ids), ids=result.ids, store_id=_scope())
        stale = set(result.ids) - {p.id for p, _s in rows}
        if stale:  # indexed but not visible any more (a missed change): put the index right
            enqueue_now("search", "app.jobs.search.apply_changes", {"products": stale})
        cards = browse.cards(rows, locale, display_currency())
    facets = _facets(result, filters, category) if result is not None else {}
    title = str(_l("Search: %(query)s", query=text)) if text else str(_l("Search"))
    return render("shop/search.html", "shop/_search_body.html", status=422 if error else 200,
                  title=title, query=text, result=result, cards=cards, facets=facets, filters=filters,
                  category=category, sort=sort, sort_labels=SORT_LABELS, error=error,
                  page=min(page, result.pages) if result else 1, page_url=catalog_views.page_url,
                  root_categories=[(c.label(locale), c.slug) for c in index.children_of(None)][:12],
                  chosen_price=args.get("price") or "", chosen_stores=[s.lower() for s in args.getlist("store")])


def _facets(result, filters: SearchFilters, category) -> dict:
    """What the filter panel lists, in the shopper's language and currency."""
    locale = g.url_locale
    index = categories()
    counts = result.facets
    out: dict[str, list] = {}
    out["category"] = sorted(
        ((index.by_id[int(k)].label(locale), index.by_id[int(k)].slug, n)
         for k, n in counts.get("category", {}).items() if k.isdigit() and int(k) in index.by_id),
        key=lambda row: (-row[2], row[0].lower()))[:FACET_LIMIT]
    brand_index = brands()
    out["brand"] = sorted(((brand_index[int(k)], n) for k, n in counts.get("brand", {}).items()
                           if k.isdigit() and int(k) in brand_index),
                          key=lambda row: (-row[1], row[0].name.lower()))[:FACET_LIMIT]
    store_counts = {int(k): n for k, n in counts.get("store", {}).items() if k.isdigit()}
    if store_counts and g.store is None:
        top = sorted(store_counts.items(), key=lambda kv: -kv[1])[:FACET_LIMIT]
        names = {s.id: s for s in db.session.scalars(select(Store).where(Store.id.in_([k for k, _n in top])))}
        out["store"] = [(names[k], n) for k, n in top if k in names]
    currency = display_currency()
    out["price"] = [(r.key, price_label(r, currency), counts.get("price", {}).get(r.key, 0))
                    for r in search_service.price_ranges() if counts.get("price", {}).get(r.key)]
    out["in_stock"] = counts.get("stock", {}).get("1", 0)
    out["crumbs"] = [(c.label(locale), c.slug) for c in index.path(category.id)] if category else []
    return out


@bp.route("/<locale:locale>/search/suggest")
@cacheable
@public
def suggest():
    text = clean(request.args.get("q"))
    if request.headers.get("HX-Request") != "true":
        return redirect(url_for(f"{g.surface}.search", q=text) if text else url_for(f"{g.surface}.search"), 303)
    if len(text) < 1:
        return render_template("shop/_suggestions.html", suggestions=[], query="")
    raw = request.args.get("q") or ""
    typed = text + (" " if raw.endswith(" ") else "")
    suggestions = search_service.suggest(typed, _scope(), g.url_locale, SUGGESTIONS)
    return render_template("shop/_suggestions.html", suggestions=suggestions, query=text)
