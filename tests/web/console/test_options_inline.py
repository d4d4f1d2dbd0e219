"""Console: changing a product's options after creation (with a live preview),
a variant's weight, the product list's filters and pagination, and inline price
and stock edits; bad input, roles and other stores."""

import re

import pytest
from sqlalchemy import func, select

from app.catalog import services as catalog
from app.catalog.models import ApplicationState, ModerationState, Product, StockMovement, StoreCategory, Variant
from app.catalog.products import adjust_stock, save_product
from app.extensions import db
from app.tenancy.models import Role
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user
from tests.web.test_query_counts import count_queries

HX = {"HX-Request": "true"}


@pytest.fixture
def shop(client_for):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    toys = catalog.save_category(None, name="Toys", slug="toys", parent_id=None, commission_self=None,
                                 commission_third=None)
    hats = catalog.save_category(None, name="Hats", slug="hats", parent_id=None, commission_self=None,
                                 commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD")
    yen = make_store("sakura", currency="JPY")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("s@example.com")
    manager = make_user("manager@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, manager, Role.MANAGER)
    add_member(store, staff, Role.STAFF)
    add_member(yen, other, Role.OWNER)
    for s in (store, yen):
        with store_scope(s.id):
            for c in (shirts, toys):
                db.session.add(StoreCategory(store_id=s.id, category_id=c.id, state=ApplicationState.APPROVED))
            db.session.commit()
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    return {"store": store, "yen": yen, "shirts": shirts, "toys": toys, "hats": hats, "console": console,
            "staff": staff, "manager": manager, "other": other}


def make_product(shop, *, name="Linen Shirt", slug="linen-shirt", options="Colour: Red, Blue\nSize: S, M",
                 price="20", category=None, status="active", store="store"):
    with store_scope(shop[store].id):
        product = save_product(None, currency=shop[store].base_currency, name=name, slug=slug,
                               category_id=(category or shop["shirts"]).id, brand_id=None, description="",
                               status=status, on_shelf=True, weight_grams=None, hs_code="", origin_country="",
                               gtin="", options_text=options, price_text=price)
        db.session.commit()
        return product.id


def variants_of(shop, product_id, store="store"):
    with store_scope(shop[store].id):
        db.session.expire_all()
        rows = db.session.scalars(select(Variant).where(Variant.product_id == product_id).order_by(Variant.position))
        return [(v.id, v.code, v.option_values, v.price, v.stock, v.weight_grams) for v in rows]


def set_stock(shop, product_id, values, stock):
    with store_scope(shop["store"].id):
        variants = db.session.scalars(select(Variant).where(Variant.product_id == product_id)
                                      .order_by(Variant.position)).all()
        # JSON columns cannot be compared in SQL on PostgreSQL: pick in Python.
        variant = next(v for v in variants if values is None or v.option_values == values)
        adjust_stock(variant, delta=stock - variant.stock, reason="Counted", actor_id=None)
        db.session.commit()
        return variant.id, variant.code


def ledger():
    with all_stores():
        return [(m.delta, m.balance, m.kind, m.reason) for m in
                db.session.scalars(select(StockMovement).order_by(StockMovement.id))]


def signed_in(client_for, user):
    client = client_for("merchant.localhost")
    sign_in(client, user.email)
    return client


# --- options ------------------------------------------------------------------------------

def test_product_page_offers_the_options_as_text_and_a_weight_per_variant(shop):
    product_id = make_product(shop)
    page = shop["console"].get(f"/acme/products/{product_id}").get_data(as_text=True)
    assert "Colour: Red, Blue\nSize: S, M</textarea>" in page
    assert f'hx-post="/acme/products/{product_id}/options/preview"' in page
    assert "Weight of Red / S in grams" in page
    assert "A new option gives every existing variant its first value." in page


def test_adding_a_value_adds_variants_from_the_console(shop):
    product_id = make_product(shop)
    before = variants_of(shop, product_id)
    response = shop["console"].submit(f"/acme/products/{product_id}/options",
                                      {"opt-options": "Colour: Red, Blue, Green\nSize: S, M", "opt-price": "24.50"},
                                      form_page=f"/acme/products/{product_id}", follow_redirects=True)
    assert response.status_code == 200
    assert "Options saved: 2 variant(s) added, 0 removed, 4 kept." in response.get_data(as_text=True)
    after = variants_of(shop, product_id)
    assert after[:4] == before  # same ids, codes, values, prices and stock
    assert [(v[2], v[3], v[4]) for v in after[4:]] == [(["Green", "S"], 2450, 0), (["Green", "M"], 2450, 0)]


def test_removing_a_value_with_no_stock_removes_its_variants(shop):
    product_id = make_product(shop)
    response = shop["console"].submit(f"/acme/products/{product_id}/options", {"opt-options": "Colour: Red\nSize: S, M"},
                                      form_page=f"/acme/products/{product_id}")
    assert response.status_code == 303
    assert [v[2] for v in variants_of(shop, product_id)] == [["Red", "S"], ["Red", "M"]]


def test_removing_a_value_with_stock_is_refused_and_nothing_changes(shop):
    product_id = make_product(shop)
    _vid, code = set_stock(shop, product_id, ["Blue", "M"], 3)
    before = variants_of(shop, product_id)
    response = shop["console"].submit(f"/acme/products/{product_id}/options",
                                      {"opt-options": "Colour: Red\nSize: S, M, L", "opt-price": "10"},
                                      form_page=f"/acme/products/{product_id}")
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert f"Set the stock of {code} to zero before removing their option values." in body
    assert "Colour: Red\nSize: S, M, L</textarea>" in body  # what was typed is shown again
    assert variants_of(shop, product_id) == before


@pytest.mark.parametrize("data,message", [
    ({"opt-options": "Colour: Red, Blue, Green\nSize: S, M", "opt-price": ""}, "This field is required."),
    ({"opt-options": "Colour: Red, Blue, Green\nSize: S, M", "opt-price": "1.999"},
     "USD prices have at most 2 decimal places."),
    ({"opt-options": "Colour Red Blue", "opt-price": "10"}, "Write each option on its own line"),
    ({"opt-options": "Size: S, s", "opt-price": "10"}, "An option has at most 20 different values."),
    ({"opt-options": "x" * 2001, "opt-price": "10"}, "Use at most 2000 characters."),
])
def test_bad_options_input_is_refused_with_a_message(shop, data, message):
    product_id = make_product(shop)
    before = variants_of(shop, product_id)
    response = shop["console"].submit(f"/acme/products/{product_id}/options", data,
                                      form_page=f"/acme/products/{product_id}")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert variants_of(shop, product_id) == before


def test_a_new_option_keeps_existing_variants_with_its_first_value(shop):
    product_id = make_product(shop, options="Colour: Red, Blue")
    before = {v[2][0]: v[0] for v in variants_of(shop, product_id)}
    response = shop["console"].submit(f"/acme/products/{product_id}/options",
                                      {"opt-options": "Colour: Red, Blue\nSize: M, L", "opt-price": "20"},
                                      form_page=f"/acme/products/{product_id}")
    assert response.status_code == 303
    after = variants_of(shop, product_id)
    assert [v[2] for v in after] == [["Red", "M"], ["Red", "L"], ["Blue", "M"], ["Blue", "L"]]
    assert (after[0][0], after[2][0]) == (before["Red"], before["Blue"])


def test_options_preview_marks_kept_new_and_removed(shop):
    product_id = make_product(shop)
    console = shop["console"]
    token = console.csrf(f"/acme/products/{product_id}")
    headers = {**HX, "X-CSRFToken": token}
    url = f"/acme/products/{product_id}/options/preview"
    response = console.post(url, headers=headers, data={"opt-options": "Colour: Red, Green\nSize: S, M"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<html" not in body
    assert "2 variants kept · 2 variants added · 2 variants removed" in body
    rows = re.findall(r'<tr class="variant-(\w+)">\s*<td>([^<]*)</td>', body)
    assert rows == [("kept", "Red / S"), ("kept", "Red / M"), ("new", "Green / S"), ("new", "Green / M"),
                    ("removed", "Blue / S"), ("removed", "Blue / M")]
    assert body.count(">Kept<") == 2 and body.count(">New<") == 2 and body.count(">Removed<") == 2

    _vid, code = set_stock(shop, product_id, ["Blue", "S"], 2)
    blocked = console.post(url, headers=headers, data={"opt-options": "Colour: Red\nSize: S, M"}).get_data(as_text=True)
    assert f"Set the stock of {code} to zero before removing their option values." in blocked
    assert "Removed, but it has stock: 2" in blocked

    bad = console.post(url, headers=headers, data={"opt-options": "Colour Red"})
    assert bad.status_code == 422
    assert "Write each option on its own line" in bad.get_data(as_text=True)
    before = variants_of(shop, product_id)
    assert len(before) == 4 and ledger() == [(2, 2, "adjustment", "Counted")]  # a preview writes nothing


# --- weight -----------------------------------------------------------------------------

def test_variant_weight(shop):
    product_id = make_product(shop, options="")
    (variant,) = variants_of(shop, product_id)
    url, page = f"/acme/products/{product_id}/variants/{variant[0]}/weight", f"/acme/products/{product_id}"
    assert shop["console"].submit(url, {f"w{variant[0]}-weight_grams": "180"}, form_page=page).status_code == 303
    assert variants_of(shop, product_id)[0][5] == 180
    for bad in ("-1", "abc", "1000001"):
        response = shop["console"].submit(url, {f"w{variant[0]}-weight_grams": bad}, form_page=page)
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        assert "Enter the weight in grams, up to 1,000,000." in body
        assert f'value="{bad}"' in body  # the bad value is shown again next to its message
        assert variants_of(shop, product_id)[0][5] == 180
    # Empty: back to the product's weight.
    assert shop["console"].submit(url, {f"w{variant[0]}-weight_grams": ""}, form_page=page).status_code == 303
    assert variants_of(shop, product_id)[0][5] is None


# --- inline edits from the list ---------------------------------------------------------

def _inline(product_id, variant_id):
    return f"/acme/products/{product_id}/variants/{variant_id}/inline"


def test_inline_editor_is_a_row_partial(shop):
    product_id = make_product(shop, options="")
    (variant,) = variants_of(shop, product_id)
    response = shop["console"].get(_inline(product_id, variant[0]), headers=HX)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith("<") and "<html" not in body
    assert f'<tr id="product-{product_id}">' in body
    assert f'name="i{variant[0]}-price"' in body and 'value="20.00"' in body
    assert f'name="i{variant[0]}-stock"' in body
    # Cancel shows the row again, without the editor.
    row = shop["console"].get(_inline(product_id, variant[0]) + "?show=row", headers=HX).get_data(as_text=True)
    assert f'name="i{variant[0]}-price"' not in row and "Stock: 0" in row
    # Without JS the same URL is a page with the form.
    page = shop["console"].get(_inline(product_id, variant[0])).get_data(as_text=True)
    assert "<html" in page and f'name="i{variant[0]}-price"' in page
    assert 'form="products-bulk"' not in page  # no bulk selection outside the list


def test_inline_edit_saves_price_and_records_the_stock_change(shop):
    product_id = make_product(shop, options="")
    (variant,) = variants_of(shop, product_id)
    vid = variant[0]
    token = shop["console"].csrf("/acme/products")
    response = shop["console"].post(_inline(product_id, vid), headers=HX, data={
        "csrf_token": token, f"i{vid}-price": "12.50", f"i{vid}-stock": "7", f"i{vid}-stock_seen": "0"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert f'<tr id="product-{product_id}">' in body and "<html" not in body
    assert "$12.50" in body and "Stock: 7" in body and "Saved." in body
    assert variants_of(shop, product_id)[0][3:5] == (1250, 7)
    assert ledger() == [(7, 7, "adjustment", "Quick edit from the product list")]
    with store_scope(shop["store"].id):
        product = db.session.scalar(select(Product).where(Product.id == product_id))
        assert (product.price_min, product.in_stock) == (1250, True)
    # Without JS: back to the list with a message.
    response = shop["console"].post(_inline(product_id, vid), data={
        "csrf_token": token, f"i{vid}-price": "12.50", f"i{vid}-stock": "4", f"i{vid}-stock_seen": "7"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/acme/products")
    assert ledger()[-1] == (-3, 4, "adjustment", "Quick edit from the product list")


@pytest.mark.parametrize("price,stock,seen,message", [
    ("abc", "5", "0", "Enter a price like 19.99."),
    ("-2", "5", "0", "A price cannot be negative."),
    ("", "5", "0", "This field is required."),
    ("12", "-1", "0", "Enter the stock as a whole number from 0 to 10,000,000."),
    ("12", "lots", "0", "Enter the stock as a whole number from 0 to 10,000,000."),
    ("12", "5", "3", "The stock changed to 0 while you were editing. Check it and save again."),
])
def test_inline_bad_input_is_a_422_partial_and_changes_nothing(shop, price, stock, seen, message):
    product_id = make_product(shop, options="")
    vid = variants_of(shop, product_id)[0][0]
    token = shop["console"].csrf("/acme/products")
    response = shop["console"].post(_inline(product_id, vid), headers=HX, data={
        "csrf_token": token, f"i{vid}-price": price, f"i{vid}-stock": stock, f"i{vid}-stock_seen": seen})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and "<html" not in body
    assert 'aria-invalid="true"' in body and f'name="i{vid}-price"' in body
    assert variants_of(shop, product_id)[0][3:5] == (2000, 0)
    assert ledger() == []


def test_inline_post_without_a_csrf_token_is_refused(shop):
    product_id = make_product(shop, options="")
    vid = variants_of(shop, product_id)[0][0]
    response = shop["console"].post(_inline(product_id, vid), headers=HX, data={f"i{vid}-price": "1", f"i{vid}-stock": "1"})
    assert response.status_code == 400
    assert variants_of(shop, product_id)[0][3:5] == (2000, 0)


# --- roles and other stores --------------------------------------------------------------

def test_staff_may_change_stock_inline_but_not_prices_options_or_weight(shop, client_for):
    product_id = make_product(shop, options="Size: S, M")
    vid = variants_of(shop, product_id)[0][0]
    staff = signed_in(client_for, shop["staff"])
    before = variants_of(shop, product_id)
    token = staff.csrf("/acme/products")
    editor = staff.get(_inline(product_id, vid), headers=HX).get_data(as_text=True)
    assert f'name="i{vid}-price"' not in editor and f'name="i{vid}-stock"' in editor and "Price: $20.00" in editor
    product_page = staff.get(f"/acme/products/{product_id}").get_data(as_text=True)
    assert "Size" in product_page and "Change the options" not in product_page and "Weight per variant" not in product_page
    assert staff.post(f"/acme/products/{product_id}/options", data={
        "csrf_token": token, "opt-options": "Size: S, M, L", "opt-price": "1"}).status_code == 403
    assert staff.post(f"/acme/products/{product_id}/options/preview", headers=HX, data={
        "csrf_token": token, "opt-options": "Size: S"}).status_code == 403
    assert staff.post(f"/acme/products/{product_id}/variants/{vid}/weight", data={
        "csrf_token": token, f"w{vid}-weight_grams": "5"}).status_code == 403
    assert staff.post(_inline(product_id, vid), headers=HX, data={
        "csrf_token": token, f"i{vid}-price": "1", f"i{vid}-stock": "9", f"i{vid}-stock_seen": "0"}).status_code == 403
    assert variants_of(shop, product_id) == before and ledger() == []

    response = staff.post(_inline(product_id, vid), headers=HX, data={
        "csrf_token": token, f"i{vid}-stock": "9", f"i{vid}-stock_seen": "0"})
    assert response.status_code == 200 and "Stock: 9" in response.get_data(as_text=True)
    assert variants_of(shop, product_id)[0][3:5] == (2000, 9)
    assert ledger() == [(9, 9, "adjustment", "Quick edit from the product list")]


def test_managers_may_change_options_and_prices(shop, client_for):
    product_id = make_product(shop, options="Size: S")
    manager = signed_in(client_for, shop["manager"])
    response = manager.submit(f"/acme/products/{product_id}/options", {"opt-options": "Size: S, M", "opt-price": "3"},
                              form_page=f"/acme/products/{product_id}")
    assert response.status_code == 303
    assert len(variants_of(shop, product_id)) == 2


def test_another_stores_owner_gets_404_on_every_new_url_and_nothing_changes(shop, client_for):
    product_id = make_product(shop)
    vid = variants_of(shop, product_id)[0][0]
    before = variants_of(shop, product_id)
    other = signed_in(client_for, shop["other"])
    token = other.csrf("/sakura/products")
    for store in ("sakura", "acme"):
        base = f"/{store}/products/{product_id}"
        assert other.get(f"{base}/variants/{vid}/inline", headers=HX).status_code == 404
        posts = {f"{base}/options": {"opt-options": "Colour: Red", "opt-price": "1"},
                 f"{base}/options/preview": {"opt-options": "Colour: Red"},
                 f"{base}/variants/{vid}/weight": {f"w{vid}-weight_grams": "5"},
                 f"{base}/variants/{vid}/inline": {f"i{vid}-price": "1", f"i{vid}-stock": "5", f"i{vid}-stock_seen": "0"}}
        for url, data in posts.items():
            assert other.post(url, data={"csrf_token": token, **data}, headers=HX).status_code == 404, url
    assert variants_of(shop, product_id) == before and ledger() == []
    # Their own product with our variant id: still 404 (the variant must belong to the product).
    own = make_product(shop, name="Yukata", slug="yukata", options="", price="3000", store="yen")
    assert other.get(f"/sakura/products/{own}/variants/{vid}/inline", headers=HX).status_code == 404
    assert other.post(f"/sakura/products/{own}/variants/{vid}/weight",
                      data={"csrf_token": token, f"w{vid}-weight_grams": "5"}).status_code == 404
    assert variants_of(shop, product_id) == before


# --- the list: filters, pagination, markers ---------------------------------------------------

def _names(body):
    return re.findall(r'<a href="/acme/products/\d+">([^<]+)</a>', body)


def test_filters_by_category_stock_and_status(shop):
    make_product(shop, name="Plenty", slug="plenty", options="")
    make_product(shop, name="Few", slug="few", options="Size: S, M")
    make_product(shop, name="None", slug="none", options="")
    make_product(shop, name="Robot", slug="robot", options="", category=shop["toys"], status="draft")
    ids = {}
    with store_scope(shop["store"].id):
        ids = {p.name: p.id for p in db.session.scalars(select(Product))}
    set_stock(shop, ids["Plenty"], None, 40)
    set_stock(shop, ids["Few"], ["S"], 30)
    set_stock(shop, ids["Few"], ["M"], 2)  # one variant low
    set_stock(shop, ids["Robot"], None, 3)
    console = shop["console"]

    def names(query):
        response = console.get(f"/acme/products?{query}", headers=HX)
        assert response.status_code == 200
        return sorted(_names(response.get_data(as_text=True)))

    assert names("") == ["Few", "None", "Plenty", "Robot"]
    assert names(f"category={shop['toys'].id}") == ["Robot"]
    assert names(f"category={shop['shirts'].id}") == ["Few", "None", "Plenty"]
    assert names("stock=in") == ["Few", "Plenty", "Robot"]
    assert names("stock=low") == ["Few", "Robot"]
    assert names("stock=out") == ["None"]
    assert names("status=draft") == ["Robot"]
    assert names(f"status=active&stock=low&category={shop['shirts'].id}") == ["Few"]
    assert names("q=robot") == ["Robot"]
    assert names("stock=bogus&category=x&status=nope") == ["Few", "None", "Plenty", "Robot"]  # ignored
    assert "No products match." in console.get(f"/acme/products?category={shop['hats'].id}").get_data(as_text=True)


def test_category_filter_lists_approved_categories_and_those_products_are_in(shop):
    make_product(shop, name="Robot", slug="robot", options="", category=shop["toys"])
    with store_scope(shop["store"].id):
        application = db.session.scalar(select(StoreCategory).where(StoreCategory.category_id == shop["toys"].id))
        application.state = ApplicationState.REJECTED
        db.session.commit()
    page = shop["console"].get("/acme/products").get_data(as_text=True)
    select_html = page[page.index('id="product-category"'):]
    select_html = select_html[:select_html.index("</select>")]
    assert f'value="{shop["shirts"].id}">Shirts<' in select_html  # approved
    assert f'value="{shop["toys"].id}">Toys<' in select_html  # no longer approved, but a product is in it
    assert "Hats" not in select_html  # neither


def test_pagination_keeps_the_filters(shop):
    for n in range(53):
        make_product(shop, name=f"Item {n:02d}", slug=f"item-{n:02d}", options="", status="draft" if n < 52 else "active")
    console = shop["console"]
    first = console.get("/acme/products?status=draft").get_data(as_text=True)
    assert len(_names(first)) == 50
    assert "52 products" in first and "Page 1 of 2" in first
    assert 'href="/acme/products?page=2&amp;status=draft"' in first and ">Previous<" not in first
    second = console.get("/acme/products?status=draft&page=2", headers=HX)
    body = second.get_data(as_text=True)
    assert "<html" not in body
    assert len(_names(body)) == 2 and "Page 2 of 2" in body and ">Next<" not in body
    assert set(_names(first)).isdisjoint(_names(body))
    assert "Item 52" not in first + body  # the active one is filtered out
    # Past the end or nonsense: the last or first page, not an error.
    assert len(_names(console.get("/acme/products?status=draft&page=99").get_data(as_text=True))) == 2
    assert len(_names(console.get("/acme/products?page=abc").get_data(as_text=True))) == 50


def test_list_shows_variants_moderation_and_csv_links(shop, app):
    product_id = make_product(shop)
    with store_scope(shop["store"].id):
        product = db.session.scalar(select(Product).where(Product.id == product_id))
        product.moderation = ModerationState.REJECTED
        db.session.commit()
    make_product(shop, name="Pending one", slug="pending-one", options="")
    with store_scope(shop["store"].id):
        db.session.scalar(select(Product).where(Product.slug == "pending-one")).moderation = ModerationState.PENDING
        db.session.commit()
    page = shop["console"].get("/acme/products").get_data(as_text=True)
    assert "4 variants" in page and "Red / S" in page and "Stock: 0" in page
    assert ">Rejected</span>" in page and ">Waiting for review</span>" in page
    vid = variants_of(shop, product_id)[0][0]
    assert f'hx-get="/acme/products/{product_id}/variants/{vid}/inline"' in page
    assert f'href="/acme/products/{product_id}#variant-{vid}"' in page  # without JS: the product page
    assert 'form="products-bulk"' in page
    assert ("Export CSV" in page) == ("console.products_export" in app.view_functions)
    assert ("Import CSV" in page) == ("console.products_import" in app.view_functions)


def test_list_page_queries_do_not_grow_with_products(shop):
    make_product(shop, name="First", slug="first")
    console = shop["console"]
    console.get("/acme/products")
    with count_queries() as few:
        assert console.get("/acme/products").status_code == 200
    for n in range(12):
        make_product(shop, name=f"More {n}", slug=f"more-{n}")
    with count_queries() as many:
        assert console.get("/acme/products").status_code == 200
    assert len(many) == len(few), (few, many)
    assert len(many) <= 8, many  # the QUALITY.md budget
    with count_queries() as partial:
        assert console.get("/acme/products?stock=out", headers=HX).status_code == 200
    assert len(partial) <= 5, partial  # no filter lists in the HTMX partial


def test_product_list_counts_only_this_stores_products(shop, client_for):
    make_product(shop, name="Acme thing", slug="acme-thing", options="")
    other = signed_in(client_for, shop["other"])
    page = other.get("/sakura/products?stock=out").get_data(as_text=True)
    assert "Acme thing" not in page and "No products match." in page
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(Product)) == 1
