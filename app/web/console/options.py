"""Console: changing a product's options after creation, and inline list edits."""

from app.web.console import bp  # noqa: F401
