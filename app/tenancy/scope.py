"""Tenant scoping: every ORM query on a store-owned table is filtered by the
current store, and every insert is stamped with it.

The current scope is one of:
- a store id: queries see that store's rows only; inserts get its id;
- ALL_STORES: an explicit cross-store read (mall, admin, settlement, jobs);
- unset: a store-owned query fails closed with TenantScopeError.

A single query can opt out with ``.execution_options(all_stores=True)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import ForeignKey, event
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, declared_attr, mapped_column, with_loader_criteria


class _AllStores:
    def __repr__(self) -> str:
        return "ALL_STORES"


ALL_STORES = _AllStores()

_scope: ContextVar[int | _AllStores | None] = ContextVar("lintas_store_scope", default=None)


class TenantScopeError(RuntimeError):
    """A store-owned table was touched without a store scope or opt-out."""


class StoreOwned:
    """Mixin for every table whose rows belong to one store."""

    @declared_attr
    def store_id(cls) -> Mapped[int]:  # noqa: N805
        return mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True, nullable=False)


def current_scope() -> int | _AllStores | None:
    return _scope.get()


def current_store_id() -> int | None:
    value = _scope.get()
    return value if isinstance(value, int) else None


def set_scope(value: int | _AllStores | None):
    """Set the scope and return a token for ``reset_scope``."""
    return _scope.set(value)


def reset_scope(token) -> None:
    _scope.reset(token)


@contextmanager
def store_scope(store_id: int) -> Iterator[None]:
    """Run the block as the given store: its rows only."""
    token = _scope.set(int(store_id))
    try:
        yield
    finally:
        _scope.reset(token)


@contextmanager
def all_stores() -> Iterator[None]:
    """Run the block across every store (an explicit, visible opt-out)."""
    token = _scope.set(ALL_STORES)
    try:
        yield
    finally:
        _scope.reset(token)


def _touches_store_owned(state: ORMExecuteState) -> bool:
    for mapper in state.all_mappers:
        if issubclass(mapper.class_, StoreOwned):
            return True
    return False


def install(session_class: type[Session] = Session) -> None:
    """Register the session hooks (idempotent)."""
    if event.contains(session_class, "do_orm_execute", _filter_by_store):
        return
    event.listen(session_class, "do_orm_execute", _filter_by_store)
    event.listen(session_class, "before_flush", _stamp_store)


def _filter_by_store(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.execution_options.get("all_stores"):
        return
    scope = _scope.get()
    if scope is ALL_STORES:
        return
    if scope is None:
        if _touches_store_owned(state):
            raise TenantScopeError(
                "store-owned rows queried without a store scope; "
                "bind a store or opt out with all_stores()"
            )
        return
    store_id = int(scope)
    state.statement = state.statement.options(
        with_loader_criteria(
            StoreOwned,
            lambda cls: cls.store_id == store_id,
            include_aliases=True,
            track_closure_variables=True,
        )
    )


def _stamp_store(session: Session, flush_context, instances) -> None:
    scope = _scope.get()
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, StoreOwned):
            continue
        if scope is ALL_STORES or scope is None:
            # Outside one store's scope the store must be named explicitly.
            if obj.store_id is None:
                raise TenantScopeError(f"{type(obj).__name__} written without a store")
            continue
        if obj.store_id is None:
            obj.store_id = scope
        elif obj.store_id != scope:
            raise TenantScopeError(
                f"{type(obj).__name__} of store {obj.store_id} written in store {scope}'s scope"
            )
