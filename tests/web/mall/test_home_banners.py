"""Banners on the shopper home pages: the mall shows the platform's banners,
a storefront its own store's; only active ones, inside their time window, for
the page's language (or every language), in order; as an accessible strip;
within the page's SQL budget (one query for the banners)."""

from __future__ import annotations

import io
import re
import shutil
from datetime import timedelta

import pytest
from PIL import Image

from app.catalog import banners as service
from app.catalog import services as catalog
from app.core.time import utcnow
from app.extensions import db
from app.tenancy.scope import store_scope
from tests.factories import approve_category, enable_currency, make_product, make_store
from tests.web.test_query_counts import count_queries


def image_bytes(size=(600, 200), colour=(30, 90, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _clean_media(app):
    yield
    shutil.rmtree(app.config["MEDIA_ROOT"], ignore_errors=True)


def add_banner(title, *, store=None, subtitle=None, link=None, locale=None, active=True, starts_in=None,
               ends_in=None):
    """A banner through the service; ``starts_in``/``ends_in`` are timedeltas from now."""
    now = utcnow()
    kwargs = dict(image=image_bytes(), title=title, subtitle=subtitle, link=link, locale=locale, active=active,
                  starts_at=now + starts_in if starts_in is not None else None,
                  ends_at=now + ends_in if ends_in is not None else None)
    if store is None:
        banner = service.save_banner(None, **kwargs)
        db.session.commit()
        return banner.image_key
    with store_scope(store.id):
        banner = service.save_banner(None, store_id=store.id, **kwargs)
        db.session.commit()
        return banner.image_key


HOUR = timedelta(hours=1)


@pytest.fixture
def world():
    from app.i18n.models import Currency

    db.session.add(Currency(code="USD", enabled=True))
    enable_currency("JPY", "150")
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    acme, sakura = make_store("acme"), make_store("sakura", currency="JPY", country="JP", locale="ja")
    for store in (acme, sakura):
        approve_category(store, shirts.id)
    make_product(acme, shirts.id, "Linen Shirt", price="20.00")
    make_product(sakura, shirts.id, "Kimono Shirt", price="1200")
    return {"acme": acme, "sakura": sakura}


def strip_titles(html: str) -> list[str]:
    """The banner titles on the page, in order."""
    match = re.search(r'<ul class="banner-strip"[^>]*>(.*?)</ul>', html, re.S)
    if not match:
        return []
    return re.findall(r'<span class="banner-title" aria-hidden="true">([^<]*)</span>', match.group(1))


def test_the_mall_shows_active_banners_in_their_window_for_the_language_in_order(world, client_for):
    add_banner("Everyone", link="/en/c/shirts", subtitle="For every language")
    add_banner("Switched off", active=False)
    add_banner("Not yet", starts_in=HOUR)
    add_banner("Over", starts_in=-2 * HOUR, ends_in=-HOUR)
    add_banner("French only", locale="fr")
    add_banner("English, until later", locale="en", ends_in=HOUR)
    add_banner("Started", starts_in=-HOUR, link="https://example.com/sale")
    mall = client_for("localhost")

    english = mall.get("/en/").get_data(as_text=True)
    assert strip_titles(english) == ["Everyone", "English, until later", "Started"]
    for hidden in ("Switched off", "Not yet", "Over", "French only"):
        assert hidden not in english
    assert strip_titles(mall.get("/fr/").get_data(as_text=True)) == ["Everyone", "French only", "Started"]
    assert strip_titles(mall.get("/ja/").get_data(as_text=True)) == ["Everyone", "Started"]


def test_the_strip_is_an_accessible_list_of_links_and_images(world, client_for):
    first = add_banner("Winter sale", link="/en/c/shirts", subtitle="Up to 50% off")
    second = add_banner("Gift ideas")
    third = add_banner("Partner offer", link="https://example.com/offer")
    html = client_for("localhost").get("/en/").get_data(as_text=True)
    strip = re.search(r'<ul class="banner-strip"([^>]*)>(.*?)</ul>', html, re.S)
    assert strip and 'aria-label="Featured"' in strip.group(1)
    assert 'tabindex="0"' not in strip.group(1)  # it holds links, which take the focus
    items = re.findall(r'<li class="banner">(.*?)</li>', strip.group(2), re.S)
    assert len(items) == 3
    assert '<a class="banner-card" href="/en/c/shirts">' in items[0]
    assert '<div class="banner-card">' in items[1] and "<a " not in items[1]
    assert '<a class="banner-card" href="https://example.com/offer">' in items[2]
    for item, key, title, loading in ((items[0], first, "Winter sale", "eager"), (items[1], second, "Gift ideas", "lazy"),
                                      (items[2], third, "Partner offer", "lazy")):
        img = re.search(r"<img [^>]*>", item).group(0)
        assert f'alt="{title}"' in img and f'loading="{loading}"' in img
        assert f"/media/{key}-640.webp" in img and 'width="600" height="200"' in img
    assert '<span class="banner-subtitle">Up to 50% off</span>' in items[0]
    # Banners come before everything else on the page.
    assert html.index('class="banner-strip"') < html.index("<h1>")


def test_a_strip_without_links_can_take_the_focus_to_scroll(world, client_for):
    add_banner("One")
    add_banner("Two")
    html = client_for("localhost").get("/en/").get_data(as_text=True)
    assert re.search(r'<ul class="banner-strip" aria-label="Featured" tabindex="0">', html)


def test_no_banners_no_strip(world, client_for):
    for host in ("localhost", "acme.localhost"):
        html = client_for(host).get("/en/").get_data(as_text=True)
        assert "banner-strip" not in html and "Linen Shirt" in html


def test_storefronts_show_only_their_own_banners_and_the_mall_only_its_own(world, client_for):
    add_banner("Mall banner")
    add_banner("Acme banner", store=world["acme"])
    add_banner("Acme in Japanese", store=world["acme"], locale="ja")
    add_banner("Acme switched off", store=world["acme"], active=False)
    add_banner("Acme ended", store=world["acme"], ends_in=-HOUR)
    add_banner("Sakura banner", store=world["sakura"])

    assert strip_titles(client_for("localhost").get("/en/").get_data(as_text=True)) == ["Mall banner"]
    acme = client_for("acme.localhost")
    assert strip_titles(acme.get("/en/").get_data(as_text=True)) == ["Acme banner"]
    assert strip_titles(acme.get("/ja/").get_data(as_text=True)) == ["Acme banner", "Acme in Japanese"]
    assert strip_titles(client_for("sakura.localhost").get("/en/").get_data(as_text=True)) == ["Sakura banner"]
    for host, absent in (("localhost", ("Acme banner", "Acme in Japanese", "Sakura banner")),
                         ("acme.localhost", ("Mall banner", "Sakura banner"))):
        html = client_for(host).get("/en/").get_data(as_text=True)
        for text in absent:
            assert text not in html, (host, text)


def test_the_order_follows_the_position(world, client_for):
    add_banner("A")
    add_banner("B")
    add_banner("C")
    rows = service.ordered_banners(None)
    service.move_banner(rows[2], "up")
    db.session.commit()
    assert strip_titles(client_for("localhost").get("/en/").get_data(as_text=True)) == ["A", "C", "B"]


@pytest.mark.parametrize("host", ["localhost", "acme.localhost"])
def test_home_pages_with_banners_stay_within_the_query_budget(world, client_for, host):
    for n in range(3):
        add_banner(f"Mall {n}", link="/en/")
        add_banner(f"Acme {n}", store=world["acme"], link="/en/")
    client = client_for(host)
    client.get("/en/")  # warm the per-process caches
    with count_queries() as statements:
        response = client.get("/en/")
    assert response.status_code == 200 and len(strip_titles(response.get_data(as_text=True))) == 3
    assert len(statements) <= 8, statements
    banner_queries = [s for s in statements if "banners" in s]
    assert len(banner_queries) == 1, banner_queries
    assert ("store_banners" if host != "localhost" else "mall_banners") in banner_queries[0]
