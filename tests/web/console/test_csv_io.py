"""Console CSV export and import of products: the download, the upload form,
every bad row listed with nothing changed, roles and tenant isolation."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from app.catalog import csv_io
from app.catalog import products as catalog_products
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, Product, StockMovement, StoreCategory, Variant
from app.extensions import db
from app.tenancy.models import Role
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user


@pytest.fixture
def shop(client_for):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD")
    other_store = make_store("sakura", currency="JPY")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("s@example.com")
    manager = make_user("manager@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, manager, Role.MANAGER)
    add_member(store, staff, Role.STAFF)
    add_member(other_store, other, Role.OWNER)
    for s in (store, other_store):
        with store_scope(s.id):
            db.session.add(StoreCategory(store_id=s.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
    with store_scope(store.id):
        product = catalog_products.save_product(
            None, currency="USD", name="Linen Shirt", slug="linen-shirt", category_id=shirts.id, brand_id=None,
            description="<p>Soft linen</p>", status="active", on_shelf=True, weight_grams=250, hs_code="620520",
            origin_country="PT", gtin="", options_text="Colour: Red, Blue", price_text="29.90")
        db.session.commit()
        product_id = product.id
    with store_scope(other_store.id):
        catalog_products.save_product(
            None, currency="JPY", name="着物", slug="kimono", category_id=shirts.id, brand_id=None, description="",
            status="active", on_shelf=True, weight_grams=None, hs_code="", origin_country="", gtin="",
            options_text="", price_text="12000")
        db.session.commit()
    console = _signed_in(client_for, owner)
    return {"store": store, "other_store": other_store, "console": console, "staff": staff, "other": other,
            "manager": manager, "product_id": product_id}


def _signed_in(client_for, user):
    client = client_for("merchant.localhost")
    sign_in(client, user.email)
    return client


def _upload(client, content: bytes | str, path: str = "/acme/products/import", filename: str = "products.csv"):
    if isinstance(content, str):
        content = content.encode()
    token = client.csrf(path)
    return client.post(path, data={"csrf_token": token, "file": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data")


def _csv(rows: list[dict]) -> str:
    return csv_io.write_csv([list(csv_io.COLUMNS)] + [[r.get(c, "") for c in csv_io.COLUMNS] for r in rows])


def _state():
    """Counts of every table the import writes, and the product's fields."""
    with all_stores():
        counts = tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Product, Variant, StockMovement))
        product = db.session.scalar(select(Product).where(Product.slug == "linen-shirt"))
        fields = (product.name, product.status, product.on_shelf, product.options, product.updated_at,
                  [(v.code, v.price, v.compare_at_price, v.stock) for v in product.variants])
    return counts, fields


def _export(client, path="/acme/products/export.csv"):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response


def test_export_is_a_utf8_csv_attachment_with_a_bom(shop):
    response = _export(shop["console"])
    assert response.mimetype == "text/csv"
    assert "charset=utf-8" in response.headers["Content-Type"]
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="acme-products-') and disposition.endswith('.csv"')
    assert response.is_streamed
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["product_slug"], r["option1_value"], r["price"]) for r in rows] == [
        ("linen-shirt", "Red", "29.90"), ("linen-shirt", "Blue", "29.90")]


def test_export_of_a_store_never_has_another_stores_rows(shop, client_for):
    acme = _export(shop["console"]).get_data().decode("utf-8-sig")
    assert "kimono" not in acme and "着物" not in acme
    other = _signed_in(client_for, shop["other"])
    sakura = _export(other, "/sakura/products/export.csv").get_data().decode("utf-8-sig")
    assert "kimono" in sakura and "着物" in sakura and "12000" in sakura
    assert "linen-shirt" not in sakura


def test_export_guards_against_formulas(shop):
    with store_scope(shop["store"].id):
        db.session.get(Product, shop["product_id"]).name = "=HYPERLINK(\"http://evil.example\",\"Click\")"
        db.session.commit()
    body = _export(shop["console"]).get_data().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["product_name"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    # ...and importing the file back gives the name as it was.
    response = _upload(shop["console"], body)
    assert response.status_code == 303
    with store_scope(shop["store"].id):
        assert db.session.get(Product, shop["product_id"]).name.startswith("=HYPERLINK(")


def test_import_page_explains_the_file(shop):
    page = shop["console"].get("/acme/products/import")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in body
    assert "/acme/products/export.csv" in body
    assert "compare_at_price" in body and "In USD" in body


def test_round_trip_changes_nothing_and_says_so(shop):
    before = _state()
    body = _export(shop["console"]).get_data()
    response = _upload(shop["console"], body)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/acme/products")
    listing = shop["console"].get("/acme/products").get_data(as_text=True)
    assert "Imported: 0 new products, 0 updated, 0 variants." in listing
    assert _state() == before


def test_import_creates_products_with_options_and_updates_prices(shop):
    rows = list(csv.DictReader(io.StringIO(_export(shop["console"]).get_data().decode("utf-8-sig"))))
    rows[0]["price"] = "24.50"
    rows += [
        {"product_slug": "silk-scarf", "product_name": "وشاح حرير", "category": "shirts", "status": "active",
         "on_shelf": "yes", "option1_name": "颜色", "option1_value": "红", "sku": "SCARF-RED", "price": "15",
         "stock": "3"},
        {"product_slug": "silk-scarf", "option1_value": "蓝", "sku": "SCARF-BLUE", "price": "15.5"},
    ]
    response = _upload(shop["console"], _csv(rows))
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    listing = shop["console"].get("/acme/products").get_data(as_text=True)
    assert "Imported: 1 new products, 1 updated, 3 variants." in listing
    with store_scope(shop["store"].id):
        scarf = db.session.scalar(select(Product).where(Product.slug == "silk-scarf"))
        assert scarf.name == "وشاح حرير"
        assert scarf.options == [{"name": "颜色", "values": ["红", "蓝"]}]
        assert [(v.code, v.option_values, v.price, v.stock) for v in scarf.variants] == [
            ("SCARF-RED", ["红"], 1500, 3), ("SCARF-BLUE", ["蓝"], 1550, 0)]
        movement = db.session.scalar(select(StockMovement))
        assert (movement.delta, movement.reason, movement.kind) == (3, "CSV import", "adjustment")
        assert movement.actor_id is not None
        shirt = db.session.get(Product, shop["product_id"])
        assert [v.price for v in shirt.variants] == [2450, 2990] and shirt.price_min == 2450
    exported = _export(shop["console"]).get_data().decode("utf-8-sig")
    assert "وشاح حرير" in exported and "颜色" in exported and "蓝" in exported


def test_stock_change_writes_a_ledger_row(shop):
    rows = list(csv.DictReader(io.StringIO(_export(shop["console"]).get_data().decode("utf-8-sig"))))
    rows[1]["stock"] = "9"
    assert _upload(shop["console"], _csv(rows)).status_code == 303
    assert "Imported: 0 new products, 1 updated, 1 variants." in shop["console"].get("/acme/products").get_data(
        as_text=True)
    with store_scope(shop["store"].id):
        ledger = db.session.scalars(select(StockMovement)).all()
        assert [(m.delta, m.balance, m.reason) for m in ledger] == [(9, 9, "CSV import")]
        assert db.session.get(Product, shop["product_id"]).in_stock
    page = shop["console"].get(f"/acme/products/{shop['product_id']}").get_data(as_text=True)
    assert "+9 → 9" in page and "CSV import" in page


def test_bad_rows_are_all_listed_and_nothing_changes(shop):
    before = _state()
    rows = [
        {"product_slug": "linen-shirt", "product_name": "Renamed", "category": "shirts", "option1_name": "Colour",
         "option1_value": "Red", "sku": "LINEN-SHIRT-1", "price": "1.00", "stock": "50"},   # 2: fine alone
        {"product_slug": "new-one", "product_name": "New", "category": "shirts", "sku": "NEW-1", "price": "-1"},
        {"product_slug": "new-two", "product_name": "New", "category": "nowhere", "sku": "NEW-2", "price": "1.999"},
        {"product_slug": "new-three", "product_name": "New", "category": "shirts", "sku": "LINEN-SHIRT-2",
         "price": "5", "status": "sold"},
    ]
    response = _upload(shop["console"], _csv(rows))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "The file has 5 problems. Nothing was imported" in body
    for line, message in ((3, "A price cannot be negative."), (4, "No category has this slug."),
                          (4, "USD prices have at most 2 decimal places."), (5, "Write draft, active or archived."),
                          (5, "Another product of this store uses this SKU.")):
        assert f'<td data-label="Line">{line}</td>' in body
        assert message in body
    assert '<td data-label="Line">2</td>' not in body
    assert _state() == before


def test_file_problems_are_refused_with_a_message(shop):
    before = _state()
    for content, message in (("caf\u00e9,prix\r\n".encode("latin-1"), "The file is not UTF-8 text."),
                             (b"", "The file is empty."),
                             ("\ufeffproduct_slug,product_name\r\nx,y\r\n", "This column is required.")):
        response = _upload(shop["console"], content)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    token = shop["console"].csrf("/acme/products/import")
    response = shop["console"].post("/acme/products/import", data={"csrf_token": token},
                                    content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a CSV file to upload." in response.get_data(as_text=True)
    assert _state() == before


def test_a_file_over_the_size_cap_is_refused(shop, monkeypatch):
    monkeypatch.setattr(csv_io, "MAX_BYTES", 100)
    before = _state()
    response = _upload(shop["console"], _export(shop["console"]).get_data())
    assert response.status_code == 422
    assert "The file is larger than" in response.get_data(as_text=True)
    assert _state() == before


def test_a_file_with_a_bom_or_without_imports_the_same(shop):
    row = {"product_slug": "tee", "product_name": "Tee", "category": "shirts", "sku": "TEE", "price": "10"}
    assert _upload(shop["console"], "\ufeff" + _csv([row])).status_code == 303
    row.update(product_slug="tee-2", sku="TEE-2")
    assert _upload(shop["console"], _csv([row])).status_code == 303
    with store_scope(shop["store"].id):
        assert set(db.session.scalars(select(Product.slug))) == {"linen-shirt", "tee", "tee-2"}


def test_staff_can_export_but_not_import(shop, client_for):
    staff = _signed_in(client_for, shop["staff"])
    assert staff.get("/acme/products/export.csv").status_code == 200
    assert staff.get("/acme/products/import").status_code == 403
    token = staff.csrf("/acme/products")
    body = _csv([{"product_slug": "x", "product_name": "X", "category": "shirts", "sku": "X", "price": "1"}])
    response = staff.post("/acme/products/import", content_type="multipart/form-data",
                          data={"csrf_token": token, "file": (io.BytesIO(body.encode()), "p.csv")})
    assert response.status_code == 403
    with store_scope(shop["store"].id):
        assert db.session.scalar(select(func.count()).select_from(Product)) == 1


def test_managers_may_import(shop, client_for):
    manager = _signed_in(client_for, shop["manager"])
    assert _upload(manager, _export(manager).get_data()).status_code == 303


def test_another_stores_staff_get_404(shop, client_for):
    other = _signed_in(client_for, shop["other"])
    before = _state()
    assert other.get("/acme/products/export.csv").status_code == 404
    assert other.get("/acme/products/import").status_code == 404
    token = other.csrf("/sakura/products/import")
    body = _csv([{"product_slug": "linen-shirt", "product_name": "Hijacked", "category": "shirts",
                  "sku": "LINEN-SHIRT-1", "price": "0.01"}])
    response = other.post("/acme/products/import", content_type="multipart/form-data",
                          data={"csrf_token": token, "file": (io.BytesIO(body.encode()), "p.csv")})
    assert response.status_code == 404
    # Through their own store, A's product and skus do not exist: the same file creates B's own product.
    response = other.post("/sakura/products/import", content_type="multipart/form-data",
                          data={"csrf_token": token, "file": (io.BytesIO(body.encode()), "p.csv")})
    assert response.status_code == 422  # 0.01 has too many decimals in JPY
    assert "JPY prices have at most 0 decimal places." in response.get_data(as_text=True)
    assert _state() == before


def test_the_product_list_links_to_export_and_import_by_role(shop, client_for):
    owner_page = shop["console"].get("/acme/products").get_data(as_text=True)
    assert 'href="/acme/products/export.csv"' in owner_page and 'href="/acme/products/import"' in owner_page
    staff_page = _signed_in(client_for, shop["staff"]).get("/acme/products").get_data(as_text=True)
    assert 'href="/acme/products/export.csv"' in staff_page and 'href="/acme/products/import"' not in staff_page
