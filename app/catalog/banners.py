"""Home-page banners: the platform's on the mall home (``MallBanner``), each
store's on its storefront home (``StoreBanner``, store-owned).

A banner is an uploaded image (checked and re-encoded by ``app.media.images``)
with a title, an optional subtitle and link, optionally only for shoppers in
one language, switched on or off, and optionally shown only between two UTC
times. A home has at most ``MAX_BANNERS``, shown in their ``position`` order.

The services flush, never commit; the image files follow the transaction
(written ones go again if it does not commit, replaced or deleted ones go only
once it has). Shopper pages read ``live_banners`` (one query, plain frozen
data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Integer, String, func, or_, select
from sqlalchemy.orm import Mapped, mapped_column

from app.catalog.ordering import swap_with_neighbour
from app.catalog.services import CatalogError
from app.config import LOCALES
from app.core.time import UTCDateTime, utcnow
from app.extensions import db
from app.media.images import ProcessedImage, discard_image, new_key, process_upload, store_image
from app.tenancy.scope import StoreOwned, current_store_id

MAX_BANNERS = 10  # per home page: the mall's, and each store's
TITLE_MAX = 120
SUBTITLE_MAX = 200
LINK_MAX = 500
# Media key kinds (app.media.images.new_key): a store's banners live under the
# store's own prefix (p/<store id>/...), the mall's with the platform's images.
MALL_KIND = "c"
STORE_KIND = "p"

REQUIRED = _l("This field is required.")
TOO_LONG = _l("Use at most %(max)d characters.")
BAD_LINK = _l("Enter a path on this site that starts with / (like /en/c/shoes), or a web address that starts with https://.")
BAD_TIME = _l("Enter a date and time, like 2026-12-01 09:00.")


class BannerColumns:
    """The columns both banner tables share."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    image_key: Mapped[str] = mapped_column(String(200), nullable=False)  # media key of the re-encoded image
    width: Mapped[int] = mapped_column(Integer, nullable=False)  # the stored image's size in pixels
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(TITLE_MAX), nullable=False)
    subtitle: Mapped[str | None] = mapped_column(String(SUBTITLE_MAX))
    link: Mapped[str | None] = mapped_column(String(LINK_MAX))  # a path on the same site, or an https:// URL
    locale: Mapped[str | None] = mapped_column(String(10))  # URL locale code; None: every language
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class MallBanner(BannerColumns, db.Model):
    """A banner on the mall's home page (the platform's)."""

    __tablename__ = "mall_banners"


class StoreBanner(BannerColumns, StoreOwned, db.Model):
    """A banner on one store's storefront home page."""

    __tablename__ = "store_banners"


Banner = MallBanner | StoreBanner


@dataclass(frozen=True, slots=True)
class BannerView:
    """What a shopper page needs of one banner."""

    image_key: str
    width: int
    height: int
    title: str
    subtitle: str | None
    link: str | None


# --- checking input --------------------------------------------------------------------

def _text(value, field: str, limit: int, *, required: bool = False) -> str | None:
    text = " ".join((value or "").split())  # no line breaks or runs of spaces in a one-line text
    if required and not text:
        raise CatalogError(REQUIRED, field)
    if len(text) > limit:
        raise CatalogError(_l("Use at most %(max)d characters.", max=limit), field)
    return text or None


def check_link(value, field: str = "link") -> str | None:
    """A path on the same site (``/...``, not ``//...``) or an ``https://`` URL
    with a host; None for nothing. Anything else (``javascript:``, ``data:``,
    ``http:``, a protocol-relative ``//host``...) is refused."""
    link = (value or "").strip()
    if not link:
        return None
    if len(link) > LINK_MAX:
        raise CatalogError(_l("Use at most %(max)d characters.", max=LINK_MAX), field)
    if "\\" in link or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in link):
        raise CatalogError(BAD_LINK, field)
    if link.startswith("/"):
        if link.startswith("//"):
            raise CatalogError(BAD_LINK, field)
        return link
    try:
        parts = urlsplit(link)
        host = parts.hostname
    except ValueError as exc:
        raise CatalogError(BAD_LINK, field) from exc
    if (not link[:8].lower() == "https://" or parts.scheme.lower() != "https" or not host
            or parts.username is not None or parts.password is not None):
        raise CatalogError(BAD_LINK, field)
    return link


def check_locale(value, field: str = "locale") -> str | None:
    code = (value or "").strip()
    if not code:
        return None
    if code not in LOCALES:
        raise CatalogError(_l("Choose one of the options."), field)
    return code


def parse_local_time(value, zone: str, field: str) -> datetime | None:
    """``2026-12-01T09:00`` (what a datetime-local input sends; a space, seconds
    or a date alone also do) read as a time in ``zone``, returned in UTC.
    None for an empty value; a CatalogError on ``field`` for anything else."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        if len(text) > 32:
            raise ValueError(text)
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise CatalogError(BAD_TIME, field) from exc
    if parsed.tzinfo is None:
        try:
            tz = ZoneInfo(zone or "UTC")
        except (KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
            tz = ZoneInfo("UTC")
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(ZoneInfo("UTC"))


def local_time_value(value: datetime | None, zone: str) -> str:
    """A stored UTC time as a datetime-local input's value in ``zone``."""
    if value is None:
        return ""
    try:
        tz = ZoneInfo(zone or "UTC")
    except (KeyError, ValueError):
        tz = ZoneInfo("UTC")
    return value.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def _check_window(starts_at: datetime | None, ends_at: datetime | None) -> None:
    for value, field in ((starts_at, "starts_at"), (ends_at, "ends_at")):
        if value is not None and value.tzinfo is None:
            raise ValueError(f"{field} must be timezone-aware")
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        raise CatalogError(_l("The end must be after the start."), "ends_at")


# --- reading ---------------------------------------------------------------------------

def _model(store_id: int | None) -> type[MallBanner] | type[StoreBanner]:
    return MallBanner if store_id is None else StoreBanner


def _across() -> dict:
    """A store's banners read from outside its scope (the mall) opt out
    visibly; inside a store's scope the tenant filter keeps applying."""
    return {} if current_store_id() is not None else {"all_stores": True}


def _of_home(stmt, model, store_id: int | None):
    if store_id is None:
        return stmt
    return stmt.where(model.store_id == store_id).execution_options(**_across())


def ordered_banners(store_id: int | None) -> list[Banner]:
    """Every banner of a home (the mall's for None), in their order."""
    model = _model(store_id)
    stmt = _of_home(select(model), model, store_id).order_by(model.position, model.id)
    return list(db.session.scalars(stmt))


def banner_count(store_id: int | None) -> int:
    model = _model(store_id)
    return db.session.scalar(_of_home(select(func.count()).select_from(model), model, store_id)) or 0


def live_banners(store_id: int | None, locale: str) -> list[BannerView]:
    """The banners shoppers in ``locale`` see now on a home page (the mall's
    for None): active, in their time window, for that language or every
    language, in order. One query."""
    model = _model(store_id)
    now = utcnow()
    stmt = (select(model.image_key, model.width, model.height, model.title, model.subtitle, model.link)
            .where(model.active.is_(True),
                   or_(model.locale.is_(None), model.locale == locale),
                   or_(model.starts_at.is_(None), model.starts_at <= now),
                   or_(model.ends_at.is_(None), model.ends_at > now))
            .order_by(model.position, model.id)
            .limit(MAX_BANNERS))
    rows = db.session.execute(_of_home(stmt, model, store_id)).all()
    return [BannerView(image_key=r.image_key, width=r.width, height=r.height, title=r.title, subtitle=r.subtitle,
                       link=r.link) for r in rows]


# --- writing ---------------------------------------------------------------------------

def save_banner(banner: Banner | None, *, store_id: int | None = None, image, title: str, subtitle: str | None,
                link: str | None, locale: str | None, active: bool, starts_at: datetime | None,
                ends_at: datetime | None) -> Banner:
    """Create (``banner`` None: the mall's for ``store_id`` None, else that
    store's; placed last) or update a banner.

    ``image`` is an upload (FileStorage, binary file, bytes or ProcessedImage),
    required for a new banner; None keeps the current one (a new one replaces
    it and the old files go after commit). Every field is checked before
    anything changes; a bad one raises CatalogError(message, field)."""
    title = _text(title, "title", TITLE_MAX, required=True)
    subtitle = _text(subtitle, "subtitle", SUBTITLE_MAX)
    link = check_link(link)
    locale = check_locale(locale)
    _check_window(starts_at, ends_at)
    if banner is None:
        if image is None:
            raise CatalogError(_l("Choose an image for the banner."), "image")
        if banner_count(store_id) >= MAX_BANNERS:
            raise CatalogError(_l("A home page has at most %(max)d banners. Delete one to add another.",
                                  max=MAX_BANNERS), None)
    processed = None
    if image is not None:
        processed = image if isinstance(image, ProcessedImage) else process_upload(image, field="image")

    if banner is None:
        model = _model(store_id)
        last = db.session.scalar(_of_home(select(func.max(model.position)), model, store_id))
        banner = model(position=0 if last is None else last + 1)
        if store_id is not None:
            banner.store_id = store_id
        db.session.add(banner)
    old_key = banner.image_key
    if processed is not None:
        banner.image_key = new_key(STORE_KIND, banner.store_id) if isinstance(banner, StoreBanner) else new_key(MALL_KIND)
        banner.width, banner.height = processed.width, processed.height
    banner.title, banner.subtitle, banner.link, banner.locale = title, subtitle, link, locale
    banner.active = bool(active)
    banner.starts_at, banner.ends_at = starts_at, ends_at
    db.session.flush()  # the transaction exists before the files do
    if processed is not None:
        store_image(processed, banner.image_key)
        if old_key and old_key != banner.image_key:
            discard_image(old_key)
    return banner


def move_banner(banner: Banner, direction: str) -> bool:
    """Swap with the previous (``up``) or next (``down``) banner of its home.
    False when it is already at that end."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    rows = ordered_banners(banner.store_id if isinstance(banner, StoreBanner) else None)
    return swap_with_neighbour(rows, rows.index(banner), direction)


def delete_banner(banner: Banner) -> None:
    """Delete the banner; its files go once the transaction commits."""
    key = banner.image_key
    db.session.delete(banner)
    db.session.flush()
    discard_image(key)
