"""Password reset, end to end, on the mall, a storefront, the console and the
admin: the emailed link points at the surface the reset was asked on, is built
from configuration (never from the request's headers), works once, and after
it the old password fails and the new one works. Unknown addresses get the
same page and no email."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import PlatformRole, User, UserSession
from app.extensions import db
from app.tenancy.models import Role
from tests.conftest import sign_in
from tests.factories import PASSWORD, add_member, make_store, make_user

URL_RE = re.compile(r"https?://[^\s\"'<>]+")
NEW_PASSWORD = "a-new-and-long-password"
WRONG_CREDENTIALS = "Email or password is incorrect."


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _reset_links(message) -> list[str]:
    text = message.get_body(("plain",)).get_content()
    return [url for url in URL_RE.findall(text) if "/reset/" in url]


def _main(response) -> str:
    body = _text(response)
    return body[body.index("<main"):body.index("</main>")]


SURFACES = [
    # host, reset request page, sign-in page, where the link must point
    pytest.param("localhost", "/en/account/reset", "/en/account/sign-in", "http://localhost/en/account/reset/",
                 id="mall"),
    pytest.param("acme.localhost", "/en/account/reset", "/en/account/sign-in",
                 "http://acme.localhost/en/account/reset/", id="storefront"),
    pytest.param("merchant.localhost", "/reset", "/sign-in", "http://merchant.localhost/reset/", id="console"),
    pytest.param("admin.localhost", "/reset", "/sign-in", "http://admin.localhost/reset/", id="admin"),
]


@pytest.fixture
def people():
    store = make_store("acme", name="Acme Outfitters")
    owner = make_user("owner@example.com")
    add_member(store, owner, Role.OWNER)
    make_user("ops@platform.example.com", platform_role=PlatformRole.OPERATIONS)
    make_user("shopper@example.com")
    return {"localhost": "shopper@example.com", "acme.localhost": "shopper@example.com",
            "merchant.localhost": "owner@example.com", "admin.localhost": "ops@platform.example.com"}


@pytest.mark.parametrize("host,request_path,sign_in_path,link_prefix", SURFACES)
def test_full_reset_flow(client_for, outbox, people, host, request_path, sign_in_path, link_prefix):
    email = people[host]
    client = client_for(host)
    form = client.get(request_path)
    assert form.status_code == 200
    assert "Reset your password" in _text(form)

    sent = client.submit(request_path, {"email": email.upper()})

    assert sent.status_code == 200
    assert "Check your email" in _text(sent)
    assert len(outbox) == 1
    assert outbox[0]["To"] == email
    assert outbox[0]["Subject"] == "Reset your password"
    links = _reset_links(outbox[0])
    assert len(links) == 1
    assert links[0].startswith(link_prefix), links[0]
    path = urlsplit(links[0]).path

    page = client_for(host).get(path)  # opened from the mail app: another browser
    assert page.status_code == 200
    assert "Choose a new password" in _text(page)

    done = client.submit(path, {"password": NEW_PASSWORD})
    assert done.status_code == 303
    assert urlsplit(done.headers["Location"]).path == sign_in_path
    assert "Your password is changed. Sign in with the new one." in _text(client.get(sign_in_path))

    old = sign_in(client_for(host), email, PASSWORD)
    assert old.status_code == 422
    assert WRONG_CREDENTIALS in _text(old)
    assert sign_in(client_for(host), email, NEW_PASSWORD).status_code == 303
    user = db.session.scalar(select(User).where(User.email == email))
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)


def test_the_link_is_single_use(client_for, outbox, people):
    mall = client_for("localhost")
    mall.submit("/en/account/reset", {"email": "shopper@example.com"})
    path = urlsplit(_reset_links(outbox[0])[0]).path
    assert mall.submit(path, {"password": NEW_PASSWORD}).status_code == 303
    again = mall.get(path)
    assert again.status_code == 400
    assert "This link is invalid or has already been used." in _text(again)


def test_an_older_link_dies_when_a_newer_one_is_used(client_for, outbox, people):
    mall = client_for("localhost")
    mall.submit("/en/account/reset", {"email": "shopper@example.com"})
    mall.submit("/en/account/reset", {"email": "shopper@example.com"})
    first, second = (urlsplit(_reset_links(m)[0]).path for m in outbox)
    assert mall.submit(second, {"password": NEW_PASSWORD}).status_code == 303
    assert mall.get(first).status_code == 400


def test_reset_signs_out_every_session(client_for, outbox, people):
    signed_in = client_for("localhost")
    sign_in(signed_in, "shopper@example.com")
    assert signed_in.get("/en/account/").status_code == 200
    mall = client_for("localhost")
    mall.submit("/en/account/reset", {"email": "shopper@example.com"})
    mall.submit(urlsplit(_reset_links(outbox[0])[0]).path, {"password": NEW_PASSWORD})
    assert signed_in.get("/en/account/").status_code == 302
    assert db.session.scalar(select(UserSession).where(UserSession.user_id == db.session.scalar(
        select(User.id).where(User.email == "shopper@example.com")))) is None


@pytest.mark.parametrize("host,request_path,sign_in_path,link_prefix", SURFACES)
def test_the_link_ignores_forwarded_host_headers(client_for, outbox, people, host, request_path, sign_in_path,
                                                 link_prefix):
    client = client_for(host)
    evil = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-Port": "8443",
            "X-Original-Host": "evil.example", "Forwarded": "host=evil.example;proto=https"}
    response = client.submit(request_path, {"email": people[host]}, headers=evil)
    assert response.status_code == 200
    assert len(outbox) == 1
    raw = outbox[0].as_string()
    assert "evil.example" not in raw
    assert all(":8443" not in link and not link.startswith("https:") for link in _reset_links(outbox[0]))
    assert _reset_links(outbox[0])[0].startswith(link_prefix)


@pytest.mark.parametrize("host,request_path,sign_in_path,link_prefix", SURFACES)
def test_unknown_email_gets_the_same_page_and_no_email(client_for, outbox, people, host, request_path,
                                                      sign_in_path, link_prefix):
    known = client_for(host).submit(request_path, {"email": people[host]})
    outbox.clear()
    unknown = client_for(host).submit(request_path, {"email": "nobody@example.com"})
    assert unknown.status_code == known.status_code == 200
    assert _main(unknown).replace("nobody@example.com", "EMAIL") == _main(known).replace(people[host], "EMAIL")
    assert outbox == []


def test_an_inactive_account_gets_no_email(client_for, outbox, people):
    user = db.session.scalar(select(User).where(User.email == "shopper@example.com"))
    user.is_active = False
    db.session.commit()
    response = client_for("localhost").submit("/en/account/reset", {"email": "shopper@example.com"})
    assert response.status_code == 200
    assert "Check your email" in _text(response)
    assert outbox == []


def test_reset_email_is_in_the_users_language(client_for, outbox):
    make_store("acme", name="Acme Outfitters")
    make_user("ayesha@example.com", locale="ar")
    client_for("acme.localhost").submit("/en/account/reset", {"email": "ayesha@example.com"})
    link = _reset_links(outbox[0])[0]
    assert link.startswith("http://acme.localhost/ar/account/reset/")
