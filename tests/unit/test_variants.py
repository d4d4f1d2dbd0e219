"""Changing a product's options after creation (variants kept, added, removed),
a variant's weight, and the list's quick price/stock edit."""

import pytest
from sqlalchemy import func, select

from app.catalog import services as catalog
from app.catalog import variants
from app.catalog.models import ApplicationState, ModerationState, Product, ProductFacet, StockMovement, StoreCategory, Variant
from app.catalog.products import adjust_stock, save_product
from app.catalog.services import CatalogError
from app.extensions import db
from app.tenancy.scope import store_scope
from tests.factories import make_store


@pytest.fixture
def store():
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD")
    with store_scope(store.id):
        db.session.add(StoreCategory(store_id=store.id, category_id=shirts.id, state=ApplicationState.APPROVED))
        db.session.commit()
    store.shirts_id = shirts.id
    return store


@pytest.fixture
def scoped(store):
    with store_scope(store.id):
        yield store


def _product(store, options="Colour: Red, Blue\nSize: S, M", slug="linen-shirt") -> Product:
    product = save_product(None, currency="USD", name="Linen Shirt", slug=slug, category_id=store.shirts_id,
                           brand_id=None, description="", status="active", on_shelf=True, weight_grams=None,
                           hs_code="", origin_country="", gtin="", options_text=options, price_text="20")
    db.session.commit()
    return product


def _state(product_id):
    db.session.expire_all()
    product = db.session.scalar(select(Product).where(Product.id == product_id))
    return [(v.id, v.code, v.option_values, v.price, v.stock) for v in product.variants]


def _facets(product_id):
    return sorted((f.name, f.value) for f in db.session.scalars(select(ProductFacet)
                                                                  .where(ProductFacet.product_id == product_id)))


def test_adding_a_value_adds_variants_and_keeps_the_others(scoped):
    product = _product(scoped)
    before = {tuple(v.option_values): (v.id, v.code) for v in product.variants}
    red_s = next(v for v in product.variants if v.option_values == ["Red", "S"])
    red_s.price = 2500
    adjust_stock(red_s, delta=4, reason="Counted", actor_id=None)
    db.session.commit()

    change = variants.change_options(product, "Colour: Red, Blue, Green\nSize: S, M", "USD", "30")
    db.session.commit()
    assert change.kept == 4 and change.removed == [] and len(change.added) == 2
    rows = _state(product.id)
    assert [r[2] for r in rows] == [["Red", "S"], ["Red", "M"], ["Blue", "S"], ["Blue", "M"], ["Green", "S"],
                                    ["Green", "M"]]
    for vid, code, values, _price, _stock in rows[:4]:
        assert (vid, code) == before[tuple(values)]  # same ids and codes
    assert (rows[0][3], rows[0][4]) == (2500, 4)  # Red/S kept its price and stock
    assert [(r[3], r[4]) for r in rows[4:]] == [(3000, 0), (3000, 0)]
    assert len({r[1] for r in rows}) == 6  # codes stay unique
    assert ("colour", "Green") in _facets(product.id)
    product = db.session.scalar(select(Product).where(Product.id == product.id))
    assert product.options == [{"name": "Colour", "values": ["Red", "Blue", "Green"]},
                               {"name": "Size", "values": ["S", "M"]}]
    assert (product.price_min, product.price_max, product.in_stock) == (2000, 3000, True)


def test_removing_a_value_with_zero_stock_deletes_its_variants(scoped):
    product = _product(scoped)
    blue = {v.id: v.code for v in product.variants if v.option_values[0] == "Blue"}
    blue_ids = set(blue)
    change = variants.change_options(product, "Colour: Red\nSize: S, M", "USD", "")
    db.session.commit()
    assert sorted(change.removed) == sorted(blue.values())
    rows = _state(product.id)
    assert [r[2] for r in rows] == [["Red", "S"], ["Red", "M"]]
    assert not blue_ids & {r[0] for r in rows}
    assert db.session.scalar(select(func.count()).select_from(Variant).where(Variant.id.in_(blue_ids))) == 0
    assert ("colour", "Blue") not in _facets(product.id)


def test_removing_a_value_with_stock_is_refused_and_changes_nothing(scoped):
    product = _product(scoped)
    blue_m = next(v for v in product.variants if v.option_values == ["Blue", "M"])
    adjust_stock(blue_m, delta=3, reason="Received", actor_id=None)
    db.session.commit()
    before, options = _state(product.id), list(product.options)
    with pytest.raises(CatalogError) as exc:
        variants.change_options(product, "Colour: Red\nSize: S, M", "USD", "10")
    db.session.rollback()
    assert str(exc.value) == f"Set the stock of {blue_m.code} to zero before removing their option values."
    assert exc.value.field == "options"
    assert _state(product.id) == before
    assert db.session.scalar(select(Product.options).where(Product.id == product.id)) == options


def test_a_new_option_gives_existing_variants_its_first_value(scoped):
    product = _product(scoped, options="Colour: Red, Blue")
    before = {v.option_values[0]: v.id for v in product.variants}
    change = variants.change_options(product, "Colour: Red, Blue\nSize: M, L", "USD", "25")
    db.session.commit()
    rows = _state(product.id)
    assert [r[2] for r in rows] == [["Red", "M"], ["Red", "L"], ["Blue", "M"], ["Blue", "L"]]
    assert rows[0][0] == before["Red"] and rows[2][0] == before["Blue"]  # kept as the first value, M
    assert change.kept == 2 and len(change.added) == 2
    assert [(r[3]) for r in rows] == [2000, 2500, 2000, 2500]


def test_a_product_without_options_keeps_its_variant(scoped):
    product = _product(scoped, options="")
    (only,) = product.variants
    variants.change_options(product, "Size: S, M", "USD", "20")
    db.session.commit()
    rows = _state(product.id)
    assert rows[0][0] == only.id and rows[0][2] == ["S"] and rows[1][2] == ["M"]


def test_removing_an_option_collapses_into_the_first_variant(scoped):
    product = _product(scoped, options="Colour: Red\nSize: S, M")
    first = product.variants[0]
    variants.change_options(product, "Colour: Red", "USD", "")
    db.session.commit()
    assert [(r[0], r[2]) for r in _state(product.id)] == [(first.id, ["Red"])]


def test_case_and_order_changes_keep_every_variant(scoped):
    product = _product(scoped)
    ids = {tuple(v.option_values): v.id for v in product.variants}
    change = variants.change_options(product, "size: M, S\ncolour: blue, red", "USD", "")
    db.session.commit()
    assert change.added == [] and change.removed == []
    rows = _state(product.id)
    assert [r[2] for r in rows] == [["M", "blue"], ["M", "red"], ["S", "blue"], ["S", "red"]]
    assert rows[0][0] == ids[("Blue", "M")] and rows[3][0] == ids[("Red", "S")]


def test_a_renamed_value_is_a_removal_and_an_addition(scoped):
    product = _product(scoped, options="Colour: Red, Blue")
    red = product.variants[0]
    change = variants.change_options(product, "Colour: Crimson, Blue", "USD", "20")
    db.session.commit()
    assert change.removed == [red.code] and len(change.added) == 1
    assert red.id not in [r[0] for r in _state(product.id)]


@pytest.mark.parametrize("text,price,message", [
    ("Colour: Red, Blue, Green\nSize: S, M", "", "This field is required."),
    ("Colour: Red, Blue, Green\nSize: S, M", "abc", "Enter a price like 19.99."),
    ("Colour Red", "10", "Write each option on its own line"),
    ("A: 1\nB: 2\nC: 3\nD: 4", "10", "A product has at most 3 options."),
])
def test_bad_options_or_price_change_nothing(scoped, text, price, message):
    product = _product(scoped)
    before = _state(product.id)
    with pytest.raises(CatalogError) as exc:
        variants.change_options(product, text, "USD", price)
    db.session.rollback()
    assert message in str(exc.value)
    assert _state(product.id) == before


def test_new_codes_never_reuse_a_code_in_use(scoped):
    product = _product(scoped, options="Size: S")
    other = _product(scoped, options="", slug="linen-shirt-2")  # its code LINEN-SHIRT-2-1 must not matter
    product.variants[0].code = "LINEN-SHIRT-2"
    db.session.commit()
    change = variants.change_options(product, "Size: S, M, L", "USD", "5")
    db.session.commit()
    assert change.added == ["LINEN-SHIRT-1", "LINEN-SHIRT-3"]
    assert other.variants[0].code == "LINEN-SHIRT-2-1"


def test_options_change_sends_a_rejected_product_back_to_review(scoped):
    product = _product(scoped)
    product.moderation = ModerationState.REJECTED
    db.session.commit()
    variants.change_options(product, "Colour: Red, Blue\nSize: S, M, L", "USD", "20")
    db.session.commit()
    assert db.session.scalar(select(Product.moderation).where(Product.id == product.id)) == ModerationState.PENDING


@pytest.mark.parametrize("text,expected", [("250", 250), ("0", 0), ("1000000", 1_000_000), ("", None), (" 12 ", 12)])
def test_variant_weight(scoped, text, expected):
    product = _product(scoped, options="")
    variants.set_variant_weight(product.variants[0], text)
    db.session.commit()
    assert db.session.scalar(select(Variant.weight_grams)) == expected


@pytest.mark.parametrize("text", ["-1", "abc", "1000001", "1.5"])
def test_bad_variant_weight(scoped, text):
    product = _product(scoped, options="")
    with pytest.raises(CatalogError) as exc:
        variants.set_variant_weight(product.variants[0], text)
    assert str(exc.value) == "Enter the weight in grams, up to 1,000,000." and exc.value.field == "weight_grams"


def test_quick_edit_sets_price_and_records_the_stock_difference(scoped):
    product = _product(scoped, options="")
    variant = product.variants[0]
    assert variants.quick_edit(variant, currency="USD", price_text="12.50", stock_text="7", seen_stock_text="0",
                               reason="Quick edit from the product list", actor_id=None)
    assert variants.quick_edit(variant, currency="USD", price_text=None, stock_text="5", seen_stock_text="7",
                               reason="Quick edit from the product list", actor_id=None)
    db.session.commit()
    assert (variant.price, variant.stock) == (1250, 5)
    ledger = db.session.scalars(select(StockMovement).order_by(StockMovement.id)).all()
    assert [(m.delta, m.balance, m.kind, m.reason) for m in ledger] == [
        (7, 7, "adjustment", "Quick edit from the product list"), (-2, 5, "adjustment", "Quick edit from the product list")]
    product = db.session.scalar(select(Product))
    assert (product.price_min, product.in_stock) == (1250, True)
    # Nothing to change: no ledger row.
    assert not variants.quick_edit(variant, currency="USD", price_text="12.5", stock_text="5", seen_stock_text="5",
                                   reason="x", actor_id=None)
    assert db.session.scalar(select(func.count()).select_from(StockMovement)) == 2


@pytest.mark.parametrize("price,stock,seen,message", [
    ("-1", "3", "0", "A price cannot be negative."),
    ("abc", "3", "0", "Enter a price like 19.99."),
    ("5", "-1", "0", "Enter the stock as a whole number from 0 to 10,000,000."),
    ("5", "many", "0", "Enter the stock as a whole number from 0 to 10,000,000."),
    ("5", "10000001", "0", "Enter the stock as a whole number from 0 to 10,000,000."),
    ("5", "3", "2", "The stock changed to 0 while you were editing."),
])
def test_quick_edit_refuses_bad_input(scoped, price, stock, seen, message):
    product = _product(scoped, options="")
    variant = product.variants[0]
    with pytest.raises(CatalogError) as exc:
        variants.quick_edit(variant, currency="USD", price_text=price, stock_text=stock, seen_stock_text=seen,
                            reason="x", actor_id=None)
    db.session.rollback()
    assert message in str(exc.value)
    assert db.session.scalar(select(func.count()).select_from(StockMovement)) == 0
    assert (db.session.scalar(select(Variant.price)), db.session.scalar(select(Variant.stock))) == (2000, 0)


def test_quick_edit_keeps_the_compare_at_price_above_the_price(scoped):
    product = _product(scoped, options="")
    product.variants[0].compare_at_price = 3000
    db.session.commit()
    with pytest.raises(CatalogError, match="compare-at price must be higher"):
        variants.quick_edit(product.variants[0], currency="USD", price_text="30", stock_text=None,
                            seen_stock_text=None, reason="x", actor_id=None)


def test_options_text_round_trips():
    options = [{"name": "Colour", "values": ["Red", "Blue"]}, {"name": "Size", "values": ["S"]}]
    assert variants.options_text(options) == "Colour: Red, Blue\nSize: S"
    from app.catalog.products import parse_options

    assert parse_options(variants.options_text(options)) == options
