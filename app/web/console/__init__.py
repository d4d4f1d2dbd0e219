"""Merchant console: ``merchant.PLATFORM_DOMAIN``; one store per path prefix.

URL table
    /                                  the stores this user works for
    /invitations/<token>               accept a staff invitation
    /<store>/                          store home: status, staff, next steps
    /<store>/open                      owner opens a store in set-up
    /<store>/staff                     staff and pending invitations
    /<store>/staff/invite              owner invites by email
    /<store>/staff/<id>/role           owner changes a role
    /<store>/staff/<id>/remove         owner removes someone
    /<store>/invitations/<id>/revoke   owner withdraws an invitation
    /<store>/categories                the categories the store sells in, and applications
    /<store>/categories/apply          owner or manager applies for a category
(plus the staff account pages: /sign-in, /sign-out, /reset, /account ...)
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from app.accounts import services as accounts
from app.accounts.auth import sign_in_url, start_session
from app.accounts.errors import AccountError
from app.extensions import db
from app.tenancy import services as stores
from app.tenancy.errors import StoreError
from app.tenancy.models import Invitation, Membership, Role, StoreEvent, StoreStatus
from app.tenancy.resolver import StoreRef
from app.tenancy.scope import set_scope
from app.web.access import public, signed_in, store_roles
from app.web.account.forms import REQUIRED, email_field
from app.web.account.views import staff_bp
from app.web.fields import ChoiceField, EmptyForm, add_error
from app.web.rendering import form_status, render, see_other

bp = Blueprint("console", __name__)
bp.register_blueprint(staff_bp)


def role_choices():
    return [(Role.OWNER.value, _l("Owner")), (Role.MANAGER.value, _l("Manager")), (Role.STAFF.value, _l("Staff"))]


class InviteForm(FlaskForm):
    email = email_field()
    role = ChoiceField(_l("Role"), choices=role_choices, default=Role.STAFF.value)


class RoleForm(FlaskForm):
    role = ChoiceField(_l("Role"), choices=role_choices)


class JoinForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[Optional(), Length(max=120, message=_l("Use at most %(max)d characters."))])
    password = PasswordField(_l("Choose a password"), validators=[
        InputRequired(message=REQUIRED),
        Length(min=accounts.STAFF_MIN_PASSWORD, message=_l("Staff passwords must be at least %(min)d characters long.")),
        Length(max=128, message=_l("Use at most %(max)d characters.")),
    ], render_kw={"autocomplete": "new-password"})


@bp.url_value_preprocessor
def _pop_store(endpoint, values):
    if values and "store" in values:
        g.console_store_slug = values.pop("store")


@bp.url_defaults
def _add_store(endpoint, values):
    from flask import current_app

    if "store" not in values and getattr(g, "store", None) is not None \
            and current_app.url_map.is_endpoint_expecting(endpoint, "store"):
        values["store"] = g.store.slug


@bp.before_request
def _load_store():
    slug = g.pop("console_store_slug", None)
    if slug is None:
        return None
    if not current_user.is_authenticated:
        return redirect(sign_in_url(request.full_path if request.query_string else request.path))
    mine = stores.memberships_of(current_user)
    if not mine:
        g.denied_reason = "no_store"
        abort(403)
    membership = next((m for m in mine if m.store.slug == slug), None)
    if membership is None:
        abort(404)  # another store's console: it does not exist for this user
    g.memberships = mine
    g.membership = membership
    g.store_obj = membership.store
    g.store = StoreRef.of(membership.store)
    g.scope_token = set_scope(membership.store_id)
    return None


@bp.app_context_processor
def _console_context():
    if getattr(g, "surface", None) != "console":
        return {}
    mine = getattr(g, "memberships", None)
    if mine is None and current_user.is_authenticated:
        mine = stores.memberships_of(current_user)
        g.memberships = mine
    return {"memberships": mine or [], "membership": getattr(g, "membership", None),
            "status_label": stores.status_label}


@signed_in
def stores_list():
    mine = stores.memberships_of(current_user)
    if not mine:
        g.denied_reason = "no_store"
        abort(403)
    if len(mine) == 1:
        return redirect(url_for(".home", store=mine[0].store.slug))
    return render("console/stores.html", memberships=mine)


# The sign-in view redirects to "console.stores".
bp.add_url_rule("/", endpoint="stores", view_func=stores_list)


@bp.route("/<store>/")
@store_roles()
def home():
    store = g.store_obj
    staff = db.session.scalars(select(Membership).order_by(Membership.created_at)).all()
    pending = db.session.scalars(
        select(Invitation).where(Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
    ).all()
    events = db.session.scalars(select(StoreEvent).order_by(StoreEvent.created_at.desc()).limit(5)).all()
    next_steps = []
    if store.status == StoreStatus.SETUP:
        next_steps.append(("open", _("Open your store when you are ready: shoppers cannot see it until then.")))
    if len(staff) == 1 and not pending:
        next_steps.append(("staff", _("Invite your team: owners, managers and staff each get their own sign-in.")))
    if not current_user.email_verified_at:
        next_steps.append(("verify", _("Confirm your email address from the message we sent you.")))
    from app.tenancy.hosts import external_url

    storefront_url = external_url("storefront", "storefront.home", store_slug=store.slug, locale=store.default_locale) \
        if store.status == StoreStatus.OPEN else None
    return render("console/home.html", store_obj=store, staff=staff, pending=pending, events=events,
                  next_steps=next_steps, storefront_url=storefront_url, open_form=EmptyForm())


@bp.route("/<store>/open", methods=["POST"])
@store_roles(Role.OWNER)
def open_store():
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        stores.change_store_status(g.store_obj, action="open", reason=None, actor=current_user)
    except StoreError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return see_other(url_for(".home"))
    db.session.commit()
    flash(_("Your store is open. Shoppers can see it now."), "success")
    return see_other(url_for(".home"))


def _staff_page(invite_form=None, status=200):
    staff = db.session.scalars(select(Membership).order_by(Membership.created_at)).all()
    pending = db.session.scalars(
        select(Invitation).where(Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        .order_by(Invitation.created_at.desc())
    ).all()
    role_forms = {m.id: RoleForm(prefix=f"m{m.id}", role=m.role.value) for m in staff}
    return render("console/staff.html", "console/_staff.html", staff=staff, pending=pending,
                  invite_form=invite_form or InviteForm(), role_forms=role_forms, button_form=EmptyForm(),
                  can_manage=g.membership.role == Role.OWNER, status=status)


@bp.route("/<store>/staff")
@store_roles(Role.OWNER, Role.MANAGER)
def staff():
    return _staff_page()


@bp.route("/<store>/staff/invite", methods=["POST"])
@store_roles(Role.OWNER)
def invite():
    form = InviteForm()
    if form.validate_on_submit():
        try:
            stores.invite_staff(g.store_obj, email=form.email.data, role=Role(form.role.data), actor=current_user)
        except StoreError as exc:
            db.session.rollback()
            getattr(form, exc.field or "email").errors.append(str(exc.message))
            return _staff_page(form, 422)
        db.session.commit()
        flash(_("Invitation sent to %(email)s.", email=form.email.data.strip().lower()), "success")
        return see_other(url_for(".staff"))
    return _staff_page(form, form_status(form))


def _membership_or_404(membership_id: int) -> Membership:
    membership = db.session.scalar(select(Membership).where(Membership.id == membership_id))
    if membership is None:
        abort(404)
    return membership


@bp.route("/<store>/staff/<int:membership_id>/role", methods=["POST"])
@store_roles(Role.OWNER)
def change_role(membership_id: int):
    membership = _membership_or_404(membership_id)
    form = RoleForm(prefix=f"m{membership.id}")
    if form.validate_on_submit():
        try:
            stores.change_member_role(membership, role=Role(form.role.data))
        except StoreError as exc:
            db.session.rollback()
            flash(str(exc.message), "error")
            return _staff_page(status=422)
        db.session.commit()
        flash(_("Role updated."), "success")
        return see_other(url_for(".staff"))
    flash(_("Choose one of the options."), "error")
    return _staff_page(status=422)


@bp.route("/<store>/staff/<int:membership_id>/remove", methods=["POST"])
@store_roles(Role.OWNER)
def remove(membership_id: int):
    membership = _membership_or_404(membership_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        stores.remove_member(membership)
    except StoreError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return _staff_page(status=422)
    db.session.commit()
    flash(_("Removed from the store's staff."), "success")
    return see_other(url_for(".staff"))


@bp.route("/<store>/invitations/<int:invitation_id>/revoke", methods=["POST"])
@store_roles(Role.OWNER)
def revoke(invitation_id: int):
    invitation = db.session.scalar(select(Invitation).where(Invitation.id == invitation_id))
    if invitation is None:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    stores.revoke_invitation(invitation)
    db.session.commit()
    flash(_("Invitation withdrawn."), "success")
    return see_other(url_for(".staff"))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str):
    try:
        invitation = stores.invitation_for_token(token)
    except AccountError as exc:
        return render("account/token_problem.html", message=str(exc.message), status=400)
    from app.tenancy.models import Store

    store = db.session.get(Store, invitation.store_id)
    existing = accounts.get_user_by_email(invitation.email)
    join_form = JoinForm() if existing is None else None
    button = EmptyForm()
    if request.method == "POST":
        if existing is None:
            if join_form.validate_on_submit():
                try:
                    user = accounts.create_user(email=invitation.email, password=join_form.password.data,
                                                name=join_form.name.data, staff=True, verified=True)
                    stores.accept_invitation(invitation, user)
                except (AccountError, StoreError) as exc:
                    db.session.rollback()
                    join_form.password.errors.append(str(exc.message))
                    return render("console/invitation.html", invitation=invitation, store_obj=store,
                                  join_form=join_form, button=button, existing=existing, status=422)
                db.session.commit()
                start_session(user)
                flash(_("Welcome to %(store)s.", store=store.name), "success")
                return see_other(url_for(".home", store=store.slug))
            return render("console/invitation.html", invitation=invitation, store_obj=store,
                          join_form=join_form, button=button, existing=existing, status=422)
        if not current_user.is_authenticated:
            return redirect(sign_in_url(request.path))
        if not button.validate_on_submit():
            abort(400)
        try:
            stores.accept_invitation(invitation, current_user)
        except AccountError as exc:
            db.session.rollback()
            return render("account/token_problem.html", message=str(exc.message), status=403)
        db.session.commit()
        flash(_("Welcome to %(store)s.", store=store.name), "success")
        return see_other(url_for(".home", store=store.slug))
    return render("console/invitation.html", invitation=invitation, store_obj=store, join_form=join_form,
                  button=button, existing=existing)


# --- categories the store sells in ------------------------------------------------

class CategoryApplicationForm(FlaskForm):
    category_id = ChoiceField(_l("Category"), coerce=str)
    note = TextAreaField(_l("Note for the platform (optional)"),
                         validators=[Optional(), Length(max=1000, message=_l("Use at most %(max)d characters."))])


def _category_state():
    """The tree, this store's applications, and the categories it may apply for."""
    from app.catalog import services as catalog
    from app.catalog.models import ApplicationState, StoreCategory

    applications = {a.category_id: a for a in db.session.scalars(select(StoreCategory))}
    tree = catalog.category_tree()
    open_to_apply = [(str(n.category.id), "— " * n.depth + n.category.name) for n in tree
                     if n.category.id not in applications
                     or applications[n.category.id].state == ApplicationState.REJECTED]
    return tree, applications, open_to_apply


def _categories_page(form=None, status=200, state=None):
    from app.catalog import services as catalog

    tree, applications, open_to_apply = state or _category_state()
    form = form or CategoryApplicationForm()
    form.category_id.choices = open_to_apply
    return render("console/categories.html", tree=tree, applications=applications, form=form,
                  can_apply=g.membership.role in (Role.OWNER, Role.MANAGER) and bool(open_to_apply),
                  localized_name=catalog.localized_name, status=status)


@bp.route("/<store>/categories")
@store_roles()
def categories():
    return _categories_page()


@bp.route("/<store>/categories/apply", methods=["POST"])
@store_roles(Role.OWNER, Role.MANAGER)
def apply_category():
    from app.catalog import services as catalog

    form = CategoryApplicationForm()
    state = _category_state()
    form.category_id.choices = state[2]
    if form.validate_on_submit():
        try:
            catalog.apply_for_category(store_id=g.store.id, category_id=int(form.category_id.data),
                                       note=form.note.data, actor_id=current_user.id)
        except catalog.CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, "category_id")
            return _categories_page(form, 422)
        db.session.commit()
        flash(_("Application sent. The platform will review it."), "success")
        return see_other(url_for(".categories"))
    return _categories_page(form, form_status(form), state)


@bp.route("/robots.txt")
@public
def robots():
    """Staff surfaces are never indexed."""
    from flask import current_app

    return current_app.response_class("User-agent: *\nDisallow: /\n", mimetype="text/plain")


from app.web.console import banners as _banners  # noqa: E402,F401
from app.web.console import catalog_extras as _catalog_extras  # noqa: E402,F401
from app.web.console import collections as _collections  # noqa: E402,F401
from app.web.console import csv_io as _csv_io  # noqa: E402,F401
from app.web.console import images as _images  # noqa: E402,F401
from app.web.console import options as _options  # noqa: E402,F401
from app.web.console import products as _products  # noqa: E402,F401  (registers the product views)
