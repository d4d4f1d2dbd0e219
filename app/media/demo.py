"""Generated product pictures for the demo data: a soft background in the
product's colour, a shadow, and one simple object (a box, a bottle, a shirt, a
ball, a mug or a bag) picked from ``text``, so the same product always gets
the same picture. PNG bytes, ready for ``app.media.images.process_upload``.
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw, ImageFilter

SHAPES = ("box", "bottle", "shirt", "ball", "mug", "bag")
SUPERSAMPLE = 2  # drawn at twice the size, then scaled down: smooth edges


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _shape_for(text: str) -> tuple[str, int]:
    digest = hashlib.sha256((text or "").encode("utf-8")).digest()
    return SHAPES[digest[0] % len(SHAPES)], digest[1]


def generated_image(text: str, colour: tuple[int, int, int], size: tuple[int, int] = (1200, 1200)) -> bytes:
    """A pleasant product-like picture (PNG) for ``text`` in ``colour``."""
    colour = tuple(max(0, min(255, int(c))) for c in colour)
    width, height = max(16, int(size[0])), max(16, int(size[1]))
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    white, ink = (255, 255, 255), (28, 32, 30)
    luma = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
    # A light object stands on a darker, neutral background; any other on a tint of its colour.
    light = _mix(colour, (150, 158, 155), 0.55) if luma > 200 else _mix(colour, white, 0.82)
    dark = _mix(colour, ink, 0.35)
    shape, variant = _shape_for(text)

    # Background: a gentle vertical gradient from near-white to a light tint.
    background = Image.linear_gradient("L").resize((w, h))
    image = Image.composite(Image.new("RGB", (w, h), _mix(light, white, 0.6)), Image.new("RGB", (w, h), light),
                            background.point(lambda v: 255 - v))

    unit = min(w, h)
    cx, cy = w // 2, int(h * 0.52)

    # A soft shadow on the "floor".
    shadow = Image.new("L", (w, h), 0)
    ImageDraw.Draw(shadow).ellipse((cx - unit * 0.3, cy + unit * 0.27, cx + unit * 0.3, cy + unit * 0.35), fill=90)
    shadow = shadow.filter(ImageFilter.GaussianBlur(unit * 0.03))
    image.paste(Image.new("RGB", (w, h), _mix(light, ink, 0.45)), mask=shadow)

    draw = ImageDraw.Draw(image)
    u = unit / 100  # one hundredth of the picture
    highlight = _mix(colour, white, 0.35)
    if shape == "box":
        draw.rounded_rectangle((cx - 26 * u, cy - 24 * u, cx + 26 * u, cy + 30 * u), radius=4 * u, fill=colour)
        draw.rounded_rectangle((cx - 28 * u, cy - 30 * u, cx + 28 * u, cy - 18 * u), radius=3 * u, fill=dark)
        draw.rectangle((cx - 3 * u, cy - 30 * u, cx + 3 * u, cy + 30 * u), fill=highlight)
    elif shape == "bottle":
        draw.rounded_rectangle((cx - 16 * u, cy - 14 * u, cx + 16 * u, cy + 31 * u), radius=8 * u, fill=colour)
        draw.rounded_rectangle((cx - 6 * u, cy - 30 * u, cx + 6 * u, cy - 10 * u), radius=2 * u, fill=colour)
        draw.rounded_rectangle((cx - 7 * u, cy - 36 * u, cx + 7 * u, cy - 28 * u), radius=2 * u, fill=dark)
        draw.rounded_rectangle((cx - 16 * u, cy + 2 * u, cx + 16 * u, cy + 16 * u), radius=1 * u, fill=highlight)
    elif shape == "shirt":
        body = [(-14, -28), (-30, -20), (-38, -2), (-27, 4), (-22, -6), (-22, 30), (22, 30), (22, -6), (27, 4),
                (38, -2), (30, -20), (14, -28), (7, -22), (0, -20), (-7, -22)]
        draw.polygon([(cx + x * u, cy + y * u) for x, y in body], fill=colour)
        draw.chord((cx - 8 * u, cy - 30 * u, cx + 8 * u, cy - 16 * u), 0, 180, fill=dark)
    elif shape == "ball":
        draw.ellipse((cx - 30 * u, cy - 30 * u, cx + 30 * u, cy + 30 * u), fill=colour)
        draw.arc((cx - 30 * u, cy - 12 * u, cx + 30 * u, cy + 12 * u), 0, 180, fill=dark, width=max(1, round(2 * u)))
        draw.ellipse((cx - 18 * u, cy - 22 * u, cx - 6 * u, cy - 12 * u), fill=highlight)
    elif shape == "mug":
        draw.rounded_rectangle((cx + 12 * u, cy - 12 * u, cx + 34 * u, cy + 14 * u), radius=10 * u,
                               outline=colour, width=max(1, round(6 * u)))
        draw.rounded_rectangle((cx - 24 * u, cy - 22 * u, cx + 20 * u, cy + 28 * u), radius=6 * u, fill=colour)
        draw.ellipse((cx - 24 * u, cy - 27 * u, cx + 20 * u, cy - 17 * u), fill=dark)
    else:  # bag
        draw.arc((cx - 16 * u, cy - 36 * u, cx + 16 * u, cy - 4 * u), 180, 360, fill=dark, width=max(1, round(4 * u)))
        draw.rounded_rectangle((cx - 30 * u, cy - 20 * u, cx + 30 * u, cy + 30 * u), radius=5 * u, fill=colour)
        draw.rectangle((cx - 30 * u, cy - 8 * u, cx + 30 * u, cy - 4 * u), fill=dark)

    # A small mark that varies with the text, so products of one shape differ.
    dot = (4 + variant % 5) * u
    mark = _mix(colour, white, 0.6) if variant % 2 else dark
    draw.ellipse((cx + 10 * u, cy + 8 * u, cx + 10 * u + dot, cy + 8 * u + dot), fill=mark)

    image = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)  # fast: it is re-encoded on upload anyway
    return out.getvalue()
