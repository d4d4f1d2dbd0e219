"""Console: the banners on the store's own storefront home page (the form and
page helpers are the admin's, app/web/admin/banners.py).

URL table (merchant host)
    /<store>/banners                                   GET: list, order, new form; POST: create
    /<store>/banners/<banner_id>                       GET: edit form; POST: save
    /<store>/banners/<banner_id>/move/<up|down>        POST: one place up or down
    /<store>/banners/<banner_id>/delete                POST: delete (its files go after commit)

Every member reads; owners and managers edit. Banners are store-owned: another
store's ids answer 404.
"""

from __future__ import annotations

from flask import abort, flash, g, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.catalog import banners as banner_service
from app.catalog.banners import StoreBanner
from app.catalog.services import CatalogError
from app.extensions import db
from app.web.access import store_roles
from app.web.admin.banners import BannerForm, banner_form, banner_rows, page_context, save_from_form
from app.web.console import bp
from app.web.console.products import EDITORS
from app.web.fields import EmptyForm, add_error
from app.web.rendering import form_status, render, see_other


def _zone() -> str:
    return g.store.time_zone or "UTC"


def _can_edit() -> bool:
    return g.membership.role in EDITORS


def _banner_or_404(banner_id: int) -> StoreBanner:
    banner = db.session.scalar(select(StoreBanner).where(StoreBanner.id == banner_id))
    if banner is None:
        abort(404)
    return banner


def _list_page(form: BannerForm | None = None, status: int = 200):
    zone = _zone()
    return render("console/banners/list.html", rows=banner_rows(banner_service.ordered_banners(g.store.id), zone),
                  form=form or banner_form(formdata=False), can_edit=_can_edit(), status=status, **page_context(zone))


def _edit_page(banner: StoreBanner, form: BannerForm | None = None, status: int = 200):
    zone = _zone()
    return render("console/banners/edit.html", banner=banner, form=form or banner_form(banner, zone, formdata=False),
                  can_edit=_can_edit(), status=status, **page_context(zone))


@bp.route("/<store>/banners")
@store_roles()
def banners():
    return _list_page()


@bp.route("/<store>/banners", methods=["POST"])
@store_roles(*EDITORS)
def banner_create():
    form = banner_form()
    if form.validate_on_submit():
        try:
            banner = save_from_form(None, form, _zone(), store_id=g.store.id)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _list_page(form, 422)
        db.session.commit()
        flash(_("Banner %(title)s added.", title=banner.title), "success")
        return see_other(url_for(".banners"))
    return _list_page(form, form_status(form))


@bp.route("/<store>/banners/<int:banner_id>", methods=["GET", "POST"])
@store_roles()
def banner_edit(banner_id: int):
    banner = _banner_or_404(banner_id)
    if request.method == "GET":
        return _edit_page(banner)
    if not _can_edit():
        g.denied_reason = "role"
        abort(403)
    form = banner_form()
    if form.validate_on_submit():
        try:
            save_from_form(banner, form, _zone())
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _edit_page(_banner_or_404(banner_id), form, 422)
        db.session.commit()
        flash(_("Banner saved."), "success")
        return see_other(url_for(".banners") + f"#banner-{banner_id}")
    return _edit_page(banner, form, form_status(form))


@bp.route("/<store>/banners/<int:banner_id>/move/<any(up, down):direction>", methods=["POST"])
@store_roles(*EDITORS)
def banner_move(banner_id: int, direction: str):
    banner = _banner_or_404(banner_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    banner_service.move_banner(banner, direction)
    db.session.commit()
    return see_other(url_for(".banners") + f"#banner-{banner_id}")


@bp.route("/<store>/banners/<int:banner_id>/delete", methods=["POST"])
@store_roles(*EDITORS)
def banner_delete(banner_id: int):
    banner = _banner_or_404(banner_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    title = banner.title
    banner_service.delete_banner(banner)
    db.session.commit()
    flash(_("Banner %(title)s deleted.", title=title), "success")
    return see_other(url_for(".banners"))
