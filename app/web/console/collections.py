"""Console: the store's own collections (in-store categories)."""

from app.web.console import bp  # noqa: F401
