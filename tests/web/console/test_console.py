"""The merchant console (merchant.localhost): the store list, a store's home,
opening a store, staff (invite, accept, roles, removal, the last-owner rule),
what each role may see, and what a suspended store's staff are told."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.tenancy.models import Invitation, Membership, Role, Store, StoreEvent, StoreStatus
from app.tenancy.scope import store_scope
from tests.conftest import sign_in
from tests.factories import PASSWORD, add_member, make_store, make_user

URL_RE = re.compile(r"https?://[^\s\"'<>]+")
LAST_OWNER = "A store needs at least one owner. Make someone else owner first."
ROLE_DENIED = "Your role in this store does not allow this."


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _console(client_for, email, password=PASSWORD):
    client = client_for("merchant.localhost")
    response = sign_in(client, email, password)
    assert response.status_code == 303, _text(response)[:500]
    return client


def _membership(store_id: int, user_id: int) -> Membership | None:
    with store_scope(store_id):
        return db.session.scalar(select(Membership).where(Membership.user_id == user_id))


def _role(store_id: int, user_id: int) -> Role | None:
    membership = _membership(store_id, user_id)
    return membership.role if membership else None


def _membership_id(store_id: int, user_id: int) -> int:
    with store_scope(store_id):
        return db.session.scalar(select(Membership.id).where(Membership.user_id == user_id))


def _invitation_path(message) -> str:
    text = message.get_body(("plain",)).get_content()
    url = next(u for u in URL_RE.findall(text) if "/invitations/" in u)
    assert url.startswith("http://merchant.localhost/invitations/"), url
    return urlsplit(url).path


@pytest.fixture
def acme():
    """Acme (open) with an owner, a manager and a staff member."""
    store = make_store("acme", name="Acme Outfitters")
    people = {role: make_user(f"{role.value}@example.com", name=role.value.title() + " Person") for role in Role}
    for role, user in people.items():
        add_member(store, user, role)
    return {"id": store.id, **{role.value: user.id for role, user in people.items()}}


# --- the store list --------------------------------------------------------------

def test_root_lists_the_stores_of_someone_working_for_several(client_for):
    acme = make_store("acme", name="Acme Outfitters")
    books = make_store("borealis", name="Borealis Books", status=StoreStatus.SETUP)
    make_store("other", name="Someone Else's Shop")
    user = make_user("busy@example.com")
    add_member(acme, user, Role.OWNER)
    add_member(books, user, Role.STAFF)
    console = _console(client_for, "busy@example.com")

    response = console.get("/")

    assert response.status_code == 200
    body = _text(response)
    assert "Your stores" in body
    assert "Acme Outfitters" in body and "Borealis Books" in body
    assert "Someone Else's Shop" not in body
    assert 'href="/acme/"' in body and 'href="/borealis/"' in body
    assert "open · Owner" in body and "in set-up · Staff" in body


def test_root_goes_straight_to_the_only_store(client_for, acme):
    console = _console(client_for, "staff@example.com")
    response = console.get("/")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/acme/"


def test_sign_in_lands_in_the_console(client_for, acme):
    client = client_for("merchant.localhost")
    response = sign_in(client, "owner@example.com")
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/"
    assert client.get("/acme/").status_code == 200


def test_a_shopper_with_no_store_gets_a_clear_403(client_for):
    make_store("acme")
    make_user("shopper@example.com")
    console = _console(client_for, "shopper@example.com")
    for path in ("/", "/acme/", "/acme/staff"):
        response = console.get(path)
        assert response.status_code == 403, path
        body = _text(response)
        assert "You do not have access to this page" in body
        assert "Your account does not work for any store yet." in body
        assert "Signed in as shopper@example.com." in body
        assert "surface-console" in body


def test_anonymous_visitors_are_sent_to_sign_in(client_for, acme):
    for path in ("/", "/acme/", "/acme/staff"):
        response = client_for("merchant.localhost").get(path)
        assert response.status_code == 302
        location = urlsplit(response.headers["Location"])
        assert location.path == "/sign-in"


# --- store home ----------------------------------------------------------------------

def test_store_home_shows_status_staff_and_details(client_for, acme):
    console = _console(client_for, "manager@example.com")
    response = console.get("/acme/")
    assert response.status_code == 200
    body = _text(response)
    assert "<h1>Acme Outfitters</h1>" in body
    assert '<span class="badge badge-open">open</span>' in body
    assert "Your store is open." in body
    assert 'href="http://acme.localhost/en/"' in body, "a link to the live storefront"
    for name, role in (("Owner Person", "Owner"), ("Manager Person", "Manager"), ("Staff Person", "Staff")):
        assert f"{name} <span class=\"muted\">· {role}</span>" in body
    assert "United States" in body and "USD" in body
    assert "Manage staff" in body


def test_store_home_lists_next_steps_for_a_new_store(client_for):
    store = make_store("fresh", name="Fresh Start", status=StoreStatus.SETUP)
    owner = make_user("new-owner@example.com", verified=False)
    add_member(store, owner, Role.OWNER)
    console = _console(client_for, "new-owner@example.com")
    body = _text(console.get("/fresh/"))
    assert '<span class="badge badge-setup">in set-up</span>' in body
    assert "What to do next" in body
    assert "Open your store when you are ready: shoppers cannot see it until then." in body
    assert "Open the store" in body
    assert "Invite your team: owners, managers and staff each get their own sign-in." in body
    assert "Confirm your email address from the message we sent you." in body
    assert "View your storefront" not in body


def test_staff_do_not_get_the_owners_buttons(client_for):
    store = make_store("fresh", name="Fresh Start", status=StoreStatus.SETUP)
    add_member(store, make_user("boss@example.com"), Role.OWNER)
    add_member(store, make_user("helper@example.com"), Role.STAFF)
    body = _text(_console(client_for, "helper@example.com").get("/fresh/"))
    assert "Open your store when you are ready" in body
    assert "Open the store" not in body
    assert "Manage staff" not in body


def test_the_owner_opens_a_store_in_set_up(client_for):
    store = make_store("fresh", name="Fresh Start", status=StoreStatus.SETUP)
    add_member(store, make_user("boss@example.com"), Role.OWNER)
    shop = client_for("fresh.localhost")
    assert shop.get("/en/").status_code == 404
    console = _console(client_for, "boss@example.com")

    response = console.submit("/fresh/open", {}, form_page="/fresh/")

    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/fresh/"
    assert db.session.get(Store, store.id).status == StoreStatus.OPEN
    body = _text(console.get("/fresh/"))
    assert "Your store is open. Shoppers can see it now." in body
    assert "Open your store when you are ready" not in body
    assert shop.get("/en/").status_code == 200
    with store_scope(store.id):
        assert [e.action for e in db.session.scalars(select(StoreEvent))] == ["open"]


def test_only_the_owner_may_open_the_store(client_for):
    store = make_store("fresh", status=StoreStatus.SETUP)
    add_member(store, make_user("boss@example.com"), Role.OWNER)
    add_member(store, make_user("mgr@example.com"), Role.MANAGER)
    console = _console(client_for, "mgr@example.com")
    response = console.submit("/fresh/open", {}, form_page="/fresh/")
    assert response.status_code == 403
    assert ROLE_DENIED in _text(response)
    assert db.session.get(Store, store.id).status == StoreStatus.SETUP


def test_a_suspended_stores_console_says_so_with_the_reason(client_for, acme):
    store = db.session.get(Store, acme["id"])
    store.status = StoreStatus.SUSPENDED
    store.status_reason = "Unpaid platform fees since March"
    db.session.commit()
    for email in ("owner@example.com", "staff@example.com"):
        response = _console(client_for, email).get("/acme/")
        assert response.status_code == 200
        body = _text(response)
        assert '<span class="badge badge-suspended">suspended</span>' in body
        assert "The platform has suspended this store. Shoppers cannot see it." in body
        assert "Reason: Unpaid platform fees since March" in body
        assert "Contact platform support to resolve this." in body
        assert "Your store is open." not in body


# --- staff: invite and accept ------------------------------------------------------------

def test_owner_invites_and_a_newcomer_joins_with_a_new_account(client_for, outbox, acme):
    owner = _console(client_for, "owner@example.com")
    response = owner.submit("/acme/staff/invite", {"email": "New.Hire@Example.com", "role": "manager"},
                            form_page="/acme/staff")
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/acme/staff"
    staff_page = _text(owner.get("/acme/staff"))
    assert "Invitation sent to new.hire@example.com." in staff_page
    assert "Invitations waiting" in staff_page and "new.hire@example.com" in staff_page
    with store_scope(acme["id"]):
        invitation = db.session.scalar(select(Invitation))
        assert (invitation.email, invitation.role, invitation.invited_by_id) == (
            "new.hire@example.com", Role.MANAGER, acme["owner"])
    assert len(outbox) == 1
    assert outbox[0]["To"] == "new.hire@example.com"
    assert outbox[0]["Subject"] == "You are invited to Acme Outfitters"
    invitation_text = outbox[0].get_body(("plain",)).get_content()
    assert "Owner Person invites you to join Acme Outfitters as Manager." in invitation_text
    path = _invitation_path(outbox[0])

    newcomer = client_for("merchant.localhost")
    page = newcomer.get(path)
    assert page.status_code == 200
    assert "Join Acme Outfitters" in _text(page)
    assert "You are invited as Manager." in _text(page)
    assert "At least 12 characters." in _text(page)
    joined = newcomer.submit(path, {"name": "Nia Hire", "password": "twelve-chars-ok"})

    assert joined.status_code == 303
    assert urlsplit(joined.headers["Location"]).path == "/acme/"
    home = newcomer.get("/acme/")
    assert home.status_code == 200
    assert "Welcome to Acme Outfitters." in _text(home)
    user = db.session.scalar(select(User).where(User.email == "new.hire@example.com"))
    assert user.name == "Nia Hire" and user.check_password("twelve-chars-ok")
    assert user.email_verified_at is not None, "the invitation proved the address"
    assert _role(acme["id"], user.id) == Role.MANAGER
    with store_scope(acme["id"]):
        assert db.session.scalar(select(Invitation)).accepted_at is not None
    assert "Invitations waiting" not in _text(owner.get("/acme/staff"))
    # The new account signs in normally later.
    assert sign_in(client_for("merchant.localhost"), "new.hire@example.com", "twelve-chars-ok").status_code == 303


def test_an_existing_user_accepts_after_signing_in(client_for, outbox, acme):
    make_user("veteran@example.com", name="Vera")
    owner = _console(client_for, "owner@example.com")
    owner.submit("/acme/staff/invite", {"email": "veteran@example.com", "role": "staff"}, form_page="/acme/staff")
    path = _invitation_path(outbox[0])

    visitor = client_for("merchant.localhost")
    page = _text(visitor.get(path))
    assert "You already have an account." in page
    assert "Sign in to accept" in page
    assert "Create account and join" not in page
    assert _membership(acme["id"], db.session.scalar(select(User.id).where(User.email == "veteran@example.com"))) \
        is None
    anonymous_post = visitor.post(path, data={"csrf_token": visitor.csrf("/sign-in")})
    assert anonymous_post.status_code == 302
    assert urlsplit(anonymous_post.headers["Location"]).path == "/sign-in"

    signed = visitor.submit("/sign-in", {"email": "veteran@example.com", "password": PASSWORD, "next": path})
    assert signed.status_code == 303
    assert urlsplit(signed.headers["Location"]).path == path
    page = _text(visitor.get(path))
    assert "Signed in as veteran@example.com." in page
    assert "Accept the invitation" in page
    accepted = visitor.submit(path, {})

    assert accepted.status_code == 303
    assert urlsplit(accepted.headers["Location"]).path == "/acme/"
    vera = db.session.scalar(select(User).where(User.email == "veteran@example.com"))
    assert _role(acme["id"], vera.id) == Role.STAFF
    assert visitor.get("/acme/").status_code == 200


def test_an_invitation_cannot_be_accepted_by_someone_else(client_for, outbox, acme):
    make_user("intended@example.com")
    make_user("intruder@example.com")
    owner = _console(client_for, "owner@example.com")
    owner.submit("/acme/staff/invite", {"email": "intended@example.com", "role": "owner"}, form_page="/acme/staff")
    path = _invitation_path(outbox[0])
    intruder = _console(client_for, "intruder@example.com")
    response = intruder.submit(path, {})
    assert response.status_code == 403
    assert "This invitation was sent to another email address. Sign in with that address." in _text(response)
    intruder_id = db.session.scalar(select(User.id).where(User.email == "intruder@example.com"))
    assert _membership(acme["id"], intruder_id) is None
    with store_scope(acme["id"]):
        assert db.session.scalar(select(Invitation)).accepted_at is None


def test_a_withdrawn_invitation_no_longer_works(client_for, outbox, acme):
    owner = _console(client_for, "owner@example.com")
    owner.submit("/acme/staff/invite", {"email": "maybe@example.com", "role": "staff"}, form_page="/acme/staff")
    path = _invitation_path(outbox[0])
    with store_scope(acme["id"]):
        invitation_id = db.session.scalar(select(Invitation.id))
    response = owner.submit(f"/acme/invitations/{invitation_id}/revoke", {}, form_page="/acme/staff")
    assert response.status_code == 303
    assert "Invitation withdrawn." in _text(owner.get("/acme/staff"))
    refused = client_for("merchant.localhost").get(path)
    assert refused.status_code == 400
    assert "This link is invalid or has already been used." in _text(refused)


# --- staff: roles and removal ------------------------------------------------------------

def test_owner_changes_a_role(client_for, acme):
    owner = _console(client_for, "owner@example.com")
    mid = _membership_id(acme["id"], acme["staff"])
    assert f'name="m{mid}-role"' in owner.get("/acme/staff").get_data(as_text=True)
    response = owner.submit(f"/acme/staff/{mid}/role", {f"m{mid}-role": "manager"}, form_page="/acme/staff")
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/acme/staff"
    assert "Role updated." in _text(owner.get("/acme/staff"))
    assert _role(acme["id"], acme["staff"]) == Role.MANAGER
    # The promoted person now sees the staff page.
    assert _console(client_for, "staff@example.com").get("/acme/staff").status_code == 200


def test_the_last_owner_cannot_be_demoted_or_removed(client_for, acme):
    owner = _console(client_for, "owner@example.com")
    mid = _membership_id(acme["id"], acme["owner"])
    for role in ("manager", "staff"):
        response = owner.submit(f"/acme/staff/{mid}/role", {f"m{mid}-role": role}, form_page="/acme/staff")
        assert response.status_code == 422
        assert LAST_OWNER in _text(response)
        assert _role(acme["id"], acme["owner"]) == Role.OWNER
    response = owner.submit(f"/acme/staff/{mid}/remove", {}, form_page="/acme/staff")
    assert response.status_code == 422
    assert LAST_OWNER in _text(response)
    assert _role(acme["id"], acme["owner"]) == Role.OWNER
    assert owner.get("/acme/").status_code == 200


def test_with_two_owners_one_may_step_down(client_for, acme):
    owner = _console(client_for, "owner@example.com")
    manager_mid = _membership_id(acme["id"], acme["manager"])
    owner.submit(f"/acme/staff/{manager_mid}/role", {f"m{manager_mid}-role": "owner"}, form_page="/acme/staff")
    assert _role(acme["id"], acme["manager"]) == Role.OWNER
    own_mid = _membership_id(acme["id"], acme["owner"])
    response = owner.submit(f"/acme/staff/{own_mid}/role", {f"m{own_mid}-role": "staff"}, form_page="/acme/staff")
    assert response.status_code == 303
    assert _role(acme["id"], acme["owner"]) == Role.STAFF
    assert owner.get("/acme/staff").status_code == 403, "now staff, no staff page"


def test_owner_removes_someone_who_then_has_no_store(client_for, acme):
    owner = _console(client_for, "owner@example.com")
    staff_console = _console(client_for, "staff@example.com")
    mid = _membership_id(acme["id"], acme["staff"])
    response = owner.submit(f"/acme/staff/{mid}/remove", {}, form_page="/acme/staff")
    assert response.status_code == 303
    assert "Removed from the store's staff." in _text(owner.get("/acme/staff"))
    assert _membership(acme["id"], acme["staff"]) is None
    assert staff_console.get("/acme/").status_code == 403


# --- who may see what ----------------------------------------------------------------------

def test_manager_sees_staff_but_cannot_invite_or_change_roles(client_for, outbox, acme):
    manager = _console(client_for, "manager@example.com")
    page = manager.get("/acme/staff")
    assert page.status_code == 200
    body = _text(page)
    assert "Owner Person" in body and "Staff Person" in body
    assert "Invite someone" not in body
    assert not re.search(r'name="m\d+-role"', body), "no role controls"
    assert "Remove" not in body

    invite = manager.submit("/acme/staff/invite", {"email": "friend@example.com", "role": "owner"},
                            form_page="/acme/staff")
    assert invite.status_code == 403
    assert ROLE_DENIED in _text(invite)
    mid = _membership_id(acme["id"], acme["staff"])
    promote = manager.submit(f"/acme/staff/{mid}/role", {f"m{mid}-role": "owner"}, form_page="/acme/staff")
    assert promote.status_code == 403
    assert _role(acme["id"], acme["staff"]) == Role.STAFF
    with store_scope(acme["id"]):
        assert db.session.scalar(select(Invitation)) is None
    assert outbox == []


def test_staff_cannot_open_the_staff_page(client_for, acme):
    staff = _console(client_for, "staff@example.com")
    response = staff.get("/acme/staff")
    assert response.status_code == 403
    body = _text(response)
    assert ROLE_DENIED in body
    assert "surface-console" in body
    assert "Manage staff" not in _text(staff.get("/acme/"))


def test_another_stores_console_does_not_exist_for_you(client_for, acme):
    make_store("rival", name="Rival Goods")
    response = _console(client_for, "owner@example.com").get("/rival/")
    assert response.status_code == 404
    assert "Rival Goods" not in _text(response)
