"""Admin: the banners on the mall's home page. The form and the page helpers
here are shared with the console's store banners (app/web/console/banners.py).

URL table (admin host)
    /banners                                   GET: list, order, new form; POST: create
    /banners/<banner_id>                       GET: edit form; POST: save
    /banners/<banner_id>/move/<up|down>        POST: one place up or down
    /banners/<banner_id>/delete                POST: delete (its files go after commit)

Everyone on the platform staff reads; admins and operations edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import abort, current_app, flash, g, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import BooleanField, StringField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from app.accounts.models import PlatformRole
from app.catalog import banners as banner_service
from app.catalog.banners import LINK_MAX, SUBTITLE_MAX, TITLE_MAX, MallBanner, StoreBanner
from app.catalog.services import CatalogError
from app.core.time import utcnow
from app.extensions import db
from app.i18n.locales import native_name, switcher_locales
from app.media.images import size_text
from app.web.access import platform_roles
from app.web.account.forms import REQUIRED
from app.web.admin import bp
from app.web.fields import ChoiceField, EmptyForm, add_error
from app.web.rendering import form_status, render, see_other

EDITORS = (PlatformRole.ADMIN, PlatformRole.OPERATIONS)
READERS = tuple(PlatformRole)
TOO_LONG = _l("Use at most %(max)d characters.")
IMAGE_TYPES = "image/jpeg,image/png,image/webp"


# --- shared with the console -------------------------------------------------------------

def _checked_by(check):
    """A WTForms validator running one of the service's checks, so every bad
    field shows its message at once (the service checks again when saving)."""
    def validate(form, field):
        try:
            check(field.data)
        except CatalogError as exc:
            raise ValidationError(str(exc.message)) from exc

    return validate


def _time_format(value) -> None:
    banner_service.parse_local_time(value, "UTC", "time")  # the format only; the zone is the page's


class BannerForm(FlaskForm):
    image = FileField(_l("Image"), render_kw={"accept": IMAGE_TYPES})
    title = StringField(_l("Title"), validators=[InputRequired(message=REQUIRED), Length(max=TITLE_MAX, message=TOO_LONG)])
    subtitle = StringField(_l("Subtitle"), validators=[Optional(), Length(max=SUBTITLE_MAX, message=TOO_LONG)])
    link = StringField(_l("Link"), validators=[Optional(), Length(max=LINK_MAX, message=TOO_LONG),
                                               _checked_by(banner_service.check_link)],
                       render_kw={"autocapitalize": "none", "spellcheck": "false", "inputmode": "url", "dir": "ltr"})
    locale = ChoiceField(_l("Language"), coerce=str,
                         choices=lambda: [("", _l("Every language")), *switcher_locales()])
    active = BooleanField(_l("Show this banner"), default=True)
    starts_at = StringField(_l("Show from"), validators=[Optional(), _checked_by(_time_format)],
                            render_kw={"type": "datetime-local"})
    ends_at = StringField(_l("Show until"), validators=[Optional(), _checked_by(_time_format)],
                          render_kw={"type": "datetime-local"})


def banner_form(banner=None, zone: str = "UTC", *, formdata: bool = True) -> BannerForm:
    """The form: posted data, or (``formdata`` False) filled from ``banner``."""
    if formdata:
        return BannerForm()
    if banner is None:
        return BannerForm(formdata=None)
    return BannerForm(formdata=None, title=banner.title, subtitle=banner.subtitle or "", link=banner.link or "",
                      locale=banner.locale or "", active=banner.active,
                      starts_at=banner_service.local_time_value(banner.starts_at, zone),
                      ends_at=banner_service.local_time_value(banner.ends_at, zone))


def save_from_form(banner, form: BannerForm, zone: str, *, store_id: int | None = None):
    """Check and save the posted form through the service (CatalogError on bad input)."""
    starts_at = banner_service.parse_local_time(form.starts_at.data, zone, "starts_at")
    ends_at = banner_service.parse_local_time(form.ends_at.data, zone, "ends_at")
    return banner_service.save_banner(
        banner, store_id=store_id, image=form.image.data or None, title=form.title.data, subtitle=form.subtitle.data,
        link=form.link.data, locale=form.locale.data, active=form.active.data, starts_at=starts_at, ends_at=ends_at)


def _when(value: datetime | None, zone: str) -> str:
    if value is None:
        return ""
    try:
        tz = ZoneInfo(zone or "UTC")
    except (KeyError, ValueError):
        tz = ZoneInfo("UTC")
    return format_datetime(value, "short", tzinfo=tz, locale=str(get_locale() or "en"))


def banner_rows(banners, zone: str) -> list[dict]:
    """What the list shows of each banner: state, language and time window as text."""
    now = utcnow()
    rows = []
    for banner in banners:
        if not banner.active:
            state, badge = _("Off"), "badge-closed"
        elif banner.ends_at is not None and banner.ends_at <= now:
            state, badge = _("Ended"), "badge-closed"
        elif banner.starts_at is not None and banner.starts_at > now:
            state, badge = _("Scheduled"), "badge-setup"
        else:
            state, badge = _("Live"), "badge-open"
        start, end = _when(banner.starts_at, zone), _when(banner.ends_at, zone)
        if start and end:
            window = _("From %(start)s until %(end)s", start=start, end=end)
        elif start:
            window = _("From %(start)s", start=start)
        elif end:
            window = _("Until %(end)s", end=end)
        else:
            window = ""
        rows.append({"banner": banner, "state": state, "badge": badge, "window": window,
                     "language": native_name(banner.locale) if banner.locale else _("Every language")})
    return rows


def page_context(zone: str) -> dict:
    return {"zone": zone, "upload_limit": size_text(), "max_banners": banner_service.MAX_BANNERS,
            "button_form": EmptyForm(formdata=None)}


# --- the pages, for the mall's banners (here) and a store's (app/web/console/banners.py) ---

@dataclass(frozen=True)
class BannerPages:
    """What differs between the two homes: the model, the store (None for the
    mall), the time zone forms are read in, and whether the viewer may edit."""

    model: type[MallBanner] | type[StoreBanner]
    store_id: int | None
    zone: str
    can_edit: bool

    def banner_or_404(self, banner_id: int):
        banner = db.session.scalar(select(self.model).where(self.model.id == banner_id))
        if banner is None:
            abort(404)
        return banner

    def list_page(self, form: BannerForm | None = None, status: int = 200):
        rows = banner_rows(banner_service.ordered_banners(self.store_id), self.zone)
        return render("banners/list.html", rows=rows, form=form or banner_form(formdata=False), can_edit=self.can_edit,
                      status=status, **page_context(self.zone))

    def edit_page(self, banner, form: BannerForm | None = None, status: int = 200):
        return render("banners/edit.html", banner=banner, can_edit=self.can_edit, status=status,
                      form=form or banner_form(banner, self.zone, formdata=False), **page_context(self.zone))

    def _refuse_readers(self) -> None:
        if not self.can_edit:
            g.denied_reason = "role"
            abort(403)

    def create(self):
        self._refuse_readers()
        form = banner_form()
        if form.validate_on_submit():
            try:
                banner = save_from_form(None, form, self.zone, store_id=self.store_id)
            except CatalogError as exc:
                db.session.rollback()
                add_error(form, exc.message, exc.field)
                return self.list_page(form, 422)
            db.session.commit()
            flash(_("Banner %(title)s added.", title=banner.title), "success")
            return see_other(url_for(".banners"))
        return self.list_page(form, form_status(form))

    def edit(self, banner_id: int):
        banner = self.banner_or_404(banner_id)
        if request.method == "GET":
            return self.edit_page(banner)
        self._refuse_readers()
        form = banner_form()
        if form.validate_on_submit():
            try:
                save_from_form(banner, form, self.zone)
            except CatalogError as exc:
                db.session.rollback()
                add_error(form, exc.message, exc.field)
                return self.edit_page(self.banner_or_404(banner_id), form, 422)
            db.session.commit()
            flash(_("Banner saved."), "success")
            return see_other(url_for(".banners") + f"#banner-{banner_id}")
        return self.edit_page(banner, form, form_status(form))

    def move(self, banner_id: int, direction: str):
        banner = self.banner_or_404(banner_id)
        if not EmptyForm().validate_on_submit():
            abort(400)
        banner_service.move_banner(banner, direction)
        db.session.commit()
        return see_other(url_for(".banners") + f"#banner-{banner_id}")

    def delete(self, banner_id: int):
        banner = self.banner_or_404(banner_id)
        if not EmptyForm().validate_on_submit():
            abort(400)
        title = banner.title
        banner_service.delete_banner(banner)
        db.session.commit()
        flash(_("Banner %(title)s deleted.", title=title), "success")
        return see_other(url_for(".banners"))


def _mall() -> BannerPages:
    return BannerPages(MallBanner, None, current_app.config.get("PLATFORM_TIMEZONE") or "UTC",
                       current_user.platform_role in EDITORS)


@bp.route("/banners", methods=["GET", "POST"])
@platform_roles(*READERS)
def banners():
    return _mall().list_page() if request.method == "GET" else _mall().create()


@bp.route("/banners/<int:banner_id>", methods=["GET", "POST"])
@platform_roles(*READERS)
def banner_edit(banner_id: int):
    return _mall().edit(banner_id)


@bp.route("/banners/<int:banner_id>/move/<any(up, down):direction>", methods=["POST"])
@platform_roles(*EDITORS)
def banner_move(banner_id: int, direction: str):
    return _mall().move(banner_id, direction)


@bp.route("/banners/<int:banner_id>/delete", methods=["POST"])
@platform_roles(*EDITORS)
def banner_delete(banner_id: int):
    return _mall().delete(banner_id)
