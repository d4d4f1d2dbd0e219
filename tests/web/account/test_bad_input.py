"""Bad input on every form: each refusal answers 4xx, says clearly what is wrong
in the page, and changes nothing in the database.

Forms covered: sign-up, sign-in (wrong password, unknown account, throttling),
password reset request and reset, change password, profile, console invite and
role change, console invitation accept, admin store creation and status change;
plus emailed tokens (expired, reused, bad) and CSRF (normal and HTMX POSTs).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import PlatformRole, User
from app.config import ROOT
from app.extensions import db
from app.tenancy.models import Membership, Role, Store, StoreStatus
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import PASSWORD, add_member, make_store, make_user

URL_RE = re.compile(r"https?://[^\s\"'<>]+")

REQUIRED = "This field is required."
BAD_EMAIL = "Enter a valid email address, like name@example.com."
EMAIL_TAKEN = "An account with this email already exists. Sign in or reset your password."
SHOPPER_SHORT = "Use at least 8 characters for your password."
STAFF_SHORT = "Staff passwords must be at least 12 characters long."
WRONG_CREDENTIALS = "Email or password is incorrect."
THROTTLED = "Too many sign-in attempts. Wait a few minutes and try again."
BAD_CHOICE = "Choose one of the options."
TOKEN_USED = "This link is invalid or has already been used. Ask for a new one."
TOKEN_EXPIRED = "This link has expired. Ask for a new one."
RELOAD = "Your session expired or the form is out of date. Reload the page and try again."
LAST_OWNER = "A store needs at least one owner. Make someone else owner first."
SLUG_MALFORMED = ("Use 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or "
                  "digit.")
SLUG_RESERVED = "This name is reserved. Choose another."
SLUG_TAKEN = "This name is already taken. Choose another."

LONG_NAME = "N" * 121
LONG_EMAIL = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + "." + "c" * 7  # 255 characters
assert len(LONG_EMAIL) == 255


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _db_state() -> dict:
    """Every row of every table, to compare before and after a refused request."""
    with all_stores():
        return {table.name: sorted(map(tuple, db.session.execute(table.select()).all()), key=repr)
                for table in db.metadata.sorted_tables}


def _path_of_link(message, fragment: str) -> str:
    body = message.get_body(("plain",)).get_content()
    return urlsplit(next(url for url in URL_RE.findall(body) if fragment in url)).path


def _signed_in(client_for, host, email, password=PASSWORD):
    client = client_for(host)
    response = sign_in(client, email, password)
    assert response.status_code == 303, _text(response)[:500]
    return client


def _assert_refused(response, message, status=422):
    body = _text(response)
    assert response.status_code == status, (response.status_code, body[:800])
    assert message in body, body[:3000]
    return body


# --- sign-up -------------------------------------------------------------------

SIGN_UP = {"name": "Ada", "email": "ada@example.com", "password": "analytical1"}


@pytest.mark.parametrize("change,message", [
    ({"email": "not-an-email"}, BAD_EMAIL),
    ({"email": "ada@"}, BAD_EMAIL),
    ({"email": ""}, REQUIRED),
    ({"email": LONG_EMAIL}, "Use at most 254 characters."),
    ({"password": "seven77"}, SHOPPER_SHORT),
    ({"password": ""}, REQUIRED),
    ({"password": "p" * 129}, "Use at most 128 characters."),
    ({"name": LONG_NAME}, "Use at most 120 characters."),
], ids=["malformed", "no-domain", "empty-email", "long-email", "short-password", "no-password",
        "long-password", "long-name"])
def test_sign_up_refuses_bad_fields(client_for, change, message):
    make_store("acme")
    shop = client_for("acme.localhost")
    before = _db_state()
    response = shop.submit("/en/account/sign-up", {**SIGN_UP, **change})
    body = _assert_refused(response, message)
    assert 'id="sign-up-form"' in body, "the form is shown again"
    assert 'aria-invalid="true"' in body
    assert _db_state() == before
    assert shop.get("/en/account/").status_code == 302, "nobody is signed in"


@pytest.mark.parametrize("email", ["taken@example.com", "TAKEN@EXAMPLE.COM", "Taken@Example.com"])
def test_sign_up_with_a_taken_email_gives_the_same_message_whatever_the_case(client_for, outbox, email):
    make_user("taken@example.com")
    mall = client_for("localhost")
    before = _db_state()
    response = mall.submit("/en/account/sign-up", {**SIGN_UP, "email": email})
    _assert_refused(response, EMAIL_TAKEN)
    assert _db_state() == before
    assert outbox == []


def test_sign_up_keeps_what_was_typed_except_the_password(client_for):
    mall = client_for("localhost")
    response = mall.submit("/en/account/sign-up", {"name": "Ada", "email": "ada@example.com",
                                                    "password": "short"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="Ada"' in body and 'value="ada@example.com"' in body
    assert 'value="short"' not in body


# --- sign-in -------------------------------------------------------------------

def _main(body: str) -> str:
    """The page's main content, without tokens that differ per request."""
    main = body[body.index('<main'):body.index('</main>')]
    return re.sub(r'name="csrf_token"[^>]*>', "", main)


def test_wrong_password_and_unknown_account_get_the_same_answer(client_for):
    make_user("known@example.com")
    before = _db_state()
    wrong = client_for("localhost").submit("/en/account/sign-in",
                                          {"email": "known@example.com", "password": "not-the-password"})
    unknown = client_for("localhost").submit("/en/account/sign-in",
                                            {"email": "nobody@example.com", "password": "not-the-password"})
    _assert_refused(wrong, WRONG_CREDENTIALS)
    _assert_refused(unknown, WRONG_CREDENTIALS)
    assert _main(_text(wrong)).replace("known@", "X@") == _main(_text(unknown)).replace("nobody@", "X@")
    assert _db_state() == before


@pytest.mark.parametrize("data,message", [
    ({"email": "not-an-email", "password": PASSWORD}, BAD_EMAIL),
    ({"email": "", "password": PASSWORD}, REQUIRED),
    ({"email": "known@example.com", "password": ""}, REQUIRED),
])
def test_sign_in_refuses_malformed_input(client_for, data, message):
    make_user("known@example.com")
    before = _db_state()
    _assert_refused(client_for("localhost").submit("/en/account/sign-in", data), message)
    assert _db_state() == before


def test_sign_in_on_the_console_refuses_a_wrong_password(client_for):
    store = make_store("acme")
    add_member(store, make_user("owner@example.com"), Role.OWNER)
    before = _db_state()
    response = client_for("merchant.localhost").submit("/sign-in", {"email": "owner@example.com",
                                                                    "password": "wrong-password-x"})
    _assert_refused(response, WRONG_CREDENTIALS)
    assert _db_state() == before


def test_sign_in_is_throttled_per_account(app, client_for):
    assert app.config["LOGIN_MAX_PER_ACCOUNT"] == 5
    make_user("known@example.com")
    make_user("other@example.com")
    attacker = client_for("localhost")
    for _ in range(5):
        _assert_refused(attacker.submit("/en/account/sign-in",
                                        {"email": "known@example.com", "password": "guess-guess"}),
                        WRONG_CREDENTIALS)
    before = _db_state()

    # Now even the right password is refused for a while, in any case of the address.
    for email in ("known@example.com", "KNOWN@example.com"):
        blocked = client_for("localhost").submit("/en/account/sign-in", {"email": email, "password": PASSWORD})
        body = _assert_refused(blocked, THROTTLED, status=429)
        assert WRONG_CREDENTIALS not in body
    assert _db_state() == before, "no session was created"
    # Another account from the same address is not affected.
    assert sign_in(client_for("localhost"), "other@example.com").status_code == 303


def test_an_unknown_account_is_throttled_like_a_known_one(client_for):
    client = client_for("localhost")
    for _ in range(5):
        _assert_refused(client.submit("/en/account/sign-in", {"email": "nobody@example.com", "password": "x"}),
                        WRONG_CREDENTIALS)
    _assert_refused(client.submit("/en/account/sign-in", {"email": "nobody@example.com", "password": "x"}),
                    THROTTLED, status=429)


def test_sign_in_is_throttled_per_ip(app, client_for, monkeypatch):
    assert app.config["LOGIN_MAX_PER_IP"] == 30
    monkeypatch.setitem(app.config, "LOGIN_MAX_PER_IP", 3)  # restored after the test
    make_user("victim@example.com")
    bad_ip = {"REMOTE_ADDR": "203.0.113.7"}
    client = client_for("localhost")
    for n in range(3):  # three different accounts: the per-account limit is never reached
        _assert_refused(client.submit("/en/account/sign-in", {"email": f"guess{n}@example.com", "password": "x"},
                                      environ_base=bad_ip), WRONG_CREDENTIALS)
    before = _db_state()
    blocked = client.submit("/en/account/sign-in", {"email": "victim@example.com", "password": PASSWORD},
                            environ_base=bad_ip)
    _assert_refused(blocked, THROTTLED, status=429)
    assert _db_state() == before
    elsewhere = client_for("localhost").submit("/en/account/sign-in",
                                               {"email": "victim@example.com", "password": PASSWORD},
                                               environ_base={"REMOTE_ADDR": "198.51.100.9"})
    assert elsewhere.status_code == 303


def test_wrong_password_message_in_arabic(client_for):
    from babel.messages.mofile import read_mo

    mo = ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.mo"
    make_user("known@example.com")
    response = client_for("localhost").submit("/ar/account/sign-in",
                                              {"email": "known@example.com", "password": "not-the-password"})
    body = _text(response)
    assert response.status_code == 422
    assert '<html lang="ar" dir="rtl">' in body
    translated = None
    if Path(mo).exists():
        with open(mo, "rb") as fh:
            entry = read_mo(fh).get(WRONG_CREDENTIALS)
        translated = entry.string if entry is not None and entry.string else None
    if not translated:
        pytest.skip("translations/ar/LC_MESSAGES/messages.mo does not translate the sign-in error")
    assert WRONG_CREDENTIALS not in body
    assert translated in body


# --- password reset ------------------------------------------------------------

def _reset_path(client, outbox, email, request_path="/en/account/reset") -> str:
    response = client.submit(request_path, {"email": email})
    assert response.status_code == 200
    assert outbox, "a reset email was sent"
    return _path_of_link(outbox[-1], "/reset/")


@pytest.mark.parametrize("email,message", [("not-an-email", BAD_EMAIL), ("", REQUIRED),
                                           (LONG_EMAIL, "Use at most 254 characters.")])
def test_reset_request_refuses_a_bad_address(client_for, outbox, email, message):
    make_user("known@example.com")
    before = _db_state()
    body = _assert_refused(client_for("localhost").submit("/en/account/reset", {"email": email}), message)
    assert 'id="reset-form"' in body
    assert outbox == []
    assert _db_state() == before


def test_reset_refuses_a_short_shopper_password(client_for, outbox):
    make_user("shopper@example.com")
    mall = client_for("localhost")
    path = _reset_path(mall, outbox, "shopper@example.com")
    before = _db_state()
    _assert_refused(mall.submit(path, {"password": "seven77"}), SHOPPER_SHORT)
    assert _db_state() == before
    assert mall.submit(path, {"password": "eight888"}).status_code == 303, "the link still works"


def test_reset_refuses_a_staff_password_under_12(client_for, outbox):
    store = make_store("acme")
    add_member(store, make_user("owner@example.com"), Role.OWNER)
    console = client_for("merchant.localhost")
    path = _reset_path(console, outbox, "owner@example.com", "/reset")
    assert path.startswith("/reset/")
    assert "At least 12 characters." in _text(console.get(path))
    before = _db_state()
    _assert_refused(console.submit(path, {"password": "elevenchars"}), STAFF_SHORT)
    assert _db_state() == before


def test_reset_link_used_twice_is_refused(client_for, outbox):
    make_user("shopper@example.com")
    mall = client_for("localhost")
    path = _reset_path(mall, outbox, "shopper@example.com")
    assert mall.submit(path, {"password": "first-new-password"}).status_code == 303
    before = _db_state()
    again = mall.get(path)
    body = _assert_refused(again, TOKEN_USED, status=400)
    assert "Ask for a new password link" in body
    _assert_refused(mall.post(path, data={"password": "second-new-password", "csrf_token": mall.csrf(
        "/en/account/reset")}), TOKEN_USED, status=400)
    assert _db_state() == before
    user = db.session.scalar(select(User).where(User.email == "shopper@example.com"))
    assert user.check_password("first-new-password")


def test_an_expired_reset_link_is_refused(app, client_for, outbox, monkeypatch):
    make_user("shopper@example.com")
    mall = client_for("localhost")
    path = _reset_path(mall, outbox, "shopper@example.com")
    monkeypatch.setitem(app.config, "PASSWORD_RESET_MAX_AGE", -1)
    before = _db_state()
    _assert_refused(mall.get(path), TOKEN_EXPIRED, status=400)
    token = mall.csrf("/en/account/reset")
    _assert_refused(mall.post(path, data={"password": "a-new-password", "csrf_token": token}),
                    TOKEN_EXPIRED, status=400)
    assert _db_state() == before


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxfQ.bad.sig", "x" * 300])
def test_a_made_up_reset_link_is_refused(client_for, token):
    make_user("shopper@example.com")
    for host, path in (("localhost", f"/en/account/reset/{token}"), ("merchant.localhost", f"/reset/{token}")):
        _assert_refused(client_for(host).get(path), TOKEN_USED, status=400)


# --- email verification --------------------------------------------------------

def test_a_verification_link_works_once(client_for, outbox):
    mall = client_for("localhost")
    mall.submit("/en/account/sign-up", SIGN_UP)
    path = _path_of_link(outbox[0], "/verify/")
    assert mall.submit(path, {}).status_code == 303
    before = _db_state()
    body = _assert_refused(mall.submit(path, {}), TOKEN_USED, status=400)
    assert "This link cannot be used" in body
    assert _db_state() == before


def test_a_bad_verification_link_is_refused(client_for, outbox):
    mall = client_for("localhost")
    mall.submit("/en/account/sign-up", SIGN_UP)
    good = _path_of_link(outbox[0], "/verify/")
    before = _db_state()
    _assert_refused(mall.submit("/en/account/verify/nonsense", {}), TOKEN_USED, status=400)
    _assert_refused(mall.submit(good[:-4] + "AAAA", {}), TOKEN_USED, status=400)
    # A reset token is not a verification token.
    reset_path = _reset_path(client_for("localhost"), outbox, "ada@example.com")
    reset_token = reset_path.rsplit("/", 1)[1]
    _assert_refused(mall.submit(f"/en/account/verify/{reset_token}", {}), TOKEN_USED, status=400)
    assert _db_state() == before
    user = db.session.scalar(select(User).where(User.email == "ada@example.com"))
    assert user.email_verified_at is None


# --- change password and profile ---------------------------------------------------

@pytest.mark.parametrize("data,message", [
    ({"current_password": "not-my-password", "new_password": "a-fine-new-one"}, "Your current password is incorrect."),
    ({"current_password": PASSWORD, "new_password": "seven77"}, SHOPPER_SHORT),
    ({"current_password": PASSWORD, "new_password": ""}, REQUIRED),
    ({"current_password": "", "new_password": "a-fine-new-one"}, REQUIRED),
])
def test_change_password_refusals_change_nothing(client_for, data, message):
    make_user("shopper@example.com")
    client = _signed_in(client_for, "localhost", "shopper@example.com")
    other = _signed_in(client_for, "localhost", "shopper@example.com")
    before = _db_state()
    response = client.submit("/en/account/password", data, form_page="/en/account/profile")
    _assert_refused(response, message)
    assert _db_state() == before
    assert other.get("/en/account/").status_code == 200, "other sessions go on"


def test_staff_need_12_characters_when_changing_password_on_any_surface(client_for):
    store = make_store("acme")
    add_member(store, make_user("staff@example.com"), Role.STAFF)
    for host, form_page, action in (("merchant.localhost", "/account", "/account/password"),
                                    ("localhost", "/en/account/profile", "/en/account/password")):
        client = _signed_in(client_for, host, "staff@example.com")
        before = _db_state()
        response = client.submit(action, {"current_password": PASSWORD, "new_password": "elevenchars"},
                                 form_page=form_page)
        _assert_refused(response, STAFF_SHORT)
        assert _db_state() == before


@pytest.mark.parametrize("change,message", [
    ({"name": LONG_NAME}, "Use at most 120 characters."),
    ({"locale": "xx"}, BAD_CHOICE),
    ({"locale": "zh_Hans"}, BAD_CHOICE),
    ({"currency": "ZZZ"}, BAD_CHOICE),
])
def test_profile_refuses_bad_fields(client_for, change, message):
    make_user("shopper@example.com", name="Sam")
    client = _signed_in(client_for, "localhost", "shopper@example.com")
    before = _db_state()
    response = client.submit("/en/account/profile", {"name": "Samira", "locale": "fr", "currency": "EUR", **change})
    _assert_refused(response, message)
    assert _db_state() == before


def test_staff_profile_refuses_an_unknown_language(client_for):
    store = make_store("acme")
    add_member(store, make_user("owner@example.com"), Role.OWNER)
    console = _signed_in(client_for, "merchant.localhost", "owner@example.com")
    before = _db_state()
    _assert_refused(console.submit("/account", {"name": "Olu", "locale": "klingon"}), BAD_CHOICE)
    assert _db_state() == before


# --- console: invite, role change, invitation accept -----------------------------------

@pytest.fixture
def acme_staff():
    store = make_store("acme", name="Acme Outfitters")
    owner = make_user("owner@example.com")
    member = make_user("member@example.com")
    add_member(store, owner, Role.OWNER)
    membership = add_member(store, member, Role.STAFF)
    with store_scope(store.id):
        membership_id = membership.id
    return {"store": store, "owner": owner, "member": member, "owner_id": owner.id,
            "membership_id": membership_id, "store_id": store.id}


@pytest.mark.parametrize("data,message", [
    ({"email": "not-an-email", "role": "staff"}, BAD_EMAIL),
    ({"email": "", "role": "staff"}, REQUIRED),
    ({"email": LONG_EMAIL, "role": "staff"}, "Use at most 254 characters."),
    ({"email": "new@example.com", "role": "superuser"}, BAD_CHOICE),
    ({"email": "MEMBER@example.com", "role": "manager"}, "This person already works for this store."),
])
def test_console_invite_refuses_bad_input(client_for, outbox, acme_staff, data, message):
    console = _signed_in(client_for, "merchant.localhost", "owner@example.com")
    before = _db_state()
    response = console.submit("/acme/staff/invite", data, form_page="/acme/staff")
    body = _assert_refused(response, message)
    assert "Invite someone" in body, "the staff page with the form is shown again"
    assert _db_state() == before
    assert outbox == []


def _role_of(membership_id, store_id):
    with store_scope(store_id):
        return db.session.scalar(select(Membership.role).where(Membership.id == membership_id))


def test_console_role_change_refuses_an_unknown_role(client_for, acme_staff):
    console = _signed_in(client_for, "merchant.localhost", "owner@example.com")
    mid = acme_staff["membership_id"]
    before = _db_state()
    response = console.submit(f"/acme/staff/{mid}/role", {f"m{mid}-role": "emperor"}, form_page="/acme/staff")
    _assert_refused(response, BAD_CHOICE)
    assert _db_state() == before
    assert _role_of(mid, acme_staff["store_id"]) == Role.STAFF


def test_console_role_change_refuses_to_demote_the_last_owner(client_for, acme_staff):
    console = _signed_in(client_for, "merchant.localhost", "owner@example.com")
    with store_scope(acme_staff["store_id"]):
        owner_mid = db.session.scalar(select(Membership.id).where(Membership.user_id == acme_staff["owner_id"]))
    before = _db_state()
    response = console.submit(f"/acme/staff/{owner_mid}/role", {f"m{owner_mid}-role": "manager"},
                              form_page="/acme/staff")
    _assert_refused(response, LAST_OWNER)
    assert _db_state() == before


@pytest.fixture
def invitation_path(client_for, outbox, acme_staff):
    console = _signed_in(client_for, "merchant.localhost", "owner@example.com")
    response = console.submit("/acme/staff/invite", {"email": "newbie@example.com", "role": "staff"},
                              form_page="/acme/staff")
    assert response.status_code == 303
    path = _path_of_link(outbox[-1], "/invitations/")
    outbox.clear()
    return path


@pytest.mark.parametrize("data,message", [
    ({"name": "Newbie", "password": "elevenchars"}, STAFF_SHORT),
    ({"name": "Newbie", "password": ""}, REQUIRED),
    ({"name": LONG_NAME, "password": "twelve-chars-ok"}, "Use at most 120 characters."),
])
def test_invitation_accept_form_refuses_bad_input(client_for, outbox, invitation_path, data, message):
    visitor = client_for("merchant.localhost")
    before = _db_state()
    body = _assert_refused(visitor.submit(invitation_path, data), message)
    assert "Join Acme Outfitters" in body
    assert _db_state() == before
    assert visitor.get("/acme/").status_code == 302, "nobody is signed in"
    assert db.session.scalar(select(User).where(User.email == "newbie@example.com")) is None


def test_invitation_links_that_are_bad_or_used_are_refused(client_for, invitation_path):
    visitor = client_for("merchant.localhost")
    before = _db_state()
    _assert_refused(visitor.get("/invitations/nonsense"), TOKEN_USED, status=400)
    _assert_refused(visitor.get(invitation_path[:-4] + "AAAA"), TOKEN_USED, status=400)
    assert _db_state() == before
    assert visitor.submit(invitation_path, {"name": "Newbie", "password": "twelve-chars-ok"}).status_code == 303
    after_use = _db_state()
    _assert_refused(client_for("merchant.localhost").get(invitation_path), TOKEN_USED, status=400)
    assert _db_state() == after_use


# --- admin: create store, change status ---------------------------------------------

NEW_STORE = {"name": "New Shop", "slug": "new-shop", "type": "third_party", "country": "US", "time_zone": "UTC",
             "default_locale": "en", "base_currency": "USD", "owner_email": "someone@example.com"}


@pytest.fixture
def admin(client_for):
    make_user("admin@platform.example.com", platform_role=PlatformRole.ADMIN)
    return _signed_in(client_for, "admin.localhost", "admin@platform.example.com")


@pytest.mark.parametrize("change,message", [
    ({"slug": "taken"}, SLUG_TAKEN),
    ({"slug": "admin"}, SLUG_RESERVED),
    ({"slug": "www"}, SLUG_RESERVED),
    ({"slug": "zh-hans"}, SLUG_RESERVED),
    ({"slug": "A_B"}, SLUG_MALFORMED),
    ({"slug": "ab"}, SLUG_MALFORMED),
    ({"slug": "-abc"}, SLUG_MALFORMED),
    ({"slug": ""}, REQUIRED),
    ({"slug": "x" * 41}, "Use at most 40 characters."),
    ({"name": ""}, REQUIRED),
    ({"name": LONG_NAME}, "Use at most 120 characters."),
    ({"owner_email": "not-an-email"}, BAD_EMAIL),
    ({"owner_email": LONG_EMAIL}, "Use at most 254 characters."),
    ({"type": "pirate"}, BAD_CHOICE),
    ({"country": "XX"}, BAD_CHOICE),
    ({"time_zone": "Mars/Olympus_Mons"}, BAD_CHOICE),
    ({"default_locale": "tlh"}, BAD_CHOICE),
    ({"base_currency": "DOGE"}, BAD_CHOICE),
])
def test_admin_create_store_refuses_bad_input(admin, outbox, change, message):
    make_store("taken")
    before = _db_state()
    response = admin.submit("/stores/new", {**NEW_STORE, **change})
    body = _assert_refused(response, message)
    assert "Create the store" in body
    assert _db_state() == before
    assert outbox == []


def test_admin_create_store_control_the_base_form_is_valid(admin):
    """The refusals above come from the one field each changes."""
    response = admin.submit("/stores/new", NEW_STORE)
    assert response.status_code == 303
    assert db.session.scalar(select(Store).where(Store.slug == "new-shop")) is not None


@pytest.mark.parametrize("data,message", [
    ({"action": "suspend", "reason": ""}, "Give a reason; the store's staff will see it."),
    ({"action": "suspend", "reason": "   "}, "Give a reason; the store's staff will see it."),
    ({"action": "close", "reason": ""}, "Give a reason; the store's staff will see it."),
    ({"action": "explode", "reason": "because"}, BAD_CHOICE),
    ({"action": "reopen", "reason": ""}, "A store that is open cannot be changed this way."),
    ({"action": "suspend", "reason": "r" * 1001}, "Use at most 1000 characters."),
])
def test_admin_status_change_refuses_bad_input(admin, client_for, data, message):
    store = make_store("acme", name="Acme Outfitters")
    before = _db_state()
    response = admin.submit(f"/stores/{store.id}/status", data, form_page=f"/stores/{store.id}")
    _assert_refused(response, message)
    assert _db_state() == before
    assert client_for("acme.localhost").get("/en/").status_code == 200
    assert db.session.get(Store, store.id).status == StoreStatus.OPEN


# --- CSRF --------------------------------------------------------------------------

def _assert_csrf_refused(response):
    body = _assert_refused(response, RELOAD, status=400)
    assert "Please reload the page" in body


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}], ids=["normal", "htmx"])
def test_sign_up_without_or_with_a_wrong_csrf_token_is_refused(client_for, outbox, headers):
    mall = client_for("localhost")
    mall.get("/en/account/sign-up")
    before = _db_state()
    _assert_csrf_refused(mall.post("/en/account/sign-up", data=SIGN_UP, headers=headers))
    _assert_csrf_refused(mall.post("/en/account/sign-up", data={**SIGN_UP, "csrf_token": "forged"},
                                   headers=headers))
    _assert_csrf_refused(mall.post("/en/account/sign-up", data=SIGN_UP,
                                   headers={**headers, "X-CSRFToken": "forged"}))
    assert _db_state() == before
    assert outbox == []


def test_a_csrf_token_from_another_browser_is_refused(client_for):
    attacker = client_for("localhost")
    token = attacker.csrf("/en/account/sign-up")
    victim = client_for("localhost")
    victim.get("/en/")
    before = _db_state()
    _assert_csrf_refused(victim.post("/en/account/sign-up", data={**SIGN_UP, "csrf_token": token}))
    assert _db_state() == before


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}], ids=["normal", "htmx"])
def test_signed_in_posts_without_csrf_change_nothing(client_for, acme_staff, headers):
    make_user("admin@platform.example.com", platform_role=PlatformRole.ADMIN)
    shopper = _signed_in(client_for, "localhost", "member@example.com")
    console = _signed_in(client_for, "merchant.localhost", "owner@example.com")
    admin = _signed_in(client_for, "admin.localhost", "admin@platform.example.com")
    mid = acme_staff["membership_id"]
    before = _db_state()
    attempts = [
        (shopper, "/en/account/profile", {"name": "Hacked", "locale": "", "currency": ""}),
        (shopper, "/en/account/password", {"current_password": PASSWORD, "new_password": "hacked-password"}),
        (shopper, "/en/account/sign-out-everywhere", {}),
        (console, "/acme/staff/invite", {"email": "mole@example.com", "role": "owner"}),
        (console, f"/acme/staff/{mid}/role", {f"m{mid}-role": "owner"}),
        (console, f"/acme/staff/{mid}/remove", {}),
        (admin, f"/stores/{acme_staff['store_id']}/status", {"action": "suspend", "reason": "csrf"}),
        (admin, "/stores/new", {**NEW_STORE}),
    ]
    for client, path, data in attempts:
        _assert_csrf_refused(client.post(path, data=data, headers=headers))
        _assert_csrf_refused(client.post(path, data={**data, "csrf_token": "wrong"}, headers=headers))
    assert _db_state() == before
    assert shopper.get("/en/account/").status_code == 200, "still signed in"
