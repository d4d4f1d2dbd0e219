"""CSV export and import of a store's products and variants (current store scope).

The file
    One row per variant, a header row first. The columns (English, stable; order free on import):

    ``product_slug product_name category brand status on_shelf description weight_grams hs_code
    origin_country gtin option1_name option1_value option2_name option2_value option3_name option3_value
    sku price compare_at_price stock``

    - ``category`` and ``brand`` are slugs; ``status`` is draft, active or archived; ``on_shelf`` is yes or
      no (also y/n, true/false, 1/0); ``description`` is HTML, sanitised on import like the product form.
    - Prices are decimal text in the store's base currency (``19.99``, JPY ``1200``), parsed with
      ``parse_price``: more decimals than the currency has is an error, never rounded. A comma is refused
      (``1,200`` or ``19,99`` is ambiguous in a CSV file, and Excel in some locales writes decimal commas).
    - Export writes UTF-8 with a BOM (so Excel shows CJK and Arabic right) and CRLF line ends.
      Import accepts UTF-8 with or without a BOM (and UTF-16 with a BOM, Excel's "Unicode text"),
      separated by commas, semicolons or tabs (the separator that makes the most known header names).

Formula injection
    A text cell that starts with ``= + - @``, a tab or a carriage return is written with a leading
    single quote, so a spreadsheet shows it as text instead of running it. Every cell goes through the
    guard (names, descriptions, option values...); numbers never start with those characters because
    prices and stock are never negative. Import removes that one quote again when a guarded character
    follows it, so a round trip keeps ``-50% sale`` as it was (a cell that really starts with ``'=``
    loses its quote: an accepted corner).

Import: two phases
    ``parse_import`` reads the whole file and checks every row, collecting ``RowError(line, column,
    message)`` for every problem; lines are numbered as a spreadsheet shows them (the header is line
    1; a description with line breaks is still one line). Only when there is no error at all does
    ``apply_import`` write, all in the caller's transaction: one bad row changes nothing.

    - Rows are grouped by ``product_slug`` (the key; a slug cannot be renamed by import). A new slug
      creates the product (moderation from ``initial_moderation()``) and one variant per row; an existing
      slug updates the product and its variants matched by ``sku``; a new sku becomes a new variant;
      variants missing from the file are left alone. A sku of another product is an error.
    - The first row of a product carries its fields (name and category required). Later rows of the same
      product may leave product cells empty ("same as above"); a filled cell must agree with the first row.
    - Empty cells: ``brand``, ``description``, ``weight_grams``, ``hs_code``, ``origin_country``, ``gtin``
      and ``compare_at_price`` clear the value; ``status`` and ``on_shelf`` keep the current value (a new
      product starts as draft, off the shelf); ``stock`` keeps the current stock (a new variant starts at 0).
      A column missing from the header leaves that field alone (only product_slug, product_name,
      category, sku and price are required columns; option columns come in name/value pairs).
    - ``stock`` sets the stock. When it differs from an existing variant's current stock the difference
      goes through ``adjust_stock`` (kind "adjustment", reason "CSV import"; its conditional UPDATE applies
      the difference to the stock as it is in the database), so the ledger stays complete. A new variant
      is written with its opening stock and the same ledger row beside it (a new row has no concurrent
      sales to guard against, and 20,000 of them through ``adjust_stock`` would take minutes). Orders
      taken between an export and its re-import are overwritten by the file's numbers: leave stock empty
      (or export again) to keep them.
    - Option names belong to the product: a new product gets the names of its first row and the values
      of its rows, in order; an existing product's option names must match (rename them on the product
      page), and new values are added to its options. Each variant of a product has its own combination.
    - A category must be approved for the store when a product is created or moved to it; an existing
      product that keeps its category is accepted even if the approval was withdrawn since.
    - A row whose variant cells (sku, price, compare-at, stock, option values) are all empty only updates
      its product's fields; the export writes one for a product that has no variants.
    - ``apply_import`` changes only what differs, so importing an unchanged export reports 0 new, 0
      updated, 0 variants, and leaves ``updated_at`` alone. Listing columns (``refresh_listing``) and
      facets (``sync_facets``) follow.

Limits: 5 MB and 20,000 rows a file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import lazyload, selectinload

from app.catalog.models import Brand, Category, ModerationState, Product, ProductStatus, StockMovement, Variant
from app.catalog.products import (
    CODE_RE,
    GTIN_RE,
    HS_RE,
    MAX_VALUES,
    MAX_VARIANTS,
    SLUG_RE,
    adjust_stock,
    initial_moderation,
    parse_price,
    refresh_listing,
    sanitise_description,
    sync_facets,
)
from app.catalog.services import CatalogError, approved_category_ids
from app.extensions import db
from app.i18n.money import Money

COLUMNS = ("product_slug", "product_name", "category", "brand", "status", "on_shelf", "description",
           "weight_grams", "hs_code", "origin_country", "gtin", "option1_name", "option1_value", "option2_name",
           "option2_value", "option3_name", "option3_value", "sku", "price", "compare_at_price", "stock")
REQUIRED_COLUMNS = ("product_slug", "product_name", "category", "sku", "price")
OPTION_SLOTS = 3
NAME_COLUMNS = tuple(f"option{i}_name" for i in range(1, OPTION_SLOTS + 1))
VALUE_COLUMNS = tuple(f"option{i}_value" for i in range(1, OPTION_SLOTS + 1))
# Product-level columns that map straight onto a Product attribute.
FIELD_COLUMNS = {"product_name": "name", "category": "category_id", "brand": "brand_id", "status": "status",
                 "on_shelf": "on_shelf", "description": "description", "weight_grams": "weight_grams",
                 "hs_code": "hs_code", "origin_country": "origin_country", "gtin": "gtin"}
VARIANT_COLUMNS = ("sku", "price", "compare_at_price", "stock", *VALUE_COLUMNS)

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_DESCRIPTION = 20_000
MAX_STOCK = 1_000_000_000
EXPORT_BATCH = 500  # products per query when exporting
IN_CHUNK = 500  # values per IN (...) when looking rows up
BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
STOCK_REASON = "CSV import"  # stored in the ledger as data, like a reason a person types
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
# A cell may be as large as a file; the column checks give the real limits with a clear message.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))

REQUIRED = _l("This field is required.")
TOO_LONG = _l("Use at most %(max)d characters.")


class RowError(NamedTuple):
    line: int  # as a spreadsheet numbers it: the header is line 1
    column: str  # a column name, or "" for the whole row or file
    message: object  # a lazy translated string


@dataclass
class VariantPlan:
    line: int
    sku: str
    option_values: list[str]
    price: int
    compare_at: int | None
    stock: int | None  # None: keep the current stock (0 for a new variant)
    variant_id: int | None = None  # None: a new variant


@dataclass
class ProductPlan:
    line: int
    slug: str
    fields: dict  # Product attribute -> value, only for the fields the file sets
    option_names: list[str] | None  # None: the file has no option columns
    variants: list[VariantPlan] = field(default_factory=list)
    product_id: int | None = None  # None: a new product


@dataclass
class ImportPlan:
    products: list[ProductPlan]
    has_compare_at: bool  # the file has the compare_at_price column
    rows: int = 0


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    variants: int = 0  # variants created or changed (prices, options, stock)
    stock_movements: int = 0


# --- export ---------------------------------------------------------------------------------

def guard(cell: str) -> str:
    """Keep a spreadsheet from reading a text cell as a formula."""
    return "'" + cell if cell and cell.startswith(FORMULA_START) else cell


def unguard(cell: str) -> str:
    """Undo ``guard`` on a cell read back from a file."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_START:
        return cell[1:]
    return cell


def amount_text(amount: int | None, currency: str) -> str:
    """Minor units as the decimal text the import reads (``29.90``, JPY ``1200``)."""
    if amount is None:
        return ""
    return format(Money(amount, currency).decimal, "f")


def export_rows(currency: str, *, batch: int = EXPORT_BATCH) -> Iterator[list[str]]:
    """The header, then one row per variant of every product of the current store,
    products by id. Reads ``batch`` products per query and holds no ORM object
    between yields of different batches, so a caller may run each batch in a
    session of its own (the streaming view does)."""
    yield list(COLUMNS)
    after = 0
    while True:
        products = db.session.scalars(
            select(Product).where(Product.id > after).order_by(Product.id).limit(batch)
            .options(lazyload(Product.images), lazyload(Product.translations),
                     selectinload(Product.variants).lazyload(Variant.fixed_prices))
        ).all()
        if not products:
            return
        brand_ids = {p.brand_id for p in products if p.brand_id is not None}
        brands = dict(db.session.execute(select(Brand.id, Brand.slug).where(Brand.id.in_(brand_ids))).all()) \
            if brand_ids else {}
        rows: list[list[str]] = []
        for product in products:
            rows.extend(_product_rows(product, brands, currency))
        after = products[-1].id
        del products
        yield from rows


def _product_rows(product: Product, brands: dict[int, str], currency: str) -> list[list[str]]:
    names = [str(o.get("name", "")) for o in (product.options or [])][:OPTION_SLOTS]
    base = {
        "product_slug": product.slug, "product_name": product.name, "category": product.category.slug,
        "brand": brands.get(product.brand_id, "") if product.brand_id else "",
        "status": product.status.value, "on_shelf": "yes" if product.on_shelf else "no",
        "description": product.description or "",
        "weight_grams": "" if product.weight_grams is None else str(product.weight_grams),
        "hs_code": product.hs_code or "", "origin_country": product.origin_country or "", "gtin": product.gtin or "",
    }
    for i, column in enumerate(NAME_COLUMNS):
        base[column] = names[i] if i < len(names) else ""
    rows = []
    for variant in product.variants or [None]:
        row = dict(base)
        if variant is not None:
            values = list(variant.option_values or [])
            for i, column in enumerate(VALUE_COLUMNS):
                row[column] = str(values[i]) if i < len(values) else ""
            row.update(sku=variant.code, price=amount_text(variant.price, currency),
                       compare_at_price=amount_text(variant.compare_at_price, currency), stock=str(variant.stock))
        rows.append([guard(row.get(column, "")) for column in COLUMNS])
    return rows


def write_csv(rows: Iterable[list[str]]) -> str:
    """Rows as CSV text (CRLF line ends, quotes where needed)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


# --- import: reading the file --------------------------------------------------------------

def decode_upload(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 with or without a BOM, or UTF-16 with a BOM."""
    if not data.strip():
        raise CatalogError(_l("The file is empty."), "file")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(_l("The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it "
                              "again."), "file") from exc


def _delimiter(first_line: str) -> str:
    known = set(COLUMNS)

    def score(sep: str) -> int:
        return sum(1 for name in first_line.split(sep) if name.strip().strip('"').strip().lower() in known)

    return max((",", ";", "\t"), key=score)  # ties keep the comma


def parse_import(text: str, currency: str) -> tuple[ImportPlan, list[RowError]]:
    """Check every row of ``text`` (a CSV file) against the current store. Returns the plan to
    apply and every problem found; apply the plan only when there is none. Writes nothing."""
    plan = ImportPlan(products=[], has_compare_at=False)
    if text.startswith(BOM):
        text = text[1:]
    if not text.strip():
        return plan, [RowError(1, "", _l("The file is empty."))]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]), strict=True)
    errors: list[RowError] = []
    records: list[tuple[int, dict[str, str]]] = []
    line = 0  # the last line read; a reading error is on the next one
    try:
        columns = [unguard(name).strip().lower() for name in next(reader)]
        line = 1
        while columns and not columns[-1]:
            columns.pop()  # trailing empty header cells, as some spreadsheets write them
        errors += _check_header(columns)
        if errors:
            return plan, errors
        for record in reader:
            line += 1
            if not any(cell.strip() for cell in record):
                continue  # an empty line: skipped, but counted so line numbers match the spreadsheet
            if len(records) >= MAX_ROWS:
                errors.append(RowError(line, "", _l("A file has at most %(n)d rows. Split it into smaller files.",
                                                    n=MAX_ROWS)))
                break
            if any(cell.strip() for cell in record[len(columns):]):
                errors.append(RowError(line, "", _l("This line has more cells than the header has columns.")))
            cells = {name: unguard(record[i]).strip() if i < len(record) else "" for i, name in enumerate(columns)}
            records.append((line, cells))
    except csv.Error:
        errors.append(RowError(line + 1, "",
                               _l("The file cannot be read as CSV from this line on. Check its quotes.")))
        return plan, errors
    if not records and not errors:
        return plan, [RowError(1, "", _l("The file has no product rows under its header."))]
    plan.has_compare_at = "compare_at_price" in columns
    plan.rows = len(records)
    _Checker(set(columns), currency, records, errors).run(plan)
    order = {name: index for index, name in enumerate(COLUMNS)}
    errors.sort(key=lambda e: (e.line, order.get(e.column, -1)))
    return plan, errors


def _check_header(columns: list[str]) -> list[RowError]:
    errors: list[RowError] = []
    seen: set[str] = set()
    for name in columns:
        if not name:
            errors.append(RowError(1, "", _l("Every column needs a name in the header row.")))
        elif name not in COLUMNS:
            errors.append(RowError(1, name, _l("Unknown column. Use the column names of the export.")))
        elif name in seen:
            errors.append(RowError(1, name, _l("This column appears twice.")))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(1, name, _l("This column is required.")))
    for name_column, value_column in zip(NAME_COLUMNS, VALUE_COLUMNS, strict=True):
        if (name_column in seen) != (value_column in seen):
            missing = value_column if name_column in seen else name_column
            errors.append(RowError(1, missing, _l("Option columns come in pairs: add this column too.")))
    if any(c in seen for c in NAME_COLUMNS) and NAME_COLUMNS[0] not in seen:
        errors.append(RowError(1, NAME_COLUMNS[0], _l("Option columns come in pairs: add this column too.")))
    return errors


def _chunks(values: Iterable, size: int = IN_CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _int(text: str, low: int, high: int) -> int:
    if not re.fullmatch(r"\d{1,12}", text):
        raise ValueError(text)
    value = int(text)
    if not low <= value <= high:
        raise ValueError(text)
    return value


class _Failed:
    """A cell that did not pass its check (already reported)."""

    def __repr__(self) -> str:
        return "FAILED"


_FAILED = _Failed()


def _disagree(line: int):
    return _l("Rows of the same product must agree: line %(line)d has another value here.", line=line)


@dataclass
class _Row:
    line: int
    fields: dict  # Product attribute -> value (or _FAILED), for the cells the row sets
    names: list[str] | None  # option names written on the row (None: not written)
    variant: dict | None  # the variant cells, None for a row of product fields only


class _Checker:
    """The checks of one file, with the store's data they need loaded in a few queries."""

    def __init__(self, columns: set[str], currency: str, records: list[tuple[int, dict[str, str]]],
                 errors: list[RowError]):
        self.columns, self.currency, self.records, self.errors = columns, currency, records, errors
        self.options_given = NAME_COLUMNS[0] in columns
        slugs = {cells["product_slug"].lower() for _line, cells in records}
        categories = {cells["category"].lower() for _line, cells in records if cells["category"]}
        brands = {cells.get("brand", "").lower() for _line, cells in records if cells.get("brand")}
        self.first_sku_line: dict[str, int] = {}
        for line, cells in records:
            if cells["sku"]:
                self.first_sku_line.setdefault(cells["sku"], line)
        self.category_ids: dict[str, int] = {}
        for chunk in _chunks(categories):
            self.category_ids.update(db.session.execute(select(Category.slug, Category.id)
                                                        .where(Category.slug.in_(chunk))).all())
        self.brand_ids: dict[str, int] = {}
        for chunk in _chunks(brands):
            self.brand_ids.update(db.session.execute(select(Brand.slug, Brand.id).where(Brand.slug.in_(chunk))).all())
        self.approved = approved_category_ids()
        self.products: dict[str, Product] = {}
        for chunk in _chunks(slugs):
            self.products.update((p.slug, p) for p in db.session.scalars(select(Product).where(Product.slug.in_(chunk))))
        self.sku_owner: dict[str, int] = {}
        for chunk in _chunks(self.first_sku_line):
            self.sku_owner.update(db.session.execute(select(Variant.code, Variant.product_id)
                                                     .where(Variant.code.in_(chunk))).all())

    def error(self, line: int, column: str, message) -> None:
        self.errors.append(RowError(line, column, message))

    # --- one cell ----------------------------------------------------------------------------

    def product_field(self, column: str, text: str):
        """The Product attribute value of a product cell; raises CatalogError."""
        if column == "product_name":
            if not text:
                raise CatalogError(REQUIRED)
            if len(text) > 200:
                raise CatalogError(_l("Use at most %(max)d characters.", max=200))
            return text
        if column == "category":
            if not text:
                raise CatalogError(REQUIRED)
            category_id = self.category_ids.get(text.lower())
            if category_id is None:
                raise CatalogError(_l("No category has this slug."))
            return category_id
        if column == "brand":
            if not text:
                return None
            brand_id = self.brand_ids.get(text.lower())
            if brand_id is None:
                raise CatalogError(_l("No brand has this slug."))
            return brand_id
        if column == "status":
            try:
                return ProductStatus(text.lower())
            except ValueError:
                raise CatalogError(_l("Write draft, active or archived.")) from None
        if column == "on_shelf":
            if text.lower() in YES:
                return True
            if text.lower() in NO:
                return False
            raise CatalogError(_l("Write yes or no."))
        if column == "description":
            if len(text) > MAX_DESCRIPTION:
                raise CatalogError(_l("Use at most %(max)d characters.", max=MAX_DESCRIPTION))
            return sanitise_description(text)
        if column == "weight_grams":
            if not text:
                return None
            try:
                return _int(text, 0, 1_000_000)
            except ValueError:
                raise CatalogError(_l("Enter the weight in grams, up to 1,000,000.")) from None
        if column == "hs_code":
            if text and not HS_RE.match(text):
                raise CatalogError(_l("An HS code is 6 to 10 digits."))
            return text or None
        if column == "gtin":
            if text and not GTIN_RE.match(text):
                raise CatalogError(_l("A GTIN (barcode) is 8, 12, 13 or 14 digits."))
            return text or None
        if column == "origin_country":
            if text and not COUNTRY_RE.match(text.upper()):
                raise CatalogError(_l("Write the country as a two-letter code, like PT or JP."))
            return text.upper() or None
        raise KeyError(column)  # pragma: no cover

    def price(self, text: str, column: str, *, required: bool) -> int | None:
        if "," in text:
            raise CatalogError(_l("Write prices with a dot for decimals and no thousands separators, like 1234.50."))
        return parse_price(text, self.currency, column, required=required)

    # --- one row ------------------------------------------------------------------------------

    def parse_row(self, line: int, cells: dict[str, str], first: bool) -> _Row:
        """Everything one row says, checked cell by cell; each problem is reported."""
        row = _Row(line=line, fields={}, names=None, variant=None)
        for column, attribute in FIELD_COLUMNS.items():
            if column not in self.columns:
                continue
            text = cells[column]
            if not text and (not first or column in ("status", "on_shelf")):
                continue  # the same as the product's first row / keep the current value
            try:
                row.fields[attribute] = self.product_field(column, text)
            except CatalogError as exc:
                self.error(line, column, exc.message)
                row.fields[attribute] = _FAILED
        if self.options_given:
            names = [cells.get(c, "") for c in NAME_COLUMNS]
            if first or any(names):
                row.names = names
            for column, name in zip(NAME_COLUMNS, names, strict=True):
                if len(name) > 40:
                    self.error(line, column, _l("Option names and values are at most 40 characters."))
        if not any(cells.get(c, "") for c in VARIANT_COLUMNS):
            return row  # a row of the product's own fields only
        variant = {"line": line, "values": [cells.get(c, "") for c in VALUE_COLUMNS], "ok": True,
                   "sku": cells["sku"], "price": None, "compare_at": None, "stock": None}
        for column, value in zip(VALUE_COLUMNS, variant["values"], strict=True):
            if len(value) > 40:
                self.error(line, column, _l("Option names and values are at most 40 characters."))
                variant["ok"] = False
        sku = cells["sku"]
        if not sku:
            self.error(line, "sku", REQUIRED)
        elif not CODE_RE.match(sku):
            self.error(line, "sku", _l("Use up to 64 letters, digits, dots, hyphens or underscores."))
        elif self.first_sku_line[sku] != line:
            self.error(line, "sku", _l("Line %(line)d already uses this SKU.", line=self.first_sku_line[sku]))
        else:
            owner = self.sku_owner.get(sku)
            existing = self.products.get(cells["product_slug"].lower())
            if owner is not None and (existing is None or owner != existing.id):
                self.error(line, "sku", _l("Another product of this store uses this SKU."))
            else:
                variant["sku_ok"] = True
        variant["ok"] = variant["ok"] and variant.get("sku_ok", False)
        try:
            variant["price"] = self.price(cells["price"], "price", required=True)
        except CatalogError as exc:
            self.error(line, "price", exc.message)
            variant["ok"] = False
        if "compare_at_price" in self.columns:
            try:
                compare_at = self.price(cells["compare_at_price"], "compare_at_price", required=False)
            except CatalogError as exc:
                self.error(line, "compare_at_price", exc.message)
                variant["ok"] = False
            else:
                if compare_at is not None and variant["price"] is not None and compare_at <= variant["price"]:
                    self.error(line, "compare_at_price", _l("The compare-at price must be higher than the price."))
                    variant["ok"] = False
                variant["compare_at"] = compare_at
        if cells.get("stock"):
            try:
                variant["stock"] = _int(cells["stock"], 0, MAX_STOCK)
            except ValueError:
                self.error(line, "stock", _l("Enter the stock as a whole number, 0 or more."))
                variant["ok"] = False
        row.variant = variant
        return row

    # --- the whole file ------------------------------------------------------------------------

    def run(self, plan: ImportPlan) -> None:
        groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for line, cells in self.records:
            slug = cells["product_slug"].lower()
            if slug and SLUG_RE.match(slug):
                groups.setdefault(slug, []).append((line, cells))
                continue
            if not slug:
                self.error(line, "product_slug", REQUIRED)
            else:
                self.error(line, "product_slug",
                           _l("Use lower-case ASCII letters, digits and hyphens (up to 120), like linen-shirt."))
            self.parse_row(line, cells, first=True)  # still report the row's other problems
        for slug, rows in groups.items():
            product_plan = self.check_product(slug, rows)
            if product_plan is not None:
                plan.products.append(product_plan)

    def check_product(self, slug: str, records: list[tuple[int, dict[str, str]]]) -> ProductPlan | None:
        errors_before = len(self.errors)
        existing = self.products.get(slug)
        rows = [self.parse_row(line, cells, first=index == 0) for index, (line, cells) in enumerate(records)]
        first = rows[0]
        # Later rows agree with the first one (an empty cell means "the same").
        for row in rows[1:]:
            for attribute, value in row.fields.items():
                expected = first.fields.get(attribute)
                if value is not _FAILED and expected is not _FAILED and value != expected:
                    self.error(row.line, _column_of(attribute), _disagree(first.line))
            if row.names is not None and first.names is not None:
                for column, name, first_name in zip(NAME_COLUMNS, row.names, first.names, strict=True):
                    if name and name.lower() != first_name.lower():
                        self.error(row.line, column, _disagree(first.line))
        fields = first.fields
        category_id = fields.get("category_id")
        if isinstance(category_id, int) and category_id not in self.approved \
                and (existing is None or existing.category_id != category_id):
            self.error(first.line, "category",
                       _l("Your store is not approved for this category. Apply for it under Categories."))
        names = self.option_names(first, existing)
        own = {v.code: v for v in existing.variants} if existing is not None else {}
        variants: list[VariantPlan] = []
        combos: dict[tuple, int] = {}
        for row in rows:
            variant = row.variant
            if variant is None:
                continue
            values = self.option_values(variant, names, own.get(variant["sku"]))
            if values is _FAILED or not variant["ok"]:
                continue
            key = tuple(v.lower() for v in values)
            if key in combos:
                if values:
                    self.error(row.line, VALUE_COLUMNS[0],
                               _l("Line %(line)d of this product has the same option values.", line=combos[key]))
                else:
                    self.error(row.line, "sku", _l("A product without options has only one variant, on line "
                                                   "%(line)d.", line=combos[key]))
                continue
            combos[key] = row.line
            current = own.get(variant["sku"])
            variants.append(VariantPlan(line=row.line, sku=variant["sku"], option_values=values,
                                        price=variant["price"], compare_at=variant["compare_at"],
                                        stock=variant["stock"], variant_id=current.id if current else None))
        if existing is None and not any(row.variant for row in rows):
            self.error(first.line, "sku", _l("A new product needs at least one variant: fill in its sku and price."))
        if existing is not None:
            # The variants the file leaves alone keep their combinations.
            in_file = {v.sku for v in variants}
            untouched = {tuple(str(x).lower() for x in v.option_values or []): v.code
                         for v in existing.variants if v.code not in in_file}
            for variant_plan in variants:
                code = untouched.get(tuple(x.lower() for x in variant_plan.option_values))
                if code is not None and variant_plan.option_values:
                    self.error(variant_plan.line, VALUE_COLUMNS[0],
                               _l("The variant %(sku)s of this product already has these option values.", sku=code))
                elif code is not None:
                    self.error(variant_plan.line, "sku", _l("A product without options has only one variant: this "
                                                            "one has %(sku)s.", sku=code))
            total = len(existing.variants) + sum(1 for v in variants if v.variant_id is None)
        else:
            total = len(variants)
        if total > MAX_VARIANTS:
            self.error(first.line, "sku", _l("A product has at most %(n)d variants.", n=MAX_VARIANTS))
        if names and names is not _FAILED:
            merged = _merged_options((existing.options or []) if existing is not None else [], names,
                                     [v.option_values for v in variants])
            if any(len(o["values"]) > MAX_VALUES for o in merged):
                self.error(first.line, NAME_COLUMNS[0], _l("An option has at most %(n)d different values.", n=MAX_VALUES))
        if len(self.errors) != errors_before:
            return None
        return ProductPlan(line=first.line, slug=slug, fields=dict(fields),
                           option_names=None if not self.options_given and existing is not None else names,
                           variants=variants, product_id=existing.id if existing is not None else None)

    def option_names(self, first: _Row, existing: Product | None):
        """The product's option names (from its first row), or _FAILED."""
        current = [str(o.get("name", "")) for o in (existing.options or [])] if existing is not None else []
        if not self.options_given:
            return current
        raw = first.names or ["", "", ""]
        names = [n for n in raw if n]
        if raw[:len(names)] != names:
            self.error(first.line, NAME_COLUMNS[raw.index("")],
                       _l("Fill the options in order: option 1 first, then 2, then 3."))
            return _FAILED
        if any(len(n) > 40 for n in names):
            return _FAILED  # reported with the row
        if len({n.lower() for n in names}) != len(names):
            self.error(first.line, NAME_COLUMNS[len(names) - 1], _l("Each option needs its own name."))
            return _FAILED
        if existing is None:
            return names
        if [n.lower() for n in names] != [n.lower() for n in current]:
            if current:
                message = _l("This product's options are %(names)s. Keep these names, or change the options on the "
                             "product page.", names=", ".join(current))
            else:
                message = _l("This product has no options. Add them on the product page first.")
            self.error(first.line, NAME_COLUMNS[0], message)
            return _FAILED
        return current  # the product's own spelling

    def option_values(self, variant: dict, names, current: Variant | None):
        """A variant's option values, one per option name, or _FAILED."""
        if names is _FAILED:
            return _FAILED
        line, values = variant["line"], variant["values"]
        if not self.options_given:
            if current is not None:
                return list(current.option_values or [])  # no option columns: the values stay
            if names:
                self.error(line, "sku", _l("This variant needs a value for %(name)s.", name=names[0]))
                return _FAILED
            return []
        ok = True
        for index, value in enumerate(values):
            if index < len(names) and not value:
                self.error(line, VALUE_COLUMNS[index], _l("This variant needs a value for %(name)s.", name=names[index]))
                ok = False
            elif index >= len(names) and value:
                self.error(line, VALUE_COLUMNS[index], _l("This value has no option name in its product's first row."))
                ok = False
        return values[:len(names)] if ok else _FAILED


def _column_of(attribute: str) -> str:
    return next(column for column, attr in FIELD_COLUMNS.items() if attr == attribute)


def _merged_options(current: list[dict], names: list[str], rows: list[list[str]]) -> list[dict]:
    """The product's options with the values of ``rows`` added, in order of appearance."""
    merged = []
    for index, name in enumerate(names):
        values = list(current[index]["values"]) if index < len(current) else []
        seen = {v.lower() for v in values}
        for row in rows:
            if index < len(row) and row[index].lower() not in seen:
                values.append(row[index])
                seen.add(row[index].lower())
        merged.append({**(current[index] if index < len(current) else {}), "name": name, "values": values})
    return merged


# --- import: writing --------------------------------------------------------------------------

def apply_import(plan: ImportPlan, actor_id: int | None) -> ImportResult:
    """Write a checked plan in the current transaction (flushes, never commits)."""
    result = ImportResult()
    moderation: ModerationState | None = None
    ids = [p.product_id for p in plan.products if p.product_id is not None]
    products: dict[int, Product] = {}
    for chunk in _chunks(ids):
        products.update((p.id, p) for p in db.session.scalars(select(Product).where(Product.id.in_(chunk))))
    for product_plan in plan.products:
        if product_plan.product_id is None:
            if moderation is None:
                moderation = initial_moderation()
            _create(product_plan, moderation, actor_id, result)
        else:
            _update(products[product_plan.product_id], product_plan, plan.has_compare_at, actor_id, result)
    return result


def _create(plan: ProductPlan, moderation: ModerationState, actor_id: int | None, result: ImportResult) -> None:
    fields = {"status": ProductStatus.DRAFT, "on_shelf": False, "description": "", **plan.fields}
    options = _merged_options([], plan.option_names or [], [v.option_values for v in plan.variants])
    product = Product(slug=plan.slug, options=options, moderation=moderation, **fields)
    product.variants = [_new_variant(product, variant_plan, position)
                        for position, variant_plan in enumerate(plan.variants)]
    db.session.add(product)
    db.session.flush()
    _record_opening_stock(product.variants, actor_id, result)
    sync_facets(product)
    refresh_listing(product)
    result.created += 1
    result.variants += len(plan.variants)


def _new_variant(product: Product, plan: VariantPlan, position: int) -> Variant:
    return Variant(code=plan.sku, option_values=plan.option_values, position=position, price=plan.price,
                   compare_at_price=plan.compare_at, stock=plan.stock or 0, store_id=product.store_id)


def _record_opening_stock(variants: list[Variant], actor_id: int | None, result: ImportResult) -> None:
    """The ledger rows of new variants' opening stock (after the flush that gave them ids).

    A brand-new row has no concurrent sales to guard against, so its opening stock is
    written with the row and its ledger entry (the entry ``adjust_stock`` writes: kind
    "adjustment", reason "CSV import", delta = balance = the stock) is added beside it,
    instead of four statements per variant through ``adjust_stock``: a file of 20,000
    new variants would otherwise take minutes."""
    for variant in variants:
        if variant.stock:
            db.session.add(StockMovement(store_id=variant.store_id, variant_id=variant.id, delta=variant.stock,
                                         balance=variant.stock, kind="adjustment", reason=STOCK_REASON,
                                         actor_id=actor_id))
            result.stock_movements += 1


def _update(product: Product, plan: ProductPlan, has_compare_at: bool, actor_id: int | None,
            result: ImportResult) -> None:
    changed = False
    for attribute, value in plan.fields.items():
        if getattr(product, attribute) != value:
            setattr(product, attribute, value)
            changed = True
    options_changed = False
    if plan.option_names:
        merged = _merged_options(product.options or [], plan.option_names, [v.option_values for v in plan.variants])
        if merged != (product.options or []):
            product.options = merged  # a new list, so the JSON column is written
            options_changed = changed = True
    if changed and product.moderation in (ModerationState.REJECTED, ModerationState.TAKEN_DOWN):
        # As with the product form: an edit after a rejection or take-down goes back to the queue.
        product.moderation, product.moderated_at = ModerationState.PENDING, None
    by_id = {v.id: v for v in product.variants}
    position = max((v.position for v in product.variants), default=-1) + 1
    variants_changed = 0
    stock_changes: list[tuple[Variant, int]] = []
    new_variants: list[Variant] = []
    for variant_plan in plan.variants:
        if variant_plan.variant_id is None:
            new_variants.append(_new_variant(product, variant_plan, position))
            product.variants.append(new_variants[-1])
            position += 1
            variants_changed += 1
            continue
        variant = by_id[variant_plan.variant_id]
        touched = False
        if list(variant.option_values or []) != variant_plan.option_values:
            variant.option_values = list(variant_plan.option_values)
            touched = True
        if variant.price != variant_plan.price:
            variant.price = variant_plan.price
            touched = True
        if has_compare_at and variant.compare_at_price != variant_plan.compare_at:
            variant.compare_at_price = variant_plan.compare_at
            touched = True
        if variant_plan.stock is not None and variant_plan.stock != variant.stock:
            stock_changes.append((variant, variant_plan.stock))
            touched = True
        variants_changed += touched
    db.session.flush()
    _record_opening_stock(new_variants, actor_id, result)
    for variant, target in stock_changes:
        # adjust_stock applies the difference to the stock as it is in the database, with a
        # conditional UPDATE, and records it in the ledger.
        adjust_stock(variant, delta=target - variant.stock, reason=STOCK_REASON, actor_id=actor_id)
        result.stock_movements += 1
    if options_changed:
        sync_facets(product)
    refresh_listing(product)
    if changed or variants_changed:
        result.updated += 1
        result.variants += variants_changed

