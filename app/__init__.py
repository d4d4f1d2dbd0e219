"""Lintas: one Flask application for the mall, storefronts, merchant console
and platform admin, routed by host."""

from __future__ import annotations

import logging
import os

from flask import Flask, Request, g, request
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.sansio.utils import get_host

from app.config import INSTANCE, ROOT, Config
from app.extensions import babel, csrf, db, htmx, login_manager, migrate
from app.tenancy import hosts


class LintasFlask(Flask):
    """Flask with routing by surface.

    Every rule is registered under its surface label as ``subdomain``; the URL
    adapter of a request is bound to the surface its Host resolves to, so a
    request is only ever matched against its own surface's rules (the mall's
    ``/en/`` and the console's ``/acme/`` have the same shape).
    """

    def create_url_adapter(self, request: Request | None):
        if request is None:
            return super().create_url_adapter(request)
        environ = request.environ
        if hosts.SURFACE_KEY not in environ:
            raw = get_host(environ.get("wsgi.url_scheme", "http"), environ.get("HTTP_HOST"), None)
            host = hosts.normalise_host(raw)
            surface, label = hosts.classify_host(host, self.config["PLATFORM_DOMAIN"])
            environ[hosts.SURFACE_KEY] = surface
            environ[hosts.LABEL_KEY] = label
            environ[hosts.HOST_KEY] = host
        request.host = environ[hosts.HOST_KEY] or ""
        return self.url_map.bind_to_environ(
            environ, server_name=request.host or "invalid", subdomain=environ[hosts.SURFACE_KEY]
        )


class HealthAndStatic:
    """WSGI front: ``/healthz`` on any host before tenant resolution, and static
    files (shared and per tenant) without touching the application."""

    def __init__(self, app, wsgi_app, static_exports: dict[str, str]):
        self.app = app
        self.static = SharedDataMiddleware(self._not_found, static_exports, cache_timeout=60 * 60 * 24 * 365)
        self.wsgi_app = wsgi_app
        self.media = None
        if app.config.get("MEDIA_STORAGE", "local") == "local":
            # Uploaded images (app/media): a key's files never change, so a year of cache.
            self.media = SharedDataMiddleware(self._not_found, {"/media/": str(app.config["MEDIA_ROOT"])},
                                              cache_timeout=60 * 60 * 24 * 365)

    @staticmethod
    def _not_found(environ, start_response):
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Not Found"]

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store")])
            return [b"ok"]
        if path.startswith("/static/"):
            return self.static(environ, start_response)
        if path.startswith("/media/") and self.media is not None:
            return self._media(environ, start_response, path)
        return self.wsgi_app(environ, start_response)

    def _media(self, environ, start_response, path: str):
        """Stored media on every host, only names the storage could have made
        (never a temporary or hidden file), with headers that stop sniffing."""
        from app.media.storage import NAME_RE

        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Content-Type", "text/plain; charset=utf-8"), ("Allow", "GET, HEAD")])
            return [b"Method Not Allowed"]
        name = path[len("/media/"):]
        # Only public images: uploaded CSV files waiting for an import job are private.
        if not NAME_RE.match(name) or name.startswith("imports/"):
            return self._not_found(environ, start_response)

        def start(status, headers, exc_info=None):
            headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
            headers += [("X-Content-Type-Options", "nosniff"), ("Content-Security-Policy", "default-src 'none'; sandbox")]
            if status.startswith("2") or status.startswith("304"):
                headers.append(("Cache-Control", "public, max-age=31536000, immutable"))
            return start_response(status, headers, exc_info)

        return self.media(environ, start)


def _static_exports(app: Flask) -> dict[str, str]:
    exports = {"/static/": str(ROOT / "static")}
    tenants = app.config["TENANTS_DIR"]
    if os.path.isdir(tenants):
        for slug in sorted(os.listdir(tenants)):
            folder = os.path.join(tenants, slug, "static")
            if os.path.isdir(folder):
                exports[f"/static/tenants/{slug}/"] = folder
    return exports


def create_app(config: type | dict | None = None) -> Flask:
    """Build the application. ``config`` is a Config class or a mapping of
    overrides on top of the environment-driven defaults."""
    app = LintasFlask(
        __name__,
        static_folder=None,
        template_folder=str(ROOT / "templates"),
        instance_path=str(INSTANCE),
    )
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    if app.config.get("REDIS_URL"):
        app.config["JOBS_INLINE"] = False
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from app.i18n.locales import LocaleConverter

    app.url_map.converters["locale"] = LocaleConverter
    app.url_map.strict_slashes = True

    _init_database(app)
    from app.catalog import index as _catalog_index  # noqa: F401  (registers its cache watches)
    from app.core.cache import install_cache_events

    install_cache_events()
    from app.search.indexing import install_search_events

    install_search_events()
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    from app.web import install_resolver

    install_resolver(app)  # first: tenant resolution runs before any other hook (CSRF included)
    csrf.init_app(app)
    htmx.init_app(app)

    from app.accounts import auth
    from app.web import i18n as web_i18n

    auth.init_app(app, login_manager)
    babel.init_app(app, locale_selector=web_i18n.select_locale)

    from app import jobs
    from app.notifications import mail, sms

    jobs.init_app(app)
    mail.init_app(app)
    sms.init_app(app)

    from app.web import register_web

    register_web(app)

    from app import cli

    cli.init_app(app)

    app.wsgi_app = HealthAndStatic(app, app.wsgi_app, _static_exports(app))

    @app.shell_context_processor
    def _shell():
        from app import models

        return {"db": db, "models": models, "g": g, "request": request}

    return app


def _init_database(app: Flask) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from app.tenancy import scope

    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite"):
        opts = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        opts.setdefault("connect_args", {}).setdefault("timeout", 30)
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = opts
    db.init_app(app)
    scope.install(Session)

    if uri.startswith("sqlite") and not getattr(_init_database, "_sqlite_hooked", False):
        _init_database._sqlite_hooked = True

        @event.listens_for(Engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            if type(dbapi_conn).__module__.startswith("sqlite3"):
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA busy_timeout=30000")
                cur.close()

    from app import models  # noqa: F401  (register every model)
