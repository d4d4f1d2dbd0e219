"""Category tree and brand operations. They flush, never commit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.catalog.models import ApplicationState, Brand, Category, CategoryTranslation, StoreCategory
from app.catalog.ordering import swap_with_neighbour
from app.config import LOCALES
from app.core.time import utcnow
from app.extensions import db

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
DEFAULT_COMMISSION_BP = 500  # 5 %, when neither a category nor its ancestors set one


class CatalogError(Exception):
    def __init__(self, message, field: str | None = None):
        self.message, self.field = message, field
        super().__init__(str(message))


# --- reading the tree ---------------------------------------------------------------

@dataclass(frozen=True)
class TreeNode:
    category: Category
    depth: int
    first: bool
    last: bool


def category_tree() -> list[TreeNode]:
    """Every category, depth-first, siblings by position then name (one query)."""
    rows = db.session.scalars(select(Category).order_by(Category.position, Category.name)).all()
    children: dict[int | None, list[Category]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    out: list[TreeNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        siblings = children.get(parent_id, [])
        for index, node in enumerate(siblings):
            out.append(TreeNode(node, depth, index == 0, index == len(siblings) - 1))
            walk(node.id, depth + 1)

    walk(None, 0)
    return out


def ancestors(category: Category) -> list[Category]:
    """From the root down to the category's parent."""
    chain: list[Category] = []
    seen = {category.id}
    parent_id = category.parent_id
    while parent_id is not None:
        parent = db.session.get(Category, parent_id)
        if parent is None or parent.id in seen:
            break
        seen.add(parent.id)
        chain.append(parent)
        parent_id = parent.parent_id
    return list(reversed(chain))


def effective_commission(category: Category | None, *, self_operated: bool) -> int:
    """The commission rate (basis points) for a store type in a category: its
    own, else the nearest ancestor's, else the platform default."""
    attr = "commission_self_bp" if self_operated else "commission_third_bp"
    node = category
    seen: set[int] = set()
    while node is not None and node.id not in seen:
        value = getattr(node, attr)
        if value is not None:
            return value
        seen.add(node.id)
        node = db.session.get(Category, node.parent_id) if node.parent_id else None
    return int(current_app.config.get("PLATFORM_COMMISSION_BP", DEFAULT_COMMISSION_BP))


def localized_name(category: Category, url_locale: str) -> str:
    """The name in ``url_locale``, falling back to the default name."""
    for translation in category.translations:
        if translation.locale == url_locale:
            return translation.name
    return category.name


# --- input -----------------------------------------------------------------------------

def check_slug(slug: str, *, model, current_id: int | None = None) -> str:
    slug = (slug or "").strip().lower()
    if not SLUG_RE.match(slug):
        raise CatalogError(_l("Use lower-case ASCII letters, digits and hyphens (up to 80), like phone-cases."), "slug")
    clash = db.session.scalar(select(model.id).where(model.slug == slug))
    if clash is not None and clash != current_id:
        raise CatalogError(_l("This slug is already used. Choose another."), "slug")
    return slug


def parse_rate(text: str | None, field: str) -> int | None:
    """A percentage typed by a person ("5", "12.5") as basis points; blank = inherit."""
    text = (text or "").strip().replace("%", "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise CatalogError(_l("Enter a percentage like 5 or 12.5, or leave it empty to inherit."), field) from exc
    if not value.is_finite() or value < 0 or value > 100:
        raise CatalogError(_l("A commission rate is between 0 and 100 %."), field)
    places = value.normalize().as_tuple().exponent
    if isinstance(places, int) and places < -2:
        raise CatalogError(_l("Use at most two decimal places."), field)
    return int(value * 100)


def format_rate(bp: int | None) -> str:
    """Basis points as the percentage a person types ("5", "12.5")."""
    if bp is None:
        return ""
    return f"{(Decimal(bp) / 100).normalize():f}"


# --- writing ---------------------------------------------------------------------------

def _check_parent(category_id: int | None, parent_id: int | None) -> Category | None:
    if parent_id is None:
        return None
    parent = db.session.get(Category, parent_id)
    if parent is None:
        raise CatalogError(_l("Choose one of the options."), "parent_id")
    if category_id is not None:
        if parent.id == category_id or any(a.id == category_id for a in ancestors(parent)):
            raise CatalogError(_l("A category cannot be placed under itself or one of its subcategories."), "parent_id")
    return parent


def _next_position(parent_id: int | None) -> int:
    where = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    last = db.session.scalar(select(func.max(Category.position)).where(where))
    return 0 if last is None else last + 1


def save_category(category: Category | None, *, name: str, slug: str, parent_id: int | None,
                  commission_self: str | None, commission_third: str | None) -> Category:
    """Create (``category`` None) or update a category."""
    name = (name or "").strip()
    if not name:
        raise CatalogError(_l("This field is required."), "name")
    slug = check_slug(slug, model=Category, current_id=category.id if category else None)
    self_bp = parse_rate(commission_self, "commission_self")
    third_bp = parse_rate(commission_third, "commission_third")
    _check_parent(category.id if category else None, parent_id)
    if category is None:
        category = Category(position=_next_position(parent_id))
        db.session.add(category)
    elif category.parent_id != parent_id:
        category.position = _next_position(parent_id)
    category.name, category.slug, category.parent_id = name, slug, parent_id
    category.commission_self_bp, category.commission_third_bp = self_bp, third_bp
    db.session.flush()
    return category


def move_category(category: Category, direction: str) -> None:
    """Swap a category with its previous or next sibling."""
    siblings = [node.category for node in category_tree() if node.category.parent_id == category.parent_id]
    swap_with_neighbour(siblings, siblings.index(category), direction)


def delete_category(category: Category) -> None:
    if db.session.scalar(select(func.count()).select_from(Category).where(Category.parent_id == category.id)):
        raise CatalogError(_l("Move or delete its subcategories first."))
    db.session.delete(category)
    db.session.flush()


def save_translation(category: Category, locale: str, *, name: str, seo_title: str | None,
                     seo_description: str | None) -> CategoryTranslation | None:
    """Set (or, with an empty name, remove) the category's texts in ``locale``."""
    if locale not in LOCALES:
        raise CatalogError(_l("Unknown language."))
    existing = next((t for t in category.translations if t.locale == locale), None)
    name = (name or "").strip()
    if not name:
        if existing is not None:
            category.translations.remove(existing)
            db.session.flush()
        return None
    if existing is None:
        existing = CategoryTranslation(locale=locale, name=name)
        category.translations.append(existing)
    existing.name = name
    existing.seo_title = (seo_title or "").strip() or None
    existing.seo_description = (seo_description or "").strip() or None
    db.session.flush()
    return existing


def save_brand(brand: Brand | None, *, name: str, slug: str) -> Brand:
    name = (name or "").strip()
    if not name:
        raise CatalogError(_l("This field is required."), "name")
    slug = check_slug(slug, model=Brand, current_id=brand.id if brand else None)
    if brand is None:
        brand = Brand(name=name, slug=slug)
        db.session.add(brand)
    brand.name, brand.slug = name, slug
    db.session.flush()
    return brand


# --- which categories a store may sell in ---------------------------------------------

def apply_for_category(*, store_id: int, category_id: int, note: str | None, actor_id: int | None) -> StoreCategory:
    """The store asks to sell in a category (again, after a rejection)."""
    category = db.session.get(Category, category_id)
    if category is None:
        raise CatalogError(_l("Choose one of the options."), "category_id")
    existing = db.session.scalar(select(StoreCategory).where(StoreCategory.category_id == category_id))
    if existing is not None and existing.state != ApplicationState.REJECTED:
        message = (_l("You may already sell in this category.") if existing.state == ApplicationState.APPROVED
                   else _l("You have already applied for this category."))
        raise CatalogError(message, "category_id")
    application = existing or StoreCategory(store_id=store_id, category_id=category_id)
    application.state, application.reason, application.decided_at, application.decided_by_id = (
        ApplicationState.PENDING, None, None, None)
    application.note = (note or "").strip() or None
    application.applied_by_id = actor_id
    application.created_at = utcnow()
    if existing is None:
        db.session.add(application)
    db.session.flush()
    return application


def decide_application(application: StoreCategory, *, approve: bool, reason: str | None,
                       actor_id: int | None) -> StoreCategory:
    """The platform approves, or rejects with a reason the merchant sees."""
    if application.state != ApplicationState.PENDING:
        raise CatalogError(_l("This application has already been decided."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise CatalogError(_l("Give a reason; the store's staff will see it."), "reason")
    application.state = ApplicationState.APPROVED if approve else ApplicationState.REJECTED
    application.reason = None if approve else reason
    application.decided_by_id, application.decided_at = actor_id, utcnow()
    db.session.flush()
    return application


def approved_category_ids() -> set[int]:
    """The categories the current store may sell in (store scope required)."""
    return set(db.session.scalars(select(StoreCategory.category_id)
                                  .where(StoreCategory.state == ApplicationState.APPROVED)))
