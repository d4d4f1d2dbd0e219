"""Background jobs end to end: RQ on a real Redis, a real ``flask worker``
process, a real SMTP server, periodic jobs through ``flask jobs run-due``.

Fixtures (redis_app, smtp_sink, run_worker, run_flask ...) live in
tests/jobs/conftest.py.
"""

from __future__ import annotations

import builtins
import html
import re
import threading
import time
from datetime import timedelta

import pytest
from rq import Queue
from rq.job import Job
from rq.registry import FailedJobRegistry, ScheduledJobRegistry
from sqlalchemy import select, update

from app.accounts import services as accounts
from app.accounts.models import PlatformRole
from app.core.time import utcnow
from app.extensions import db
from app.jobs import enqueue, failures, get_queue, periodic
from app.jobs.models import PeriodicJob
from app.tenancy.models import Role, Store
from tests.conftest import CSRF_RE, sign_in
from tests.factories import PASSWORD, add_member, make_store, make_user

from .conftest import RETRY_INTERVALS, free_port

pytestmark = pytest.mark.redis

RESET_LINK_RE = re.compile(r"(https?://\S+?/en/account/reset/([A-Za-z0-9_.\-]+))")


def emails_queue(conn) -> Queue:
    return Queue("emails", connection=conn)


def failed_ids(conn, queue: str = "emails") -> list[str]:
    return FailedJobRegistry(queue, connection=conn).get_job_ids()


def enqueue_without_retry(func: str, *args) -> str:
    """Put one job straight on the emails queue, as the app would but with no
    retries, so that a single failing run lands it in the failed registry."""
    job = get_queue("emails").enqueue_call(
        "app.jobs.perform", args=(func, None, *args), retry=None,
        description=f"{func}{args!r}", failure_ttl=3600,
    )
    return job.id


# --- enqueue after commit -----------------------------------------------------------


def test_job_reaches_redis_only_after_the_commit(redis_app, redis_conn):
    user = make_user("reset-commit@example.com")
    queue = emails_queue(redis_conn)

    enqueue("emails", "app.jobs.emails.send_password_reset", user.id, "mall", 0)
    assert queue.count == 0, "a job must not be visible before its transaction commits"
    db.session.flush()
    assert queue.count == 0, "a flush is not a commit"

    db.session.commit()
    assert queue.count == 1

    job = queue.jobs[0]
    assert job.func_name == "app.jobs.perform"
    assert job.args == ("app.jobs.emails.send_password_reset", None, user.id, "mall", 0)
    # Normal enqueues carry RQ retries with the configured intervals.
    assert job.retries_left == len(RETRY_INTERVALS)
    assert job.retry_intervals == RETRY_INTERVALS

    db.session.commit()  # a later commit does not send it a second time
    assert queue.count == 1


def test_rollback_drops_the_pending_job(redis_app, redis_conn):
    user = make_user("reset-rollback@example.com")
    queue = emails_queue(redis_conn)

    enqueue("emails", "app.jobs.emails.send_password_reset", user.id, "mall", 0)
    db.session.rollback()
    assert queue.count == 0

    # The next transaction commits without resurrecting the dropped job.
    user = db.session.get(type(user), user.id)
    user.name = "Changed"
    db.session.commit()
    assert queue.count == 0
    assert all(q.count == 0 for q in (Queue(n, connection=redis_conn) for n in ("emails", "default")))


def test_unknown_queue_is_refused(redis_app):
    with pytest.raises(ValueError):
        enqueue("nope", "app.jobs.emails.send_welcome", 1)


# --- a real worker process --------------------------------------------------------


def test_worker_process_sends_the_password_reset_through_smtp(redis_app, redis_conn, smtp_sink, run_worker):
    user = make_user("forgetful@example.com", name="Forgetful")
    accounts.request_password_reset(email="Forgetful@Example.com", surface="mall")
    db.session.commit()
    assert emails_queue(redis_conn).count == 1
    assert smtp_sink.received == []  # nothing is sent in the web process

    run_worker()

    assert len(smtp_sink.received) == 1, "the worker should have sent exactly one message"
    envelope = smtp_sink.received[0]
    assert envelope.rcpt_tos == ["forgetful@example.com"]
    msg = envelope.message
    assert msg["To"] == "forgetful@example.com"
    assert msg["Subject"] == "Reset your password"
    match = RESET_LINK_RE.search(envelope.text)
    assert match, f"no /en/account/reset/ link in:\n{envelope.text}"
    assert match.group(2) in (msg.get_body(("html",)).get_content())
    # The token was signed by the worker with the app's key: this app accepts it.
    assert accounts.user_for_reset_token(match.group(2)).id == user.id

    assert emails_queue(redis_conn).count == 0
    assert failed_ids(redis_conn) == []


def test_worker_delivers_fifty_welcome_emails_exactly_once_each(redis_app, redis_conn, smtp_sink, run_worker):
    addresses = [f"shopper{i:02d}@example.com" for i in range(50)]
    for address in addresses:
        user = accounts.create_user(email=address, password="shopper-pass-1")
        enqueue("emails", "app.jobs.emails.send_welcome", user.id, 0)
    db.session.commit()
    assert emails_queue(redis_conn).count == 50

    run_worker(timeout=240)

    received = smtp_sink.received
    assert len(received) == 50
    recipients = [rcpt for envelope in received for rcpt in envelope.rcpt_tos]
    assert sorted(recipients) == sorted(addresses)
    assert len(set(recipients)) == 50
    for envelope in received:
        assert envelope.message["To"] == envelope.rcpt_tos[0]
        assert "/en/account/verify/" in envelope.text  # unverified: the welcome carries the link
    assert emails_queue(redis_conn).count == 0
    assert failed_ids(redis_conn) == []


def test_failing_job_is_retried_then_parked_and_can_be_requeued(redis_app, redis_conn, smtp_sink, run_worker):
    user = make_user("unlucky@example.com")
    enqueue("emails", "app.jobs.emails.send_welcome", user.id, 0)
    db.session.commit()
    queue = emails_queue(redis_conn)
    [job_id] = queue.job_ids
    assert Job.fetch(job_id, connection=redis_conn).retries_left == len(RETRY_INTERVALS)

    closed_port = free_port()  # nothing listens there: every attempt is refused
    runs = 0
    deadline = time.monotonic() + 30  # a ceiling for slow CI, not a timing assertion
    while job_id not in failed_ids(redis_conn):
        if time.monotonic() > deadline:
            job = Job.fetch(job_id, connection=redis_conn)
            pytest.fail(f"job not in the failed registry after {runs} worker runs "
                        f"(status {job.get_status()}, retries left {job.retries_left}, scheduled "
                        f"{ScheduledJobRegistry('emails', connection=redis_conn).get_job_ids()})")
        if runs:
            time.sleep(max(RETRY_INTERVALS) + 0.2)
        run_worker(mail_port=closed_port)
        runs += 1

    # One attempt per burst run (each retry waits in the scheduled registry):
    # the first try and every retry happened before the job was parked.
    assert runs >= 1 + len(RETRY_INTERVALS)
    job = Job.fetch(job_id, connection=redis_conn)
    assert job.retries_left == 0
    assert smtp_sink.received == []

    listed = {f.id: f for f in failures.failed_jobs()}
    assert job_id in listed
    assert listed[job_id].queue == "emails"
    assert "app.jobs.emails.send_welcome" in listed[job_id].description
    assert "Connection" in listed[job_id].error or "refused" in listed[job_id].error.lower()
    assert failures.failed_count() == 1

    assert failures.retry("emails", job_id) is True
    assert failed_ids(redis_conn) == []
    assert queue.job_ids == [job_id]
    assert failures.retry("emails", job_id) is False  # no longer failed

    run_worker()  # the mail server is back
    assert [e.rcpt_tos for e in smtp_sink.received] == [["unlucky@example.com"]]
    assert queue.count == 0
    assert failed_ids(redis_conn) == []


def test_admin_lists_failed_jobs_and_requeues_one(redis_app, redis_conn, smtp_sink, run_worker):
    admin = make_user("root@example.com", platform_role=PlatformRole.ADMIN, password=PASSWORD)
    victim = make_user("victim@example.com")
    description = f"app.jobs.emails.send_password_reset{(victim.id, 'admin', 0)!r}"
    job_id = enqueue_without_retry("app.jobs.emails.send_password_reset", victim.id, "admin", 0)
    run_worker(mail_port=free_port())
    assert failed_ids(redis_conn) == [job_id]

    client = redis_app.test_client()
    client.host = "admin.localhost"
    response = sign_in(client, admin.email)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]

    page = client.get("/jobs", base_url="http://admin.localhost")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert description in html.unescape(body)
    action = f'action="/jobs/emails/{job_id}/retry"'
    assert action in body
    form = body[body.index(action):]
    form = form[:form.index("</form>")]
    assert ">Retry</button>" in form
    token = CSRF_RE.search(form)
    assert token, "the retry form carries no CSRF token"

    refused = client.post(f"/jobs/emails/{job_id}/retry", data={})
    assert refused.status_code == 400
    assert failed_ids(redis_conn) == [job_id]

    missing = client.post("/jobs/emails/no-such-job/retry", data={"csrf_token": token.group(1)})
    assert missing.status_code == 404

    response = client.post(f"/jobs/emails/{job_id}/retry", data={"csrf_token": token.group(1)})
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/jobs")
    assert failed_ids(redis_conn) == []
    assert emails_queue(redis_conn).job_ids == [job_id]

    after = client.get("/jobs").get_data(as_text=True)
    assert f"/jobs/emails/{job_id}/retry" not in after


def test_admin_jobs_page_needs_a_platform_role(redis_app):
    make_user("nobody@example.com")
    client = redis_app.test_client()
    client.host = "admin.localhost"
    assert sign_in(client, "nobody@example.com").status_code == 403
    assert client.get("/jobs").status_code in (302, 303, 401)


# --- periodic jobs ------------------------------------------------------------------


def _expiring_store(days: int = 3) -> tuple[Store, str]:
    owner = make_user("owner@example.com", name="Owner")
    store = make_store("expiring", name="Expiring Goods", owner=owner)
    add_member(store, make_user("staff@example.com"), Role.STAFF)  # staff are not told
    store.expires_at = utcnow() + timedelta(days=days)
    later = make_store("later", owner=make_user("later-owner@example.com"))
    later.expires_at = utcnow() + timedelta(days=30)  # outside the week: not told
    db.session.commit()
    return store, owner.email


def test_run_due_sends_one_expiry_notice_per_term(inline_app, run_flask, tmp_path):
    store, owner_email = _expiring_store()
    mail_dir = tmp_path / "run-due-mail"
    env = {"REDIS_URL": None, "MAIL_BACKEND": "file", "MAIL_DIR": str(mail_dir)}

    first = run_flask("jobs", "run-due", env=env)
    assert "notify_expiring_stores" in first.stdout, first.stdout + first.stderr
    files = sorted(mail_dir.glob("*.eml"))
    assert len(files) == 1, [f.name for f in files]
    from email import message_from_bytes, policy

    msg = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert msg["To"] == owner_email
    assert "Expiring Goods" in msg["Subject"]

    db.session.expire_all()
    assert db.session.get(Store, store.id).expiry_notice_sent_at is not None
    rows = {row.name: row for row in db.session.scalars(select(PeriodicJob))}
    assert set(rows) == {spec.name for spec in periodic.PERIODIC_JOBS}
    assert all(row.last_run_at is not None and row.next_run_at > utcnow() for row in rows.values())

    second = run_flask("jobs", "run-due", env=env)
    assert "nothing due" in second.stdout
    assert len(list(mail_dir.glob("*.eml"))) == 1

    # Even when the job is due again, the owner is not told twice for one term.
    db.session.execute(update(PeriodicJob).values(next_run_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    third = run_flask("jobs", "run-due", env=env)
    assert "notify_expiring_stores" in third.stdout
    assert len(list(mail_dir.glob("*.eml"))) == 1


def _race_run_due(application, monkeypatch, gate_on: str) -> tuple[list[str], list[list[str]]]:
    """Run ``run_due()`` in two threads at once (each with its own app context
    and session); count what reaches ``enqueue_now``.

    ``gate_on`` holds both threads at a barrier at the first call of one name in
    app.jobs.periodic, so that both have read the same state before either
    writes: "update" (the claim) or "set" (right after reading the existing
    rows in sync_periodic_jobs). The gate gives up after 10 s, so a changed
    implementation cannot hang the test.
    """
    dispatched: list[str] = []
    lock = threading.Lock()

    def fake_enqueue_now(queue, func, *args, store_id=None, job_id=None):
        with lock:
            dispatched.append(func)

    monkeypatch.setattr(periodic, "enqueue_now", fake_enqueue_now)

    gate = threading.Barrier(2)
    local = threading.local()
    real = getattr(periodic, gate_on, None) or getattr(builtins, gate_on)

    def gated(*args, **kwargs):
        result = real(*args, **kwargs)
        if not getattr(local, "passed", False):
            local.passed = True
            try:
                gate.wait(timeout=10)
            except threading.BrokenBarrierError:
                pass
        return result

    monkeypatch.setattr(periodic, gate_on, gated, raising=False)

    start = threading.Barrier(2)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def runner():
        try:
            with application.app_context():
                start.wait(timeout=10)
                try:
                    ran = periodic.run_due()
                finally:
                    db.session.remove()
            with lock:
                results.append(ran)
        except BaseException as exc:  # noqa: BLE001 (reported below)
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=runner, name=f"run-due-{i}") for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "run_due() hung"
    assert not errors, f"run_due() raised in a thread: {errors!r}"
    return dispatched, results


def test_concurrent_run_due_dispatches_each_due_job_once(inline_app, monkeypatch):
    periodic.sync_periodic_jobs()  # the rows exist and are due now
    db.session.remove()
    names = sorted(spec.name for spec in periodic.PERIODIC_JOBS)

    dispatched, results = _race_run_due(inline_app, monkeypatch, gate_on="update")

    assert sorted(dispatched) == sorted(spec.func for spec in periodic.PERIODIC_JOBS)
    assert sorted(name for ran in results for name in ran) == names
    rows = db.session.scalars(select(PeriodicJob)).all()
    assert sorted(row.name for row in rows) == names
    assert all(row.last_run_at is not None and row.next_run_at > utcnow() for row in rows)


def test_concurrent_first_run_due_on_an_empty_table(inline_app, monkeypatch):
    """Two workers starting together on a fresh database both find no periodic
    rows and both insert them: neither may crash, and each job runs once."""
    names = sorted(spec.name for spec in periodic.PERIODIC_JOBS)

    dispatched, results = _race_run_due(inline_app, monkeypatch, gate_on="set")

    assert sorted(dispatched) == sorted(spec.func for spec in periodic.PERIODIC_JOBS)
    assert sorted(name for ran in results for name in ran) == names
    assert sorted(db.session.scalars(select(PeriodicJob.name))) == names


def test_periodic_jobs_go_through_redis_to_the_worker(redis_app, redis_conn, smtp_sink, run_worker):
    """With Redis, run_due enqueues (job ids RQ accepts); the worker runs the
    periodic job, which enqueues the notice, which the worker sends."""
    _store, owner_email = _expiring_store()

    ran = periodic.run_due()

    assert set(ran) == {spec.name for spec in periodic.PERIODIC_JOBS}
    assert emails_queue(redis_conn).count == 1  # notify_expiring_stores
    run_worker()
    assert [r.rcpt_tos for r in smtp_sink.received] == [[owner_email]]
    assert failed_ids(redis_conn) == []
    assert periodic.run_due() == []  # claimed until the interval passes
