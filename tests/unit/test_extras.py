"""Catalog extras: product texts per locale with field-by-field fallback, fixed
prices per currency in that currency's minor units, and store collections."""

import pytest
from sqlalchemy import event, func, select

from app.catalog import extras
from app.catalog import services as catalog
from app.catalog.models import Collection, Product, ProductCollection, ProductTranslation, Variant, VariantPrice
from app.catalog.services import CatalogError
from app.extensions import db
from app.tenancy.scope import store_scope
from tests.factories import enable_currency, make_store


@pytest.fixture
def world():
    category = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                     commission_third=None)
    db.session.commit()
    acme, other = make_store("acme", currency="USD", locale="en"), make_store("sakura", currency="JPY", locale="ja")
    enable_currency("EUR", "0.92")
    enable_currency("JPY", "151.5")
    with store_scope(acme.id):
        product = Product(store_id=acme.id, slug="linen-shirt", name="Linen Shirt", description="<p>Soft linen</p>",
                          category_id=category.id, seo_title="Linen shirt | Acme", seo_description="A soft shirt.")
        product.variants.append(Variant(store_id=acme.id, code="LS-1", price=2990, stock=3))
        db.session.add(product)
        db.session.commit()
        ids = {"product": product.id, "variant": product.variants[0].id}
    return {"acme": acme, "other": other, "category": category, **ids}


def _product(world):
    return db.session.scalar(select(Product).where(Product.id == world["product"]))


def _variant(world):
    return db.session.scalar(select(Variant).where(Variant.id == world["variant"]))


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


# --- texts per locale ------------------------------------------------------------------

def test_localized_without_a_translation_is_the_products_own_text(world):
    with store_scope(world["acme"].id):
        text = extras.localized(_product(world), "fr")
    assert text == extras.LocalizedText("Linen Shirt", "<p>Soft linen</p>", "Linen shirt | Acme", "A soft shirt.")


def test_localized_falls_back_field_by_field(world):
    with store_scope(world["acme"].id):
        product = _product(world)
        extras.save_translation(product, "fr", name="Chemise en lin", description="", seo_title="",
                                seo_description="Une chemise douce.", default_locale="en")
        db.session.commit()
        db.session.expire_all()
        product = _product(world)
        french = extras.localized(product, "fr")
        german = extras.localized(product, "de")
    assert french.name == "Chemise en lin"
    assert french.description == "<p>Soft linen</p>"  # empty: the default description
    assert french.seo_title == "Linen shirt | Acme"
    assert french.seo_description == "Une chemise douce."
    assert german.name == "Linen Shirt"


def test_localized_runs_no_query(world):
    with store_scope(world["acme"].id):
        extras.save_translation(_product(world), "ja", name="リネンシャツ", default_locale="en")
        db.session.commit()
        db.session.expire_all()
        product = _product(world)  # loads its translations with it
        statements = []

        def count(*args):
            statements.append(args)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert extras.localized(product, "ja").name == "リネンシャツ"
            assert extras.localized(product, "ko").name == "Linen Shirt"
            assert extras.fixed_price(product.variants[0], "EUR") is None
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert statements == []


def test_translation_descriptions_are_sanitised(world):
    with store_scope(world["acme"].id):
        translation = extras.save_translation(
            _product(world), "de", name="Leinenhemd", default_locale="en",
            description='<p onclick="x()">Weich<script>alert(1)</script></p><a href="javascript:x()">x</a>')
        assert "script" not in translation.description and "onclick" not in translation.description
        assert "javascript:" not in translation.description
        assert "<p>Weich</p>" in translation.description


def test_the_default_locale_sets_the_products_own_search_texts(world):
    with store_scope(world["acme"].id):
        product = _product(world)
        assert extras.save_translation(product, "en", name="ignored", seo_title="Best linen", seo_description="",
                                       default_locale="en") is None
        db.session.commit()
        product = _product(world)
        assert (product.name, product.seo_title, product.seo_description) == ("Linen Shirt", "Best linen", None)
        assert _count(ProductTranslation) == 0


@pytest.mark.parametrize("kwargs,field", [
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": "N" * 201}, "name"),
    ({"name": "ok", "seo_title": "T" * 161}, "seo_title"),
    ({"name": "ok", "seo_description": "D" * 321}, "seo_description"),
])
def test_bad_translations_are_refused(world, kwargs, field):
    with store_scope(world["acme"].id):
        with pytest.raises(CatalogError) as caught:
            extras.save_translation(_product(world), "fr", default_locale="en", **kwargs)
        db.session.rollback()
        assert caught.value.field == field
        assert _count(ProductTranslation) == 0


def test_unknown_locale_is_refused(world):
    with store_scope(world["acme"].id):
        with pytest.raises(CatalogError):
            extras.save_translation(_product(world), "xx", name="x", default_locale="en")
        with pytest.raises(CatalogError):
            extras.delete_translation(_product(world), "zh", default_locale="en")


def test_delete_translation(world):
    with store_scope(world["acme"].id):
        extras.save_translation(_product(world), "fr", name="Chemise", default_locale="en")
        db.session.commit()
        assert extras.delete_translation(_product(world), "fr", default_locale="en") is True
        assert extras.delete_translation(_product(world), "fr", default_locale="en") is False
        db.session.commit()
        assert _count(ProductTranslation) == 0


# --- fixed prices ---------------------------------------------------------------------------

def test_fixed_prices_are_minor_units_of_their_currency(world):
    with store_scope(world["acme"].id):
        variant = _variant(world)
        extras.set_fixed_price(variant, "jpy", "4500", base_currency="USD")
        extras.set_fixed_price(variant, "EUR", "27.5", base_currency="USD")
        db.session.commit()
        db.session.expire_all()
        variant = _variant(world)
        assert extras.fixed_price(variant, "JPY") == 4500
        assert extras.fixed_price(variant, "EUR") == 2750
        extras.set_fixed_price(variant, "EUR", "26", base_currency="USD")  # replaces, no second row
        db.session.commit()
        assert _count(VariantPrice) == 2
        assert extras.fixed_price(_variant(world), "EUR") == 2600


@pytest.mark.parametrize("currency,text,message", [
    ("JPY", "4500.5", "JPY prices have at most 0 decimal places."),
    ("EUR", "-1", "A price cannot be negative."),
    ("EUR", "abc", "Enter a price like 19.99."),
    ("USD", "10", "USD is your store's own currency"),
    ("GBP", "10", "Shoppers cannot pay in GBP"),
    ("XXX", "10", "Shoppers cannot pay in XXX"),
])
def test_bad_fixed_prices_are_refused(world, currency, text, message):
    with store_scope(world["acme"].id):
        with pytest.raises(CatalogError) as caught:
            extras.set_fixed_price(_variant(world), currency, text, base_currency="USD")
        db.session.rollback()
        assert message in str(caught.value.message)
        assert caught.value.field == "amount"
        assert _count(VariantPrice) == 0


def test_the_base_currency_is_looked_up_when_not_given(world):
    with store_scope(world["acme"].id):
        with pytest.raises(CatalogError):
            extras.set_fixed_price(_variant(world), "USD", "10")


def test_empty_amount_clears_the_fixed_price(world):
    with store_scope(world["acme"].id):
        extras.set_fixed_price(_variant(world), "EUR", "27", base_currency="USD")
        db.session.commit()
        assert extras.set_fixed_price(_variant(world), "EUR", "  ", base_currency="USD") is None
        db.session.commit()
        assert _count(VariantPrice) == 0
        assert extras.clear_fixed_price(_variant(world), "EUR") is False


# --- collections -----------------------------------------------------------------------------

def _names():
    return [c.name for c in extras.ordered_collections()]


def test_collections_are_created_last_and_moved(world):
    with store_scope(world["acme"].id):
        for name in ("New in", "Summer", "Sale"):
            extras.save_collection(None, name=name, slug=name.lower().replace(" ", "-"))
        db.session.commit()
        assert _names() == ["New in", "Summer", "Sale"]
        sale = db.session.scalar(select(Collection).where(Collection.slug == "sale"))
        assert extras.move_collection(sale, "up") is True
        assert _names() == ["New in", "Sale", "Summer"]
        first = extras.ordered_collections()[0]
        assert extras.move_collection(first, "up") is False  # already first
        assert extras.move_collection(first, "sideways") is False
        assert _names() == ["New in", "Sale", "Summer"]


@pytest.mark.parametrize("name,slug,message", [
    ("", "ok", "This field is required."),
    ("N" * 121, "ok", "Use at most 120 characters."),
    ("Sale", "Not OK", "Use lower-case ASCII letters, digits and hyphens"),
    ("Sale", "-sale", "Use lower-case ASCII letters, digits and hyphens"),
    ("Sale", "summer", "This slug is already used. Choose another."),
])
def test_bad_collections_are_refused(world, name, slug, message):
    with store_scope(world["acme"].id):
        extras.save_collection(None, name="Summer", slug="summer")
        db.session.commit()
        with pytest.raises(CatalogError) as caught:
            extras.save_collection(None, name=name, slug=slug)
        db.session.rollback()
        assert message in str(caught.value.message)
        assert _names() == ["Summer"]


def test_the_same_slug_in_another_store_is_fine(world):
    with store_scope(world["acme"].id):
        extras.save_collection(None, name="Sale", slug="sale")
        db.session.commit()
    with store_scope(world["other"].id):
        extras.save_collection(None, name="セール", slug="sale")
        db.session.commit()
        assert _names() == ["セール"]


def test_product_collections_and_their_order(world):
    with store_scope(world["acme"].id):
        summer = extras.save_collection(None, name="Summer", slug="summer")
        sale = extras.save_collection(None, name="Sale", slug="sale", description="<p>Cheap<script>x</script></p>")
        assert sale.description == "<p>Cheap</p>"
        product = _product(world)
        second = Product(store_id=world["acme"].id, slug="second", name="Second", category_id=world["category"].id)
        db.session.add(second)
        db.session.flush()
        extras.set_product_collections(product, [str(summer.id), sale.id])
        extras.set_product_collections(second, [summer.id])
        db.session.commit()
        assert extras.product_collection_ids(product) == {summer.id, sale.id}
        assert [p.name for p in extras.collection_products(summer)] == ["Linen Shirt", "Second"]
        assert extras.move_collection_product(summer, second.id, "up") is True
        assert [p.name for p in extras.collection_products(summer)] == ["Second", "Linen Shirt"]
        extras.set_product_collections(product, [])
        db.session.commit()
        assert extras.product_collection_ids(product) == set()
        extras.delete_collection(summer)
        db.session.commit()
        assert _count(ProductCollection) == 0 and _names() == ["Sale"]


def test_another_stores_collection_cannot_be_assigned(world):
    with store_scope(world["other"].id):
        theirs = extras.save_collection(None, name="Theirs", slug="theirs")
        db.session.commit()
        theirs_id = theirs.id
    with store_scope(world["acme"].id):
        ours = extras.save_collection(None, name="Ours", slug="ours")
        db.session.commit()
        for ids in ([theirs_id], [ours.id, theirs_id], ["nope"], [999999]):
            with pytest.raises(CatalogError) as caught:
                extras.set_product_collections(_product(world), ids)
            db.session.rollback()
            assert caught.value.field == "collection_ids"
        assert _count(ProductCollection) == 0
