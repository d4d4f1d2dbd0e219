"""Console: CSV export and import of products and variants (see ``app.catalog.csv_io`` for the file).

URL table (merchant host)
    /<store>/products/export.csv     GET: every product and variant of the store, streamed (any store role)
    /<store>/products/import         GET: the upload form and the store's latest background imports;
                                     POST: a file of up to IMPORT_INLINE_ROWS rows is checked whole, then applied
                                     or every bad row listed with its line and reason; a larger one becomes a
                                     background ImportRun (303 to its page) (owners and managers)
    /<store>/products/imports/<id>   GET: one background import: state, counts, problems; for an HTMX request
                                     only its status fragment, which polls itself until the run ends (any store role)
"""

from __future__ import annotations

import itertools
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, g, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from sqlalchemy.exc import IntegrityError

from app.catalog import csv_io, import_runs
from app.catalog.services import CatalogError
from app.core.time import utcnow
from app.extensions import db
from app.tenancy.scope import store_scope
from app.web.access import store_roles
from app.web.console import bp
from app.web.console.products import EDITORS
from app.web.fields import add_error
from app.web.rendering import form_status, render, see_other

MAX_ERRORS_SHOWN = 1000
# The multipart envelope around the file: boundaries, headers, the CSRF token.
ENVELOPE = 64 * 1024


class ImportForm(FlaskForm):
    file = FileField(_l("CSV file"), validators=[FileRequired(message=_l("Choose a CSV file to upload."))],
                     render_kw={"accept": ".csv,text/csv"})


def _today() -> str:
    """Today's date in the store's time zone, for the file name."""
    try:
        zone = ZoneInfo(g.store.time_zone or "UTC")
    except (KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        zone = ZoneInfo("UTC")
    return utcnow().astimezone(zone).date().isoformat()


@bp.route("/<store>/products/export.csv")
@store_roles()
def products_export():
    """The store's products as CSV, streamed: each batch of products is read in an
    app context and session of its own, so no request state is needed while the
    body is sent and 100,000 rows never sit in memory at once."""
    app = current_app._get_current_object()
    store_id, currency = g.store.id, g.store.base_currency
    rows = csv_io.export_rows(currency)

    def body():
        yield csv_io.BOM
        while True:
            # Each step opens and closes its own contexts, so nothing spans a yield.
            with app.app_context(), store_scope(store_id):
                chunk = list(itertools.islice(rows, csv_io.EXPORT_BATCH))
            if not chunk:
                return
            yield csv_io.write_csv(chunk)

    filename = f"{g.store.slug}-products-{_today()}.csv"
    response = current_app.response_class(body(), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _import_page(form: ImportForm, *, errors=None, rows: int = 0, status: int = 200):
    errors = errors or []
    return render("console/products/import.html", form=form, errors=errors[:MAX_ERRORS_SHOWN],
                  errors_total=len(errors), error_lines=len({e.line for e in errors}), rows=rows,
                  columns=csv_io.COLUMNS, required=csv_io.REQUIRED_COLUMNS, max_rows=csv_io.MAX_ROWS,
                  max_mb=csv_io.MAX_BYTES // (1024 * 1024), runs=import_runs.recent_runs(),
                  inline_rows=import_runs.IMPORT_INLINE_ROWS, status=status)


@bp.route("/<store>/products/import", methods=["GET", "POST"])
@store_roles(*EDITORS)
def products_import():
    form = ImportForm()
    if request.method == "GET":
        return _import_page(form)
    too_large = _("The file is larger than %(n)d MB. Split it into smaller files.", n=csv_io.MAX_BYTES // (1024 * 1024))
    if (request.content_length or 0) > csv_io.MAX_BYTES + ENVELOPE:
        add_error(form, too_large, "file")
        return _import_page(form, status=422)
    if not form.validate_on_submit():
        return _import_page(form, status=form_status(form))
    data = form.file.data.read(csv_io.MAX_BYTES + 1)
    if len(data) > csv_io.MAX_BYTES:
        add_error(form, too_large, "file")
        return _import_page(form, status=422)
    try:
        text = csv_io.decode_upload(data)
    except CatalogError as exc:
        add_error(form, exc.message, "file")
        return _import_page(form, status=422)
    # A file whose header or CSV quoting is wrong goes on below: parse_import reports that at once.
    rows = import_runs.count_rows(text)
    if rows is not None and rows > csv_io.MAX_ROWS:
        add_error(form, _("A file has at most %(n)d rows. Split it into smaller files.", n=csv_io.MAX_ROWS), "file")
        return _import_page(form, status=422)
    if rows is not None and rows > import_runs.IMPORT_INLINE_ROWS:
        # Too long for a request: checked and applied by a background job, followed on the run's page.
        run = import_runs.start_import(text, filename=form.file.data.filename, row_count=rows,
                                       actor_id=current_user.id, locale=str(get_locale() or "en"))
        import_id = run.id
        db.session.commit()
        return see_other(url_for(".import_run", import_id=import_id))
    plan, errors = csv_io.parse_import(text, g.store.base_currency)
    if errors:
        db.session.rollback()
        return _import_page(form, errors=errors, rows=plan.rows, status=422)
    try:
        result = csv_io.apply_import(plan, actor_id=current_user.id)
    except (CatalogError, IntegrityError) as exc:
        # Only a change made by someone else between the check and the write gets here.
        db.session.rollback()
        message = exc.message if isinstance(exc, CatalogError) else _("The products changed while the file was "
                                                                         "imported. Upload it again.")
        add_error(form, message, "file")
        return _import_page(form, status=422)
    db.session.commit()
    flash(_("Imported: %(created)d new products, %(updated)d updated, %(variants)d variants.",
            created=result.created, updated=result.updated, variants=result.variants), "success")
    return see_other(url_for(".products"))


@bp.route("/<store>/products/imports/<int:import_id>")
@store_roles()
def import_run(import_id: int):
    run = import_runs.get_run(import_id)
    if run is None:
        abort(404)
    row_errors = run.row_errors
    return render("console/products/import_run.html", "console/products/_import_status.html", run=run,
                  row_errors=row_errors[:MAX_ERRORS_SHOWN], can_import=g.membership.role in EDITORS)
