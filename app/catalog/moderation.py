"""Product moderation: the platform approves a product, rejects it with a
reason, or takes a live one down with a reason. They flush, never commit.

Which products wait for review is decided when they are saved
(``app.catalog.products.initial_moderation``: new products of third-party
stores while the ``moderate_third_party_products`` setting is on; any product
edited after a rejection or take-down). Turning the setting off approves
nothing by itself: products already waiting stay in the queue.

Every decision is written to the store's history (``StoreEvent``) with the
product's name and the reason, and who decided it.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.catalog.models import ModerationState, Product
from app.catalog.services import CatalogError
from app.core.time import utcnow
from app.extensions import db
from app.tenancy.models import StoreEvent
from app.tenancy.scope import store_scope

MAX_REASON = 1000

# StoreEvent.action values written by the decisions below.
EVENT_ACTIONS = {
    ModerationState.APPROVED: "product_approved",
    ModerationState.REJECTED: "product_rejected",
    ModerationState.TAKEN_DOWN: "product_taken_down",
}


def moderation_label(state) -> str:
    names = {
        ModerationState.PENDING.value: _l("Waiting for review"),
        ModerationState.APPROVED.value: _l("Approved"),
        ModerationState.REJECTED.value: _l("Rejected"),
        ModerationState.TAKEN_DOWN.value: _l("Taken down"),
    }
    value = getattr(state, "value", state)
    return str(names.get(value, value))


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CatalogError(_l("Give a reason; the store's staff will see it."), "reason")
    if len(reason) > MAX_REASON:
        raise CatalogError(_l("Use at most %(max)d characters.", max=MAX_REASON), "reason")
    return reason


def _decide(product: Product, state: ModerationState, reason: str | None, actor) -> Product:
    product.moderation = state
    product.moderation_reason = reason
    product.moderated_at = utcnow()
    summary = f"{product.name} (#{product.id})" + (f": {reason}" if reason else "")
    with store_scope(product.store_id):
        db.session.add(StoreEvent(store_id=product.store_id, action=EVENT_ACTIONS[state], reason=summary,
                                  actor_id=getattr(actor, "id", None)))
        db.session.flush()
    return product


def approve(product: Product, actor) -> Product:
    """Let shoppers see the product (from the queue, or reversing an earlier
    rejection or take-down)."""
    if product.moderation == ModerationState.APPROVED:
        raise CatalogError(_l("This product is already approved."))
    return _decide(product, ModerationState.APPROVED, None, actor)


def reject(product: Product, actor, reason: str | None) -> Product:
    """Refuse a product waiting for review; the merchant sees the reason and
    may edit the product to send it again."""
    if product.moderation != ModerationState.PENDING:
        raise CatalogError(_l("Only a product waiting for review can be rejected. Take a live product down instead."))
    return _decide(product, ModerationState.REJECTED, _reason(reason), actor)


def take_down(product: Product, actor, reason: str | None) -> Product:
    """Remove a live (approved) product from sale; the merchant sees the reason."""
    if product.moderation != ModerationState.APPROVED:
        raise CatalogError(_l("Only an approved product can be taken down."))
    return _decide(product, ModerationState.TAKEN_DOWN, _reason(reason), actor)


# --- reading (across stores: the caller is in the admin's all-stores scope) -------------

def state_counts() -> dict[ModerationState, int]:
    rows = dict(db.session.execute(select(Product.moderation, func.count()).group_by(Product.moderation)).all())
    return {state: rows.get(state, 0) for state in ModerationState}


def products_in(state: ModerationState, *, offset: int = 0, limit: int = 50) -> list[Product]:
    """Products in one moderation state: the waiting ones oldest first, the
    decided ones most recently decided first."""
    stmt = select(Product).where(Product.moderation == state)
    if state == ModerationState.PENDING:
        stmt = stmt.order_by(Product.created_at, Product.id)
    else:
        stmt = stmt.order_by(func.coalesce(Product.moderated_at, Product.created_at).desc(), Product.id.desc())
    return list(db.session.scalars(stmt.offset(offset).limit(limit)))
