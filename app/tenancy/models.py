"""Stores, their domains, staff memberships and invitations."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.time import UTCDateTime, utcnow
from app.core.types import str_enum
from app.extensions import db
from app.tenancy.scope import StoreOwned


class StoreType(enum.StrEnum):
    SELF_OPERATED = "self_operated"
    THIRD_PARTY = "third_party"


class StoreStatus(enum.StrEnum):
    SETUP = "setup"
    OPEN = "open"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class Role(enum.StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    STAFF = "staff"


class DomainState(enum.StrEnum):
    PENDING_DNS = "pending_dns"
    VERIFIED = "verified"
    ACTIVE = "active"
    FAILED = "failed"
    REMOVED = "removed"


class Store(db.Model):
    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    type: Mapped[StoreType] = mapped_column(str_enum(StoreType, "store_type"), nullable=False)
    status: Mapped[StoreStatus] = mapped_column(
        str_enum(StoreStatus, "store_status"), nullable=False, default=StoreStatus.SETUP
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expiry_notice_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    country: Mapped[str] = mapped_column(String(2), nullable=False)
    time_zone: Mapped[str] = mapped_column(String(64), nullable=False, default="UTC")
    default_locale: Mapped[str] = mapped_column(String(10), nullable=False, default="en")
    base_currency: Mapped[str] = mapped_column(String(3), nullable=False, default="USD")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(back_populates="store", lazy="raise_on_sql")

    def is_expired(self, now: datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or utcnow())

    def is_serving(self, now: datetime | None = None) -> bool:
        """True when shoppers may see the storefront."""
        return self.status == StoreStatus.OPEN and not self.is_expired(now)

    def __repr__(self) -> str:
        return f"<Store {self.slug}>"


class Domain(StoreOwned, db.Model):
    """A custom host name for a store's storefront. Served only while active."""

    __tablename__ = "domains"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hostname: Mapped[str] = mapped_column(String(253), unique=True, nullable=False)
    state: Mapped[DomainState] = mapped_column(
        str_enum(DomainState, "domain_state"), nullable=False, default=DomainState.PENDING_DNS
    )
    is_primary: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    verification_token: Mapped[str] = mapped_column(String(64), nullable=False)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class Membership(StoreOwned, db.Model):
    """A user's role in one store."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("store_id", "user_id", name="uq_membership_store_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    role: Mapped[Role] = mapped_column(str_enum(Role, "member_role"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    store: Mapped[Store] = relationship(back_populates="memberships", lazy="joined")
    user: Mapped[User] = relationship(lazy="joined")  # noqa: F821


class Invitation(StoreOwned, db.Model):
    """An emailed invitation to join a store's staff with a role."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), nullable=False, index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "invitation_role"), nullable=False)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class StoreEvent(StoreOwned, db.Model):
    """What happened to a store's status, by whom and why (an audit trail)."""

    __tablename__ = "store_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


from app.accounts.models import User  # noqa: E402,F401  (relationship target)
