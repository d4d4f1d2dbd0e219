"""Currencies the platform offers and their exchange rates (history kept)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from app.core.time import UTCDateTime, utcnow
from app.extensions import db


class ScaledDecimal(TypeDecorator):
    """An exact decimal stored as an integer scaled by 10**places.

    SQLite has no exact decimal type (NUMERIC values become floats there), so
    rates are kept as whole numbers on every database and never pass through a
    float."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int = 10):
        super().__init__()
        self.places = places

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        scaled = Decimal(value).scaleb(self.places)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"more than {self.places} decimal places: {value}")
        return int(scaled)

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(int(value)).scaleb(-self.places)


class Currency(db.Model):
    """A currency shoppers may pay and see prices in."""

    __tablename__ = "currencies"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ExchangeRate(db.Model):
    """How many units of ``currency`` one unit of the platform currency buys,
    from ``created_at`` on. Rows are never changed: a new rate is a new row."""

    __tablename__ = "exchange_rates"
    __table_args__ = (Index("ix_exchange_rates_currency_created", "currency", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code", ondelete="CASCADE"), nullable=False)
    base: Mapped[str] = mapped_column(String(3), nullable=False)
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(10), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
