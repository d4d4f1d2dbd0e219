"""Message catalogs: extract, update, fill English, compile, and check.

    python scripts/i18n.py update    # extract messages.pot and merge into every locale
    python scripts/i18n.py compile   # build the .mo files
    python scripts/i18n.py check     # fail if en, zh_Hans or ar miss a translation

English is the source language: its catalog is filled with the msgids so it is
complete by construction. Other locales fall back to English until translated.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
COMPLETE = ("en", "zh_Hans", "ar")
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


def run(*args: str) -> None:
    subprocess.run([*PYBABEL, *args], check=True, cwd=ROOT)


def extract() -> None:
    run("extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "-k", "ngettext:1,2",
        "-o", str(POT), "--no-location", "--sort-output", "--omit-header", ".")


def update() -> None:
    extract()
    run("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-fuzzy-matching", "--ignore-obsolete")
    fill_english()


def fill_english() -> None:
    path = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale="en")
    for message in catalog:
        if not message.id:
            continue
        message.string = message.id if not message.pluralizable else tuple(message.id)
        message.flags.discard("fuzzy")
    with path.open("wb") as fh:
        write_po(fh, catalog, no_location=True, omit_header=False, sort_output=True)


def compile_all() -> None:
    run("compile", "-d", str(TRANSLATIONS), "--statistics")


def missing(locale: str) -> list[str]:
    """msgids of the current template that ``locale`` does not translate."""
    with POT.open("rb") as fh:
        template = read_po(fh)
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    gaps = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id)
        strings = () if found is None else (found.string if isinstance(found.string, tuple) else (found.string,))
        if found is None or "fuzzy" in found.flags or not strings or not all(strings):
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


def check() -> int:
    extract()
    failed = 0
    for locale in COMPLETE:
        gaps = missing(locale)
        if gaps:
            failed = 1
            print(f"{locale}: {len(gaps)} untranslated", *gaps[:20], sep="\n  ")
    return failed


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
