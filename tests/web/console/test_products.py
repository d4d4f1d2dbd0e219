"""Console products: create with options -> variants, prices in the store's
currency (minor units), stock with a ledger, and every bad input refused."""

import pytest
from sqlalchemy import func, select

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
    toys = catalog.save_category(None, name="Toys", slug="toys", parent_id=None, commission_self=None,
                                 commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD")
    yen = make_store("sakura", currency="JPY")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("s@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, staff, Role.STAFF)
    add_member(yen, other, Role.OWNER)
    for s in (store, yen):
        with store_scope(s.id):
            db.session.add(StoreCategory(store_id=s.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    return {"store": store, "yen": yen, "shirts": shirts, "toys": toys, "console": console, "staff": staff,
            "other": other}


def _form(shop, **overrides):
    data = {"name": "Linen Shirt", "slug": "linen-shirt", "category_id": str(shop["shirts"].id), "brand_id": "",
            "status": "active", "on_shelf": "y", "description": "<p>Soft <strong>linen</strong></p>",
            "weight_grams": "250", "hs_code": "620520", "origin_country": "PT", "gtin": "",
            "options": "Colour: Red, Blue\nSize: S, M, L", "price": "29.90"}
    data.update(overrides)
    return data


def _rows():
    with all_stores():
        return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Product, Variant, StockMovement))


def test_create_generates_one_variant_per_combination(shop):
    response = shop["console"].submit("/acme/products/new", _form(shop))
    assert response.status_code == 303, response.get_data(as_text=True)[-3000:]
    with store_scope(shop["store"].id):
        product = db.session.scalar(select(Product))
        assert [v.option_values for v in product.variants] == [
            ["Red", "S"], ["Red", "M"], ["Red", "L"], ["Blue", "S"], ["Blue", "M"], ["Blue", "L"]]
        assert {v.price for v in product.variants} == {2990}
        assert len({v.code for v in product.variants}) == 6
        product_id = product.id
    page = shop["console"].get(f"/acme/products/{product_id}").get_data(as_text=True)
    assert "Red / S" in page and "$29.90" in page
    listing = shop["console"].get("/acme/products").get_data(as_text=True)
    assert "Linen Shirt" in listing and "6 variants" in listing


def test_script_in_the_description_is_stripped(shop):
    shop["console"].submit("/acme/products/new", _form(shop, description=(
        '<p onclick="steal()" style="color:red">Hi<script>alert(1)</script></p><a href="javascript:x()">x</a>'
        '<img src=x onerror=alert(2)>')))
    with store_scope(shop["store"].id):
        description = db.session.scalar(select(Product.description))
    assert "script" not in description and "onclick" not in description and "style" not in description
    assert "javascript:" not in description and "onerror" not in description and "<img" not in description
    assert "<p>Hi</p>" in description


@pytest.mark.parametrize("overrides,message", [
    ({"price": "-1"}, "A price cannot be negative."),
    ({"price": "abc"}, "Enter a price like 19.99."),
    ({"price": "1.999"}, "USD prices have at most 2 decimal places."),
    ({"price": ""}, "This field is required."),
    ({"slug": "Not OK"}, "Use lower-case ASCII letters, digits and hyphens"),
    ({"options": "Colour Red Blue"}, "Write each option on its own line as Name: value, value"),
    ({"options": "A: 1\nB: 2\nC: 3\nD: 4"}, "A product has at most 3 options."),
    ({"options": "Size: S, S"}, "An option has at most 20 different values."),
    ({"hs_code": "12"}, "An HS code is 6 to 10 digits."),
    ({"gtin": "123"}, "A GTIN (barcode) is 8, 12, 13 or 14 digits."),
    ({"weight_grams": "heavy"}, "Enter the weight in grams, up to 1,000,000."),
    ({"name": "N" * 201}, "Use at most 200 characters."),
])
def test_bad_product_input_changes_nothing(shop, overrides, message):
    before = _rows()
    response = shop["console"].submit("/acme/products/new", _form(shop, **overrides))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _rows() == before


def test_category_must_be_approved_for_the_store(shop):
    before = _rows()
    response = shop["console"].submit("/acme/products/new", _form(shop, category_id=str(shop["toys"].id)))
    assert response.status_code == 422
    assert _rows() == before


def test_yen_prices_have_no_decimals(shop, client_for):
    console = client_for("merchant.localhost")
    sign_in(console, shop["other"].email)
    response = console.submit("/sakura/products/new", _form(shop, price="1500.5", options=""))
    assert response.status_code == 422
    assert "JPY prices have at most 0 decimal places." in response.get_data(as_text=True)
    assert console.submit("/sakura/products/new", _form(shop, price="1500", options="")).status_code == 303
    with store_scope(shop["yen"].id):
        variant = db.session.scalar(select(Variant))
        assert variant.price == 1500 and variant.option_values == []


def _one_variant(shop):
    shop["console"].submit("/acme/products/new", _form(shop, options=""))
    with store_scope(shop["store"].id):
        variant = db.session.scalar(select(Variant))
        return variant.product_id, variant.id


def test_variant_code_and_prices(shop):
    product_id, variant_id = _one_variant(shop)
    url = f"/acme/products/{product_id}/variants/{variant_id}"
    page = f"/acme/products/{product_id}"
    ok = shop["console"].submit(url, {f"v{variant_id}-code": "LS-RED-S", f"v{variant_id}-price": "25",
                                      f"v{variant_id}-compare_at": "35"}, form_page=page)
    assert ok.status_code == 303
    for data, message in (
        ({"code": "LS RED", "price": "25", "compare_at": ""}, "Use up to 64 letters, digits, dots, hyphens or underscores."),
        ({"code": "LS-RED-S", "price": "25", "compare_at": "20"}, "The compare-at price must be higher than the price."),
        ({"code": "LS-RED-S", "price": "-3", "compare_at": ""}, "A price cannot be negative."),
    ):
        response = shop["console"].submit(url, {f"v{variant_id}-{k}": v for k, v in data.items()}, form_page=page)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    with store_scope(shop["store"].id):
        variant = db.session.get(Variant, variant_id)
        assert (variant.code, variant.price, variant.compare_at_price) == ("LS-RED-S", 2500, 3500)


def test_duplicate_variant_code_in_the_store_is_refused(shop):
    shop["console"].submit("/acme/products/new", _form(shop, options="Size: S, M"))
    with store_scope(shop["store"].id):
        first, second = db.session.scalars(select(Variant).order_by(Variant.id)).all()
        ids = (first.product_id, first.id, second.code)
    product_id, variant_id, taken = ids
    data = {f"v{variant_id}-code": taken, f"v{variant_id}-price": "1", f"v{variant_id}-compare_at": ""}
    response = shop["console"].submit(f"/acme/products/{product_id}/variants/{variant_id}", data,
                                      form_page=f"/acme/products/{product_id}")
    assert response.status_code == 422
    assert "Another variant of this store uses this code." in response.get_data(as_text=True)


def test_stock_changes_are_ledgered_and_never_below_zero(shop, client_for):
    product_id, variant_id = _one_variant(shop)
    staff = client_for("merchant.localhost")
    sign_in(staff, shop["staff"].email)  # staff may count stock
    url, page = f"/acme/products/{product_id}/variants/{variant_id}/stock", f"/acme/products/{product_id}"
    for delta, reason in (("10", "Received"), ("-3", "Damaged")):
        data = {f"s{variant_id}-delta": delta, f"s{variant_id}-reason": reason}
        assert staff.submit(url, data, form_page=page).status_code == 303
    for delta, reason, message in (("-8", "Oops", "Stock cannot go below zero."), ("0", "x", "other than zero"),
                                   ("ten", "x", "Enter a whole number"), ("5", "", "Say why the stock changes")):
        response = staff.submit(url, {f"s{variant_id}-delta": delta, f"s{variant_id}-reason": reason}, form_page=page)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    with store_scope(shop["store"].id):
        assert db.session.get(Variant, variant_id).stock == 7
        ledger = db.session.scalars(select(StockMovement).order_by(StockMovement.id)).all()
        assert [(m.delta, m.balance, m.reason) for m in ledger] == [(10, 10, "Received"), (-3, 7, "Damaged")]
    assert "+10 → 10" in staff.get(page).get_data(as_text=True)


def test_staff_cannot_create_or_edit_products(shop, client_for):
    product_id, variant_id = _one_variant(shop)
    staff = client_for("merchant.localhost")
    sign_in(staff, shop["staff"].email)
    token = staff.csrf("/acme/products")
    assert staff.get("/acme/products/new").status_code == 403
    assert staff.post(f"/acme/products/{product_id}", data={"csrf_token": token, "name": "X"}).status_code == 403


def test_another_stores_staff_cannot_see_or_touch_the_product(shop, client_for):
    product_id, variant_id = _one_variant(shop)
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    assert other.get(f"/sakura/products/{product_id}").status_code == 404
    assert other.get(f"/acme/products/{product_id}").status_code == 404
    token = other.csrf("/sakura/products")
    response = other.post(f"/sakura/products/{product_id}/variants/{variant_id}/stock",
                          data={"csrf_token": token, f"s{variant_id}-delta": "5", f"s{variant_id}-reason": "x"})
    assert response.status_code == 404
    assert "Linen Shirt" not in other.get("/sakura/products").get_data(as_text=True)
    with store_scope(shop["store"].id):
        assert db.session.get(Variant, variant_id).stock == 0


def test_options_typed_with_cjk_or_arabic_punctuation(shop):
    from app.catalog.products import parse_options

    assert parse_options("颜色：红，蓝、白") == [{"name": "颜色", "values": ["红", "蓝", "白"]}]
    assert parse_options("اللون: أحمر، أزرق") == [{"name": "اللون", "values": ["أحمر", "أزرق"]}]


def test_variants_preview_while_typing(shop):
    console = shop["console"]
    token = console.csrf("/acme/products/new")
    headers = {"HX-Request": "true", "X-CSRFToken": token}
    response = console.post("/acme/products/variants-preview", headers=headers,
                            data={"options": "Colour: Red, Blue\nSize: S, M, L"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "6 variants will be created" in body
    assert body.count("<tr>") == 7  # the header row and six combinations
    assert "<html" not in body  # a partial
    bad = console.post("/acme/products/variants-preview", headers=headers, data={"options": "Colour Red"})
    assert bad.status_code == 422
    assert "Write each option on its own line" in bad.get_data(as_text=True)
    assert "one variant" in console.post("/acme/products/variants-preview", headers=headers,
                                         data={"options": ""}).get_data(as_text=True)
    assert _rows() == (0, 0, 0)  # a preview writes nothing


def test_bulk_shelf_and_low_stock_marker(shop, client_for):
    console = shop["console"]
    for name, slug in (("One", "one"), ("Two", "two")):
        console.submit("/acme/products/new", _form(shop, name=name, slug=slug, options="", on_shelf=""))
    with store_scope(shop["store"].id):
        ids = [p.id for p in db.session.scalars(select(Product).order_by(Product.id))]
        variant_id = db.session.scalar(select(Variant.id).where(Variant.product_id == ids[0]))
    console.submit(f"/acme/products/{ids[0]}/variants/{variant_id}/stock",
                   {f"s{variant_id}-delta": "3", f"s{variant_id}-reason": "Counted"}, form_page=f"/acme/products/{ids[0]}")
    listing = console.get("/acme/products").get_data(as_text=True)
    assert "1 variant low" in listing and "out of stock" in listing

    token = console.csrf("/acme/products")
    response = console.post("/acme/products/shelf", data={"csrf_token": token, "action": "on",
                                                          "product_ids": [str(i) for i in ids]})
    assert response.status_code == 303
    with store_scope(shop["store"].id):
        assert all(db.session.scalars(select(Product.on_shelf)))
    # Nothing selected: a message, nothing changed.
    response = console.post("/acme/products/shelf", data={"csrf_token": token, "action": "off"},
                            follow_redirects=True)
    assert "Select at least one product." in response.get_data(as_text=True)
    with store_scope(shop["store"].id):
        assert all(db.session.scalars(select(Product.on_shelf)))


def test_bulk_shelf_cannot_reach_another_stores_products(shop, client_for):
    shop["console"].submit("/acme/products/new", _form(shop, options="", on_shelf="y"))
    with store_scope(shop["store"].id):
        product_id = db.session.scalar(select(Product.id))
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    token = other.csrf("/sakura/products")
    response = other.post("/sakura/products/shelf", data={"csrf_token": token, "action": "off",
                                                          "product_ids": [str(product_id)]}, follow_redirects=True)
    assert "0 product(s) taken off the shelf." in response.get_data(as_text=True)
    with store_scope(shop["store"].id):
        assert db.session.get(Product, product_id).on_shelf is True


def test_new_product_form_offers_the_categorys_option_templates(shop):
    from app.catalog.models import CategoryOption

    db.session.add(CategoryOption(category_id=shop["shirts"].id, name="Colour", values=["Red", "Blue"], filterable=True))
    db.session.add(CategoryOption(category_id=shop["shirts"].id, name="Size", values=["S", "M"], filterable=True,
                                  position=1))
    db.session.commit()
    console = shop["console"]
    page = console.get("/acme/products/new").get_data(as_text=True)
    assert "Colour: Red, Blue\nSize: S, M" in page  # the first (only) approved category is chosen
    hint = console.get(f"/acme/products/option-template?category_id={shop['shirts'].id}", headers={"HX-Request": "true"})
    assert "Use these options" in hint.get_data(as_text=True)
    filled = console.get(f"/acme/products/option-template?category_id={shop['shirts'].id}&fill=1",
                         headers={"HX-Request": "true"}).get_data(as_text=True)
    assert '<div id="options-field">' in filled and "Colour: Red, Blue\nSize: S, M</textarea>" in filled
    # A category the store may not sell in (or nonsense) offers nothing.
    for value in (str(shop["toys"].id), "abc", ""):
        body = console.get(f"/acme/products/option-template?category_id={value}").get_data(as_text=True)
        assert "Use these options" not in body
