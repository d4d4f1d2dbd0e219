"""Large product CSV imports as background runs (ImportRun), in inline mode (TestConfig runs jobs
inline after the commit): the upload becomes a run and a 303 to its page, the run page and its
polling fragment, every bad row listed with nothing changed, roles and tenant isolation. Files of
up to IMPORT_INLINE_ROWS rows keep being imported in the request (tests/web/console/test_csv_io.py).
The same flow through Redis and a real worker: tests/jobs/test_import_job.py."""

from __future__ import annotations

import io
import os
import re
from datetime import timedelta

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import current_app
from flask_babel import get_babel, get_domain
from sqlalchemy import func, select

from app.catalog import csv_io, import_runs
from app.catalog import services as catalog
from app.catalog.import_runs import ImportRun, ImportState
from app.catalog.models import ApplicationState, Product, StockMovement, StoreCategory, Variant
from app.core.time import utcnow
from app.extensions import db
from app.media.storage import get_storage
from app.tenancy.models import Role
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
RUN_URL_RE = re.compile(r"^(?:http://merchant\.localhost)?/acme/products/imports/(\d+)$")


@pytest.fixture
def shop(client_for):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD")
    other_store = make_store("sakura", currency="JPY")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("s@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, staff, Role.STAFF)
    add_member(other_store, other, Role.OWNER)
    for s in (store, other_store):
        with store_scope(s.id):
            db.session.add(StoreCategory(store_id=s.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
    return {"store": store, "other_store": other_store, "owner": owner, "staff": staff, "other": other,
            "console": _signed_in(client_for, owner)}


def _signed_in(client_for, user):
    client = client_for("merchant.localhost")
    assert sign_in(client, user.email).status_code == 303
    return client


def _upload(client, content: str, path: str = "/acme/products/import", filename: str = "big.csv"):
    token = client.csrf(path)
    return client.post(path, data={"csrf_token": token, "file": (io.BytesIO(content.encode()), filename)},
                       content_type="multipart/form-data")


def _rows(n: int, **overrides) -> list[dict]:
    """``n`` new products of one variant each; ``overrides`` maps a spreadsheet line (2 = the first
    data row) to the cells that differ on it."""
    rows = [{"product_slug": f"tee-{i}", "product_name": f"Tee {i}", "category": "shirts", "sku": f"TEE-{i}",
             "price": "12.50", "stock": "4"} for i in range(n)]
    for line, cells in overrides.items():
        rows[int(line.removeprefix("line")) - 2].update(cells)
    return rows


def _csv(rows: list[dict]) -> str:
    return csv_io.write_csv([list(csv_io.COLUMNS)] + [[r.get(c, "") for c in csv_io.COLUMNS] for r in rows])


def _counts():
    with all_stores():
        return tuple(db.session.scalar(select(func.count()).select_from(m))
                     for m in (Product, Variant, StockMovement, ImportRun))


def _run_id(response) -> int:
    assert response.status_code == 303, response.get_data(as_text=True)[-3000:]
    match = RUN_URL_RE.match(response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def _run(store, import_id) -> ImportRun:
    with store_scope(store.id):
        return db.session.scalar(select(ImportRun).where(ImportRun.id == import_id))


def _stored_imports(store) -> list[str]:
    folder = os.path.join(current_app.config["MEDIA_ROOT"], "imports", str(store.id))
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_a_large_file_becomes_a_run_that_succeeds(shop):
    response = _upload(shop["console"], _csv(_rows(600)), filename="spring-catalogue.csv")
    import_id = _run_id(response)

    run = _run(shop["store"], import_id)
    assert run.state == ImportState.SUCCEEDED
    assert (run.row_count, run.created_products, run.updated_products, run.variant_count) == (600, 600, 0, 600)
    assert run.filename == "spring-catalogue.csv" and run.created_by_id == shop["owner"].id
    assert run.errors == [] and run.error_count == 0
    assert run.started_at is not None and run.finished_at is not None
    assert run.content_key is None and _stored_imports(shop["store"]) == []  # the file is gone once done
    with store_scope(shop["store"].id):
        assert db.session.scalar(select(func.count()).select_from(Product)) == 600
        tee = db.session.scalar(select(Product).where(Product.slug == "tee-599"))
        assert tee.name == "Tee 599" and [(v.code, v.price, v.stock) for v in tee.variants] == [("TEE-599", 1250, 4)]
        ledger = db.session.scalar(select(StockMovement).where(StockMovement.variant_id == tee.variants[0].id))
        assert (ledger.delta, ledger.reason, ledger.actor_id) == (4, "CSV import", shop["owner"].id)

    page = shop["console"].get(f"/acme/products/imports/{import_id}")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'data-state="succeeded"' in body
    assert "Imported: 600 new products, 0 updated, 600 variants." in body
    assert "spring-catalogue.csv" in body
    assert 'hx-trigger' not in body  # finished: nothing polls
    assert 'href="/acme/products"' in body and 'href="/acme/products/import"' in body

    listing = shop["console"].get("/acme/products/import").get_data(as_text=True)
    assert f'href="/acme/products/imports/{import_id}"' in listing
    assert "Recent background imports" in listing


def test_a_large_file_with_bad_rows_fails_with_every_line_and_changes_nothing(shop):
    before = _counts()
    rows = _rows(600, line11={"price": "-1"}, line251={"category": "nowhere"}, line601={"price": "1.999"})
    import_id = _run_id(_upload(shop["console"], _csv(rows)))

    run = _run(shop["store"], import_id)
    assert run.state == ImportState.FAILED
    assert run.error_count == 3 and run.row_count == 600
    assert [(e["line"], e["column"], e["message"]) for e in run.errors] == [
        (11, "price", "A price cannot be negative."),
        (251, "category", "No category has this slug."),
        (601, "price", "USD prices have at most 2 decimal places.")]
    assert _counts() == (before[0], before[1], before[2], before[3] + 1)  # only the run itself was written
    assert _stored_imports(shop["store"]) == []

    body = shop["console"].get(f"/acme/products/imports/{import_id}").get_data(as_text=True)
    assert 'data-state="failed"' in body
    assert "The file has 3 problems. Nothing was imported" in body
    for line, message in ((11, "A price cannot be negative."), (251, "No category has this slug."),
                          (601, "USD prices have at most 2 decimal places.")):
        assert f'<td data-label="Line">{line}</td>' in body
        assert message in body
    assert body.count('<td data-label="Line">') == 3
    assert "hx-trigger" not in body


def test_the_run_page_polls_while_the_run_is_unfinished(shop):
    with store_scope(shop["store"].id):
        run = ImportRun(store_id=shop["store"].id, state=ImportState.QUEUED, filename="waiting.csv", row_count=800,
                        errors=[])
        db.session.add(run)
        db.session.commit()
        import_id = run.id
    url = f"/acme/products/imports/{import_id}"

    page = shop["console"].get(url)
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<html" in body and "Product import" in body
    assert f'hx-get="{url}" hx-trigger="every 2s" hx-swap="outerHTML"' in body
    assert f'<a class="button" href="{url}">Refresh</a>' in body  # without JS

    fragment = shop["console"].get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "HX-Request" in fragment.headers["Vary"]
    text = fragment.get_data(as_text=True)
    assert "<html" not in text
    assert text.strip().startswith('<div id="import-status"')
    assert 'data-state="queued"' in text and 'hx-trigger="every 2s"' in text and "Waiting to start" in text

    with store_scope(shop["store"].id):
        db.session.scalar(select(ImportRun).where(ImportRun.id == import_id)).state = ImportState.RUNNING
        db.session.commit()
    text = shop["console"].get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'data-state="running"' in text and 'hx-trigger="every 2s"' in text

    with store_scope(shop["store"].id):
        run = db.session.scalar(select(ImportRun).where(ImportRun.id == import_id))
        run.state, run.created_products, run.variant_count = ImportState.SUCCEEDED, 800, 800
        db.session.commit()
    text = shop["console"].get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'data-state="succeeded"' in text
    assert "hx-trigger" not in text and "hx-get" not in text  # the last fragment stops the polling
    assert "Imported: 800 new products, 0 updated, 800 variants." in text


def test_small_files_are_still_imported_in_the_request(shop, monkeypatch):
    monkeypatch.setattr(import_runs, "IMPORT_INLINE_ROWS", 3)
    response = _upload(shop["console"], _csv(_rows(3)))
    assert response.status_code == 303 and response.headers["Location"].endswith("/acme/products")
    assert _counts()[3] == 0  # no run

    import_id = _run_id(_upload(shop["console"], _csv(_rows(4, line2={"product_slug": "x-0", "sku": "X-0"}))))
    assert _run(shop["store"], import_id).state == ImportState.SUCCEEDED
    with store_scope(shop["store"].id):  # tee-0..2 by the request; x-0 and tee-3 by the run
        assert sorted(db.session.scalars(select(Product.slug))) == ["tee-0", "tee-1", "tee-2", "tee-3", "x-0"]


def test_file_problems_of_a_large_file_are_refused_at_once(shop, monkeypatch):
    monkeypatch.setattr(import_runs, "IMPORT_INLINE_ROWS", 2)
    monkeypatch.setattr(csv_io, "MAX_ROWS", 5)
    before = _counts()

    too_many = _upload(shop["console"], _csv(_rows(6)))
    assert too_many.status_code == 422
    assert "A file has at most 5 rows. Split it into smaller files." in too_many.get_data(as_text=True)

    header = "product_slug,product_name\r\n" + "".join(f"p-{i},P\r\n" for i in range(10))
    bad_header = _upload(shop["console"], header)
    assert bad_header.status_code == 422
    assert "This column is required." in bad_header.get_data(as_text=True)

    quotes = _csv(_rows(4)) + '"broken,cell\r\n'
    broken = _upload(shop["console"], quotes)
    assert broken.status_code == 422
    assert "The file cannot be read as CSV from this line on." in broken.get_data(as_text=True)

    assert _counts() == before
    assert _stored_imports(shop["store"]) == []


def test_an_unexpected_error_fails_the_run_and_changes_nothing(shop, monkeypatch):
    before = _counts()

    real_apply = csv_io.apply_import

    def broken(plan, actor_id):
        real_apply(plan, actor_id)  # every product written (flushed)...
        raise RuntimeError("disk on fire")  # ...then a failure: the rollback must undo them all

    monkeypatch.setattr(csv_io, "apply_import", broken)
    import_id = _run_id(_upload(shop["console"], _csv(_rows(600))))
    run = _run(shop["store"], import_id)
    assert run.state == ImportState.FAILED
    assert [e["line"] for e in run.errors] == [None]
    assert "unexpected error. Nothing was changed." in run.errors[0]["message"]
    assert "disk on fire" not in run.errors[0]["message"]
    assert _counts()[:3] == before[:3]
    assert _stored_imports(shop["store"]) == []
    body = shop["console"].get(f"/acme/products/imports/{import_id}").get_data(as_text=True)
    assert "unexpected error. Nothing was changed." in body and '<td data-label="Line">' not in body


def test_a_repeated_job_changes_nothing(shop):
    import_id = _run_id(_upload(shop["console"], _csv(_rows(600))))
    before = _counts()
    assert import_runs.run_import(import_id, "en") == "succeeded"
    assert _counts() == before
    assert import_runs.run_import(10_000, "en") == "missing"


def test_the_stored_file_goes_when_the_upload_is_not_committed(shop):
    with store_scope(shop["store"].id):
        run = import_runs.start_import(_csv(_rows(2)), filename="x.csv", row_count=2, actor_id=None, locale="en")
        key = run.content_key
        assert key.startswith(f"imports/{shop['store'].id}/") and get_storage().exists(key)
        db.session.rollback()
    assert not get_storage().exists(key)
    assert _counts()[3] == 0


def test_messages_are_stored_in_the_uploaders_language(shop, client_for, monkeypatch, tmp_path):
    """The job writes the problems in the language the uploader used the console in (here Chinese,
    their preference), compiled from translations/zh_Hans into a folder of the test's own."""
    with open(os.path.join(ROOT, "translations", "zh_Hans", "LC_MESSAGES", "messages.po"), "rb") as fh:
        catalog_zh = read_po(fh, locale="zh_Hans")
    translated = catalog_zh.get("A price cannot be negative.")
    if translated is None or not translated.string:
        pytest.skip("translations/zh_Hans does not translate the message")
    folder = tmp_path / "zh_Hans" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "messages.mo", "wb") as fh:
        write_mo(fh, catalog_zh)
    monkeypatch.setattr(get_babel(), "translation_directories", [str(tmp_path)])
    monkeypatch.setattr(get_domain(), "cache", {})

    chinese = make_user("wang@example.com", locale="zh-hans")
    add_member(shop["store"], chinese, Role.MANAGER)
    client = _signed_in(client_for, chinese)
    import_id = _run_id(_upload(client, _csv(_rows(600, line3={"price": "-5"}))))

    run = _run(shop["store"], import_id)
    assert run.state == ImportState.FAILED
    assert [(e["line"], e["message"]) for e in run.errors] == [(3, translated.string)]
    assert translated.string in client.get(f"/acme/products/imports/{import_id}").get_data(as_text=True)


def test_staff_may_view_runs_but_not_start_them(shop, client_for):
    import_id = _run_id(_upload(shop["console"], _csv(_rows(600))))
    staff = _signed_in(client_for, shop["staff"])
    before = _counts()

    token = staff.csrf("/acme/products")
    response = staff.post("/acme/products/import", content_type="multipart/form-data",
                          data={"csrf_token": token, "file": (io.BytesIO(_csv(_rows(700)).encode()), "p.csv")})
    assert response.status_code == 403
    assert _counts() == before
    assert _stored_imports(shop["store"]) == []

    page = staff.get(f"/acme/products/imports/{import_id}")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'data-state="succeeded"' in body
    assert 'href="/acme/products/import"' not in body  # no upload link for staff


def test_another_stores_staff_get_404_for_a_run(shop, client_for):
    import_id = _run_id(_upload(shop["console"], _csv(_rows(600))))
    other = _signed_in(client_for, shop["other"])
    assert other.get(f"/acme/products/imports/{import_id}").status_code == 404
    # Through their own store, the id is not theirs either.
    assert other.get(f"/sakura/products/imports/{import_id}").status_code == 404
    assert other.get(f"/sakura/products/imports/{import_id}", headers={"HX-Request": "true"}).status_code == 404
    assert "Recent background imports" not in other.get("/sakura/products/import").get_data(as_text=True)
    assert shop["console"].get("/acme/products/imports/999999").status_code == 404


def test_a_run_unfinished_after_an_hour_is_shown_as_stalled(shop):
    with store_scope(shop["store"].id):
        run = ImportRun(store_id=shop["store"].id, state=ImportState.RUNNING, filename="stuck.csv", row_count=900,
                        errors=[], created_at=utcnow() - timedelta(hours=2))
        db.session.add(run)
        db.session.commit()
        import_id = run.id
    text = shop["console"].get(f"/acme/products/imports/{import_id}", headers={"HX-Request": "true"}).get_data(
        as_text=True)
    assert "has probably stopped" in text
    assert "hx-trigger" not in text  # no endless polling
    assert 'href="/acme/products/imports/' in text  # a refresh still shows a late result
