"""Pages stay within the SQL budget of QUALITY.md (<= 8 queries, no N+1):
counted, not timed."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.extensions import db
from app.tenancy.models import Role
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user


@contextmanager
def count_queries():
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


@pytest.fixture
def many_stores():
    owner = make_user("owner@example.com")
    stores = [make_store(f"store{i:02d}") for i in range(12)]
    for store in stores:
        add_member(store, owner, Role.OWNER)
        for n in range(3):
            add_member(store, make_user(f"s{n}.{store.slug}@example.com"), Role.STAFF)
    return owner, stores


@pytest.mark.parametrize("host,path", [("localhost", "/en/"), ("store01.localhost", "/en/"),
                                       ("store01.localhost", "/en/account/sign-in")])
def test_shopper_pages_within_budget(many_stores, client_for, host, path):
    client = client_for(host)
    client.get(path)  # warm caches
    with count_queries() as statements:
        assert client.get(path).status_code == 200
    assert len(statements) <= 8, statements


def test_console_pages_within_budget(many_stores, client_for):
    owner, _stores = many_stores
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    for path in ("/", "/store01/", "/store01/staff"):
        with count_queries() as statements:
            assert console.get(path).status_code == 200
        assert len(statements) <= 8, (path, statements)


def test_admin_pages_within_budget(many_stores, client_for):
    from app.accounts.models import PlatformRole

    admin = make_user("admin@example.com", platform_role=PlatformRole.ADMIN)
    client = client_for("admin.localhost")
    sign_in(client, admin.email)
    for path in ("/", "/stores", "/users", "/stores/1"):
        with count_queries() as statements:
            assert client.get(path).status_code == 200
        assert len(statements) <= 8, (path, statements)
