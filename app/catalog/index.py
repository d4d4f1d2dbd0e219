"""Read models of the platform catalog for shopper pages: the category tree
and the brands as immutable plain data, loaded in one query each and cached
per process (``app.core.cache``), so a listing page does not pay for them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.catalog.models import Brand, Category, CategoryOption, CategoryTranslation
from app.core.cache import cached, forget, forget_on_change
from app.extensions import db


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    slug: str
    parent_id: int | None
    position: int
    name: str  # the default (English) name
    names: dict[str, str]  # url locale -> name
    seo: dict[str, tuple[str | None, str | None]]  # url locale -> (title, description)
    image_key: str | None
    children: tuple[int, ...] = ()

    def label(self, locale: str) -> str:
        return self.names.get(locale) or self.name

    def seo_title(self, locale: str) -> str:
        return (self.seo.get(locale, (None, None))[0]) or self.label(locale)

    def seo_description(self, locale: str) -> str | None:
        return self.seo.get(locale, (None, None))[1]


@dataclass(frozen=True)
class OptionTemplate:
    name: str
    values: tuple[str, ...]
    filterable: bool


@dataclass(frozen=True)
class CategoryIndex:
    by_id: dict[int, CategoryInfo]
    by_slug: dict[str, CategoryInfo]
    roots: tuple[int, ...]
    options: dict[int, tuple[OptionTemplate, ...]] = field(default_factory=dict)

    def descendants(self, category_id: int) -> list[int]:
        """The category and everything below it."""
        out, todo = [], [category_id]
        while todo:
            current = todo.pop()
            if current in out:
                continue
            out.append(current)
            todo.extend(self.by_id[current].children if current in self.by_id else ())
        return out

    def path(self, category_id: int) -> list[CategoryInfo]:
        """From the root down to the category itself."""
        chain: list[CategoryInfo] = []
        current = self.by_id.get(category_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.by_id.get(current.parent_id) if current.parent_id else None
        return list(reversed(chain))

    def children_of(self, category_id: int | None) -> list[CategoryInfo]:
        ids = self.roots if category_id is None else self.by_id[category_id].children
        return [self.by_id[i] for i in ids]

    def filter_options(self, category_id: int) -> tuple[OptionTemplate, ...]:
        """The filterable option templates of a category, or of its nearest ancestor that has some."""
        for node in reversed(self.path(category_id)):
            templates = self.options.get(node.id)
            if templates:
                return tuple(t for t in templates if t.filterable)
        return ()


def _load_categories() -> CategoryIndex:
    rows = db.session.scalars(
        select(Category).options(selectinload(Category.translations)).order_by(Category.position, Category.name)).all()
    option_rows = db.session.scalars(select(CategoryOption).order_by(CategoryOption.position, CategoryOption.id)).all()
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    infos = {
        row.id: CategoryInfo(
            id=row.id, slug=row.slug, parent_id=row.parent_id, position=row.position, name=row.name,
            names={t.locale: t.name for t in row.translations},
            seo={t.locale: (t.seo_title, t.seo_description) for t in row.translations},
            image_key=row.image_key, children=tuple(children.get(row.id, ())))
        for row in rows
    }
    options: dict[int, list[OptionTemplate]] = {}
    for o in option_rows:
        options.setdefault(o.category_id, []).append(OptionTemplate(o.name, tuple(o.values or ()), o.filterable))
    return CategoryIndex(by_id=infos, by_slug={c.slug: c for c in infos.values()},
                         roots=tuple(children.get(None, ())), options={k: tuple(v) for k, v in options.items()})


def categories() -> CategoryIndex:
    return cached("categories", _load_categories)


@dataclass(frozen=True)
class BrandInfo:
    id: int
    name: str
    slug: str
    logo_key: str | None


def brands() -> dict[int, BrandInfo]:
    return cached("brands", lambda: {
        b.id: BrandInfo(b.id, b.name, b.slug, b.logo_key)
        for b in db.session.scalars(select(Brand).order_by(Brand.name))})


def catalog_changed() -> None:
    forget("categories", "brands")


for _model in (Category, CategoryTranslation, CategoryOption):
    forget_on_change(_model, "categories")
forget_on_change(Brand, "brands")
