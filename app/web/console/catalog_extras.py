"""Console: product translations per locale and fixed prices per currency.

URL table (merchant host)
    /<store>/products/<id>/translations/<locale>                         POST: the product's texts in a language
    /<store>/products/<id>/translations/<locale>/delete                  POST: remove them
    /<store>/products/<id>/variants/<variant_id>/prices/<currency>       POST: fix a price (empty: convert again)

Both sections live on the product page (``_translations.html``,
``_prices.html``), fed by hooks on ``products.PRODUCT_PAGE_CONTEXT``.
"""

from __future__ import annotations

from flask import abort, flash, g, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from app.catalog import extras
from app.catalog.services import CatalogError
from app.config import LOCALES
from app.extensions import db
from app.i18n.locales import native_name
from app.i18n.money import Money, MoneyError
from app.web.access import store_roles
from app.web.account.forms import REQUIRED
from app.web.console import bp
from app.web.console import products as console_products
from app.web.console.products import EDITORS, TOO_LONG
from app.web.fields import EmptyForm, add_error
from app.web.rendering import form_status, see_other


class SeoForm(FlaskForm):
    seo_title = StringField(_l("Search engine title"),
                            validators=[Optional(), Length(max=extras.SEO_TITLE_MAX, message=TOO_LONG)])
    seo_description = TextAreaField(_l("Search engine description"),
                                    validators=[Optional(), Length(max=extras.SEO_DESCRIPTION_MAX, message=TOO_LONG)])


class TranslationForm(SeoForm):
    name = StringField(_l("Product name"), validators=[InputRequired(message=REQUIRED),
                                                       Length(max=extras.NAME_MAX, message=TOO_LONG)])
    description = TextAreaField(_l("Description"),
                                validators=[Optional(), Length(max=extras.DESCRIPTION_MAX, message=TOO_LONG)])


class FixedPriceForm(FlaskForm):
    amount = StringField(_l("Price"), validators=[Optional(), Length(max=20, message=TOO_LONG)],
                         render_kw={"inputmode": "decimal"})


def _translation_prefix(locale: str) -> str:
    return f"tr-{locale}"


def _price_prefix(variant_id: int, currency: str) -> str:
    return f"fp{variant_id}-{currency}"


def _translation_form(product, locale: str, default_locale: str):
    prefix = _translation_prefix(locale)
    if locale == default_locale:
        return SeoForm(prefix=prefix, formdata=None, seo_title=product.seo_title or "",
                       seo_description=product.seo_description or "")
    existing = extras.translation_for(product, locale)
    if existing is None:
        return TranslationForm(prefix=prefix, formdata=None)
    return TranslationForm(prefix=prefix, formdata=None, name=existing.name, description=existing.description,
                           seo_title=existing.seo_title or "", seo_description=existing.seo_description or "")


def _translations_context(product, forms: dict) -> dict:
    default_locale = g.store.default_locale
    rows = []
    # The store's default language first: the product's own texts and its search-engine texts.
    for locale in sorted(LOCALES, key=lambda code: code != default_locale):
        form = forms.get(f"translation:{locale}") or _translation_form(product, locale, default_locale)
        rows.append({"locale": locale, "name": native_name(locale), "default": locale == default_locale,
                     "translation": extras.translation_for(product, locale), "form": form})
    return {"translation_rows": rows, "translation_count": len([r for r in rows if r["translation"]]),
            "default_language": native_name(default_locale), "delete_form": EmptyForm()}


def _shown(amount: int, currency: str) -> str:
    return Money(amount, currency).format(str(get_locale() or "en"))


def _prices_context(product, forms: dict) -> dict:
    from app.i18n.rates import RateError, convert, enabled_currencies

    base = g.store.base_currency
    currencies = [c for c in enabled_currencies() if c != base]
    rows: dict[int, list[dict]] = {}
    for variant in product.variants:
        rows[variant.id] = []
        for currency in currencies:
            key = f"price:{variant.id}:{currency}"
            amount = extras.fixed_price(variant, currency)
            form = forms.get(key)
            if form is None:
                plain = "" if amount is None else str(Money(amount, currency).decimal)
                form = FixedPriceForm(prefix=_price_prefix(variant.id, currency), formdata=None, amount=plain)
            form.amount.label.text = _("Price in %(code)s", code=currency)
            try:
                converted = _shown(convert(Money(variant.price, base), currency).amount, currency)
            except (RateError, MoneyError):
                converted = None
            rows[variant.id].append({"currency": currency, "form": form, "amount": amount, "converted": converted})
    return {"price_currencies": currencies, "price_rows": rows, "price_shown": _shown}


console_products.PRODUCT_PAGE_CONTEXT.append(_translations_context)
console_products.PRODUCT_PAGE_CONTEXT.append(_prices_context)


def _locale_or_404(locale: str) -> str:
    if locale not in LOCALES:
        abort(404)
    return locale


def _product_url(product_id: int, anchor: str) -> str:
    return url_for(".product_edit", product_id=product_id) + anchor


@bp.route("/<store>/products/<int:product_id>/translations/<translation_locale>", methods=["POST"])
@store_roles(*EDITORS)
def product_translation(product_id: int, translation_locale: str):
    product = console_products._product_or_404(product_id)
    locale = _locale_or_404(translation_locale)
    default_locale = g.store.default_locale
    form_class = SeoForm if locale == default_locale else TranslationForm
    form = form_class(prefix=_translation_prefix(locale))
    key = f"translation:{locale}"
    if form.validate_on_submit():
        try:
            extras.save_translation(product, locale, name=getattr(form, "name", None) and form.name.data,
                                    description=getattr(form, "description", None) and form.description.data,
                                    seo_title=form.seo_title.data, seo_description=form.seo_description.data,
                                    default_locale=default_locale)
        except CatalogError as exc:
            db.session.rollback()
            add_error(form, exc.message, exc.field)
            return console_products._product_page(console_products._product_or_404(product_id),
                                                  extra_forms={key: form}, status=422)
        db.session.commit()
        flash(_("Texts in %(language)s saved.", language=native_name(locale)), "success")
        return see_other(_product_url(product_id, f"#translation-{locale}"))
    return console_products._product_page(product, extra_forms={key: form}, status=form_status(form))


@bp.route("/<store>/products/<int:product_id>/translations/<translation_locale>/delete", methods=["POST"])
@store_roles(*EDITORS)
def product_translation_delete(product_id: int, translation_locale: str):
    product = console_products._product_or_404(product_id)
    locale = _locale_or_404(translation_locale)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if extras.delete_translation(product, locale, default_locale=g.store.default_locale):
        db.session.commit()
        flash(_("Texts in %(language)s removed.", language=native_name(locale)), "success")
    return see_other(_product_url(product_id, "#translations"))


@bp.route("/<store>/products/<int:product_id>/variants/<int:variant_id>/prices/<currency>", methods=["POST"])
@store_roles(*EDITORS)
def variant_fixed_price(product_id: int, variant_id: int, currency: str):
    product = console_products._product_or_404(product_id)
    variant = console_products._variant_or_404(product, variant_id)
    currency = currency.upper()[:3]
    form = FixedPriceForm(prefix=_price_prefix(variant.id, currency))
    key = f"price:{variant.id}:{currency}"
    if form.validate_on_submit():
        try:
            row = extras.set_fixed_price(variant, currency, form.amount.data, base_currency=g.store.base_currency)
        except CatalogError as exc:
            db.session.rollback()
            product = console_products._product_or_404(product_id)
            if any(v.id == variant_id for v in product.variants) and currency in _page_currencies():
                add_error(form, exc.message, exc.field)
            else:  # no input for this currency on the page: say it above everything
                flash(str(exc.message), "error")
            return console_products._product_page(product, extra_forms={key: form}, status=422)
        db.session.commit()
        if row is None:
            flash(_("%(code)s: %(variant)s now shows the converted price.", code=currency, variant=variant.code),
                  "success")
        else:
            flash(_("%(code)s: %(variant)s now costs %(amount)s.", code=currency, variant=variant.code,
                    amount=_shown(row.amount, currency)), "success")
        return see_other(_product_url(product_id, f"#prices-{variant_id}"))
    return console_products._product_page(product, extra_forms={key: form}, status=form_status(form))


def _page_currencies() -> list[str]:
    from app.i18n.rates import enabled_currencies

    return [c for c in enabled_currencies() if c != g.store.base_currency]
