"""Email jobs (queue ``emails``). Each takes ids, loads what it needs, renders
in the recipient's language and sends. Links are built from stored data."""

from __future__ import annotations

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from app.accounts import services as accounts
from app.accounts.models import User
from app.extensions import db
from app.i18n.locales import text_direction, to_babel, to_url
from app.notifications.mail import build_message, send_message
from app.tenancy.hosts import external_url
from app.tenancy.models import Invitation, Store


def _store(store_id: int | None) -> Store | None:
    return db.session.get(Store, store_id) if store_id else None


def _send(to: str, url_locale: str, template: str, subject: str, **context) -> None:
    from flask import render_template

    context.update(platform_name=current_app.config["PLATFORM_NAME"], text_dir=text_direction(url_locale),
                   html_lang=url_locale)
    text = render_template(f"emails/{template}.txt", **context)
    html = render_template(f"emails/{template}.html", **context)
    send_message(build_message(to=to, subject=subject, text=text, html=html))


def _user_locale(user: User, store: Store | None = None) -> str:
    return to_url(user.preferred_locale) or (store.default_locale if store else None) or "en"


def _shop_link(endpoint: str, store: Store | None, locale: str, **values) -> str:
    if store is not None and store.is_serving():
        return external_url("storefront", f"storefront.{endpoint}", store_slug=store.slug, locale=locale, **values)
    return external_url("mall", f"mall.{endpoint}", locale=locale, **values)


def send_welcome(user_id: int, store_id: int = 0) -> None:
    user = db.session.get(User, user_id)
    if user is None:
        return
    store = _store(store_id)
    locale = _user_locale(user, store)
    with force_locale(to_babel(locale)):
        verify_url = _shop_link("account.verify", store, locale, token=accounts.verification_token_for(user)) \
            if user.email_verified_at is None else None
        shop_name = store.name if store else current_app.config["PLATFORM_NAME"]
        _send(user.email, locale, "welcome", _("Welcome to %(name)s", name=shop_name),
              user=user, shop_name=shop_name, verify_url=verify_url)


def send_verification(user_id: int, store_id: int = 0) -> None:
    user = db.session.get(User, user_id)
    if user is None or user.email_verified_at is not None:
        return
    store = _store(store_id)
    locale = _user_locale(user, store)
    with force_locale(to_babel(locale)):
        url = _shop_link("account.verify", store, locale, token=accounts.verification_token_for(user))
        _send(user.email, locale, "verify", _("Confirm your email address"), user=user, verify_url=url)


def send_password_reset(user_id: int, surface: str, store_id: int = 0) -> None:
    user = db.session.get(User, user_id)
    if user is None:
        return
    store = _store(store_id)
    locale = _user_locale(user, store)
    token = accounts.reset_token_for(user)
    with force_locale(to_babel(locale)):
        if surface in ("console", "admin"):
            url = external_url(surface, f"{surface}.auth.reset_password", token=token)
        else:
            url = _shop_link("account.reset_password", store if surface == "storefront" else None, locale, token=token)
        _send(user.email, locale, "password_reset", _("Reset your password"), user=user, reset_url=url,
              hours=current_app.config["PASSWORD_RESET_MAX_AGE"] // 3600)


def send_invitation(invitation_id: int) -> None:
    from app.tenancy.services import invitation_token

    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not invitation.is_pending:
        return
    store = db.session.get(Store, invitation.store_id)
    inviter = db.session.get(User, invitation.invited_by_id) if invitation.invited_by_id else None
    invitee = accounts.get_user_by_email(invitation.email)
    locale = (to_url(invitee.preferred_locale) if invitee else None) or store.default_locale
    with force_locale(to_babel(locale)):
        url = external_url("console", "console.accept_invitation", token=invitation_token(invitation))
        _send(invitation.email, locale, "invitation", _("You are invited to %(store)s", store=store.name),
              store=store, inviter=inviter, role=invitation.role.value, accept_url=url,
              days=current_app.config["INVITATION_MAX_AGE"] // 86400)


def send_store_created(store_id: int, owner_id: int) -> None:
    store = db.session.get(Store, store_id)
    owner = db.session.get(User, owner_id)
    if store is None or owner is None:
        return
    locale = _user_locale(owner, store)
    with force_locale(to_babel(locale)):
        url = external_url("console", "console.home", store=store.slug)
        _send(owner.email, locale, "store_created", _("Your store %(store)s is ready to set up", store=store.name),
              store=store, user=owner, console_url=url)


def send_expiry_notice(store_id: int, owner_id: int) -> None:
    store = db.session.get(Store, store_id)
    owner = db.session.get(User, owner_id)
    if store is None or owner is None or store.expires_at is None:
        return
    locale = _user_locale(owner, store)
    with force_locale(to_babel(locale)):
        from flask_babel import format_date

        url = external_url("console", "console.home", store=store.slug)
        _send(owner.email, locale, "store_expiring", _("%(store)s expires soon", store=store.name),
              store=store, user=owner, console_url=url, expires=format_date(store.expires_at, "long"))
