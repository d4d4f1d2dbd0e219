"""Sessions: Flask-Login over Flask's signed cookie, one cookie per host.

The login id is ``<user id>:<session token>``; rotating the token (password
change, "sign out everywhere") makes every older cookie sign nobody in.
"""

from __future__ import annotations

import hmac

from flask import Flask, abort, g, redirect, request, session, url_for
from flask_login import LoginManager, login_user, logout_user

from app.accounts.models import User
from app.extensions import db


def load_user(login_id: str) -> User | None:
    user_id, _, token = (login_id or "").partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or not hmac.compare_digest(user.session_token, token):
        return None
    return user


def start_session(user: User) -> None:
    """Sign in with a brand-new session (no fixation across sign-in)."""
    session.clear()
    login_user(user, remember=False)
    session.permanent = True


def end_session() -> None:
    logout_user()
    session.clear()


def sign_in_url(next_url: str | None = None) -> str:
    surface = getattr(g, "surface", None)
    if surface in ("mall", "storefront"):
        return url_for(f"{surface}.account.sign_in", next=next_url)
    if surface in ("console", "admin"):
        return url_for(f"{surface}.auth.sign_in", next=next_url)
    abort(404)


def _unauthorized():
    return redirect(sign_in_url(request.full_path if request.query_string else request.path))


def init_app(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.user_loader(load_user)
    manager.unauthorized_handler(_unauthorized)
    manager.session_protection = None  # the rotating session token does this job
