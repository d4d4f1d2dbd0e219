"""The search index through Redis and a real ``flask worker --burst`` process:
a commit only queues a job on the ``search`` queue; the worker (the single
writer) brings the index up to date; a suspended store leaves the mall's
results once its job has run. Fixtures: tests/jobs/conftest.py."""

from __future__ import annotations

import pytest
from rq import Queue

from app import search
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, StoreCategory
from app.extensions import db
from app.search.models import ReindexRun, ReindexState
from app.tenancy import services as stores
from app.tenancy.scope import store_scope
from tests.factories import make_product, make_store

from .conftest import RETRY_INTERVALS

pytestmark = pytest.mark.redis


@pytest.fixture
def search_app(make_app, redis_url):
    from app.tenancy.resolver import clear_tenant_cache

    application = make_app(REDIS_URL=redis_url, JOB_RETRY_INTERVALS=list(RETRY_INTERVALS))
    assert application.config["JOBS_INLINE"] is False
    clear_tenant_cache()
    with application.app_context():
        yield application
        db.session.remove()
    clear_tenant_cache()


def _found(text: str, scope=None) -> list[int]:
    return search.search(text, scope, locale="en").ids


def test_the_worker_indexes_after_commit_and_follows_a_suspension(search_app, redis_conn, run_worker):
    teaware = catalog.save_category(None, name="Teaware", slug="teaware", parent_id=None, commission_self=None,
                                    commission_third=None)
    db.session.commit()
    store = make_store("sakura", currency="USD")
    with store_scope(store.id):
        db.session.add(StoreCategory(store_id=store.id, category_id=teaware.id, state=ApplicationState.APPROVED))
        db.session.commit()
    teapot = make_product(store, teaware.id, "Tokoname Teapot", price="45.00")

    queue = Queue("search", connection=redis_conn)
    assert queue.count >= 1  # queued, not run: the request's process never writes the index
    assert all(job.args[0] == "app.jobs.search.apply_changes" for job in queue.jobs)
    assert _found("teapot") == []

    run_worker(timeout=120)
    assert queue.count == 0
    assert _found("teapot") == [teapot]
    assert _found("teapot", scope=store.id) == [teapot]

    stores.change_store_status(store, action="suspend", reason="Unpaid fees", actor=None)
    db.session.commit()
    assert _found("teapot") == [teapot]  # until the job runs
    run_worker(timeout=120)
    assert _found("teapot") == []


def test_an_admin_rebuild_runs_on_the_worker_with_progress(search_app, redis_conn, run_worker):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD")
    with store_scope(store.id):
        db.session.add(StoreCategory(store_id=store.id, category_id=shirts.id, state=ApplicationState.APPROVED))
        db.session.commit()
    ids = [make_product(store, shirts.id, f"Linen Shirt {i}", slug=f"linen-{i}") for i in range(30)]
    Queue("search", connection=redis_conn).empty()  # as if the index had been lost
    run = ReindexRun(source="admin")
    db.session.add(run)
    db.session.flush()
    from app.jobs import enqueue

    enqueue("search", "app.jobs.search.run_reindex", run.id, job_id=f"search-reindex-{run.id}")
    db.session.commit()
    assert Queue("search", connection=redis_conn).job_ids == [f"search-reindex-{run.id}"]

    run_worker(timeout=120)
    db.session.expire_all()
    run = db.session.get(ReindexRun, run.id)
    assert (run.state, run.total, run.done) == (ReindexState.DONE, 30, 30)
    page = search.search("linen", None, locale="en", page_size=50)
    assert (page.total, sorted(page.ids)) == (30, sorted(ids))
