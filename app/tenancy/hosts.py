"""Host names: normalisation, which surface a host serves, reserved slugs, and
building public URLs from stored data (never from the request's Host)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app

from app.config import LOCALES

SURFACE_KEY = "lintas.surface"
LABEL_KEY = "lintas.store_label"
HOST_KEY = "lintas.host"

MALL, STOREFRONT, CONSOLE, ADMIN, NOWHERE = "mall", "storefront", "console", "admin", "nowhere"

RESERVED_SLUGS: frozenset[str] = frozenset(
    """www admin merchant api static assets cdn mail smtp ftp app help support status docs blog
    shop store stores m mobile dev test staging localhost sign-in sign-up sign-out healthz
    account reset invitations locale verify pay webhooks sitemap robots""".split()
) | frozenset(LOCALES)

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")
_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def slug_problem(slug: str) -> str | None:
    """Why a store slug is not allowed, or None. The reason is a key that the
    caller turns into a translated message."""
    if not SLUG_RE.match(slug or ""):
        return "malformed"
    if slug in RESERVED_SLUGS:
        return "reserved"
    return None


def normalise_host(raw: str | None) -> str | None:
    """Lower-case the host, strip the port and a trailing dot; None if it is
    not a syntactically valid DNS name."""
    if not raw:
        return None
    host = raw.strip().lower()
    if host.startswith("["):  # IPv6 literal: never one of our hosts
        return None
    host = host.rsplit(":", 1)[0] if ":" in host else host
    host = host.rstrip(".")
    if not host or len(host) > 253:
        return None
    if not all(_LABEL_RE.match(label) for label in host.split(".")):
        return None
    return host


def classify_host(host: str | None, platform_domain: str) -> tuple[str, str | None]:
    """Which surface a normalised host serves, and the store label for
    ``<store>.PLATFORM_DOMAIN``. Custom domains come back as (STOREFRONT, None)
    and are checked against the Domain table later."""
    if host is None:
        return NOWHERE, None
    if host in (platform_domain, f"www.{platform_domain}"):
        return MALL, None
    if host == f"admin.{platform_domain}":
        return ADMIN, None
    if host == f"merchant.{platform_domain}":
        return CONSOLE, None
    suffix = "." + platform_domain
    if host.endswith(suffix):
        label = host[: -len(suffix)]
        if "." in label or slug_problem(label):
            return NOWHERE, None
        return STOREFRONT, label
    return STOREFRONT, None


@dataclass(frozen=True)
class PublicHosts:
    scheme: str
    port: int | None
    domain: str

    def origin(self, host: str) -> str:
        default = {"http": 80, "https": 443}.get(self.scheme)
        port = f":{self.port}" if self.port and self.port != default else ""
        return f"{self.scheme}://{host}{port}"


def public_hosts() -> PublicHosts:
    cfg = current_app.config
    return PublicHosts(cfg["PUBLIC_URL_SCHEME"], cfg["PUBLIC_PORT"], cfg["PLATFORM_DOMAIN"])


def surface_host(surface: str, store_slug: str | None = None, primary_domain: str | None = None) -> str:
    domain = current_app.config["PLATFORM_DOMAIN"]
    if surface == MALL:
        return domain
    if surface == ADMIN:
        return f"admin.{domain}"
    if surface == CONSOLE:
        return f"merchant.{domain}"
    if surface == STOREFRONT:
        if primary_domain:
            return primary_domain
        if not store_slug:
            raise ValueError("a storefront URL needs a store")
        return f"{store_slug}.{domain}"
    raise ValueError(surface)


def external_url(surface: str, endpoint: str, *, store_slug: str | None = None,
                 primary_domain: str | None = None, **values) -> str:
    """An absolute URL for an endpoint on a surface, built from configuration
    and stored domains only. Used for emails, jobs and cross-surface links."""
    host = surface_host(surface, store_slug, primary_domain)
    adapter = current_app.url_map.bind(host, subdomain=surface, url_scheme=current_app.config["PUBLIC_URL_SCHEME"])
    path = adapter.build(endpoint, values, force_external=False)
    return public_hosts().origin(host) + path
