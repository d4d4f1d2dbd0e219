"""Console: changing a product's options after creation, a variant's weight,
and the product list's inline price and stock edits.

URL table (merchant host)
    /<store>/products/<id>/options                              POST: apply new options (keep/add/remove variants)
    /<store>/products/<id>/options/preview                      HTMX POST: which variants the typed options keep/add/remove
    /<store>/products/<id>/variants/<variant_id>/weight         POST: the variant's own weight in grams
    /<store>/products/<id>/variants/<variant_id>/inline         GET: the list row with this variant's editor (HTMX)
                                                                POST: save its price (owners, managers) and stock (anyone)

Staff may change stock inline (as on the product page), never prices: a price
in their form is refused with 403.
"""

from __future__ import annotations

from flask import abort, flash, g, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from app.catalog import variants as catalog_variants
from app.catalog.services import CatalogError
from app.extensions import db
from app.web.access import store_roles
from app.web.console import bp
from app.web.console.products import (
    EDITORS,
    PRODUCT_PAGE_CONTEXT,
    TOO_LONG,
    _product_or_404,
    _product_page,
    _variant_or_404,
    list_row_context,
    plain_amount,
)
from app.web.fields import add_error
from app.web.rendering import form_status, render, see_other, wants_partial

OPTIONS_PREFIX = "opt"


class OptionsForm(FlaskForm):
    options = TextAreaField(_l("Options"), validators=[Optional(), Length(max=2000, message=TOO_LONG)],
                            render_kw={"rows": 4})
    price = StringField(_l("Price of new variants"), validators=[Optional(), Length(max=20, message=TOO_LONG)],
                        render_kw={"inputmode": "decimal"})


class WeightForm(FlaskForm):
    weight_grams = StringField(_l("Weight (grams)"), validators=[Optional(), Length(max=10, message=TOO_LONG)],
                               render_kw={"inputmode": "numeric"})


class InlineForm(FlaskForm):
    price = StringField(_l("Price"), validators=[Optional(), Length(max=20, message=TOO_LONG)],
                        render_kw={"inputmode": "decimal"})
    stock = StringField(_l("Stock"), validators=[Optional(), Length(max=12, message=TOO_LONG)],
                        render_kw={"inputmode": "numeric"})
    stock_seen = HiddenField()


def _options_context(product, forms: dict) -> dict:
    """Adds the options form and the per-variant weight forms to the product page."""
    options_form = forms.get("options_form") or OptionsForm(
        prefix=OPTIONS_PREFIX, options=catalog_variants.options_text(product.options))
    weight_forms = dict(forms.get("variant_weight_forms") or {})
    for v in product.variants:
        if v.id not in weight_forms:
            weight_forms[v.id] = WeightForm(prefix=f"w{v.id}",
                                            weight_grams="" if v.weight_grams is None else str(v.weight_grams))
        weight_forms[v.id].weight_grams.label.text = _("Weight of %(variant)s in grams", variant=v.label or v.code)
    return {"options_form": options_form, "variant_weight_forms": weight_forms}


PRODUCT_PAGE_CONTEXT.append(_options_context)


# --- options ----------------------------------------------------------------------------

@bp.route("/<store>/products/<int:product_id>/options", methods=["POST"])
@store_roles(*EDITORS)
def product_options(product_id: int):
    product = _product_or_404(product_id)
    form = OptionsForm(prefix=OPTIONS_PREFIX)
    if form.validate_on_submit():
        try:
            change = catalog_variants.change_options(product, form.options.data, g.store.base_currency,
                                                     form.price.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _product_page(_product_or_404(product_id), status=422, extra_forms={"options_form": form})
        db.session.commit()
        flash(_("Options saved: %(added)d variant(s) added, %(removed)d removed, %(kept)d kept.",
                added=len(change.added), removed=len(change.removed), kept=change.kept), "success")
        return see_other(url_for(".product_edit", product_id=product_id))
    return _product_page(product, status=form_status(form), extra_forms={"options_form": form})


@bp.route("/<store>/products/<int:product_id>/options/preview", methods=["POST"])
@store_roles(*EDITORS)
def product_options_preview(product_id: int):
    """While typing: each variant the options would keep, add or remove. Writes nothing."""
    product = _product_or_404(product_id)
    text = (request.form.get(f"{OPTIONS_PREFIX}-options") or request.form.get("options") or "")[:2000]
    try:
        plan = catalog_variants.plan_options(product, catalog_variants.parse_options(text))
    except CatalogError as exc:
        return render("console/products/_options_preview.html", error=str(exc.message), plan=None, status=422)
    return render("console/products/_options_preview.html", error=None, plan=plan, money=list_row_context()["money"])


# --- weight -----------------------------------------------------------------------------

@bp.route("/<store>/products/<int:product_id>/variants/<int:variant_id>/weight", methods=["POST"])
@store_roles(*EDITORS)
def variant_weight(product_id: int, variant_id: int):
    product = _product_or_404(product_id)
    variant = _variant_or_404(product, variant_id)
    form = WeightForm(prefix=f"w{variant.id}")
    if form.validate_on_submit():
        try:
            catalog_variants.set_variant_weight(variant, form.weight_grams.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _product_page(_product_or_404(product_id), status=422,
                                 extra_forms={"variant_weight_forms": {variant_id: form}})
        db.session.commit()
        flash(_("Weight of %(code)s saved.", code=variant.code), "success")
        return see_other(url_for(".product_edit", product_id=product_id))
    return _product_page(product, status=form_status(form), extra_forms={"variant_weight_forms": {variant_id: form}})


# --- inline price and stock from the product list ------------------------------------------

def _inline_response(product, *, editing=None, form=None, saved=None, status=200):
    """The product's list row (HTMX), or a small page with it for a browser without JS."""
    return render("console/products/_inline_page.html", "console/products/_inline_row.html", p=product,
                  editing=editing, inline_form=form, saved=saved, open_variants=True, status=status,
                  **list_row_context())


@bp.route("/<store>/products/<int:product_id>/variants/<int:variant_id>/inline", methods=["GET", "POST"])
@store_roles()
def variant_inline(product_id: int, variant_id: int):
    product = _product_or_404(product_id)
    variant = _variant_or_404(product, variant_id)
    can_price = g.membership.role in EDITORS
    if request.method == "GET":
        if request.args.get("show") == "row":
            return _inline_response(product)
        form = InlineForm(prefix=f"i{variant.id}", price=plain_amount(variant.price), stock=str(variant.stock),
                          stock_seen=str(variant.stock))
        return _inline_response(product, editing=variant.id, form=form)
    form = InlineForm(prefix=f"i{variant.id}")
    if not can_price and form.price.name in request.form:
        g.denied_reason = "role"
        abort(403)
    if form.validate_on_submit():
        try:
            catalog_variants.quick_edit(
                variant, currency=g.store.base_currency, price_text=form.price.data if can_price else None,
                stock_text=form.stock.data if form.stock.name in request.form else None, seen_stock_text=form.stock_seen.data,
                reason=_("Quick edit from the product list"), actor_id=current_user.id)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            product = _product_or_404(product_id)
            return _inline_response(product, editing=variant_id, form=form, status=422)
        db.session.commit()
        if not wants_partial():
            flash(_("Variant %(code)s saved.", code=variant.code), "success")
            return see_other(url_for(".products"))
        return _inline_response(_product_or_404(product_id), saved=variant_id)
    return _inline_response(product, editing=variant.id, form=form, status=form_status(form))
