"""Console product images: upload several, reorder, choose the main one,
delete, a variant's own image; the product's cover key kept in step; bad
uploads refused with nothing changed; owners and managers only; another
store's ids are 404; the files served at /media/ on every host."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.catalog import images as catalog_images
from app.catalog import products as catalog_products
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, Product, ProductImage, StoreCategory, Variant
from app.extensions import db
from app.media import images as media
from app.tenancy.models import Role
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user

HTMX = {"HX-Request": "true"}


def picture(fmt="PNG", size=(400, 300), colour=(30, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    return out.getvalue()


def files(*items):
    """Multipart file parts: (bytes, file name) pairs."""
    return [(io.BytesIO(data), name) for data, name in items]


def stored_files(app) -> list[str]:
    root = app.config["MEDIA_ROOT"]
    return sorted(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                  for folder, _dirs, names in os.walk(root) for name in names)


@pytest.fixture(autouse=True)
def _clean_media(app):
    yield
    shutil.rmtree(app.config["MEDIA_ROOT"], ignore_errors=True)


def _product(store, category_id, name, options="Colour: Red, Blue") -> int:
    with store_scope(store.id):
        product = catalog_products.save_product(
            None, currency=store.base_currency, name=name, slug=name.lower().replace(" ", "-"),
            category_id=category_id, brand_id=None, description="", status="active", on_shelf=True,
            weight_grams=None, hs_code="", origin_country="", gtin="", options_text=options, price_text="10")
        db.session.commit()
        return product.id


@pytest.fixture
def shop(client_for):
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=None, commission_self=None,
                                   commission_third=None)
    db.session.commit()
    store, other_store = make_store("acme"), make_store("sakura", currency="JPY")
    owner, manager, staff = make_user("owner@example.com"), make_user("manager@example.com"), make_user("staff@example.com")
    other = make_user("other@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, manager, Role.MANAGER)
    add_member(store, staff, Role.STAFF)
    add_member(other_store, other, Role.OWNER)
    for s in (store, other_store):
        with store_scope(s.id):
            db.session.add(StoreCategory(store_id=s.id, category_id=shirts.id, state=ApplicationState.APPROVED))
            db.session.commit()
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    return {"store": store, "other_store": other_store, "console": console, "staff": staff, "manager": manager,
            "other": other, "product_id": _product(store, shirts.id, "Linen Shirt"),
            "second_id": _product(store, shirts.id, "Silk Scarf", options=""),
            "other_product_id": _product(other_store, shirts.id, "Kimono")}


def page_of(shop, product_id=None):
    return f"/acme/products/{product_id or shop['product_id']}"


def upload(shop, items, *, client=None, store="acme", product_id=None, headers=None):
    client = client or shop["console"]
    product_id = product_id or shop["product_id"]
    return client.submit(f"/{store}/products/{product_id}/images", {"images": files(*items)},
                         form_page=f"/{store}/products/{product_id}", headers=headers or {})


def state(shop, product_id=None, store=None):
    """(image keys in order, cover key) of a product."""
    with store_scope((store or shop["store"]).id):
        product = db.session.scalar(select(Product).where(Product.id == (product_id or shop["product_id"])))
        return [i.key for i in product.images], product.cover_key


def image_ids(shop, product_id=None, store=None):
    with store_scope((store or shop["store"]).id):
        return list(db.session.scalars(select(ProductImage.id).where(
            ProductImage.product_id == (product_id or shop["product_id"])).order_by(ProductImage.position)))


def post(shop, path, *, client=None, headers=None, data=None):
    client = client or shop["console"]
    return client.submit(path, data or {}, form_page=page_of(shop), headers=headers or {})


def count_images():
    with all_stores():
        return db.session.scalar(select(func.count()).select_from(ProductImage))


# --- the happy path ------------------------------------------------------------------------------

def test_upload_several_then_reorder_make_main_and_delete(shop, app):
    response = upload(shop, [(picture("PNG"), "front.png"), (picture("JPEG", (800, 600)), "side.jpg"),
                             (picture("WEBP", (120, 90)), "detail.webp")])
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{page_of(shop)}#product-images")
    keys, cover = state(shop)
    assert len(keys) == 3 and cover == keys[0]
    assert all(k.startswith(f"p/{shop['store'].id}/") for k in keys)
    assert stored_files(app) == sorted(n for k in keys for n in media.file_names(k))
    with store_scope(shop["store"].id):
        sizes = [(i.width, i.height, i.position) for i in db.session.scalars(
            select(ProductImage).order_by(ProductImage.position))]
    assert sizes == [(400, 300, 0), (800, 600, 1), (120, 90, 2)]

    page = shop["console"].get(page_of(shop)).get_data(as_text=True)
    assert "3 image(s) added." in page
    for key in keys:
        assert f'srcset="/media/{key}-160.webp 160w, /media/{key}-320.webp 320w' in page
    assert 'enctype="multipart/form-data"' in page and 'accept="image/jpeg,image/png,image/webp"' in page
    assert page.count("Main image") == 1

    a, b, c = image_ids(shop)
    k = dict(zip((a, b, c), keys, strict=True))
    base = f"{page_of(shop)}/images"
    assert post(shop, f"{base}/{c}/move/up").status_code == 303
    assert state(shop) == ([k[a], k[c], k[b]], k[a])
    assert post(shop, f"{base}/{a}/move/down").status_code == 303
    assert state(shop) == ([k[c], k[a], k[b]], k[c])  # the new first image is the cover
    assert post(shop, f"{base}/{c}/move/up").status_code == 303  # already first: nothing moves
    assert state(shop) == ([k[c], k[a], k[b]], k[c])
    assert post(shop, f"{base}/{b}/main").status_code == 303
    assert state(shop) == ([k[b], k[c], k[a]], k[b])
    with store_scope(shop["store"].id):
        positions = list(db.session.scalars(select(ProductImage.position).order_by(ProductImage.position)))
    assert positions == [0, 1, 2]

    assert post(shop, f"{base}/{b}/delete").status_code == 303
    assert state(shop) == ([k[c], k[a]], k[c])
    assert not any(n.startswith(k[b]) for n in stored_files(app))  # the deleted image's files are gone
    assert stored_files(app) == sorted(n for key in (k[a], k[c]) for n in media.file_names(key))
    for image_id in (c, a):
        assert post(shop, f"{base}/{image_id}/delete").status_code == 303
    assert state(shop) == ([], None)
    assert stored_files(app) == []
    assert "No images yet." in shop["console"].get(page_of(shop)).get_data(as_text=True)


def test_htmx_requests_get_the_images_panel(shop):
    response = upload(shop, [(picture(), "one.png")], headers=HTMX)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="product-images"') and "<html" not in body
    assert "1 image(s) added." in body and "Main image" in body
    assert 'hx-post="/acme/products/' in body and 'hx-target="#product-images"' in body
    upload(shop, [(picture(), "two.png")])
    first, second = image_ids(shop)
    response = post(shop, f"{page_of(shop)}/images/{second}/main", headers=HTMX)
    assert response.status_code == 200 and "This is now the main image." in response.get_data(as_text=True)
    assert image_ids(shop) == [second, first]


def test_a_manager_may_edit_images(shop, client_for):
    console = client_for("merchant.localhost")
    sign_in(console, shop["manager"].email)
    assert upload(shop, [(picture(), "m.png")], client=console).status_code == 303
    assert len(state(shop)[0]) == 1


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("items,message", [
    ([(b"just some text", "notes.txt")], "Upload a JPEG, PNG or WebP image."),
    ([(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.png")], "Upload a JPEG, PNG or WebP image."),
    ([(picture("GIF"), "anim.gif")], "Upload a JPEG, PNG or WebP image."),
    ([(picture("JPEG", (600, 400))[:900], "cut.jpg")], "Upload a JPEG, PNG or WebP image."),
    ([(b"\xff\xd8\xff" + b"\0" * (10 * 1024 * 1024), "huge.jpg")], "The file is larger than 10 MB."),
    ([], "Choose one or more images to upload."),
    ([(picture(), "ok.png"), (picture("GIF"), "bad.gif")],
     "bad.gif was not accepted, so no image was added. Upload a JPEG, PNG or WebP image."),
])
@pytest.mark.parametrize("htmx", [False, True])
def test_a_bad_upload_is_refused_and_changes_nothing(shop, app, items, message, htmx):
    response = upload(shop, items, headers=HTMX if htmx else None)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    assert 'id="images-error"' in body and 'aria-invalid="true"' in body  # next to the field
    assert ("<html" in body) is not htmx
    assert count_images() == 0 and state(shop) == ([], None)
    assert stored_files(app) == []


def test_at_most_twelve_images(shop):
    processed = media.process_upload(picture(size=(50, 50)))
    with store_scope(shop["store"].id):
        product = db.session.scalar(select(Product).where(Product.id == shop["product_id"]))
        catalog_images.add_product_images(product, [processed] * 11)
        db.session.commit()
    response = upload(shop, [(picture(), "a.png"), (picture(), "b.png")])
    assert response.status_code == 422
    assert "A product has at most 12 images: you can add 1 more." in response.get_data(as_text=True)
    assert len(state(shop)[0]) == 11
    assert upload(shop, [(picture(), "a.png")]).status_code == 303
    page = shop["console"].get(page_of(shop)).get_data(as_text=True)
    assert "This product has the most images it may have (12)." in page
    response = upload(shop, [(picture(), "c.png")])
    assert response.status_code == 422
    assert "A product has at most 12 images. Delete one to add another." in response.get_data(as_text=True)
    assert len(state(shop)[0]) == 12


def test_a_missing_csrf_token_is_400_and_changes_nothing(shop):
    response = shop["console"].post(f"{page_of(shop)}/images", data={"images": files((picture(), "a.png"))})
    assert response.status_code == 400
    upload(shop, [(picture(), "a.png"), (picture(), "b.png")])
    first, second = image_ids(shop)
    for path in (f"{page_of(shop)}/images/{second}/main", f"{page_of(shop)}/images/{first}/delete",
                 f"{page_of(shop)}/images/{second}/move/up"):
        assert shop["console"].post(path).status_code == 400
    assert image_ids(shop) == [first, second]


# --- variant images -------------------------------------------------------------------------------

def test_a_variant_can_show_its_own_image(shop):
    upload(shop, [(picture(colour=(200, 0, 0)), "red.png"), (picture(colour=(0, 0, 200)), "blue.png")])
    red, blue = image_ids(shop)
    with store_scope(shop["store"].id):
        variant_ids = list(db.session.scalars(select(Variant.id).where(Variant.product_id == shop["product_id"])
                                              .order_by(Variant.position)))
    red_variant, blue_variant = variant_ids
    url = f"{page_of(shop)}/variants/{blue_variant}/image"
    assert post(shop, url, data={f"vi{blue_variant}-image_id": str(blue)}).status_code == 303
    page = shop["console"].get(page_of(shop)).get_data(as_text=True)
    assert f'<option selected value="{blue}">Image 2</option>' in page
    assert "Image of Blue" in page

    # Another product's image, an unknown one, or garbage: refused, nothing changed.
    other_image = media.process_upload(picture())
    with store_scope(shop["store"].id):
        scarf = db.session.scalar(select(Product).where(Product.id == shop["second_id"]))
        scarf_image = catalog_images.add_product_image(scarf, other_image)
        db.session.commit()
        scarf_image_id = scarf_image.id
    for value in (str(scarf_image_id), "99999", "red"):
        response = post(shop, url, data={f"vi{blue_variant}-image_id": value})
        assert response.status_code == 422
        assert "Choose one of the options." in response.get_data(as_text=True)
    with store_scope(shop["store"].id):
        assert db.session.get(Variant, blue_variant).image_id == blue

    # Deleting the image leaves the variant with the product's images.
    assert post(shop, f"{page_of(shop)}/images/{blue}/delete").status_code == 303
    with store_scope(shop["store"].id):
        assert db.session.get(Variant, blue_variant).image_id is None
    assert post(shop, f"{page_of(shop)}/variants/{red_variant}/image",
                data={f"vi{red_variant}-image_id": str(red)}).status_code == 303
    assert post(shop, f"{page_of(shop)}/variants/{red_variant}/image",
                data={f"vi{red_variant}-image_id": ""}).status_code == 303
    with store_scope(shop["store"].id):
        assert db.session.get(Variant, red_variant).image_id is None


# --- who may ----------------------------------------------------------------------------------------

def test_staff_see_the_images_but_cannot_change_them(shop, client_for, app):
    upload(shop, [(picture(), "a.png"), (picture(), "b.png")])
    before, files_before = state(shop), stored_files(app)
    first, second = image_ids(shop)
    console = client_for("merchant.localhost")
    sign_in(console, shop["staff"].email)
    page = console.get(page_of(shop)).get_data(as_text=True)
    assert "Main image" in page and "srcset=" in page
    assert "/images/" not in page.split('id="product-images"')[1].split("</section>")[0]  # no buttons, no upload form
    with store_scope(shop["store"].id):
        variant_id = db.session.scalar(select(Variant.id).where(Variant.product_id == shop["product_id"]))
    for path, data in ((f"{page_of(shop)}/images", {"images": files((picture(), "c.png"))}),
                       (f"{page_of(shop)}/images/{second}/main", {}),
                       (f"{page_of(shop)}/images/{second}/move/up", {}),
                       (f"{page_of(shop)}/images/{first}/delete", {}),
                       (f"{page_of(shop)}/variants/{variant_id}/image", {f"vi{variant_id}-image_id": str(first)})):
        response = console.submit(path, data, form_page=page_of(shop))
        assert response.status_code == 403, path
    assert state(shop) == before and stored_files(app) == files_before


def test_another_stores_owner_gets_404_and_nothing_changes(shop, client_for, app):
    upload(shop, [(picture(), "a.png"), (picture(), "b.png")])
    before, files_before = state(shop), stored_files(app)
    first, second = image_ids(shop)
    with store_scope(shop["store"].id):
        variant_id = db.session.scalar(select(Variant.id).where(Variant.product_id == shop["product_id"]))
    intruder = client_for("merchant.localhost")
    sign_in(intruder, shop["other"].email)
    own = f"/sakura/products/{shop['other_product_id']}"
    # Acme's ids through the intruder's own console, and acme's console itself.
    for store in ("sakura", "acme"):
        base = f"/{store}/products/{shop['product_id']}"
        for path, data in ((f"{base}/images", {"images": files((picture(), "c.png"))}),
                           (f"{base}/images/{second}/main", {}),
                           (f"{base}/images/{second}/move/up", {}),
                           (f"{base}/images/{first}/delete", {}),
                           (f"{base}/variants/{variant_id}/image", {f"vi{variant_id}-image_id": ""})):
            response = intruder.submit(path, data, form_page=own)
            assert response.status_code == 404, path
    # Acme's image ids under the intruder's own product.
    for path in (f"{own}/images/{second}/main", f"{own}/images/{first}/delete", f"{own}/images/{first}/move/down"):
        assert intruder.submit(path, {}, form_page=own).status_code == 404, path
    assert state(shop) == before and stored_files(app) == files_before
    assert state(shop, shop["other_product_id"], shop["other_store"]) == ([], None)


def test_an_image_of_another_product_of_the_same_store_is_404(shop):
    upload(shop, [(picture(), "a.png")], product_id=shop["second_id"])
    (scarf_image,) = image_ids(shop, shop["second_id"])
    upload(shop, [(picture(), "b.png")])
    before = state(shop)
    for action in ("main", "delete", "move/up"):
        assert post(shop, f"{page_of(shop)}/images/{scarf_image}/{action}").status_code == 404
    assert state(shop) == before and len(state(shop, shop["second_id"])[0]) == 1


# --- serving ------------------------------------------------------------------------------------------

def test_images_are_served_at_media_on_every_host(shop, client_for):
    upload(shop, [(picture(size=(900, 600)), "a.png")])
    (key,), _cover = state(shop)
    for host in ("acme.localhost", "merchant.localhost", "localhost", "admin.localhost"):
        client = client_for(host)
        for name, width in ((f"{key}.webp", 900), (f"{key}-320.webp", 320), (f"{key}-1280.webp", 900)):
            response = client.get(f"/media/{name}")
            assert response.status_code == 200, (host, name)
            assert response.headers["Content-Type"] == "image/webp"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "immutable" in response.headers["Cache-Control"] and "max-age=31536000" in response.headers["Cache-Control"]
            assert Image.open(io.BytesIO(response.data)).size[0] == width
    client = client_for("acme.localhost")
    for path in (f"/media/{key}-999.webp", "/media/p/1/missing.webp", "/media/../app/config.py",
                 "/media/%2e%2e/app/config.py", f"/media/{key.rsplit('/', 1)[0]}/.upload-x.tmp", "/media/"):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/media/{key}.webp").status_code == 405
    # An uploaded CSV waiting for its import job is in the same storage, but never served.
    from app.media.storage import get_storage

    get_storage().save("imports/1/" + "a" * 32 + ".csv", b"product_slug,sku\n", "text/csv")
    assert client.get("/media/imports/1/" + "a" * 32 + ".csv").status_code == 404


def test_the_storefront_product_page_would_get_responsive_markup(app):
    with app.test_request_context("/", base_url="http://acme.localhost"):
        template = app.jinja_env.from_string(
            '{% from "components/picture.html" import picture %}'
            '{{ picture(key, alt, width=800, height=600) }}|{{ picture(None, alt, class_="card-img") }}'
            '|{{ picture(None, "") }}')
        key = "p/1/" + "ab" * 16
        html = template.render(key=key, alt='Red "shirt" <b>')
    image, placeholder, decorative = html.split("|")
    assert image.startswith("<img ") and f'src="/media/{key}-640.webp"' in image
    assert f'srcset="/media/{key}-160.webp 160w, /media/{key}-320.webp 320w, /media/{key}-640.webp 640w, ' \
           f'/media/{key}-1280.webp 1280w"' in image
    assert 'sizes="(max-width: 600px) 50vw, 320px"' in image and 'loading="lazy"' in image
    assert 'decoding="async"' in image and 'width="800" height="600"' in image
    assert 'alt="Red &#34;shirt&#34; &lt;b&gt;"' in image
    assert placeholder == '<div class="picture-placeholder card-img" role="img" aria-label="Red &#34;shirt&#34; &lt;b&gt;"></div>'
    assert decorative == '<div class="picture-placeholder" aria-hidden="true"></div>'
