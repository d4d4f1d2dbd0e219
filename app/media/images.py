"""Uploaded images: checked by content, re-encoded, thumbnailed, stored.

An upload is read up to ``MAX_UPLOAD_BYTES`` (+1 byte to notice a larger
file), opened by Pillow with only the JPEG, PNG and WebP decoders allowed (the
file name and the browser's content type are ignored), refused above
``MAX_PIXELS`` before any pixel is decoded, turned upright from its EXIF
orientation, converted to sRGB, fitted in ``MAX_SIDE`` and re-encoded to WebP
with no metadata at all (EXIF, GPS, XMP, ICC: none survive).

One image is several files, all named from its key (``new_key``):
``<key>.webp`` (the re-encoded original, at most ``MAX_SIDE`` wide or high)
and ``<key>-<w>.webp`` for every width in ``WIDTHS``. Every width always
exists; an image narrower than a width is stored at its own size there, never
upscaled. Keys are random (unguessable) and a key's files never change, so
they are served with a year-long cache lifetime.

Files follow the database transaction that refers to them: files stored by
``store_image`` are removed again if that transaction does not commit, and
files given to ``discard_image`` are only removed once it has committed.
"""

from __future__ import annotations

import io
import logging
import re
import uuid
import warnings
from dataclasses import dataclass, field

from flask import current_app, has_app_context, has_request_context
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.catalog.services import CatalogError
from app.media.storage import Storage, get_storage

log = logging.getLogger(__name__)

FORMATS = ("JPEG", "PNG", "WEBP")
WIDTHS = (160, 320, 640, 1280)
MAX_SIDE = 2048  # the stored original fits in MAX_SIDE x MAX_SIDE
MAX_PIXELS = 40_000_000  # refused above this, before decoding (decompression bombs)
DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
QUALITY = 82
CONTENT_TYPE = "image/webp"
KEY_RE = re.compile(r"^(?:p/[0-9]{1,12}|c|b)/[0-9a-f]{32}$")
KINDS = {"p": "product images (p/<store id>/...)", "c": "category images", "b": "brand logos"}

NOT_AN_IMAGE = _l("Upload a JPEG, PNG or WebP image.")


@dataclass(frozen=True)
class ProcessedImage:
    """A re-encoded upload, ready to store: the original and its thumbnails (WebP)."""

    width: int
    height: int
    data: bytes
    thumbnails: dict[int, bytes] = field(default_factory=dict)  # width -> WebP bytes

    def files(self, key: str) -> dict[str, bytes]:
        """Storage name -> content for every file of this image under ``key``."""
        out = {f"{check_key(key)}.webp": self.data}
        for width in WIDTHS:
            out[f"{key}-{width}.webp"] = self.thumbnails.get(width, self.data)
        return out


# --- keys and URLs ---------------------------------------------------------------------

def new_key(kind: str, store_id: int | None = None) -> str:
    """A fresh random key: ``p/<store_id>/<hex>`` for a product image,
    ``c/<hex>`` for a category image, ``b/<hex>`` for a brand logo."""
    if kind not in KINDS:
        raise ValueError(f"unknown media kind {kind!r}")
    if kind == "p":
        if not isinstance(store_id, int) or isinstance(store_id, bool) or store_id <= 0:
            raise ValueError("a product image key needs the store's id")
        return f"p/{store_id}/{uuid.uuid4().hex}"
    return f"{kind}/{uuid.uuid4().hex}"


def check_key(key: str) -> str:
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise ValueError(f"invalid media key {key!r}")
    return key


def file_names(key: str) -> list[str]:
    check_key(key)
    return [f"{key}.webp", *(f"{key}-{w}.webp" for w in WIDTHS)]


def image_url(key: str | None, width: int | None = None) -> str:
    """The URL of ``key``'s image: the smallest thumbnail at least ``width``
    wide, or the original (no width, or wider than every thumbnail).
    An empty string for no key."""
    if not key:
        return ""
    check_key(key)
    chosen = next((w for w in WIDTHS if width is not None and w >= width), None)
    return get_storage().url(f"{key}-{chosen}.webp" if chosen else f"{key}.webp")


def srcset(key: str | None, width: int | None = None) -> str:
    """A ``srcset`` of every thumbnail (``... 160w, ... 320w, ...``). With the
    original's ``width`` (when known), only the thumbnails narrower than it,
    then the original at its real width."""
    if not key:
        return ""
    check_key(key)
    storage = get_storage()
    if width:
        parts = [f"{storage.url(f'{key}-{w}.webp')} {w}w" for w in WIDTHS if w < width]
        parts.append(f"{storage.url(f'{key}.webp')} {int(width)}w")
    else:
        parts = [f"{storage.url(f'{key}-{w}.webp')} {w}w" for w in WIDTHS]
    return ", ".join(parts)


# --- processing ------------------------------------------------------------------------

def _limit() -> int:
    if has_app_context():
        return int(current_app.config.get("MAX_UPLOAD_BYTES") or DEFAULT_MAX_UPLOAD_BYTES)
    return DEFAULT_MAX_UPLOAD_BYTES


def size_text(limit: int | None = None) -> str:
    """The upload limit (default: the configured one) as ``10 MB`` in the request's language."""
    from babel.units import format_unit

    limit = _limit() if limit is None else limit
    locale = str(get_locale() or "en") if has_request_context() else "en"
    if limit >= 1024 * 1024:
        value, unit = round(limit / (1024 * 1024), 1), "digital-megabyte"
    else:
        value, unit = max(1, round(limit / 1024)), "digital-kilobyte"
    if value == int(value):
        value = int(value)
    try:
        return format_unit(value, unit, length="short", locale=locale)
    except Exception:  # an unknown locale: plain English units
        return f"{value} {'MB' if unit == 'digital-megabyte' else 'KB'}"


def _read_capped(source, limit: int) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source[: limit + 1])
    stream = getattr(source, "stream", source)  # werkzeug FileStorage, or any binary file
    data = stream.read(limit + 1)
    if not isinstance(data, bytes):
        raise TypeError("an upload must be bytes or a binary file")
    return data


def _too_many_pixels(field_name: str) -> CatalogError:
    return CatalogError(_l("The image is too large: it may have at most %(n)d megapixels.",
                           n=MAX_PIXELS // 1_000_000), field_name)


def process_upload(source, *, field: str = "image") -> ProcessedImage:
    """Check and re-encode one upload (a FileStorage, a binary file or bytes).

    Raises ``CatalogError(message, field)`` for anything that is not a JPEG,
    PNG or WebP image within the size and pixel limits."""
    limit = _limit()
    data = _read_capped(source, limit)
    if len(data) > limit:
        raise CatalogError(_l("The file is larger than %(size)s.", size=size_text(limit)), field)
    if not data:
        raise CatalogError(NOT_AN_IMAGE, field)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            if image.format not in FORMATS:
                raise CatalogError(NOT_AN_IMAGE, field)
            width, height = image.size
            if width < 1 or height < 1:
                raise CatalogError(NOT_AN_IMAGE, field)
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(field)
            if image.format == "JPEG":
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode a large JPEG at a fraction of its size
            image.load()
            image = ImageOps.exif_transpose(image)
            image = _to_srgb(image)
            image = _normalise_mode(image)
    except CatalogError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(field) from exc
    except UnidentifiedImageError as exc:
        raise CatalogError(NOT_AN_IMAGE, field) from exc
    except Exception as exc:  # a truncated or malformed file: decoders raise many kinds of errors
        log.info("refused an image upload: %s: %s", type(exc).__name__, exc)
        raise CatalogError(NOT_AN_IMAGE, field) from exc

    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)  # only ever shrinks
    original = _encode(image)
    thumbnails: dict[int, bytes] = {}
    source_image = image
    for width in sorted(WIDTHS, reverse=True):  # each from the next larger one: fast, still sharp
        if width >= image.width:
            thumbnails[width] = original  # never upscaled
            continue
        height = max(1, round(image.height * width / image.width))
        source_image = source_image.resize((width, height), Image.Resampling.LANCZOS)
        thumbnails[width] = _encode(source_image)
    return ProcessedImage(width=image.width, height=image.height, data=original, thumbnails=thumbnails)


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert from an embedded colour profile to sRGB (what browsers assume
    for an image without one: we store none)."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, target, outputMode=mode)
    except Exception:  # a broken or unusual profile: keep the pixels as they are
        return image
    return converted or image


def _normalise_mode(image: Image.Image) -> Image.Image:
    """RGB, or RGBA when the image really uses transparency."""
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")  # 16-bit grey to 8-bit
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if has_alpha:
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema() == (255, 255):
            return image.convert("RGB")
        return image
    return image if image.mode == "RGB" else image.convert("RGB")


def _encode(image: Image.Image) -> bytes:
    # A fresh image: nothing of the upload's metadata (image.info) can travel along.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, "WEBP", quality=QUALITY, method=4, exif=b"", xmp=b"", icc_profile=None)
    return out.getvalue()


# --- storing, in step with the database transaction ---------------------------------------

_WRITTEN = "lintas_media_written"  # stored in this transaction: removed unless it commits
_DOOMED = "lintas_media_doomed"  # to remove once this transaction commits


def _session() -> Session:
    from app.extensions import db

    return db.session()


def store_image(processed: ProcessedImage, key: str, *, session: Session | None = None) -> None:
    """Write every file of ``processed`` under ``key``. They are removed again
    if the current database transaction ends without a commit."""
    storage = get_storage()
    written: list[str] = []
    try:
        for name, content in processed.files(key).items():
            storage.save(name, content, CONTENT_TYPE)
            written.append(name)
    except BaseException:
        for name in written:
            storage.delete(name)
        raise
    (session or _session()).info.setdefault(_WRITTEN, []).extend((storage, name) for name in written)


def discard_image(key: str | None, *, session: Session | None = None) -> None:
    """Remove ``key``'s files once the current transaction commits."""
    if not key:
        return
    storage = get_storage()
    (session or _session()).info.setdefault(_DOOMED, []).extend((storage, name) for name in file_names(key))


def delete_files(key: str) -> None:
    """Remove ``key``'s files now (outside any transaction)."""
    storage = get_storage()
    for name in file_names(key):
        storage.delete(name)


def _remove(entries: list[tuple[Storage, str]]) -> None:
    for storage, name in entries:
        try:
            storage.delete(name)
        except Exception:  # never fail a commit over a file; an orphan costs only disk space
            log.exception("could not delete media file %s", name)


def _after_commit(session: Session) -> None:
    session.info.pop(_WRITTEN, None)  # now owned by committed rows
    doomed = session.info.pop(_DOOMED, None)
    if doomed:
        _remove(doomed)


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is not None:  # a savepoint: the outer transaction decides
        return
    session.info.pop(_DOOMED, None)  # not committed: the rows still refer to them
    written = session.info.pop(_WRITTEN, None)  # not committed: no row refers to them
    if written:
        _remove(written)


def install() -> None:
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_transaction_end", _after_transaction_end)


install()
