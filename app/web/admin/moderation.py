"""Admin: product moderation queue (approve, reject, take down) and platform settings."""

from app.web.admin import bp  # noqa: F401
