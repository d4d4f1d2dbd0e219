"""Shopper catalog pages on the mall and storefronts: what is visible, prices
in the shopper's currency, the variant picker, listings with filters and
sorting, collections, the mall's store pages, favourites, recently viewed,
sitemaps, and the SQL budget."""

import json
import re

import pytest
from sqlalchemy import func, select

from app.catalog import services as catalog
from app.catalog.extras import save_collection, set_fixed_price, set_product_collections
from app.catalog.models import Favourite, ModerationState, Product, Variant
from app.extensions import db
from app.tenancy.models import StoreStatus, StoreType
from app.tenancy.scope import store_scope
from tests.conftest import sign_in
from tests.factories import approve_category, enable_currency, make_product, make_store, make_user
from tests.web.test_query_counts import count_queries


@pytest.fixture
def world():
    from app.i18n.models import Currency

    db.session.add(Currency(code="USD", enabled=True))
    enable_currency("JPY", "150")
    enable_currency("EUR", "0.9")
    clothing = catalog.save_category(None, name="Clothing", slug="clothing", parent_id=None, commission_self=None,
                                     commission_third=None)
    db.session.flush()
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=clothing.id, commission_self=None,
                                   commission_third=None)
    toys = catalog.save_category(None, name="Toys", slug="toys", parent_id=None, commission_self=None,
                                 commission_third=None)
    catalog.save_translation(shirts, "ar", name="قمصان", seo_title=None, seo_description=None)
    brand = catalog.save_brand(None, name="Northwind", slug="northwind")
    db.session.commit()
    acme = make_store("acme", currency="USD", type=StoreType.SELF_OPERATED)
    sakura = make_store("sakura", currency="JPY", country="JP", locale="ja")
    for store in (acme, sakura):
        approve_category(store, shirts.id)
    approve_category(acme, toys.id)
    ids = {
        "linen": make_product(acme, shirts.id, "Linen Shirt", price="20.00", options="Colour: Red, Blue\nSize: S, M",
                              brand_id=brand.id, gtin="4006381333931"),
        "cheap": make_product(acme, shirts.id, "Cheap Tee", price="5.00"),
        "kimono": make_product(sakura, shirts.id, "Kimono Shirt", price="1200", gtin="4006381333931"),
        "robot": make_product(acme, toys.id, "Robot", price="30.00", stock=0),
    }
    with store_scope(acme.id):
        variants = db.session.scalars(select(Variant).where(Variant.product_id == ids["linen"])).all()
        blue_m = next(v for v in variants if v.option_values == ["Blue", "M"])
        blue_m.price = 2500
        from app.catalog.products import refresh_listing

        refresh_listing(blue_m.product)
        db.session.commit()
    return {"acme": acme, "sakura": sakura, "shirts": shirts, "clothing": clothing, "toys": toys, "brand": brand,
            "ids": ids}


def _text(response) -> str:
    return response.get_data(as_text=True)


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_storefront_product_page_shows_price_json_ld_and_canonical(world, client_for):
    page = client_for("acme.localhost").get("/en/p/linen-shirt")
    html = _text(page)
    assert page.status_code == 200
    assert "<h1>Linen Shirt</h1>" in html
    assert "$20.00" in html
    assert '<link rel="canonical" href="http://acme.localhost/en/p/linen-shirt">' in html
    data = _json_ld(html)
    assert data["@type"] == "Product" and data["offers"]["price"] == "20.00"
    assert data["offers"]["priceCurrency"] == "USD" and data["gtin"] == "4006381333931"
    assert "Northwind" in html


def test_mall_product_page_names_the_storefront_as_canonical_and_shows_seller(world, client_for):
    page = client_for("localhost").get("/en/s/acme/p/linen-shirt")
    html = _text(page)
    assert page.status_code == 200
    assert '<link rel="canonical" href="http://acme.localhost/en/p/linen-shirt">' in html
    assert "Sold by Acme" in html
    # Other sellers of the same GTIN, in the shopper's currency (USD on the mall by default).
    assert "Kimono Shirt" in html and "$8.00" in html


def test_variant_picker_updates_price_and_stock_with_and_without_htmx(world, client_for):
    client = client_for("acme.localhost")
    page = client.get("/en/p/linen-shirt?o0=Blue&o1=M")
    assert "$25.00" in _text(page)
    partial = client.get("/en/p/linen-shirt?o0=Blue&o1=M", headers={"HX-Request": "true"})
    body = _text(partial)
    assert partial.status_code == 200
    assert '<div id="buybox"' in body and "$25.00" in body and "<html" not in body
    assert 'hx-swap-oob="true"' in body  # the main image follows the variant
    assert "In stock" in body
    missing = client.get("/en/p/linen-shirt?o0=Green", headers={"HX-Request": "true"})
    assert "This combination is not available." in _text(missing)


def test_display_currency_is_remembered_and_jpy_has_no_decimals(world, client_for):
    client = client_for("acme.localhost")
    response = client.get("/en/currency/JPY?next=/en/p/linen-shirt")
    assert response.status_code == 303 and response.headers["Location"] == "/en/p/linen-shirt"
    html = _text(client.get("/en/p/linen-shirt"))
    assert "¥3,000" in html and "¥3,000.00" not in html
    assert _json_ld(html)["offers"] == {**_json_ld(html)["offers"], "price": "3000", "priceCurrency": "JPY"}
    assert client.get("/en/currency/XXX").status_code == 404
    # An open redirect is refused: the next page must be a path on this host.
    assert client.get("/en/currency/EUR?next=//evil.example/").headers["Location"] == "/en/"


def test_fixed_price_wins_over_conversion(world, client_for):
    with store_scope(world["acme"].id):
        variant = db.session.scalar(select(Variant).where(Variant.product_id == world["ids"]["cheap"]))
        set_fixed_price(variant, "EUR", "4.00", base_currency="USD")
        db.session.commit()
    client = client_for("acme.localhost")
    client.get("/en/currency/EUR")
    assert "€4.00" in _text(client.get("/en/p/cheap-tee"))


def test_arabic_page_is_right_to_left_with_translated_category(world, client_for):
    html = _text(client_for("localhost").get("/ar/c/shirts"))
    assert '<html lang="ar" dir="rtl">' in html
    assert "قمصان" in html


@pytest.mark.parametrize("change", ["draft", "off_shelf", "pending", "rejected", "category", "suspended"])
def test_hidden_products_are_not_found_anywhere(world, client_for, change):
    acme = world["acme"]
    with store_scope(acme.id):
        product = db.session.scalar(select(Product).where(Product.id == world["ids"]["linen"]))
        if change == "draft":
            product.status = "draft"
        elif change == "off_shelf":
            product.on_shelf = False
        elif change == "pending":
            product.moderation = ModerationState.PENDING
        elif change == "rejected":
            product.moderation = ModerationState.REJECTED
        elif change == "category":
            product.category_id = world["clothing"].id  # acme is not approved for it
        db.session.commit()
    if change == "suspended":
        acme.status = StoreStatus.SUSPENDED
        db.session.commit()
    mall = client_for("localhost")
    assert mall.get("/en/s/acme/p/linen-shirt").status_code == 404
    if change != "suspended":
        assert client_for("acme.localhost").get("/en/p/linen-shirt").status_code == 404
    assert "Linen Shirt" not in _text(mall.get("/en/c/clothing"))
    assert "Linen Shirt" not in _text(mall.get("/en/"))


def test_a_storefront_never_shows_another_stores_product(world, client_for):
    assert client_for("acme.localhost").get("/en/p/kimono-shirt").status_code == 404
    assert client_for("sakura.localhost").get("/en/p/linen-shirt").status_code == 404
    assert "Kimono Shirt" not in _text(client_for("acme.localhost").get("/en/c/shirts"))
    # Mall-only URLs do not exist on storefronts, and storefront URLs not on the mall.
    assert client_for("acme.localhost").get("/en/s/acme/p/linen-shirt").status_code == 404
    assert client_for("localhost").get("/en/p/linen-shirt").status_code == 404


def _names(html: str) -> list[str]:
    return re.findall(r'class="product-name">([^<]+)<', html)


def test_category_page_lists_subcategories_products_across_stores_and_sorts_in_one_currency(world, client_for):
    mall = client_for("localhost")
    html = _text(mall.get("/en/c/clothing?sort=price_asc"))
    # 5 USD, 1200 JPY = 8 USD, 20 USD: compared in the platform currency.
    assert _names(html) == ["Cheap Tee", "Kimono Shirt", "Linen Shirt"]
    assert _names(_text(mall.get("/en/c/clothing?sort=price_desc"))) == ["Linen Shirt", "Kimono Shirt", "Cheap Tee"]
    assert "3 products" in html
    assert 'href="/en/c/shirts"' in html  # subcategory link


def test_category_filters_price_brand_option_and_stock(world, client_for):
    mall = client_for("localhost")
    assert _names(_text(mall.get("/en/c/clothing?min=6&max=10&sort=price_asc"))) == ["Kimono Shirt"]
    brand = world["brand"].id
    assert _names(_text(mall.get(f"/en/c/clothing?brand={brand}"))) == ["Linen Shirt"]
    assert _names(_text(mall.get("/en/c/toys?stock=1"))) == []
    assert _names(_text(mall.get("/en/c/toys"))) == ["Robot"]
    # Prices typed in the shopper's currency: 900 JPY = 6 USD.
    mall.get("/en/currency/JPY")
    assert _names(_text(mall.get("/en/c/clothing?min=900&max=1500"))) == ["Kimono Shirt"]


def test_option_facets_come_from_the_category_templates(world, client_for):
    from app.catalog.models import CategoryOption

    db.session.add(CategoryOption(category_id=world["clothing"].id, name="Colour", values=["Red", "Blue"],
                                  filterable=True))
    db.session.commit()
    mall = client_for("localhost")
    html = _text(mall.get("/en/c/shirts"))
    assert 'name="o0" value="Blue"' in html
    assert _names(_text(mall.get("/en/c/shirts?o0=Blue"))) == ["Linen Shirt"]


def test_bad_price_filter_is_a_clear_422_and_htmx_gets_only_results(world, client_for):
    mall = client_for("localhost")
    bad = mall.get("/en/c/clothing?min=abc")
    assert bad.status_code == 422
    assert "Enter prices like 10 or 24.50." in _text(bad)
    partial = mall.get("/en/c/clothing?sort=newest", headers={"HX-Request": "true"})
    assert _text(partial).lstrip().startswith('<div id="results"')


def test_pagination(world, client_for, app):
    app.config["PAGE_SIZE"] = 2
    try:
        mall = client_for("localhost")
        first = _text(mall.get("/en/c/clothing?sort=price_asc"))
        second = _text(mall.get("/en/c/clothing?sort=price_asc&page=2"))
        assert _names(first) == ["Cheap Tee", "Kimono Shirt"] and _names(second) == ["Linen Shirt"]
        assert "Page 1 of 2" in first and 'rel="next"' in first
        assert _names(_text(mall.get("/en/c/clothing?sort=price_asc&page=50"))) == ["Linen Shirt"]
    finally:
        app.config["PAGE_SIZE"] = 24


def test_collections_on_storefront_and_mall(world, client_for):
    with store_scope(world["acme"].id):
        summer = save_collection(None, name="Summer", slug="summer", description="Light things")
        product = db.session.scalar(select(Product).where(Product.id == world["ids"]["cheap"]))
        set_product_collections(product, [summer.id])
        db.session.commit()
    store_page = _text(client_for("acme.localhost").get("/en/collections/summer"))
    assert _names(store_page) == ["Cheap Tee"] and "Light things" in store_page
    mall_page = client_for("localhost").get("/en/s/acme/collections/summer")
    assert _names(_text(mall_page)) == ["Cheap Tee"]
    assert '<link rel="canonical" href="http://acme.localhost/en/collections/summer">' in _text(mall_page)
    assert client_for("sakura.localhost").get("/en/collections/summer").status_code == 404
    assert "/en/collections/summer" in _text(client_for("acme.localhost").get("/en/"))


def test_mall_store_page(world, client_for):
    mall = client_for("localhost")
    html = _text(mall.get("/en/s/acme/"))
    assert set(_names(html)) == {"Linen Shirt", "Cheap Tee", "Robot"}
    assert "Kimono Shirt" not in html
    assert mall.get("/en/s/nope/").status_code == 404
    world["sakura"].status = StoreStatus.SUSPENDED
    db.session.commit()
    assert mall.get("/en/s/sakura/").status_code == 404


def test_home_pages_show_new_arrivals_and_recently_viewed(world, client_for):
    client = client_for("acme.localhost")
    home = _text(client.get("/en/"))
    assert "New arrivals" in home and "Linen Shirt" in home and "Kimono Shirt" not in home
    assert "Recently viewed" not in home
    client.get("/en/p/robot")
    assert "Recently viewed" in _text(client.get("/en/"))
    mall_home = _text(client_for("localhost").get("/en/"))
    assert "Kimono Shirt" in mall_home and 'href="/en/c/clothing"' in mall_home


def test_favourites_need_sign_in_and_toggle(world, client_for):
    shopper = make_user("shopper@example.com")
    client = client_for("localhost")
    product_id = world["ids"]["linen"]
    anonymous = client.post(f"/en/favourites/products/{product_id}")
    assert anonymous.status_code in (302, 400)
    sign_in(client, shopper.email, path="/en/account/sign-in")
    page = _text(client.get("/en/s/acme/p/linen-shirt"))
    assert "Save to favourites" in page
    assert client.post(f"/en/favourites/products/{product_id}", data={"next": "/en/s/acme/p/linen-shirt"}).status_code == 400
    saved = client.submit(f"/en/favourites/products/{product_id}", {"next": "/en/s/acme/p/linen-shirt"},
                          form_page="/en/s/acme/p/linen-shirt")
    assert saved.status_code == 303
    assert db.session.scalar(select(func.count()).select_from(Favourite)) == 1
    assert "Linen Shirt" in _text(client.get("/en/account/favourites"))
    client.submit("/en/favourites/stores/acme", {}, form_page="/en/s/acme/")
    assert "Acme" in _text(client.get("/en/account/favourites"))
    # A product that is not visible cannot be saved.
    hidden = world["ids"]["robot"]
    with store_scope(world["acme"].id):
        db.session.scalar(select(Product).where(Product.id == hidden)).on_shelf = False
        db.session.commit()
    assert client.submit(f"/en/favourites/products/{hidden}", {}, form_page="/en/account/favourites").status_code == 404
    assert db.session.scalar(select(func.count()).select_from(Favourite)) == 2


def test_sitemaps_list_products_only_on_their_canonical_host(world, client_for):
    store_map = _text(client_for("acme.localhost").get("/sitemap.xml"))
    assert "<loc>http://acme.localhost/en/p/linen-shirt</loc>" in store_map
    assert "<loc>http://acme.localhost/en/c/shirts</loc>" in store_map
    assert "kimono" not in store_map
    mall_map = _text(client_for("localhost").get("/sitemap.xml"))
    assert "/p/linen-shirt" not in mall_map
    assert "<loc>http://localhost/en/s/acme/</loc>" in mall_map and "<loc>http://localhost/en/c/clothing</loc>" in mall_map


@pytest.mark.parametrize("host,path", [
    ("localhost", "/en/"), ("localhost", "/en/c/clothing?sort=price_asc"), ("localhost", "/en/s/acme/p/linen-shirt"),
    ("localhost", "/en/s/acme/"), ("acme.localhost", "/en/"), ("acme.localhost", "/en/c/shirts"),
    ("acme.localhost", "/en/p/linen-shirt?o0=Blue&o1=M"),
])
def test_catalog_pages_within_query_budget(world, client_for, host, path):
    client = client_for(host)
    client.get(path)  # warm the per-process caches (categories, brands, rates)
    with count_queries() as statements:
        assert client.get(path).status_code == 200
    assert len(statements) <= 8, statements


def test_signed_in_product_page_in_another_currency_stays_within_budget(world, client_for):
    """The heaviest product page: signed in (session, favourite), a currency
    other than the store's (fixed prices), other sellers of the same GTIN."""
    make_user("counted@example.com")
    client = client_for("localhost")
    sign_in(client, "counted@example.com")
    client.get("/en/currency/EUR")
    client.get("/ja/s/acme/p/linen-shirt")
    with count_queries() as statements:
        page = client.get("/ja/s/acme/p/linen-shirt")
    assert page.status_code == 200 and "Kimono Shirt" in page.get_data(as_text=True)
    assert len(statements) <= 8, statements


def test_a_large_store_gets_a_sitemap_index(world, client_for, monkeypatch):
    from app.web import shop

    monkeypatch.setattr(shop, "SITEMAP_LIMIT", 2)  # home, categories, products: more than two pages
    client = client_for("acme.localhost")
    index = client.get("/sitemap.xml").get_data(as_text=True)
    assert "<sitemapindex" in index and "<loc>http://acme.localhost/sitemap-1.xml</loc>" in index
    parts = [client.get(f"/sitemap-{n}.xml") for n in range(1, 5)]
    everything = "".join(p.get_data(as_text=True) for p in parts if p.status_code == 200)
    assert "<loc>http://acme.localhost/en/p/linen-shirt</loc>" in everything
    assert 'hreflang="x-default"' in parts[0].get_data(as_text=True)
    assert client.get("/sitemap-99.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_a_store_currency_without_a_rate_shows_the_stores_own_price(world, client_for):
    pounds = make_store("brit", currency="GBP", country="GB")  # GBP has no exchange rate here
    approve_category(pounds, world["shirts"].id)
    make_product(pounds, world["shirts"].id, "Tweed Shirt", price="45.00")
    mall = client_for("localhost")
    home = mall.get("/en/")
    assert home.status_code == 200 and "£45.00" in home.get_data(as_text=True)
    listing = mall.get("/en/c/shirts?sort=price_asc")
    assert listing.status_code == 200 and _names(listing.get_data(as_text=True))[-1] == "Tweed Shirt"  # unknown: last


def test_listing_counts_may_lag_but_the_products_shown_never_do(world, client_for, app):
    app.config["LISTING_COUNTS_TTL"] = 60
    try:
        mall = client_for("localhost")
        assert "3 products" in mall.get("/en/c/clothing").get_data(as_text=True)
        make_product(world["acme"], world["shirts"].id, "Fresh Shirt", price="7.00")
        page = mall.get("/en/c/clothing?stock=1").get_data(as_text=True)  # other filters: counted afresh
        assert "4 products" in page and "Fresh Shirt" in _names(page)
        page = mall.get("/en/c/clothing?sort=newest").get_data(as_text=True)  # same filters, another sort: kept total
        assert "3 products" in page and _names(page)[0] == "Fresh Shirt"
    finally:
        app.config["LISTING_COUNTS_TTL"] = 0
