"""The HTTP layer: tenant resolution, security headers, error pages, template
helpers and the surface blueprints."""

from __future__ import annotations

import hashlib
import os
from functools import cache

from flask import Flask, abort, current_app, g, request
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError, generate_csrf
from werkzeug.exceptions import HTTPException

from app.config import ROOT
from app.i18n.locales import current_url_locale, native_name, switcher_locales, text_direction
from app.media.images import image_url
from app.media.images import srcset as image_srcset
from app.tenancy import hosts, scope
from app.tenancy.resolver import resolve_store
from app.web.fragments import cached_fragment
from app.web.rendering import layout_template, render_template

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


@cache
def _static_version(filename: str) -> str:
    path = ROOT / "static" / filename
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    except OSError:
        return "0"


def static_url(filename: str) -> str:
    """A cache-busted URL for a file under static/."""
    return f"/static/{filename}?v={_static_version(filename)}"


def tenant_static_url(filename: str) -> str:
    """A store's own static file (tenants/<slug>/static/) if it exists, else ours."""
    store = getattr(g, "store", None)
    if store is not None:
        path = os.path.join(current_app.config["TENANTS_DIR"], store.slug, "static", filename)
        if os.path.isfile(path):
            return f"/static/tenants/{store.slug}/{filename}"
    return static_url(filename)


def country_name(code: str) -> str:
    from babel import Locale

    try:
        return Locale.parse(str(get_locale() or "en")).territories.get(code.upper(), code)
    except (ValueError, TypeError):
        return code


def currency_name(code: str) -> str:
    from babel.numbers import get_currency_name

    return get_currency_name(code, locale=str(get_locale() or "en"))


def application_state(state) -> str:
    from flask_babel import lazy_gettext as _l

    names = {"pending": _l("Waiting for review"), "approved": _l("Approved"), "rejected": _l("Rejected")}
    value = getattr(state, "value", state)
    return str(names.get(value, value))


def reindex_state_label(state) -> str:
    from flask_babel import lazy_gettext as _l

    names = {"queued": _l("Waiting to start"), "running": _l("Running"), "done": _l("Finished"), "failed": _l("Failed")}
    value = getattr(state, "value", state)
    return str(names.get(value, value))


def product_status(status) -> str:
    from flask_babel import lazy_gettext as _l

    names = {"draft": _l("Draft"), "active": _l("Active"), "archived": _l("Archived")}
    value = getattr(status, "value", status)
    return str(names.get(value, value))


def role_name(role) -> str:
    from flask_babel import lazy_gettext as _l

    names = {"owner": _l("Owner"), "manager": _l("Manager"), "staff": _l("Staff"),
             "admin": _l("Administrator"), "operations": _l("Operations"), "finance": _l("Finance"),
             "support": _l("Support")}
    value = getattr(role, "value", role)
    return str(names.get(value, value))


def event_label(action: str) -> str:
    from flask_babel import lazy_gettext as _l

    names = {"created": _l("Created"), "open": _l("Opened"), "suspend": _l("Suspended"),
             "reopen": _l("Reopened"), "close": _l("Closed"), "product_approved": _l("Product approved"),
             "product_rejected": _l("Product rejected"), "product_taken_down": _l("Product taken down")}
    return str(names.get(action, action))


def endpoint(name: str) -> str:
    """The endpoint ``name`` on the current shopper surface (``mall.`` or ``storefront.``)."""
    return f"{g.surface}.{name}"


def resolve_request() -> None:
    """Runs first on every request: surface, store, tenant scope."""
    environ = request.environ
    g.surface = environ.get(hosts.SURFACE_KEY, hosts.NOWHERE)
    g.store = None
    g.membership = None
    if g.surface == hosts.NOWHERE:
        abort(404)
    if g.surface == hosts.STOREFRONT:
        ref = resolve_store(environ[hosts.HOST_KEY], environ.get(hosts.LABEL_KEY))
        if ref is None or not ref.is_serving():
            g.surface = hosts.NOWHERE  # the 404 page must show nothing of a store
            abort(404)
        g.store = ref
        g.scope_token = scope.set_scope(ref.id)
    elif g.surface == hosts.ADMIN:
        # The platform admin reads across stores by design.
        g.scope_token = scope.set_scope(scope.ALL_STORES)


def _reset_scope(_exc=None) -> None:
    token = g.pop("scope_token", None)
    if token is not None:
        scope.reset_scope(token)


def security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if current_app.config["PUBLIC_URL_SCHEME"] == "https":
        response.headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
    if getattr(g, "surface", None) in ("console", "admin") or request.method != "GET":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


ERROR_TITLES = {
    400: "Bad request",
    401: "Sign in required",
    403: "Not allowed",
    404: "Page not found",
    405: "Method not allowed",
    413: "Too large",
    422: "Check your input",
    429: "Too many requests",
    500: "Something went wrong",
}


def render_error(code: int, message: str | None = None):
    template = f"errors/{code}.html" if code in (400, 403, 404, 422, 429, 500) else "errors/generic.html"
    if getattr(g, "surface", hosts.NOWHERE) == hosts.NOWHERE:
        g.store = None
    try:
        body = render_template(template, layout=layout_template(), code=code, message=message,
                               reason=getattr(g, "denied_reason", None))
    except Exception:  # never let the error page itself fail
        current_app.logger.exception("error page failed")
        body = f"<!doctype html><title>{code}</title><h1>{code}</h1>"
    response = current_app.response_class(body, status=code, mimetype="text/html")
    return security_headers(response)


def _handle_http(exc: HTTPException):
    if exc.code == 401:
        from flask import redirect

        from app.accounts.auth import sign_in_url

        return redirect(sign_in_url(request.full_path if request.query_string else request.path))
    if exc.code in (301, 302, 303, 307, 308) or exc.code is None or exc.code < 400:
        return exc
    return render_error(exc.code)


def _handle_csrf(exc: CSRFError):
    return render_error(400, _("Your session expired or the form is out of date. Reload the page and try again."))


def _handle_500(exc):
    from app.extensions import db

    db.session.rollback()
    return render_error(500)


def _template_context():
    locale = current_url_locale()
    return {
        "surface": getattr(g, "surface", None),
        "store": getattr(g, "store", None),
        "url_locale": locale,
        "text_dir": text_direction(locale),
        "html_lang": {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}.get(locale, locale),
        "platform_name": current_app.config["PLATFORM_NAME"],
    }


def install_resolver(app: Flask) -> None:
    """Tenant resolution, registered before every other before_request hook."""
    app.before_request(resolve_request)
    app.teardown_request(_reset_scope)


def register_web(app: Flask) -> None:
    app.after_request(security_headers)
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(CSRFError, _handle_csrf)
    app.register_error_handler(500, _handle_500)
    app.context_processor(_template_context)
    app.jinja_env.globals.update(
        static_url=static_url,
        cached_fragment=cached_fragment,
        tenant_static_url=tenant_static_url,
        ep=endpoint,
        csrf_token=generate_csrf,
        switcher_locales=switcher_locales,
        native_name=native_name,
        country_name=country_name,
        role_name=role_name,
        product_status=product_status,
        application_state=application_state,
        reindex_state_label=reindex_state_label,
        currency_name=currency_name,
        event_label=event_label,
        format_date=format_date,
        format_datetime=format_datetime,
        get_locale=get_locale,
        image_url=image_url,
        image_srcset=image_srcset,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    from app.web.admin import bp as admin_bp
    from app.web.console import bp as console_bp
    from app.web.shop import bp as shop_bp

    app.register_blueprint(shop_bp, name="mall", subdomain=hosts.MALL)
    app.register_blueprint(shop_bp, name="storefront", subdomain=hosts.STOREFRONT)
    app.register_blueprint(console_bp, subdomain=hosts.CONSOLE)
    app.register_blueprint(admin_bp, subdomain=hosts.ADMIN)

    from app.web import page_cache

    page_cache.install(app)
