"""Host routing: each host reaches its own surface, unknown hosts get a bare
404, hosts are normalised, /healthz answers everywhere."""

import pytest

from app.extensions import db
from app.tenancy.hosts import classify_host, normalise_host, slug_problem
from app.tenancy.models import Domain, DomainState, StoreStatus
from app.tenancy.scope import store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user


def test_same_path_on_two_hosts_reaches_two_views(client_for):
    make_store("acme", name="Acme Outfitters")
    mall = client_for("localhost").get("/en/")
    store = client_for("acme.localhost").get("/en/")
    assert mall.status_code == store.status_code == 200
    assert "Shop the world" in mall.get_data(as_text=True)
    assert "Welcome to Acme Outfitters" in store.get_data(as_text=True)


def test_console_path_shaped_like_a_locale_is_the_console(client_for):
    """/en/ on the mall is the home page; on the merchant host it is a store slug."""
    store = make_store("acme")
    owner = make_user("owner@example.com")
    add_member(store, owner)
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    assert client_for("localhost").get("/en/").status_code == 200
    assert console.get("/en/").status_code == 404  # no store "en" for this user
    assert console.get("/acme/").status_code == 200


@pytest.mark.parametrize("host", ["localhost", "www.localhost", "acme.localhost", "merchant.localhost",
                                  "admin.localhost", "nobody.localhost", "evil.example", "a.b.localhost"])
def test_healthz_on_any_host(client_for, host):
    response = client_for(host).get("/healthz")
    assert response.status_code == 200
    assert response.data == b"ok"


@pytest.mark.parametrize("host", ["nobody.localhost", "evil.example", "a.b.localhost", "www.localhost.evil.example",
                                  "admin.localhost.evil.example", "in valid", "x" * 300])
def test_unknown_or_garbage_host_is_a_bare_404(client_for, host):
    make_store("acme", name="Acme Outfitters")
    response = client_for("localhost").get("/en/", headers={"Host": host})
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "Acme" not in body
    assert "Page not found" in body


@pytest.mark.parametrize("status", [StoreStatus.SETUP, StoreStatus.SUSPENDED, StoreStatus.CLOSED])
def test_store_not_open_is_404_with_no_store_data(client_for, status):
    make_store("acme", name="Acme Outfitters", status=status)
    response = client_for("acme.localhost").get("/en/")
    assert response.status_code == 404
    assert "Acme" not in response.get_data(as_text=True)


def test_expired_store_is_404(client_for):
    from datetime import timedelta

    from app.core.time import utcnow

    store = make_store("acme", name="Acme Outfitters")
    store.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client_for("acme.localhost").get("/en/").status_code == 404
    assert "Acme Outfitters" not in client_for("localhost").get("/en/").get_data(as_text=True)


@pytest.mark.parametrize("raw", ["ACME.localhost", "acme.localhost.", "acme.localhost:8000", "Acme.LocalHost.:443"])
def test_host_is_normalised(client_for, raw):
    make_store("acme", name="Acme Outfitters")
    response = client_for(raw).get("/en/")
    assert response.status_code == 200
    assert "Acme Outfitters" in response.get_data(as_text=True)


def test_custom_domain_served_only_while_active(client_for):
    store = make_store("acme", name="Acme Outfitters")
    with store_scope(store.id):
        domain = Domain(store_id=store.id, hostname="shop.acme-brand.test", verification_token="t",
                        state=DomainState.VERIFIED)
        db.session.add(domain)
        db.session.commit()
    assert client_for("shop.acme-brand.test").get("/en/").status_code == 404
    for state in (DomainState.ACTIVE,):
        with store_scope(store.id):
            domain.state = state
            db.session.commit()
        response = client_for("shop.acme-brand.test").get("/en/")
        assert response.status_code == 200
        assert "Acme Outfitters" in response.get_data(as_text=True)
    for state in (DomainState.FAILED, DomainState.REMOVED, DomainState.PENDING_DNS):
        with store_scope(store.id):
            domain.state = state
            db.session.commit()
        assert client_for("shop.acme-brand.test").get("/en/").status_code == 404


def test_unknown_locale_prefix_is_404(client_for):
    make_store("acme")
    for host in ("localhost", "acme.localhost"):
        assert client_for(host).get("/xx/").status_code == 404
        assert client_for(host).get("/EN/").status_code == 404
        assert client_for(host).get("/zh_Hans/").status_code == 404


@pytest.mark.parametrize("code", ["en", "zh-hans", "zh-hant", "ja", "ko", "de", "es", "fr", "pt", "ru", "ar",
                                  "id", "it", "ms", "th", "vi", "my"])
def test_every_locale_routes_and_sets_lang_and_dir(client_for, code):
    make_store("acme")
    for host in ("localhost", "acme.localhost"):
        body = client_for(host).get(f"/{code}/").get_data(as_text=True)
        expected_lang = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}.get(code, code)
        assert f'<html lang="{expected_lang}" dir="{"rtl" if code == "ar" else "ltr"}">' in body


def test_switcher_lists_all_17_locales(client_for):
    body = client_for("localhost").get("/en/").get_data(as_text=True)
    assert body.count('hreflang=') >= 17 * 2  # <link rel=alternate> and the switcher
    for name in ("English", "العربية", "中文 (简体)", "日本語", "မြန်မာ"):
        assert name in body


def test_root_redirects_by_cookie_then_preference_then_accept_language_then_store_default(client_for):
    make_store("sakura", locale="ja")
    shop = client_for("sakura.localhost")
    assert shop.get("/").headers["Location"].endswith("/ja/")
    assert shop.get("/", headers={"Accept-Language": "ar,en;q=0.5"}).headers["Location"].endswith("/ar/")
    assert shop.get("/", headers={"Accept-Language": "zh-CN"}).headers["Location"].endswith("/zh-hans/")
    shop.set_cookie("locale", "de", domain="sakura.localhost")
    assert shop.get("/", headers={"Accept-Language": "ar"}).headers["Location"].endswith("/de/")
    mall = client_for("localhost")
    assert mall.get("/").headers["Location"].endswith("/en/")


def test_visiting_a_locale_remembers_it(client_for):
    mall = client_for("localhost")
    mall.get("/fr/")
    assert mall.get("/").headers["Location"].endswith("/fr/")


def test_classify_and_normalise_units():
    assert normalise_host("Shop.Example.COM.:8443") == "shop.example.com"
    assert normalise_host("bad host") is None
    assert normalise_host("") is None
    assert normalise_host("[::1]:80") is None
    assert classify_host("localhost", "localhost") == ("mall", None)
    assert classify_host("www.localhost", "localhost") == ("mall", None)
    assert classify_host("admin.localhost", "localhost") == ("admin", None)
    assert classify_host("merchant.localhost", "localhost") == ("console", None)
    assert classify_host("acme.localhost", "localhost") == ("storefront", "acme")
    assert classify_host("api.localhost", "localhost") == ("nowhere", None)
    assert classify_host("shop.brand.com", "localhost") == ("storefront", None)


@pytest.mark.parametrize("slug,problem", [
    ("acme", None), ("a-1", None), ("abc-def-123", None),
    ("ab", "malformed"), ("-abc", "malformed"), ("abc-", "malformed"), ("ABC", "malformed"), ("a_b", "malformed"),
    ("x" * 41, "malformed"), ("www", "reserved"), ("admin", "reserved"), ("merchant", "reserved"),
    ("sign-in", "reserved"), ("healthz", "reserved"), ("zh-hans", "reserved"), ("ar", "malformed"),
    ("static", "reserved"), ("stores", "reserved"),
])
def test_slug_rules(slug, problem):
    assert slug_problem(slug) == problem


def test_unknown_host_answers_404_before_csrf(client_for):
    """Tenant resolution runs first: a POST to an unknown host is a 404, not a CSRF 400."""
    response = client_for("nobody.localhost").post("/en/account/sign-in", data={"email": "a@b.co"})
    assert response.status_code == 404
