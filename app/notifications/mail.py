"""Outgoing email: a message builder and interchangeable backends.

- ``smtp``: real SMTP through smtplib (STARTTLS with MAIL_USE_TLS, implicit TLS
  with MAIL_USE_SSL, optional login);
- ``file``: development and the demo; each message is written as an ``.eml``
  file under MAIL_DIR (``instance/mail/``), with a plain ``.txt`` copy of its
  text beside it, and printed in the log;
- ``memory``: tests; messages are kept in ``outbox``.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import Flask, current_app

log = logging.getLogger("lintas.mail")

outbox: list[EmailMessage] = []


def build_message(*, to: str, subject: str, text: str, html: str | None = None,
                  sender: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender or current_app.config["MAIL_DEFAULT_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=current_app.config["PLATFORM_DOMAIN"] or "lintas")
    msg.set_content(text)
    if html:
        msg.add_alternative(html, subtype="html")
    return msg


def send_message(msg: EmailMessage) -> None:
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "smtp":
        _send_smtp(msg)
    elif backend == "file":
        _send_file(msg)
    elif backend == "memory":
        outbox.append(msg)
    else:
        raise RuntimeError(f"unknown MAIL_BACKEND {backend!r}")


def _send_smtp(msg: EmailMessage) -> None:
    cfg = current_app.config
    context = ssl.create_default_context()
    if cfg["MAIL_USE_SSL"]:
        client = smtplib.SMTP_SSL(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], context=context, timeout=30)
    else:
        client = smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=30)
    with client:
        if cfg["MAIL_USE_TLS"] and not cfg["MAIL_USE_SSL"]:
            client.starttls(context=context)
        if cfg["MAIL_USERNAME"]:
            client.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
        client.send_message(msg)


def _send_file(msg: EmailMessage) -> None:
    folder = current_app.config["MAIL_DIR"]
    os.makedirs(folder, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = os.path.join(folder, f"{stamp}-{uuid.uuid4().hex[:8]}.eml")
    with open(path, "wb") as fh:
        fh.write(bytes(msg))
    body = msg.get_body(("plain",))
    text = body.get_content() if body else ""
    # A readable copy beside the .eml, so links can be clicked or copied as is.
    with open(path[:-4] + ".txt", "w", encoding="utf-8") as fh:
        fh.write(f"To: {msg['To']}\nSubject: {msg['Subject']}\n\n{text}")
    log.info("mail to %s: %s (saved as %s)\n%s", msg["To"], msg["Subject"], path, text)


def init_app(app: Flask) -> None:
    if app.config["MAIL_BACKEND"] not in {"smtp", "file", "memory"}:
        raise RuntimeError(f"unknown MAIL_BACKEND {app.config['MAIL_BACKEND']!r}")
