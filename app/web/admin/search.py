"""Admin: the product search index, its rebuilds and their progress.

URL table (admin host)
    /search                         what the index holds; rebuild it (all stores, or one); recent rebuilds
    /search/reindex                 POST: start a rebuild (a job on the ``search`` queue)
    /search/runs/<run_id>           one rebuild's progress (an HTMX partial that polls while it runs)

Every platform role may look; administrators and operations start rebuilds.
"""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import StringField
from wtforms.validators import Length, Optional, ValidationError

from app import search
from app.accounts.models import PlatformRole
from app.catalog.browse import visible
from app.catalog.models import Product
from app.extensions import db
from app.jobs import enqueue
from app.search.models import ReindexRun, ReindexState
from app.tenancy.models import Store
from app.web.access import platform_roles
from app.web.admin import bp
from app.web.rendering import render, see_other

STARTERS = (PlatformRole.ADMIN, PlatformRole.OPERATIONS)
RECENT = 10


class ReindexForm(FlaskForm):
    store = StringField(_l("Only this store (its address name, optional)"),
                        validators=[Optional(), Length(max=40, message=_l("Use at most %(max)d characters."))],
                        render_kw={"autocapitalize": "none", "spellcheck": "false"})

    def validate_store(self, field):
        slug = (field.data or "").strip().lower()
        if not slug:
            return
        store = db.session.scalar(select(Store).where(Store.slug == slug))
        if store is None:
            raise ValidationError(_l("No store has that address name."))
        self.chosen = store


def _page(form: ReindexForm, status: int = 200):
    runs = db.session.scalars(select(ReindexRun).order_by(ReindexRun.id.desc()).limit(RECENT)).all()
    active = next((r for r in runs if r.active), None)
    visible_count = db.session.scalar(
        select(func.count()).select_from(Product).join(Store, Store.id == Product.store_id).where(*visible())
        .execution_options(all_stores=True)) or 0
    engine = search.engine()
    return render("admin/search/index.html", status=status, form=form, runs=runs, active=active,
                  documents=engine.document_count(), visible_count=visible_count, size=engine.size_bytes(),
                  can_start=current_user.platform_role in STARTERS)


@bp.route("/search")
@platform_roles()
def search_index():
    return _page(ReindexForm())


@bp.route("/search/reindex", methods=["POST"])
@platform_roles(*STARTERS)
def search_reindex():
    form = ReindexForm()
    form.chosen = None
    if not form.validate_on_submit():
        return _page(form, 422)
    running = db.session.scalar(select(ReindexRun).where(
        ReindexRun.state.in_((ReindexState.QUEUED, ReindexState.RUNNING))).limit(1))
    if running is not None:
        form.store.errors = [_("A rebuild is already running. Wait for it to finish.")]
        return _page(form, 409)
    store = form.chosen
    run = ReindexRun(store_id=store.id if store else None, store_slug=store.slug if store else None,
                     requested_by_id=current_user.id, source="admin")
    db.session.add(run)
    db.session.flush()
    enqueue("search", "app.jobs.search.run_reindex", run.id, job_id=f"search-reindex-{run.id}")
    db.session.commit()
    flash(_("The search index is being rebuilt."), "success")
    return see_other(url_for(".search_index"))


@bp.route("/search/runs/<int:run_id>")
@platform_roles()
def search_run(run_id: int):
    run = db.session.get(ReindexRun, run_id)
    if run is None:
        abort(404)
    return render("admin/search/_run.html", "admin/search/_run.html", run=run)
