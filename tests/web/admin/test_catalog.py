"""Admin: the category tree (any depth, ordering, names per language,
commission rates inherited up the tree) and brands."""

import pytest
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.catalog import services as catalog
from app.catalog.models import Brand, Category, CategoryTranslation
from app.extensions import db
from tests.conftest import sign_in
from tests.factories import make_user


@pytest.fixture
def ops(client_for):
    user = make_user("ops@example.com", platform_role=PlatformRole.OPERATIONS)
    client = client_for("admin.localhost")
    sign_in(client, user.email)
    return client


def _create(client, name, slug, parent=None, self_rate="", third_rate=""):
    data = {"name": name, "slug": slug, "parent_id": str(parent or ""), "commission_self": self_rate,
            "commission_third": third_rate}
    response = client.submit("/catalog/categories/new", data)
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    return db.session.scalar(select(Category).where(Category.slug == slug))


def _counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Category, CategoryTranslation, Brand))


def test_tree_any_depth_with_inherited_commission(ops, app):
    fashion = _create(ops, "Fashion", "fashion", self_rate="3", third_rate="8")
    clothing = _create(ops, "Clothing", "clothing", parent=fashion.id)
    jackets = _create(ops, "Jackets", "jackets", parent=clothing.id, third_rate="12.5")
    beauty = _create(ops, "Beauty", "beauty")

    assert catalog.effective_commission(jackets, self_operated=False) == 1250  # its own
    assert catalog.effective_commission(jackets, self_operated=True) == 300  # from Fashion, two levels up
    assert catalog.effective_commission(clothing, self_operated=False) == 800
    app.config["PLATFORM_COMMISSION_BP"] = 450
    try:
        assert catalog.effective_commission(beauty, self_operated=True) == 450  # platform default
    finally:
        del app.config["PLATFORM_COMMISSION_BP"]

    page = ops.get("/catalog/categories").get_data(as_text=True)
    page = page[page.index('<ul class="tree">'):]  # past any flash message
    assert page.index("Fashion") < page.index("Clothing") < page.index("Jackets") < page.index("Beauty")
    assert 'class="tree-row depth-2"' in page
    edit = ops.get(f"/catalog/categories/{jackets.id}").get_data(as_text=True)
    assert "Now: 3 %" in edit and "Now: 12.5 %" in edit
    assert "Fashion</a> › " in edit  # breadcrumbs


def test_reorder_siblings(ops):
    a = _create(ops, "Alpha", "alpha")
    b = _create(ops, "Bravo", "bravo")
    assert ops.submit(f"/catalog/categories/{b.id}/move/up", {}, form_page="/catalog/categories").status_code == 303
    page = ops.get("/catalog/categories").get_data(as_text=True)
    page = page[page.index('<ul class="tree">'):]
    assert page.index("Bravo") < page.index("Alpha")
    db.session.expire_all()
    assert (db.session.get(Category, b.id).position, db.session.get(Category, a.id).position) == (0, 1)


def test_translations_with_fallback(ops):
    shoes = _create(ops, "Shoes", "shoes")
    response = ops.submit(f"/catalog/categories/{shoes.id}/translations/zh-hans",
                          {"name": "鞋靴", "seo_title": "鞋靴 - 全球好店", "seo_description": ""})
    assert response.status_code == 303
    db.session.expire_all()
    shoes = db.session.get(Category, shoes.id)
    assert catalog.localized_name(shoes, "zh-hans") == "鞋靴"
    assert catalog.localized_name(shoes, "ar") == "Shoes"  # falls back to the default name
    edit = ops.get(f"/catalog/categories/{shoes.id}").get_data(as_text=True)
    assert "鞋靴" in edit and "not translated" in edit
    # An empty name removes the translation again.
    ops.submit(f"/catalog/categories/{shoes.id}/translations/zh-hans", {"name": "", "seo_title": "", "seo_description": ""})
    db.session.expire_all()
    assert catalog.localized_name(db.session.get(Category, shoes.id), "zh-hans") == "Shoes"


def test_unknown_locale_is_404(ops):
    shoes = _create(ops, "Shoes", "shoes")
    assert ops.get(f"/catalog/categories/{shoes.id}/translations/xx").status_code == 404


@pytest.mark.parametrize("data,field_message", [
    ({"slug": "Bad Slug"}, "Use lower-case ASCII letters, digits and hyphens (up to 80), like phone-cases."),
    ({"slug": "taken"}, "This slug is already used. Choose another."),
    ({"name": ""}, "This field is required."),
    ({"name": "N" * 121}, "Use at most 120 characters."),
    ({"commission_self": "abc"}, "Enter a percentage like 5 or 12.5, or leave it empty to inherit."),
    ({"commission_third": "101"}, "A commission rate is between 0 and 100 %."),
    ({"commission_third": "-1"}, "A commission rate is between 0 and 100 %."),
    ({"commission_self": "1.234"}, "Use at most two decimal places."),
    ({"parent_id": "99999"}, "Choose one of the options."),
])
def test_bad_category_input_changes_nothing(ops, data, field_message):
    _create(ops, "Taken", "taken")
    before = _counts()
    payload = {"name": "Gadgets", "slug": "gadgets", "parent_id": "", "commission_self": "", "commission_third": ""}
    payload.update(data)
    response = ops.submit("/catalog/categories/new", payload)
    assert response.status_code == 422
    assert field_message in response.get_data(as_text=True)
    assert _counts() == before


def test_a_category_cannot_move_under_its_own_subtree(ops):
    top = _create(ops, "Top", "top")
    child = _create(ops, "Child", "child", parent=top.id)
    grandchild = _create(ops, "Grandchild", "grandchild", parent=child.id)
    # The edit form does not even offer itself; a crafted post of a descendant is refused.
    page = ops.get(f"/catalog/categories/{top.id}").get_data(as_text=True)
    assert f'<option value="{top.id}"' not in page
    response = ops.submit(f"/catalog/categories/{top.id}", {"name": "Top", "slug": "top", "parent_id": str(grandchild.id),
                                                             "commission_self": "", "commission_third": ""})
    assert response.status_code == 422
    assert "cannot be placed under itself or one of its subcategories" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Category, top.id).parent_id is None


def test_only_leaves_can_be_deleted(ops):
    top = _create(ops, "Top", "top")
    leaf = _create(ops, "Leaf", "leaf", parent=top.id)
    top_id, leaf_id = top.id, leaf.id
    response = ops.submit(f"/catalog/categories/{top.id}/delete", {}, form_page=f"/catalog/categories/{top.id}")
    assert response.status_code == 422
    assert "Move or delete its subcategories first." in response.get_data(as_text=True)
    assert ops.submit(f"/catalog/categories/{leaf_id}/delete", {}, form_page=f"/catalog/categories/{leaf_id}").status_code == 303
    assert db.session.get(Category, leaf_id) is None
    assert db.session.get(Category, top_id) is not None


def test_brands_create_edit_and_bad_input(ops):
    assert ops.submit("/catalog/brands", {"name": "Northwind", "slug": "northwind"}).status_code == 303
    brand = db.session.scalar(select(Brand))
    before = _counts()
    for data, message in (({"name": "Other", "slug": "northwind"}, "This slug is already used. Choose another."),
                          ({"name": "", "slug": "x1"}, "This field is required."),
                          ({"name": "Other", "slug": "no spaces!"}, "Use lower-case ASCII letters")):
        response = ops.submit("/catalog/brands", data)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    assert _counts() == before
    assert ops.submit(f"/catalog/brands/{brand.id}", {"name": "Northwind Co", "slug": "northwind"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Brand, brand.id).name == "Northwind Co"


def test_finance_reads_but_cannot_change_the_catalog(client_for):
    fin = make_user("fin@example.com", platform_role=PlatformRole.FINANCE)
    category = catalog.save_category(None, name="Audio", slug="audio", parent_id=None, commission_self=None,
                                     commission_third=None)
    db.session.commit()
    client = client_for("admin.localhost")
    sign_in(client, fin.email)
    page = client.get(f"/catalog/categories/{category.id}")
    assert page.status_code == 200
    token = client.csrf("/account")
    response = client.post(f"/catalog/categories/{category.id}", data={"csrf_token": token, "name": "Hacked",
                                                                         "slug": "audio", "parent_id": ""})
    assert response.status_code == 403
    assert client.post("/catalog/categories/new", data={"csrf_token": token}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Category, category.id).name == "Audio"


def test_bad_translation_input_changes_nothing(ops):
    shoes = _create(ops, "Shoes", "shoes")
    before = _counts()
    response = ops.submit(f"/catalog/categories/{shoes.id}/translations/ar",
                          {"name": "ن" * 121, "seo_title": "", "seo_description": ""})
    assert response.status_code == 422
    assert "Use at most 120 characters." in response.get_data(as_text=True)
    assert _counts() == before
