"""Console: the banners on the store's own storefront home page (the form and
pages are the admin's BannerPages, app/web/admin/banners.py).

URL table (merchant host)
    /<store>/banners                                   GET: list, order, new form; POST: create
    /<store>/banners/<banner_id>                       GET: edit form; POST: save
    /<store>/banners/<banner_id>/move/<up|down>        POST: one place up or down
    /<store>/banners/<banner_id>/delete                POST: delete (its files go after commit)

Every member reads; owners and managers edit. Banners are store-owned: another
store's ids answer 404.
"""

from __future__ import annotations

from flask import g

from app.catalog.banners import StoreBanner
from app.web.access import store_roles
from app.web.admin.banners import BannerPages
from app.web.console import bp
from app.web.console.products import EDITORS


def _store() -> BannerPages:
    return BannerPages(StoreBanner, g.store.id, g.store.time_zone or "UTC", g.membership.role in EDITORS)


@bp.route("/<store>/banners")
@store_roles()
def banners():
    return _store().list_page()


@bp.route("/<store>/banners", methods=["POST"])
@store_roles(*EDITORS)
def banner_create():
    return _store().create()


@bp.route("/<store>/banners/<int:banner_id>", methods=["GET", "POST"])
@store_roles()
def banner_edit(banner_id: int):
    return _store().edit(banner_id)


@bp.route("/<store>/banners/<int:banner_id>/move/<any(up, down):direction>", methods=["POST"])
@store_roles(*EDITORS)
def banner_move(banner_id: int, direction: str):
    return _store().move(banner_id, direction)


@bp.route("/<store>/banners/<int:banner_id>/delete", methods=["POST"])
@store_roles(*EDITORS)
def banner_delete(banner_id: int):
    return _store().delete(banner_id)
