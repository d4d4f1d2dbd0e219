"""The daily statistics job gives SQLite's planner the numbers it needs."""

from sqlalchemy import text

from app.extensions import db
from app.jobs.maintenance import refresh_query_statistics
from tests.factories import make_store


def test_statistics_are_written():
    for n in range(3):
        make_store(f"store{n}")
    dialect = refresh_query_statistics()
    assert dialect == db.engine.dialect.name
    if dialect == "sqlite":
        tables = {row[0] for row in db.session.execute(text("SELECT tbl FROM sqlite_stat1"))}
        assert "stores" in tables
