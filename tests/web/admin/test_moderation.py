"""Admin: the product moderation queue (approve, reject with a reason, take a
live product down) and the platform setting that decides who waits; the
merchant's console shows the outcome."""

import pytest
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, ModerationState, PlatformSetting, Product, ProductImage, StoreCategory
from app.catalog.settings import get_setting
from app.extensions import db
from app.media.images import image_url, new_key
from app.tenancy.models import Role, StoreEvent, StoreType
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user


@pytest.fixture
def world(client_for):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    sakura = make_store("sakura", name="Sakura Goods", currency="JPY", type=StoreType.THIRD_PARTY)
    acme = make_store("acme", name="Acme", currency="USD", type=StoreType.SELF_OPERATED)
    merchants = {}
    for store in (sakura, acme):
        owner = make_user(f"owner.{store.slug}@example.com")
        add_member(store, owner, Role.OWNER)
        with store_scope(store.id):
            db.session.add(StoreCategory(store_id=store.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
        console = client_for("merchant.localhost")
        sign_in(console, owner.email)
        merchants[store.slug] = console
    staff = {}
    for role in PlatformRole:
        user = make_user(f"{role.value}@platform.example.com", platform_role=role)
        client = client_for("admin.localhost")
        sign_in(client, user.email)
        staff[role] = client
    return {"shirts": shirts, "sakura": sakura, "acme": acme, "merchants": merchants, "staff": staff,
            "ops": staff[PlatformRole.OPERATIONS], "admin": staff[PlatformRole.ADMIN]}


def _create(world, store="sakura", name="Linen Shirt", slug="linen-shirt", price="1500", options="Size: S, M"):
    data = {"name": name, "slug": slug, "category_id": str(world["shirts"].id), "brand_id": "", "status": "active",
            "on_shelf": "y", "description": "<p>Soft <strong>linen</strong></p>", "weight_grams": "", "hs_code": "",
            "origin_country": "", "gtin": "", "options": options, "price": price}
    response = world["merchants"][store].submit(f"/{store}/products/new", data)
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    return _by_slug(world[store], slug).id


def _by_slug(store, slug) -> Product:
    with store_scope(store.id):
        db.session.expire_all()
        return db.session.scalar(select(Product).where(Product.slug == slug))


def _get(product_id) -> Product:
    with all_stores():
        db.session.expire_all()
        return db.session.scalar(select(Product).where(Product.id == product_id))


def _state(product_id):
    product = _get(product_id)
    return product.moderation, product.moderation_reason


def _queue_names(client, state=None):
    page = client.get("/catalog/moderation" + (f"?state={state}" if state else "")).get_data(as_text=True)
    page = page[page.index('<nav class="tabs"'):]
    return page


def test_queue_shows_only_waiting_products_with_store_category_and_price(world):
    waiting = _create(world, name="Linen Shirt", slug="linen-shirt", price="1500")
    _create(world, store="acme", name="Acme Tee", slug="acme-tee", price="19.90")  # self-operated: approved at once
    assert _state(waiting) == (ModerationState.PENDING, None)
    assert _by_slug(world["acme"], "acme-tee").moderation == ModerationState.APPROVED

    response = world["ops"].get("/catalog/moderation")
    assert response.status_code == 200
    page = _queue_names(world["ops"])
    assert "Linen Shirt" in page and "Sakura Goods" in page and "Shirts" in page and "¥1,500" in page
    assert f'href="/catalog/moderation/{waiting}"' in page
    assert "Acme Tee" not in page
    assert "Waiting for review <span class=\"badge\">1</span>" in page
    assert "Approved <span class=\"badge\">1</span>" in page
    live = _queue_names(world["ops"], "approved")
    assert "Acme Tee" in live and "Linen Shirt" not in live and "$19.90" in live


def test_product_page_shows_what_shoppers_would_see(world):
    product_id = _create(world, options="Size: S, M")
    page = world["ops"].get(f"/catalog/moderation/{product_id}").get_data(as_text=True)
    assert "<p>Soft <strong>linen</strong></p>" in page  # the sanitised description, as HTML
    assert "S" in page and "LINEN-SHIRT-1" in page and "¥1,500" in page
    assert "No images." in page
    for action in ("approve", "reject"):
        assert f'action="/catalog/moderation/{product_id}/{action}"' in page
    assert "/take-down" not in page  # not live yet
    assert world["ops"].get("/catalog/moderation/999999").status_code == 404

    key = new_key("p", world["sakura"].id)
    with store_scope(world["sakura"].id):
        db.session.add(ProductImage(product_id=product_id, key=key, position=0, width=800, height=600))
        db.session.commit()
    page = world["ops"].get(f"/catalog/moderation/{product_id}").get_data(as_text=True)
    assert f'src="{image_url(key, 640)}"' in page and 'alt="Linen Shirt, image 1 of 1"' in page


def test_approve_then_take_down_with_a_reason(world):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    response = world["ops"].submit(f"{page}/approve", {}, form_page=page)
    assert response.status_code == 303
    assert _state(product_id) == (ModerationState.APPROVED, None)
    assert _get(product_id).moderated_at is not None

    response = world["ops"].submit(f"{page}/take-down", {"take_down-reason": "Counterfeit brand"}, form_page=page)
    assert response.status_code == 303
    assert _state(product_id) == (ModerationState.TAKEN_DOWN, "Counterfeit brand")
    with store_scope(world["sakura"].id):
        actions = db.session.scalars(select(StoreEvent.action).where(StoreEvent.action.like("product_%"))
                                     .order_by(StoreEvent.id)).all()
    assert actions == ["product_approved", "product_taken_down"]
    # The store's history in the admin shows the decision with the product's name.
    detail = world["ops"].get(f"/stores/{world['sakura'].id}").get_data(as_text=True)
    assert f"Linen Shirt (#{product_id}): Counterfeit brand" in detail

    console = world["merchants"]["sakura"].get(f"/sakura/products/{product_id}").get_data(as_text=True)
    assert "The platform took this product down" in console and "Counterfeit brand" in console


def test_reject_with_a_reason_and_the_merchant_resubmits(world):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    response = world["ops"].submit(f"{page}/reject", {"reject-reason": "The photos show another product."},
                                   form_page=page)
    assert response.status_code == 303
    assert _state(product_id) == (ModerationState.REJECTED, "The photos show another product.")
    assert "Linen Shirt" in _queue_names(world["ops"], "rejected")
    assert "Linen Shirt" not in _queue_names(world["ops"])

    merchant = world["merchants"]["sakura"]
    console = merchant.get(f"/sakura/products/{product_id}").get_data(as_text=True)
    assert "The platform rejected this product." in console
    assert "The photos show another product." in console
    assert "Edit and save the product to send it for review again." in console

    data = {"name": "Linen Shirt", "slug": "linen-shirt", "category_id": str(world["shirts"].id), "brand_id": "",
            "status": "active", "on_shelf": "y", "description": "<p>New photos</p>", "weight_grams": "", "hs_code": "",
            "origin_country": "", "gtin": ""}
    assert merchant.submit(f"/sakura/products/{product_id}", data).status_code == 303
    assert _get(product_id).moderation == ModerationState.PENDING
    console = merchant.get(f"/sakura/products/{product_id}").get_data(as_text=True)
    assert "Waiting for the platform's review: shoppers cannot see it yet." in console
    assert "Linen Shirt" in _queue_names(world["ops"])


def test_console_shows_nothing_once_approved(world):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    world["ops"].submit(f"{page}/approve", {}, form_page=page)
    console = world["merchants"]["sakura"].get(f"/sakura/products/{product_id}").get_data(as_text=True)
    assert "Waiting for the platform" not in console and "The platform rejected" not in console


@pytest.mark.parametrize("data,message", [
    ({}, "Give a reason; the store&#39;s staff will see it."),
    ({"reject-reason": "   "}, "Give a reason; the store&#39;s staff will see it."),
    ({"reject-reason": "x" * 1001}, "Use at most 1000 characters."),
])
def test_reject_without_a_usable_reason_changes_nothing(world, data, message):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    response = world["ops"].submit(f"{page}/reject", data, form_page=page)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    assert 'aria-invalid="true"' in body  # next to the reason field
    assert _state(product_id) == (ModerationState.PENDING, None)
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(StoreEvent).where(StoreEvent.action.like("product_%"))) == 0


def test_taking_down_a_waiting_product_is_refused(world):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    response = world["ops"].submit(f"{page}/take-down", {"take_down-reason": "Bad"}, form_page=page)
    assert response.status_code == 422
    assert "Only an approved product can be taken down." in response.get_data(as_text=True)
    assert _state(product_id) == (ModerationState.PENDING, None)


def test_take_down_needs_a_reason(world):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    world["ops"].submit(f"{page}/approve", {}, form_page=page)
    response = world["ops"].submit(f"{page}/take-down", {"take_down-reason": ""}, form_page=page)
    assert response.status_code == 422
    assert "Give a reason; the store&#39;s staff will see it." in response.get_data(as_text=True)
    assert _state(product_id) == (ModerationState.APPROVED, None)


def test_unknown_action_and_missing_csrf(world):
    product_id = _create(world)
    assert world["ops"].submit(f"/catalog/moderation/{product_id}/delete", {},
                               form_page=f"/catalog/moderation/{product_id}").status_code == 404
    assert world["ops"].post(f"/catalog/moderation/{product_id}/approve", data={}).status_code == 400
    assert _state(product_id) == (ModerationState.PENDING, None)


def test_finance_and_support_may_read_but_not_decide(world):
    product_id = _create(world)
    page = f"/catalog/moderation/{product_id}"
    for role in (PlatformRole.FINANCE, PlatformRole.SUPPORT):
        client = world["staff"][role]
        body = client.get(page).get_data(as_text=True)
        assert "Linen Shirt" in body and "/approve" not in body
        assert client.submit(f"{page}/approve", {}, form_page=page).status_code == 403
    assert _state(product_id) == (ModerationState.PENDING, None)


def test_the_setting_decides_whether_new_products_wait(world):
    admin = world["admin"]
    page = admin.get("/settings").get_data(as_text=True)
    assert "New products of third-party stores need approval" in page and "checked" in page
    assert admin.submit("/settings", {}).status_code == 303  # unticked
    assert get_setting("moderate_third_party_products") is False
    assert "approves nothing by itself" in admin.get("/settings").get_data(as_text=True)
    assert "Approval of new products is off" in admin.get("/catalog/moderation").get_data(as_text=True)
    assert _get(_create(world)).moderation == ModerationState.APPROVED

    assert admin.submit("/settings", {"moderate_third_party_products": "y"}).status_code == 303
    assert get_setting("moderate_third_party_products") is True
    assert _get(_create(world, slug="wool-shirt")).moderation == ModerationState.PENDING


def test_turning_moderation_off_leaves_waiting_products_in_the_queue(world):
    product_id = _create(world)
    assert world["admin"].submit("/settings", {}).status_code == 303
    assert _get(product_id).moderation == ModerationState.PENDING
    assert "Linen Shirt" in _queue_names(world["ops"])


def test_bad_settings_input_changes_nothing(world):
    response = world["admin"].submit("/settings", {"moderate_third_party_products": "maybe"})
    assert response.status_code == 422
    assert "Choose one of the options." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(PlatformSetting)) == 0
    assert get_setting("moderate_third_party_products") is True


@pytest.mark.parametrize("role", [PlatformRole.OPERATIONS, PlatformRole.FINANCE, PlatformRole.SUPPORT])
def test_only_administrators_change_settings(world, role):
    client = world["staff"][role]
    page = client.get("/settings")
    assert page.status_code == 200
    assert "Only administrators can change these settings." in page.get_data(as_text=True)
    assert client.submit("/settings", {}).status_code == 403
    assert get_setting("moderate_third_party_products") is True
    assert db.session.scalar(select(func.count()).select_from(PlatformSetting)) == 0


def test_merchants_and_signed_out_visitors_cannot_reach_moderation(world, client_for):
    product_id = _create(world)
    anonymous = client_for("admin.localhost")
    assert anonymous.get("/catalog/moderation").status_code == 302
    assert anonymous.get("/settings").status_code == 302
    # The merchant's console session does not exist on the admin host.
    merchant = world["merchants"]["sakura"]
    assert merchant.get(f"/catalog/moderation/{product_id}").status_code == 404
    assert _state(product_id) == (ModerationState.PENDING, None)


def test_admin_navigation_links(world):
    page = world["ops"].get("/").get_data(as_text=True)
    assert 'href="/catalog/moderation"' in page and 'href="/settings"' in page
