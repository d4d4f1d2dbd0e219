"""Console: a store's own home-page banners (create, list, edit, order,
delete); bad input refused with nothing changed; times read in the store's
time zone; staff read only; another store's staff get 404 everywhere and
change nothing."""

from __future__ import annotations

import io
import os
import re
import shutil
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.catalog import banners as service
from app.catalog.banners import MallBanner, StoreBanner
from app.extensions import db
from app.media import images as media
from app.tenancy.models import Role, Store
from app.tenancy.resolver import clear_tenant_cache
from app.tenancy.scope import all_stores, store_scope
from tests.conftest import sign_in
from tests.factories import add_member, make_store, make_user

NOT_AN_IMAGE = "Upload a JPEG, PNG or WebP image."
BAD_LINK = "Enter a path on this site that starts with / (like /en/c/shoes), or a web address that starts with https://."


def picture(fmt="PNG", size=(300, 100), colour=(200, 40, 40)) -> tuple[io.BytesIO, str]:
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
def shop(client_for):
    store, other_store = make_store("acme"), make_store("sakura", currency="JPY", locale="ja")
    owner, manager, staff = make_user("owner@example.com"), make_user("manager@example.com"), make_user("staff@example.com")
    other = make_user("o@example.com")
    add_member(store, owner, Role.OWNER)
    add_member(store, manager, Role.MANAGER)
    add_member(store, staff, Role.STAFF)
    add_member(other_store, other, Role.OWNER)
    console = client_for("merchant.localhost")
    sign_in(console, owner.email)
    return {"store": store, "other_store": other_store, "console": console, "manager": manager, "staff": staff,
            "other": other}


def data(**extra):
    values = {"title": "Spring collection", "subtitle": "Fresh linen", "link": "/en/collections/spring",
              "locale": "", "active": "y", "starts_at": "", "ends_at": "", "image": picture()}
    values.update(extra)
    return {k: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) and isinstance(v[0], bytes) else v
            for k, v in values.items() if v is not None}


def _create(shop, **extra):
    return shop["console"].submit("/acme/banners", data(**extra), form_page="/acme/banners")


COLUMNS = ("store_id", "id", "title", "subtitle", "link", "locale", "active", "starts_at", "ends_at", "image_key",
           "position", "width", "height")


def banners() -> list[SimpleNamespace]:
    """Every store's banners, as plain values (no lazy loads outside a scope)."""
    db.session.expire_all()
    with all_stores():
        rows = db.session.scalars(select(StoreBanner).order_by(StoreBanner.store_id, StoreBanner.position,
                                                               StoreBanner.id))
        return [SimpleNamespace(**{name: getattr(row, name) for name in COLUMNS}) for row in rows]


def snapshot() -> list[tuple]:
    return [(b.store_id, b.id, b.title, b.subtitle, b.link, b.locale, b.active, b.starts_at, b.ends_at, b.image_key,
             b.position) for b in banners()]


def test_create_list_edit_move_and_delete(shop, app):
    store_id = shop["store"].id
    assert _create(shop).status_code == 303
    assert _create(shop, title="Sale", subtitle="", link="https://acme.example.com/sale", locale="ja").status_code == 303
    first, second = banners()
    assert (first.store_id, first.title, first.subtitle, first.link, first.locale, first.active, first.position) == (
        store_id, "Spring collection", "Fresh linen", "/en/collections/spring", None, True, 0)
    assert (second.title, second.subtitle, second.link, second.locale, second.position) == (
        "Sale", None, "https://acme.example.com/sale", "ja", 1)
    assert re.fullmatch(rf"p/{store_id}/[0-9a-f]{{32}}", first.image_key)
    assert stored_files(app) == sorted(media.file_names(first.image_key) + media.file_names(second.image_key))
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(MallBanner)) == 0

    listing = shop["console"].get("/acme/banners").get_data(as_text=True)
    assert listing.index(">Spring collection</a>") < listing.index(">Sale</a>")
    assert "日本語" in listing and "Every language" in listing and "New banner" in listing

    edit_url = f"/acme/banners/{first.id}"
    assert 'value="Spring collection"' in shop["console"].get(edit_url).get_data(as_text=True)
    assert shop["console"].submit(edit_url, data(title="Summer collection", active=None, image=None)).status_code == 303
    assert (banners()[0].title, banners()[0].active, banners()[0].image_key) == (
        "Summer collection", False, first.image_key)
    assert "Off" in shop["console"].get("/acme/banners").get_data(as_text=True)

    assert shop["console"].submit(f"/acme/banners/{first.id}/move/down", {}, form_page="/acme/banners").status_code == 303
    assert [b.title for b in banners()] == ["Sale", "Summer collection"]

    first_key = first.image_key
    second_key = second.image_key
    first_id = first.id
    assert shop["console"].submit(f"/acme/banners/{first_id}/delete", {}, form_page="/acme/banners").status_code == 303
    assert [b.title for b in banners()] == ["Sale"]
    assert stored_files(app) == sorted(media.file_names(second_key))
    assert first_key not in " ".join(stored_files(app))
    assert shop["console"].get(f"/acme/banners/{first_id}").status_code == 404


def test_a_manager_can_edit(shop, client_for):
    manager = client_for("merchant.localhost")
    sign_in(manager, shop["manager"].email)
    assert manager.submit("/acme/banners", data(), form_page="/acme/banners").status_code == 303
    assert [b.title for b in banners()] == ["Spring collection"]


def test_the_console_navigation_links_to_banners(shop):
    page = shop["console"].get("/acme/").get_data(as_text=True)
    assert 'href="/acme/banners">Banners</a>' in page


def test_times_are_read_in_the_stores_time_zone(shop):
    store = db.session.get(Store, shop["store"].id)
    store.time_zone = "Asia/Tokyo"
    db.session.commit()
    clear_tenant_cache()
    assert _create(shop, starts_at="2030-01-01T09:00", ends_at="2030-01-02T09:00").status_code == 303
    banner = banners()[0]
    assert banner.starts_at == datetime(2030, 1, 1, 0, 0, tzinfo=UTC)
    assert banner.ends_at == datetime(2030, 1, 2, 0, 0, tzinfo=UTC)
    page = shop["console"].get(f"/acme/banners/{banner.id}").get_data(as_text=True)
    assert 'value="2030-01-01T09:00"' in page and "Asia/Tokyo" in page
    assert "Scheduled" in shop["console"].get("/acme/banners").get_data(as_text=True)


BAD_INPUT = [
    ({"title": ""}, "This field is required.", "title"),
    ({"image": None}, "Choose an image for the banner.", "image"),
    ({"image": (b"%PDF-1.4 not an image", "banner.png")}, NOT_AN_IMAGE, "image"),
    ({"link": "javascript:alert(1)"}, BAD_LINK, "link"),
    ({"link": "//evil.example"}, BAD_LINK, "link"),
    ({"locale": "klingon"}, "Choose one of the options.", "locale"),
    ({"starts_at": "2030-02-01T09:00", "ends_at": "2030-01-31T09:00"}, "The end must be after the start.", "ends_at"),
]


@pytest.mark.parametrize("extra,message,field", BAD_INPUT)
def test_bad_input_changes_nothing(shop, app, extra, message, field):
    response = _create(shop, **extra)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and f'id="{field}-error"' in body
    assert banners() == [] and stored_files(app) == []

    assert _create(shop).status_code == 303
    before, files = snapshot(), stored_files(app)
    edit = {"image": picture("JPEG"), **extra} if extra != {"image": None} else {"title": ""}
    message = message if extra != {"image": None} else "This field is required."
    field = field if extra != {"image": None} else "title"
    response = shop["console"].submit(f"/acme/banners/{banners()[0].id}", data(**edit))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and f'id="{field}-error"' in body
    assert snapshot() == before and stored_files(app) == files


def test_an_eleventh_banner_is_refused(shop, app):
    store_id = shop["store"].id
    with store_scope(store_id):
        for n in range(service.MAX_BANNERS):
            service.save_banner(None, store_id=store_id, image=picture()[0].getvalue(), title=f"Banner {n}",
                                subtitle=None, link=None, locale=None, active=n % 2 == 0, starts_at=None, ends_at=None)
        db.session.commit()
    before, files = snapshot(), stored_files(app)
    response = _create(shop, title="One too many")
    assert response.status_code == 422
    assert "A home page has at most 10 banners. Delete one to add another." in response.get_data(as_text=True)
    assert snapshot() == before and stored_files(app) == files
    # Another store's home has its own ten.
    other = shop["other_store"]
    with store_scope(other.id):
        service.save_banner(None, store_id=other.id, image=picture()[0].getvalue(), title="Sakura", subtitle=None,
                            link=None, locale=None, active=True, starts_at=None, ends_at=None)
        db.session.commit()
    assert [b.title for b in banners() if b.store_id == other.id] == ["Sakura"]


def _edit_requests(banner_id, store="acme"):
    return [(f"/{store}/banners", data(title="X")),
            (f"/{store}/banners/{banner_id}", data(title="Hacked", link="javascript:alert(1)")),
            (f"/{store}/banners/{banner_id}/move/down", {}),
            (f"/{store}/banners/{banner_id}/move/up", {}),
            (f"/{store}/banners/{banner_id}/delete", {})]


def test_staff_can_read_but_not_edit(shop, client_for, app):
    _create(shop)
    _create(shop, title="Sale")
    before, files = snapshot(), stored_files(app)
    banner_id = banners()[1].id
    staff = client_for("merchant.localhost")
    sign_in(staff, shop["staff"].email)
    listing = staff.get("/acme/banners")
    assert listing.status_code == 200 and "Sale" in listing.get_data(as_text=True)
    assert "New banner" not in listing.get_data(as_text=True)
    edit = staff.get(f"/acme/banners/{banner_id}")
    assert edit.status_code == 200 and "Save the banner" not in edit.get_data(as_text=True)
    token = staff.csrf("/acme/banners")
    for url, extra in _edit_requests(banner_id):
        assert staff.post(url, data={"csrf_token": token, **extra}).status_code == 403, url
    assert snapshot() == before and stored_files(app) == files


def test_another_stores_owner_gets_404_and_changes_nothing(shop, client_for, app):
    _create(shop)
    _create(shop, title="Sale")
    before, files = snapshot(), stored_files(app)
    ids = [b.id for b in banners()]
    other = client_for("merchant.localhost")
    sign_in(other, shop["other"].email)
    token = other.csrf("/sakura/banners")
    assert "Spring collection" not in other.get("/sakura/banners").get_data(as_text=True)
    assert other.get("/acme/banners").status_code == 404
    for banner_id in ids:
        for store in ("sakura", "acme"):
            assert other.get(f"/{store}/banners/{banner_id}").status_code == 404
            for url, extra in _edit_requests(banner_id, store):
                if url == "/sakura/banners":
                    continue  # creating in one's own store is allowed
                assert other.post(url, data={"csrf_token": token, **extra}).status_code == 404, url
    assert snapshot() == before and stored_files(app) == files
