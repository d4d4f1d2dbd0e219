"""Category names as search words, matched in memory instead of being copied
into every product's document.

A query word that is (part of) a category's name in any language finds the
products under that category through the ``cats`` field, which holds each
product's category path. The category tree is small and cached per process
(``app.catalog.index``), so this lookup is rebuilt only when the tree is.
"""

from __future__ import annotations

import threading

from app.catalog.index import categories
from app.search.analysis import FAMILIES, analyzer, family

_lock = threading.Lock()
_built: tuple[object, dict[tuple[str, str], frozenset[int]]] | None = None


def _build(index) -> dict[tuple[str, str], frozenset[int]]:
    words: dict[tuple[str, str], set[int]] = {}
    for info in index.by_id.values():
        names = {"en": info.name, **info.names}
        for locale, name in names.items():
            fams = {family(locale), "plain"}
            for fam in fams:
                for token in analyzer(fam)(name):
                    words.setdefault((fam, token.text), set()).add(info.id)
            if family(locale) != "en":  # English stems for names written in English elsewhere too
                for token in analyzer("en")(name):
                    words.setdefault(("en", token.text), set()).add(info.id)
    return {key: frozenset(ids) for key, ids in words.items()}


def category_ids(fam: str, tokens: list[str]) -> frozenset[int]:
    """Categories whose name (in a language of family ``fam``) holds every token."""
    global _built
    if fam not in FAMILIES or not tokens:
        return frozenset()
    index = categories()
    built = _built
    if built is None or built[0] is not index:
        with _lock:
            built = _built = (index, _build(index))
    words = built[1]
    found: frozenset[int] | None = None
    for token in tokens:
        ids = words.get((fam, token), frozenset())
        found = ids if found is None else found & ids
        if not found:
            return frozenset()
    return found or frozenset()
