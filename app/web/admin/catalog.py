"""Admin: the platform catalog (category tree, translations, commission rates, brands).

URL table (admin host)
    /catalog/categories                                  the tree, reorder
    /catalog/categories/new                              create (optionally ?parent=<id>)
    /catalog/categories/<id>                             edit; effective rates; languages
    /catalog/categories/<id>/move/<up|down>              reorder among siblings
    /catalog/categories/<id>/delete                      delete a leaf
    /catalog/categories/<id>/translations/<locale>       name and SEO texts in one language
    /catalog/brands                                      list and create
    /catalog/brands/<id>                                 edit
    /catalog/applications                                stores' category applications (?state=)
    /catalog/applications/<id>                           approve, or reject with a reason
"""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from app.accounts.models import PlatformRole
from app.catalog import images as catalog_images
from app.catalog import services as catalog
from app.catalog.models import ApplicationState, Brand, Category, StoreCategory
from app.extensions import db
from app.i18n.locales import switcher_locales
from app.media.images import process_upload, size_text
from app.tenancy.models import Store
from app.web.access import platform_roles
from app.web.account.forms import REQUIRED
from app.web.admin import bp
from app.web.fields import ChoiceField, EmptyForm, add_error
from app.web.rendering import form_status, render, see_other

EDITORS = (PlatformRole.ADMIN, PlatformRole.OPERATIONS)
READERS = tuple(PlatformRole)
TOO_LONG = _l("Use at most %(max)d characters.")
IMAGE_TYPES = "image/jpeg,image/png,image/webp"


def _image_hint() -> str:
    return _("Optional. JPEG, PNG or WebP, up to %(size)s; it is re-encoded and its metadata removed.", size=size_text())


def _upload(field):
    """The uploaded file of ``field`` checked and re-encoded, or None when no file was chosen."""
    return process_upload(field.data, field=field.name) if field.data else None


def _apply_image(row, image, remove: bool, setter) -> None:
    if image is not None:
        setter(row, image)
    elif remove:
        setter(row, None)


class CategoryForm(FlaskForm):
    name = StringField(_l("Name (English)"), validators=[InputRequired(message=REQUIRED), Length(max=120, message=TOO_LONG)])
    slug = StringField(_l("Slug"), validators=[InputRequired(message=REQUIRED), Length(max=80, message=TOO_LONG)],
                       render_kw={"autocapitalize": "none", "spellcheck": "false"})
    parent_id = ChoiceField(_l("Parent"), coerce=str)
    commission_self = StringField(_l("Commission for self-operated stores (%)"),
                                  validators=[Optional(), Length(max=10, message=TOO_LONG)], render_kw={"inputmode": "decimal"})
    commission_third = StringField(_l("Commission for third-party stores (%)"),
                                   validators=[Optional(), Length(max=10, message=TOO_LONG)], render_kw={"inputmode": "decimal"})
    image = FileField(_l("Image or icon"), render_kw={"accept": IMAGE_TYPES})
    remove_image = BooleanField(_l("Remove the image"))

    def __init__(self, *args, exclude_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.image.description = _image_hint()
        choices = [("", _l("None (a top-level category)"))]
        for node in catalog.category_tree():
            if exclude_id is not None and node.category.id == exclude_id:
                continue
            choices.append((str(node.category.id), "— " * node.depth + node.category.name))
        self.parent_id.choices = choices


class TranslationForm(FlaskForm):
    name = StringField(_l("Category name"), validators=[Optional(), Length(max=120, message=TOO_LONG)])
    seo_title = StringField(_l("Search engine title"), validators=[Optional(), Length(max=160, message=TOO_LONG)])
    seo_description = TextAreaField(_l("Search engine description"),
                                    validators=[Optional(), Length(max=500, message=TOO_LONG)])


class BrandForm(FlaskForm):
    name = StringField(_l("Brand name"), validators=[InputRequired(message=REQUIRED), Length(max=120, message=TOO_LONG)])
    slug = StringField(_l("Slug"), validators=[InputRequired(message=REQUIRED), Length(max=80, message=TOO_LONG)],
                       render_kw={"autocapitalize": "none", "spellcheck": "false"})
    logo = FileField(_l("Logo"), render_kw={"accept": IMAGE_TYPES})
    remove_logo = BooleanField(_l("Remove the logo"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.logo.description = _image_hint()


def _can_edit() -> bool:
    return current_user.platform_role in EDITORS


def _category_or_404(category_id: int) -> Category:
    category = db.session.get(Category, category_id)
    if category is None:
        abort(404)
    return category


def _parent(form: CategoryForm) -> int | None:
    return int(form.parent_id.data) if form.parent_id.data else None


@bp.route("/catalog/categories")
@platform_roles(*READERS)
def categories():
    return render("admin/catalog/categories.html", tree=catalog.category_tree(), button_form=EmptyForm(),
                  can_edit=_can_edit(), format_rate=catalog.format_rate)


@bp.route("/catalog/categories/new", methods=["GET", "POST"])
@platform_roles(*EDITORS)
def category_new():
    form = CategoryForm()
    if request.method == "GET" and request.args.get("parent", "").isdigit():
        form.parent_id.data = request.args["parent"]
    if form.validate_on_submit():
        try:
            image = _upload(form.image)
            category = catalog.save_category(None, name=form.name.data, slug=form.slug.data, parent_id=_parent(form),
                                             commission_self=form.commission_self.data,
                                             commission_third=form.commission_third.data)
            _apply_image(category, image, False, catalog_images.set_category_image)
        except catalog.CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return render("admin/catalog/category_form.html", form=form, category=None, status=422)
        db.session.commit()
        flash(_("Category %(name)s created.", name=category.name), "success")
        return see_other(url_for(".category_edit", category_id=category.id))
    return render("admin/catalog/category_form.html", form=form, category=None, status=form_status(form))


def _category_page(category: Category, form: CategoryForm, status: int = 200):
    translated = {t.locale: t for t in category.translations}
    return render("admin/catalog/category_form.html", form=form, category=category, status=status,
                  path=catalog.ancestors(category), translated=translated, locales=switcher_locales(),
                  effective_self=catalog.format_rate(catalog.effective_commission(category, self_operated=True)),
                  effective_third=catalog.format_rate(catalog.effective_commission(category, self_operated=False)),
                  can_edit=_can_edit(), button_form=EmptyForm())


@bp.route("/catalog/categories/<int:category_id>", methods=["GET", "POST"])
@platform_roles(*READERS)
def category_edit(category_id: int):
    category = _category_or_404(category_id)
    if request.method == "POST" and not _can_edit():
        abort(403)
    form = CategoryForm(exclude_id=category.id)
    if request.method == "GET":
        form.name.data, form.slug.data = category.name, category.slug
        form.parent_id.data = str(category.parent_id or "")
        form.commission_self.data = catalog.format_rate(category.commission_self_bp)
        form.commission_third.data = catalog.format_rate(category.commission_third_bp)
    if form.validate_on_submit():
        try:
            image = _upload(form.image)
            catalog.save_category(category, name=form.name.data, slug=form.slug.data, parent_id=_parent(form),
                                  commission_self=form.commission_self.data, commission_third=form.commission_third.data)
            _apply_image(category, image, form.remove_image.data, catalog_images.set_category_image)
        except catalog.CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _category_page(_category_or_404(category_id), form, 422)
        db.session.commit()
        flash(_("Category saved."), "success")
        return see_other(url_for(".category_edit", category_id=category.id))
    return _category_page(category, form, form_status(form))




@bp.route("/catalog/categories/<int:category_id>/move/<any(up, down):direction>", methods=["POST"])
@platform_roles(*EDITORS)
def category_move(category_id: int, direction: str):
    category = _category_or_404(category_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    catalog.move_category(category, direction)
    db.session.commit()
    return see_other(url_for(".categories"))


@bp.route("/catalog/categories/<int:category_id>/delete", methods=["POST"])
@platform_roles(*EDITORS)
def category_delete(category_id: int):
    category = _category_or_404(category_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        catalog.delete_category(category)
    except catalog.CatalogError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return _category_page(_category_or_404(category_id), CategoryForm(exclude_id=category_id), 422)
    db.session.commit()
    flash(_("Category deleted."), "success")
    return see_other(url_for(".categories"))


@bp.route("/catalog/categories/<int:category_id>/translations/<locale:locale>", methods=["GET", "POST"])
@platform_roles(*READERS)
def category_translation(category_id: int, locale: str):
    category = _category_or_404(category_id)
    if request.method == "POST" and not _can_edit():
        abort(403)
    existing = next((t for t in category.translations if t.locale == locale), None)
    form = TranslationForm(obj=existing) if request.method == "GET" else TranslationForm()
    if form.validate_on_submit():
        try:
            catalog.save_translation(category, locale, name=form.name.data, seo_title=form.seo_title.data,
                                     seo_description=form.seo_description.data)
        except catalog.CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return render("admin/catalog/translation_form.html", form=form, category=category, locale=locale,
                          status=422)
        db.session.commit()
        flash(_("Texts saved."), "success")
        return see_other(url_for(".category_edit", category_id=category.id))
    return render("admin/catalog/translation_form.html", form=form, category=category, locale=locale,
                  can_edit=_can_edit(), status=form_status(form))




@bp.route("/catalog/brands", methods=["GET", "POST"])
@platform_roles(*READERS)
def brands():
    if request.method == "POST" and not _can_edit():
        abort(403)
    form = BrandForm()
    status = 200
    if form.validate_on_submit():
        try:
            logo = _upload(form.logo)
            brand = catalog.save_brand(None, name=form.name.data, slug=form.slug.data)
            _apply_image(brand, logo, False, catalog_images.set_brand_logo)
        except catalog.CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            status = 422
        else:
            db.session.commit()
            flash(_("Brand %(name)s added.", name=brand.name), "success")
            return see_other(url_for(".brands"))
    else:
        status = form_status(form)
    rows = db.session.scalars(select(Brand).order_by(Brand.name)).all()
    return render("admin/catalog/brands.html", brands=rows, form=form, can_edit=_can_edit(), status=status)


@bp.route("/catalog/brands/<int:brand_id>", methods=["GET", "POST"])
@platform_roles(*READERS)
def brand_edit(brand_id: int):
    brand = db.session.get(Brand, brand_id)
    if brand is None:
        abort(404)
    if request.method == "POST" and not _can_edit():
        abort(403)
    form = BrandForm(obj=brand) if request.method == "GET" else BrandForm()
    if form.validate_on_submit():
        try:
            logo = _upload(form.logo)
            catalog.save_brand(brand, name=form.name.data, slug=form.slug.data)
            _apply_image(brand, logo, form.remove_logo.data, catalog_images.set_brand_logo)
        except catalog.CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return render("admin/catalog/brand_form.html", form=form, brand=brand, status=422)
        db.session.commit()
        flash(_("Brand saved."), "success")
        return see_other(url_for(".brands"))
    return render("admin/catalog/brand_form.html", form=form, brand=brand, can_edit=_can_edit(),
                  status=form_status(form))


# --- store category applications ---------------------------------------------------

class DecisionForm(FlaskForm):
    decision = ChoiceField(_l("Decision"), choices=lambda: [("approve", _l("Approve")), ("reject", _l("Reject"))])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=1000, message=TOO_LONG)])


def _applications_page(state: str, forms: dict | None = None, status: int = 200):
    stmt = select(StoreCategory).order_by(StoreCategory.created_at)
    if state in {s.value for s in ApplicationState}:
        stmt = stmt.where(StoreCategory.state == ApplicationState(state))
    rows = db.session.scalars(stmt.limit(200)).all()
    stores = {s.id: s for s in db.session.scalars(select(Store).where(Store.id.in_({r.store_id for r in rows})))}
    forms = forms or {}
    for row in rows:
        forms.setdefault(row.id, DecisionForm(prefix=f"a{row.id}"))
    return render("admin/catalog/applications.html", applications=rows, stores=stores, forms=forms, state=state,
                  states=list(ApplicationState), can_edit=_can_edit(), status=status)


@bp.route("/catalog/applications")
@platform_roles(*READERS)
def applications():
    return _applications_page(request.args.get("state", ApplicationState.PENDING.value))


@bp.route("/catalog/applications/<int:application_id>", methods=["POST"])
@platform_roles(*EDITORS)
def application_decide(application_id: int):
    application = db.session.get(StoreCategory, application_id)
    if application is None:
        abort(404)
    form = DecisionForm(prefix=f"a{application.id}")
    if form.validate_on_submit():
        try:
            catalog.decide_application(application, approve=form.decision.data == "approve", reason=form.reason.data,
                                       actor_id=current_user.id)
        except catalog.CatalogError as exc:
            db.session.rollback()
            (form.reason if exc.field == "reason" else form.decision).errors.append(str(exc.message))
            return _applications_page(ApplicationState.PENDING.value, {application_id: form}, 422)
        db.session.commit()
        flash(_("Decision saved."), "success")
        return see_other(url_for(".applications"))
    return _applications_page(ApplicationState.PENDING.value, {application_id: form}, form_status(form))
