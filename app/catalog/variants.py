"""Changing a product's variants after creation: its options (and so which
variants exist), a variant's own weight, and the quick price/stock edit of the
console's product list. In the current store's scope; they flush, never commit.

How new options are matched to the existing variants (``plan_options``):

- Options are matched by name, values by text, both ignoring case, so
  ``Colour: red`` keeps the variants of ``Colour: Red`` (and takes the new
  spelling). The order of options and values may change freely.
- Renaming a value is not inferred: ``Colour: Red, Blue`` -> ``Colour: Crimson,
  Blue`` removes the Red variants and adds Crimson ones (at the price given for
  new variants, with stock 0 and new codes). To keep a variant's code, price and
  stock under a new name, add the new value first, then move the stock, then
  remove the old value.
- A new option: every existing variant takes the option's first value, so it is
  kept (Colour only -> Colour + Size: S, M keeps each colour as the S variant).
- A removed option: variants that then have the same values collapse into the
  first of them (by position); the others are removed.
- Variants whose combination disappears are deleted, but only when their stock
  is zero: otherwise nothing changes and the merchant is told which codes to
  empty first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.catalog.models import ModerationState, Product, Variant
from app.catalog.products import (
    adjust_stock,
    combinations,
    parse_options,
    parse_price,
    refresh_listing,
    sync_facets,
)
from app.catalog.services import CatalogError
from app.extensions import db

MAX_WEIGHT_GRAMS = 1_000_000
MAX_STOCK = 10_000_000

KEPT, NEW, REMOVED = "kept", "new", "removed"


@dataclass
class PlanRow:
    values: list[str]  # the option values in the new options' order (removed rows: the variant's old values)
    state: str  # kept, new or removed
    variant: Variant | None = None  # the existing variant (kept, removed)

    @property
    def blocked(self) -> bool:
        """A removed variant that still has stock: the change is refused."""
        return self.state == REMOVED and self.variant is not None and self.variant.stock != 0


@dataclass
class OptionsPlan:
    options: list[dict]
    rows: list[PlanRow] = field(default_factory=list)  # the new combinations, in order
    removed: list[PlanRow] = field(default_factory=list)

    @property
    def kept_count(self) -> int:
        return sum(1 for r in self.rows if r.state == KEPT)

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.state == NEW)

    @property
    def blocked_codes(self) -> list[str]:
        return [r.variant.code for r in self.removed if r.blocked]


def options_text(options: list[dict]) -> str:
    """A product's options as the text the console's textarea edits."""
    return "\n".join(f"{o['name']}: {', '.join(o['values'])}" for o in options or [])


def _key(values) -> tuple[str, ...]:
    return tuple(v.lower() for v in values)


def plan_options(product: Product, options: list[dict]) -> OptionsPlan:
    """Which variants ``options`` (already parsed) keep, add and remove. Reads only."""
    old_names = [o["name"].lower() for o in product.options or []]
    new_names = [o["name"].lower() for o in options]
    first_value = {o["name"].lower(): o["values"][0] for o in options}
    claimed: dict[tuple[str, ...], Variant] = {}
    unclaimed: list[Variant] = []
    wanted = {_key(combo) for combo in combinations(options)}
    for variant in sorted(product.variants, key=lambda v: (v.position, v.id or 0)):
        by_name = dict(zip(old_names, variant.option_values or [], strict=False))
        key = _key(by_name.get(name, first_value[name]) for name in new_names)
        if key in wanted and key not in claimed:
            claimed[key] = variant
        else:
            unclaimed.append(variant)
    plan = OptionsPlan(options=options)
    for combo in combinations(options):
        variant = claimed.get(_key(combo))
        plan.rows.append(PlanRow(values=combo, state=KEPT if variant is not None else NEW, variant=variant))
    plan.removed = [PlanRow(values=list(v.option_values or []), state=REMOVED, variant=v) for v in unclaimed]
    return plan


def _new_codes(product: Product, count: int) -> list[str]:
    """``count`` free codes like LINEN-SHIRT-7, never one in use in the store
    (including the codes of variants about to be removed)."""
    prefix = product.slug.upper()[:56]
    taken = set(db.session.scalars(select(Variant.code).where(func.upper(Variant.code).like(f"{prefix}-%"))))
    codes: list[str] = []
    n = 0
    while len(codes) < count:
        n += 1
        code = f"{prefix}-{n}"
        if code not in taken:
            codes.append(code)
    return codes


@dataclass
class OptionsChange:
    kept: int
    added: list[str]  # codes of the new variants
    removed: list[str]  # codes of the deleted variants


def change_options(product: Product, options_text: str, currency: str, price_text_for_new: str | None) -> OptionsChange:
    """Replace the product's options; keep, add and remove variants to match
    (see the module's notes). ``price_text_for_new`` is required when any
    variant is added. Refuses, changing nothing, when a variant to remove has stock."""
    options = parse_options(options_text or "")
    plan = plan_options(product, options)
    if plan.blocked_codes:
        raise CatalogError(_l("Set the stock of %(codes)s to zero before removing their option values.",
                              codes=", ".join(plan.blocked_codes)), "options")
    price = parse_price(price_text_for_new or "", currency, "price") if plan.new_count else None
    codes = iter(_new_codes(product, plan.new_count))
    added: list[str] = []
    for position, row in enumerate(plan.rows):
        if row.variant is not None:
            row.variant.option_values = list(row.values)  # the new order and spelling
            row.variant.position = position
        else:
            variant = Variant(code=next(codes), option_values=list(row.values), position=position, price=price,
                              stock=0, store_id=product.store_id)
            product.variants.append(variant)
            added.append(variant.code)
    removed = []
    for row in plan.removed:
        removed.append(row.variant.code)
        product.variants.remove(row.variant)
        db.session.delete(row.variant)
    product.options = [{"name": o["name"], "values": list(o["values"])} for o in options]
    if product.moderation in (ModerationState.REJECTED, ModerationState.TAKEN_DOWN):
        # As for any other edit: back to the platform's queue.
        product.moderation, product.moderated_at = ModerationState.PENDING, None
    db.session.flush()
    product.variants.sort(key=lambda v: v.position)
    sync_facets(product)
    refresh_listing(product)
    return OptionsChange(kept=plan.kept_count, added=added, removed=removed)


def set_variant_weight(variant: Variant, weight_text: str | None) -> Variant:
    """The variant's own weight in grams (0 to 1,000,000); empty: use the product's."""
    text = (weight_text or "").strip()
    weight: int | None = None
    if text:
        try:
            weight = int(text)
        except ValueError as exc:
            raise CatalogError(_l("Enter the weight in grams, up to 1,000,000."), "weight_grams") from exc
        if not 0 <= weight <= MAX_WEIGHT_GRAMS:
            raise CatalogError(_l("Enter the weight in grams, up to 1,000,000."), "weight_grams")
    variant.weight_grams = weight
    db.session.flush()
    return variant


def _parse_stock(text: str | None) -> int:
    text = (text or "").strip()
    try:
        value = int(text)
    except ValueError as exc:
        raise CatalogError(_l("Enter the stock as a whole number from 0 to 10,000,000."), "stock") from exc
    if not 0 <= value <= MAX_STOCK:
        raise CatalogError(_l("Enter the stock as a whole number from 0 to 10,000,000."), "stock")
    return value


def quick_edit(variant: Variant, *, currency: str, price_text: str | None, stock_text: str | None,
               seen_stock_text: str | None, reason: str, actor_id: int | None) -> bool:
    """The product list's inline edit: a new price (``None``: unchanged) and the
    stock as a target count (``None``: unchanged). The difference to the
    current stock goes through the ledger as an adjustment with ``reason``.
    ``seen_stock_text`` is the stock the form showed: if it changed meanwhile
    (an order, another editor), nothing is saved. Returns whether anything changed."""
    price = None
    if price_text is not None:
        price = parse_price(price_text, currency, "price")
        if variant.compare_at_price is not None and variant.compare_at_price <= price:
            raise CatalogError(_l("The compare-at price must be higher than the price."), "price")
    target = _parse_stock(stock_text) if stock_text is not None else None
    if target is not None and (seen_stock_text or "").strip():
        try:
            seen = int(seen_stock_text.strip())
        except ValueError:
            seen = None
        if seen != variant.stock:
            raise CatalogError(_l("The stock changed to %(n)d while you were editing. Check it and save again.",
                                  n=variant.stock), "stock")
    changed = False
    if price is not None and price != variant.price:
        variant.price = price
        db.session.flush()
        refresh_listing(variant.product)
        changed = True
    if target is not None and target != variant.stock:
        adjust_stock(variant, delta=target - variant.stock, reason=reason, actor_id=actor_id, kind="adjustment")
        changed = True
    return changed
