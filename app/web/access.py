"""Who may use a console or admin view, declared on the view by name.

Every console and admin view carries ``required_roles`` (set by these
decorators) so a test can walk the URL map and check that each refuses the
wrong role; a view without a declaration is a failing test, not an open door.
"""

from __future__ import annotations

from functools import wraps

from flask import abort, g
from flask_login import current_user

from app.accounts.models import PlatformRole
from app.tenancy.models import Role

ALL_STORE_ROLES = (Role.OWNER, Role.MANAGER, Role.STAFF)
ALL_PLATFORM_ROLES = tuple(PlatformRole)


def store_roles(*roles: Role):
    """A console view for members of the current store with one of ``roles``."""
    allowed = frozenset(roles or ALL_STORE_ROLES)

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            membership = getattr(g, "membership", None)
            if membership is None:
                abort(404)
            if membership.role not in allowed:
                g.denied_reason = "role"
                abort(403)
            return view(*args, **kwargs)

        wrapper.required_roles = allowed
        wrapper.access = "store"
        return wrapper

    return decorate


def platform_roles(*roles: PlatformRole):
    """An admin view for platform staff with one of ``roles``."""
    allowed = frozenset(roles or ALL_PLATFORM_ROLES)

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)  # answered with a redirect to the sign-in page
            if current_user.platform_role not in allowed:
                g.denied_reason = "role"
                abort(403)
            return view(*args, **kwargs)

        wrapper.required_roles = allowed
        wrapper.access = "platform"
        return wrapper

    return decorate


def public(view):
    """A console/admin view any visitor may open (sign-in, password reset)."""
    view.required_roles = None
    view.access = "public"
    return view


def signed_in(view):
    """A console/admin view for any signed-in user (their own account pages)."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            abort(401)
        return view(*args, **kwargs)

    wrapper.required_roles = None
    wrapper.access = "signed_in"
    return wrapper
