"""Image uploads: checked by content (not by name or content type), size- and
pixel-capped, turned upright, re-encoded to WebP without any metadata,
thumbnailed without upscaling; storage keys and names that cannot escape the
media folder; files that follow the database transaction."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import zlib

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage

from app.catalog.services import CatalogError
from app.extensions import db
from app.media import images as media
from app.media.demo import generated_image
from app.media.storage import LocalStorage, StorageError, check_name, get_storage

NOT_AN_IMAGE = "Upload a JPEG, PNG or WebP image."


def make(fmt: str = "PNG", size=(300, 200), colour=(200, 40, 40), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, fmt, **save)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.fixture(autouse=True)
def _clean_media(app):
    yield
    shutil.rmtree(app.config["MEDIA_ROOT"], ignore_errors=True)


def stored_files(app) -> list[str]:
    root = app.config["MEDIA_ROOT"]
    return sorted(os.path.relpath(os.path.join(folder, name), root)
                  for folder, _dirs, files in os.walk(root) for name in files)


# --- what is accepted ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted_and_re_encoded_to_webp(fmt):
    processed = media.process_upload(make(fmt, size=(300, 200)))
    assert (processed.width, processed.height) == (300, 200)
    image = opened(processed.data)
    assert image.format == "WEBP" and image.size == (300, 200)
    r, g, b = image.convert("RGB").getpixel((150, 100))
    assert abs(r - 200) < 12 and g < 60 and b < 60  # still the same picture


def test_the_content_decides_not_the_name_or_content_type():
    upload = FileStorage(stream=io.BytesIO(make("PNG")), filename="holiday.jpg", content_type="image/jpeg")
    assert opened(media.process_upload(upload).data).format == "WEBP"
    disguised = FileStorage(stream=io.BytesIO(b"<svg onload=alert(1)></svg>"), filename="cat.png",
                            content_type="image/png")
    with pytest.raises(CatalogError) as caught:
        media.process_upload(disguised, field="images")
    assert str(caught.value.message) == NOT_AN_IMAGE and caught.value.field == "images"


def _truncated_jpeg() -> bytes:
    data = make("JPEG", size=(800, 600), quality=95)
    return data[: len(data) // 2]


@pytest.mark.parametrize("data", [
    b"hello, this is plain text\n",
    b"",
    make("GIF"),
    make("BMP"),
    make("TIFF"),
    _truncated_jpeg(),
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,  # a PNG signature and nothing valid after it
    b"%PDF-1.4\n" + b"x" * 100,
], ids=["text", "empty", "gif", "bmp", "tiff", "truncated-jpeg", "fake-png", "pdf"])
def test_anything_else_is_refused(data):
    with pytest.raises(CatalogError) as caught:
        media.process_upload(data)
    assert str(caught.value.message) == NOT_AN_IMAGE


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.requested = 0

    def read(self, size=-1):
        self.requested += size if size and size > 0 else 10**12
        return super().read(size)


def test_a_file_over_the_limit_is_refused_without_reading_it_all(app):
    limit = app.config["MAX_UPLOAD_BYTES"]
    assert limit == 10 * 1024 * 1024
    stream = CountingStream(make("JPEG")[:100] + b"\0" * (limit * 3))
    with pytest.raises(CatalogError) as caught:
        media.process_upload(FileStorage(stream=stream, filename="huge.jpg"))
    assert str(caught.value.message) == "The file is larger than 10 MB."
    assert stream.requested == limit + 1
    # Exactly at the limit is not "larger".
    with pytest.raises(CatalogError) as caught:
        media.process_upload(b"\0" * limit)
    assert str(caught.value.message) == NOT_AN_IMAGE


def test_the_limit_follows_the_configuration(app, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_UPLOAD_BYTES", 2048)
    with pytest.raises(CatalogError) as caught:
        media.process_upload(make("PNG", size=(400, 400), mode="RGB", compress_level=0))
    assert str(caught.value.message) == "The file is larger than 2 kB."


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be ``width`` x ``height`` (a decompression bomb's header)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("width,height", [(8000, 5001), (30000, 30000), (100000, 1000)])
def test_pixel_bombs_are_refused_before_decoding(width, height):
    data = _png_header_only(width, height)
    assert len(data) < 200
    with pytest.raises(CatalogError) as caught:
        media.process_upload(data)
    assert str(caught.value.message) == "The image is too large: it may have at most 40 megapixels."


def test_a_real_highly_compressed_bomb_is_refused():
    out = io.BytesIO()
    Image.new("1", (9000, 5000)).save(out, "PNG")  # 45 megapixels in a few kilobytes
    assert len(out.getvalue()) < 100_000
    with pytest.raises(CatalogError) as caught:
        media.process_upload(out.getvalue())
    assert "40 megapixels" in str(caught.value.message)


# --- what comes out ------------------------------------------------------------------------

def _jpeg_with_exif(orientation: int = 1) -> bytes:
    image = Image.new("RGB", (200, 100), (220, 30, 30))
    image.paste((30, 30, 220), (100, 0, 200, 100))  # left half red, right half blue
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "SnoopCam"  # Make
    exif[0x0131] = "secret-software 1.0"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 0.0), "W", (0.0, 7.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    data = out.getvalue()
    assert b"SnoopCam" in data and opened(data).getexif().get_ifd(0x8825)
    return data


def test_exif_and_gps_are_gone_after_re_encoding():
    processed = media.process_upload(_jpeg_with_exif())
    for blob in (processed.data, *processed.thumbnails.values()):
        image = opened(blob)
        assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info
        assert "icc_profile" not in image.info
        assert b"SnoopCam" not in blob and b"secret-software" not in blob and b"Exif" not in blob


def test_exif_orientation_is_applied():
    processed = media.process_upload(_jpeg_with_exif(orientation=6))  # "rotate 90° clockwise to view"
    assert (processed.width, processed.height) == (100, 200)
    image = opened(processed.data).convert("RGB")
    top, bottom = image.getpixel((50, 40)), image.getpixel((50, 160))
    assert top[0] > 150 and top[2] < 90  # the left (red) half is now on top
    assert bottom[2] > 150 and bottom[0] < 90


def test_thumbnails_are_made_at_every_width_and_never_upscaled():
    small = media.process_upload(make("PNG", size=(300, 200)))
    widths = {w: opened(blob).size for w, blob in small.thumbnails.items()}
    assert widths == {160: (160, 107), 320: (300, 200), 640: (300, 200), 1280: (300, 200)}

    large = media.process_upload(make("JPEG", size=(3000, 1000)))
    assert (large.width, large.height) == (2048, 683)  # the stored original fits in 2048 x 2048
    assert {w: opened(b).size[0] for w, b in large.thumbnails.items()} == {160: 160, 320: 320, 640: 640, 1280: 1280}

    tall = media.process_upload(make("PNG", size=(500, 4000)))
    assert (tall.width, tall.height) == (256, 2048)
    assert opened(tall.thumbnails[160]).size == (160, 1280)
    assert opened(tall.thumbnails[320]).size == (256, 2048)


def test_transparency_is_kept_only_when_used():
    clear = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    clear.paste((10, 120, 60, 255), (25, 25, 75, 75))
    out = io.BytesIO()
    clear.save(out, "PNG")
    assert opened(media.process_upload(out.getvalue()).data).mode == "RGBA"
    assert opened(media.process_upload(make("PNG", mode="RGBA", colour=(1, 2, 3, 255))).data).mode == "RGB"
    assert opened(media.process_upload(make("PNG", mode="P", colour=3)).data).mode == "RGB"


def test_other_colour_modes_become_rgb():
    for data in (make("JPEG", mode="CMYK", colour=(0, 255, 255, 0)), make("PNG", mode="L", colour=128),
                 make("PNG", mode="I;16", colour=30000)):
        image = opened(media.process_upload(data).data)
        assert image.mode == "RGB"
    grey = opened(media.process_upload(make("PNG", mode="I;16", colour=32768)).data).getpixel((5, 5))
    assert 110 < grey[0] < 145  # 16-bit grey scaled, not clipped to white


def test_an_animated_image_keeps_its_first_frame():
    frames = [Image.new("RGB", (64, 64), c) for c in ((250, 0, 0), (0, 250, 0))]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    image = opened(media.process_upload(out.getvalue()).data)
    assert getattr(image, "n_frames", 1) == 1 and image.getpixel((10, 10))[0] > 200


# --- keys, names and URLs --------------------------------------------------------------------

def test_keys_are_random_and_safe():
    keys = {media.new_key("p", 7) for _ in range(50)}
    assert len(keys) == 50
    assert all(re.fullmatch(r"p/7/[0-9a-f]{32}", k) for k in keys)
    assert re.fullmatch(r"c/[0-9a-f]{32}", media.new_key("c"))
    assert re.fullmatch(r"b/[0-9a-f]{32}", media.new_key("b"))
    for kind, store_id in (("p", None), ("p", "../1"), ("p", 0), ("x", None), ("../p", 1)):
        with pytest.raises(ValueError):
            media.new_key(kind, store_id)
    for key in ("p/1/../../etc/passwd", "/p/1/" + "a" * 32, "p/1/" + "A" * 32, "c/" + "a" * 31, "", None,
                "b/" + "a" * 32 + "/x"):
        with pytest.raises(ValueError):
            media.check_key(key)


def test_storage_refuses_names_that_could_escape(tmp_path):
    storage = LocalStorage(tmp_path / "media")
    for name in ("../x.webp", "a/../../x.webp", "/etc/passwd", "a\\b.webp", "a/.hidden.webp", "a//b.webp",
                 "A.webp", "x.webp/", "a/b", ".upload-123.tmp", "a b.webp", "a/b.webp\0"):
        with pytest.raises(StorageError):
            check_name(name)
        with pytest.raises(StorageError):
            storage.save(name, b"x", "image/webp")
    storage.save("p/1/abc-160.webp", b"data", "image/webp")
    assert (tmp_path / "media" / "p" / "1" / "abc-160.webp").read_bytes() == b"data"
    assert storage.read("p/1/abc-160.webp") == b"data" and storage.exists("p/1/abc-160.webp")
    assert storage.url("p/1/abc-160.webp") == "/media/p/1/abc-160.webp"
    storage.delete("p/1/abc-160.webp")
    storage.delete("p/1/abc-160.webp")  # already gone: fine
    assert not storage.exists("p/1/abc-160.webp")
    assert [p.name for p in (tmp_path / "media" / "p" / "1").iterdir()] == []  # no temporary file left behind
    with pytest.raises(StorageError):
        storage.open("p/1/abc-160.webp")


def test_urls_and_srcset():
    key = "p/3/" + "ab" * 16
    assert media.image_url(key) == f"/media/{key}.webp"
    assert media.image_url(key, 300) == f"/media/{key}-320.webp"
    assert media.image_url(key, 160) == f"/media/{key}-160.webp"
    assert media.image_url(key, 5000) == f"/media/{key}.webp"
    assert media.image_url(None) == "" and media.srcset(None) == ""
    assert media.srcset(key) == ", ".join(f"/media/{key}-{w}.webp {w}w" for w in (160, 320, 640, 1280))
    assert media.srcset(key, 500) == f"/media/{key}-160.webp 160w, /media/{key}-320.webp 320w, /media/{key}.webp 500w"
    with pytest.raises(ValueError):
        media.image_url("../../etc/passwd")


# --- files follow the transaction ------------------------------------------------------------

def test_stored_files_are_removed_when_the_transaction_rolls_back(app):
    key = media.new_key("c")
    db.session.execute(db.text("select 1"))  # a transaction is open
    media.store_image(media.process_upload(make("PNG")), key)
    assert len(stored_files(app)) == 5
    db.session.rollback()
    assert stored_files(app) == []


def test_stored_files_stay_after_commit_and_discarded_ones_go_after_commit_only(app):
    key = media.new_key("b")
    db.session.execute(db.text("select 1"))
    media.store_image(media.process_upload(make("PNG")), key)
    db.session.commit()
    names = stored_files(app)
    assert names == sorted(os.path.join(*n.split("/")) for n in media.file_names(key))
    media.discard_image(key)
    db.session.rollback()  # the row that refers to them was not changed after all
    assert stored_files(app) == names
    db.session.execute(db.text("select 1"))
    media.discard_image(key)
    assert stored_files(app) == names  # not before the commit
    db.session.commit()
    assert stored_files(app) == []
    assert not get_storage().exists(f"{key}.webp")


def test_demo_pictures_are_valid_uploads():
    data = generated_image("Linen Shirt", (30, 110, 160), size=(600, 600))
    assert opened(data).format == "PNG" and opened(data).size == (600, 600)
    assert data == generated_image("Linen Shirt", (30, 110, 160), size=(600, 600))  # the same each time
    processed = media.process_upload(data)
    assert (processed.width, processed.height) == (600, 600)
