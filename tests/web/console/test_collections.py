"""Console: the store's own collections (create, edit, order, delete) and the
collections a product is in; bad input refused; staff read only; another
store's staff get 404 and change nothing."""

import pytest
from sqlalchemy import select

from app.catalog import services as catalog
from app.catalog.models import ApplicationState, Collection, Product, ProductCollection, StoreCategory
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
    store, other_store = make_store("acme"), make_store("sakura", currency="JPY", locale="ja")
    owner, staff, other = make_user("owner@example.com"), make_user("staff@example.com"), make_user("o@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, staff, Role.STAFF)
    add_member(other_store, other, Role.OWNER)
    with store_scope(store.id):
        db.session.add(StoreCategory(store_id=store.id, category_id=shirts.id, state=ApplicationState.APPROVED))
        products = [Product(store_id=store.id, slug=slug, name=name, category_id=shirts.id)
                    for slug, name in (("linen-shirt", "Linen Shirt"), ("silk-scarf", "Silk Scarf"))]
        db.session.add_all(products)
        db.session.commit()
        product_ids = [p.id for p in products]
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    return {"store": store, "other_store": other_store, "console": console, "staff": staff, "other": other,
            "product_ids": product_ids}


def _create(shop, name, slug, description=""):
    return shop["console"].submit("/acme/collections", {"name": name, "slug": slug, "description": description},
                                  form_page="/acme/collections")


def _collections():
    with all_stores():
        stmt = select(Collection).order_by(Collection.store_id, Collection.position, Collection.id)
        return [(c.name, c.slug, c.description) for c in db.session.scalars(stmt)]


def _ids():
    with all_stores():
        return {c.slug: c.id for c in db.session.scalars(select(Collection))}


def _memberships():
    with all_stores():
        return sorted((m.collection_id, m.product_id, m.position) for m in db.session.scalars(select(ProductCollection)))


def test_create_and_list(shop):
    response = _create(shop, "Summer", "summer", "<p>Light <script>x()</script>clothes</p>")
    assert response.status_code == 303
    assert _collections() == [("Summer", "summer", "<p>Light clothes</p>")]
    page = shop["console"].get("/acme/collections").get_data(as_text=True)
    assert "Summer" in page and "0 products" in page and "New collection" in page


def test_the_console_navigation_links_to_collections(shop):
    page = shop["console"].get("/acme/").get_data(as_text=True)
    assert 'href="/acme/collections">Collections</a>' in page


@pytest.mark.parametrize("name,slug,message", [
    ("Sale", "Not OK", "Use lower-case ASCII letters, digits and hyphens (up to 80), like phone-cases."),
    ("Sale", "sale-", "Use lower-case ASCII letters, digits and hyphens"),
    ("Sale", "s" * 81, "Use at most 80 characters."),
    ("Sale", "summer", "This slug is already used. Choose another."),
    ("Sale", "SUMMER", "This slug is already used. Choose another."),
    ("", "sale", "This field is required."),
    ("N" * 121, "sale", "Use at most 120 characters."),
])
def test_bad_collections_are_refused(shop, name, slug, message):
    _create(shop, "Summer", "summer")
    before = _collections()
    response = _create(shop, name, slug)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert _collections() == before


def test_the_same_slug_in_another_store_is_allowed(shop, client_for):
    _create(shop, "Summer", "summer")
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    response = other.submit("/sakura/collections", {"name": "夏", "slug": "summer", "description": ""})
    assert response.status_code == 303
    assert len(_collections()) == 2


def test_edit_a_collection(shop):
    _create(shop, "Summer", "summer")
    url = f"/acme/collections/{_ids()['summer']}"
    response = shop["console"].submit(url, {"name": "Summer 2026", "slug": "summer-2026", "description": "Hot"})
    assert response.status_code == 303
    assert _collections() == [("Summer 2026", "summer-2026", "Hot")]
    _create(shop, "Sale", "sale")
    response = shop["console"].submit(url, {"name": "Summer", "slug": "sale", "description": ""})
    assert response.status_code == 422
    assert "This slug is already used. Choose another." in response.get_data(as_text=True)
    response = shop["console"].submit(url, {"name": "", "slug": "summer", "description": ""})
    assert response.status_code == 422
    assert _collections() == [("Summer 2026", "summer-2026", "Hot"), ("Sale", "sale", "")]


def test_move_collections_up_and_down(shop):
    for name in ("New in", "Summer", "Sale"):
        _create(shop, name, name.lower().replace(" ", "-"))
    ids = _ids()
    console = shop["console"]
    assert console.submit(f"/acme/collections/{ids['sale']}/move/up", {}, form_page="/acme/collections").status_code == 303
    assert [c[0] for c in _collections()] == ["New in", "Sale", "Summer"]
    console.submit(f"/acme/collections/{ids['new-in']}/move/down", {}, form_page="/acme/collections")
    assert [c[0] for c in _collections()] == ["Sale", "New in", "Summer"]
    console.submit(f"/acme/collections/{ids['summer']}/move/down", {}, form_page="/acme/collections")  # already last
    assert [c[0] for c in _collections()] == ["Sale", "New in", "Summer"]
    page = console.get("/acme/collections").get_data(as_text=True)
    assert page.index(f'id="collection-{ids["sale"]}"') < page.index(f'id="collection-{ids["new-in"]}"') \
        < page.index(f'id="collection-{ids["summer"]}"')
    assert console.submit(f"/acme/collections/{ids['sale']}/move/left", {},
                          form_page="/acme/collections").status_code == 404


def test_put_a_product_in_collections(shop):
    _create(shop, "Summer", "summer")
    _create(shop, "Sale", "sale")
    ids, (shirt, scarf) = _ids(), shop["product_ids"]
    console = shop["console"]
    page = console.get(f"/acme/products/{shirt}").get_data(as_text=True)
    assert 'name="pc-collection_ids"' in page and "Summer" in page
    url = f"/acme/products/{shirt}/collections"
    data = {"pc-collection_ids": [str(ids["summer"]), str(ids["sale"])]}
    assert console.submit(url, data, form_page=f"/acme/products/{shirt}").status_code == 303
    assert console.submit(f"/acme/products/{scarf}/collections", {"pc-collection_ids": [str(ids["summer"])]},
                          form_page=f"/acme/products/{scarf}").status_code == 303
    assert _memberships() == sorted([(ids["summer"], shirt, 0), (ids["sale"], shirt, 0), (ids["summer"], scarf, 1)])
    page = console.get(f"/acme/products/{shirt}").get_data(as_text=True)
    assert page.count("checked") == 2
    collection_page = console.get(f"/acme/collections/{ids['summer']}").get_data(as_text=True)
    assert collection_page.index("Linen Shirt") < collection_page.index("Silk Scarf")
    assert "1 product" in console.get("/acme/collections").get_data(as_text=True)
    # the scarf first within Summer
    move = f"/acme/collections/{ids['summer']}/products/{scarf}/move/up"
    assert console.submit(move, {}, form_page="/acme/collections").status_code == 303
    collection_page = console.get(f"/acme/collections/{ids['summer']}").get_data(as_text=True)
    assert collection_page.index("Silk Scarf") < collection_page.index("Linen Shirt")
    # none checked: out of every collection
    assert console.submit(url, {}, form_page=f"/acme/products/{shirt}").status_code == 303
    assert [m[1] for m in _memberships()] == [scarf]


def test_another_stores_collection_cannot_be_assigned(shop, client_for):
    _create(shop, "Summer", "summer")
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    other.submit("/sakura/collections", {"name": "Theirs", "slug": "theirs", "description": ""})
    ids, shirt = _ids(), shop["product_ids"][0]
    for values in ([str(ids["theirs"])], [str(ids["summer"]), str(ids["theirs"])], ["abc"], ["99999"]):
        response = shop["console"].submit(f"/acme/products/{shirt}/collections", {"pc-collection_ids": values},
                                          form_page=f"/acme/products/{shirt}")
        assert response.status_code == 422
        assert "Choose one of the options." in response.get_data(as_text=True)
    assert _memberships() == []


def test_delete_a_collection_keeps_its_products(shop):
    _create(shop, "Summer", "summer")
    _create(shop, "Sale", "sale")
    ids, shirt = _ids(), shop["product_ids"][0]
    shop["console"].submit(f"/acme/products/{shirt}/collections",
                           {"pc-collection_ids": [str(ids["summer"]), str(ids["sale"])]},
                           form_page=f"/acme/products/{shirt}")
    response = shop["console"].submit(f"/acme/collections/{ids['summer']}/delete", {}, form_page="/acme/collections")
    assert response.status_code == 303
    assert [c[0] for c in _collections()] == ["Sale"]
    assert _memberships() == [(ids["sale"], shirt, 0)]
    with store_scope(shop["store"].id):
        assert db.session.scalar(select(Product).where(Product.id == shirt)) is not None
    assert shop["console"].get(f"/acme/collections/{ids['summer']}").status_code == 404


def _edit_requests(ids, shirt, store="acme"):
    cid = ids["summer"]
    return [(f"/{store}/collections", {"name": "X", "slug": "x", "description": ""}),
            (f"/{store}/collections/{cid}", {"name": "Hacked", "slug": "hacked", "description": ""}),
            (f"/{store}/collections/{cid}/move/down", {}),
            (f"/{store}/collections/{cid}/products/{shirt}/move/down", {}),
            (f"/{store}/products/{shirt}/collections", {"pc-collection_ids": []}),
            (f"/{store}/collections/{cid}/delete", {})]


def _state():
    return _collections(), _memberships()


def test_staff_can_read_but_not_edit(shop, client_for):
    _create(shop, "Summer", "summer")
    _create(shop, "Sale", "sale")
    ids, shirt = _ids(), shop["product_ids"][0]
    shop["console"].submit(f"/acme/products/{shirt}/collections", {"pc-collection_ids": [str(ids["summer"])]},
                           form_page=f"/acme/products/{shirt}")
    before = _state()
    staff = client_for("merchant.localhost")
    sign_in(staff, shop["staff"].email)
    listing = staff.get("/acme/collections")
    assert listing.status_code == 200 and "Summer" in listing.get_data(as_text=True)
    assert "New collection" not in listing.get_data(as_text=True)
    assert staff.get(f"/acme/collections/{ids['summer']}").status_code == 200
    token = staff.csrf("/acme/collections")
    for url, data in _edit_requests(ids, shirt):
        assert staff.post(url, data={"csrf_token": token, **data}).status_code == 403, url
    assert _state() == before


def test_another_stores_owner_gets_404_and_changes_nothing(shop, client_for):
    _create(shop, "Summer", "summer")
    _create(shop, "Sale", "sale")
    ids, shirt = _ids(), shop["product_ids"][0]
    shop["console"].submit(f"/acme/products/{shirt}/collections", {"pc-collection_ids": [str(ids["summer"])]},
                           form_page=f"/acme/products/{shirt}")
    before = _state()
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    token = other.csrf("/sakura/collections")
    assert other.get(f"/sakura/collections/{ids['summer']}").status_code == 404
    assert other.get(f"/acme/collections/{ids['summer']}").status_code == 404
    assert other.get("/acme/collections").status_code == 404
    assert "Summer" not in other.get("/sakura/collections").get_data(as_text=True)
    for store in ("sakura", "acme"):
        for url, data in _edit_requests(ids, shirt, store):
            if url == f"/{store}/collections":
                continue  # creating in one's own store is allowed; in A's store it is 404 below
            assert other.post(url, data={"csrf_token": token, **data}).status_code == 404, url
    assert other.post("/acme/collections", data={"csrf_token": token, "name": "X", "slug": "x",
                                                 "description": ""}).status_code == 404
    assert _state() == before
