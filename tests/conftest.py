"""Test set-up shared by every suite.

- The database is SQLite in memory by default, or TEST_DATABASE_URL (PostgreSQL
  in CI; each xdist worker gets its own database). Tables are created once per
  session and emptied after every test.
- ``client_for(host)`` gives a test client bound to one host (its own cookies),
  e.g. ``client_for("acme.localhost")``.
- Mail and SMS go to memory; an autouse fixture empties them between tests.
"""

from __future__ import annotations

import contextvars
import os
import re

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from hypothesis import settings
from sqlalchemy import text

from app import create_app
from app.accounts import throttle
from app.config import TestConfig
from app.core.cache import forget
from app.extensions import db
from app.notifications import mail
from app.tenancy.resolver import clear_tenant_cache
from tests.factories import PASSWORD

settings.register_profile("ci", max_examples=150, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def postgres_database(url: str, purpose: str = "", *, fresh: bool = False) -> str:
    """A database of its own on TEST_DATABASE_URL's server for this xdist worker
    (and ``purpose``), created if missing, or recreated empty when ``fresh``."""
    import psycopg

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    base, _, name = url.rpartition("/")
    name = "_".join(part for part in (name, purpose, worker) if part)
    admin_url = f"{base}/postgres".replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if fresh or not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def _database_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    return postgres_database(url) if url.startswith("postgresql") else url


class HostClient(FlaskClient):
    """A test client that sends every request to one host."""

    host = "localhost"

    def open(self, *args, **kwargs):
        """Run the request in an empty context, as a server would: its own app
        context, ``g`` and database session, not the test's."""
        kwargs.setdefault("base_url", f"http://{self.host}")
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.expire_all()  # the test sees what the request committed
        return response

    def csrf(self, path: str) -> str:
        """The CSRF token of the form on ``path``."""
        body = self.get(path).get_data(as_text=True)
        match = CSRF_RE.search(body)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def submit(self, path: str, data: dict, *, form_page: str | None = None, **kwargs):
        """POST ``data`` to ``path`` with the CSRF token of ``form_page`` (default ``path``)."""
        data = dict(data)
        data.setdefault("csrf_token", self.csrf(form_page or path))
        return self.post(path, data=data, **kwargs)


class TestSettings(TestConfig):
    SQLALCHEMY_DATABASE_URI = _database_url()


@pytest.fixture(scope="session")
def app():
    application = create_app(TestSettings)
    application.test_client_class = HostClient
    with application.app_context():
        db.create_all()
    yield application
    with application.app_context():
        db.session.remove()
        db.drop_all()


@pytest.fixture(autouse=True)
def _app_context(app):
    """Each test runs in an app context and leaves empty tables behind."""
    ctx = app.app_context()
    ctx.push()
    mail.outbox.clear()
    app.extensions["lintas_sms"].sent.clear() if hasattr(app.extensions["lintas_sms"], "sent") else None
    throttle.reset_all()
    clear_tenant_cache()
    forget()
    yield
    db.session.remove()
    _empty_tables()
    if "lintas_search" in app.extensions:
        app.extensions["lintas_search"].clear()
    ctx.pop()


def _empty_tables() -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def client_for(app):
    """``client_for("acme.localhost")``: a fresh client for that host."""

    def make(host: str) -> HostClient:
        client = app.test_client()
        client.host = host
        return client

    return make


@pytest.fixture
def mall(client_for):
    return client_for("localhost")


@pytest.fixture
def console(client_for):
    return client_for("merchant.localhost")


@pytest.fixture
def admin_host(client_for):
    return client_for("admin.localhost")


def sign_in(client: HostClient, email: str, password: str = PASSWORD, *, path: str | None = None):
    """Sign in through the real form of the client's surface."""
    if path is None:
        path = "/sign-in" if client.host.startswith(("merchant.", "admin.")) else "/en/account/sign-in"
    return client.submit(path, {"email": email, "password": password})


@pytest.fixture
def outbox():
    return mail.outbox
