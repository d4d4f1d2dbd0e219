"""Store operations: creation, status changes, staff and invitations.

They flush but never commit; emails go out after the caller's commit."""

from __future__ import annotations

import secrets

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.accounts.models import User
from app.accounts.services import get_user_by_email, normalise_email
from app.accounts.tokens import INVITE, make_token, read_token
from app.core.time import utcnow
from app.extensions import db
from app.jobs import enqueue
from app.tenancy.errors import StoreError
from app.tenancy.hosts import slug_problem
from app.tenancy.models import Invitation, Membership, Role, Store, StoreEvent, StoreStatus, StoreType
from app.tenancy.resolver import clear_tenant_cache
from app.tenancy.scope import all_stores, store_scope

# action -> (statuses it may start from, status it leads to)
STATUS_ACTIONS: dict[str, tuple[frozenset[StoreStatus], StoreStatus]] = {
    "open": (frozenset({StoreStatus.SETUP}), StoreStatus.OPEN),
    "suspend": (frozenset({StoreStatus.SETUP, StoreStatus.OPEN}), StoreStatus.SUSPENDED),
    "reopen": (frozenset({StoreStatus.SUSPENDED, StoreStatus.CLOSED}), StoreStatus.OPEN),
    "close": (frozenset({StoreStatus.SETUP, StoreStatus.OPEN, StoreStatus.SUSPENDED}), StoreStatus.CLOSED),
}


def get_store_by_slug(slug: str) -> Store | None:
    return db.session.scalar(select(Store).where(Store.slug == slug))


def check_slug(slug: str) -> None:
    """Raise StoreError (on field ``slug``) when the slug cannot be used."""
    problem = slug_problem(slug)
    if problem == "malformed":
        raise StoreError(
            _l("Use 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit."), "slug")
    if problem == "reserved":
        raise StoreError(_l("This name is reserved. Choose another."), "slug")
    if get_store_by_slug(slug) is not None:
        raise StoreError(_l("This name is already taken. Choose another."), "slug")


def create_store(*, name: str, slug: str, type: StoreType, country: str, time_zone: str,
                 default_locale: str, base_currency: str, owner_email: str, actor: User | None) -> Store:
    """Create a store in ``setup``. The owner is the user with ``owner_email``
    if one exists (made owner at once and told by email), else invited."""
    slug = (slug or "").strip().lower()
    check_slug(slug)
    store = Store(name=name.strip(), slug=slug, type=type, country=country.upper(), time_zone=time_zone,
                  default_locale=default_locale, base_currency=base_currency.upper(), status=StoreStatus.SETUP)
    db.session.add(store)
    db.session.flush()
    with store_scope(store.id):
        db.session.add(StoreEvent(store_id=store.id, action="created", actor_id=actor.id if actor else None))
        owner = get_user_by_email(owner_email)
        if owner is not None:
            db.session.add(Membership(store_id=store.id, user_id=owner.id, role=Role.OWNER))
            db.session.flush()
            enqueue("emails", "app.jobs.emails.send_store_created", store.id, owner.id)
        else:
            invite_staff(store, email=owner_email, role=Role.OWNER, actor=actor)
    return store


def change_store_status(store: Store, *, action: str, reason: str | None, actor: User | None) -> Store:
    """Apply a status action, with its reason, to a store; logged, and the
    storefront follows within the tenant cache's TTL (at once in this process)."""
    if action not in STATUS_ACTIONS:
        raise StoreError(_l("Unknown action."))
    allowed_from, target = STATUS_ACTIONS[action]
    if store.status not in allowed_from:
        raise StoreError(_l("A store that is %(status)s cannot be changed this way.", status=status_label(store.status)))
    reason = (reason or "").strip()
    if action in ("suspend", "close") and not reason:
        raise StoreError(_l("Give a reason; the store's staff will see it."), "reason")
    store.status = target
    store.status_reason = reason or None
    with store_scope(store.id):
        db.session.add(StoreEvent(store_id=store.id, action=action, reason=reason or None,
                                  actor_id=actor.id if actor else None))
        db.session.flush()
    clear_tenant_cache()
    return store


def status_label(status: StoreStatus) -> str:
    labels = {
        StoreStatus.SETUP: _l("in set-up"),
        StoreStatus.OPEN: _l("open"),
        StoreStatus.SUSPENDED: _l("suspended"),
        StoreStatus.CLOSED: _l("closed"),
    }
    return str(labels[status])


# --- staff ----------------------------------------------------------------------

def invitation_token(invitation: Invitation) -> str:
    return make_token(INVITE, {"i": invitation.id, "e": invitation.email})


def invitation_for_token(token: str) -> Invitation:
    from app.accounts.errors import InvalidToken

    data = read_token(INVITE, token, current_app.config["INVITATION_MAX_AGE"])
    with all_stores():
        invitation = db.session.get(Invitation, data.get("i"))
    if invitation is None or invitation.email != data.get("e") or not invitation.is_pending:
        raise InvalidToken()
    return invitation


def invite_staff(store: Store, *, email: str, role: Role, actor: User | None) -> Invitation:
    """Invite someone by email to the store's staff (or re-send a pending invitation)."""
    email = normalise_email(email)
    with store_scope(store.id):
        existing_user = get_user_by_email(email)
        if existing_user is not None and db.session.scalar(
            select(Membership).where(Membership.user_id == existing_user.id)
        ):
            raise StoreError(_l("This person already works for this store."), "email")
        invitation = db.session.scalar(
            select(Invitation).where(Invitation.email == email, Invitation.accepted_at.is_(None),
                                     Invitation.revoked_at.is_(None))
        )
        if invitation is None:
            invitation = Invitation(store_id=store.id, email=email, role=role,
                                    invited_by_id=actor.id if actor else None)
            db.session.add(invitation)
        else:
            invitation.role = role
            invitation.created_at = utcnow()
        db.session.flush()
        enqueue("emails", "app.jobs.emails.send_invitation", invitation.id, store_id=store.id)
    return invitation


def accept_invitation(invitation: Invitation, user: User) -> Membership:
    """The invited person joins the store with the invited role."""
    from app.accounts.errors import InvalidToken

    if normalise_email(user.email) != invitation.email:
        raise InvalidToken(_l("This invitation was sent to another email address. Sign in with that address."))
    with store_scope(invitation.store_id):
        membership = db.session.scalar(select(Membership).where(Membership.user_id == user.id))
        if membership is None:
            membership = Membership(store_id=invitation.store_id, user_id=user.id, role=invitation.role)
            db.session.add(membership)
        invitation.accepted_at = utcnow()
        db.session.flush()
    return membership


def _owner_count(store_id: int) -> int:
    with store_scope(store_id):
        return db.session.scalar(select(func.count()).select_from(Membership).where(Membership.role == Role.OWNER))


def change_member_role(membership: Membership, *, role: Role) -> Membership:
    if membership.role == Role.OWNER and role != Role.OWNER and _owner_count(membership.store_id) <= 1:
        raise StoreError(_l("A store needs at least one owner. Make someone else owner first."), "role")
    membership.role = role
    db.session.flush()
    return membership


def remove_member(membership: Membership) -> None:
    if membership.role == Role.OWNER and _owner_count(membership.store_id) <= 1:
        raise StoreError(_l("A store needs at least one owner. Make someone else owner first."))
    db.session.delete(membership)
    db.session.flush()


def revoke_invitation(invitation: Invitation) -> None:
    if invitation.is_pending:
        invitation.revoked_at = utcnow()
        db.session.flush()


def memberships_of(user: User) -> list[Membership]:
    """Every store this user works for (a cross-store read for the switcher)."""
    return list(db.session.scalars(
        select(Membership).where(Membership.user_id == user.id).join(Store, Membership.store_id == Store.id)
        .order_by(Store.name).execution_options(all_stores=True)
    ))


def new_domain_token() -> str:
    return secrets.token_hex(16)
