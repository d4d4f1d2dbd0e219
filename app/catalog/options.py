"""Option/attribute templates of a category (Colour: Red, Blue; Size: S, M, L)
and whether each one is a filter on category pages. They flush, never commit.

A category without templates of its own uses its nearest ancestor's, the way
commission rates are inherited (``options_for_category``).
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.catalog.models import Category, CategoryOption
from app.catalog.ordering import swap_with_neighbour
from app.catalog.services import CatalogError
from app.extensions import db

MAX_NAME = 40
MAX_VALUE = 40
MAX_VALUES = 50
MAX_PER_CATEGORY = 30

# The full-width commas of CJK keyboards and the Arabic comma separate values too.
_COMMAS = str.maketrans({"，": ",", "、": ",", "،": ",", "﹐": ","})


def parse_values(text: str | None) -> list[str]:
    """``"Red, Blue"`` (any comma) into ``["Red", "Blue"]``: at least one, at
    most ``MAX_VALUES``, each unique ignoring case, in the order written."""
    values = [v.strip() for v in (text or "").translate(_COMMAS).split(",") if v.strip()]
    if not values:
        raise CatalogError(_l("List the allowed values, separated by commas (like S, M, L)."), "values")
    if len(values) > MAX_VALUES:
        raise CatalogError(_l("An option has at most %(n)d values.", n=MAX_VALUES), "values")
    if any(len(v) > MAX_VALUE for v in values):
        raise CatalogError(_l("Each value is at most %(n)d characters.", n=MAX_VALUE), "values")
    seen: set[str] = set()
    for value in values:
        key = value.casefold()
        if key in seen:
            raise CatalogError(_l("%(value)s is listed twice. List each value once.", value=value), "values")
        seen.add(key)
    return values


def _check_name(category_id: int, name: str | None, option_id: int | None) -> str:
    name = (name or "").strip()
    if not name:
        raise CatalogError(_l("This field is required."), "name")
    if len(name) > MAX_NAME:
        raise CatalogError(_l("Use at most %(max)d characters.", max=MAX_NAME), "name")
    if ":" in name or "：" in name:
        raise CatalogError(_l("An option name cannot contain a colon."), "name")
    clash = db.session.scalar(select(CategoryOption.id).where(CategoryOption.category_id == category_id,
                                                               func.lower(CategoryOption.name) == name.lower()))
    if clash is not None and clash != option_id:
        raise CatalogError(_l("This category already has an option with this name."), "name")
    return name


def category_options(category_id: int) -> list[CategoryOption]:
    """The category's own templates, in order."""
    return list(db.session.scalars(select(CategoryOption).where(CategoryOption.category_id == category_id)
                                   .order_by(CategoryOption.position, CategoryOption.id)))


def inherited_from(category_id: int) -> Category | None:
    """The category whose templates ``category_id`` uses: itself if it has
    any, else its nearest ancestor with some, else None."""
    node = db.session.get(Category, category_id)
    seen: set[int] = set()
    while node is not None and node.id not in seen:
        if db.session.scalar(select(CategoryOption.id).where(CategoryOption.category_id == node.id).limit(1)):
            return node
        seen.add(node.id)
        node = db.session.get(Category, node.parent_id) if node.parent_id else None
    return None


def options_for_category(category_id: int) -> list[CategoryOption]:
    """The option templates that apply to a category: its own, or when it has
    none, its nearest ancestor's."""
    source = inherited_from(category_id)
    return category_options(source.id) if source is not None else []


def add_option(category: Category, *, name: str, values_text: str, filterable: bool) -> CategoryOption:
    name = _check_name(category.id, name, None)
    values = parse_values(values_text)
    count = db.session.scalar(select(func.count()).select_from(CategoryOption)
                              .where(CategoryOption.category_id == category.id))
    if count >= MAX_PER_CATEGORY:
        raise CatalogError(_l("A category has at most %(n)d options.", n=MAX_PER_CATEGORY), "name")
    last = db.session.scalar(select(func.max(CategoryOption.position)).where(CategoryOption.category_id == category.id))
    option = CategoryOption(category_id=category.id, name=name, values=values, filterable=bool(filterable),
                            position=0 if last is None else last + 1)
    db.session.add(option)
    db.session.flush()
    return option


def update_option(option: CategoryOption, *, name: str, values_text: str, filterable: bool) -> CategoryOption:
    option.name = _check_name(option.category_id, name, option.id)
    option.values = parse_values(values_text)
    option.filterable = bool(filterable)
    db.session.flush()
    return option


def delete_option(option: CategoryOption) -> None:
    db.session.delete(option)
    db.session.flush()


def move_option(option: CategoryOption, direction: str) -> None:
    """Swap an option with the previous or next one of its category."""
    siblings = category_options(option.category_id)
    swap_with_neighbour(siblings, siblings.index(option), direction)
