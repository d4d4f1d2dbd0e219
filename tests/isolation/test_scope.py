"""Tenant scoping at the ORM level: a query written with no filter at all
still cannot see or write another store's rows."""

import pytest
from sqlalchemy import delete, func, select, update

from app.extensions import db
from app.tenancy.models import Invitation, Membership, Role
from app.tenancy.scope import TenantScopeError, all_stores, store_scope
from tests.factories import add_member, make_store, make_user


@pytest.fixture
def two_stores():
    a, b = make_store("alpha"), make_store("bravo")
    ua, ub = make_user("a@example.com"), make_user("b@example.com")
    add_member(a, ua, Role.OWNER)
    add_member(b, ub, Role.OWNER)
    return a, b


def test_unfiltered_select_sees_only_the_current_store(two_stores):
    a, b = two_stores
    with store_scope(a.id):
        rows = db.session.scalars(select(Membership)).all()
        assert {m.store_id for m in rows} == {a.id}
        assert db.session.scalar(select(func.count()).select_from(Membership)) == 1
    with store_scope(b.id):
        assert {m.store_id for m in db.session.scalars(select(Membership))} == {b.id}


def test_get_by_primary_key_of_another_store_returns_nothing(two_stores):
    a, b = two_stores
    a_id = a.id
    with all_stores():
        b_member_id = db.session.scalar(select(Membership.id).where(Membership.store_id == b.id))
    db.session.expunge_all()  # no identity-map shortcut
    with store_scope(a_id):
        assert db.session.get(Membership, b_member_id) is None
        assert db.session.scalar(select(Membership).where(Membership.id == b_member_id)) is None


def test_joins_and_subqueries_are_filtered_too(two_stores):
    from app.accounts.models import User

    a, b = two_stores
    with store_scope(a.id):
        emails = db.session.scalars(select(User.email).join(Membership, Membership.user_id == User.id)).all()
        assert emails == ["a@example.com"]
        sub = select(Membership.user_id).scalar_subquery()
        assert db.session.scalars(select(User.email).where(User.id.in_(select(Membership.user_id)))).all() == [
            "a@example.com"]
        del sub


def test_bulk_update_and_delete_cannot_reach_another_store(two_stores):
    a, b = two_stores
    with store_scope(a.id):
        db.session.execute(update(Membership).values(role=Role.STAFF))
        db.session.execute(delete(Invitation))
        db.session.commit()
    with all_stores():
        roles = dict(db.session.execute(select(Membership.store_id, Membership.role)).all())
    assert roles[a.id] == Role.STAFF
    assert roles[b.id] == Role.OWNER


def test_insert_is_stamped_with_the_current_store(two_stores):
    a, _b = two_stores
    with store_scope(a.id):
        invitation = Invitation(email="new@example.com", role=Role.STAFF)
        db.session.add(invitation)
        db.session.commit()
        assert invitation.store_id == a.id


def test_writing_a_row_for_another_store_is_refused(two_stores):
    a, b = two_stores
    with store_scope(a.id):
        db.session.add(Invitation(store_id=b.id, email="x@example.com", role=Role.STAFF))
        with pytest.raises(TenantScopeError):
            db.session.flush()
        db.session.rollback()
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(Invitation)) == 0


def test_no_scope_fails_closed(two_stores):
    with pytest.raises(TenantScopeError):
        db.session.scalars(select(Membership)).all()


def test_explicit_opt_out_reads_every_store(two_stores):
    a, b = two_stores
    with all_stores():
        assert db.session.scalar(select(func.count()).select_from(Membership)) == 2
    rows = db.session.scalars(select(Membership).execution_options(all_stores=True)).all()
    assert {m.store_id for m in rows} == {a.id, b.id}
