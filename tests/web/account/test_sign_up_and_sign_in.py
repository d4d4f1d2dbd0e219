"""Shopper accounts through the real pages: sign up (with the welcome email and
its verification link), sign in and out, session cookies (a new one at sign-in,
tampered or replayed ones sign nobody in), "sign out everywhere", password
change and the profile form."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from sqlalchemy import func, select

from app.accounts.models import User, UserSession
from app.extensions import db
from tests.conftest import sign_in
from tests.factories import PASSWORD, enable_currency, make_store, make_user

URL_RE = re.compile(r"https?://[^\s\"'<>]+")


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _links(message) -> list[str]:
    return URL_RE.findall(message.get_body(("plain",)).get_content())


def _session_cookie(client):
    cookie = client.get_cookie("session", domain=client.host)
    return cookie.value if cookie is not None else None


def _copy_session(client, other):
    """Put ``client``'s session cookie in ``other`` (a second browser, or a thief)."""
    other.set_cookie("session", _session_cookie(client), domain=other.host)
    return other


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _is_signed_in(client, home: str = "/en/account/") -> bool:
    response = client.get(home)
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


# --- sign up -------------------------------------------------------------------

def test_sign_up_on_a_storefront_creates_the_user_signs_them_in_and_sends_a_welcome(client_for, outbox):
    make_store("acme", name="Acme Outfitters")
    shop = client_for("acme.localhost")
    form = shop.get("/en/account/sign-up")
    assert form.status_code == 200
    assert "Create your account" in _text(form)

    response = shop.submit("/en/account/sign-up",
                           {"name": "Ada Lovelace", "email": "Ada@Example.com", "password": "analytical1"})

    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/en/account/"
    user = _user("ada@example.com")
    assert user is not None, "the address is stored lower case"
    assert user.name == "Ada Lovelace"
    assert user.preferred_locale == "en"
    assert user.email_verified_at is None
    assert user.check_password("analytical1")
    home = shop.get("/en/account/")
    assert home.status_code == 200
    assert "Hello, Ada Lovelace" in _text(home)
    assert "Please confirm your email address" in _text(home)

    assert len(outbox) == 1
    welcome = outbox[0]
    assert welcome["To"] == "ada@example.com"
    assert welcome["Subject"] == "Welcome to Acme Outfitters"
    verify_links = [link for link in _links(welcome) if "/account/verify/" in link]
    assert len(verify_links) == 1
    link = urlsplit(verify_links[0])
    assert (link.scheme, link.netloc) == ("http", "acme.localhost")
    assert link.path.startswith("/en/account/verify/")


def test_the_welcome_link_confirms_the_email_after_pressing_the_button(client_for, outbox):
    make_store("acme", name="Acme Outfitters")
    shop = client_for("acme.localhost")
    shop.submit("/en/account/sign-up", {"email": "ada@example.com", "password": "analytical1"})
    path = urlsplit(next(link for link in _links(outbox[0]) if "/verify/" in link)).path

    page = shop.get(path)
    assert page.status_code == 200
    assert "Confirm my email address" in _text(page)
    assert _user("ada@example.com").email_verified_at is None, "a GET (a mail scanner) confirms nothing"

    confirmed = shop.submit(path, {})
    assert confirmed.status_code == 303
    assert urlsplit(confirmed.headers["Location"]).path == "/en/account/"
    assert _user("ada@example.com").email_verified_at is not None
    home = _text(shop.get("/en/account/"))
    assert "Your email address is confirmed." in home
    assert "Please confirm your email address" not in home


def test_the_verification_link_also_works_in_another_signed_out_browser(client_for, outbox):
    make_store("acme")
    client_for("acme.localhost").submit("/en/account/sign-up",
                                        {"email": "ada@example.com", "password": "analytical1"})
    path = urlsplit(next(link for link in _links(outbox[0]) if "/verify/" in link)).path
    phone = client_for("acme.localhost")
    response = phone.submit(path, {})
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/en/account/sign-in"
    assert _user("ada@example.com").email_verified_at is not None


# --- sign in and out -----------------------------------------------------------

def test_anonymous_account_page_redirects_to_sign_in(client_for):
    make_store("acme")
    for host in ("localhost", "acme.localhost"):
        response = client_for(host).get("/en/account/")
        assert response.status_code == 302
        location = urlsplit(response.headers["Location"])
        assert location.path == "/en/account/sign-in"
        assert "next=/en/account/" in location.query


def test_sign_in_and_sign_out_on_mall_and_storefront(client_for):
    make_store("acme")
    make_user("shopper@example.com", name="Sam")
    for host in ("localhost", "acme.localhost"):
        client = client_for(host)
        assert not _is_signed_in(client)

        response = sign_in(client, "Shopper@Example.com")  # any case works
        assert response.status_code == 303
        assert urlsplit(response.headers["Location"]).path == "/en/account/"
        page = client.get("/en/account/")
        assert page.status_code == 200
        assert "Hello, Sam" in _text(page)
        assert "Welcome back, Sam." in _text(page)

        out = client.submit("/en/account/sign-out", {}, form_page="/en/account/")
        assert out.status_code == 303
        assert urlsplit(out.headers["Location"]).path == "/en/"
        assert "You are signed out." in _text(client.get("/en/"))
        assert not _is_signed_in(client)


def test_sign_in_follows_a_safe_next_and_ignores_an_offsite_one(client_for):
    make_user("shopper@example.com")
    client = client_for("localhost")
    good = client.submit("/en/account/sign-in", {"email": "shopper@example.com", "password": PASSWORD,
                                                 "next": "/en/account/profile"})
    assert good.headers["Location"].endswith("/en/account/profile")
    other = client_for("localhost")
    bad = other.submit("/en/account/sign-in", {"email": "shopper@example.com", "password": PASSWORD,
                                               "next": "//evil.example/steal"})
    assert bad.status_code == 303
    assert "evil.example" not in bad.headers["Location"]


def test_signing_in_gives_a_new_session_cookie(client_for):
    make_user("shopper@example.com")
    client = client_for("localhost")
    client.get("/en/account/sign-in")
    before = _session_cookie(client)
    assert before, "the sign-in page sets a session (for the CSRF token)"
    sign_in(client, "shopper@example.com")
    after = _session_cookie(client)
    assert after and after != before
    # The anonymous cookie an attacker might have planted signs nobody in.
    planted = client_for("localhost")
    planted.set_cookie("session", before, domain="localhost")
    assert not _is_signed_in(planted)
    assert _is_signed_in(client)


def test_a_tampered_session_cookie_is_treated_as_signed_out(client_for):
    make_user("shopper@example.com", name="Sam")
    client = client_for("localhost")
    sign_in(client, "shopper@example.com")
    value = _session_cookie(client)
    tampered = value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB")
    for bad in (tampered, "garbage", "", ".eJwFwQ.forged.sig"):
        thief = client_for("localhost")
        thief.set_cookie("session", bad, domain="localhost")
        response = thief.get("/en/account/")
        assert response.status_code == 302, bad
        home = thief.get("/en/")
        assert home.status_code == 200
        assert "Sam" not in _text(home)
        assert "Create account" in _text(home)


def test_sign_out_ends_the_session_so_a_copied_cookie_stops_working(client_for):
    user = make_user("shopper@example.com")
    client = client_for("localhost")
    sign_in(client, "shopper@example.com")
    copy = _copy_session(client, client_for("localhost"))
    assert _is_signed_in(copy), "a copy of a live cookie works (it is the same browser session)"
    assert db.session.scalar(select(func.count()).select_from(UserSession)
                             .where(UserSession.user_id == user.id)) == 1

    client.submit("/en/account/sign-out", {}, form_page="/en/account/")

    assert not _is_signed_in(client)
    assert not _is_signed_in(copy)
    assert db.session.scalar(select(func.count()).select_from(UserSession)
                             .where(UserSession.user_id == user.id)) == 0


def test_sign_out_everywhere_signs_out_every_browser(client_for):
    make_user("shopper@example.com")
    laptop = client_for("localhost")
    sign_in(laptop, "shopper@example.com")
    stolen = _copy_session(laptop, client_for("localhost"))
    phone = client_for("localhost")
    sign_in(phone, "shopper@example.com")
    assert _is_signed_in(stolen) and _is_signed_in(phone)

    response = laptop.submit("/en/account/sign-out-everywhere", {}, form_page="/en/account/profile")

    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/en/account/sign-in"
    assert "You are signed out on every device." in _text(laptop.get("/en/account/sign-in"))
    for client in (laptop, stolen, phone):
        assert not _is_signed_in(client)
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0
    assert sign_in(client_for("localhost"), "shopper@example.com").status_code == 303  # password unchanged


def test_password_change_keeps_this_session_and_ends_the_others(client_for):
    make_user("shopper@example.com")
    client = client_for("localhost")
    sign_in(client, "shopper@example.com")
    old_copy = _copy_session(client, client_for("localhost"))
    other = client_for("localhost")
    sign_in(other, "shopper@example.com")

    response = client.submit("/en/account/password",
                             {"current_password": PASSWORD, "new_password": "a-brand-new-one"},
                             form_page="/en/account/profile")

    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/en/account/profile"
    page = client.get("/en/account/profile")
    assert page.status_code == 200
    assert "Your password is changed. Other sessions have been signed out." in _text(page)
    assert not _is_signed_in(other)
    assert _user("shopper@example.com").check_password("a-brand-new-one")
    # The copy carries this very session, so it still works until this browser signs out.
    assert _is_signed_in(old_copy)
    client.submit("/en/account/sign-out", {}, form_page="/en/account/")
    assert not _is_signed_in(old_copy)


def test_a_cookie_from_before_a_password_change_elsewhere_signs_nobody_in(client_for):
    make_user("shopper@example.com")
    old = client_for("localhost")
    sign_in(old, "shopper@example.com")
    stolen = _copy_session(old, client_for("localhost"))
    owner = client_for("localhost")
    sign_in(owner, "shopper@example.com")
    owner.submit("/en/account/password", {"current_password": PASSWORD, "new_password": "a-brand-new-one"},
                 form_page="/en/account/profile")
    assert not _is_signed_in(stolen)
    assert not _is_signed_in(old)
    assert _is_signed_in(owner)


# --- profile -------------------------------------------------------------------

def test_profile_saves_name_language_and_currency(client_for):
    make_store("acme")
    enable_currency("EUR", "0.92")
    make_user("shopper@example.com", name="Sam")
    shop = client_for("acme.localhost")
    sign_in(shop, "shopper@example.com")
    page = shop.get("/en/account/profile")
    assert page.status_code == 200
    assert 'value="Sam"' in page.get_data(as_text=True)

    response = shop.submit("/en/account/profile", {"name": "  Samira  ", "locale": "fr", "currency": "EUR"})

    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/en/account/profile"
    user = _user("shopper@example.com")
    assert (user.name, user.preferred_locale, user.preferred_currency) == ("Samira", "fr", "EUR")
    saved = shop.get("/en/account/profile").get_data(as_text=True)
    assert "Your profile is saved." in saved
    assert 'value="Samira"' in saved
    assert re.search(r'<option[^>]*selected[^>]*value="fr"|<option[^>]*value="fr"[^>]*selected', saved)
    assert re.search(r'<option[^>]*selected[^>]*value="EUR"|<option[^>]*value="EUR"[^>]*selected', saved)
    home = _text(shop.get("/en/account/"))
    assert "Français" in home and "EUR" in home

    # Back to automatic.
    shop.submit("/en/account/profile", {"name": "", "locale": "", "currency": ""})
    user = _user("shopper@example.com")
    assert (user.name, user.preferred_locale, user.preferred_currency) == ("", None, None)
