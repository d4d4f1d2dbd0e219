"""Account forms (shopper and staff)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import Email, InputRequired, Length, Optional

from app.i18n.currencies import currency_choices
from app.i18n.locales import switcher_locales
from app.web.fields import ChoiceField

REQUIRED = _l("This field is required.")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def email_field(label=None):
    return EmailField(
        label or _l("Email"),
        filters=[_strip],
        validators=[
            InputRequired(message=REQUIRED),
            Length(max=254, message=_l("Use at most %(max)d characters.")),
            Email(message=_l("Enter a valid email address, like name@example.com."), granular_message=False),
        ],
        render_kw={"autocomplete": "email", "inputmode": "email", "spellcheck": "false"},
    )


def password_field(label=None, *, new: bool = True, minimum: int = 0):
    validators = [InputRequired(message=REQUIRED),
                  Length(max=128, message=_l("Use at most %(max)d characters."))]
    if minimum:
        validators.append(Length(min=minimum, message=_l("Use at least %(min)d characters for your password.")))
    return PasswordField(
        label or _l("Password"),
        validators=validators,
        render_kw={"autocomplete": "new-password" if new else "current-password"},
    )


class SignUpForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[Optional(), Length(max=120, message=_l("Use at most %(max)d characters."))],
                       render_kw={"autocomplete": "name"})
    email = email_field()
    password = password_field(minimum=8)


class SignInForm(FlaskForm):
    email = email_field()
    password = password_field(new=False)
    next = HiddenField()


class ResetRequestForm(FlaskForm):
    email = email_field()


class ResetPasswordForm(FlaskForm):
    password = password_field(_l("New password"))


class ChangePasswordForm(FlaskForm):
    current_password = password_field(_l("Current password"), new=False)
    new_password = password_field(_l("New password"))


def locale_choices():
    return [("", _l("Automatic"))] + list(switcher_locales())


class ProfileForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[Optional(), Length(max=120, message=_l("Use at most %(max)d characters."))],
                       render_kw={"autocomplete": "name"})
    locale = ChoiceField(_l("Language"), validate_choice=True)
    currency = ChoiceField(_l("Currency"), validate_choice=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale.choices = locale_choices()
        self.currency.choices = [("", _l("Automatic"))] + currency_choices()
        self.locale.validators = [Optional()]
        self.currency.validators = [Optional()]


class LanguageForm(FlaskForm):
    """The console/admin language switcher (stored on the user)."""

    locale = ChoiceField(_l("Language"), validate_choice=True)
    next = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale.choices = list(switcher_locales())
