"""Console: the store's own collections (in-store categories).

URL table (merchant host)
    /<store>/collections                                              GET: list, reorder, new form; POST: create
    /<store>/collections/<id>                                         edit; its products in order
    /<store>/collections/<id>/move/<up|down>                          reorder the collections
    /<store>/collections/<id>/delete                                  delete (its products stay)
    /<store>/collections/<id>/products/<product_id>/move/<up|down>    reorder products within it
    /<store>/products/<product_id>/collections                        POST: the product's collections (checkboxes)
"""

from __future__ import annotations

from flask import abort, flash, g, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.catalog import extras
from app.catalog.models import Collection, ProductCollection
from app.catalog.services import CatalogError
from app.extensions import db
from app.web.access import store_roles
from app.web.account.forms import REQUIRED
from app.web.console import bp
from app.web.console import products as console_products
from app.web.console.products import EDITORS, TOO_LONG
from app.web.fields import EmptyForm, add_error
from app.web.rendering import form_status, render, see_other


class CollectionForm(FlaskForm):
    name = StringField(_l("Name"), validators=[InputRequired(message=REQUIRED),
                                               Length(max=extras.COLLECTION_NAME_MAX, message=TOO_LONG)])
    slug = StringField(_l("Address (slug)"), validators=[InputRequired(message=REQUIRED), Length(max=80, message=TOO_LONG)],
                       render_kw={"autocapitalize": "none", "spellcheck": "false"})
    description = TextAreaField(_l("Description"), validators=[
        Optional(), Length(max=extras.COLLECTION_DESCRIPTION_MAX, message=TOO_LONG)])


class CheckboxesField(SelectMultipleField):
    """Checkboxes whose invalid-choice message comes from the app's catalogs."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        values = {str(value) for value, *_rest in self.iter_choices()} if self.choices else set()
        if any(str(item) not in values for item in self.data or ()):
            raise ValidationError(_l("Choose one of the options."))


class ProductCollectionsForm(FlaskForm):
    collection_ids = CheckboxesField(_l("Collections"), coerce=str)


def _collection_or_404(collection_id: int) -> Collection:
    collection = db.session.scalar(select(Collection).where(Collection.id == collection_id))
    if collection is None:
        abort(404)
    return collection


def _can_edit() -> bool:
    return g.membership.role in EDITORS


def _list_page(form: CollectionForm | None = None, status: int = 200):
    rows = extras.ordered_collections()
    counts = dict(db.session.execute(select(ProductCollection.collection_id, func.count())
                                     .group_by(ProductCollection.collection_id)).all())
    return render("console/collections/list.html", collections=rows, counts=counts, form=form or CollectionForm(),
                  button_form=EmptyForm(), can_edit=_can_edit(), status=status)


def _edit_page(collection: Collection, form: CollectionForm | None = None, status: int = 200):
    if form is None:
        form = CollectionForm(formdata=None, obj=collection)
    return render("console/collections/edit.html", collection=collection, form=form,
                  products=extras.collection_products(collection), button_form=EmptyForm(), can_edit=_can_edit(),
                  money=console_products.money, status=status)


@bp.route("/<store>/collections")
@store_roles()
def collections():
    return _list_page()


@bp.route("/<store>/collections", methods=["POST"])
@store_roles(*EDITORS)
def collection_create():
    form = CollectionForm()
    if form.validate_on_submit():
        try:
            collection = extras.save_collection(None, name=form.name.data, slug=form.slug.data,
                                                description=form.description.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _list_page(form, 422)
        db.session.commit()
        flash(_("Collection %(name)s created.", name=collection.name), "success")
        return see_other(url_for(".collections"))
    return _list_page(form, form_status(form))


@bp.route("/<store>/collections/<int:collection_id>", methods=["GET", "POST"])
@store_roles()
def collection_edit(collection_id: int):
    collection = _collection_or_404(collection_id)
    if request.method == "GET":
        return _edit_page(collection)
    if not _can_edit():
        g.denied_reason = "role"
        abort(403)
    form = CollectionForm()
    if form.validate_on_submit():
        try:
            extras.save_collection(collection, name=form.name.data, slug=form.slug.data,
                                   description=form.description.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _edit_page(_collection_or_404(collection_id), form, 422)
        db.session.commit()
        flash(_("Collection saved."), "success")
        return see_other(url_for(".collection_edit", collection_id=collection_id))
    return _edit_page(collection, form, form_status(form))


@bp.route("/<store>/collections/<int:collection_id>/move/<any(up, down):direction>", methods=["POST"])
@store_roles(*EDITORS)
def collection_move(collection_id: int, direction: str):
    collection = _collection_or_404(collection_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    extras.move_collection(collection, direction)
    db.session.commit()
    return see_other(url_for(".collections") + f"#collection-{collection_id}")


@bp.route("/<store>/collections/<int:collection_id>/delete", methods=["POST"])
@store_roles(*EDITORS)
def collection_delete(collection_id: int):
    collection = _collection_or_404(collection_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    name = collection.name
    extras.delete_collection(collection)
    db.session.commit()
    flash(_("Collection %(name)s deleted. Its products are still in your catalog.", name=name), "success")
    return see_other(url_for(".collections"))


@bp.route("/<store>/collections/<int:collection_id>/products/<int:product_id>/move/<any(up, down):direction>",
          methods=["POST"])
@store_roles(*EDITORS)
def collection_product_move(collection_id: int, product_id: int, direction: str):
    collection = _collection_or_404(collection_id)
    product = console_products._product_or_404(product_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if product.id not in {p.id for p in extras.collection_products(collection)}:
        abort(404)
    extras.move_collection_product(collection, product.id, direction)
    db.session.commit()
    return see_other(url_for(".collection_edit", collection_id=collection_id) + f"#product-{product_id}")


# --- on the product page -----------------------------------------------------------------

def _product_collections_form(product, form: ProductCollectionsForm | None = None) -> ProductCollectionsForm:
    rows = extras.ordered_collections()
    if form is None:
        form = ProductCollectionsForm(prefix="pc", formdata=None,
                                      collection_ids=[str(i) for i in extras.product_collection_ids(product)])
    form.collection_ids.choices = [(str(c.id), c.name) for c in rows]
    return form


def _collections_context(product, forms: dict) -> dict:
    return {"collections_form": _product_collections_form(product, forms.get("collections"))}


console_products.PRODUCT_PAGE_CONTEXT.append(_collections_context)


@bp.route("/<store>/products/<int:product_id>/collections", methods=["POST"])
@store_roles(*EDITORS)
def product_collections(product_id: int):
    product = console_products._product_or_404(product_id)
    form = _product_collections_form(product, ProductCollectionsForm(prefix="pc"))
    if form.validate_on_submit():
        try:
            extras.set_product_collections(product, form.collection_ids.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return console_products._product_page(console_products._product_or_404(product_id),
                                                  extra_forms={"collections": form}, status=422)
        db.session.commit()
        flash(_("Collections saved."), "success")
        return see_other(url_for(".product_edit", product_id=product_id) + "#collections")
    return console_products._product_page(product, extra_forms={"collections": form}, status=form_status(form))
