"""Column types shared by the models."""

import enum

from sqlalchemy import Enum


def str_enum(cls: type[enum.Enum], name: str) -> Enum:
    """An enum stored as its lower-case value in a VARCHAR(20), checked in Python
    (no native database enum, so adding a value needs no type migration)."""
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e], native_enum=False,
                length=20, validate_strings=True)
