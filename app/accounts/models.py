"""One identity across the platform: a shopper everywhere, staff where a
membership or a platform role says so."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.core.time import UTCDateTime, utcnow
from app.core.types import str_enum
from app.extensions import db

PASSWORD_METHOD = "scrypt"


class PlatformRole(enum.StrEnum):
    ADMIN = "admin"
    OPERATIONS = "operations"
    FINANCE = "finance"
    SUPPORT = "support"


class User(db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    preferred_locale: Mapped[str | None] = mapped_column(String(10))
    preferred_currency: Mapped[str | None] = mapped_column(String(3))
    platform_role: Mapped[PlatformRole | None] = mapped_column(
        str_enum(PlatformRole, "platform_role")
    )
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # Flask-Login protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    # Set by the auth layer: "<session id>:<secret>" of the signed-in session.
    login_id = None  # str | None; not a column

    def get_id(self) -> str:
        if not self.login_id:
            raise RuntimeError("sign users in with app.accounts.auth.start_session")
        return self.login_id

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method=PASSWORD_METHOD)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def display_name(self) -> str:
        return self.name or self.email.split("@", 1)[0]

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class UserSession(db.Model):
    """One signed-in browser. The cookie holds its id and a secret whose hash is
    stored here; deleting the row signs that browser out, even if someone kept
    a copy of the cookie."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    secret_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    surface: Mapped[str] = mapped_column(String(20), nullable=False)
    user_agent: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    user: Mapped[User] = relationship(lazy="joined")


# A hash of a random password, for timing-equal checks against unknown accounts.
DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16), method=PASSWORD_METHOD)
