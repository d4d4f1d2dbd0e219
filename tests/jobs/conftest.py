"""Fixtures for the background-job tests: a real Redis, a real SMTP sink, a real
database that a worker *process* can share, and real ``flask`` subprocesses.

- ``redis_url``: REDIS_TEST_URL with the database number of this xdist worker
  (gw0 -> 1, gw1 -> 2, ..., no xdist -> 3), flushed at the start of each test;
  the test is skipped when REDIS_TEST_URL is not set.
- ``database_url``: a SQLite *file* under tmp_path, or, when TEST_DATABASE_URL
  is PostgreSQL, a database of our own on that server
  (``<name>_jobs_<worker>``, created when missing). Tables are (re)created by
  ``make_app`` and dropped afterwards.
- ``make_app(**overrides)``: create_app({...}) on that database (inline jobs,
  file mail by default); ``redis_app`` and ``inline_app`` are built with it and
  have their app context pushed for the whole test (on top of the shared
  in-memory one that tests/conftest.py pushes).
- ``smtp_sink``: an aiosmtpd Controller on 127.0.0.1 that keeps every envelope.
- ``run_flask(*args, env=...)`` runs ``.venv/bin/flask ...`` in /work/main
  with an environment built from scratch for it; ``run_worker()`` is
  ``flask worker --burst`` pointed at this test's Redis, database and sink.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import postgres_database

ROOT = Path(__file__).resolve().parents[2]
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
SECRET_KEY = "test"
RETRY_INTERVALS = [1, 1]

# Settings the child process must not inherit from whoever runs pytest.
_CHILD_ENV_DROP = (
    "REDIS_URL", "DATABASE_URL", "MAIL_BACKEND", "MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS", "MAIL_USE_SSL",
    "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_DIR", "SMS_BACKEND", "SMS_DIR", "SMS_HTTP_URL", "SMS_HTTP_TOKEN",
    "SECRET_KEY", "LINTAS_INSTANCE", "PUBLIC_PORT", "PLATFORM_DOMAIN", "PUBLIC_URL_SCHEME", "SEARCH_INDEX_DIR",
)


def free_port() -> int:
    """A TCP port nothing listens on right now (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_db_number(worker: str = XDIST_WORKER) -> int:
    if worker.startswith("gw") and worker[2:].isdigit():
        return int(worker[2:]) + 1
    return 3


# --- Redis -------------------------------------------------------------------


@pytest.fixture
def redis_url():
    base = os.environ.get("REDIS_TEST_URL")
    if not base:
        pytest.skip("REDIS_TEST_URL is not set: the worker tests need a real Redis server")
    from redis import Redis
    from redis.exceptions import RedisError

    number = redis_db_number()
    if number > 15:
        pytest.skip(f"no Redis database left for xdist worker {XDIST_WORKER}")
    parts = urlsplit(base)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{number}", parts.query, ""))
    conn = Redis.from_url(url)
    try:
        conn.flushdb()
    except RedisError as exc:  # the variable is set: Redis is supposed to be there
        pytest.fail(f"REDIS_TEST_URL is set but Redis at {url} does not answer: {exc}")
    yield url
    conn.close()


@pytest.fixture
def redis_conn(redis_url):
    from redis import Redis

    conn = Redis.from_url(redis_url)
    yield conn
    conn.close()


# --- database ------------------------------------------------------------------


@pytest.fixture
def database_url(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql"):
        return postgres_database(url, "jobs")
    return f"sqlite:///{tmp_path / 'jobs.db'}"


# --- applications ----------------------------------------------------------------


@pytest.fixture
def make_app(database_url, tmp_path):
    """Build apps on the shared file/PG database. The first one creates the
    tables (after dropping leftovers); teardown drops them again."""
    from app import create_app
    from app.extensions import db
    from tests.conftest import HostClient

    apps = []

    def make(**overrides):
        config = {
            "TESTING": True,
            "SECRET_KEY": SECRET_KEY,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "REDIS_URL": None,
            "JOBS_INLINE": True,
            "MAIL_BACKEND": "file",
            "MAIL_DIR": str(tmp_path / "mail"),
            "SMS_BACKEND": "log",
            "SMS_DIR": str(tmp_path / "sms"),
            "TENANT_CACHE_TTL": 0.0,
            # The index the worker process of run_flask (LINTAS_INSTANCE below) also uses.
            "SEARCH_INDEX_DIR": str(tmp_path / "instance" / "search"),
            "SEARCH_REFRESH_SECONDS": 0.0,
        }
        config.update(overrides)
        application = create_app(config)
        application.test_client_class = HostClient
        if not apps:
            with application.app_context():
                db.drop_all()
                db.create_all()
                db.session.remove()
        apps.append(application)
        return application

    yield make

    for application in reversed(apps):
        with application.app_context():
            db.session.remove()
            if application is apps[0]:
                db.drop_all()
            db.engine.dispose()


@pytest.fixture
def redis_app(make_app, redis_url, smtp_sink, tmp_path):
    """The application in Redis mode (jobs go to RQ after commit), with its
    app context pushed for the test."""
    from app.extensions import db
    from app.tenancy.resolver import clear_tenant_cache

    application = make_app(
        REDIS_URL=redis_url,
        MAIL_BACKEND="smtp",
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=smtp_sink.port,
        JOB_RETRY_INTERVALS=list(RETRY_INTERVALS),
    )
    assert application.config["JOBS_INLINE"] is False
    clear_tenant_cache()
    with application.app_context():
        yield application
        db.session.remove()
    clear_tenant_cache()


@pytest.fixture
def inline_app(make_app):
    """The application without Redis (jobs inline, mail to files under
    tmp_path/mail), with its app context pushed for the test."""
    from app.extensions import db
    from app.tenancy.resolver import clear_tenant_cache

    application = make_app()
    clear_tenant_cache()
    with application.app_context():
        yield application
        db.session.remove()
    clear_tenant_cache()


# --- SMTP sink -------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.content, policy=policy.default)

    @property
    def text(self) -> str:
        body = self.message.get_body(("plain",))
        return body.get_content() if body is not None else ""


class SinkHandler:
    def __init__(self):
        self.received: list[Received] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        with self._lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    port: int
    handler: SinkHandler

    @property
    def received(self) -> list[Received]:
        return list(self.handler.received)


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller

    handler = SinkHandler()
    last_error: Exception | None = None
    for _ in range(5):  # the free port may be taken between probe and bind
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        try:
            controller.start()
            break
        except Exception as exc:  # noqa: BLE001
            last_error = exc
    else:
        raise RuntimeError(f"could not start the SMTP sink: {last_error}")
    try:
        yield SmtpSink(port=controller.port, handler=handler)
    finally:
        controller.stop()


# --- flask subprocesses ----------------------------------------------------------


def _flask_command() -> list[str]:
    flask = ROOT / ".venv" / "bin" / "flask"
    if flask.exists():
        return [str(flask)]
    return [sys.executable, "-m", "flask"]


def _as_text(value) -> str:
    if value is None:
        return ""
    return value.decode(errors="replace") if isinstance(value, bytes) else value


@pytest.fixture
def run_flask(database_url, tmp_path):
    """``run_flask("jobs", "run-due", env={...})``: run a real ``flask``
    command on this test's database. ``env`` values of None remove a variable.
    Fails the test (with the output) on a non-zero exit or a timeout."""
    instance = tmp_path / "instance"
    instance.mkdir(exist_ok=True)

    def run(*args: str, env: dict | None = None, timeout: float = 60, check: bool = True):
        child_env = {k: v for k, v in os.environ.items() if k not in _CHILD_ENV_DROP}
        child_env.update({
            "FLASK_APP": "wsgi.py",
            "DATABASE_URL": database_url,
            "SECRET_KEY": SECRET_KEY,
            "LINTAS_INSTANCE": str(instance),
            "MAIL_BACKEND": "file",
            "MAIL_DIR": str(tmp_path / "mail"),
            "SMS_BACKEND": "log",
            "SMS_DIR": str(tmp_path / "sms"),
            "PYTHONUNBUFFERED": "1",
        })
        for key, value in (env or {}).items():
            if value is None:
                child_env.pop(key, None)
            else:
                child_env[key] = str(value)
        command = [*_flask_command(), *args]
        try:
            proc = subprocess.run(command, env=child_env, cwd=str(ROOT), capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            pytest.fail(f"{' '.join(args)} timed out after {timeout}s\n--- stdout\n{_as_text(exc.stdout)}"
                        f"\n--- stderr\n{_as_text(exc.stderr)}")
        if check and proc.returncode != 0:
            pytest.fail(f"flask {' '.join(args)} exited {proc.returncode}\n--- stdout\n{proc.stdout}"
                        f"\n--- stderr\n{proc.stderr}")
        return proc

    return run


@pytest.fixture
def run_worker(run_flask, redis_url, smtp_sink):
    """``run_worker()``: ``flask worker --burst`` on this test's Redis database,
    sending mail to the sink (or to ``mail_port``, e.g. a closed one)."""

    def run(*, mail_port: int | None = None, timeout: float = 60, extra_env: dict | None = None):
        env = {
            "REDIS_URL": redis_url,
            "MAIL_BACKEND": "smtp",
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": mail_port if mail_port is not None else smtp_sink.port,
        }
        env.update(extra_env or {})
        return run_flask("worker", "--burst", env=env, timeout=timeout)

    return run
