"""Form pieces shared by every surface: fields with messages from our own
catalogs, the token-only form for buttons, and attaching a domain error."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.validators import ValidationError


class ChoiceField(SelectField):
    """A select whose invalid-choice message is translated with the app's catalogs."""

    def pre_validate(self, form):
        if not self.validate_choice:
            return
        values = {str(value) for value, *_rest in self.iter_choices()} if self.choices else set()
        if str(self.data) not in values:
            raise ValidationError(_l("Choose one of the options."))


class EmptyForm(FlaskForm):
    """Only the CSRF token: for buttons that post (open, remove, retry, move...)."""


def add_error(form, message, field: str | None = None) -> None:
    """Show a service's error on ``field`` of ``form``, or above the form when
    the form has no such field."""
    target = getattr(form, field, None) if field else None
    if target is not None:
        target.errors = [*target.errors, str(message)]
    else:
        form.form_errors.append(str(message))
