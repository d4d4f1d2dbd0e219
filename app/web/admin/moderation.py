"""Admin: product moderation queue (approve, reject, take down) and platform settings.

URL table (admin host)
    /catalog/moderation                                 products by moderation state (?state=, ?page=), waiting first
    /catalog/moderation/<product_id>                    one product as shoppers would see it; the decision forms
    /catalog/moderation/<product_id>/<action>           POST approve | reject | take-down (with a reason)
    /settings                                           platform settings (administrators change them)

Everyone on the platform staff may read; administrators and operations decide.
The admin request reads across stores (its scope is ALL_STORES).
"""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from app.accounts.models import PlatformRole
from app.catalog import moderation
from app.catalog.models import Brand, ModerationState, Product
from app.catalog.services import CatalogError
from app.catalog.settings import get_setting, set_setting
from app.extensions import db
from app.i18n.money import Money
from app.tenancy.models import Store
from app.web.access import platform_roles
from app.web.admin import bp
from app.web.fields import EmptyForm, add_error
from app.web.rendering import form_status, render, see_other

MODERATORS = (PlatformRole.ADMIN, PlatformRole.OPERATIONS)
READERS = tuple(PlatformRole)
SETTINGS_EDITORS = (PlatformRole.ADMIN,)
PAGE_SIZE = 50
TOO_LONG = _l("Use at most %(max)d characters.")
ACTIONS = ("approve", "reject", "take-down")


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=moderation.MAX_REASON, message=TOO_LONG)])


def strict_checkbox(form, field):
    """A checkbox posts its value ("y") or nothing; anything else is a crafted request."""
    if field.raw_data and field.raw_data[0] not in ("y", "on"):
        raise ValidationError(_l("Choose one of the options."))


class SettingsForm(FlaskForm):
    moderate_third_party_products = BooleanField(_l("New products of third-party stores need approval"),
                                                 validators=[strict_checkbox])


def _locale() -> str:
    return str(get_locale() or "en")


def format_money(amount: int | None, currency: str) -> str:
    return "" if amount is None else Money(amount, currency).format(_locale())


def _state(value: str | None) -> ModerationState:
    try:
        return ModerationState(value or ModerationState.PENDING.value)
    except ValueError:
        return ModerationState.PENDING


def _page() -> int:
    try:
        return max(1, int(request.args.get("page", 1)))
    except ValueError:
        return 1


def _can_moderate() -> bool:
    return current_user.platform_role in MODERATORS


def _queue_page(state: ModerationState):
    page = _page()
    rows = moderation.products_in(state, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE + 1)
    stores = {s.id: s for s in db.session.scalars(select(Store).where(Store.id.in_({p.store_id for p in rows})))}
    return render("admin/moderation/queue.html", products=rows[:PAGE_SIZE], has_next=len(rows) > PAGE_SIZE, page=page,
                  state=state, states=list(ModerationState), counts=moderation.state_counts(), stores=stores,
                  moderation_label=moderation.moderation_label, format_money=format_money,
                  moderation_on=get_setting("moderate_third_party_products"))


@bp.route("/catalog/moderation")
@platform_roles(*READERS)
def moderation_queue():
    return _queue_page(_state(request.args.get("state")))


def _product_or_404(product_id: int) -> Product:
    product = db.session.scalar(select(Product).where(Product.id == product_id))
    if product is None:
        abort(404)
    return product


def _product_page(product: Product, forms: dict | None = None, status: int = 200):
    forms = forms or {}
    store = db.session.scalar(select(Store).where(Store.id == product.store_id))
    brand = db.session.scalar(select(Brand).where(Brand.id == product.brand_id)) if product.brand_id else None
    return render("admin/moderation/product.html", product=product, store_obj=store, brand=brand,
                  approve_form=forms.get("approve") or EmptyForm(),
                  reject_form=forms.get("reject") or ReasonForm(prefix="reject"),
                  take_down_form=forms.get("take-down") or ReasonForm(prefix="take_down"),
                  can_moderate=_can_moderate(), moderation_label=moderation.moderation_label,
                  format_money=format_money, status=status)


@bp.route("/catalog/moderation/<int:product_id>")
@platform_roles(*READERS)
def moderation_product(product_id: int):
    return _product_page(_product_or_404(product_id))


@bp.route("/catalog/moderation/<int:product_id>/<action>", methods=["POST"])
@platform_roles(*MODERATORS)
def moderation_decide(product_id: int, action: str):
    if action not in ACTIONS:
        abort(404)
    product = _product_or_404(product_id)
    form = EmptyForm() if action == "approve" else ReasonForm(prefix="reject" if action == "reject" else "take_down")
    if not form.validate_on_submit():
        if not getattr(form, "reason", None) or not form.reason.errors:
            abort(400)  # only the CSRF token can be wrong
        return _product_page(product, {action: form}, 422)
    try:
        if action == "approve":
            moderation.approve(product, current_user)
        elif action == "reject":
            moderation.reject(product, current_user, form.reason.data)
        else:
            moderation.take_down(product, current_user, form.reason.data)
    except CatalogError as exc:
        db.session.rollback()
        if exc.field:
            add_error(form, exc.message, exc.field)
        else:  # a wrong transition: the product changed since the page was shown
            flash(str(exc.message), "error")
        return _product_page(_product_or_404(product_id), {action: form}, 422)
    db.session.commit()
    messages = {"approve": _("%(name)s is approved: shoppers can see it.", name=product.name),
                "reject": _("%(name)s is rejected. The store's staff see your reason.", name=product.name),
                "take-down": _("%(name)s is taken down. The store's staff see your reason.", name=product.name)}
    flash(messages[action], "success")
    return see_other(url_for(".moderation_queue"))


@bp.route("/settings", methods=["GET", "POST"])
@platform_roles(*READERS)
def settings():
    can_edit = current_user.platform_role in SETTINGS_EDITORS
    if request.method == "POST" and not can_edit:
        abort(403)
    form = SettingsForm()
    if request.method == "GET":
        form.moderate_third_party_products.data = bool(get_setting("moderate_third_party_products"))
    if form.validate_on_submit():
        set_setting("moderate_third_party_products", bool(form.moderate_third_party_products.data))
        db.session.commit()
        flash(_("Settings saved."), "success")
        return see_other(url_for(".settings"))
    pending = moderation.state_counts()[ModerationState.PENDING]
    return render("admin/settings.html", form=form, can_edit=can_edit, pending=pending, status=form_status(form))
