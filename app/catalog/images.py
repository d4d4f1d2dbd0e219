"""A product's images: add (checked and re-encoded by ``app.media.images``),
reorder, choose the main one, delete, and a variant's own image. They flush,
never commit; the files follow the transaction (see ``app.media.images``).

The first image by position is the main one; ``Product.cover_key`` holds its
key so listing pages read one row per product, and every operation here keeps
it in step.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.catalog.models import Brand, Category, Product, ProductImage, Variant
from app.catalog.ordering import swap_with_neighbour
from app.catalog.services import CatalogError
from app.extensions import db
from app.media.images import ProcessedImage, discard_image, new_key, process_upload, store_image

MAX_IMAGES = 12
FIELD = "images"


def _file_name(source) -> str:
    name = getattr(source, "filename", None) or ""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name if len(name) <= 60 else name[:57] + "..."


def sync_cover(product: Product) -> None:
    """Positions 0..n-1 in the current order, and the cover from the first image."""
    product.images.sort(key=lambda image: image.position)
    for position, image in enumerate(product.images):
        image.position = position
    product.cover_key = product.images[0].key if product.images else None


def add_product_images(product: Product, sources, *, field: str = FIELD) -> list[ProductImage]:
    """Append several uploads (FileStorage, binary files, bytes or
    ProcessedImage) after the product's images. Every upload is checked first:
    one bad file and none is added."""
    sources = list(sources)
    if not sources:
        raise CatalogError(_l("Choose one or more images to upload."), field)
    room = MAX_IMAGES - len(product.images)
    if len(sources) > room:
        if room <= 0:
            raise CatalogError(_l("A product has at most %(max)d images. Delete one to add another.",
                                  max=MAX_IMAGES), field)
        raise CatalogError(_l("A product has at most %(max)d images: you can add %(n)d more.",
                              max=MAX_IMAGES, n=room), field)
    processed: list[ProcessedImage] = []
    for source in sources:
        if isinstance(source, ProcessedImage):
            processed.append(source)
            continue
        try:
            processed.append(process_upload(source, field=field))
        except CatalogError as exc:
            name = _file_name(source)
            if len(sources) > 1 and name:
                raise CatalogError(_l("%(file)s was not accepted, so no image was added. %(problem)s",
                                      file=name, problem=exc.message), field) from exc
            raise
    return [_attach(product, image) for image in processed]


def add_product_image(product: Product, data) -> ProductImage:
    """Add one image (bytes, a file, a FileStorage or a ProcessedImage) at the end."""
    return add_product_images(product, [data])[0]


def _attach(product: Product, processed: ProcessedImage) -> ProductImage:
    sync_cover(product)
    image = ProductImage(store_id=product.store_id, product_id=product.id, key=new_key("p", product.store_id),
                         position=len(product.images), width=processed.width, height=processed.height)
    product.images.append(image)
    sync_cover(product)
    db.session.flush()  # the transaction exists before the files do
    store_image(processed, image.key)
    return image


def image_of(product: Product, image_id: int) -> ProductImage | None:
    return next((image for image in product.images if image.id == image_id), None)


def move_product_image(product: Product, image: ProductImage, direction: str) -> None:
    """One place up (towards the main image) or down."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    sync_cover(product)
    order = list(product.images)
    swap_with_neighbour(order, order.index(image), direction)
    sync_cover(product)
    db.session.flush()


def make_main_image(product: Product, image: ProductImage) -> None:
    """Put ``image`` first; the others keep their order."""
    sync_cover(product)
    order = [image, *(item for item in product.images if item is not image)]
    for position, item in enumerate(order):
        item.position = position
    sync_cover(product)
    db.session.flush()


def delete_product_image(product: Product, image: ProductImage) -> None:
    """Delete the row (variants that showed it fall back to the product's
    images) and, once committed, its files."""
    for variant in product.variants:
        if variant.image_id == image.id:
            variant.image_id = None
    key = image.key
    product.images.remove(image)  # delete-orphan: the row goes
    sync_cover(product)
    db.session.flush()
    discard_image(key)


def set_variant_image(product: Product, variant: Variant, image_id: int | None) -> None:
    """Show one of the product's images for ``variant`` (None: the product's own)."""
    if variant.product_id != product.id:
        raise ValueError("the variant belongs to another product")
    if image_id is not None and image_of(product, image_id) is None:
        raise CatalogError(_l("Choose one of the options."), "image_id")
    variant.image_id = image_id
    db.session.flush()


# --- platform catalog: a category's image or icon, a brand's logo ----------------------------

def set_category_image(category: Category, image: ProcessedImage | None) -> None:
    """Give the category a new image (``c/<hex>``), or none; the old files go after commit."""
    _replace(category, "image_key", "c", image)


def set_brand_logo(brand: Brand, image: ProcessedImage | None) -> None:
    """Give the brand a new logo (``b/<hex>``), or none; the old files go after commit."""
    _replace(brand, "logo_key", "b", image)


def _replace(row, attr: str, kind: str, image: ProcessedImage | None) -> None:
    old = getattr(row, attr)
    key = new_key(kind) if image is not None else None
    setattr(row, attr, key)
    db.session.flush()
    if image is not None:
        store_image(image, key)
    if old and old != key:
        discard_image(old)
