"""Browser tests: a real Chromium (Debian's, driven by Playwright) against a
real HTTP server running the application.

- ``live_server``: one per session (per xdist worker), serving an app built on
  a SQLite *file* with the demo data loaded. It never touches the in-memory
  database of the shared test ``app`` fixture (that one is still pushed around
  every test by tests/conftest.py, which is harmless here).
- ``browser``: one headless Chromium per session; the e2e tests are skipped
  when /usr/bin/chromium is missing.
- ``page``: a fresh phone-sized context per test (390x844, touch). Console
  errors are collected in ``page.console_errors``; a test fails at teardown if
  any of them is a Content Security Policy violation ("Refused to ...").
- ``check_axe(page)``, ``check_no_overflow(page)``, ``screenshot(page, name)``
  and ``visit(page, url, ...)`` are plain helpers imported by the tests.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"
DEMO_PASSWORD = "lintas-demo-2026"
VIEWPORT = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    marker = pytest.mark.e2e
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(marker)


# --- live server ---------------------------------------------------------------


@dataclass
class LiveServer:
    port: int
    app: object
    mail_dir: Path

    def url(self, host: str, path: str = "/") -> str:
        """``url("acme.localhost", "/en/")`` -> ``http://acme.localhost:<port>/en/``."""
        return f"http://{host}:{self.port}{path}"


def _compile_catalogs(target: Path) -> Path:
    """Compile every translations/<locale>/LC_MESSAGES/messages.po into
    ``target`` so the pages are translated whether or not the checkout has
    built its .mo files (scripts/test.sh does; a bare pytest run may not)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")):
        locale = po.parent.parent.name
        out = target / locale / "LC_MESSAGES"
        out.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=locale)
        with (out / "messages.mo").open("wb") as fh:
            write_mo(fh, catalog)
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    from werkzeug.serving import make_server

    from app import create_app
    from app.demo import load_demo
    from app.extensions import db

    base = tmp_path_factory.mktemp("e2e")
    db_file = base / "lintas-e2e.db"
    mail_dir = base / "mail"
    mail_dir.mkdir()
    port = _free_port()
    translations = _compile_catalogs(base / "translations")
    app = create_app({
        "TESTING": False,
        "SECRET_KEY": "e2e",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_file}",
        "PUBLIC_PORT": port,
        "MAIL_BACKEND": "file",
        "MAIL_DIR": str(mail_dir),
        "SMS_BACKEND": "log",
        "SMS_DIR": str(base / "sms"),
        "MEDIA_ROOT": str(base / "media"),
        "SEARCH_INDEX_DIR": str(base / "search"),
        "REDIS_URL": None,
        "JOBS_INLINE": True,
        "TENANT_CACHE_TTL": 0,
        "WTF_CSRF_ENABLED": True,
        "BABEL_TRANSLATION_DIRECTORIES": str(translations),
    })
    with app.app_context():
        db.create_all()
        load_demo(DEMO_PASSWORD)
        db.session.remove()

    # one INFO line per request would bury the failure reports
    werkzeug_log = logging.getLogger("werkzeug")
    old_level = werkzeug_log.level
    werkzeug_log.setLevel(logging.WARNING)
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(port=port, app=app, mail_dir=mail_dir)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        werkzeug_log.setLevel(old_level)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


# --- browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium); CI installs it")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-dev-shm-usage"],
        )
    except Exception:
        pw.stop()
        raise
    yield browser
    browser.close()
    pw.stop()


CSP_MARKERS = ("Content Security Policy", "Refused to")


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="en-US")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.console_errors = errors

    def on_console(msg):
        if msg.type == "error":
            errors.append(f"{page.url}: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: uncaught {exc}"))
    yield page
    context.close()
    csp = [e for e in errors if any(m in e for m in CSP_MARKERS)]
    assert not csp, "Content Security Policy violations in the browser console:\n  " + "\n  ".join(csp)


# --- helpers -----------------------------------------------------------------


_axe_source: str | None = None


def _axe() -> str:
    global _axe_source
    if _axe_source is None:
        if not AXE_JS.exists():
            pytest.fail(f"axe-core is missing at {AXE_JS} (run scripts/install_system.sh)")
        _axe_source = AXE_JS.read_text(encoding="utf-8")
    return _axe_source


def axe_problems(page, *, what: str | None = None) -> str | None:
    """Run axe-core (WCAG 2.0/2.1 A+AA and 2.2 AA rules) on the current page;
    a readable report of the violations, or None.

    The source is evaluated through the DevTools protocol rather than injected
    as an inline <script> (``add_script_tag``): the pages' CSP (script-src
    'self') would block an inline script and log a violation.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe() + "\n;true")
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                target: v.nodes.length ? v.nodes[0].target.join(' ') : '',
                html: v.nodes.length ? v.nodes[0].html.slice(0, 200) : '',
                summary: v.nodes.length ? (v.nodes[0].failureSummary || '').split('\\n').slice(0, 3).join(' ') : '',
            }));
        }""",
        AXE_TAGS,
    )
    if not result:
        return None
    lines = [f"- {v['id']} ({v['impact']}, {v['count']} node(s)): {v['help']}\n"
             f"    first target: {v['target']}\n    html: {v['html']}\n    {v['summary']}"
             for v in result]
    return f"axe found {len(result)} violation(s) on {what or page.url}:\n" + "\n".join(lines)


def check_axe(page, *, what: str | None = None) -> None:
    """Fail with one line per violated axe rule (rule id, impact, first target)."""
    problem = axe_problems(page, what=what)
    if problem:
        pytest.fail(problem, pytrace=False)


def overflow_problem(page, width: int = VIEWPORT["width"]) -> str | None:
    """Why the page scrolls sideways on the phone, or None."""
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    if scroll <= width + 1:
        return None
    culprits = page.evaluate(
        """(w) => {
            const out = el => { const r = el.getBoundingClientRect(); return r.right > w + 1 || r.left < -1; };
            const bad = Array.from(document.querySelectorAll('body *')).filter(out);
            // the innermost ones: elements none of whose children stick out
            return bad.filter(el => !Array.from(el.children).some(out)).slice(0, 6).map(el => {
                const r = el.getBoundingClientRect();
                return el.outerHTML.slice(0, 120) + ` [x ${Math.round(r.left)}..${Math.round(r.right)}]`;
            });
        }""",
        width,
    )
    return (f"horizontal overflow on {page.url}: scrollWidth {scroll} > {width}; innermost elements "
            "outside the viewport:\n  " + "\n  ".join(culprits))


def check_no_overflow(page, width: int = VIEWPORT["width"]) -> None:
    """The layout fits the phone's width: no horizontal scrolling."""
    problem = overflow_problem(page, width)
    if problem:
        pytest.fail(problem, pytrace=False)


def screenshot(page, name: str) -> Path:
    """A full-page PNG under build/screenshots/ for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def visit(page, url: str, *, shot: str | None = None, axe: bool = False, status: int = 200):
    """Open ``url``, check the status and that nothing overflows; optionally
    screenshot and run axe."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == status, \
        f"GET {url}: {response.status if response else 'no response'}"
    settle(page, shot=shot, axe=axe)
    return response


def settle(page, *, shot: str | None = None, axe: bool = False) -> None:
    """The checks every visited page gets: a screenshot if named (first, so a
    broken layout is on file too), no horizontal overflow, and axe if asked.
    Both checks run before failing, so one report shows every problem."""
    page.wait_for_load_state("load")
    if shot:
        screenshot(page, shot)
    problems = [overflow_problem(page)]
    if axe:
        problems.append(axe_problems(page))
    problems = [p for p in problems if p]
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
