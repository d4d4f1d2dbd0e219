"""Account operations. They flush but never commit; the caller commits, and
emails go out after that commit."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.accounts import throttle, tokens
from app.accounts.auth import end_other_sessions
from app.accounts.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidToken,
    PasswordTooShort,
    TooManyAttempts,
    WrongPassword,
)
from app.accounts.models import DUMMY_HASH, User
from app.core.time import utcnow
from app.extensions import db
from app.jobs import enqueue

SHOPPER_MIN_PASSWORD = 8
STAFF_MIN_PASSWORD = 12
MAX_PASSWORD = 128


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def is_staff(user: User) -> bool:
    """Platform staff, or a member of any store: held to the staff password length."""
    from app.tenancy.models import Membership

    if user.platform_role is not None:
        return True
    return db.session.scalar(
        select(func.count()).select_from(Membership).where(Membership.user_id == user.id)
        .execution_options(all_stores=True)
    ) > 0


def check_password_policy(password: str, *, staff: bool) -> None:
    minimum = STAFF_MIN_PASSWORD if staff else SHOPPER_MIN_PASSWORD
    if len(password or "") < minimum:
        if staff:
            raise PasswordTooShort(_l("Staff passwords must be at least %(n)d characters long.", n=minimum))
        raise PasswordTooShort(_l("Use at least %(n)d characters for your password.", n=minimum))
    if len(password) > MAX_PASSWORD:
        raise PasswordTooShort(_l("Use at most %(n)d characters for your password.", n=MAX_PASSWORD))


def create_user(*, email: str, password: str, name: str = "", locale: str | None = None,
                currency: str | None = None, staff: bool = False, verified: bool = False) -> User:
    """Create an account. Raises EmailTaken or PasswordTooShort."""
    email = normalise_email(email)
    if get_user_by_email(email) is not None:
        raise EmailTaken()
    check_password_policy(password, staff=staff)
    user = User(email=email, name=(name or "").strip(), preferred_locale=locale, preferred_currency=currency)
    user.set_password(password)
    if verified:
        user.email_verified_at = utcnow()
    db.session.add(user)
    db.session.flush()
    return user


def sign_up(*, email: str, password: str, name: str = "", locale: str | None = None,
            store_id: int | None = None) -> User:
    """A shopper signs up: the account, then (after commit) a welcome email
    carrying the verification link, sent from the store they signed up on."""
    user = create_user(email=email, password=password, name=name, locale=locale)
    enqueue("emails", "app.jobs.emails.send_welcome", user.id, store_id or 0)
    return user


def authenticate(*, email: str, password: str, ip: str) -> User:
    """Check credentials with throttling. The same error for an unknown account
    and a wrong password, and the same hashing work for both."""
    email = normalise_email(email)
    if throttle.is_blocked(email, ip):
        raise TooManyAttempts()
    user = get_user_by_email(email)
    if user is None or not user.is_active:
        from werkzeug.security import check_password_hash

        check_password_hash(DUMMY_HASH, password or "")
        throttle.record_failure(email, ip)
        raise InvalidCredentials()
    if not user.check_password(password or ""):
        throttle.record_failure(email, ip)
        raise InvalidCredentials()
    throttle.clear_account(email)
    user.last_sign_in_at = utcnow()
    return user


def request_password_reset(*, email: str, surface: str, store_id: int | None = None) -> None:
    """Email a reset link if the account exists; say nothing either way."""
    user = get_user_by_email(email)
    if user is not None and user.is_active:
        enqueue("emails", "app.jobs.emails.send_password_reset", user.id, surface, store_id or 0)


def reset_token_for(user: User) -> str:
    return tokens.make_token(tokens.RESET, {"u": user.id, "h": tokens.fingerprint(user.password_hash)})


def user_for_reset_token(token: str) -> User:
    data = tokens.read_token(tokens.RESET, token, current_app.config["PASSWORD_RESET_MAX_AGE"])
    user = db.session.get(User, data.get("u"))
    if user is None or tokens.fingerprint(user.password_hash) != data.get("h"):
        raise InvalidToken()
    return user


def reset_password(*, token: str, password: str) -> User:
    """Set a new password from an emailed token; the token works once."""
    user = user_for_reset_token(token)
    check_password_policy(password, staff=is_staff(user))
    user.set_password(password)
    end_other_sessions(user)  # whoever knew the old password is signed out
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()  # they proved they read this inbox
    return user


def verification_token_for(user: User) -> str:
    return tokens.make_token(tokens.VERIFY, {"u": user.id, "e": tokens.fingerprint(user.email)})


def verify_email(*, token: str) -> User:
    data = tokens.read_token(tokens.VERIFY, token, current_app.config["EMAIL_VERIFY_MAX_AGE"])
    user = db.session.get(User, data.get("u"))
    if user is None or tokens.fingerprint(user.email) != data.get("e") or user.email_verified_at is not None:
        raise InvalidToken()
    user.email_verified_at = utcnow()
    return user


def resend_verification(user: User, *, store_id: int | None = None) -> None:
    if user.email_verified_at is None:
        enqueue("emails", "app.jobs.emails.send_verification", user.id, store_id or 0)


def change_password(user: User, *, current_password: str, new_password: str,
                    keep_session: int | None = None) -> None:
    """Change the password; every other session of the user ends."""
    if not user.check_password(current_password or ""):
        raise WrongPassword()
    check_password_policy(new_password, staff=is_staff(user))
    user.set_password(new_password)
    end_other_sessions(user, keep=keep_session)


def sign_out_everywhere(user: User) -> None:
    """End every session of the user, this one included."""
    end_other_sessions(user)


def update_profile(user: User, *, name: str, locale: str | None, currency: str | None) -> None:
    user.name = (name or "").strip()
    user.preferred_locale = locale or None
    user.preferred_currency = currency or None
