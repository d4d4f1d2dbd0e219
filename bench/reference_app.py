"""The reference page of QUALITY.md: one sqlite3 query for 20 rows over a
connection kept per worker process, rendered by a Jinja template compiled once.
Serve with: gunicorn -w 2 bench.reference_app:app"""

import os
import sqlite3
import threading

from flask import Flask
from jinja2 import Template

DB = os.environ.get("REFERENCE_DB", "/tmp/lintas-reference.db")
app = Flask(__name__)
_local = threading.local()
TEMPLATE = Template(
    "<!doctype html><html lang=en><title>Reference</title><ul>"
    "{% for id, name, price in rows %}<li>{{ name }}: {{ price }}</li>{% endfor %}</ul>"
)


def _connection():
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(DB, check_same_thread=False)
        _local.conn = conn
    return conn


def build_database() -> None:
    conn = sqlite3.connect(DB)
    conn.execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT, price INTEGER)")
    if conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0:
        conn.executemany("INSERT INTO items (name, price) VALUES (?, ?)", [(f"Item {i}", i * 100) for i in range(200)])
    conn.commit()
    conn.close()


@app.route("/")
def page():
    rows = _connection().execute("SELECT id, name, price FROM items ORDER BY id LIMIT 20").fetchall()
    return TEMPLATE.render(rows=rows)


build_database()
