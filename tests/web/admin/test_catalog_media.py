"""Admin: a category's image or icon and a brand's logo (same processing as
product images), shown small in the lists; replaced or removed with the old
files gone; bad files refused with nothing changed."""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.catalog.models import Brand, Category
from app.extensions import db
from app.media import images as media
from tests.conftest import sign_in
from tests.factories import make_user

NOT_AN_IMAGE = "Upload a JPEG, PNG or WebP image."


def picture(fmt="PNG", size=(256, 256), colour=(240, 120, 20)) -> tuple[io.BytesIO, str]:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    out.seek(0)
    return out, f"upload.{fmt.lower()}"


def stored_files(app) -> list[str]:
    root = app.config["MEDIA_ROOT"]
    return sorted(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                  for folder, _dirs, names in os.walk(root) for name in names)


@pytest.fixture(autouse=True)
def _clean_media(app):
    yield
    shutil.rmtree(app.config["MEDIA_ROOT"], ignore_errors=True)


@pytest.fixture
def ops(client_for):
    user = make_user("ops@example.com", platform_role=PlatformRole.OPERATIONS)
    client = client_for("admin.localhost")
    sign_in(client, user.email)
    return client


def category_data(**extra):
    data = {"name": "Shoes", "slug": "shoes", "parent_id": "", "commission_self": "", "commission_third": ""}
    data.update(extra)
    return data


def category(slug="shoes") -> Category:
    db.session.expire_all()
    return db.session.scalar(select(Category).where(Category.slug == slug))


def brand(slug="acme-co") -> Brand:
    db.session.expire_all()
    return db.session.scalar(select(Brand).where(Brand.slug == slug))


def test_category_image_upload_replace_and_remove(ops, app):
    response = ops.submit("/catalog/categories/new", category_data(image=picture("JPEG")))
    assert response.status_code == 303, response.get_data(as_text=True)[-1500:]
    first = category().image_key
    assert re.fullmatch(r"c/[0-9a-f]{32}", first)
    assert stored_files(app) == sorted(media.file_names(first))

    listing = ops.get("/catalog/categories").get_data(as_text=True)
    assert f'srcset="/media/{first}-160.webp 160w' in listing and 'class="media-thumb"' in listing
    edit_url = f"/catalog/categories/{category().id}"
    edit = ops.get(edit_url).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in edit and f"/media/{first}-" in edit and "Remove the image" in edit
    assert ops.get(f"/media/{first}.webp").headers["Content-Type"] == "image/webp"

    # Saving without a file keeps the image.
    assert ops.submit(edit_url, category_data(name="Footwear")).status_code == 303
    assert (category().name, category().image_key) == ("Footwear", first)

    # A new file replaces it; the old files go.
    assert ops.submit(edit_url, category_data(image=picture("WEBP"))).status_code == 303
    second = category().image_key
    assert second != first and stored_files(app) == sorted(media.file_names(second))

    # Remove.
    assert ops.submit(edit_url, category_data(remove_image="y")).status_code == 303
    assert category().image_key is None and stored_files(app) == []
    assert "Remove the image" not in ops.get(edit_url).get_data(as_text=True)


@pytest.mark.parametrize("content,message", [
    (b"GIF89a not really", NOT_AN_IMAGE),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (10 * 1024 * 1024), "The file is larger than 10 MB."),
])
def test_a_bad_category_image_changes_nothing(ops, app, content, message):
    response = ops.submit("/catalog/categories/new", category_data(image=(io.BytesIO(content), "icon.png")))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and 'id="image-error"' in body
    assert db.session.scalar(select(func.count()).select_from(Category)) == 0
    assert stored_files(app) == []

    assert ops.submit("/catalog/categories/new", category_data(image=picture())).status_code == 303
    files_before, key = stored_files(app), category().image_key
    edit_url = f"/catalog/categories/{category().id}"
    response = ops.submit(edit_url, category_data(name="Renamed", image=(io.BytesIO(content), "icon.png")))
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert (category().name, category().image_key) == ("Shoes", key)
    assert stored_files(app) == files_before


def test_a_good_image_with_a_bad_field_stores_nothing(ops, app):
    assert ops.submit("/catalog/categories/new", category_data()).status_code == 303
    response = ops.submit("/catalog/categories/new", category_data(name="Again", image=picture()))  # same slug
    assert response.status_code == 422
    assert "This slug is already used." in response.get_data(as_text=True)
    assert stored_files(app) == [] and category().image_key is None


def test_brand_logo_on_add_edit_and_remove(ops, app):
    response = ops.submit("/catalog/brands", {"name": "Acme Co", "slug": "acme-co", "logo": picture("PNG")})
    assert response.status_code == 303
    first = brand().logo_key
    assert re.fullmatch(r"b/[0-9a-f]{32}", first)
    assert stored_files(app) == sorted(media.file_names(first))
    listing = ops.get("/catalog/brands").get_data(as_text=True)
    assert f'srcset="/media/{first}-160.webp 160w' in listing and 'class="media-thumb"' in listing

    edit_url = f"/catalog/brands/{brand().id}"
    assert "Remove the logo" in ops.get(edit_url).get_data(as_text=True)
    assert ops.submit(edit_url, {"name": "Acme Co", "slug": "acme-co", "logo": picture("JPEG")}).status_code == 303
    second = brand().logo_key
    assert second != first and stored_files(app) == sorted(media.file_names(second))
    assert ops.submit(edit_url, {"name": "Acme Co", "slug": "acme-co", "remove_logo": "y"}).status_code == 303
    assert brand().logo_key is None and stored_files(app) == []


def test_a_bad_brand_logo_changes_nothing(ops, app):
    response = ops.submit("/catalog/brands", {"name": "Acme Co", "slug": "acme-co",
                                              "logo": (io.BytesIO(b"plain text"), "logo.jpg")})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert NOT_AN_IMAGE in body and 'id="logo-error"' in body
    assert db.session.scalar(select(func.count()).select_from(Brand)) == 0 and stored_files(app) == []

    assert ops.submit("/catalog/brands", {"name": "Acme Co", "slug": "acme-co", "logo": picture()}).status_code == 303
    files_before, key = stored_files(app), brand().logo_key
    response = ops.submit(f"/catalog/brands/{brand().id}", {"name": "Changed", "slug": "acme-co",
                                                             "logo": (io.BytesIO(picture("GIF")[0].read()), "x.gif")})
    assert response.status_code == 422 and NOT_AN_IMAGE in response.get_data(as_text=True)
    assert (brand().name, brand().logo_key) == ("Acme Co", key) and stored_files(app) == files_before


def test_readers_cannot_upload(ops, client_for, app):
    assert ops.submit("/catalog/brands", {"name": "Acme Co", "slug": "acme-co"}).status_code == 303
    assert ops.submit("/catalog/categories/new", category_data()).status_code == 303
    finance = client_for("admin.localhost")
    sign_in(finance, make_user("finance@example.com", platform_role=PlatformRole.FINANCE).email)
    token_page = "/catalog/brands"
    assert finance.submit(f"/catalog/brands/{brand().id}", {"name": "Acme Co", "slug": "acme-co", "logo": picture()},
                          form_page=token_page).status_code == 403
    assert finance.submit(f"/catalog/categories/{category().id}", category_data(image=picture()),
                          form_page=token_page).status_code == 403
    assert finance.submit("/catalog/brands", {"name": "B", "slug": "b", "logo": picture()},
                          form_page="/account").status_code == 403
    assert brand().logo_key is None and category().image_key is None and stored_files(app) == []
