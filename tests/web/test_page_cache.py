"""The anonymous page cache: visitors without a session share cached pages
for PAGE_CACHE_TTL seconds; anyone with a session, HTMX partials of another
shape and non-GET requests never get another visitor's copy."""

import pytest
from sqlalchemy import select

from app.catalog import services as catalog
from app.catalog.models import Product
from app.extensions import db
from app.tenancy.scope import store_scope
from app.web.page_cache import clear_page_cache
from tests.conftest import sign_in
from tests.factories import approve_category, make_product, make_store, make_user


@pytest.fixture
def cached(app):
    app.config["PAGE_CACHE_TTL"] = 60
    clear_page_cache()
    yield
    app.config["PAGE_CACHE_TTL"] = 0
    clear_page_cache()


@pytest.fixture
def shop():
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store = make_store("acme")
    approve_category(store, shirts.id)
    product_id = make_product(store, shirts.id, "Linen Shirt", price="20.00")
    return store, product_id


def _rename(store, product_id, name):
    with store_scope(store.id):
        db.session.scalar(select(Product).where(Product.id == product_id)).name = name
        db.session.commit()


def test_anonymous_visitors_share_a_cached_page_until_it_expires(cached, shop, client_for):
    store, product_id = shop
    first = client_for("acme.localhost").get("/en/p/linen-shirt")
    assert "<h1>Linen Shirt</h1>" in first.get_data(as_text=True)
    _rename(store, product_id, "Renamed Shirt")
    again = client_for("acme.localhost").get("/en/p/linen-shirt")
    assert "<h1>Linen Shirt</h1>" in again.get_data(as_text=True)  # the cached copy
    # Security headers are still set on a cached copy, and it records the view for the visitor.
    assert "default-src 'self'" in again.headers["Content-Security-Policy"]
    assert f"recent={product_id}" in again.headers["Set-Cookie"]
    clear_page_cache()
    assert "<h1>Renamed Shirt</h1>" in client_for("acme.localhost").get("/en/p/linen-shirt").get_data(as_text=True)


def test_signed_in_visitors_and_other_currencies_never_get_the_shared_copy(cached, shop, client_for):
    store, product_id = shop
    client_for("acme.localhost").get("/en/p/linen-shirt")
    _rename(store, product_id, "Renamed Shirt")
    shopper = client_for("acme.localhost")
    make_user("shopper@example.com")
    sign_in(shopper, "shopper@example.com")
    assert "<h1>Renamed Shirt</h1>" in shopper.get("/en/p/linen-shirt").get_data(as_text=True)
    euro = client_for("acme.localhost")
    euro.set_cookie("currency", "EUR", domain="acme.localhost")
    assert "<h1>Renamed Shirt</h1>" in euro.get("/en/p/linen-shirt").get_data(as_text=True)


def test_htmx_partials_are_cached_apart_from_full_pages(cached, shop, client_for):
    client_for("acme.localhost").get("/en/p/linen-shirt", headers={"HX-Request": "true"})
    full = client_for("acme.localhost").get("/en/p/linen-shirt")
    assert full.get_data(as_text=True).lstrip().startswith("<!doctype html>")


def test_pages_that_start_a_session_are_not_cached(cached, client_for, app):
    make_store("acme")
    from app.web.page_cache import _entries

    client_for("acme.localhost").get("/en/account/sign-in")  # a CSRF token: never shared
    assert not _entries


def test_an_expired_copy_is_refreshed_by_one_request_and_dropped_when_the_page_is_gone(cached, shop, client_for, app):
    import time

    from app.web import page_cache

    store, product_id = shop
    client_for("acme.localhost").get("/en/p/linen-shirt")
    key = next(iter(page_cache._entries))
    expires, *rest = page_cache._entries[key]
    page_cache._entries[key] = (time.monotonic() - 1, *rest)  # just expired, within the grace period
    _rename(store, product_id, "Renamed Shirt")
    refreshed = client_for("acme.localhost").get("/en/p/linen-shirt")
    assert "<h1>Renamed Shirt</h1>" in refreshed.get_data(as_text=True)
    assert not page_cache._refreshing
    # The product leaves the shelf: the refresh is a 404 and the old copy is not served again.
    page_cache._entries[key] = (time.monotonic() - 1, *page_cache._entries[key][1:])
    with store_scope(store.id):
        db.session.scalar(select(Product).where(Product.id == product_id)).on_shelf = False
        db.session.commit()
    assert client_for("acme.localhost").get("/en/p/linen-shirt").status_code == 404
    assert client_for("acme.localhost").get("/en/p/linen-shirt").status_code == 404
