"""Sessions: Flask-Login over Flask's signed cookie, one cookie per host.

Each sign-in creates a ``UserSession`` row; the cookie's login id is
``<row id>:<secret>`` and only the secret's hash is stored. Signing out deletes
the row, so a copied cookie stops working; "sign out everywhere" and a password
change delete the user's other rows.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import Flask, abort, g, redirect, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user
from sqlalchemy import delete

from app.accounts.models import User, UserSession
from app.extensions import db


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def load_user(login_id: str) -> User | None:
    sid, _, secret = (login_id or "").partition(":")
    if not sid.isdigit() or not secret:
        return None
    row = db.session.get(UserSession, int(sid))
    if row is None or not hmac.compare_digest(row.secret_hash, _hash(secret)):
        return None
    user = row.user
    if not user.is_active:
        return None
    user.login_id = login_id
    return user


def current_session_id() -> int | None:
    login_id = getattr(current_user, "login_id", None) if current_user.is_authenticated else None
    return int(login_id.split(":", 1)[0]) if login_id else None


def start_session(user: User) -> None:
    """Sign in with a brand-new session (no fixation across sign-in)."""
    session.clear()
    secret = secrets.token_urlsafe(24)
    row = UserSession(user_id=user.id, secret_hash=_hash(secret), surface=getattr(g, "surface", "") or "",
                      user_agent=(request.user_agent.string or "")[:200])
    db.session.add(row)
    db.session.commit()
    user.login_id = f"{row.id}:{secret}"
    login_user(user, remember=False)
    session.permanent = True


def end_session() -> None:
    """Sign this browser out: its session row goes, and the cookie is emptied."""
    sid = current_session_id()
    if sid is not None:
        db.session.execute(delete(UserSession).where(UserSession.id == sid))
        db.session.commit()
    logout_user()
    session.clear()


def end_other_sessions(user: User, *, keep: int | None = None) -> None:
    """Delete the user's sessions (all, or all but ``keep``). Caller commits."""
    stmt = delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep)
    db.session.execute(stmt)


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
    manager.session_protection = None  # the per-session row does this job
