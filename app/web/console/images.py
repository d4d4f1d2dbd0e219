"""Console: product images (upload, reorder, main image, delete) and each
variant's own image.

URL table (merchant host), all POST, owners and managers only
    /<store>/products/<id>/images                                  upload one or several files
    /<store>/products/<id>/images/<image_id>/move/<up|down>         one place up or down
    /<store>/products/<id>/images/<image_id>/main                   make it the main image
    /<store>/products/<id>/images/<image_id>/delete                 delete it (and its files)
    /<store>/products/<id>/variants/<variant_id>/image              a variant's own image, or none

Without JavaScript each answers 303 back to the product page (422 with the page
and the message next to the field); with HTMX it answers the images panel
(console/products/_images.html) to swap in place.
"""

from __future__ import annotations

from flask import abort, flash, g, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField

from app.catalog import images as catalog_images
from app.catalog.models import Product
from app.catalog.services import CatalogError
from app.extensions import db
from app.media.images import WIDTHS, size_text
from app.web.access import store_roles
from app.web.console import bp
from app.web.console import products as console_products
from app.web.console.products import EDITORS
from app.web.fields import ChoiceField, EmptyForm, add_error
from app.web.rendering import render, see_other, wants_partial

ACCEPT = "image/jpeg,image/png,image/webp"
UPLOAD_FORM = "images_upload"  # keys of the forms re-shown with errors (see PRODUCT_PAGE_CONTEXT)


def variant_form_name(variant_id: int) -> str:
    return f"variant_image_{variant_id}"


class ImageUploadForm(FlaskForm):
    images = MultipleFileField(_l("Add images"), render_kw={"accept": ACCEPT})


class VariantImageForm(FlaskForm):
    image_id = ChoiceField(_l("Image"), coerce=str)


def _variant_form(product: Product, variant, formdata=None) -> VariantImageForm:
    kwargs = {} if formdata is not None else {"formdata": None, "image_id": str(variant.image_id or "")}
    form = VariantImageForm(prefix=f"vi{variant.id}", **kwargs)
    form.image_id.label.text = _("Image of %(variant)s", variant=variant.label or variant.code)
    form.image_id.choices = [("", _l("The product's main image"))] + [
        (str(image.id), _("Image %(n)d", n=index)) for index, image in enumerate(product.images, start=1)]
    return form


def images_context(product: Product, forms: dict) -> dict:
    """What console/products/_images.html needs (a PRODUCT_PAGE_CONTEXT hook)."""
    variant_forms = {v.id: forms.get(variant_form_name(v.id)) or _variant_form(product, v) for v in product.variants}
    return {"image_form": forms.get(UPLOAD_FORM) or ImageUploadForm(formdata=None),
            "image_button_form": EmptyForm(formdata=None), "variant_image_forms": variant_forms,
            "max_images": catalog_images.MAX_IMAGES, "image_widths": WIDTHS, "upload_limit": size_text()}


console_products.PRODUCT_PAGE_CONTEXT.append(images_context)


def _product_url(product_id: int) -> str:
    return url_for(".product_edit", product_id=product_id) + "#product-images"


def _respond(product_id: int, *, message: str | None = None, forms: dict | None = None, status: int = 200,
             variants_open: bool = False):
    """The images panel for HTMX; otherwise back to the product page (or the
    page itself with the errors, for a 422)."""
    forms = forms or {}
    product = console_products._product_or_404(product_id)
    if wants_partial():
        return render("console/products/_images.html", product=product, can_edit=g.membership.role in EDITORS,
                      images_message=message if status < 400 else None, variant_images_open=variants_open,
                      status=status, **images_context(product, forms))
    if status >= 400:
        return console_products._product_page(product, status=status, extra_forms=forms)
    if message:
        flash(message, "success")
    return see_other(_product_url(product_id))


def _check_csrf() -> None:
    if not EmptyForm().validate_on_submit():
        abort(400)


def _image_or_404(product: Product, image_id: int):
    image = catalog_images.image_of(product, image_id)
    if image is None:
        abort(404)
    return image


@bp.route("/<store>/products/<int:product_id>/images", methods=["POST"])
@store_roles(*EDITORS)
def images_upload(product_id: int):
    product = console_products._product_or_404(product_id)
    form = ImageUploadForm()
    if not form.validate_on_submit():  # only the CSRF token can fail here
        abort(400)
    files = [f for f in request.files.getlist("images") if f and f.filename]
    try:
        added = catalog_images.add_product_images(product, files)
    except CatalogError as exc:
        db.session.rollback()
        add_error(form, exc.message, exc.field)
        return _respond(product_id, forms={UPLOAD_FORM: form}, status=422)
    db.session.commit()
    return _respond(product_id, message=_("%(n)d image(s) added.", n=len(added)))


@bp.route("/<store>/products/<int:product_id>/images/<int:image_id>/move/<any(up, down):direction>",
          methods=["POST"])
@store_roles(*EDITORS)
def image_move(product_id: int, image_id: int, direction: str):
    product = console_products._product_or_404(product_id)
    image = _image_or_404(product, image_id)
    _check_csrf()
    catalog_images.move_product_image(product, image, direction)
    db.session.commit()
    return _respond(product_id, message=_("Image order saved."))


@bp.route("/<store>/products/<int:product_id>/images/<int:image_id>/main", methods=["POST"])
@store_roles(*EDITORS)
def image_main(product_id: int, image_id: int):
    product = console_products._product_or_404(product_id)
    image = _image_or_404(product, image_id)
    _check_csrf()
    catalog_images.make_main_image(product, image)
    db.session.commit()
    return _respond(product_id, message=_("This is now the main image."))


@bp.route("/<store>/products/<int:product_id>/images/<int:image_id>/delete", methods=["POST"])
@store_roles(*EDITORS)
def image_delete(product_id: int, image_id: int):
    product = console_products._product_or_404(product_id)
    image = _image_or_404(product, image_id)
    _check_csrf()
    catalog_images.delete_product_image(product, image)
    db.session.commit()
    return _respond(product_id, message=_("Image deleted."))


@bp.route("/<store>/products/<int:product_id>/variants/<int:variant_id>/image", methods=["POST"])
@store_roles(*EDITORS)
def variant_image(product_id: int, variant_id: int):
    product = console_products._product_or_404(product_id)
    variant = console_products._variant_or_404(product, variant_id)
    form = _variant_form(product, variant, formdata=request.form)
    if form.validate_on_submit():
        try:
            catalog_images.set_variant_image(product, variant, int(form.image_id.data) if form.image_id.data else None)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
        else:
            db.session.commit()
            return _respond(product_id, message=_("Image of %(variant)s saved.", variant=variant.label or variant.code),
                            variants_open=True)
    elif form.csrf_token.errors:
        abort(400)
    return _respond(product_id, forms={variant_form_name(variant_id): form}, status=422, variants_open=True)
