"""Account errors; each carries a translatable message for the user."""

from flask_babel import lazy_gettext as _l


class AccountError(Exception):
    message = _l("Something went wrong with your account request.")
    field: str | None = None

    def __init__(self, message=None, field: str | None = None):
        if message is not None:
            self.message = message
        if field is not None:
            self.field = field
        super().__init__(str(self.message))


class EmailTaken(AccountError):
    message = _l("An account with this email already exists. Sign in or reset your password.")
    field = "email"


class InvalidCredentials(AccountError):
    message = _l("Email or password is incorrect.")


class TooManyAttempts(AccountError):
    message = _l("Too many sign-in attempts. Wait a few minutes and try again.")


class PasswordTooShort(AccountError):
    field = "password"


class InvalidToken(AccountError):
    message = _l("This link is invalid or has already been used. Ask for a new one.")


class ExpiredToken(AccountError):
    message = _l("This link has expired. Ask for a new one.")


class WrongPassword(AccountError):
    message = _l("Your current password is incorrect.")
    field = "current_password"
