"""Admin: the mall's home-page banners (create, list, edit, replace the image,
order, delete); bad input refused with the message and nothing changed (no
row, no file); readers see them but cannot change them."""

from __future__ import annotations

import io
import os
import re
import shutil
from datetime import UTC, datetime

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.catalog import banners as service
from app.catalog.banners import MallBanner, StoreBanner
from app.catalog.services import CatalogError
from app.extensions import db
from app.media import images as media
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import make_store, make_user

NOT_AN_IMAGE = "Upload a JPEG, PNG or WebP image."
BAD_LINK = "Enter a path on this site that starts with / (like /en/c/shoes), or a web address that starts with https://."


def picture(fmt="PNG", size=(300, 100), colour=(20, 120, 240)) -> tuple[io.BytesIO, str]:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    out.seek(0)
    return out, f"banner.{fmt.lower()}"


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


def data(**extra):
    values = {"title": "Winter sale", "subtitle": "Up to 50% off", "link": "/en/c/coats", "locale": "",
              "active": "y", "starts_at": "", "ends_at": "", "image": picture()}
    values.update(extra)
    # (bytes, name): a fresh file each time (a parametrized case is used by several tests).
    return {k: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) and isinstance(v[0], bytes) else v
            for k, v in values.items() if v is not None}


def banners() -> list[MallBanner]:
    db.session.expire_all()
    return list(db.session.scalars(select(MallBanner).order_by(MallBanner.position, MallBanner.id)))


def snapshot() -> list[tuple]:
    return [(b.id, b.title, b.subtitle, b.link, b.locale, b.active, b.starts_at, b.ends_at, b.image_key, b.position)
            for b in banners()]


def test_create_list_edit_replace_move_and_delete(ops, app):
    response = ops.submit("/banners", data())
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    assert ops.submit("/banners", data(title="New arrivals", subtitle="", link="https://example.com/new",
                                       locale="fr", active=None, starts_at="2030-01-01T09:00",
                                       ends_at="2030-02-01T09:00", image=picture("JPEG"))).status_code == 303
    first, second = banners()
    assert (first.title, first.subtitle, first.link, first.locale, first.active, first.position) == (
        "Winter sale", "Up to 50% off", "/en/c/coats", None, True, 0)
    assert (second.title, second.subtitle, second.link, second.locale, second.active, second.position) == (
        "New arrivals", None, "https://example.com/new", "fr", False, 1)
    assert second.starts_at == datetime(2030, 1, 1, 9, 0, tzinfo=UTC)  # PLATFORM_TIMEZONE is UTC
    assert second.ends_at == datetime(2030, 2, 1, 9, 0, tzinfo=UTC)
    assert re.fullmatch(r"c/[0-9a-f]{32}", first.image_key) and (first.width, first.height) == (300, 100)
    assert stored_files(app) == sorted(media.file_names(first.image_key) + media.file_names(second.image_key))

    listing = ops.get("/banners").get_data(as_text=True)
    assert listing.index(">Winter sale</a>") < listing.index(">New arrivals</a>")
    assert "Live" in listing and "Off" in listing and "Every language" in listing and "Français" in listing
    assert f'/media/{first.image_key}-160.webp 160w' in listing and "New banner" in listing

    # Saving without a file keeps the image.
    edit_url = f"/banners/{first.id}"
    page = ops.get(edit_url).get_data(as_text=True)
    assert 'value="Winter sale"' in page and 'enctype="multipart/form-data"' in page
    assert ops.submit(edit_url, data(title="Big winter sale", image=None)).status_code == 303
    assert (banners()[0].title, banners()[0].image_key) == ("Big winter sale", first.image_key)

    # A new file replaces it; the old files go after commit.
    old_key = first.image_key
    assert ops.submit(edit_url, data(title="Big winter sale", image=picture("WEBP", size=(1500, 500)))).status_code == 303
    new_key = banners()[0].image_key
    assert new_key != old_key and (banners()[0].width, banners()[0].height) == (1500, 500)
    assert stored_files(app) == sorted(media.file_names(new_key) + media.file_names(second.image_key))

    # Order.
    assert ops.submit(f"/banners/{first.id}/move/down", {}, form_page="/banners").status_code == 303
    assert [b.title for b in banners()] == ["New arrivals", "Big winter sale"]
    assert ops.submit(f"/banners/{first.id}/move/up", {}, form_page="/banners").status_code == 303
    assert [b.title for b in banners()] == ["Big winter sale", "New arrivals"]

    # Delete: the row and its files.
    second_id = second.id
    assert ops.submit(f"/banners/{second_id}/delete", {}, form_page="/banners").status_code == 303
    assert [b.title for b in banners()] == ["Big winter sale"]
    assert stored_files(app) == sorted(media.file_names(new_key))
    assert ops.get(f"/banners/{second_id}").status_code == 404


def test_the_admin_navigation_links_to_banners(ops):
    assert 'href="/banners">Banners</a>' in ops.get("/").get_data(as_text=True)


BAD_INPUT = [
    ({"title": ""}, "This field is required.", "title"),
    ({"title": "   "}, "This field is required.", "title"),
    ({"title": "x" * 121}, "Use at most 120 characters.", "title"),
    ({"subtitle": "x" * 201}, "Use at most 200 characters.", "subtitle"),
    ({"image": None}, "Choose an image for the banner.", "image"),
    ({"image": (b"GIF89a not an image", "banner.png")}, NOT_AN_IMAGE, "image"),
    ({"image": (b"just text", "banner.jpg")}, NOT_AN_IMAGE, "image"),
    ({"link": "javascript:alert(1)"}, BAD_LINK, "link"),
    ({"link": "//evil.example"}, BAD_LINK, "link"),
    ({"link": "data:text/html,hi"}, BAD_LINK, "link"),
    ({"link": "http://example.com"}, BAD_LINK, "link"),
    ({"locale": "xx"}, "Choose one of the options.", "locale"),
    ({"starts_at": "2030-02-01T09:00", "ends_at": "2030-01-01T09:00"}, "The end must be after the start.", "ends_at"),
    ({"starts_at": "2030-02-01T09:00", "ends_at": "2030-02-01T09:00"}, "The end must be after the start.", "ends_at"),
    ({"starts_at": "next tuesday"}, "Enter a date and time, like 2026-12-01 09:00.", "starts_at"),
]


@pytest.mark.parametrize("extra,message,field", BAD_INPUT)
def test_bad_input_on_create_changes_nothing(ops, app, extra, message, field):
    response = ops.submit("/banners", data(**extra))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and f'id="{field}-error"' in body
    assert db.session.scalar(select(func.count()).select_from(MallBanner)) == 0
    assert stored_files(app) == []


@pytest.mark.parametrize("extra,message,field", [case for case in BAD_INPUT if case[0] != {"image": None}])
def test_bad_input_on_edit_changes_nothing(ops, app, extra, message, field):
    assert ops.submit("/banners", data()).status_code == 303
    before, files = snapshot(), stored_files(app)
    extra = {"image": picture("JPEG"), **extra}  # a good new image is not stored when another field is bad
    response = ops.submit(f"/banners/{banners()[0].id}", data(**extra))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and f'id="{field}-error"' in body
    assert snapshot() == before and stored_files(app) == files


def test_every_bad_field_is_shown_at_once(ops, app):
    response = ops.submit("/banners", data(title="", link="javascript:alert(1)", locale="xx", starts_at="soon"))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    for message, field in (("This field is required.", "title"), (BAD_LINK, "link"), ("Choose one of the options.", "locale"),
                           ("Enter a date and time, like 2026-12-01 09:00.", "starts_at")):
        assert message in body and f'id="{field}-error"' in body, field
    assert banners() == [] and stored_files(app) == []


def test_an_eleventh_banner_is_refused(ops, app):
    for n in range(service.MAX_BANNERS):
        service.save_banner(None, image=picture()[0].getvalue(), title=f"Banner {n}", subtitle=None, link=None,
                            locale=None, active=True, starts_at=None, ends_at=None)
    db.session.commit()
    before, files = snapshot(), stored_files(app)
    listing = ops.get("/banners").get_data(as_text=True)
    assert "the most it can have" in listing and "New banner" not in listing
    response = ops.submit("/banners", data(title="One too many"), form_page="/banners")
    assert response.status_code == 422
    assert "A home page has at most 10 banners. Delete one to add another." in response.get_data(as_text=True)
    assert snapshot() == before and stored_files(app) == files


def test_store_banners_do_not_count_towards_the_malls(ops, app):
    store = make_store("acme")
    with store_scope(store.id):
        service.save_banner(None, store_id=store.id, image=picture()[0].getvalue(), title="Store banner",
                            subtitle=None, link=None, locale=None, active=True, starts_at=None, ends_at=None)
        db.session.commit()
    assert ops.submit("/banners", data()).status_code == 303
    listing = ops.get("/banners").get_data(as_text=True)
    assert "Winter sale" in listing and "Store banner" not in listing
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(StoreBanner)) == 1


@pytest.mark.parametrize("role", [PlatformRole.FINANCE, PlatformRole.SUPPORT])
def test_readers_see_banners_but_cannot_change_them(ops, client_for, app, role):
    assert ops.submit("/banners", data()).status_code == 303
    assert ops.submit("/banners", data(title="Second")).status_code == 303
    before, files = snapshot(), stored_files(app)
    reader = client_for("admin.localhost")
    sign_in(reader, make_user(f"{role.value}@example.com", platform_role=role).email)
    listing = reader.get("/banners")
    assert listing.status_code == 200 and "Winter sale" in listing.get_data(as_text=True)
    assert "New banner" not in listing.get_data(as_text=True)
    banner_id = banners()[0].id
    edit = reader.get(f"/banners/{banner_id}")
    assert edit.status_code == 200 and "Save the banner" not in edit.get_data(as_text=True)
    token = reader.csrf("/banners")
    for url, extra in [("/banners", data(title="X")), (f"/banners/{banner_id}", data(title="Hacked")),
                       (f"/banners/{banner_id}/move/down", {}), (f"/banners/{banner_id}/delete", {})]:
        assert reader.post(url, data={"csrf_token": token, **extra}).status_code == 403, url
    assert snapshot() == before and stored_files(app) == files


def test_missing_banner_is_404(ops):
    assert ops.get("/banners/999").status_code == 404
    token = ops.csrf("/banners")
    for url in ("/banners/999", "/banners/999/move/up", "/banners/999/delete"):
        assert ops.post(url, data={"csrf_token": token, **data()}).status_code == 404, url


def test_a_post_without_the_csrf_token_changes_nothing(ops, app):
    assert ops.submit("/banners", data()).status_code == 303
    before = snapshot()
    banner_id = banners()[0].id
    assert ops.post(f"/banners/{banner_id}/delete", data={}).status_code == 400
    assert ops.post(f"/banners/{banner_id}/move/down", data={}).status_code == 400
    assert snapshot() == before


# --- the service's checks --------------------------------------------------------------------

@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "//evil.example", "///evil.example",
    "/\\evil.example", "\\\\evil.example", "http://example.com/", "https://", "https:evil.example",
    "https:///path", "https://user:pw@evil.example/", "ftp://example.com/", "en/c/shoes", "/en/c/a b",
    "https://[::1", "/" + "x" * 500,
])
def test_unsafe_links_are_refused(link):
    with pytest.raises(CatalogError) as info:
        service.check_link(link)
    assert info.value.field == "link"


@pytest.mark.parametrize("link,stored", [
    ("", None), ("  ", None), ("/", "/"), ("/en/c/shoes?sort=newest#top", "/en/c/shoes?sort=newest#top"),
    (" /ar/c/shirts ", "/ar/c/shirts"), ("https://shop.example.com/sale?x=1", "https://shop.example.com/sale?x=1"),
    ("HTTPS://Example.com/", "HTTPS://Example.com/"),
])
def test_safe_links_are_kept(link, stored):
    assert service.check_link(link) == stored


def test_local_times_are_read_in_the_given_zone():
    assert service.parse_local_time("2030-01-01T09:00", "Asia/Tokyo", "starts_at") == datetime(2030, 1, 1, 0, 0,
                                                                                                tzinfo=UTC)
    assert service.parse_local_time("2030-07-01 09:30:00", "Europe/Paris", "x") == datetime(2030, 7, 1, 7, 30,
                                                                                            tzinfo=UTC)
    assert service.parse_local_time("", "UTC", "x") is None
    assert service.local_time_value(datetime(2030, 1, 1, 0, 0, tzinfo=UTC), "Asia/Tokyo") == "2030-01-01T09:00"
    with pytest.raises(CatalogError):
        service.parse_local_time("2030-13-01T09:00", "UTC", "starts_at")
