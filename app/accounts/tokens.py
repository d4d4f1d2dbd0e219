"""Signed, expiring, single-use tokens for links sent by email.

Tokens carry a fingerprint of the state they change, so using one changes that
state and makes the token (and any older one) useless:
- password reset: a digest of the current password hash;
- email verification: the email address, and it is refused once verified;
- invitations: the invitation id, refused once accepted or revoked.
"""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.accounts.errors import ExpiredToken, InvalidToken

RESET, VERIFY, INVITE = "password-reset", "email-verify", "staff-invitation"


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"lintas.{purpose}")


def fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:20]


def make_token(purpose: str, payload: dict) -> str:
    return _serializer(purpose).dumps(payload)


def read_token(purpose: str, token: str, max_age: int) -> dict:
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise ExpiredToken() from exc
    except BadSignature as exc:
        raise InvalidToken() from exc
    if not isinstance(data, dict):
        raise InvalidToken()
    return data
