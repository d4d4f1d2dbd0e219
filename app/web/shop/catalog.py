"""Shopper catalog pages on the mall and on storefronts: categories, store
collections, products, the mall's store pages, the display currency, favourites
and recently viewed products.

URL table (ARCHITECTURE.md "URL map")
    storefront                              mall
    /<locale>/c/<category>                  /<locale>/c/<category>
    /<locale>/collections/<collection>      /<locale>/s/<shop>/collections/<collection>
    /<locale>/p/<product>                   /<locale>/s/<shop>/p/<product>
    (the home)                              /<locale>/s/<shop>/
    /<locale>/currency/<code>?next=         same: remember the display currency
    /<locale>/favourites/products/<id>      same (POST, signed in): save or unsave
    /<locale>/favourites/stores/<shop>      mall (POST, signed in)
    /<locale>/account/favourites            same (signed in)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from flask import abort, current_app, g, redirect, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import delete, select

from app.catalog import browse
from app.catalog.extras import localized
from app.catalog.index import brands, categories
from app.catalog.models import Favourite, Product
from app.extensions import db
from app.i18n.money import Money, MoneyError
from app.i18n.rates import convert, enabled_currencies, platform_currency
from app.tenancy.hosts import external_url
from app.tenancy.models import Store
from app.web.access import public, signed_in
from app.web.fields import EmptyForm
from app.web.page_cache import cacheable
from app.web.rendering import render, see_other
from app.web.shop import bp

CURRENCY_COOKIE = "currency"
RECENT_COOKIE = "recent"
RECENT_MAX = 12


# --- the display currency ---------------------------------------------------------------

@bp.app_template_global()
def display_currency() -> str:
    """The shopper's currency: their choice (cookie, then account), else the
    store's base currency on a storefront, else the platform currency."""
    if "currency" in g:
        return g.currency
    allowed = enabled_currencies()
    choice = request.cookies.get(CURRENCY_COOKIE)
    if choice not in allowed and current_user.is_authenticated:
        choice = current_user.preferred_currency
    if choice not in allowed:
        store = getattr(g, "store", None)
        choice = store.base_currency if store is not None and store.base_currency in allowed else platform_currency()
    g.currency = choice
    return choice


@bp.app_template_global()
def format_money(money: Money | None) -> str:
    return "" if money is None else money.format(str(get_locale() or "en"))


bp.add_app_template_global(enabled_currencies, "currency_choices")


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for(f"{g.surface}.home")


@bp.route("/<locale:locale>/currency/<code>")
@public
def set_currency(code: str):
    """Remember the display currency (a preference, like the language links)."""
    code = code.upper()
    if code not in enabled_currencies():
        abort(404)
    response = redirect(_safe_next(request.args.get("next")), 303)
    response.set_cookie(CURRENCY_COOKIE, code, max_age=60 * 60 * 24 * 365, samesite="Lax", httponly=True,
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    if current_user.is_authenticated and current_user.preferred_currency != code:
        current_user.preferred_currency = code
        db.session.commit()
    return response


# --- listing parameters --------------------------------------------------------------------

@dataclass
class Filters:
    """The listing filters as the shopper sent them, kept for the form."""

    sort: str
    page: int
    brand_ids: list[int]
    facets: dict[str, list[str]]
    price_min_text: str
    price_max_text: str
    in_stock: bool
    error: str | None = None


def _int_list(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()][:50]


def read_filters(option_names: list[str]) -> Filters:
    args = request.args
    sort = args.get("sort", "relevance")
    page = args.get("page", "1")
    facets = {}
    for index, name in enumerate(option_names):
        values = [v[:40] for v in args.getlist(f"o{index}") if v][:30]
        if values:
            facets[name.lower()] = values
    return Filters(sort=sort if sort in browse.SORTS else "relevance",
                   page=int(page) if page.isdigit() and 0 < int(page) <= browse.MAX_PAGE else 1,
                   brand_ids=_int_list(args.getlist("brand")), facets=facets,
                   price_min_text=(args.get("min") or "").strip()[:20],
                   price_max_text=(args.get("max") or "").strip()[:20],
                   in_stock=args.get("stock") == "1")


def _price_bound(text: str, currency: str, compare_currency: str) -> int | None:
    """A price the shopper typed in their currency, in the compare currency."""
    if not text:
        return None
    money = Money.parse(text, currency)
    if money.amount < 0:
        raise MoneyError("negative")
    return convert(money, compare_currency).amount


def listing_for(filters: Filters, **scope) -> tuple[browse.Listing, bool]:
    single = g.store is not None or scope.get("store_id") is not None
    compare_currency = scope.pop("compare_currency", None) or platform_currency()
    listing = browse.Listing(brand_ids=filters.brand_ids, facets=filters.facets, in_stock=filters.in_stock,
                             sort=filters.sort, page=filters.page, page_size=current_app.config["PAGE_SIZE"], **scope)
    currency = display_currency()
    try:
        listing.price_min = _price_bound(filters.price_min_text, currency, compare_currency)
        listing.price_max = _price_bound(filters.price_max_text, currency, compare_currency)
    except (MoneyError, ArithmeticError):
        filters.error = str(_l("Enter prices like 10 or 24.50."))
        listing.price_min = listing.price_max = None
    return listing, single


SORT_LABELS = {"relevance": _l("Relevance"), "price_asc": _l("Price: low to high"),
               "price_desc": _l("Price: high to low"), "newest": _l("Newest"), "best_selling": _l("Best selling")}


def page_url(page: int) -> str:
    """The current listing or search page at ``page``, every other argument kept."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def _listing_page(*, title: str, heading: str, description: str | None, listing: browse.Listing, single: bool,
                  filters: Filters, options: tuple = (), breadcrumbs: list | None = None, intro: str | None = None,
                  extra: dict | None = None, canonical: str | None = None):
    result = browse.run_listing(listing, single_currency=single, facet_names=[o.name for o in options])
    currency = display_currency()
    brand_index = brands()
    brand_facets = [(brand_index[b], n) for b, n in result.brand_counts if b in brand_index]
    brand_facets.sort(key=lambda pair: pair[0].name.lower())
    option_facets = []
    for index, option in enumerate(options):
        counts = dict(result.facet_counts.get(option.name.lower(), []))
        values = [(v, counts.get(v, 0)) for v in option.values if counts.get(v)]
        values += [(v, n) for v, n in counts.items() if v not in option.values]
        if values:
            option_facets.append((index, option.name, values, filters.facets.get(option.name.lower(), [])))
    return render("shop/listing.html", "shop/_results.html", status=422 if filters.error else 200,
                  title=title, heading=heading, description=description, intro=intro,
                  cards=browse.cards(result.rows, g.url_locale, currency), total=result.total, pages=result.pages,
                  page=min(filters.page, result.pages), filters=filters, sort_labels=SORT_LABELS,
                  brand_facets=brand_facets, option_facets=option_facets, breadcrumbs=breadcrumbs or [],
                  page_url=page_url, canonical=canonical, **(extra or {}))


# --- categories ----------------------------------------------------------------------------

@bp.route("/<locale:locale>/c/<category>")
@cacheable
@public
def category(category: str):
    index = categories()
    info = index.by_slug.get(category)
    if info is None:
        abort(404)
    options = index.filter_options(info.id)
    filters = read_filters([o.name for o in options])
    scope = {"category_ids": index.descendants(info.id)}
    if g.store is not None:
        scope["compare_currency"] = g.store.base_currency
    listing, single = listing_for(filters, **scope)
    locale = g.url_locale
    crumbs = [(c.label(locale), url_for(f"{g.surface}.category", category=c.slug)) for c in index.path(info.id)]
    children = [(c.label(locale), url_for(f"{g.surface}.category", category=c.slug)) for c in index.children_of(info.id)]
    return _listing_page(title=info.seo_title(locale), heading=info.label(locale),
                         description=info.seo_description(locale), listing=listing, single=single, filters=filters,
                         options=options, breadcrumbs=crumbs[:-1], extra={"subcategories": children})


# --- collections and the mall's store pages ------------------------------------------------

def _mall_store(shop: str) -> Store:
    if g.store is not None:
        abort(404)
    store = browse.serving_store(shop)
    if store is None:
        abort(404)
    return store


@bp.route("/<locale:locale>/collections/<collection>")
@cacheable
@public
def collection(collection: str):
    if g.store is None:
        abort(404)
    return _collection_page(g.store.id, g.store.name, g.store.base_currency, collection)


@bp.route("/<locale:locale>/s/<shop>/collections/<collection>")
@cacheable
@public
def mall_collection(shop: str, collection: str):
    store = _mall_store(shop)
    return _collection_page(store.id, store.name, store.base_currency, collection, shop=store.slug)


def _collection_page(store_id: int, store_name: str, base_currency: str, slug: str, shop: str | None = None):
    found = browse.visible_collection(slug, store_id)
    if found is None:
        abort(404)
    filters = read_filters([])
    listing, single = listing_for(filters, collection_id=found.id, store_id=store_id, compare_currency=base_currency)
    canonical = external_url("storefront", "storefront.collection", store_slug=shop, locale=g.url_locale,
                             collection=found.slug) if shop else None
    return _listing_page(title=f"{found.name} · {store_name}", heading=found.name, description=None, listing=listing,
                         single=True, filters=filters, intro=found.description or None, canonical=canonical)


@bp.route("/<locale:locale>/s/<shop>/")
@cacheable
@public
def mall_store(shop: str):
    store = _mall_store(shop)
    filters = read_filters([])
    listing, single = listing_for(filters, store_id=store.id, compare_currency=store.base_currency)
    storefront = external_url("storefront", "storefront.home", store_slug=store.slug, locale=g.url_locale)
    extra = {"shop": store, "storefront_url": storefront, "collections": browse.store_collections(store.id),
             "favourite_store": _is_favourite(shop_id=store.id), "favourite_form": EmptyForm()}
    return _listing_page(title=store.name, heading=store.name, description=None, listing=listing, single=True,
                         filters=filters, extra=extra)


# --- a product ------------------------------------------------------------------------------

@bp.route("/<locale:locale>/p/<product>")
@cacheable
@public
def product(product: str):
    if g.store is None:
        abort(404)
    return _product_page(product, None)


@bp.route("/<locale:locale>/s/<shop>/p/<product>")
@cacheable
@public
def mall_product(shop: str, product: str):
    if g.store is not None:
        abort(404)
    return _product_page(product, shop)


def _choose_variant(product: Product):
    """The variant the shopper picked: ``v`` (an id) or one value per option
    (``o0``, ``o1``...); else the first in stock, else the first."""
    variants = product.variants
    if not variants:
        return None, []
    by_id = {str(v.id): v for v in variants}
    chosen = by_id.get(request.args.get("v", ""))
    picked = [request.args.get(f"o{i}") for i in range(len(product.options))]
    if chosen is None and any(picked):
        base = chosen or next((v for v in variants if v.stock > 0), variants[0])
        wanted = [p or base.option_values[i] for i, p in enumerate(picked)]
        chosen = next((v for v in variants if v.option_values == wanted), None)
        if chosen is None:  # an impossible combination: keep the values, say it is unavailable
            return None, wanted
    if chosen is None:
        chosen = next((v for v in variants if v.stock > 0), variants[0])
    return chosen, list(chosen.option_values)


def _product_page(slug: str, shop: str | None):
    locale, currency = g.url_locale, display_currency()
    found = browse.visible_product(slug, store_slug=shop, locale=locale,
                                   user_id=current_user.id if current_user.is_authenticated else None)
    if found is None:
        abort(404)
    product, store, saved = found
    text = localized(product, locale)
    variant, selected = _choose_variant(product)
    fixed = {} if currency == store.base_currency else browse.fixed_prices([v.id for v in product.variants], currency)
    price = compare_at = None
    if variant is not None:
        price = browse.display_amount(variant.price, store.base_currency, fixed.get(variant.id), currency)
        if variant.compare_at_price:
            compare_at = browse.display_amount(variant.compare_at_price, store.base_currency, None, currency)
            if compare_at.amount <= price.amount:
                compare_at = None
    images = list(product.images)
    main_image = None
    if variant is not None and variant.image_id:
        main_image = next((i for i in images if i.id == variant.image_id), None)
    main_image = main_image or (images[0] if images else None)
    index = categories()
    crumbs = [(c.label(locale), url_for(f"{g.surface}.category", category=c.slug)) for c in index.path(product.category_id)]
    canonical = external_url("storefront", "storefront.product", store_slug=store.slug, locale=locale, product=product.slug)
    brand = brands().get(product.brand_id) if product.brand_id else None
    _remember_recent(product.id)
    others = []
    if g.store is None:
        others = browse.cards(browse.other_sellers(product), locale, currency)
    availability = [(v.option_values, v.stock > 0) for v in product.variants]
    context = dict(
        product=product, shop=store, text=text, variant=variant, selected=selected, price=price, compare_at=compare_at,
        images=images, main_image=main_image, breadcrumbs=crumbs, canonical=canonical, brand=brand,
        others=others, availability=availability, favourite=saved,
        favourite_form=EmptyForm(), store_url=external_url("storefront", "storefront.home", store_slug=store.slug,
                                                           locale=locale),
        mall_store_url=url_for("mall.mall_store", shop=store.slug) if g.store is None else None,
        json_ld=_json_ld(product, store, text, variant, price, images, brand, canonical),
    )
    return render("shop/product.html", "shop/_buybox.html", **context)


def _json_ld(product, store, text, variant, price, images, brand, canonical) -> Markup:
    """schema.org Product/Offer data (a data block, not a script that runs)."""
    from app.media.images import image_url

    data = {"@context": "https://schema.org", "@type": "Product", "name": text.name, "url": canonical,
            "description": re.sub(r"<[^>]+>", " ", text.description or "").strip()[:5000] or None,
            "image": [image_url(i.key, 1280) for i in images[:5]] or None,
            "sku": variant.code if variant else None, "gtin": product.gtin,
            "brand": {"@type": "Brand", "name": brand.name} if brand else None}
    if price is not None:
        in_stock = variant is not None and variant.stock > 0
        data["offers"] = {"@type": "Offer", "price": str(price.decimal), "priceCurrency": price.currency,
                          "availability": "https://schema.org/" + ("InStock" if in_stock else "OutOfStock"),
                          "url": canonical, "seller": {"@type": "Organization", "name": store.name}}
    data = {k: v for k, v in data.items() if v is not None}
    # Escape "<" so the JSON can never close the element it sits in.
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


# --- recently viewed and favourites ----------------------------------------------------------

def recent_ids() -> list[int]:
    """Recently viewed products, newest first, from their own cookie (not the
    session, so browsing never starts a session and pages stay cacheable)."""
    raw = request.cookies.get(RECENT_COOKIE, "")
    return [int(v) for v in raw.split(".") if v.isdigit() and len(v) < 12][:RECENT_MAX]


def _remember_recent(product_id: int) -> None:
    g.recent_product_id = product_id
    g.page_cache_extra = {"recent_product_id": product_id}  # a cached copy of the page still records the view


@bp.after_app_request
def _write_recent(response):
    product_id = g.get("recent_product_id")
    if product_id is not None and response.status_code == 200:
        ids = [product_id, *(i for i in recent_ids() if i != product_id)][:RECENT_MAX]
        response.set_cookie(RECENT_COOKIE, ".".join(map(str, ids)), max_age=60 * 60 * 24 * 90, samesite="Lax",
                            httponly=True, secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def recent_cards(exclude: int | None = None, limit: int = 6) -> list[browse.Card]:
    ids = [i for i in recent_ids() if i != exclude]
    if not ids:
        return []
    rows = browse.simple_rows(order="recent", limit=limit, ids=ids, store_id=g.store.id if g.store else None)
    return browse.cards(rows, g.url_locale, display_currency())


def _is_favourite(*, product_id: int | None = None, shop_id: int | None = None) -> bool:
    if not current_user.is_authenticated:
        return False
    stmt = select(Favourite.id).where(Favourite.user_id == current_user.id)
    stmt = stmt.where(Favourite.product_id == product_id) if product_id else stmt.where(Favourite.shop_id == shop_id)
    return db.session.scalar(stmt) is not None


def _toggle(**target) -> bool:
    existing = db.session.scalar(select(Favourite).where(Favourite.user_id == current_user.id).filter_by(**target))
    if existing is not None:
        db.session.execute(delete(Favourite).where(Favourite.id == existing.id))
        return False
    db.session.add(Favourite(user_id=current_user.id, **target))
    return True


@bp.route("/<locale:locale>/favourites/products/<int:product_id>", methods=["POST"])
@signed_in
def favourite_product(product_id: int):
    if not EmptyForm().validate_on_submit():
        abort(400)
    stmt = browse.visible_products().where(Product.id == product_id)
    if db.session.execute(stmt).first() is None:
        abort(404)
    _toggle(product_id=product_id)
    db.session.commit()
    return see_other(_safe_next(request.form.get("next")))


@bp.route("/<locale:locale>/favourites/stores/<shop>", methods=["POST"])
@signed_in
def favourite_store(shop: str):
    store = _mall_store(shop)
    if not EmptyForm().validate_on_submit():
        abort(400)
    _toggle(shop_id=store.id)
    db.session.commit()
    return see_other(_safe_next(request.form.get("next")))


@bp.route("/<locale:locale>/account/favourites")
@signed_in
def favourites():
    ids = list(db.session.scalars(select(Favourite.product_id).where(
        Favourite.user_id == current_user.id, Favourite.product_id.is_not(None)).order_by(Favourite.id.desc())))
    rows = browse.simple_rows(order="recent", limit=200, ids=ids, store_id=g.store.id if g.store else None)
    stores = []
    if g.store is None:
        stores = list(db.session.scalars(select(Store).join(Favourite, Favourite.shop_id == Store.id).where(
            Favourite.user_id == current_user.id).order_by(Store.name)))
        stores = [s for s in stores if s.is_serving()]
    return render("shop/favourites.html", cards=browse.cards(rows, g.url_locale, display_currency()), stores=stores,
                  favourite_form=EmptyForm())
