"""Shopper pages: one set of views for the mall (g.store is None: every open
store) and for storefronts (g.store is the store). Registered twice, as
``mall`` and ``storefront``, each under its own surface."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, g, redirect, request
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from app.i18n.locales import accept_languages, negotiate, switcher_locales
from app.tenancy.hosts import public_hosts, surface_host
from app.tenancy.models import Store, StoreStatus
from app.web.account.views import shopper_bp
from app.web.page_cache import cacheable
from app.web.rendering import render, render_template

bp = Blueprint("shop", __name__)
LOCALE_COOKIE = "locale"


@bp.url_value_preprocessor
def _pop_locale(endpoint, values):
    if values and "locale" in values:
        g.url_locale = values.pop("locale")


@bp.url_defaults
def _add_locale(endpoint, values):
    if "locale" not in values and getattr(g, "url_locale", None):
        if current_app.url_map.is_endpoint_expecting(endpoint, "locale"):
            values["locale"] = g.url_locale


@bp.after_request
def _remember_locale(response):
    code = getattr(g, "url_locale", None)
    if code and request.cookies.get(LOCALE_COOKIE) != code and response.status_code < 400 \
            and request.endpoint and request.endpoint.endswith(".home"):
        response.set_cookie(LOCALE_COOKIE, code, max_age=60 * 60 * 24 * 365, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True)
    return response


def switch_locale_path(code: str) -> str:
    """The current page in another language: swap the first path segment."""
    parts = request.path.split("/", 2)
    rest = parts[2] if len(parts) > 2 else ""
    query = request.query_string.decode("latin-1")
    return f"/{code}/{rest}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class LocaleLink:
    code: str  # URL code, e.g. zh-hans
    name: str  # native name
    lang: str  # BCP 47 tag for lang/hreflang, e.g. zh-Hans
    path: str  # this page in that language
    url: str  # the same, absolute (hreflang alternates must be)


def locale_links() -> list[LocaleLink]:
    """This page in every language, computed once per request."""
    parts = request.path.split("/", 2)
    rest = parts[2] if len(parts) > 2 else ""
    query = request.query_string.decode("latin-1")
    suffix = f"{rest}?{query}" if query else rest
    origin = _public_origin()
    return [LocaleLink(code, name, BCP47.get(code, code), f"/{code}/{suffix}", f"{origin}/{code}/{suffix}")
            for code, name in switcher_locales()]


BCP47 = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


@bp.app_context_processor
def _shop_context():
    if getattr(g, "surface", None) in ("mall", "storefront"):
        return {"switch_locale_path": switch_locale_path, "locale_links": locale_links, "public_origin": _public_origin}
    return {}


@bp.route("/")
def root():
    """``/``: send the shopper to their language's home page."""
    fallback = g.store.default_locale if g.store is not None else "en"
    preference = current_user.preferred_locale if current_user.is_authenticated else None
    code = negotiate(cookie=request.cookies.get(LOCALE_COOKIE), preference=preference,
                     accept=accept_languages(), fallback=fallback)
    response = redirect(f"/{code}/", 302)
    response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    return response


HOME_SECTION = 8  # products per home-page section
HOME_STORES = 24  # stores listed on the mall's home page


@bp.route("/<locale:locale>/")
@cacheable
def home():
    from app.catalog import browse
    from app.catalog.banners import live_banners
    from app.catalog.index import categories
    from app.web.shop.catalog import display_currency, recent_cards

    store_id = g.store.id if g.store is not None else None
    newest = browse.simple_rows(order="newest", limit=HOME_SECTION, store_id=store_id)
    best = browse.simple_rows(order="best_selling", limit=HOME_SECTION, store_id=store_id)
    # One pass for names and prices of every card on the page.
    all_cards = {c.id: c for c in browse.cards(newest + best, g.url_locale, display_currency())}
    sections = {"newest": [all_cards[p.id] for p, _s in newest], "best": [all_cards[p.id] for p, _s in best]}
    recent = recent_cards()
    if recent:
        g.page_cache_skip = True  # the recently viewed row is this visitor's own
    banners = live_banners(store_id, g.url_locale)  # the mall's own on the mall, the store's on its storefront
    if g.store is not None:
        return render("shop/storefront_home.html", sections=sections, recent=recent, banners=banners,
                      collections=browse.store_collections(g.store.id))
    # The newest open stores; every store has its own page (/s/<store>/) and is in the sitemap.
    stores = db.session.scalars(
        select(Store).where(Store.status == StoreStatus.OPEN).order_by(Store.created_at.desc(), Store.id.desc())
        .limit(HOME_STORES)
    ).all()
    origins = public_hosts()
    listed = [
        StoreCard(s.name, s.country, s.base_currency,
                  f"{origins.origin(surface_host('storefront', s.slug))}/{g.url_locale}/", s.slug)
        for s in stores if not s.is_expired()
    ]
    index = categories()
    return render("shop/mall_home.html", stores=listed, sections=sections, recent=recent, banners=banners,
                  top_categories=index.children_of(None))


@dataclass(frozen=True)
class StoreCard:
    name: str
    country: str
    base_currency: str
    storefront_url: str
    slug: str = ""


bp.register_blueprint(shopper_bp, url_prefix="/<locale:locale>/account")


def _public_origin() -> str:
    """This surface's public origin, from stored data (never the Host header)."""
    from app.tenancy.hosts import public_hosts, surface_host

    store = g.store
    host = surface_host(g.surface, store.slug if store else None)
    return public_hosts().origin(host)


@bp.route("/robots.txt")
def robots():
    origin = _public_origin()
    lines = ["User-agent: *", "Allow: /", "Disallow: /*/account/", "Disallow: /*/currency/", "Disallow: /*/favourites/",
             "", f"Sitemap: {origin}/sitemap.xml", ""]
    response = current_app.response_class("\n".join(lines), mimetype="text/plain")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


SITEMAP_LIMIT = 1_000  # pages per sitemap: each appears in 17 languages with 17 alternates (~30 MB at most)


def _sitemap_paths() -> list[str]:
    """Every public page of this host (paths after the locale): home,
    categories with visible products, collections, and products (a product on
    the mall is listed only on its store's host, its canonical URL)."""
    from app.catalog import browse
    from app.catalog.index import categories
    from app.catalog.models import Product

    paths = [""]
    used = set(db.session.scalars(select(Product.category_id).distinct().join(Store, Store.id == Product.store_id)
                                  .where(*browse.visible()).execution_options(**browse.across())))
    index = categories()
    wanted = set()
    for category_id in used:
        wanted.update(c.id for c in index.path(category_id))
    paths += [f"c/{index.by_id[i].slug}" for i in sorted(wanted) if i in index.by_id]
    if g.store is not None:
        paths += [f"collections/{c.slug}" for c in browse.store_collections(g.store.id)]
        paths += [f"p/{slug}" for slug in db.session.scalars(
            select(Product.slug).join(Store, Store.id == Product.store_id).where(*browse.visible())
            .order_by(Product.id))]
    else:
        paths += [f"s/{slug}/" for slug in db.session.scalars(
            select(Store.slug).where(Store.status == StoreStatus.OPEN).order_by(Store.slug))]
    return paths


def _xml(body: str):
    response = current_app.response_class(body, mimetype="application/xml")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


@bp.route("/sitemap.xml")
def sitemap():
    """The pages of this host with their language alternates; past
    SITEMAP_LIMIT pages, a sitemap index of numbered parts."""
    paths = _sitemap_paths()
    origin = _public_origin()
    if len(paths) > SITEMAP_LIMIT:
        parts = -(-len(paths) // SITEMAP_LIMIT)
        return _xml(render_template("shop/sitemap_index.xml",
                                    parts=[f"{origin}/sitemap-{n}.xml" for n in range(1, parts + 1)]))
    return _sitemap_part(paths, origin, home=True)


@bp.route("/sitemap-<int:part>.xml")
def sitemap_part(part: int):
    paths = _sitemap_paths()
    chunk = paths[(part - 1) * SITEMAP_LIMIT:part * SITEMAP_LIMIT] if part >= 1 else []
    if not chunk:
        abort(404)
    return _sitemap_part(chunk, _public_origin(), home=part == 1)


def _sitemap_part(paths: list[str], origin: str, *, home: bool):
    codes = list(current_app.config["LOCALES"])
    pages = [[(code, f"{origin}/{code}/{path}") for code in codes] for path in paths]
    return _xml(render_template("shop/sitemap.xml", pages=pages, bcp47=BCP47, default=f"{origin}/", home=home))


from app.web.shop import catalog as _catalog  # noqa: E402,F401  (registers the catalog views)
from app.web.shop import search as _search  # noqa: E402,F401  (registers the search views)
