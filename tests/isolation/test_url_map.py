"""Walk the URL map: every console and admin route declares who may use it,
refuses the wrong role (403) and the wrong store (404), and every object route
of store A answers 404 when given store B's ids."""

from __future__ import annotations

import pytest
from flask import current_app
from sqlalchemy import select

from app.accounts.models import PlatformRole
from app.extensions import db
from app.tenancy.models import Invitation, Membership, Role
from app.tenancy.scope import store_scope
from tests.conftest import CSRF_RE, sign_in
from tests.factories import add_member, make_store, make_user


def _view(endpoint):
    return current_app.view_functions[endpoint]


def _rules(surface):
    return [r for r in current_app.url_map.iter_rules() if r.subdomain == surface]


def test_every_console_and_admin_view_declares_access(app):
    undeclared = [r.endpoint for s in ("console", "admin") for r in _rules(s)
                  if getattr(_view(r.endpoint), "access", None) not in {"public", "signed_in", "store", "platform"}]
    assert undeclared == []


@pytest.fixture
def world():
    a, b = make_store("alpha", name="Alpha"), make_store("bravo", name="Bravo")
    people = {}
    for store in (a, b):
        for role in Role:
            user = make_user(f"{role.value}.{store.slug}@example.com")
            add_member(store, user, role)
            people[(store.slug, role)] = user
        # The object routes act on this extra member, so removing or demoting it
        # during the walk never changes the roles being tested.
        add_member(store, make_user(f"extra.{store.slug}@example.com"), Role.STAFF)
    with store_scope(a.id):
        invitation = Invitation(store_id=a.id, email="someone@example.com", role=Role.STAFF)
        db.session.add(invitation)
        db.session.commit()
        a_ids = {"membership_id": db.session.scalar(select(Membership.id).order_by(Membership.id.desc())),
                 "invitation_id": invitation.id}
    with store_scope(b.id):
        invitation_b = Invitation(store_id=b.id, email="other@example.com", role=Role.STAFF)
        db.session.add(invitation_b)
        db.session.commit()
        b_ids = {"membership_id": db.session.scalar(select(Membership.id).order_by(Membership.id.desc())),
                 "invitation_id": invitation_b.id}
    shopper = make_user("shopper@example.com")
    platform = {role: make_user(f"{role.value}@platform.example.com", platform_role=role) for role in PlatformRole}
    return {"a": a, "b": b, "people": people, "a_ids": a_ids, "b_ids": b_ids, "shopper": shopper,
            "platform": platform}


def _path(rule, values):
    args = {name: values[name] for name in rule.arguments}
    return current_app.url_map.bind("x", subdomain=rule.subdomain).build(rule.endpoint, args)


def _signed_in(client_for, host, user):
    client = client_for(host)
    response = sign_in(client, user.email)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]
    token = CSRF_RE.search(client.get("/account").get_data(as_text=True)).group(1)
    return client, token


def _call(client, token, rule, path):
    if "GET" in rule.methods:
        return client.get(path)
    return client.post(path, data={"csrf_token": token})


def _console_values(world, ids):
    return {"store": "alpha", "token": "not-a-token", "product_id": 1, "variant_id": 1, "image_id": 1, "collection_id": 1,
            "option_id": 1, "translation_locale": "fr", "currency": "EUR", "category_id": 1, "direction": "up", "banner_id": 1,
            "import_id": 1, **ids}


def test_console_routes_refuse_wrong_role_wrong_store_and_shoppers(world, client_for):
    store_rules = [r for r in _rules("console") if _view(r.endpoint).access == "store"]
    assert len(store_rules) >= 7
    sessions = {}

    def session(user):
        if user.id not in sessions:
            sessions[user.id] = _signed_in(client_for, "merchant.localhost", user)
        return sessions[user.id]

    for rule in store_rules:
        allowed = _view(rule.endpoint).required_roles
        path = _path(rule, _console_values(world, world["a_ids"]))
        for role in Role:
            client, token = session(world["people"][("alpha", role)])
            status = _call(client, token, rule, path).status_code
            if role in allowed:
                assert status != 403, (rule.rule, role)
            else:
                assert status == 403, (rule.rule, role, status)
            # B's staff, whatever their role, do not see A's console at all.
            client_b, token_b = session(world["people"][("bravo", role)])
            assert _call(client_b, token_b, rule, path).status_code == 404, (rule.rule, role)
        shopper, shopper_token = session(world["shopper"])
        assert _call(shopper, shopper_token, rule, path).status_code == 403, rule.rule


def test_console_object_routes_with_another_stores_ids_are_404(world, client_for):
    owner_a, token = _signed_in(client_for, "merchant.localhost", world["people"][("alpha", Role.OWNER)])
    object_rules = [r for r in _rules("console") if _view(r.endpoint).access == "store"
                    and set(r.arguments) & {"membership_id", "invitation_id"}]
    assert object_rules
    for rule in object_rules:
        path = _path(rule, _console_values(world, world["b_ids"]))
        assert _call(owner_a, token, rule, path).status_code == 404, rule.rule
    with store_scope(world["b"].id):
        assert db.session.scalar(select(Invitation).where(Invitation.id == world["b_ids"]["invitation_id"])).revoked_at is None


def test_admin_routes_refuse_wrong_platform_role_and_shoppers(world, client_for):
    platform_rules = [r for r in _rules("admin") if _view(r.endpoint).access == "platform"]
    assert len(platform_rules) >= 7
    values = {"store_id": world["a"].id, "queue": "emails", "job_id": "missing", "token": "x", "code": "EUR",
              "action": "enable", "category_id": 1, "brand_id": 1, "direction": "up", "locale": "fr",
              "application_id": 1, "product_id": 1, "option_id": 1, "image_id": 1, "banner_id": 1, "run_id": 1}
    sessions = {role: _signed_in(client_for, "admin.localhost", user) for role, user in world["platform"].items()}
    for rule in platform_rules:
        allowed = _view(rule.endpoint).required_roles
        path = _path(rule, values)
        for role, (client, token) in sessions.items():
            status = _call(client, token, rule, path).status_code
            if role in allowed:
                assert status != 403, (rule.rule, role)
            else:
                assert status == 403, (rule.rule, role, status)


def test_shoppers_cannot_sign_in_to_admin(world, client_for):
    client = client_for("admin.localhost")
    response = sign_in(client, world["shopper"].email)
    assert response.status_code == 403
    assert "no access to the platform admin" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still signed out: sent to sign-in


def test_anonymous_visitors_are_sent_to_sign_in(world, client_for):
    for host, surface in (("merchant.localhost", "console"), ("admin.localhost", "admin")):
        client = client_for(host)
        for rule in _rules(surface):
            if _view(rule.endpoint).access in ("public",) or "GET" not in rule.methods:
                continue
            values = {"store": "alpha", "store_id": world["a"].id, "queue": "emails", "job_id": "x", "code": "EUR",
                      "action": "enable", "category_id": 1, "brand_id": 1, "direction": "up", "locale": "fr",
                      "application_id": 1, "product_id": 1, "variant_id": 1, "token": "x", "image_id": 1, "collection_id": 1,
                      "option_id": 1, "translation_locale": "fr", "currency": "EUR", "banner_id": 1, "import_id": 1, "run_id": 1,
                      **world["a_ids"]}
            response = client.get(_path(rule, values))
            assert response.status_code == 302, rule.rule
            assert "/sign-in" in response.headers["Location"]
