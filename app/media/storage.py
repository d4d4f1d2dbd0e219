"""Where uploaded files live, behind a small interface.

The application only ever hands the storage *names* it made itself (see
``app.media.images.new_key``): lower-case letters and digits in a few
``/``-separated parts and one extension, e.g. ``p/3/9f2c...e1-320.webp``. No
part of a name ever comes from the user, and every backend refuses anything
else, so a name can never climb out of its root.

``MEDIA_STORAGE`` picks the backend (``local``, the default: files under
``MEDIA_ROOT``, served at ``/media/`` by the WSGI front in ``app/__init__.py``).
An S3-compatible backend implements the same five methods, registers itself in
``BACKENDS`` and returns its public (CDN) URL from ``url()``; the
Content-Security-Policy's ``img-src`` must then name that origin.
"""

from __future__ import annotations

import os
import re
import tempfile
from abc import ABC, abstractmethod
from typing import BinaryIO

from flask import Flask, current_app

NAME_RE = re.compile(r"^(?:[a-z0-9]{1,40}/){0,4}[a-z0-9]{1,64}(?:-[0-9]{1,5})?\.[a-z0-9]{2,5}$")
URL_PREFIX = "/media/"


class StorageError(Exception):
    """A name the storage refuses, or a file it cannot find."""


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise StorageError(f"invalid media name {name!r}")
    return name


class Storage(ABC):
    """A flat store of immutable files addressed by name."""

    @abstractmethod
    def save(self, name: str, data: bytes, content_type: str) -> None:
        """Store ``data`` under ``name`` (replacing any file of that name)."""

    @abstractmethod
    def open(self, name: str) -> BinaryIO:
        """A readable binary file object; the caller closes it."""

    def read(self, name: str) -> bytes:
        with self.open(name) as handle:
            return handle.read()

    @abstractmethod
    def exists(self, name: str) -> bool: ...

    @abstractmethod
    def delete(self, name: str) -> None:
        """Remove the file; a missing file is not an error."""

    @abstractmethod
    def url(self, name: str) -> str:
        """The URL browsers load the file from."""


class LocalStorage(Storage):
    """Files under one directory on local disk, served at ``/media/``."""

    def __init__(self, root: str | os.PathLike, url_prefix: str = URL_PREFIX):
        self.root = os.path.abspath(os.fspath(root))
        self.url_prefix = url_prefix

    def path(self, name: str) -> str:
        return os.path.join(self.root, *check_name(name).split("/"))

    def save(self, name: str, data: bytes, content_type: str) -> None:
        path = self.path(name)
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        # Write beside the target, then rename: a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def open(self, name: str) -> BinaryIO:
        try:
            return open(self.path(name), "rb")  # noqa: SIM115  (the caller closes it)
        except FileNotFoundError as exc:
            raise StorageError(f"no media file {name!r}") from exc

    def exists(self, name: str) -> bool:
        return os.path.isfile(self.path(name))

    def delete(self, name: str) -> None:
        try:
            os.unlink(self.path(name))
        except FileNotFoundError:
            pass

    def url(self, name: str) -> str:
        return self.url_prefix + check_name(name)


def _local(app: Flask) -> Storage:
    return LocalStorage(app.config["MEDIA_ROOT"])


# MEDIA_STORAGE value -> factory(app). An S3-compatible backend adds itself here.
BACKENDS = {"local": _local}


def get_storage(app: Flask | None = None) -> Storage:
    """The configured storage of ``app`` (default: the current app), built once."""
    app = app or current_app._get_current_object()
    storage = app.extensions.get("lintas_media")
    if storage is None:
        kind = app.config.get("MEDIA_STORAGE", "local")
        try:
            factory = BACKENDS[kind]
        except KeyError as exc:
            raise RuntimeError(f"unknown MEDIA_STORAGE {kind!r}; known: {', '.join(sorted(BACKENDS))}") from exc
        storage = app.extensions["lintas_media"] = factory(app)
    return storage
