"""Console: product translations per locale and fixed prices per currency."""

from app.web.console import bp  # noqa: F401
