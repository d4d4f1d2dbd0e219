"""Security headers and error pages on every surface.

- Every response (pages, form errors, HTMX partials, error pages) carries a
  Content-Security-Policy without 'unsafe-inline' and with frame-ancestors
  'none', X-Content-Type-Options nosniff and a Referrer-Policy; HSTS only when
  links are https (PUBLIC_URL_SCHEME).
- No page we serve has inline style or script (style attributes, <style>,
  <script> without src, on* handlers, hx-on): the CSP would block them.
- 400 (stale CSRF token), 403 and 404 pages render in the surface's own
  layout; the 404 for an unknown host or a store that is not serving shows
  nothing of any store.
(A 500 page is not covered: routes cannot be added to the app after its first
request.)
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import PlatformRole
from app.extensions import db
from app.tenancy.models import Role, Store, StoreStatus
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user

TAG_RE = re.compile(r"<[a-zA-Z][^>]*>")
INLINE_SCRIPT_RE = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I)
STYLE_ATTR_RE = re.compile(r"\sstyle\s*=", re.I)
HANDLER_ATTR_RE = re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.I)


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def assert_security_headers(response, where=""):
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    assert csp, f"no CSP on {where}"
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, where
    assert "frame-ancestors 'none'" in csp, where
    directives = {d.strip().split()[0]: d.strip().split()[1:] for d in csp.split(";") if d.strip()}
    assert directives.get("script-src") == ["'self'"], where
    assert directives.get("object-src") == ["'none'"], where
    assert headers.get("X-Content-Type-Options") == "nosniff", where
    assert headers.get("Referrer-Policy") in {"strict-origin-when-cross-origin", "same-origin", "no-referrer",
                                              "strict-origin"}, where


def assert_no_inline_code(body: str, where=""):
    assert not INLINE_SCRIPT_RE.search(body), f"inline <script> on {where}"
    assert "<style" not in body.lower(), f"<style> element on {where}"
    for tag in TAG_RE.findall(body):
        assert not STYLE_ATTR_RE.search(tag), f"style attribute on {where}: {tag}"
        assert not HANDLER_ATTR_RE.search(tag), f"inline handler on {where}: {tag}"
        assert "javascript:" not in tag.lower(), f"javascript: URL on {where}: {tag}"


@pytest.fixture
def world(client_for, outbox):
    """Acme (open) with an owner and a staff member, a shopper, platform staff,
    a pending invitation; and signed-in clients for each surface."""
    acme = make_store("acme", name="Acme Outfitters")
    make_store("fresh", name="Fresh Start", status=StoreStatus.SETUP)
    owner = make_user("owner@example.com")
    add_member(acme, owner, Role.OWNER)
    add_member(acme, make_user("staff@example.com"), Role.STAFF)
    make_user("shopper@example.com")
    make_user("admin@platform.example.com", platform_role=PlatformRole.ADMIN)
    make_user("finance@platform.example.com", platform_role=PlatformRole.FINANCE)

    def signed_in(host, email):
        client = client_for(host)
        assert sign_in(client, email).status_code == 303
        return client

    console = signed_in("merchant.localhost", "owner@example.com")
    console.submit("/acme/staff/invite", {"email": "newbie@example.com", "role": "staff"}, form_page="/acme/staff")
    invitation = urlsplit(re.search(r"http://\S+/invitations/\S+",
                                    outbox[-1].get_body(("plain",)).get_content()).group(0)).path
    return {
        "acme_id": acme.id,
        "invitation": invitation,
        "clients": {
            "mall": (client_for("localhost"), signed_in("localhost", "shopper@example.com")),
            "storefront": (client_for("acme.localhost"), signed_in("acme.localhost", "shopper@example.com")),
            "console": (client_for("merchant.localhost"), console),
            "admin": (client_for("admin.localhost"), signed_in("admin.localhost", "admin@platform.example.com")),
        },
        "staff_console": signed_in("merchant.localhost", "staff@example.com"),
        "finance": signed_in("admin.localhost", "finance@platform.example.com"),
    }


SHOP_ANONYMOUS = ["/en/", "/ar/", "/en/account/sign-in", "/en/account/sign-up", "/en/account/reset",
                  "/en/account/reset/not-a-token", "/en/account/verify/some-token"]
SHOP_SIGNED_IN = ["/en/", "/en/account/", "/en/account/profile", "/ar/account/profile"]
STAFF_ANONYMOUS = ["/sign-in", "/reset", "/reset/not-a-token"]


def _pages(world):
    """(surface, client, path, expected status) for the main pages of every surface."""
    acme = world["acme_id"]
    c = world["clients"]
    pages = []
    for surface in ("mall", "storefront"):
        anonymous, signed = c[surface]
        pages += [(surface, anonymous, p) for p in SHOP_ANONYMOUS]
        pages += [(surface, signed, p) for p in SHOP_SIGNED_IN]
    for surface in ("console", "admin"):
        pages += [(surface, c[surface][0], p) for p in STAFF_ANONYMOUS]
    pages += [("console", c["console"][0], world["invitation"])]
    pages += [("console", c["console"][1], p) for p in ("/acme/", "/acme/staff", "/account")]
    pages += [("admin", c["admin"][1], p) for p in ("/", "/stores", "/stores?q=acme", "/stores/new",
                                                    f"/stores/{acme}", "/users", "/jobs", "/account")]
    return pages


def test_every_main_page_has_security_headers_and_no_inline_code(world):
    seen = 0
    for surface, client, path in _pages(world):
        response = client.get(path)
        where = f"{client.host}{path}"
        assert response.status_code in (200, 400), (where, response.status_code)
        assert response.mimetype == "text/html", where
        assert_security_headers(response, where)
        assert "Strict-Transport-Security" not in response.headers, where
        body = response.get_data(as_text=True)
        assert f"surface-{surface}" in body, where
        assert_no_inline_code(body, where)
        seen += 1
    assert seen >= 35


def test_form_errors_partials_and_error_pages_have_the_same_headers(world, client_for):
    c = world["clients"]
    responses = {
        "422 sign-up": c["mall"][0].submit("/en/account/sign-up", {"email": "bad", "password": "x"}),
        "422 htmx sign-in": c["storefront"][0].submit("/en/account/sign-in", {"email": "bad", "password": "x"},
                                                      headers={"HX-Request": "true"}),
        "htmx stores table": c["admin"][1].get("/stores", headers={"HX-Request": "true"}),
        "400 csrf": c["mall"][0].post("/en/account/sign-in", data={"email": "a@example.com", "password": "x"}),
        "403 console": world["staff_console"].get("/acme/staff"),
        "403 admin": world["finance"].get("/users"),
        "404 mall": c["mall"][0].get("/en/no-such-page"),
        "404 console": c["console"][1].get("/rival/"),
        "404 unknown host": client_for("nobody.localhost").get("/en/"),
        "405": c["mall"][0].post("/en/", data={}),
    }
    for name, response in responses.items():
        assert response.status_code >= 200, name
        assert_security_headers(response, name)
        assert_no_inline_code(response.get_data(as_text=True), name)
    for _ in range(5):
        c["mall"][0].submit("/en/account/sign-in", {"email": "shopper@example.com", "password": "wrong-one"})
    throttled = c["mall"][0].submit("/en/account/sign-in", {"email": "shopper@example.com", "password": "wrong-one"})
    assert throttled.status_code == 429
    assert_security_headers(throttled, "429")


def test_console_and_admin_pages_are_not_cached(world):
    for client, path in ((world["clients"]["console"][1], "/acme/"), (world["clients"]["admin"][1], "/users")):
        assert "no-store" in client.get(path).headers.get("Cache-Control", ""), path


def test_hsts_only_when_links_are_https(app, world, client_for, monkeypatch):
    mall = world["clients"]["mall"][0]
    assert "Strict-Transport-Security" not in mall.get("/en/").headers
    monkeypatch.setitem(app.config, "PUBLIC_URL_SCHEME", "https")  # restored after the test
    for client, path in ((mall, "/en/"), (world["clients"]["console"][0], "/sign-in"),
                         (world["clients"]["admin"][1], "/"), (world["clients"]["storefront"][1], "/en/account/"),
                         (client_for("nobody.localhost"), "/en/"), (mall, "/en/missing")):
        hsts = client.get(path).headers.get("Strict-Transport-Security", "")
        assert "max-age=" in hsts, (client.host, path)
        assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 60 * 60 * 24 * 365
        assert "includeSubDomains" in hsts


# --- error pages in the surface's layout -------------------------------------------------------

def test_404_pages_render_in_their_surfaces_layout(world):
    c = world["clients"]
    cases = [
        (c["mall"][0], "/en/no-such-page", "surface-mall", "brings stores from around the world"),
        (c["mall"][1], "/en/account/no-such-page", "surface-mall", "My account"),
        (c["storefront"][0], "/en/no-such-page", "surface-storefront", "Acme Outfitters · sold on Lintas"),
        (c["console"][1], "/rival/", "surface-console", "Merchant console"),
        (c["console"][1], "/acme/staff/99999/role-nope", "surface-console", "Merchant console"),
        (c["admin"][1], "/stores/99999", "surface-admin", "Platform admin"),
    ]
    for client, path, surface_class, layout_text in cases:
        response = client.get(path)
        assert response.status_code == 404, (client.host, path)
        body = _text(response)
        assert "Page not found" in body
        assert f'class="{surface_class}"' in body, (client.host, path)
        assert layout_text in body, (client.host, path)


def test_403_pages_render_in_their_surfaces_layout(world):
    console = world["staff_console"].get("/acme/staff")
    assert console.status_code == 403
    body = _text(console)
    assert 'class="surface-console"' in body and "Merchant console" in body
    assert "You do not have access to this page" in body
    assert "Your role in this store does not allow this." in body

    admin = world["finance"].get("/jobs")
    assert admin.status_code == 403
    body = _text(admin)
    assert 'class="surface-admin"' in body and "Platform admin" in body
    assert "This page is for platform staff with another role." in body


def test_the_csrf_400_page_renders_in_its_surfaces_layout(world):
    """A stale form (expired session, old tab) is the most common error a
    shopper or merchant meets: it should keep the store's header and language."""
    c = world["clients"]
    cases = [
        (c["storefront"][1], "/en/account/profile", "surface-storefront", "Acme Outfitters"),
        (c["mall"][0], "/en/account/sign-in", "surface-mall", "brings stores from around the world"),
        (c["console"][1], "/acme/staff/invite", "surface-console", "Merchant console"),
        (c["admin"][1], "/stores/new", "surface-admin", "Platform admin"),
    ]
    for client, path, surface_class, layout_text in cases:
        response = client.post(path, data={"name": "x", "email": "x@example.com"})
        assert response.status_code == 400, (client.host, path)
        body = _text(response)
        assert "Reload the page and try again." in body
        assert f'class="{surface_class}"' in body, (client.host, path)
        assert layout_text in body, (client.host, path)
    arabic = c["storefront"][1].post("/ar/account/profile", data={})
    assert arabic.status_code == 400
    assert '<html lang="ar" dir="rtl">' in _text(arabic)
    assert 'class="surface-storefront"' in _text(arabic)


@pytest.fixture
def two_stores():
    make_store("acme", name="Acme Outfitters")
    make_store("fresh", name="Fresh Start", status=StoreStatus.SETUP)


@pytest.mark.parametrize("host", ["nobody.localhost", "evil.example", "api.localhost", "a.b.localhost"])
def test_404_for_an_unknown_host_shows_no_store(two_stores, client_for, host):
    response = client_for(host).get("/en/")
    assert response.status_code == 404
    body = _text(response)
    assert "Page not found" in body
    assert re.search(r'<body class="surface-(none|nowhere)"', body), "the bare layout, no surface's"
    for name in ("Acme Outfitters", "Fresh Start", "acme", "Sign in", "My account"):
        assert name not in body, name
    assert_security_headers(response, host)


def test_404_for_a_store_that_is_not_serving_shows_no_store(two_stores, client_for):
    store = db.session.scalar(select(Store).where(Store.slug == "acme"))
    store.status = StoreStatus.SUSPENDED
    store.status_reason = "Secret internal reason"
    db.session.commit()
    for host, path in (("acme.localhost", "/en/"), ("acme.localhost", "/en/account/sign-in"),
                       ("fresh.localhost", "/en/")):
        response = client_for(host).get(path)
        assert response.status_code == 404
        body = _text(response)
        for leak in ("Acme Outfitters", "Fresh Start", "Secret internal reason"):
            assert leak not in body, (host, path, leak)
