"""Console: a product's texts in other languages and its fixed prices in other
currencies, edited from the product page; bad input refused with the message
next to the field; staff may read only; another store sees nothing."""

import pytest
from sqlalchemy import func, select

from app.catalog import services as catalog
from app.catalog.extras import fixed_price, localized
from app.catalog.models import ApplicationState, Product, ProductTranslation, StoreCategory, Variant, VariantPrice
from app.extensions import db
from app.i18n import rates
from app.i18n.models import Currency
from app.tenancy.models import Role
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, enable_currency, make_store, make_user


@pytest.fixture
def shop(client_for):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store = make_store("acme", currency="USD", locale="en")
    other_store = make_store("sakura", currency="JPY", locale="ja")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("o@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, staff, Role.STAFF)
    add_member(other_store, other, Role.OWNER)
    for s in (store, other_store):
        with store_scope(s.id):
            db.session.add(StoreCategory(store_id=s.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
    enable_currency("EUR", "0.9")
    enable_currency("JPY", "150")
    db.session.add(Currency(code="GBP", enabled=False))  # has a rate, but shoppers cannot pick it
    db.session.flush()
    rates.set_rate("GBP", "0.8", actor_id=None)
    db.session.commit()
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    response = console.submit("/acme/products/new", {
        "name": "Linen Shirt", "slug": "linen-shirt", "category_id": str(shirts.id), "brand_id": "",
        "status": "active", "on_shelf": "y", "description": "<p>Soft linen</p>", "weight_grams": "", "hs_code": "",
        "origin_country": "", "gtin": "", "options": "", "price": "20"})
    assert response.status_code == 303
    with store_scope(store.id):
        variant = db.session.scalar(select(Variant))
        ids = {"product_id": variant.product_id, "variant_id": variant.id}
    return {"store": store, "console": console, "staff": staff, "other": other, **ids}


def _page(shop):
    return f"/acme/products/{shop['product_id']}"


def _translation_url(shop, locale):
    return f"/acme/products/{shop['product_id']}/translations/{locale}"


def _price_url(shop, currency, store="acme"):
    return f"/{store}/products/{shop['product_id']}/variants/{shop['variant_id']}/prices/{currency}"


def _texts(locale="fr", **overrides):
    data = {"name": "Chemise en lin", "description": "<p>Lin doux</p>", "seo_title": "Chemise en lin | Acme",
            "seo_description": "Une chemise douce."}
    data.update(overrides)
    return {f"tr-{locale}-{key}": value for key, value in data.items()}


def _price(shop, currency, amount):
    return {f"fp{shop['variant_id']}-{currency}-amount": amount}


def _translations():
    with all_stores():
        return sorted((t.locale, t.name, t.description, t.seo_title, t.seo_description)
                      for t in db.session.scalars(select(ProductTranslation)))


def _prices():
    with all_stores():
        return sorted((p.variant_id, p.currency, p.amount) for p in db.session.scalars(select(VariantPrice)))


def _product(shop):
    with store_scope(shop["store"].id):
        return db.session.scalar(select(Product).where(Product.id == shop["product_id"]))


# --- translations ---------------------------------------------------------------------------

def test_the_page_lists_every_language_and_which_are_translated(shop):
    page = shop["console"].get(_page(shop)).get_data(as_text=True)
    assert page.count('id="translation-') == 17
    assert "Default language" in page and "Not translated" in page and "Translated<" not in page
    assert "0 other languages have their own texts." in page
    assert 'lang="zh-hans">中文' in page


def test_a_translation_is_saved_and_shown(shop):
    response = shop["console"].submit(_translation_url(shop, "fr"), _texts(), form_page=_page(shop))
    assert response.status_code == 303
    assert response.headers["Location"].endswith("#translation-fr")
    assert _translations() == [("fr", "Chemise en lin", "<p>Lin doux</p>", "Chemise en lin | Acme",
                                "Une chemise douce.")]
    page = shop["console"].get(_page(shop)).get_data(as_text=True)
    assert 'value="Chemise en lin"' in page and "1 other language has its own texts." in page
    assert "Translated<" in page
    text = localized(_product(shop), "fr")
    assert (text.name, text.description) == ("Chemise en lin", "<p>Lin doux</p>")


def test_an_empty_translated_field_falls_back_to_the_default(shop):
    shop["console"].submit(_translation_url(shop, "de"), _texts("de", name="Leinenhemd", description="",
                                                                seo_title=""), form_page=_page(shop))
    product = _product(shop)
    text = localized(product, "de")
    assert (text.name, text.description, text.seo_title) == ("Leinenhemd", "<p>Soft linen</p>", "")
    assert localized(product, "ja").name == "Linen Shirt"


def test_script_is_stripped_from_a_translated_description(shop):
    description = '<p onclick="steal()">Doux<script>alert(1)</script></p><img src=x onerror=alert(2)>'
    response = shop["console"].submit(_translation_url(shop, "fr"), _texts(description=description),
                                      form_page=_page(shop))
    assert response.status_code == 303
    stored = _translations()[0][2]
    assert stored == "<p>Doux</p>"


def test_the_default_language_row_edits_the_products_search_texts(shop):
    data = {"tr-en-seo_title": "Best linen shirt", "tr-en-seo_description": "Cool in summer."}
    assert shop["console"].submit(_translation_url(shop, "en"), data, form_page=_page(shop)).status_code == 303
    product = _product(shop)
    assert (product.seo_title, product.seo_description, product.name) == ("Best linen shirt", "Cool in summer.",
                                                                          "Linen Shirt")
    assert _translations() == []
    assert 'value="Best linen shirt"' in shop["console"].get(_page(shop)).get_data(as_text=True)


@pytest.mark.parametrize("locale", ["xx", "EN", "zh", "fr-fr"])
def test_an_unknown_language_is_404(shop, locale):
    response = shop["console"].submit(_translation_url(shop, locale), _texts(locale), form_page=_page(shop))
    assert response.status_code == 404
    response = shop["console"].submit(_translation_url(shop, locale) + "/delete", {}, form_page=_page(shop))
    assert response.status_code == 404
    assert _translations() == []


@pytest.mark.parametrize("overrides,message", [
    ({"name": "N" * 201}, "Use at most 200 characters."),
    ({"name": ""}, "This field is required."),
    ({"seo_title": "T" * 161}, "Use at most 160 characters."),
    ({"seo_description": "D" * 321}, "Use at most 320 characters."),
])
def test_a_bad_translation_is_refused_and_changes_nothing(shop, overrides, message):
    shop["console"].submit(_translation_url(shop, "fr"), _texts(), form_page=_page(shop))
    before = _translations()
    response = shop["console"].submit(_translation_url(shop, "fr"), _texts(**overrides), form_page=_page(shop))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert 'aria-invalid="true"' in page  # next to the field, in the open French section
    assert _translations() == before


def test_a_translation_can_be_removed(shop):
    shop["console"].submit(_translation_url(shop, "fr"), _texts(), form_page=_page(shop))
    response = shop["console"].submit(_translation_url(shop, "fr") + "/delete", {}, form_page=_page(shop))
    assert response.status_code == 303
    assert _translations() == []
    assert localized(_product(shop), "fr").name == "Linen Shirt"


# --- fixed prices ---------------------------------------------------------------------------

def test_the_page_offers_every_enabled_currency_but_the_base(shop):
    page = shop["console"].get(_page(shop)).get_data(as_text=True)
    assert "Price in EUR" in page and "Price in JPY" in page
    assert "Price in USD" not in page and "Price in GBP" not in page
    assert "€18.00, converted at the current rate." in page  # 20 USD at 0.9


def test_a_fixed_price_is_set_in_its_own_currency_and_cleared(shop):
    console = shop["console"]
    response = console.submit(_price_url(shop, "JPY"), _price(shop, "JPY", "3,200"), form_page=_page(shop))
    assert response.status_code == 303
    assert console.submit(_price_url(shop, "eur"), _price(shop, "EUR", "19.5"), form_page=_page(shop)).status_code == 303
    assert _prices() == [(shop["variant_id"], "EUR", 1950), (shop["variant_id"], "JPY", 3200)]
    with store_scope(shop["store"].id):
        variant = db.session.get(Variant, shop["variant_id"])
        assert (fixed_price(variant, "JPY"), fixed_price(variant, "EUR"), fixed_price(variant, "GBP")) == (3200, 1950, None)
    page = console.get(_page(shop)).get_data(as_text=True)
    assert 'value="3200"' in page and 'value="19.50"' in page and "2 fixed prices" in page
    assert console.submit(_price_url(shop, "JPY"), _price(shop, "JPY", ""), form_page=_page(shop)).status_code == 303
    assert _prices() == [(shop["variant_id"], "EUR", 1950)]


@pytest.mark.parametrize("currency,amount,message", [
    ("JPY", "3200.5", "JPY prices have at most 0 decimal places."),
    ("EUR", "-1", "A price cannot be negative."),
    ("EUR", "lots", "Enter a price like 19.99."),
    ("EUR", "1" * 21, "Use at most 20 characters."),
    ("USD", "25", "USD is your store&#39;s own currency: set that price on the variant itself."),
    ("GBP", "15", "Shoppers cannot pay in GBP, so it cannot have a fixed price."),
    ("ZZZ", "15", "Shoppers cannot pay in ZZZ, so it cannot have a fixed price."),
])
def test_a_bad_fixed_price_is_refused_and_changes_nothing(shop, currency, amount, message):
    console = shop["console"]
    console.submit(_price_url(shop, "EUR"), _price(shop, "EUR", "19"), form_page=_page(shop))
    before = _prices()
    response = console.submit(_price_url(shop, currency), _price(shop, currency, amount), form_page=_page(shop))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _prices() == before


def test_the_yen_error_shows_next_to_the_yen_field(shop):
    response = shop["console"].submit(_price_url(shop, "JPY"), _price(shop, "JPY", "10.5"), form_page=_page(shop))
    page = response.get_data(as_text=True)
    field_id = f"fp{shop['variant_id']}-JPY-amount"
    assert f'id="{field_id}-error">JPY prices have at most 0 decimal places.' in page
    assert f'id="prices-{shop["variant_id"]}">\n      <details class="disclosure" open>' in page


def test_a_variant_of_another_product_is_404(shop):
    url = f"/acme/products/{shop['product_id']}/variants/{shop['variant_id'] + 1000}/prices/EUR"
    assert shop["console"].submit(url, {"amount": "1"}, form_page=_page(shop)).status_code == 404


# --- who may do what ------------------------------------------------------------------------

def _edit_posts(shop, store="acme"):
    base = f"/{store}/products/{shop['product_id']}"
    return [(f"{base}/translations/fr", _texts()), (f"{base}/translations/fr/delete", {}),
            (f"{base}/translations/en", {"tr-en-seo_title": "Hacked"}),
            (_price_url(shop, "EUR", store), _price(shop, "EUR", "1"))]


def test_staff_can_read_but_not_edit(shop, client_for):
    shop["console"].submit(_translation_url(shop, "fr"), _texts(), form_page=_page(shop))
    shop["console"].submit(_price_url(shop, "EUR"), _price(shop, "EUR", "19"), form_page=_page(shop))
    before = (_translations(), _prices(), _product(shop).seo_title)
    staff = client_for("merchant.localhost")
    sign_in(staff, shop["staff"].email)
    page = staff.get(_page(shop))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'value="Chemise en lin"' in html and "Save the texts" not in html and "Remove the texts" not in html
    token = staff.csrf(_page(shop))
    for url, data in _edit_posts(shop):
        assert staff.post(url, data={"csrf_token": token, **data}).status_code == 403, url
    assert (_translations(), _prices(), _product(shop).seo_title) == before


def test_another_stores_owner_gets_404_and_changes_nothing(shop, client_for):
    shop["console"].submit(_translation_url(shop, "fr"), _texts(), form_page=_page(shop))
    shop["console"].submit(_price_url(shop, "EUR"), _price(shop, "EUR", "19"), form_page=_page(shop))
    before = (_translations(), _prices(), _product(shop).seo_title)
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    token = other.csrf("/sakura/products")
    for store in ("sakura", "acme"):  # A's ids in their own console, and A's console itself
        for url, data in _edit_posts(shop, store):
            assert other.post(url, data={"csrf_token": token, **data}).status_code == 404, url
    assert (_translations(), _prices(), _product(shop).seo_title) == before
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(ProductTranslation)) == 1
