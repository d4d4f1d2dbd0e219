"""Form fields with messages from our own catalogs."""

from flask_babel import lazy_gettext as _l
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
