"""Product moderation services: who waits for review, the allowed decisions,
their reasons and the store's history; and option templates inherited up the
category tree."""

import pytest
from sqlalchemy import func, select

from app.catalog import moderation
from app.catalog import options as catalog_options
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, CategoryOption, ModerationState, Product, StoreCategory
from app.catalog.products import save_product
from app.catalog.services import CatalogError
from app.catalog.settings import get_setting, set_setting
from app.extensions import db
from app.tenancy.models import StoreEvent, StoreType
from app.tenancy.scope import all_stores, store_scope
from tests.factories import make_store, make_user


@pytest.fixture
def shirts():
    category = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                     commission_third=None)
    db.session.commit()
    return category


def _new_product(store, category, slug="linen-shirt", name="Linen Shirt"):
    with store_scope(store.id):
        if db.session.scalar(select(StoreCategory).where(StoreCategory.category_id == category.id)) is None:
            db.session.add(StoreCategory(store_id=store.id, category_id=category.id, state=ApplicationState.APPROVED))
            db.session.flush()
        product = save_product(None, currency=store.base_currency, name=name, slug=slug, category_id=category.id,
                               brand_id=None, description="<p>Soft</p>", status="active", on_shelf=True,
                               weight_grams=None, hs_code="", origin_country="", gtin="", options_text="",
                               price_text="10")
        db.session.commit()
        return product.id


def _product(product_id) -> Product:
    with all_stores():
        db.session.expire_all()
        return db.session.scalar(select(Product).where(Product.id == product_id))


def _events(store):
    with store_scope(store.id):
        return [(e.action, e.reason, e.actor_id) for e in
                db.session.scalars(select(StoreEvent).where(StoreEvent.action.like("product_%")).order_by(StoreEvent.id))]


def test_third_party_products_wait_while_the_setting_is_on(shirts):
    store = make_store("sakura", type=StoreType.THIRD_PARTY)
    assert get_setting("moderate_third_party_products") is True  # the default
    first = _new_product(store, shirts)
    assert _product(first).moderation == ModerationState.PENDING
    set_setting("moderate_third_party_products", False)
    db.session.commit()
    second = _new_product(store, shirts, slug="wool-shirt")
    assert _product(second).moderation == ModerationState.APPROVED
    # Turning the setting off approved nothing that was already waiting.
    assert _product(first).moderation == ModerationState.PENDING


def test_self_operated_products_are_never_held(shirts):
    store = make_store("acme", type=StoreType.SELF_OPERATED)
    assert _product(_new_product(store, shirts)).moderation == ModerationState.APPROVED


def test_approve_reject_take_down_with_reasons_and_history(shirts):
    store = make_store("sakura")
    moderator = make_user("ops@example.com")
    first, second = _new_product(store, shirts), _new_product(store, shirts, slug="silk-shirt", name="Silk Shirt")

    with all_stores():
        product = _product(first)
        moderation.approve(product, moderator)
        db.session.commit()
    product = _product(first)
    assert product.moderation == ModerationState.APPROVED and product.moderated_at is not None
    assert product.moderation_reason is None

    with all_stores():
        moderation.take_down(_product(first), moderator, "  Counterfeit brand  ")
        moderation.reject(_product(second), moderator, "Photos missing")
        db.session.commit()
    assert (_product(first).moderation, _product(first).moderation_reason) == (ModerationState.TAKEN_DOWN, "Counterfeit brand")
    assert (_product(second).moderation, _product(second).moderation_reason) == (ModerationState.REJECTED, "Photos missing")
    assert _events(store) == [
        ("product_approved", f"Linen Shirt (#{first})", moderator.id),
        ("product_taken_down", f"Linen Shirt (#{first}): Counterfeit brand", moderator.id),
        ("product_rejected", f"Silk Shirt (#{second}): Photos missing", moderator.id),
    ]

    # Approving again reverses a rejection.
    with all_stores():
        moderation.approve(_product(second), moderator)
        db.session.commit()
    assert (_product(second).moderation, _product(second).moderation_reason) == (ModerationState.APPROVED, None)


@pytest.mark.parametrize("state,action,message", [
    (ModerationState.PENDING, "take_down", "Only an approved product can be taken down."),
    (ModerationState.REJECTED, "take_down", "Only an approved product can be taken down."),
    (ModerationState.APPROVED, "reject", "Only a product waiting for review can be rejected."),
    (ModerationState.TAKEN_DOWN, "reject", "Only a product waiting for review can be rejected."),
    (ModerationState.APPROVED, "approve", "This product is already approved."),
])
def test_wrong_transitions_are_refused(shirts, state, action, message):
    store = make_store("sakura")
    product_id = _new_product(store, shirts)
    with all_stores():
        product = _product(product_id)
        product.moderation = state
        db.session.commit()
        before = _events(store)
        with pytest.raises(CatalogError) as caught:
            if action == "approve":
                moderation.approve(_product(product_id), None)
            else:
                getattr(moderation, action)(_product(product_id), None, "A reason")
        db.session.rollback()
    assert message in str(caught.value.message)
    assert _product(product_id).moderation == state
    assert _events(store) == before


@pytest.mark.parametrize("reason,message", [
    ("", "Give a reason; the store's staff will see it."),
    ("   ", "Give a reason; the store's staff will see it."),
    (None, "Give a reason; the store's staff will see it."),
    ("x" * 1001, "Use at most 1000 characters."),
])
def test_reject_needs_a_short_reason(shirts, reason, message):
    store = make_store("sakura")
    product_id = _new_product(store, shirts)
    with all_stores():
        with pytest.raises(CatalogError) as caught:
            moderation.reject(_product(product_id), None, reason)
        db.session.rollback()
    assert str(caught.value.message) == message and caught.value.field == "reason"
    assert _product(product_id).moderation == ModerationState.PENDING
    assert _events(store) == []


def test_an_edit_after_rejection_goes_back_to_the_queue(shirts):
    store = make_store("sakura")
    product_id = _new_product(store, shirts)
    with all_stores():
        moderation.reject(_product(product_id), None, "Wrong category")
        db.session.commit()
    with store_scope(store.id):
        product = db.session.scalar(select(Product).where(Product.id == product_id))
        save_product(product, currency="USD", name="Linen Shirt", slug="linen-shirt", category_id=shirts.id,
                     brand_id=None, description="", status="active", on_shelf=True, weight_grams=None, hs_code="",
                     origin_country="", gtin="")
        db.session.commit()
    assert _product(product_id).moderation == ModerationState.PENDING
    with all_stores():
        assert moderation.state_counts()[ModerationState.PENDING] == 1
        assert [p.id for p in moderation.products_in(ModerationState.PENDING)] == [product_id]


# --- option templates ---------------------------------------------------------------------

def _category(name, parent=None):
    category = catalog.save_category(None, name=name, slug=name.lower(), parent_id=parent.id if parent else None,
                                     commission_self=None, commission_third=None)
    db.session.commit()
    return category


def test_option_templates_are_inherited_from_the_nearest_ancestor():
    fashion = _category("Fashion")
    clothing = _category("Clothing", fashion)
    jackets = _category("Jackets", clothing)
    shoes = _category("Shoes", fashion)
    toys = _category("Toys")
    catalog_options.add_option(fashion, name="Colour", values_text="Red, Blue", filterable=True)
    catalog_options.add_option(clothing, name="Size", values_text="S，M、L،XL", filterable=True)
    catalog_options.add_option(clothing, name="Material", values_text="Cotton, Linen", filterable=False)
    db.session.commit()

    assert [o.name for o in catalog_options.options_for_category(jackets.id)] == ["Size", "Material"]  # from Clothing
    assert [o.name for o in catalog_options.options_for_category(clothing.id)] == ["Size", "Material"]  # its own
    assert [o.name for o in catalog_options.options_for_category(shoes.id)] == ["Colour"]  # from Fashion
    assert catalog_options.options_for_category(toys.id) == []
    assert catalog_options.options_for_category(99999) == []
    size = catalog_options.options_for_category(jackets.id)[0]
    assert size.values == ["S", "M", "L", "XL"] and size.filterable is True


@pytest.mark.parametrize("text,message", [
    ("", "List the allowed values, separated by commas (like S, M, L)."),
    (" , ,", "List the allowed values, separated by commas (like S, M, L)."),
    ("Red, blue, RED", "RED is listed twice. List each value once."),
    (", ".join(str(n) for n in range(51)), "An option has at most 50 values."),
    ("x" * 41, "Each value is at most 40 characters."),
])
def test_bad_values_are_refused(text, message):
    with pytest.raises(CatalogError) as caught:
        catalog_options.parse_values(text)
    assert str(caught.value.message) == message and caught.value.field == "values"


def test_option_names_unique_ignoring_case_and_reordering():
    fashion = _category("Fashion")
    colour = catalog_options.add_option(fashion, name="Colour", values_text="Red", filterable=True)
    size = catalog_options.add_option(fashion, name="Size", values_text="S, M", filterable=True)
    db.session.commit()
    for name, message in (("colour", "This category already has an option with this name."),
                          ("", "This field is required."), ("Fit: slim", "An option name cannot contain a colon."),
                          ("N" * 41, "Use at most 40 characters.")):
        with pytest.raises(CatalogError) as caught:
            catalog_options.add_option(fashion, name=name, values_text="A", filterable=True)
        assert str(caught.value.message) == message
    db.session.rollback()
    # Renaming an option to its own name in another case is fine.
    catalog_options.update_option(colour, name="COLOUR", values_text="Red, Green", filterable=False)
    catalog_options.move_option(size, "up")
    catalog_options.move_option(size, "up")  # already first: nothing changes
    db.session.commit()
    assert [(o.name, o.values, o.filterable) for o in catalog_options.category_options(fashion.id)] == [
        ("Size", ["S", "M"], True), ("COLOUR", ["Red", "Green"], False)]
    catalog_options.delete_option(size)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(CategoryOption)) == 1
