"""Account pages.

``shopper_bp`` is nested in the shopper blueprint (mall and storefronts, under
``/<locale>/account/``); ``staff_bp`` serves the console and admin hosts at
their root (``/sign-in``, ``/account`` ...). Both use the same services.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from app.accounts import services as accounts
from app.accounts.auth import current_session_id, end_session, start_session
from app.accounts.errors import AccountError, PasswordTooShort, TooManyAttempts
from app.extensions import db
from app.web.access import public, signed_in
from app.web.account.forms import (
    ChangePasswordForm,
    LanguageForm,
    ProfileForm,
    ResetPasswordForm,
    ResetRequestForm,
    SignInForm,
    SignUpForm,
)
from app.web.fields import add_error
from app.web.rendering import form_status, render, see_other

shopper_bp = Blueprint("account", __name__)
staff_bp = Blueprint("auth", __name__)


def safe_next(target: str | None, default: str) -> str:
    """Only same-host, absolute-path redirects (no open redirect)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def client_ip() -> str:
    return request.remote_addr or "unknown"


def _is_staff_surface() -> bool:
    return g.surface in ("console", "admin")


def _home_after_sign_in() -> str:
    if g.surface == "console":
        return url_for("console.stores")
    if g.surface == "admin":
        return url_for("admin.home")
    return url_for(".home")


def _store_id() -> int | None:
    return g.store.id if getattr(g, "store", None) is not None else None


# --- sign in / out --------------------------------------------------------

def sign_in():
    form = SignInForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(email=form.email.data, password=form.password.data, ip=client_ip())
        except AccountError as exc:
            status = 429 if isinstance(exc, TooManyAttempts) else 422
            form.form_errors.append(str(exc.message))
            return render("account/sign_in.html", "account/_sign_in_form.html", form=form, status=status)
        if g.surface == "admin" and user.platform_role is None:
            form.form_errors.append(_("This account has no access to the platform admin."))
            return render("account/sign_in.html", "account/_sign_in_form.html", form=form, status=403)
        if _is_staff_surface() and len(form.password.data) < accounts.STAFF_MIN_PASSWORD:
            form.form_errors.append(_("Staff passwords must be at least %(n)d characters long. Reset your password to continue.",
                                      n=accounts.STAFF_MIN_PASSWORD))
            return render("account/sign_in.html", "account/_sign_in_form.html", form=form, status=403)
        db.session.commit()
        start_session(user)
        flash(_("Welcome back, %(name)s.", name=user.display_name), "success")
        return see_other(safe_next(form.next.data, _home_after_sign_in()))
    return render("account/sign_in.html", "account/_sign_in_form.html", form=form, status=form_status(form))


def sign_out():
    end_session()
    flash(_("You are signed out."), "info")
    if _is_staff_surface():
        return see_other(url_for(".sign_in"))
    return see_other(url_for(g.surface + ".home"))


# --- password reset ---------------------------------------------------------

def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        accounts.request_password_reset(email=form.email.data, surface=g.surface, store_id=_store_id())
        db.session.commit()
        return render("account/reset_sent.html", email=form.email.data)
    return render("account/reset_request.html", "account/_reset_request_form.html", form=form,
                  status=form_status(form))


def reset_password(token: str):
    try:
        user = accounts.user_for_reset_token(token)
    except AccountError as exc:
        return render("account/token_problem.html", message=str(exc.message), status=400)
    form = ResetPasswordForm()
    staff = accounts.is_staff(user)
    if form.validate_on_submit():
        try:
            accounts.reset_password(token=token, password=form.password.data)
        except AccountError as exc:
            add_error(form, exc.message, exc.field)
            if isinstance(exc, PasswordTooShort):
                form.password.errors = [str(exc.message)]
            db.session.rollback()
            return render("account/reset_password.html", form=form, staff=staff, status=422)
        db.session.commit()
        flash(_("Your password is changed. Sign in with the new one."), "success")
        return see_other(url_for(".sign_in"))
    return render("account/reset_password.html", form=form, staff=staff, status=form_status(form))


# --- own account (shared by both kinds) -----------------------------------

def _account_page(**extra):
    profile = extra.pop("profile_form", None) or ProfileForm(
        obj=None, name=current_user.name, locale=current_user.preferred_locale or "",
        currency=current_user.preferred_currency or "")
    password = extra.pop("password_form", None) or ChangePasswordForm()
    status = extra.pop("status", 200)
    return render("account/profile.html", profile_form=profile, password_form=password,
                  staff_surface=_is_staff_surface(), status=status, **extra)


def profile():
    if request.method == "POST":
        form = ProfileForm()
        if form.validate_on_submit():
            currency = current_user.preferred_currency if _is_staff_surface() else form.currency.data
            accounts.update_profile(current_user, name=form.name.data, locale=form.locale.data, currency=currency)
            db.session.commit()
            flash(_("Your profile is saved."), "success")
            return see_other(url_for(".profile"))
        return _account_page(profile_form=form, status=422)
    return _account_page()


def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, current_password=form.current_password.data,
                                     new_password=form.new_password.data, keep_session=current_session_id())
        except AccountError as exc:
            db.session.rollback()
            if isinstance(exc, PasswordTooShort):
                form.new_password.errors = [str(exc.message)]
            else:
                add_error(form, exc.message, exc.field)
            return _account_page(password_form=form, status=422)
        db.session.commit()
        flash(_("Your password is changed. Other sessions have been signed out."), "success")
        return see_other(url_for(".profile"))
    return _account_page(password_form=form, status=form_status(form))


def sign_out_everywhere():
    accounts.sign_out_everywhere(current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are signed out on every device."), "info")
    return see_other(url_for(".sign_in"))


# --- shopper-only pages -------------------------------------------------------

@shopper_bp.route("/")
@login_required
def home():
    return render("account/home.html")


@shopper_bp.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for(".home"))
    form = SignUpForm()
    if form.validate_on_submit():
        try:
            user = accounts.sign_up(email=form.email.data, password=form.password.data, name=form.name.data,
                                    locale=g.url_locale, store_id=_store_id())
        except AccountError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return render("account/sign_up.html", "account/_sign_up_form.html", form=form, status=422)
        db.session.commit()
        start_session(user)
        flash(_("Welcome to %(store)s! We sent you an email to confirm your address.",
                store=g.store.name if g.store else _("Lintas")), "success")
        return see_other(url_for(".home"))
    return render("account/sign_up.html", "account/_sign_up_form.html", form=form, status=form_status(form))


@shopper_bp.route("/verify/<token>", methods=["GET", "POST"])
def verify(token: str):
    if request.method == "POST":
        try:
            accounts.verify_email(token=token)
        except AccountError as exc:
            db.session.rollback()
            return render("account/token_problem.html", message=str(exc.message), status=400)
        db.session.commit()
        flash(_("Your email address is confirmed."), "success")
        return see_other(url_for(".home") if current_user.is_authenticated else url_for(".sign_in"))
    return render("account/verify.html", token=token)


@shopper_bp.route("/verify", methods=["POST"])
@login_required
def resend_verification():
    accounts.resend_verification(current_user, store_id=_store_id())
    db.session.commit()
    flash(_("We sent you a new confirmation link."), "info")
    return see_other(url_for(".home"))


shopper_bp.add_url_rule("/sign-in", view_func=sign_in, methods=["GET", "POST"])
shopper_bp.add_url_rule("/sign-out", view_func=sign_out, methods=["POST"])
shopper_bp.add_url_rule("/reset", view_func=reset_request, methods=["GET", "POST"])
shopper_bp.add_url_rule("/reset/<token>", view_func=reset_password, methods=["GET", "POST"])
shopper_bp.add_url_rule("/profile", view_func=login_required(profile), methods=["GET", "POST"])
shopper_bp.add_url_rule("/password", view_func=login_required(change_password), methods=["POST"])
shopper_bp.add_url_rule("/sign-out-everywhere", view_func=login_required(sign_out_everywhere), methods=["POST"])


# --- staff hosts (console and admin) ------------------------------------------

def set_language():
    form = LanguageForm()
    if form.validate_on_submit():
        current_user.preferred_locale = form.locale.data
        db.session.commit()
        return see_other(safe_next(form.next.data, url_for(".profile")))
    abort(400)


staff_bp.add_url_rule("/sign-in", endpoint="sign_in", view_func=public(sign_in), methods=["GET", "POST"])
staff_bp.add_url_rule("/sign-out", endpoint="sign_out", view_func=public(sign_out), methods=["POST"])
staff_bp.add_url_rule("/reset", endpoint="reset_request", view_func=public(reset_request), methods=["GET", "POST"])
staff_bp.add_url_rule("/reset/<token>", endpoint="reset_password", view_func=public(reset_password),
                      methods=["GET", "POST"])
staff_bp.add_url_rule("/account", endpoint="profile", view_func=signed_in(profile), methods=["GET", "POST"])
staff_bp.add_url_rule("/account/password", endpoint="change_password", view_func=signed_in(change_password),
                      methods=["POST"])
staff_bp.add_url_rule("/account/sign-out-everywhere", endpoint="sign_out_everywhere",
                      view_func=signed_in(sign_out_everywhere), methods=["POST"])
staff_bp.add_url_rule("/locale", endpoint="set_language", view_func=signed_in(set_language), methods=["POST"])
