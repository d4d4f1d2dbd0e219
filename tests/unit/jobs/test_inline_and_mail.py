"""Jobs without Redis (inline, after commit) and the mail and SMS backends,
against real loopback servers (aiosmtpd, http.server). Uses the shared ``app``
fixture of tests/conftest.py: jobs inline, mail in memory (``mail.outbox``)."""

from __future__ import annotations

import json
import logging
import smtplib
import socket
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import app.jobs.emails as email_jobs
from app.accounts.models import User
from app.extensions import db
from app.jobs import enqueue
from app.notifications import sms
from app.notifications.mail import build_message, send_message
from app.notifications.sms import HttpSmsProvider, LogSmsProvider, SmsError, SmsMessage, send_sms
from tests.factories import make_user

# --- inline jobs ---------------------------------------------------------------------


def test_inline_job_runs_only_after_the_commit(app, outbox):
    assert app.config["JOBS_INLINE"] is True
    user = make_user("inline@example.com")

    enqueue("emails", "app.jobs.emails.send_password_reset", user.id, "mall", 0)
    db.session.flush()
    assert outbox == []

    db.session.commit()
    assert len(outbox) == 1
    msg = outbox[0]
    assert msg["To"] == "inline@example.com"
    assert "/en/account/reset/" in msg.get_body(("plain",)).get_content()

    db.session.commit()  # sent once, not again on the next commit
    assert len(outbox) == 1


def test_inline_job_is_dropped_on_rollback(app, outbox):
    user = make_user("rollback@example.com")
    enqueue("emails", "app.jobs.emails.send_password_reset", user.id, "mall", 0)
    db.session.rollback()
    assert outbox == []

    user = db.session.get(User, user.id)
    user.name = "After rollback"
    db.session.commit()
    assert outbox == []


def test_failing_inline_job_is_logged_and_does_not_break_the_caller(app, outbox, caplog, monkeypatch):
    def explode(*args):
        raise RuntimeError("kaboom from the job")

    monkeypatch.setattr(email_jobs, "explode", explode, raising=False)
    user = make_user("survivor@example.com")
    enqueue("emails", "app.jobs.emails.explode", 42)
    enqueue("emails", "app.jobs.emails.send_welcome", user.id, 0)

    with caplog.at_level(logging.ERROR, logger="lintas.jobs"):
        db.session.commit()  # must not raise

    records = [r for r in caplog.records if r.name == "lintas.jobs" and r.levelno >= logging.ERROR]
    assert len(records) == 1
    assert "app.jobs.emails.explode" in records[0].getMessage()
    assert records[0].exc_info and "kaboom from the job" in str(records[0].exc_info[1])
    # The next job of the same commit still ran, and the caller's session works.
    assert [m["To"] for m in outbox] == ["survivor@example.com"]
    user = db.session.get(User, user.id)
    user.name = "Still fine"
    db.session.commit()
    assert db.session.get(User, user.id).name == "Still fine"


calls: list[tuple] = []


def not_a_job(*args):
    calls.append(args)


def test_inline_jobs_refuse_functions_outside_the_app_package(app, caplog):
    calls.clear()
    enqueue("default", f"{__name__}.not_a_job", 1)
    with caplog.at_level(logging.ERROR, logger="lintas.jobs"):
        db.session.commit()
    assert calls == []
    records = [r for r in caplog.records if r.name == "lintas.jobs"]
    assert records and isinstance(records[0].exc_info[1], ValueError)
    assert "refusing" in str(records[0].exc_info[1])


# --- mail backends ---------------------------------------------------------------------


def test_file_backend_writes_an_eml_under_mail_dir(app, outbox, monkeypatch, tmp_path):
    mail_dir = tmp_path / "mail"
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "file")
    monkeypatch.setitem(app.config, "MAIL_DIR", str(mail_dir))

    send_message(build_message(to="reader@example.com", subject="Plain and HTML", text="Hello in text",
                               html="<p>Hello in <b>HTML</b></p>"))

    files = list(mail_dir.glob("*.eml"))
    assert len(files) == 1
    msg = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert msg["To"] == "reader@example.com"
    assert msg["Subject"] == "Plain and HTML"
    assert msg["From"] == app.config["MAIL_DEFAULT_SENDER"]
    assert msg["Message-ID"]
    assert msg.get_body(("plain",)).get_content().strip() == "Hello in text"
    assert "<b>HTML</b>" in msg.get_body(("html",)).get_content()
    readable = files[0].with_suffix(".txt").read_text(encoding="utf-8")
    assert readable == "To: reader@example.com\nSubject: Plain and HTML\n\nHello in text\n"

    # An inline job after commit uses the same backend.
    user = make_user("filed@example.com")
    enqueue("emails", "app.jobs.emails.send_password_reset", user.id, "mall", 0)
    db.session.commit()
    files = list(mail_dir.glob("*.eml"))
    assert len(files) == 2
    assert outbox == []  # nothing went to memory


class _SinkHandler:
    def __init__(self):
        self.received: list[dict] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.received.append({
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "content": bytes(envelope.content),
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
        })
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller

    handler = _SinkHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()


@pytest.fixture
def smtp_config(app, monkeypatch, smtp_sink):
    controller, _ = smtp_sink
    for key, value in {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": controller.port,
                       "MAIL_USE_TLS": False, "MAIL_USE_SSL": False, "MAIL_USERNAME": None,
                       "MAIL_PASSWORD": None}.items():
        monkeypatch.setitem(app.config, key, value)
    return monkeypatch


def test_smtp_backend_delivers_to_a_real_server_without_tls_or_login(app, outbox, smtp_config, smtp_sink):
    _, handler = smtp_sink
    send_message(build_message(to="smtp-reader@example.com", subject="Over SMTP", text="Sent for real",
                               html="<p>Sent for real</p>", sender="Shop <shop@example.com>"))

    assert len(handler.received) == 1
    got = handler.received[0]
    assert got["mail_from"] == "shop@example.com"
    assert got["rcpt_tos"] == ["smtp-reader@example.com"]
    assert got["tls"] is False and got["authenticated"] is False
    msg = message_from_bytes(got["content"], policy=policy.default)
    assert msg["Subject"] == "Over SMTP"
    assert msg.get_body(("plain",)).get_content().strip() == "Sent for real"
    assert outbox == []

    # An inline job after commit goes through the same server.
    user = make_user("welcome-smtp@example.com")
    enqueue("emails", "app.jobs.emails.send_welcome", user.id, 0)
    db.session.commit()
    assert [r["rcpt_tos"] for r in handler.received] == [["smtp-reader@example.com"], ["welcome-smtp@example.com"]]


def test_smtp_backend_with_starttls_on_refuses_a_server_without_it(app, smtp_config, smtp_sink):
    _, handler = smtp_sink
    smtp_config.setitem(app.config, "MAIL_USE_TLS", True)
    with pytest.raises(smtplib.SMTPNotSupportedError):
        send_message(build_message(to="x@example.com", subject="s", text="t"))
    assert handler.received == []  # never sent in clear text


def test_smtp_backend_with_login_on_refuses_a_server_without_auth(app, smtp_config, smtp_sink):
    _, handler = smtp_sink
    smtp_config.setitem(app.config, "MAIL_USERNAME", "mailer")
    smtp_config.setitem(app.config, "MAIL_PASSWORD", "secret")
    with pytest.raises(smtplib.SMTPNotSupportedError):
        send_message(build_message(to="x@example.com", subject="s", text="t"))
    assert handler.received == []


# --- SMS providers ---------------------------------------------------------------------


class _GatewayHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.requests.append({"path": self.path, "headers": dict(self.headers.items()), "body": body})
        status = self.server.status
        payload = b'{"ok": true}' if status < 300 else b'{"error": "gateway down"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # noqa: A002 (keep the test output quiet)
        pass


@pytest.fixture
def sms_gateway():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _GatewayHandler)
    server.requests = []
    server.status = 200
    server.url = f"http://127.0.0.1:{server.server_address[1]}/v1/messages"
    thread = threading.Thread(target=server.serve_forever, name="sms-gateway", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_http_sms_provider_posts_json_with_a_bearer_token(sms_gateway):
    provider = HttpSmsProvider(sms_gateway.url, "s3cret-token", timeout=5)
    provider.send(SmsMessage(to="+6591234567", text="Your code is 123456", sender="Lintas"))

    assert len(sms_gateway.requests) == 1
    request = sms_gateway.requests[0]
    assert request["path"] == "/v1/messages"
    headers = {k.lower(): v for k, v in request["headers"].items()}
    assert headers["authorization"] == "Bearer s3cret-token"
    assert headers["content-type"] == "application/json"
    assert json.loads(request["body"]) == {"to": "+6591234567", "from": "Lintas", "text": "Your code is 123456"}


def test_http_sms_provider_without_token_sends_no_authorization(sms_gateway):
    HttpSmsProvider(sms_gateway.url, None, timeout=5).send(SmsMessage(to="+15550100", text="hi", sender="X"))
    headers = {k.lower() for k in sms_gateway.requests[0]["headers"]}
    assert "authorization" not in headers


def test_send_sms_through_the_configured_http_backend(app, monkeypatch, sms_gateway):
    monkeypatch.setitem(app.config, "SMS_BACKEND", "http")
    monkeypatch.setitem(app.config, "SMS_HTTP_URL", sms_gateway.url)
    monkeypatch.setitem(app.config, "SMS_HTTP_TOKEN", "cfg-token")
    monkeypatch.setitem(app.config, "SMS_SENDER", "LintasShop")
    monkeypatch.setitem(app.extensions, "lintas_sms", app.extensions["lintas_sms"])  # restored afterwards
    sms.init_app(app)

    send_sms("+6598765432", "Order 42 shipped")

    [request] = sms_gateway.requests
    assert {k.lower(): v for k, v in request["headers"].items()}["authorization"] == "Bearer cfg-token"
    assert json.loads(request["body"]) == {"to": "+6598765432", "from": "LintasShop", "text": "Order 42 shipped"}


def test_http_backend_needs_a_url(app, monkeypatch):
    monkeypatch.setitem(app.config, "SMS_BACKEND", "http")
    monkeypatch.setitem(app.config, "SMS_HTTP_URL", None)
    monkeypatch.setitem(app.extensions, "lintas_sms", app.extensions["lintas_sms"])
    with pytest.raises(RuntimeError):
        sms.init_app(app)


def test_http_sms_provider_raises_sms_error_when_the_gateway_fails(sms_gateway):
    sms_gateway.status = 500
    provider = HttpSmsProvider(sms_gateway.url, "s3cret-token", timeout=5)
    with pytest.raises(SmsError):
        provider.send(SmsMessage(to="+6591234567", text="Your code is 123456", sender="Lintas"))
    assert len(sms_gateway.requests) == 1


def test_log_sms_provider_writes_a_file(tmp_path, caplog):
    folder = tmp_path / "sms"
    with caplog.at_level(logging.INFO, logger="lintas.sms"):
        LogSmsProvider(str(folder)).send(SmsMessage(to="+6591234567", text="Hello from the log", sender="Lintas"))

    files = list(folder.glob("*.txt"))
    assert len(files) == 1
    assert files[0].read_text(encoding="utf-8") == "To: +6591234567\nFrom: Lintas\n\nHello from the log\n"
    assert any("+6591234567" in r.getMessage() for r in caplog.records if r.name == "lintas.sms")


def test_send_sms_through_the_configured_log_backend(app, monkeypatch, tmp_path):
    folder = tmp_path / "sms-app"
    monkeypatch.setitem(app.config, "SMS_BACKEND", "log")
    monkeypatch.setitem(app.config, "SMS_DIR", str(folder))
    monkeypatch.setitem(app.extensions, "lintas_sms", app.extensions["lintas_sms"])
    sms.init_app(app)

    send_sms("+15550123", "Logged text")

    [file] = folder.glob("*.txt")
    assert "To: +15550123" in file.read_text(encoding="utf-8")
    assert "Logged text" in file.read_text(encoding="utf-8")
