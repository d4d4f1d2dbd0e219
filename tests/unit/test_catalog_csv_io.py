"""CSV export and import of products (app.catalog.csv_io): the file format, the
two-phase import (every bad row reported, nothing written), and the writes."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from app.catalog import csv_io
from app.catalog import products as catalog_products
from app.catalog import services as catalog
from app.catalog.models import (
    ApplicationState,
    ModerationState,
    Product,
    ProductFacet,
    ProductStatus,
    StockMovement,
    StoreCategory,
    Variant,
)
from app.catalog.services import CatalogError
from app.extensions import db
from app.tenancy.scope import store_scope
from tests.factories import make_store


@pytest.fixture
def shop():
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    toys = catalog.save_category(None, name="Toys", slug="toys", parent_id=None, commission_self=None,
                                 commission_third=None)
    brand = catalog.save_brand(None, name="Acme Wear", slug="acme-wear")
    db.session.commit()
    store = make_store("acme", currency="USD")
    other = make_store("sakura", currency="JPY")
    for s in (store, other):
        with store_scope(s.id):
            db.session.add(StoreCategory(store_id=s.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
    return {"store": store, "other": other, "shirts": shirts, "toys": toys, "brand": brand}


def make_product(shop, *, store=None, slug="linen-shirt", name="Linen Shirt", options="Colour: Red, Blue",
                 price="29.90", currency="USD"):
    store = store or shop["store"]
    with store_scope(store.id):
        product = catalog_products.save_product(
            None, currency=currency, name=name, slug=slug, category_id=shop["shirts"].id, brand_id=None,
            description="<p>Soft <a href=\"https://example.com\">linen</a></p>", status="active", on_shelf=True,
            weight_grams=250, hs_code="620520", origin_country="PT", gtin="", options_text=options,
            price_text=price)
        db.session.commit()
        return product.id


def row(**cells) -> dict:
    base = {"product_slug": "new-tee", "product_name": "New Tee", "category": "shirts", "status": "active",
            "on_shelf": "yes", "sku": "TEE-1", "price": "10.00"}
    base.update(cells)
    return base


def to_csv(rows: list[dict], columns=csv_io.COLUMNS) -> str:
    return csv_io.write_csv([list(columns)] + [[r.get(c, "") for c in columns] for r in rows])


def export_text(store_id: int, currency: str = "USD", **kwargs) -> str:
    with store_scope(store_id):
        return csv_io.write_csv(csv_io.export_rows(currency, **kwargs))


def read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def run(store_id: int, text: str, currency: str = "USD"):
    with store_scope(store_id):
        plan, errors = csv_io.parse_import(text, currency)
        if errors:
            db.session.rollback()
            return None, errors
        result = csv_io.apply_import(plan, actor_id=None)
        db.session.commit()
        return result, errors


def messages(errors) -> list[tuple[int, str, str]]:
    return [(e.line, e.column, str(e.message)) for e in errors]


# --- the formula guard --------------------------------------------------------------------------

@pytest.mark.parametrize("cell,guarded", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-50% sale", "'-50% sale"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Plain", "Plain"), ("", ""), ("19.99", "19.99"),
    ("'quoted", "'quoted"),
])
def test_formula_guard_and_its_undo(cell, guarded):
    assert csv_io.guard(cell) == guarded
    assert csv_io.unguard(guarded) == cell


# --- export -------------------------------------------------------------------------------------

def test_export_writes_one_row_per_variant_in_the_stores_currency(shop):
    product_id = make_product(shop)
    with store_scope(shop["store"].id):
        product = db.session.get(Product, product_id)
        product.brand_id = shop["brand"].id
        product.variants[1].compare_at_price = 3500
        db.session.commit()
    rows = read(export_text(shop["store"].id))
    assert [r["option1_value"] for r in rows] == ["Red", "Blue"]
    first = rows[0]
    assert list(first) == list(csv_io.COLUMNS)
    assert (first["product_slug"], first["product_name"], first["category"], first["brand"]) == (
        "linen-shirt", "Linen Shirt", "shirts", "acme-wear")
    assert (first["status"], first["on_shelf"], first["weight_grams"], first["hs_code"], first["origin_country"]) == (
        "active", "yes", "250", "620520", "PT")
    assert (first["option1_name"], first["option2_name"], first["price"], first["compare_at_price"], first["stock"]) == (
        "Colour", "", "29.90", "", "0")
    assert rows[1]["compare_at_price"] == "35.00"


def test_export_in_yen_has_no_decimals_and_never_another_stores_rows(shop):
    make_product(shop, store=shop["other"], slug="kimono", name="着物", options="", price="1200", currency="JPY")
    make_product(shop, slug="linen-shirt")
    yen = read(export_text(shop["other"].id, "JPY"))
    assert [(r["product_slug"], r["product_name"], r["price"]) for r in yen] == [("kimono", "着物", "1200")]
    usd = read(export_text(shop["store"].id))
    assert {r["product_slug"] for r in usd} == {"linen-shirt"}


def test_export_reads_in_batches_by_id(shop):
    for n in range(5):
        make_product(shop, slug=f"p-{n}", options="")
    rows = read(export_text(shop["store"].id, batch=2))
    assert [r["product_slug"] for r in rows] == [f"p-{n}" for n in range(5)]


def test_export_guards_formulas(shop):
    make_product(shop, name="=HYPERLINK(\"http://evil\",\"x\")", options="Size: -1, @home")
    rows = read(export_text(shop["store"].id))
    assert rows[0]["product_name"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert [r["option1_value"] for r in rows] == ["'-1", "'@home"]


# --- reading the file ---------------------------------------------------------------------------

def test_decode_upload_accepts_utf8_with_or_without_bom_and_utf16():
    assert csv_io.decode_upload("a,ü".encode()) == "a,ü"
    assert csv_io.decode_upload(b"\xef\xbb\xbf" + "a,中".encode()) == "a,中"
    assert csv_io.decode_upload("a\tع".encode("utf-16")) == "a\tع"
    for data, message in ((b"", "The file is empty."), (b"  \r\n", "The file is empty."),
                          ("caf\u00e9".encode("latin-1"), "The file is not UTF-8 text."),
                          ("商品".encode("shift_jis"), "The file is not UTF-8 text.")):
        with pytest.raises(CatalogError) as info:
            csv_io.decode_upload(data)
        assert message in str(info.value.message)


def test_create_products_with_options_and_stock(shop):
    text = to_csv([
        row(product_slug="tee", product_name="T-shirt 中文", option1_name="Colour", option1_value="Red",
            option2_name="Size", option2_value="S", sku="TEE-RED-S", price="10.50", stock="4",
            description='<p onclick="x()">Hi<script>alert(1)</script></p>'),
        row(product_slug="tee", product_name="", category="", status="", on_shelf="", option1_value="Blue",
            option2_value="M", sku="TEE-BLUE-M", price="12", compare_at_price="15"),
        row(product_slug="plain", product_name="قميص", sku="PLAIN", price="5", brand="acme-wear", on_shelf="no"),
    ])
    result, errors = run(shop["store"].id, text)
    assert errors == []
    assert (result.created, result.updated, result.variants, result.stock_movements) == (2, 0, 3, 1)
    with store_scope(shop["store"].id):
        tee = db.session.scalar(select(Product).where(Product.slug == "tee"))
        assert tee.name == "T-shirt 中文" and tee.status == ProductStatus.ACTIVE and tee.on_shelf
        assert tee.options == [{"name": "Colour", "values": ["Red", "Blue"]}, {"name": "Size", "values": ["S", "M"]}]
        assert [(v.code, v.option_values, v.price, v.compare_at_price, v.stock) for v in tee.variants] == [
            ("TEE-RED-S", ["Red", "S"], 1050, None, 4), ("TEE-BLUE-M", ["Blue", "M"], 1200, 1500, 0)]
        assert (tee.price_min, tee.price_max, tee.in_stock) == (1050, 1200, True)
        assert tee.published_at is not None
        assert tee.description == "<p>Hi</p>"
        assert tee.moderation == ModerationState.PENDING  # a third-party store's new product waits for review
        facets = db.session.scalars(select(ProductFacet.value).where(ProductFacet.product_id == tee.id)).all()
        assert sorted(facets) == ["Blue", "M", "Red", "S"]
        movement = db.session.scalar(select(StockMovement))
        assert (movement.delta, movement.balance, movement.kind, movement.reason) == (4, 4, "adjustment", "CSV import")
        plain = db.session.scalar(select(Product).where(Product.slug == "plain"))
        assert plain.name == "قميص" and plain.brand_id == shop["brand"].id and not plain.on_shelf
        assert [(v.code, v.option_values) for v in plain.variants] == [("PLAIN", [])]


def test_round_trip_changes_nothing(shop):
    make_product(shop, name="=Linen -50% 中文 العربية")
    other_id = make_product(shop, slug="second", options="Colour: Red\nSize: S, M")
    with store_scope(shop["store"].id):
        variant = db.session.scalar(select(Variant).where(Variant.product_id == other_id))
        catalog_products.adjust_stock(variant, delta=7, reason="Counted", actor_id=None)
        db.session.commit()
        before = [(p.name, p.description, p.options, p.updated_at, [(v.code, v.price, v.stock) for v in p.variants])
                  for p in db.session.scalars(select(Product).order_by(Product.id))]
        movements = db.session.scalar(select(func.count()).select_from(StockMovement))
    text = export_text(shop["store"].id)
    result, errors = run(shop["store"].id, text)
    assert errors == []
    assert (result.created, result.updated, result.variants, result.stock_movements) == (0, 0, 0, 0)
    with store_scope(shop["store"].id):
        after = [(p.name, p.description, p.options, p.updated_at, [(v.code, v.price, v.stock) for v in p.variants])
                 for p in db.session.scalars(select(Product).order_by(Product.id))]
        assert after == before
        assert db.session.scalar(select(func.count()).select_from(StockMovement)) == movements


def test_update_prices_stock_and_add_a_variant(shop):
    product_id = make_product(shop)
    rows = read(export_text(shop["store"].id))
    rows[0].update(price="25.00", compare_at_price="30", stock="12")
    rows[1].update(stock="")  # keeps its stock
    rows.append(dict(rows[1], option1_value="Green", sku="LINEN-GREEN", price="31", stock="2"))
    for r in rows:
        r["product_name"] = "Linen Shirt II"
    result, errors = run(shop["store"].id, to_csv(rows))
    assert errors == []
    assert (result.created, result.updated, result.variants, result.stock_movements) == (0, 1, 2, 2)
    with store_scope(shop["store"].id):
        product = db.session.get(Product, product_id)
        assert product.name == "Linen Shirt II"
        assert [(v.option_values, v.price, v.compare_at_price, v.stock) for v in product.variants] == [
            (["Red"], 2500, 3000, 12), (["Blue"], 2990, None, 0), (["Green"], 3100, None, 2)]
        assert product.options[0]["values"] == ["Red", "Blue", "Green"]
        assert (product.price_min, product.price_max) == (2500, 3100)
        assert "Green" in db.session.scalars(select(ProductFacet.value)).all()
        ledger = [(m.delta, m.balance, m.reason) for m in db.session.scalars(select(StockMovement).order_by(StockMovement.id))]
        assert sorted(ledger) == [(2, 2, "CSV import"), (12, 12, "CSV import")]


def test_stock_is_set_from_the_current_count(shop):
    product_id = make_product(shop, options="")
    with store_scope(shop["store"].id):
        variant = db.session.scalar(select(Variant).where(Variant.product_id == product_id))
        catalog_products.adjust_stock(variant, delta=10, reason="Received", actor_id=None)
        db.session.commit()
    rows = read(export_text(shop["store"].id))
    rows[0]["stock"] = "3"
    result, errors = run(shop["store"].id, to_csv(rows))
    assert errors == [] and result.stock_movements == 1
    with store_scope(shop["store"].id):
        ledger = [(m.delta, m.balance, m.reason) for m in db.session.scalars(select(StockMovement).order_by(StockMovement.id))]
    assert ledger == [(10, 10, "Received"), (-7, 3, "CSV import")]


def test_a_file_with_only_some_columns_leaves_the_rest_alone(shop):
    product_id = make_product(shop)
    text = to_csv([{"product_slug": "linen-shirt", "product_name": "Linen Shirt", "category": "shirts",
                    "sku": "LINEN-SHIRT-2", "price": "40"}],
                  columns=("sku", "price", "product_slug", "product_name", "category"))
    result, errors = run(shop["store"].id, text)
    assert errors == [] and (result.updated, result.variants) == (1, 1)
    with store_scope(shop["store"].id):
        product = db.session.get(Product, product_id)
        assert [(v.option_values, v.price) for v in product.variants] == [(["Red"], 2990), (["Blue"], 4000)]
        assert (product.weight_grams, product.hs_code, product.on_shelf) == (250, "620520", True)


def test_semicolon_separated_file_from_a_european_excel(shop):
    text = "\ufeffproduct_slug;product_name;category;sku;price\r\nsemi;Semi;shirts;SEMI-1;9.5\r\n"
    result, errors = run(shop["store"].id, text)
    assert errors == [] and result.created == 1


def test_every_bad_row_is_reported_with_its_line(shop):
    make_product(shop, slug="taken", options="")  # its sku is TAKEN-1
    make_product(shop, slug="linen-shirt")  # options Colour: Red, Blue
    text = to_csv([
        row(product_slug="good", sku="GOOD-1"),                                      # 2: fine
        row(product_slug="Bad Slug!", sku="B-1"),                                    # 3
        row(product_slug="b2", sku="B-2", category="nope"),                          # 4
        row(product_slug="b3", sku="B-3", category="toys"),                          # 5: not approved
        row(product_slug="b4", sku="B-4", brand="nobrand"),                          # 6
        row(product_slug="b5", sku="B-5", status="live"),                            # 7
        row(product_slug="b6", sku="B-6", on_shelf="maybe"),                         # 8
        row(product_slug="b7", sku="B-7", price="-1"),                               # 9
        row(product_slug="b8", sku="B-8", price="abc"),                              # 10
        row(product_slug="b9", sku="B-9", price="1.999"),                            # 11
        row(product_slug="b10", sku="B-10", price="10", compare_at_price="9"),       # 12
        row(product_slug="b11", sku="B 11"),                                         # 13
        row(product_slug="b12", sku="GOOD-1"),                                       # 14: duplicate of line 2
        row(product_slug="b13", sku="TAKEN-1"),                                      # 15: another product's sku
        row(product_slug="b14", sku="B-14", option1_name="Colour"),                  # 16: value missing
        row(product_slug="b15", sku="B-15", option2_name="Size", option2_value="S"),  # 17: option 1 empty
        row(product_slug="good", product_name="Other name", sku="GOOD-2"),           # 18: disagrees with line 2
        row(product_slug="b16", sku="B-16", stock="-3", weight_grams="heavy", hs_code="12", gtin="123",
            origin_country="Portugal"),                                              # 19
        row(product_slug="b17", product_name="", sku="B-17", price="1,200"),         # 20
        row(product_slug="linen-shirt", product_name="Linen Shirt", option1_name="Size", option1_value="S",
            sku="LS-X"),                                                             # 21: renamed option
        row(product_slug="b18", sku="B-18", option1_name="Colour", option1_value="Red"),
        row(product_slug="b18", sku="B-19", option1_value="Red"),                    # 23: same combination
        row(product_slug="b20", sku="", price=""),                                   # 24: product row, no variant
        row(product_slug="b21", sku="B-21", price="1.5", stock="2.5"),               # 25
    ])
    with store_scope(shop["store"].id):
        before = db.session.scalar(select(func.count()).select_from(Product))
    result, errors = run(shop["store"].id, text)
    assert result is None
    got = messages(errors)
    expected = [
        (3, "product_slug", "Use lower-case ASCII letters, digits and hyphens"),
        (4, "category", "No category has this slug."),
        (5, "category", "Your store is not approved for this category."),
        (6, "brand", "No brand has this slug."),
        (7, "status", "Write draft, active or archived."),
        (8, "on_shelf", "Write yes or no."),
        (9, "price", "A price cannot be negative."),
        (10, "price", "Enter a price like 19.99."),
        (11, "price", "USD prices have at most 2 decimal places."),
        (12, "compare_at_price", "The compare-at price must be higher than the price."),
        (13, "sku", "Use up to 64 letters, digits, dots, hyphens or underscores."),
        (14, "sku", "Line 2 already uses this SKU."),
        (15, "sku", "Another product of this store uses this SKU."),
        (16, "option1_value", "This variant needs a value for Colour."),
        (17, "option1_name", "Fill the options in order"),
        (18, "product_name", "Rows of the same product must agree: line 2 has another value here."),
        (18, "sku", "A product without options has only one variant, on line 2."),
        (19, "weight_grams", "Enter the weight in grams, up to 1,000,000."),
        (19, "hs_code", "An HS code is 6 to 10 digits."),
        (19, "origin_country", "Write the country as a two-letter code"),
        (19, "gtin", "A GTIN (barcode) is 8, 12, 13 or 14 digits."),
        (19, "stock", "Enter the stock as a whole number, 0 or more."),
        (20, "product_name", "This field is required."),
        (20, "price", "Write prices with a dot for decimals"),
        (21, "option1_name", "This product's options are Colour."),
        (23, "option1_value", "Line 22 of this product has the same option values."),
        (24, "sku", "A new product needs at least one variant"),
        (25, "stock", "Enter the stock as a whole number, 0 or more."),
    ]
    assert len(got) == len(expected), "\n".join(map(str, got))
    for (line, column, message), (want_line, want_column, want_message) in zip(got, expected, strict=True):
        assert (line, column) == (want_line, want_column) and want_message in message, (line, column, message)
    with store_scope(shop["store"].id):
        assert db.session.scalar(select(func.count()).select_from(Product)) == before
        assert db.session.scalar(select(Product).where(Product.slug == "good")) is None


def test_line_numbers_count_records_not_physical_lines(shop):
    text = to_csv([row(product_slug="multi", sku="M-1", description="<p>one\nline\ntwo</p>"), {},
                   row(product_slug="bad", sku="M 2")])
    _result, errors = run(shop["store"].id, text)
    assert messages(errors) == [(4, "sku", "Use up to 64 letters, digits, dots, hyphens or underscores.")]


@pytest.mark.parametrize("text,expected", [
    ("", [(1, "", "The file is empty.")]),
    ("\ufeff\r\n", [(1, "", "The file is empty.")]),
    ("product_slug,product_name,category,sku,price\r\n", [(1, "", "The file has no product rows under its header.")]),
    ("product_slug,name,category,sku\r\nx,y,z,w\r\n", [(1, "name", "Unknown column. Use the column names of the export."),
                                                       (1, "product_name", "This column is required."),
                                                       (1, "price", "This column is required.")]),
    ("product_slug,product_name,category,sku,price,price\r\n", [(1, "price", "This column appears twice.")]),
    ("product_slug,product_name,category,sku,price,option1_name\r\n",
     [(1, "option1_value", "Option columns come in pairs: add this column too.")]),
    ("product_slug,product_name,category,sku,price\r\nx,X,shirts,X-1,1,extra\r\n",
     [(2, "", "This line has more cells than the header has columns.")]),
])
def test_file_level_problems(shop, text, expected):
    _result, errors = run(shop["store"].id, text)
    assert messages(errors) == expected


@pytest.mark.parametrize("text,line", [
    ('product_slug,product_name,category,sku,price\r\nx,X,shirts,X-1,1\r\ny,"Y"z",shirts,Y-1,1\r\nz,Z,shirts,Z-1,1\r\n', 3),
    ('product_slug,product_name,category,sku,price\r\nx,"X,shirts,X-1,1\r\nz,Z,shirts,Z-1,1\r\n', 2),
    ('product_slug,"product_name\r\n', 1),
])
def test_unreadable_quotes(shop, text, line):
    _result, errors = run(shop["store"].id, text)
    assert [(e.line, str(e.message)) for e in errors] == [
        (line, "The file cannot be read as CSV from this line on. Check its quotes.")]


def test_too_many_rows(shop, monkeypatch):
    monkeypatch.setattr(csv_io, "MAX_ROWS", 3)
    text = to_csv([row(product_slug=f"p{n}", sku=f"P-{n}") for n in range(5)])
    _result, errors = run(shop["store"].id, text)
    assert messages(errors) == [(5, "", "A file has at most 3 rows. Split it into smaller files.")]


def test_yen_prices_have_no_decimals(shop):
    text = to_csv([row(price="1200.5"), row(product_slug="ok", sku="OK", price="1200")])
    _result, errors = run(shop["other"].id, text, "JPY")
    assert messages(errors) == [(2, "price", "JPY prices have at most 0 decimal places.")]


def test_an_existing_products_option_names_match_in_any_case_and_combinations_stay_unique(shop):
    make_product(shop)
    rows = read(export_text(shop["store"].id))
    for r in rows:
        r["option1_name"] = "colour"  # the same name in another case is fine
    red, _blue = rows
    text = to_csv([red, dict(red, option1_value="Blue", sku="LINEN-BLUE-2")])  # LINEN-SHIRT-2 is Blue already
    _result, errors = run(shop["store"].id, text)
    assert messages(errors) == [
        (3, "option1_value", "The variant LINEN-SHIRT-2 of this product already has these option values.")]
    result, errors = run(shop["store"].id, to_csv([red, dict(red, option1_value="White", sku="LINEN-WHITE")]))
    assert errors == [] and (result.updated, result.variants) == (1, 1)
    with store_scope(shop["store"].id):
        product = db.session.scalar(select(Product))
        assert product.options == [{"name": "Colour", "values": ["Red", "Blue", "White"]}]


def test_the_sku_of_another_stores_product_is_free(shop):
    make_product(shop, store=shop["other"], slug="kimono", options="", price="1200", currency="JPY")
    text = to_csv([row(sku="KIMONO-1")])
    result, errors = run(shop["store"].id, text)
    assert errors == [] and result.created == 1


def test_an_edit_of_a_rejected_product_goes_back_to_review_and_no_edit_changes_nothing(shop):
    product_id = make_product(shop)
    with store_scope(shop["store"].id):
        db.session.get(Product, product_id).moderation = ModerationState.REJECTED
        db.session.commit()
    rows = read(export_text(shop["store"].id))
    result, errors = run(shop["store"].id, to_csv(rows))
    assert errors == [] and result.updated == 0
    with store_scope(shop["store"].id):
        assert db.session.get(Product, product_id).moderation == ModerationState.REJECTED
    for r in rows:
        r["description"] = "<p>Better words</p>"
    result, errors = run(shop["store"].id, to_csv(rows))
    assert errors == [] and (result.updated, result.variants) == (1, 0)
    with store_scope(shop["store"].id):
        product = db.session.get(Product, product_id)
        assert product.moderation == ModerationState.PENDING and product.description == "<p>Better words</p>"


def test_a_new_variant_needs_its_option_values(shop):
    make_product(shop)
    text = to_csv([{"product_slug": "linen-shirt", "product_name": "Linen Shirt", "category": "shirts",
                    "sku": "LINEN-NEW", "price": "40"}], columns=("product_slug", "product_name", "category", "sku", "price"))
    _result, errors = run(shop["store"].id, text)
    assert messages(errors) == [(2, "sku", "This variant needs a value for Colour.")]
