"""Rendering: page or HTMX partial, per-store template overrides, layouts."""

from __future__ import annotations

import os
import threading

from flask import current_app, g, make_response, redirect, request
from flask.signals import before_render_template, template_rendered
from flask_babel import get_translations
from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from app.extensions import htmx

try:  # Jinja's new-style gettext wrappers (stable since Jinja 2.9, private name)
    from jinja2.ext import _make_new_gettext, _make_new_ngettext
except ImportError:  # pragma: no cover
    _make_new_gettext = _make_new_ngettext = None

_envs: dict[tuple[str, str], Environment] = {}
_envs_lock = threading.Lock()

LAYOUTS = {
    "mall": "layouts/mall.html",
    "storefront": "layouts/storefront.html",
    "console": "layouts/console.html",
    "admin": "layouts/admin.html",
}


def layout_template() -> str:
    return LAYOUTS.get(getattr(g, "surface", None) or "", "layouts/bare.html")


def template_env() -> Environment:
    """The Jinja environment for this request.

    A storefront whose store has ``tenants/<slug>/templates/`` gets its own
    overlay environment: its loader looks there first, and it has its own
    template cache, so one store's override can never be served to another.
    """
    app = current_app
    store = getattr(g, "store", None)
    if getattr(g, "surface", None) != "storefront" or store is None:
        return app.jinja_env
    key = (app.config["TENANTS_DIR"], store.slug)
    env = _envs.get(key)
    if env is not None:
        return env
    tenant_dir = os.path.join(key[0], store.slug, "templates")
    if not os.path.isdir(tenant_dir):
        return app.jinja_env
    with _envs_lock:
        env = _envs.get(key)
        if env is None:
            env = app.jinja_env.overlay(
                loader=ChoiceLoader([FileSystemLoader(tenant_dir), app.jinja_env.loader]),
                cache_size=400,
            )
            _envs[key] = env
    return env


def render_template(name: str | list[str], **context) -> str:
    app = current_app._get_current_object()
    env = template_env()
    template = env.get_or_select_template(name)
    app.update_template_context(context)
    _bind_translations(context)
    before_render_template.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    rv = template.render(context)
    template_rendered.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    return rv


def _bind_translations(context: dict) -> None:
    """Give the template gettext callables bound to this request's catalog.

    Flask-Babel's Jinja callables look the catalog up again on every string
    (about a fifth of a page's render time); Jinja resolves ``gettext`` from
    the context first, so binding it once per render removes that cost while
    keeping Jinja's new-style formatting and autoescaping.
    """
    if _make_new_gettext is None:
        return
    translations = get_translations()
    context.setdefault("gettext", _make_new_gettext(translations.ugettext))
    context.setdefault("ngettext", _make_new_ngettext(translations.ungettext))


def wants_partial() -> bool:
    return bool(htmx) and not htmx.history_restore_request


def render(template_name: str, partial_name: str | None = None, *, status: int = 200, **context):
    """Render the full page, or only its partial for an HTMX request (not a
    history restore). Always varies on HX-Request so caches keep both."""
    name = partial_name if (partial_name and wants_partial()) else template_name
    context.setdefault("layout", layout_template())
    response = make_response(render_template(name, **context), status)
    response.vary.add("HX-Request")
    return response


def form_status(form) -> int:
    """422 for a submitted form with errors, else 200."""
    return 422 if request.method == "POST" and form.errors else 200


def see_other(location: str):
    """After a successful POST: a 303 to ``location``, or for an HTMX request an
    ``HX-Redirect`` so the browser loads the whole next page."""
    if htmx:
        response = make_response("", 200)
        response.headers["HX-Redirect"] = location
        return response
    return redirect(location, 303)
