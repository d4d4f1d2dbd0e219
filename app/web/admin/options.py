"""Admin: option/attribute templates per category.

URL table (admin host)
    /catalog/categories/<category_id>/options                                  list; add (POST)
    /catalog/categories/<category_id>/options/<option_id>                      POST: edit one
    /catalog/categories/<category_id>/options/<option_id>/delete               POST: delete one
    /catalog/categories/<category_id>/options/<option_id>/move/<up|down>       POST: reorder

A category without templates of its own uses its nearest ancestor's; the page
says which. Every platform role may read; administrators and operations edit.
"""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, StringField
from wtforms.validators import InputRequired, Length

from app.accounts.models import PlatformRole
from app.catalog import options as catalog_options
from app.catalog import services as catalog
from app.catalog.models import Category, CategoryOption
from app.catalog.services import CatalogError
from app.extensions import db
from app.web.access import platform_roles
from app.web.account.forms import REQUIRED
from app.web.admin import bp
from app.web.admin.moderation import strict_checkbox
from app.web.fields import EmptyForm, add_error
from app.web.rendering import form_status, render, see_other

EDITORS = (PlatformRole.ADMIN, PlatformRole.OPERATIONS)
READERS = tuple(PlatformRole)
TOO_LONG = _l("Use at most %(max)d characters.")


class OptionForm(FlaskForm):
    name = StringField(_l("Option name"), validators=[InputRequired(message=REQUIRED),
                                                      Length(max=catalog_options.MAX_NAME, message=TOO_LONG)])
    values = StringField(_l("Allowed values"), validators=[InputRequired(message=REQUIRED),
                                                           Length(max=3000, message=TOO_LONG)])
    filterable = BooleanField(_l("Shoppers can filter the category by it"), validators=[strict_checkbox], default=True)


def _can_edit() -> bool:
    return current_user.platform_role in EDITORS


def _category_or_404(category_id: int) -> Category:
    category = db.session.scalar(select(Category).where(Category.id == category_id))
    if category is None:
        abort(404)
    return category


def _option_or_404(category: Category, option_id: int) -> CategoryOption:
    option = db.session.scalar(select(CategoryOption).where(CategoryOption.id == option_id,
                                                            CategoryOption.category_id == category.id))
    if option is None:
        abort(404)
    return option


def _edit_form(option: CategoryOption) -> OptionForm:
    form = OptionForm(prefix=f"o{option.id}", formdata=None)
    form.name.data, form.values.data, form.filterable.data = option.name, ", ".join(option.values), option.filterable
    return form


def _options_page(category: Category, *, add_form: OptionForm | None = None, edit_forms: dict | None = None,
                  status: int = 200):
    own = catalog_options.category_options(category.id)
    source = None if own else catalog_options.inherited_from(category.id)
    inherited = catalog_options.category_options(source.id) if source is not None else []
    edit_forms = edit_forms or {}
    for option in own:
        edit_forms.setdefault(option.id, _edit_form(option))
    return render("admin/options/options.html", category=category, path=catalog.ancestors(category), options=own,
                  source=source, inherited=inherited, add_form=add_form or OptionForm(formdata=None),
                  edit_forms=edit_forms, button_form=EmptyForm(), can_edit=_can_edit(),
                  max_values=catalog_options.MAX_VALUES, status=status)


@bp.route("/catalog/categories/<int:category_id>/options", methods=["GET", "POST"])
@platform_roles(*READERS)
def category_options(category_id: int):
    category = _category_or_404(category_id)
    if request.method == "GET":
        return _options_page(category)
    if not _can_edit():
        abort(403)
    form = OptionForm()
    if form.validate_on_submit():
        try:
            option = catalog_options.add_option(category, name=form.name.data, values_text=form.values.data,
                                                filterable=form.filterable.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _options_page(_category_or_404(category_id), add_form=form, status=422)
        db.session.commit()
        flash(_("Option %(name)s added.", name=option.name), "success")
        return see_other(url_for(".category_options", category_id=category_id))
    return _options_page(category, add_form=form, status=form_status(form))


@bp.route("/catalog/categories/<int:category_id>/options/<int:option_id>", methods=["POST"])
@platform_roles(*EDITORS)
def category_option_edit(category_id: int, option_id: int):
    category = _category_or_404(category_id)
    option = _option_or_404(category, option_id)
    form = OptionForm(prefix=f"o{option.id}")
    if form.validate_on_submit():
        try:
            catalog_options.update_option(option, name=form.name.data, values_text=form.values.data,
                                          filterable=form.filterable.data)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return _options_page(_category_or_404(category_id), edit_forms={option_id: form}, status=422)
        db.session.commit()
        flash(_("Option %(name)s saved.", name=option.name), "success")
        return see_other(url_for(".category_options", category_id=category_id))
    return _options_page(category, edit_forms={option_id: form}, status=form_status(form))


@bp.route("/catalog/categories/<int:category_id>/options/<int:option_id>/delete", methods=["POST"])
@platform_roles(*EDITORS)
def category_option_delete(category_id: int, option_id: int):
    category = _category_or_404(category_id)
    option = _option_or_404(category, option_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    name = option.name
    catalog_options.delete_option(option)
    db.session.commit()
    flash(_("Option %(name)s deleted.", name=name), "success")
    return see_other(url_for(".category_options", category_id=category_id))


@bp.route("/catalog/categories/<int:category_id>/options/<int:option_id>/move/<any(up, down):direction>",
          methods=["POST"])
@platform_roles(*EDITORS)
def category_option_move(category_id: int, option_id: int, direction: str):
    category = _category_or_404(category_id)
    option = _option_or_404(category, option_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    catalog_options.move_option(option, direction)
    db.session.commit()
    return see_other(url_for(".category_options", category_id=category_id))
