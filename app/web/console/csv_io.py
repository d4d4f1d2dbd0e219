"""Console: CSV export and import of products and variants."""

from app.web.console import bp  # noqa: F401
