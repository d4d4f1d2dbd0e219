"""Large CSV imports of products, run as a background job (``ImportRun``).

A file of at most ``IMPORT_INLINE_ROWS`` data rows is imported within the upload
request, as before (``app.catalog.csv_io``). A larger one (up to ``csv_io.MAX_ROWS``)
would outlast a web request (measured: 20,000 rows take 35-95 s on SQLite), so the
view checks its encoding and header, and ``start_import`` keeps the file in the media
storage (``imports/<store id>/<random>.csv``), records a queued ``ImportRun`` and
enqueues ``run_import`` on the ``default`` queue after the commit. Staff follow the
run on its page (``/<store>/products/imports/<id>``).

The job (``run_import``) claims the run (queued -> running, committed), then does what
the synchronous import does: ``parse_import`` checks every row; any problem -> the run
fails with every problem (line, column, message) and nothing changes; else
``apply_import`` writes everything, and the run's outcome (succeeded, counts) is
committed in that same transaction. Any other exception rolls back and fails the run
with a general message (the traceback goes to the log). The stored file is deleted
once the outcome is committed.

Repeats: a job that finds its run finished does nothing (RQ retries, an admin retry);
one that finds it "running" starts over (its worker died mid-job: the import is one
transaction, so nothing of that attempt was kept). The job id is deterministic
(``import-run-<id>``), so RQ never holds two jobs for one run.
"""

from __future__ import annotations

import csv
import enum
import io
import logging
import uuid
from datetime import datetime, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import JSON, ForeignKey, Integer, String, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app.catalog import csv_io
from app.catalog.services import CatalogError
from app.config import LOCALES
from app.core.time import UTCDateTime, utcnow
from app.core.types import str_enum
from app.extensions import db
from app.jobs import enqueue
from app.media.images import _WRITTEN as FILES_WRITTEN  # stored files removed unless the transaction commits
from app.media.storage import get_storage
from app.tenancy.models import Store
from app.tenancy.scope import StoreOwned, all_stores, current_store_id, store_scope

log = logging.getLogger("lintas.imports")

IMPORT_INLINE_ROWS = 500  # data rows a request still imports itself; a larger file becomes an ImportRun
RECENT_RUNS = 10  # runs listed on the import page
MAX_ERRORS_KEPT = 1000  # problems stored with a failed run (the page shows as many); error_count has the total
FILENAME_MAX = 200
# A run still unfinished this long after its upload has most likely stopped (no worker, or a web
# process killed mid-import when jobs run inline): its page says so and stops polling.
STALLED_AFTER = timedelta(hours=1)
KEY_PREFIX = "imports"


class ImportState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


FINISHED = (ImportState.SUCCEEDED, ImportState.FAILED)


class ImportRun(StoreOwned, db.Model):
    """One CSV import run in the background, and its outcome."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[ImportState] = mapped_column(str_enum(ImportState, "import_run_state"), nullable=False,
                                               default=ImportState.QUEUED)
    filename: Mapped[str] = mapped_column(String(FILENAME_MAX), nullable=False, default="")  # as uploaded, shown only
    row_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # data rows (blank lines skipped)
    created_products: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_products: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    variant_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # variants created or changed
    # The problems of a failed run: [{"line": int | None, "column": str, "message": str}], at most
    # MAX_ERRORS_KEPT of them; ``line`` None is a problem of the whole run, not of a row. The messages
    # are stored already translated, in the language of the staff member who uploaded the file (the
    # job renders them under flask_babel.force_locale with that locale): most carry values (a line, a
    # SKU, a limit) that could not be translated again at display time from the English text.
    errors: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    error_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # every problem found
    content_key: Mapped[str | None] = mapped_column(String(200))  # the file in the media storage; None once deleted
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    @property
    def stalled(self) -> bool:
        return not self.finished and self.created_at is not None and utcnow() - self.created_at > STALLED_AFTER

    @property
    def row_errors(self) -> list[dict]:
        return [e for e in self.errors or [] if e.get("line")]

    @property
    def run_errors(self) -> list[dict]:
        return [e for e in self.errors or [] if not e.get("line")]


# --- the request's side -------------------------------------------------------------------

def count_rows(text: str) -> int | None:
    """The data rows of a CSV file as ``parse_import`` counts them (blank lines skipped),
    quickly and without the database; None when the file cannot be read as CSV or its
    header has a problem (``parse_import`` reports those at once, whatever the file's size)."""
    if text.startswith(csv_io.BOM):
        text = text[1:]
    if not text.strip():
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_io._delimiter(text.split("\n", 1)[0]),
                        strict=True)
    try:
        columns = [csv_io.unguard(name).strip().lower() for name in next(reader)]
        while columns and not columns[-1]:
            columns.pop()
        if csv_io._check_header(columns):
            return None
        return sum(1 for record in reader if any(cell.strip() for cell in record))
    except csv.Error:
        return None


def clean_filename(name: str | None) -> str:
    """The uploaded file's own name, for display: no folders, no control characters."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:FILENAME_MAX]


def start_import(text: str, *, filename: str, row_count: int, actor_id: int | None, locale: str) -> ImportRun:
    """Keep the file, record a queued run and enqueue its job for after the commit
    (flushes, never commits; the file is removed again if the transaction does not commit).
    ``locale`` (a Babel code) is the language the run's messages are written in."""
    store_id = current_store_id()
    if store_id is None:
        raise RuntimeError("start_import needs a store scope")
    key = f"{KEY_PREFIX}/{store_id}/{uuid.uuid4().hex}.csv"
    storage = get_storage()
    storage.save(key, text.encode("utf-8"), "text/csv")
    session = db.session()
    session.info.setdefault(FILES_WRITTEN, []).append((storage, key))
    run = ImportRun(store_id=store_id, state=ImportState.QUEUED, filename=clean_filename(filename),
                    row_count=row_count, content_key=key, created_by_id=actor_id, errors=[])
    db.session.add(run)
    db.session.flush()
    enqueue("default", "app.catalog.import_runs.run_import", run.id, locale, job_id=f"import-run-{run.id}")
    return run


def recent_runs(limit: int = RECENT_RUNS) -> list[ImportRun]:
    """The current store's latest runs, newest first."""
    return list(db.session.scalars(select(ImportRun).order_by(ImportRun.id.desc()).limit(limit)))


def get_run(import_id: int) -> ImportRun | None:
    """One of the current store's runs (another store's id finds nothing)."""
    return db.session.scalar(select(ImportRun).where(ImportRun.id == import_id))


# --- the job -------------------------------------------------------------------------------

def run_import(import_id: int, locale: str = "en") -> str:
    """Job (queue ``default``): run one import; returns the run's final state."""
    with all_stores():
        store_id = db.session.scalar(select(ImportRun.store_id).where(ImportRun.id == import_id))
    if store_id is None:
        log.warning("import run %s is gone", import_id)
        return "missing"
    if locale not in LOCALES.values():
        locale = "en"
    with store_scope(store_id), force_locale(locale):
        return _run(import_id, store_id)


def _run(import_id: int, store_id: int) -> str:
    claimed = db.session.execute(
        update(ImportRun)
        .where(ImportRun.id == import_id, ImportRun.state.in_([ImportState.QUEUED, ImportState.RUNNING]))
        .values(state=ImportState.RUNNING, started_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    run = get_run(import_id)
    if run is None:
        return "missing"
    if not claimed:
        return run.state.value  # finished already: a repeated job changes nothing
    key = run.content_key
    try:
        outcome = _import(run, store_id)
    except Exception as exc:
        db.session.rollback()
        log.exception("import run %s failed", import_id)
        outcome = _fail(import_id, _unexpected(exc))
    if key:
        try:
            get_storage().delete(key)
        except Exception:  # an orphan file costs only disk space
            log.exception("could not delete the file of import run %s", import_id)
    return outcome


def _import(run: ImportRun, store_id: int) -> str:
    if not run.content_key:
        return _fail(run.id, _("The uploaded file is no longer available. Upload it again."))
    text = csv_io.decode_upload(get_storage().read(run.content_key))
    currency = db.session.scalar(select(Store.base_currency).where(Store.id == store_id))
    plan, errors = csv_io.parse_import(text, currency)
    if errors:
        db.session.rollback()
        return _fail(run.id, *errors, row_count=plan.rows)
    try:
        result = csv_io.apply_import(plan, actor_id=run.created_by_id)
    except (CatalogError, IntegrityError) as exc:
        # As in the request: only a change made by someone else between the check and the write gets here.
        db.session.rollback()
        message = str(exc.message) if isinstance(exc, CatalogError) else \
            _("The products changed while the file was imported. Upload it again.")
        return _fail(run.id, message, row_count=plan.rows)
    run.state = ImportState.SUCCEEDED
    run.row_count = plan.rows
    run.created_products, run.updated_products, run.variant_count = result.created, result.updated, result.variants
    run.finished_at = utcnow()
    run.content_key = None
    db.session.commit()  # the products and the run's outcome together
    return run.state.value


def _fail(import_id: int, *problems, row_count: int | None = None) -> str:
    """Mark the run failed with ``problems`` (RowErrors, or messages about the whole run), in a
    transaction of its own."""
    errors = [_as_dict(p) for p in problems[:MAX_ERRORS_KEPT]]
    values = {"state": ImportState.FAILED, "errors": errors, "error_count": len(problems),
              "finished_at": utcnow(), "content_key": None}
    if row_count is not None:
        values["row_count"] = row_count
    db.session.execute(update(ImportRun).where(ImportRun.id == import_id).values(**values)
                       .execution_options(synchronize_session=False))
    db.session.commit()
    return ImportState.FAILED.value


def _as_dict(problem) -> dict:
    if isinstance(problem, csv_io.RowError):
        return {"line": problem.line, "column": problem.column, "message": str(problem.message)}
    return {"line": None, "column": "", "message": str(problem)}


def _unexpected(exc: Exception) -> str:
    from rq.timeouts import JobTimeoutException

    if isinstance(exc, JobTimeoutException):
        return _("The import took too long and was stopped. Nothing was changed. Split the file into smaller files "
                 "and upload them one by one.")
    return _("The import stopped because of an unexpected error. Nothing was changed. Upload the file again; if it "
             "happens again, contact support.")
