"""Admin: option/attribute templates per category."""

from app.web.admin import bp  # noqa: F401
