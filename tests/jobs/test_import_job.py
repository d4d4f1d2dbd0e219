"""A large product CSV import through Redis and a real ``flask worker --burst`` process: the upload
only queues the run; the worker checks and applies the file; the run page shows the outcome.

The web process and the worker share the database and a media folder of this test's own (where
the uploaded file waits for the worker). Fixtures: tests/jobs/conftest.py.
"""

from __future__ import annotations

import io

import pytest
from rq import Queue
from sqlalchemy import func, select

from app.catalog import csv_io
from app.catalog import services as catalog
from app.catalog.import_runs import ImportRun, ImportState
from app.catalog.models import ApplicationState, Product, StoreCategory
from app.extensions import db
from app.media.storage import get_storage
from app.tenancy.scope import store_scope
from tests.conftest import sign_in
from tests.factories import make_store, make_user

from .conftest import RETRY_INTERVALS

pytestmark = pytest.mark.redis


@pytest.fixture
def import_app(make_app, redis_url, tmp_path):
    """The application in Redis mode with its media under tmp_path (the worker gets the same)."""
    from app.tenancy.resolver import clear_tenant_cache

    application = make_app(REDIS_URL=redis_url, MEDIA_ROOT=str(tmp_path / "media"),
                           JOB_RETRY_INTERVALS=list(RETRY_INTERVALS))
    assert application.config["JOBS_INLINE"] is False
    clear_tenant_cache()
    with application.app_context():
        yield application
        db.session.remove()
    clear_tenant_cache()


def _shop():
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    owner = make_user("owner@example.com")
    store = make_store("acme", currency="USD", owner=owner)
    with store_scope(store.id):
        db.session.add(StoreCategory(store_id=store.id, category_id=shirts.id, state=ApplicationState.APPROVED))
        db.session.commit()
    return store, owner


def _file(n: int) -> bytes:
    rows = [[{"product_slug": f"tee-{i}", "product_name": f"Tee {i}", "category": "shirts", "sku": f"TEE-{i}",
              "price": "9.99", "stock": "2"}.get(c, "") for c in csv_io.COLUMNS] for i in range(n)]
    return csv_io.write_csv([list(csv_io.COLUMNS), *rows]).encode()


def _products(store_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Product).where(Product.store_id == store_id)
                             .execution_options(all_stores=True))


def test_a_queued_run_is_imported_by_the_worker(import_app, redis_conn, run_worker, tmp_path):
    store, owner = _shop()
    client = import_app.test_client()
    client.host = "merchant.localhost"
    assert sign_in(client, owner.email).status_code == 303
    token = client.csrf("/acme/products/import")
    response = client.post("/acme/products/import", content_type="multipart/form-data",
                           data={"csrf_token": token, "file": (io.BytesIO(_file(600)), "big.csv")})
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    url = response.headers["Location"].removeprefix("http://merchant.localhost")
    import_id = int(url.rsplit("/", 1)[1])

    # Only queued so far: the request neither checked nor wrote the products.
    run = db.session.scalar(select(ImportRun).execution_options(all_stores=True))
    assert (run.id, run.state, run.row_count, run.store_id) == (import_id, ImportState.QUEUED, 600, store.id)
    assert get_storage().exists(run.content_key)
    assert _products(store.id) == 0
    queue = Queue("default", connection=redis_conn)
    assert queue.job_ids == [f"import-run-{import_id}"]
    assert queue.jobs[0].args == ("app.catalog.import_runs.run_import", None, import_id, "en")
    page = client.get(url).get_data(as_text=True)
    assert 'data-state="queued"' in page and 'hx-trigger="every 2s"' in page

    run_worker(extra_env={"MEDIA_ROOT": str(tmp_path / "media")}, timeout=180)

    db.session.expire_all()
    run = db.session.scalar(select(ImportRun).execution_options(all_stores=True))
    assert run.state == ImportState.SUCCEEDED, run.errors
    assert (run.created_products, run.updated_products, run.variant_count) == (600, 0, 600)
    assert run.started_at is not None and run.finished_at is not None and run.created_by_id == owner.id
    assert _products(store.id) == 600
    assert list((tmp_path / "media" / "imports" / str(store.id)).iterdir()) == []  # the file is deleted
    assert queue.count == 0

    fragment = client.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'data-state="succeeded"' in fragment and "hx-trigger" not in fragment
    assert "Imported: 600 new products, 0 updated, 600 variants." in fragment


def test_the_worker_fails_a_run_with_bad_rows_and_keeps_nothing(import_app, redis_conn, run_worker, tmp_path):
    store, owner = _shop()
    client = import_app.test_client()
    client.host = "merchant.localhost"
    assert sign_in(client, owner.email).status_code == 303
    content = _file(600).replace(b"tee-42,Tee 42,shirts", b"tee-42,Tee 42,nowhere")
    token = client.csrf("/acme/products/import")
    response = client.post("/acme/products/import", content_type="multipart/form-data",
                           data={"csrf_token": token, "file": (io.BytesIO(content), "big.csv")})
    assert response.status_code == 303

    run_worker(extra_env={"MEDIA_ROOT": str(tmp_path / "media")}, timeout=180)

    db.session.expire_all()
    run = db.session.scalar(select(ImportRun).execution_options(all_stores=True))
    assert run.state == ImportState.FAILED
    assert run.errors == [{"line": 44, "column": "category", "message": "No category has this slug."}]
    assert _products(store.id) == 0
    assert list((tmp_path / "media" / "imports" / str(store.id)).iterdir()) == []
    assert Queue("default", connection=redis_conn).count == 0
