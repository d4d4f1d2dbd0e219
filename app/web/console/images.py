"""Console: product images (upload, reorder, main image, delete)."""

from app.web.console import bp  # noqa: F401
