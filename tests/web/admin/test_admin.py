"""The platform admin (admin.localhost): dashboard counts, the store list with
its filters (full page and HTMX partial), creating a store for an existing or
a new owner, suspending and reopening (the storefront follows at once), users,
jobs, and what the finance role may see."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import PlatformRole, User
from app.extensions import db
from app.tenancy.models import Invitation, Membership, Role, Store, StoreEvent, StoreStatus, StoreType
from app.tenancy.scope import store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user

URL_RE = re.compile(r"https?://[^\s\"'<>]+")
NEW_STORE = {"name": "New Shop", "slug": "new-shop", "type": "third_party", "country": "DE",
             "time_zone": "Europe/Berlin", "default_locale": "de", "base_currency": "EUR",
             "owner_email": "owner@example.com"}


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _admin(client_for, role=PlatformRole.ADMIN):
    email = f"{role.value}@platform.example.com"
    if db.session.scalar(select(User).where(User.email == email)) is None:
        make_user(email, name=f"{role.value.title()} Person", platform_role=role)
    client = client_for("admin.localhost")
    response = sign_in(client, email)
    assert response.status_code == 303, _text(response)[:500]
    return client


def _links(message) -> list[str]:
    return URL_RE.findall(message.get_body(("plain",)).get_content())


def _stat(body: str, label: str) -> int:
    match = re.search(r'<span class="stat-value">(\d+)</span>\s*<span class="stat-label">' + re.escape(label) + "<",
                      body)
    assert match, f"no stat {label!r}"
    return int(match.group(1))


@pytest.fixture
def stores():
    make_store("acme", name="Acme Outfitters")
    make_store("borealis", name="Borealis Books")
    make_store("fresh", name="Fresh Start", status=StoreStatus.SETUP)
    make_store("shady", name="Shady Deals", status=StoreStatus.SUSPENDED)


# --- dashboard -------------------------------------------------------------------

def test_dashboard_counts_stores_by_status_and_users(client_for, stores):
    make_user("one@example.com")
    make_user("two@example.com")
    make_user("ops@platform.example.com", platform_role=PlatformRole.OPERATIONS)
    admin = _admin(client_for)
    response = admin.get("/")
    assert response.status_code == 200
    body = _text(response)
    assert "Dashboard" in body
    assert _stat(body, "open") == 2
    assert _stat(body, "in set-up") == 1
    assert _stat(body, "suspended") == 1
    assert _stat(body, "closed") == 0
    assert _stat(body, "Users") == 4
    assert _stat(body, "Platform staff") == 2
    assert 'href="/stores?status=suspended"' in body
    assert "Failed jobs" not in body, "no queue to count without Redis"


def test_anonymous_visitors_are_sent_to_sign_in(client_for):
    response = client_for("admin.localhost").get("/stores")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/sign-in"


# --- stores list ---------------------------------------------------------------------

def test_stores_list_filters_by_status_and_search(client_for, stores):
    admin = _admin(client_for)
    everything = _text(admin.get("/stores"))
    for name in ("Acme Outfitters", "Borealis Books", "Fresh Start", "Shady Deals"):
        assert name in everything

    suspended = _text(admin.get("/stores?status=suspended"))
    assert "Shady Deals" in suspended
    assert "Acme Outfitters" not in suspended and "Fresh Start" not in suspended
    assert '<option value="suspended" selected>' in suspended

    by_name = _text(admin.get("/stores?q=OUTFIT"))
    assert "Acme Outfitters" in by_name and "Borealis Books" not in by_name
    by_slug = _text(admin.get("/stores?q=borea"))
    assert "Borealis Books" in by_slug and "Acme Outfitters" not in by_slug
    both = _text(admin.get("/stores?q=s&status=open"))
    assert "Acme Outfitters" in both and "Borealis Books" in both and "Shady Deals" not in both
    nothing = _text(admin.get("/stores?q=zzz"))
    assert "No store matches." in nothing
    unknown_status = _text(admin.get("/stores?status=bogus"))
    assert "Shady Deals" in unknown_status and "Acme Outfitters" in unknown_status


def test_stores_list_as_htmx_returns_only_the_table(client_for, stores):
    admin = _admin(client_for)
    response = admin.get("/stores?status=setup", headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = _text(response)
    assert body.lstrip().startswith('<div id="stores-table">')
    assert "<html" not in body and "<header" not in body
    assert "Fresh Start" in body and "Acme Outfitters" not in body
    assert "HX-Request" in response.headers.get("Vary", "")
    full = admin.get("/stores?status=setup")
    assert "<html" in full.get_data(as_text=True)
    assert "HX-Request" in full.headers.get("Vary", "")


# --- create a store ------------------------------------------------------------------------

def test_create_a_store_for_an_existing_user(client_for, outbox):
    owner = make_user("owner@example.com", name="Olu")
    admin = _admin(client_for)
    form = admin.get("/stores/new")
    assert form.status_code == 200
    assert "Create a store" in _text(form)

    response = admin.submit("/stores/new", {**NEW_STORE, "owner_email": "Owner@Example.com"})

    assert response.status_code == 303
    store = db.session.scalar(select(Store).where(Store.slug == "new-shop"))
    assert store is not None
    assert urlsplit(response.headers["Location"]).path == f"/stores/{store.id}"
    assert (store.name, store.status, store.type, store.country, store.time_zone, store.default_locale,
            store.base_currency) == ("New Shop", StoreStatus.SETUP, StoreType.THIRD_PARTY, "DE", "Europe/Berlin",
                                     "de", "EUR")
    with store_scope(store.id):
        memberships = db.session.scalars(select(Membership)).all()
        assert [(m.user_id, m.role) for m in memberships] == [(owner.id, Role.OWNER)]
        assert db.session.scalar(select(Invitation)) is None
        assert [e.action for e in db.session.scalars(select(StoreEvent))] == ["created"]

    detail = _text(admin.get(f"/stores/{store.id}"))
    assert "Store New Shop created." in detail
    assert "Olu" in detail and "owner@example.com" in detail
    assert "new-shop.localhost" in detail

    assert len(outbox) == 1
    assert outbox[0]["To"] == "owner@example.com"
    assert "New Shop" in outbox[0]["Subject"]
    assert "http://merchant.localhost/new-shop/" in _links(outbox[0])
    console = client_for("merchant.localhost")
    sign_in(console, "owner@example.com")
    assert console.get("/new-shop/").status_code == 200


def test_create_a_store_for_an_unknown_owner_sends_an_invitation(client_for, outbox):
    admin = _admin(client_for)
    response = admin.submit("/stores/new", {**NEW_STORE, "owner_email": "Founder@Example.com"})

    assert response.status_code == 303
    store = db.session.scalar(select(Store).where(Store.slug == "new-shop"))
    with store_scope(store.id):
        assert db.session.scalar(select(Membership)) is None
        invitation = db.session.scalar(select(Invitation))
    assert (invitation.email, invitation.role) == ("founder@example.com", Role.OWNER)
    assert db.session.scalar(select(User).where(User.email == "founder@example.com")) is None
    assert "Invited: founder@example.com (Owner)" in _text(admin.get(f"/stores/{store.id}"))

    assert len(outbox) == 1
    assert outbox[0]["To"] == "founder@example.com"
    assert "New Shop" in outbox[0]["Subject"]
    link = next(url for url in _links(outbox[0]) if "/invitations/" in url)
    assert link.startswith("http://merchant.localhost/invitations/")

    founder = client_for("merchant.localhost")
    joined = founder.submit(urlsplit(link).path, {"name": "Founder", "password": "twelve-chars-ok"})
    assert joined.status_code == 303
    assert urlsplit(joined.headers["Location"]).path == "/new-shop/"
    user = db.session.scalar(select(User).where(User.email == "founder@example.com"))
    with store_scope(store.id):
        assert db.session.scalar(select(Membership.role).where(Membership.user_id == user.id)) == Role.OWNER


# --- suspend and reopen ---------------------------------------------------------------------

def test_suspend_takes_the_storefront_down_at_once_and_reopen_brings_it_back(app, client_for, monkeypatch):
    monkeypatch.setitem(app.config, "TENANT_CACHE_TTL", 300.0)  # as in production, a cache that would lag
    store = make_store("acme", name="Acme Outfitters")
    add_member(store, make_user("owner@example.com"), Role.OWNER)
    shop = client_for("acme.localhost")
    assert shop.get("/en/").status_code == 200  # the store is now in the tenant cache
    admin = _admin(client_for)

    response = admin.submit(f"/stores/{store.id}/status", {"action": "suspend", "reason": "Counterfeit goods reported"},
                            form_page=f"/stores/{store.id}")

    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == f"/stores/{store.id}"
    gone = shop.get("/en/")
    assert gone.status_code == 404
    assert "Acme" not in _text(gone)
    stored = db.session.get(Store, store.id)
    assert (stored.status, stored.status_reason) == (StoreStatus.SUSPENDED, "Counterfeit goods reported")
    detail = _text(admin.get(f"/stores/{store.id}"))
    assert "Acme Outfitters is now suspended." in detail
    assert "Reason: Counterfeit goods reported" in detail
    assert "Suspended · Admin Person: Counterfeit goods reported" in detail

    console = client_for("merchant.localhost")
    sign_in(console, "owner@example.com")
    home = _text(console.get("/acme/"))
    assert "The platform has suspended this store." in home
    assert "Reason: Counterfeit goods reported" in home
    assert "Acme Outfitters" not in _text(client_for("localhost").get("/en/")), "gone from the mall too"

    reopened = admin.submit(f"/stores/{store.id}/status", {"action": "reopen", "reason": ""},
                            form_page=f"/stores/{store.id}")
    assert reopened.status_code == 303
    assert shop.get("/en/").status_code == 200
    stored = db.session.get(Store, store.id)
    assert (stored.status, stored.status_reason) == (StoreStatus.OPEN, None)
    assert "suspended" not in _text(console.get("/acme/")).lower().split("<main", 1)[1]
    with store_scope(store.id):
        assert [e.action for e in db.session.scalars(select(StoreEvent).order_by(StoreEvent.id))] == [
            "suspend", "reopen"]


def test_suspend_without_a_reason_is_refused(client_for):
    store = make_store("acme", name="Acme Outfitters")
    admin = _admin(client_for)
    response = admin.submit(f"/stores/{store.id}/status", {"action": "suspend", "reason": ""},
                            form_page=f"/stores/{store.id}")
    assert response.status_code == 422
    assert "Give a reason; the store's staff will see it." in _text(response)
    assert db.session.get(Store, store.id).status == StoreStatus.OPEN
    assert client_for("acme.localhost").get("/en/").status_code == 200
    with store_scope(store.id):
        assert db.session.scalar(select(StoreEvent)) is None


# --- users and jobs --------------------------------------------------------------------------

def test_users_list_and_search(client_for):
    make_user("alice@example.com", name="Alice Liddell")
    make_user("bob@example.com", name="Bob Builder", verified=False)
    admin = _admin(client_for)
    everyone = _text(admin.get("/users"))
    assert "alice@example.com" in everyone and "bob@example.com" in everyone
    assert "admin@platform.example.com" in everyone and "Administrator" in everyone
    assert "unconfirmed" in everyone

    by_name = _text(admin.get("/users?q=LIDDELL"))
    assert "alice@example.com" in by_name and "bob@example.com" not in by_name
    by_email = _text(admin.get("/users?q=bob@"))
    assert "bob@example.com" in by_email and "alice@example.com" not in by_email
    assert "No user matches." in _text(admin.get("/users?q=nobody-at-all"))

    partial = admin.get("/users?q=alice", headers={"HX-Request": "true"})
    assert partial.get_data(as_text=True).lstrip().startswith('<div id="users-table">')


def test_jobs_page_explains_that_jobs_run_inline_without_redis(client_for):
    admin = _admin(client_for)
    response = admin.get("/jobs")
    assert response.status_code == 200
    body = _text(response)
    assert "No Redis is configured (REDIS_URL), so jobs run inline in the web process" in body
    assert "Periodic jobs" in body


# --- roles ---------------------------------------------------------------------------------

def test_finance_sees_the_dashboard_and_stores_but_not_users_or_jobs(client_for, stores):
    finance = _admin(client_for, PlatformRole.FINANCE)
    assert finance.get("/").status_code == 200
    stores_page = finance.get("/stores")
    assert stores_page.status_code == 200
    assert "Acme Outfitters" in _text(stores_page)
    assert "Create a store" not in _text(stores_page)
    acme = db.session.scalar(select(Store).where(Store.slug == "acme"))
    detail = finance.get(f"/stores/{acme.id}")
    assert detail.status_code == 200
    assert "Change status" not in _text(detail)
    nav = _text(finance.get("/"))
    assert 'href="/users"' not in nav and 'href="/jobs"' not in nav
    for path in ("/users", "/jobs", "/stores/new"):
        response = finance.get(path)
        assert response.status_code == 403, path
        body = _text(response)
        assert "You do not have access to this page" in body
        assert "This page is for platform staff with another role." in body
        assert "surface-admin" in body
    refused = finance.submit(f"/stores/{acme.id}/status", {"action": "suspend", "reason": "x"},
                             form_page=f"/stores/{acme.id}")
    assert refused.status_code == 403
    assert db.session.get(Store, acme.id).status == StoreStatus.OPEN


def test_support_sees_users_but_not_jobs(client_for):
    support = _admin(client_for, PlatformRole.SUPPORT)
    assert support.get("/users").status_code == 200
    assert support.get("/jobs").status_code == 403
