"""Outgoing SMS through a provider interface.

- ``http``: POSTs JSON ``{"to", "from", "text"}`` to SMS_HTTP_URL with a bearer
  token (the shape most SMS gateways accept; adapt ``HttpSmsProvider`` for
  others);
- ``log``: development; writes the message to the log and a file in SMS_DIR;
- ``memory``: tests.
"""

from __future__ import annotations

import json
import logging
import os
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Protocol

from flask import Flask, current_app

log = logging.getLogger("lintas.sms")


@dataclass(frozen=True)
class SmsMessage:
    to: str  # E.164, e.g. +6591234567
    text: str
    sender: str


class SmsProvider(Protocol):
    def send(self, message: SmsMessage) -> None: ...


class SmsError(RuntimeError):
    pass


class HttpSmsProvider:
    def __init__(self, url: str, token: str | None, timeout: float = 10.0):
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, message: SmsMessage) -> None:
        body = json.dumps({"to": message.to, "from": message.sender, "text": message.text}).encode()
        req = urllib.request.Request(self.url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (configured URL)
                if resp.status >= 300:
                    raise SmsError(f"SMS provider answered {resp.status}")
        except urllib.error.HTTPError as exc:
            raise SmsError(f"SMS provider answered {exc.code}") from exc
        except urllib.error.URLError as exc:
            raise SmsError(f"SMS provider unreachable: {exc.reason}") from exc


class LogSmsProvider:
    def __init__(self, folder: str):
        self.folder = folder

    def send(self, message: SmsMessage) -> None:
        os.makedirs(self.folder, exist_ok=True)
        path = os.path.join(self.folder, f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"To: {message.to}\nFrom: {message.sender}\n\n{message.text}\n")
        log.info("sms to %s: %s", message.to, message.text)


class MemorySmsProvider:
    def __init__(self):
        self.sent: list[SmsMessage] = []

    def send(self, message: SmsMessage) -> None:
        self.sent.append(message)


def provider() -> SmsProvider:
    return current_app.extensions["lintas_sms"]


def send_sms(to: str, text: str) -> None:
    provider().send(SmsMessage(to=to, text=text, sender=current_app.config["SMS_SENDER"]))


def init_app(app: Flask) -> None:
    backend = app.config["SMS_BACKEND"]
    if backend == "http":
        if not app.config["SMS_HTTP_URL"]:
            raise RuntimeError("SMS_BACKEND=http needs SMS_HTTP_URL")
        app.extensions["lintas_sms"] = HttpSmsProvider(app.config["SMS_HTTP_URL"], app.config["SMS_HTTP_TOKEN"])
    elif backend == "log":
        app.extensions["lintas_sms"] = LogSmsProvider(app.config["SMS_DIR"])
    elif backend == "memory":
        app.extensions["lintas_sms"] = MemorySmsProvider()
    else:
        raise RuntimeError(f"unknown SMS_BACKEND {backend!r}")
