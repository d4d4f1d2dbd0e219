"""The Alembic revisions build exactly the schema the models describe, and
downgrade cleanly, on SQLite and (in CI) on PostgreSQL."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect

from app import create_app
from app.extensions import db
from tests.conftest import postgres_database


def _fresh_database_url(tmp_path) -> str:
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return f"sqlite:///{tmp_path / 'migrations.db'}"
    return postgres_database(url, "migrations", fresh=True)


@pytest.fixture
def migrating_app(tmp_path):
    url = _fresh_database_url(tmp_path)
    application = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "m"})
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def _diff(application):
    with application.app_context():
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, db.metadata)


def test_upgrade_builds_the_models_schema_and_downgrade_removes_it(migrating_app):
    with migrating_app.app_context():
        upgrade()
        assert _diff(migrating_app) == []
        downgrade(revision="base")
        tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        upgrade()
        assert _diff(migrating_app) == []


def test_every_revision_downgrades_one_step(migrating_app):
    with migrating_app.app_context():
        upgrade()
        downgrade(revision="-1")
        upgrade()
        engine = create_engine(str(db.engine.url))
        with engine.connect() as conn:
            assert "stores" in inspect(conn).get_table_names()
        engine.dispose()
