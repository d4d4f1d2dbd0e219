"""Platform admin: ``admin.PLATFORM_DOMAIN``. Reads across stores by design
(the request's scope is ALL_STORES, set by the resolver).

URL table
    /                              counts of stores by status, users, jobs
    /stores                        list, filter by status, search
    /stores/new                    create a store (owner: user or invitation)
    /stores/<id>                   detail, staff, history; status actions
    /stores/<id>/status            suspend / reopen / close with a reason
    /users                         list and search
    /jobs                          failed jobs (retry), queues, periodic jobs
    /jobs/<queue>/<job_id>/retry   requeue one failed job
    /currencies                    currencies, current rates, add / enable / disable, new rate
    /currencies/<code>             one currency's rate history
(plus the staff account pages: /sign-in, /sign-out, /reset, /account ...)
"""

from __future__ import annotations

import zoneinfo
from functools import cache

from babel import Locale
from flask import Blueprint, abort, current_app, flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, or_, select
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from app.accounts.models import PlatformRole, User
from app.config import LOCALES
from app.extensions import db
from app.i18n import rates as money_rates
from app.i18n.currencies import KNOWN_CURRENCIES, all_currency_choices
from app.i18n.locales import switcher_locales
from app.i18n.models import Currency
from app.jobs import QUEUES
from app.jobs import failures as job_failures
from app.jobs.models import PeriodicJob
from app.tenancy import services as stores
from app.tenancy.errors import StoreError
from app.tenancy.models import Invitation, Membership, Store, StoreEvent, StoreStatus, StoreType
from app.web.access import platform_roles, public
from app.web.account.forms import REQUIRED, email_field
from app.web.account.views import staff_bp
from app.web.fields import ChoiceField, EmptyForm
from app.web.rendering import form_status, render, see_other

bp = Blueprint("admin", __name__)
bp.register_blueprint(staff_bp)

ADMIN, OPS, FINANCE, SUPPORT = PlatformRole.ADMIN, PlatformRole.OPERATIONS, PlatformRole.FINANCE, PlatformRole.SUPPORT
PAGE_SIZE = 50


@cache
def _time_zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def country_choices():
    locale = Locale.parse(str(get_locale() or "en"))
    names = {code: name for code, name in locale.territories.items() if len(code) == 2 and code.isalpha()}
    return sorted(names.items(), key=lambda kv: kv[1])


def type_choices():
    return [(StoreType.THIRD_PARTY.value, _l("Third-party (merchant)")),
            (StoreType.SELF_OPERATED.value, _l("Self-operated (platform)"))]


class StoreForm(FlaskForm):
    name = StringField(_l("Store name"), validators=[InputRequired(message=REQUIRED),
                                                     Length(max=120, message=_l("Use at most %(max)d characters."))])
    slug = StringField(_l("Address (subdomain)"), validators=[InputRequired(message=REQUIRED),
                                                             Length(max=40, message=_l("Use at most %(max)d characters."))],
                       render_kw={"autocapitalize": "none", "spellcheck": "false"})
    type = ChoiceField(_l("Type"), choices=type_choices)
    country = ChoiceField(_l("Country"), choices=country_choices)
    time_zone = ChoiceField(_l("Time zone"), choices=lambda: [(tz, tz) for tz in _time_zones()], default="UTC")
    default_locale = ChoiceField(_l("Default language"), choices=lambda: list(switcher_locales()), default="en")
    base_currency = ChoiceField(_l("Base currency"), choices=all_currency_choices, default="USD")
    owner_email = email_field(_l("Owner's email"))


class StatusForm(FlaskForm):
    action = ChoiceField(_l("Action"), choices=lambda: [(a, a) for a in stores.STATUS_ACTIONS])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=1000, message=_l("Use at most %(max)d characters."))])


@bp.route("/")
@platform_roles()
def home():
    by_status = dict(db.session.execute(select(Store.status, func.count()).group_by(Store.status)).all())
    counts = {status: by_status.get(status, 0) for status in StoreStatus}
    users = db.session.scalar(select(func.count()).select_from(User))
    staff = db.session.scalar(select(func.count()).select_from(User).where(User.platform_role.is_not(None)))
    failed = job_failures.failed_count() if not current_app.config["JOBS_INLINE"] else None
    return render("admin/home.html", counts=counts, users=users, staff=staff, failed=failed,
                  status_label=stores.status_label)


@bp.route("/stores")
@platform_roles(ADMIN, OPS, SUPPORT, FINANCE)
def stores_list():
    q = (request.args.get("q") or "").strip()[:100]
    status = request.args.get("status") or ""
    stmt = select(Store).order_by(Store.created_at.desc())
    if status in {s.value for s in StoreStatus}:
        stmt = stmt.where(Store.status == StoreStatus(status))
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(or_(func.lower(Store.name).like(like), Store.slug.like(like)))
    rows = db.session.scalars(stmt.limit(200)).all()
    return render("admin/stores.html", "admin/_stores_table.html", stores=rows, q=q, status_filter=status,
                  statuses=list(StoreStatus), status_label=stores.status_label)


@bp.route("/stores/new", methods=["GET", "POST"])
@platform_roles(ADMIN, OPS)
def store_new():
    form = StoreForm()
    if form.validate_on_submit():
        if form.default_locale.data not in LOCALES:
            abort(400)
        try:
            store = stores.create_store(
                name=form.name.data, slug=form.slug.data, type=StoreType(form.type.data),
                country=form.country.data, time_zone=form.time_zone.data,
                default_locale=form.default_locale.data, base_currency=form.base_currency.data,
                owner_email=form.owner_email.data, actor=current_user,
            )
        except StoreError as exc:
            db.session.rollback()
            getattr(form, exc.field or "name").errors.append(str(exc.message))
            return render("admin/store_new.html", form=form, status=422)
        db.session.commit()
        flash(_("Store %(name)s created.", name=store.name), "success")
        return see_other(url_for(".store_detail", store_id=store.id))
    return render("admin/store_new.html", form=form, status=form_status(form))


def _store_or_404(store_id: int) -> Store:
    store = db.session.get(Store, store_id)
    if store is None:
        abort(404)
    return store


def _store_page(store: Store, status_form=None, status=200):
    members = db.session.scalars(select(Membership).where(Membership.store_id == store.id)).all()
    invitations = db.session.scalars(
        select(Invitation).where(Invitation.store_id == store.id, Invitation.accepted_at.is_(None),
                                 Invitation.revoked_at.is_(None))).all()
    events = db.session.scalars(
        select(StoreEvent).where(StoreEvent.store_id == store.id).order_by(StoreEvent.created_at.desc()).limit(20)
    ).all()
    actors = {u.id: u for u in db.session.scalars(
        select(User).where(User.id.in_({e.actor_id for e in events if e.actor_id})))}
    actions = [a for a, (sources, _t) in stores.STATUS_ACTIONS.items() if store.status in sources and a != "open"]
    return render("admin/store_detail.html", store_obj=store, members=members, invitations=invitations,
                  events=events, actors=actors, actions=actions, status_form=status_form or StatusForm(),
                  status_label=stores.status_label, status=status)


@bp.route("/stores/<int:store_id>")
@platform_roles(ADMIN, OPS, SUPPORT, FINANCE)
def store_detail(store_id: int):
    return _store_page(_store_or_404(store_id))


@bp.route("/stores/<int:store_id>/status", methods=["POST"])
@platform_roles(ADMIN, OPS)
def store_status(store_id: int):
    store = _store_or_404(store_id)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            stores.change_store_status(store, action=form.action.data, reason=form.reason.data, actor=current_user)
        except StoreError as exc:
            db.session.rollback()
            store = _store_or_404(store_id)
            (form.reason if exc.field == "reason" else form.action).errors.append(str(exc.message))
            return _store_page(store, form, 422)
        db.session.commit()
        flash(_("%(name)s is now %(status)s.", name=store.name, status=stores.status_label(store.status)), "success")
        return see_other(url_for(".store_detail", store_id=store.id))
    return _store_page(store, form, form_status(form))


@bp.route("/users")
@platform_roles(ADMIN, OPS, SUPPORT)
def users():
    q = (request.args.get("q") or "").strip()[:100]
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        page = 1
    stmt = select(User).order_by(User.created_at.desc())
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(or_(func.lower(User.email).like(like), func.lower(User.name).like(like)))
    rows = db.session.scalars(stmt.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)).all()
    return render("admin/users.html", "admin/_users_table.html", users=rows[:PAGE_SIZE], q=q, page=page,
                  has_next=len(rows) > PAGE_SIZE)


@bp.route("/jobs")
@platform_roles(ADMIN, OPS)
def jobs():
    inline = current_app.config["JOBS_INLINE"]
    failed = [] if inline else job_failures.failed_jobs()
    queues = [] if inline else job_failures.queue_sizes()
    periodic = db.session.scalars(select(PeriodicJob).order_by(PeriodicJob.name)).all()
    return render("admin/jobs.html", "admin/_jobs.html", inline=inline, failed=failed, queues=queues,
                  periodic=periodic, button_form=EmptyForm())


@bp.route("/jobs/<queue>/<job_id>/retry", methods=["POST"])
@platform_roles(ADMIN, OPS)
def retry_job(queue: str, job_id: str):
    if queue not in QUEUES or current_app.config["JOBS_INLINE"]:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if not job_failures.retry(queue, job_id):
        abort(404)
    flash(_("The job is back in the %(queue)s queue.", queue=queue), "success")
    return see_other(url_for(".jobs"))


# --- currencies and exchange rates ------------------------------------------------

class AddCurrencyForm(FlaskForm):
    code = StringField(_l("ISO 4217 code"), validators=[InputRequired(message=REQUIRED),
                                                        Length(min=3, max=3, message=_l("Use the three-letter code, like EUR."))],
                       render_kw={"autocapitalize": "characters", "spellcheck": "false", "maxlength": 3})


class RateForm(FlaskForm):
    currency = ChoiceField(_l("Currency"))
    rate = StringField(_l("Rate"), validators=[InputRequired(message=REQUIRED),
                                                Length(max=40, message=_l("Use at most %(max)d characters."))],
                       render_kw={"inputmode": "decimal", "spellcheck": "false"})


def _rate_form(form: RateForm | None = None) -> RateForm:
    form = form or RateForm()
    base = money_rates.platform_currency()
    codes = db.session.scalars(select(Currency.code).where(Currency.code != base).order_by(Currency.code)).all()
    form.currency.choices = [(c, c) for c in codes]
    return form


def _currencies_page(add_form=None, rate_form=None, status=200):
    rows = db.session.scalars(select(Currency).order_by(Currency.code)).all()
    return render("admin/currencies.html", currencies=rows, rates=money_rates.current_rates(),
                  base=money_rates.platform_currency(), add_form=add_form or AddCurrencyForm(),
                  rate_form=_rate_form(rate_form), button_form=EmptyForm(),
                  can_edit=current_user.platform_role in (ADMIN, FINANCE), status=status)


@bp.route("/currencies")
@platform_roles(ADMIN, FINANCE, OPS, SUPPORT)
def currencies():
    return _currencies_page()


@bp.route("/currencies/add", methods=["POST"])
@platform_roles(ADMIN, FINANCE)
def currency_add():
    form = AddCurrencyForm()
    if form.validate_on_submit():
        try:
            money_rates.add_currency(form.code.data)
        except money_rates.RateError as exc:
            db.session.rollback()
            form.code.errors.append(str(exc.message))
            return _currencies_page(add_form=form, status=422)
        db.session.commit()
        flash(_("%(code)s added. Set its rate, then turn it on.", code=form.code.data.strip().upper()), "success")
        return see_other(url_for(".currencies"))
    return _currencies_page(add_form=form, status=form_status(form))


@bp.route("/currencies/rate", methods=["POST"])
@platform_roles(ADMIN, FINANCE)
def currency_rate():
    form = _rate_form(RateForm())
    if form.validate_on_submit():
        try:
            money_rates.set_rate(form.currency.data, form.rate.data, actor_id=current_user.id)
        except money_rates.RateError as exc:
            db.session.rollback()
            (form.rate if exc.field == "rate" else form.currency).errors.append(str(exc.message))
            return _currencies_page(rate_form=form, status=422)
        db.session.commit()
        flash(_("New rate saved for %(code)s.", code=form.currency.data), "success")
        return see_other(url_for(".currencies"))
    return _currencies_page(rate_form=form, status=form_status(form))


@bp.route("/currencies/<code>/<any(enable, disable):action>", methods=["POST"])
@platform_roles(ADMIN, FINANCE)
def currency_toggle(code: str, action: str):
    if code.upper() not in KNOWN_CURRENCIES:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        money_rates.set_enabled(code, action == "enable")
    except money_rates.RateError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return _currencies_page(status=422)
    db.session.commit()
    flash(_("%(code)s is now on.", code=code.upper()) if action == "enable" else _("%(code)s is now off.", code=code.upper()),
          "success")
    return see_other(url_for(".currencies"))


@bp.route("/currencies/<code>")
@platform_roles(ADMIN, FINANCE, OPS, SUPPORT)
def currency_history(code: str):
    currency = db.session.get(Currency, code.upper())
    if currency is None:
        abort(404)
    history = money_rates.rate_history(currency.code)
    actors = {u.id: u for u in db.session.scalars(
        select(User).where(User.id.in_({r.created_by_id for r in history if r.created_by_id})))}
    return render("admin/currency_history.html", currency=currency, history=history, actors=actors,
                  base=money_rates.platform_currency())


from app.web.admin import banners as _banners  # noqa: E402,F401
from app.web.admin import catalog as _catalog  # noqa: E402,F401  (registers the catalog views)
from app.web.admin import moderation as _moderation  # noqa: E402,F401
from app.web.admin import options as _options  # noqa: E402,F401


@bp.route("/robots.txt")
@public
def robots():
    """Staff surfaces are never indexed."""
    from flask import current_app

    return current_app.response_class("User-agent: *\nDisallow: /\n", mimetype="text/plain")
from app.web.admin import search as _search  # noqa: E402,F401
