"""Console: the store's products, their variants, prices and stock.

URL table (merchant host)
    /<store>/products                                             list, search, filter
    /<store>/products/new                                         create with options -> variants
    /<store>/products/<id>                                        edit the product; variants; stock ledger
    /<store>/products/<id>/variants/<variant_id>                  code and prices of one variant
    /<store>/products/<id>/variants/<variant_id>/stock            adjust stock, with a reason
    /<store>/products/variants-preview                            HTMX: the variants typed options make
    /<store>/products/shelf                                       bulk: selected products on / off the shelf
"""

from __future__ import annotations

from babel import Locale
from flask import abort, flash, g, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, or_, select
from sqlalchemy.orm import lazyload, selectinload
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from app.catalog import products as catalog_products
from app.catalog.models import Brand, Category, Product, ProductStatus, StockMovement, Variant
from app.catalog.moderation import moderation_label
from app.catalog.services import CatalogError, approved_category_ids, localized_name
from app.extensions import db
from app.i18n.money import Money
from app.tenancy.models import Role
from app.web.access import store_roles
from app.web.account.forms import REQUIRED
from app.web.console import bp
from app.web.fields import ChoiceField, EmptyForm, add_error
from app.web.rendering import form_status, render, see_other, wants_partial

EDITORS = (Role.OWNER, Role.MANAGER)
# Functions (product, forms) -> dict adding context to the product edit page;
# the images, prices, translations and collections modules register theirs.
# ``forms`` maps a context name to a form being re-shown with its errors.
PRODUCT_PAGE_CONTEXT: list = []
TOO_LONG = _l("Use at most %(max)d characters.")
PAGE_SIZE = 50


def status_choices():
    return [(ProductStatus.DRAFT.value, _l("Draft")), (ProductStatus.ACTIVE.value, _l("Active")),
            (ProductStatus.ARCHIVED.value, _l("Archived"))]


class ProductForm(FlaskForm):
    name = StringField(_l("Product name"), validators=[InputRequired(message=REQUIRED), Length(max=200, message=TOO_LONG)])
    slug = StringField(_l("Address (slug)"), validators=[InputRequired(message=REQUIRED), Length(max=120, message=TOO_LONG)],
                       render_kw={"autocapitalize": "none", "spellcheck": "false"})
    category_id = ChoiceField(_l("Category"), coerce=str)
    brand_id = ChoiceField(_l("Brand"), coerce=str)
    status = ChoiceField(_l("Status"), choices=status_choices, default=ProductStatus.DRAFT.value)
    on_shelf = BooleanField(_l("On the shelf (shoppers can buy it)"))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000, message=TOO_LONG)])
    weight_grams = StringField(_l("Weight (grams)"), validators=[Optional(), Length(max=10, message=TOO_LONG)],
                               render_kw={"inputmode": "numeric"})
    hs_code = StringField(_l("HS code"), validators=[Optional(), Length(max=12, message=TOO_LONG)],
                          render_kw={"inputmode": "numeric"})
    origin_country = ChoiceField(_l("Country of origin"), coerce=str)
    gtin = StringField(_l("GTIN / barcode"), validators=[Optional(), Length(max=14, message=TOO_LONG)],
                       render_kw={"inputmode": "numeric"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        approved = approved_category_ids()
        categories = db.session.scalars(select(Category).where(Category.id.in_(approved)).order_by(Category.name)).all()
        locale = getattr(g, "url_locale", "en")
        self.category_id.choices = [(str(c.id), localized_name(c, locale)) for c in categories]
        self.brand_id.choices = [("", _l("No brand"))] + [
            (str(b.id), b.name) for b in db.session.scalars(select(Brand).order_by(Brand.name))]
        names = Locale.parse(str(get_locale() or "en")).territories
        self.origin_country.choices = [("", _l("Not set"))] + sorted(
            ((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()), key=lambda kv: kv[1])


class NewProductForm(ProductForm):
    options = TextAreaField(_l("Options"), validators=[Optional(), Length(max=2000, message=TOO_LONG)])
    price = StringField(_l("Price"), validators=[InputRequired(message=REQUIRED), Length(max=20, message=TOO_LONG)],
                        render_kw={"inputmode": "decimal"})


class VariantForm(FlaskForm):
    code = StringField(_l("Code (SKU)"), validators=[InputRequired(message=REQUIRED), Length(max=64, message=TOO_LONG)])
    price = StringField(_l("Price"), validators=[InputRequired(message=REQUIRED), Length(max=20, message=TOO_LONG)],
                        render_kw={"inputmode": "decimal"})
    compare_at = StringField(_l("Compare-at price"), validators=[Optional(), Length(max=20, message=TOO_LONG)],
                             render_kw={"inputmode": "decimal"})


class StockForm(FlaskForm):
    delta = StringField(_l("Stock change"), validators=[InputRequired(message=REQUIRED), Length(max=9, message=TOO_LONG)],
                        render_kw={"inputmode": "numeric"})
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=200, message=TOO_LONG)])


def _int_or_error(text: str | None, field: str, message) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError as exc:
        raise CatalogError(message, field) from exc


def money(amount: int | None) -> str:
    if amount is None:
        return ""
    return Money(amount, g.store.base_currency).format(str(get_locale() or "en"))


def plain_amount(amount: int | None) -> str:
    return "" if amount is None else str(Money(amount, g.store.base_currency).decimal)


def _product_or_404(product_id: int) -> Product:
    product = db.session.scalar(select(Product).where(Product.id == product_id))
    if product is None:
        abort(404)
    return product


def _variant_or_404(product: Product, variant_id: int) -> Variant:
    variant = db.session.scalar(select(Variant).where(Variant.id == variant_id, Variant.product_id == product.id))
    if variant is None:
        abort(404)
    return variant


STOCK_FILTERS = ("in", "low", "out")


def stock_choices():
    return [("in", _l("In stock")), ("low", _l("Low stock")), ("out", _l("Out of stock"))]


def list_row_context() -> dict:
    """What a row of the product list needs (the list and its inline edits)."""
    return {"money": money, "low_stock": catalog_products.LOW_STOCK, "can_edit": g.membership.role in EDITORS,
            "moderation_label": moderation_label}


def _allowed_link(endpoint: str) -> bool:
    """Whether ``endpoint`` exists and the current member's role may open it."""
    from flask import current_app

    view = current_app.view_functions.get(endpoint)
    roles = getattr(view, "required_roles", None)
    return view is not None and (roles is None or g.membership.role in roles)


def _filter_categories(approved: set[int]) -> list[tuple[str, str]]:
    """The store's approved categories and the ones its products are in."""
    used = select(Product.category_id).where(Product.store_id == g.store.id).distinct()
    rows = db.session.scalars(select(Category).where(or_(Category.id.in_(approved), Category.id.in_(used)))
                              .order_by(Category.name)).all()
    locale = getattr(g, "url_locale", "en")
    return sorted(((str(c.id), localized_name(c, locale)) for c in rows), key=lambda kv: kv[1].lower())


@bp.route("/<store>/products")
@store_roles()
def products():
    q = (request.args.get("q") or "").strip()[:100]
    status = request.args.get("status") or ""
    status = status if status in {s.value for s in ProductStatus} else ""
    category = request.args.get("category") or ""
    category = category if category.isdigit() and len(category) <= 9 else ""
    stock = request.args.get("stock") or ""
    stock = stock if stock in STOCK_FILTERS else ""
    try:
        page = max(1, int(request.args.get("page") or 1))
    except ValueError:
        page = 1
    conditions = []
    if status:
        conditions.append(Product.status == ProductStatus(status))
    if category:
        conditions.append(Product.category_id == int(category))
    if q:
        like = f"%{q.lower()}%"
        conditions.append(or_(func.lower(Product.name).like(like),
                              Product.id.in_(select(Variant.product_id).where(Variant.store_id == g.store.id,
                                                                               func.lower(Variant.code).like(like)))))
    if stock:
        stocked = select(Variant.product_id).where(Variant.store_id == g.store.id, Variant.stock > 0)
        if stock == "out":
            conditions.append(Product.id.not_in(stocked))
        else:
            conditions.append(Product.id.in_(stocked))
        if stock == "low":
            conditions.append(Product.id.in_(select(Variant.product_id).where(
                Variant.store_id == g.store.id, Variant.stock <= catalog_products.LOW_STOCK)))
    total = db.session.scalar(select(func.count(Product.id)).where(*conditions)) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(page, pages)
    # Only the variants are needed per row: the category, images, translations
    # and fixed prices stay unloaded (no extra queries).
    stmt = (select(Product).where(*conditions).order_by(Product.updated_at.desc(), Product.id.desc())
            .options(lazyload(Product.category), lazyload(Product.images), lazyload(Product.translations),
                     selectinload(Product.variants).lazyload(Variant.fixed_prices))
            .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE))
    rows = db.session.scalars(stmt).all()
    full_page = not wants_partial()  # the filters and page head are not in the HTMX partial
    approved = approved_category_ids() if full_page else set()
    filter_args = {k: v for k, v in (("q", q), ("status", status), ("category", category), ("stock", stock)) if v}
    return render("console/products/list.html", "console/products/_table.html", products=rows, q=q,
                  status_filter=status, statuses=status_choices(), category_filter=category,
                  categories=_filter_categories(approved) if full_page else [], stock_filter=stock, stock_states=stock_choices(),
                  filter_args=filter_args, filtered=bool(filter_args), page=page, pages=pages, total=total,
                  bulk_form=EmptyForm(), approved=bool(approved),
                  can_export=_allowed_link("console.products_export"),
                  can_import=_allowed_link("console.products_import"), **list_row_context())


def _save_from(form, product: Product | None) -> Product:
    weight = _int_or_error(form.weight_grams.data, "weight_grams", _l("Enter the weight in grams, up to 1,000,000."))
    return catalog_products.save_product(
        product, currency=g.store.base_currency, name=form.name.data, slug=form.slug.data,
        category_id=int(form.category_id.data), brand_id=int(form.brand_id.data) if form.brand_id.data else None,
        description=form.description.data, status=form.status.data, on_shelf=form.on_shelf.data,
        weight_grams=weight, hs_code=form.hs_code.data, origin_country=form.origin_country.data, gtin=form.gtin.data,
        options_text=getattr(form, "options", None) and form.options.data,
        price_text=getattr(form, "price", None) and form.price.data)


@bp.route("/<store>/products/new", methods=["GET", "POST"])
@store_roles(*EDITORS)
def product_new():
    form = NewProductForm()
    if form.validate_on_submit():
        try:
            product = _save_from(form, None)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            category_id = int(form.category_id.data) if str(form.category_id.data).isdigit() else None
            return render("console/products/new.html", form=form, status=422,
                          text=template_options_text(category_id), category_id=category_id)
        db.session.commit()
        flash(_("Product created with %(n)d variant(s). Set their codes, prices and stock below.",
                n=len(product.variants)), "success")
        return see_other(url_for(".product_edit", product_id=product.id))
    chosen = form.category_id.data or (form.category_id.choices[0][0] if form.category_id.choices else "")
    category_id = int(chosen) if str(chosen).isdigit() else None
    return render("console/products/new.html", form=form, status=form_status(form),
                  text=template_options_text(category_id), category_id=category_id)


def template_options_text(category_id: int | None) -> str:
    """The category's option templates written as the options field expects."""
    from app.catalog.options import options_for_category

    if category_id is None:
        return ""
    return "\n".join(f"{o.name}: {', '.join(o.values)}" for o in options_for_category(category_id))


@bp.route("/<store>/products/option-template")
@store_roles(*EDITORS)
def option_template():
    """HTMX, from the new product form: the options the chosen category uses,
    and with ``fill=1`` the options field filled with them."""
    raw = request.args.get("category_id", "")
    category_id = int(raw) if raw.isdigit() and int(raw) in approved_category_ids() else None
    text = template_options_text(category_id)
    if request.args.get("fill") == "1":
        form = NewProductForm(formdata=None, options=text)
        return render("console/products/_options_field.html", form=form)
    return render("console/products/_option_template.html", text=text, category_id=category_id)


def _product_page(product: Product, form: ProductForm | None = None, variant_forms: dict | None = None,
                  stock_forms: dict | None = None, status: int = 200, extra_forms: dict | None = None):
    if form is None:
        form = ProductForm(obj=product)
        form.category_id.data, form.brand_id.data = str(product.category_id), str(product.brand_id or "")
        form.status.data = product.status.value
        form.weight_grams.data = str(product.weight_grams) if product.weight_grams is not None else ""
        form.origin_country.data = product.origin_country or ""
    variant_forms = variant_forms or {}
    stock_forms = stock_forms or {}
    for v in product.variants:
        if v.id not in variant_forms:
            variant_forms[v.id] = VariantForm(prefix=f"v{v.id}", code=v.code, price=plain_amount(v.price),
                                              compare_at=plain_amount(v.compare_at_price))
        stock_forms.setdefault(v.id, StockForm(prefix=f"s{v.id}"))
    movements = db.session.scalars(
        select(StockMovement).where(StockMovement.variant_id.in_([v.id for v in product.variants]))
        .order_by(StockMovement.created_at.desc(), StockMovement.id.desc()).limit(20)).all()
    codes = {v.id: v.code for v in product.variants}
    extra: dict = {}
    for hook in PRODUCT_PAGE_CONTEXT:
        extra.update(hook(product, extra_forms or {}))
    return render("console/products/edit.html", product=product, form=form, variant_forms=variant_forms,
                  stock_forms=stock_forms, movements=movements, codes=codes, money=money,
                  can_edit=g.membership.role in EDITORS, status=status, **extra)


@bp.route("/<store>/products/<int:product_id>", methods=["GET", "POST"])
@store_roles()
def product_edit(product_id: int):
    product = _product_or_404(product_id)
    if request.method == "GET":
        return _product_page(product)
    if g.membership.role not in EDITORS:
        g.denied_reason = "role"
        abort(403)
    form = ProductForm()
    if form.validate_on_submit():
        try:
            _save_from(form, product)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _product_page(_product_or_404(product_id), form=form, status=422)
        db.session.commit()
        flash(_("Product saved."), "success")
        return see_other(url_for(".product_edit", product_id=product_id))
    return _product_page(product, form=form, status=form_status(form))


@bp.route("/<store>/products/<int:product_id>/variants/<int:variant_id>", methods=["POST"])
@store_roles(*EDITORS)
def variant_edit(product_id: int, variant_id: int):
    product = _product_or_404(product_id)
    variant = _variant_or_404(product, variant_id)
    form = VariantForm(prefix=f"v{variant.id}")
    if form.validate_on_submit():
        try:
            catalog_products.update_variant(variant, currency=g.store.base_currency, code=form.code.data,
                                            price_text=form.price.data, compare_at_text=form.compare_at.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _product_page(_product_or_404(product_id), variant_forms={variant_id: form}, status=422)
        db.session.commit()
        flash(_("Variant %(code)s saved.", code=form.code.data.strip()), "success")
        return see_other(url_for(".product_edit", product_id=product_id))
    return _product_page(product, variant_forms={variant_id: form}, status=form_status(form))


@bp.route("/<store>/products/<int:product_id>/variants/<int:variant_id>/stock", methods=["POST"])
@store_roles()
def variant_stock(product_id: int, variant_id: int):
    product = _product_or_404(product_id)
    variant = _variant_or_404(product, variant_id)
    form = StockForm(prefix=f"s{variant.id}")
    if form.validate_on_submit():
        try:
            delta = _int_or_error(form.delta.data, "delta", _l("Enter a whole number, like 10 or -2."))
            catalog_products.adjust_stock(variant, delta=delta or 0, reason=form.reason.data, actor_id=current_user.id)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _product_page(_product_or_404(product_id), stock_forms={variant_id: form}, status=422)
        db.session.commit()
        flash(_("Stock of %(code)s is now %(n)d.", code=variant.code, n=variant.stock), "success")
        return see_other(url_for(".product_edit", product_id=product_id))
    return _product_page(product, stock_forms={variant_id: form}, status=form_status(form))


@bp.route("/<store>/products/variants-preview", methods=["POST"])
@store_roles(*EDITORS)
def variants_preview():
    """The variants the typed options will make (an HTMX partial while typing)."""
    text = request.form.get("options", "")[:2000]
    try:
        options = catalog_products.parse_options(text)
    except CatalogError as exc:
        return render("console/products/_preview.html", error=str(exc.message), rows=[], names=[], status=422)
    return render("console/products/_preview.html", error=None, rows=catalog_products.combinations(options),
                  names=[o["name"] for o in options])


@bp.route("/<store>/products/shelf", methods=["POST"])
@store_roles(*EDITORS)
def products_shelf():
    """Bulk action from the list: put the selected products on or off the shelf."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    action = request.form.get("action")
    if action not in ("on", "off"):
        abort(400)
    ids = [int(v) for v in request.form.getlist("product_ids") if v.isdigit()][:500]
    try:
        count = catalog_products.set_on_shelf(ids, action == "on")
    except CatalogError as exc:
        flash(str(exc.message), "error")
        return see_other(url_for(".products"))
    db.session.commit()
    message = (_("%(n)d product(s) put on the shelf.", n=count) if action == "on"
               else _("%(n)d product(s) taken off the shelf.", n=count))
    flash(message, "success")
    return see_other(url_for(".products"))
