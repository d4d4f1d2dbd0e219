"""The Whoosh implementation of the search engine (``app.search.SearchEngine``).

One index directory (``SEARCH_INDEX_DIR``), one document per visible product.
Every process keeps one searcher, opened on first use and refreshed when the
index has changed (checked at most every ``SEARCH_REFRESH_SECONDS``); writers
wait for Whoosh's lock (``SEARCH_WRITE_TIMEOUT``) instead of failing, so the
inline writes of several web workers never break each other, and on Redis the
single ``search`` queue worker is the only writer.

Queries are built here from ``app.search.query``'s structure, never by
Whoosh's query parser, so no input can raise: every word is analysed per
script and looked up in the fields of its languages (see ``analysis``).
Prices of different stores are compared in the platform currency at the
current rates at query time: the price filter, the price facet and the price
sort read each match's base price and currency from the columns and convert
with exact integer ratios. Restrictions (store, category, brand, stock) are
joined to the query rather than given as Whoosh filters, which would list
every document they cover first.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from fractions import Fraction

from markupsafe import Markup, escape
from whoosh import fields, index, sorting
from whoosh.query import And, AndNot, NullQuery, Or, Phrase, Prefix, Query, Require, Term
from whoosh.writing import CLEAR, NO_MERGE

from app.search import PriceRange, SearchPage, SearchRequest, Suggestion
from app.search.analysis import FAMILIES, STEMMED, analyzer, family, plain_words, script_of, split_scripts
from app.search.documents import ProductDocument
from app.search.query import ParsedQuery, Unit, parse
from app.search.vocabulary import category_ids

log = logging.getLogger("lintas.search")

SCHEMA_VERSION = 6
INDEX_NAME = f"products_v{SCHEMA_VERSION}"
MAX_DEPTH = 6  # category levels with their own facet column
MAX_HITS = 2400  # results a shopper can page through (100 pages of 24)
NAME_BOOST = 3.0
NAME_REPEAT = 3  # times a name is written into the whole-text field (a weight without another field)
MERGE_AT_SEGMENTS = 6  # segments an index may gather before the merge job folds the small ones together
SMALL_SEGMENT = 2000  # documents under which a segment is always "small"
PREFIX_TERMS = 40  # words a prefix query stands for at most (the most frequent)
PREFIX_SCAN = 400  # words of a prefix looked at to find them
SPELLING_FIELDS = ("n_plain", "b_plain", "brand_name")  # the words "did you mean" knows


def _schema() -> fields.Schema:
    spec: dict[str, fields.FieldType] = {
        "id": fields.ID(stored=True, unique=True),
        "store": fields.ID(sortable=True),
        "store_slug": fields.STORED(),
        "slug": fields.STORED(),
        "names": fields.STORED(),
        "brand": fields.ID(sortable=True),
        "cats": fields.KEYWORD(),  # every category on the path, for filtering at any depth
        "stock": fields.ID(sortable=True),
        "price": fields.NUMERIC(int, bits=64, sortable=True),
        "currency": fields.ID(sortable=True),
        "published": fields.NUMERIC(int, bits=64, sortable=True),
        "sold": fields.NUMERIC(int, bits=64, sortable=True),
        "codes": fields.KEYWORD(lowercase=True, field_boost=5.0),
        "brand_name": fields.TEXT(analyzer=analyzer("plain"), field_boost=2.0),
    }
    for depth in range(MAX_DEPTH):
        spec[f"cat{depth}"] = fields.ID(sortable=True)
    for fam in FAMILIES:
        # Positions (for phrases) only where phrases are matched: names written with spaces.
        spec[f"n_{fam}"] = fields.TEXT(analyzer=analyzer(fam), field_boost=NAME_BOOST, phrase=fam != "cjk")
        spec[f"b_{fam}"] = fields.TEXT(analyzer=analyzer(fam, body=True), phrase=False)
    return fields.Schema(**spec)


def _fields(doc: ProductDocument) -> dict:
    """A product document as Whoosh field values."""
    names: dict[str, list[str]] = {}
    bodies: dict[str, list[str]] = {}

    def put(target: dict, locale: str, text: str) -> None:
        if not text:
            return
        fam = family(locale)
        target.setdefault(fam, []).append(text)
        if fam != "plain":  # the Latin and Cyrillic words also exact: any page language, typos, prefixes
            target.setdefault("plain", []).append(text)

    for locale, name in doc.names.items():
        put(names, locale, name)
    for locale, body in doc.bodies.items():
        put(bodies, locale, body)
    for locale, words in doc.extra.items():
        put(bodies, locale, " ".join(words))
    values = {
        "id": str(doc.id), "store": str(doc.store_id), "store_slug": doc.store_slug, "slug": doc.slug,
        "names": dict(doc.names), "stock": "1" if doc.in_stock else "0", "currency": doc.currency,
        "published": max(doc.published, 0), "sold": max(doc.sold, 0),
        "cats": " ".join(str(c) for c in doc.category_path),
    }
    if doc.brand_id:
        values["brand"] = str(doc.brand_id)
        values["brand_name"] = doc.brand_name
    if doc.price is not None:
        values["price"] = max(doc.price, 0)
    if doc.codes:
        values["codes"] = " ".join(c.lower() for c in doc.codes)
    for depth, category_id in enumerate(doc.category_path[:MAX_DEPTH]):
        values[f"cat{depth}"] = str(category_id)
    for fam, texts in names.items():
        values[f"n_{fam}"] = "\n".join(texts)
    for fam in {*names, *bodies}:
        # The whole text: the name NAME_REPEAT times (a word of the name weighs that
        # much more), then the description. A search looks here, one field a language.
        values[f"b_{fam}"] = "\n".join(names.get(fam, []) * NAME_REPEAT + bodies.get(fam, []))
    return values


# --- query building ---------------------------------------------------------------------------

def _analysed(fam: str, text: str) -> list[str]:
    """Query words as the family's name fields hold them."""
    return [t.text for t in analyzer(fam)(text, mode="query")]


def _families_for(script: str, locale: str) -> list[str]:
    if script == "cjk":
        return ["cjk"]
    if script == "ar":
        return ["ar"]
    fams = ["plain"]
    for fam in (family(locale), "en"):
        if fam in STEMMED and fam not in fams:
            fams.append(fam)
    return fams


def _part_query(text: str, locale: str, *, phrase: bool, prefix: bool, names_only: bool = False) -> Query | None:
    """One script run of a query unit, in every field that can hold it."""
    script = script_of(text)
    alternatives: list[Query] = []
    for fam in _families_for(script, locale):
        if prefix and fam != "plain":
            continue
        tokens = _analysed(fam, text) if not prefix else plain_words(text)
        if not tokens:
            continue
        if prefix or names_only:
            kinds: tuple[str, ...] = ("n_",)  # names only
        elif phrase and len(tokens) > 1 and fam != "cjk":
            kinds = ("n_", "b_")  # the phrase in a name, or all its words in the whole text
        elif fam == "plain" and family(locale) in STEMMED:
            # The whole texts are searched in the shopper's (stemmed) language and English;
            # the exact forms of every language's names stay searchable.
            kinds = ("n_",)
        elif fam == "cjk" and len(tokens) == 1 and len(tokens[0]) == 1:
            kinds = ("n_",)  # single characters are indexed in names only
        else:
            kinds = ("b_",)  # name and description together
        for kind in kinds:
            name = f"{kind}{fam}"
            if prefix:
                alternatives.append(And([Term(name, t) for t in tokens[:-1]] + [Prefix(name, tokens[-1])]))
            elif phrase and len(tokens) > 1 and fam != "cjk" and kind == "n_":
                alternatives.append(Phrase(name, tokens))
            else:
                alternatives.append(And([Term(name, t) for t in tokens]) if len(tokens) > 1 else Term(name, tokens[0]))
        if not prefix and not names_only:
            ids = category_ids(fam, tokens)
            if ids:  # the words name a category: its products (and its subcategories')
                alternatives.append(Or([Term("cats", str(i)) for i in sorted(ids)]))
    if script == "word":
        words = plain_words(text)
        if words:
            if prefix:
                alternatives.append(Prefix("brand_name", words[-1]) if len(words) == 1 else NullQuery)
            elif not names_only:
                alternatives.append(And([Term("brand_name", w) for w in words]) if len(words) > 1
                                    else Term("brand_name", words[0]))
        code = text.strip().lower()
        looks_like_code = any(c.isdigit() or c in "-_./" for c in code)  # SKU codes and GTINs have digits or dashes
        if code and " " not in code and not names_only and looks_like_code and (not prefix or len(code) >= 4):
            alternatives.append(Prefix("codes", code) if prefix else Term("codes", code))
    alternatives = [a for a in alternatives if a is not NullQuery]
    return Or(alternatives) if alternatives else None


def _unit_query(unit: Unit, locale: str, *, names_only: bool = False) -> Query | None:
    if unit.phrase:
        # A phrase of one script is matched as a phrase; a mixed one part by part.
        parts = split_scripts(unit.text)
        if len(parts) == 1:
            return _part_query(unit.text, locale, phrase=True, prefix=False, names_only=names_only)
    else:
        parts = split_scripts(unit.text)
    queries = []
    for i, part in enumerate(parts):
        q = _part_query(part, locale, phrase=unit.phrase, prefix=unit.prefix and i == len(parts) - 1,
                        names_only=names_only)
        if q is None:
            return None  # a part that can never match (only punctuation) makes the unit unmatched
        queries.append(q)
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


def cap_prefixes(query: Query, reader, cap: int = PREFIX_TERMS) -> Query:
    """Each prefix query replaced by its ``cap`` most frequent words: a short
    prefix can stand for thousands of words, and a union of them all is slow."""
    def expand(node: Query) -> Query:
        if not isinstance(node, Prefix):
            return node
        field = reader.schema[node.fieldname]
        words = []
        for i, raw in enumerate(reader.expand_prefix(node.fieldname, node.text)):
            if i >= (cap if node.fieldname == "codes" else PREFIX_SCAN):  # codes are unique: the first ones
                break
            words.append((reader.doc_frequency(node.fieldname, raw), field.from_bytes(raw)))
        if not words:
            return NullQuery
        words.sort(key=lambda pair: -pair[0])
        return Or([Term(node.fieldname, w) for _n, w in words[:cap]])

    return query.accept(expand)


def build_query(parsed: ParsedQuery, locale: str, *, names_only: bool = False) -> Query | None:
    required = []
    for group in parsed.groups:
        alternatives = [q for q in (_unit_query(u, locale, names_only=names_only) for u in group) if q is not None]
        if not alternatives:
            continue
        required.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if not required:
        return None
    query: Query = required[0] if len(required) == 1 else And(required)
    excluded = [q for q in (_unit_query(u, locale) for u in parsed.excluded) if q is not None]
    if excluded:
        query = AndNot(query, Or(excluded))
    return query


# --- prices across currencies ----------------------------------------------------------------

# Sortable numeric columns hold signed 64-bit values shifted by 2**63; a document
# without the value reads as 2**64 - 1.
_SHIFT, _MISSING = 2 ** 63, 2 ** 64 - 1


def _compare_amount(price, currency, rates: dict[str, Fraction]) -> int | None:
    """A hit's price column value in platform-currency minor units (None: no
    price, or no rate for its currency)."""
    factor = rates.get(currency.decode() if isinstance(currency, bytes) else currency)
    if price is None or price == _MISSING or factor is None:
        return None
    return (price - _SHIFT) * factor.numerator // factor.denominator


def _restricted(query: Query, restriction) -> dict:
    """``searcher.search`` arguments: a restriction query is joined to the
    query (scored by the query only), so the intersection walks the query's
    matches; a Whoosh filter would first list every document of, say, a big
    category. A set of documents stays a filter."""
    if restriction is None:
        return {"q": query}
    if isinstance(restriction, set):
        return {"q": query, "filter": restriction}
    # Without block-quality skipping: Whoosh's RequireMatcher.skip_to_quality can
    # leave both sides on one document and then fails an assertion.
    return {"q": Require(query, restriction), "optimize": False}


def _priced_docs(searcher, query: Query, query_filter: Query | None, rates: dict[str, Fraction],
                 price: PriceRange) -> set[int]:
    """The documents matching ``query`` (and ``query_filter``) whose price,
    converted at the current rates, is in ``price``: read from the columns of
    the matches (a range query per currency would visit the whole index)."""
    matching = Require(query, query_filter) if query_filter is not None else query
    reader = searcher.reader()
    if not reader.has_column("price"):  # an empty index (a fresh install, before the first rebuild)
        return {-1}
    # Raw (shifted) values, as the sort and the facet see them.
    prices, currencies = reader.column_reader("price", translate=False), reader.column_reader("currency")
    out = {-1}  # never a document: an empty set would mean "no filter" to Whoosh
    for docnum in searcher.docs_for_query(matching):
        amount = _compare_amount(prices[docnum], currencies[docnum], rates)
        if amount is not None and (price.low is None or amount >= price.low) and \
                (price.high is None or amount < price.high):
            out.add(docnum)
    return out


def _price_facet(rates: dict[str, Fraction], price_ranges) -> sorting.FacetType:
    """Counts per price range, computed from the matching documents' columns
    (a query per range would visit every document of the index)."""
    ranges = list(price_ranges)

    def bucket(price, currency):
        amount = _compare_amount(price, currency, rates)
        if amount is None:
            return None
        for r in ranges:
            if (r.low is None or amount >= r.low) and (r.high is None or amount < r.high):
                return r.key
        return None

    facet = sorting.TranslateFacet(bucket, sorting.FieldFacet("price"), sorting.FieldFacet("currency"))
    facet.maptype = sorting.Count
    return facet


def _merge_small_segments(writer, segments):
    """A Whoosh merge policy: every segment much smaller than the biggest is
    merged into the one being written, so searches go over a few segments
    (each one costs a matcher per query term)."""
    from whoosh.reading import SegmentReader

    biggest = max((seg.doc_count_all() for seg in segments), default=0)
    small = [seg for seg in segments if seg.doc_count_all() < max(SMALL_SEGMENT, biggest // 10)]
    if len(small) < 2:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [seg for seg in segments if seg not in small]


# --- the engine ------------------------------------------------------------------------------

class WhooshEngine:
    def __init__(self, path: str, *, refresh_seconds: float = 1.0, write_timeout: float = 30.0):
        self.path = path
        self.refresh_seconds = refresh_seconds
        self.write_timeout = write_timeout
        self._lock = threading.RLock()
        self._ix = None
        self._searcher = None
        self._checked = 0.0

    # index and searcher ---------------------------------------------------------------------

    def _index(self):
        if self._ix is None:
            with self._lock:
                if self._ix is None:
                    os.makedirs(self.path, exist_ok=True)
                    if index.exists_in(self.path, indexname=INDEX_NAME):
                        self._ix = index.open_dir(self.path, indexname=INDEX_NAME)
                    else:
                        self._ix = index.create_in(self.path, _schema(), indexname=INDEX_NAME)
                        if any(index.exists_in(self.path, indexname=f"products_v{v}") for v in range(1, SCHEMA_VERSION)):
                            log.warning("the search index format changed: run 'flask search reindex' to fill it")
        return self._ix

    def _current_searcher(self):
        """The process's searcher, refreshed if the index changed (call with the lock held)."""
        now = time.monotonic()
        if self._searcher is None:
            self._searcher = self._index().searcher()
            self._checked = now
        elif now - self._checked >= self.refresh_seconds:
            self._checked = now
            if not self._searcher.up_to_date():
                # A fresh reader, not Searcher.refresh(): that reuses segment readers
                # by segment id and so misses deletions made in an existing segment.
                old, self._searcher = self._searcher, self._index().searcher()
                old.close()
        return self._searcher

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._ix = None

    def clear(self) -> None:
        """Drop every document (the files too): for tests and for a fresh start."""
        with self._lock:
            self.close()
            shutil.rmtree(self.path, ignore_errors=True)

    def _writer(self, **kwargs):
        # Segments as plain files, not one compound file: Whoosh copies a compound
        # file's parts into memory each time a reader opens them (every update and
        # every searcher reopen would copy the whole index).
        return self._index().writer(timeout=self.write_timeout, delay=0.05, compound=False, **kwargs)

    # writing ----------------------------------------------------------------------------

    def index_documents(self, docs: Iterable[ProductDocument], remove_ids: Iterable[int] = ()) -> None:
        docs, remove_ids = list(docs), list(remove_ids)
        if not docs and not remove_ids:
            return
        writer = self._writer()
        try:
            for product_id in remove_ids:
                writer.delete_by_term("id", str(product_id))
            for doc in docs:
                writer.update_document(**_fields(doc))
        except BaseException:
            writer.cancel()
            raise
        # No merging here: an update costs one small segment, and the small ones are
        # merged by merge_small() (its own job) once they pile up.
        writer.commit(mergetype=NO_MERGE)

    def needs_merge(self) -> bool:
        return len(self._index()._segments()) >= MERGE_AT_SEGMENTS

    def merge_small(self) -> int:
        """Merge the small segments into one; returns the segments left."""
        if not self.needs_merge():
            return len(self._index()._segments())
        writer = self._writer()
        writer.commit(mergetype=_merge_small_segments)
        return len(self._index()._segments())

    def rebuild(self, batches: Iterable[list[ProductDocument]], *, store_id: int | None = None,
                progress: Callable[[int], None] | None = None, procs: int = 1) -> int:
        """Replace the whole index (or one store's documents) with ``batches``;
        searchers keep seeing the old documents until the single commit. With
        ``procs`` > 1 a full rebuild analyses documents in that many processes
        (each leaves its own segment) while this one reads the database."""
        if procs > 1 and store_id is None:
            writer = self._writer(procs=procs, limitmb=128, multisegment=True, batchsize=250,
                                  subargs={"compound": False, "limitmb": 128})
        else:
            writer = self._writer(limitmb=256)
        done = 0
        try:
            if store_id is not None:
                writer.delete_by_term("store", str(store_id))
            for batch in batches:
                for doc in batch:
                    writer.add_document(**_fields(doc))
                done += len(batch)
                if progress:
                    progress(done)
        except BaseException:
            writer.cancel()
            raise
        if store_id is None:
            writer.commit(mergetype=CLEAR)
        else:
            writer.commit()
        return done

    def document_count(self) -> int:
        with self._lock:
            return self._current_searcher().doc_count()

    def size_bytes(self) -> int:
        return sum(os.path.getsize(os.path.join(self.path, f)) for f in os.listdir(self.path)
                   if os.path.isfile(os.path.join(self.path, f))) if os.path.isdir(self.path) else 0

    # reading ----------------------------------------------------------------------------

    def _filter(self, request: SearchRequest, *, skip: str | None = None) -> Query | None:
        """The documents the request may see (None: all of them). Cheap terms
        only: Whoosh computes a filter's documents before scoring."""
        parts: list[Query] = []
        if request.store_id is not None:
            parts.append(Term("store", str(request.store_id)))
        if request.category_id is not None:
            parts.append(Term("cats", str(request.category_id)))
        if request.brand_ids and skip != "brand":
            parts.append(Or([Term("brand", str(b)) for b in request.brand_ids]))
        if request.store_ids and skip != "store":
            parts.append(Or([Term("store", str(s)) for s in request.store_ids]))
        if request.in_stock and skip != "stock":
            parts.append(Term("stock", "1"))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)

    @staticmethod
    def _mask(request: SearchRequest) -> Query | None:
        """Stores whose plan ran out since their documents were written (the
        expiry job removes them; until then they are masked)."""
        hidden = [s for s in request.hidden_store_ids if s != request.store_id] if request.store_id is None else \
            [s for s in request.hidden_store_ids if s == request.store_id]
        if not hidden:
            return None
        return Or([Term("store", str(s)) for s in hidden])

    def search(self, request: SearchRequest, *, rates: dict[str, Fraction],
               price_ranges: list[PriceRange] = ()) -> SearchPage:
        parsed = parse(request.text)
        page = SearchPage(request=request)
        query = build_query(parsed, request.locale)
        if query is None:
            return page
        with self._lock:
            searcher = self._current_searcher()
            query = cap_prefixes(query, searcher.reader())
            results = self._run(searcher, query, request, rates, price_ranges)
            if results is not None and results[1] == 0:
                corrected = self._correct(searcher, parsed, request.locale)
                if corrected and not request.correct:
                    page.corrected = corrected
                    corrected = None
                if corrected:
                    page.corrected = corrected
                    fixed = build_query(parse(corrected), request.locale)
                    fixed = cap_prefixes(fixed, searcher.reader()) if fixed is not None else None
                    retry = self._run(searcher, fixed, request, rates, price_ranges) if fixed is not None else None
                    if retry is not None and retry[1]:
                        results = retry
                        page.fuzzy = True
                        parsed = parse(corrected)
        if results is None:
            return page
        page.ids, page.total, page.facets = results
        page.highlight_terms = highlight_terms(parsed, request.locale)
        return page

    def _run(self, searcher, query: Query, request: SearchRequest, rates, price_ranges):
        start = (request.page - 1) * request.page_size
        if start >= MAX_HITS:
            return [], 0, {}
        facets = sorting.Facets()
        depth = request.category_depth + 1 if request.category_id is not None else 0
        if depth < MAX_DEPTH:
            facets.add_field(f"cat{depth}", maptype=sorting.Count)
        if not request.brand_ids:
            facets.add_field("brand", maptype=sorting.Count)
        if request.store_id is None and not request.store_ids:
            facets.add_field("store", maptype=sorting.Count)
        facets.add_field("stock", maptype=sorting.Count)
        if price_ranges and request.price is None:
            facets.add_facet("price", _price_facet(rates, price_ranges))
        sortedby, reverse = self._sort(request.sort, rates)

        def narrowed(skip: str | None = None):
            """The filter: the request's terms, then its price range (unless skipped)."""
            terms = self._filter(request, skip=skip)
            if request.price is None or skip == "price":
                return terms
            return _priced_docs(searcher, query, terms, rates, request.price)

        mask = self._mask(request)
        results = searcher.search(**_restricted(query, narrowed()), mask=mask,
                                  limit=min(start + request.page_size, MAX_HITS), sortedby=sortedby, reverse=reverse,
                                  groupedby=facets)
        total = results.estimated_length() if not results.has_exact_length() else len(results)
        ids = [int(hit["id"]) for hit in results[start:start + request.page_size]]
        counts: dict[str, dict] = {}
        for name in facets.names():
            key = "category" if name.startswith("cat") else name
            counts[key] = {k: v for k, v in results.groups(name).items() if k}
        # A chosen brand or store keeps its siblings' counts, so the choice can be widened.
        for name, chosen in (("brand", request.brand_ids), ("store", request.store_ids if request.store_id is None
                                                                 else [])):
            if chosen:
                wider = searcher.search(**_restricted(query, narrowed(name)), mask=mask, limit=1,
                                        groupedby={name: sorting.FieldFacet(name, maptype=sorting.Count)})
                counts[name] = {k: v for k, v in wider.groups(name).items() if k}
        if request.price is not None and price_ranges:
            wider = searcher.search(**_restricted(query, narrowed("price")), mask=mask, limit=1,
                                    groupedby={"price": _price_facet(rates, price_ranges)})
            counts["price"] = dict(wider.groups("price"))
        return ids, total, counts

    @staticmethod
    def _sort(sort: str, rates: dict[str, Fraction]):
        if sort in ("price_asc", "price_desc"):
            def key(price, currency):
                value = _compare_amount(price, currency, rates)
                if value is None:  # unpriced hits last either way
                    return (1, 0) if sort == "price_asc" else (0, 0)
                return (0, value) if sort == "price_asc" else (1, value)

            return sorting.TranslateFacet(key, sorting.FieldFacet("price"), sorting.FieldFacet("currency")), \
                sort == "price_desc"
        if sort == "newest":
            return sorting.FieldFacet("published", reverse=True), False
        return None, False

    def _correct(self, searcher, parsed: ParsedQuery, locale: str) -> str | None:
        """The query with each unknown word replaced by the closest known one
        (edit distance 1, or 2 for longer words; most frequent first)."""
        reader = searcher.reader()
        changed = False
        out = []
        for group in parsed.groups:
            texts = []
            for unit in group:
                text = unit.text
                if script_of(text) == "word" and not unit.prefix:
                    words = []
                    for word in text.split():
                        plain = plain_words(word)
                        fixed = word
                        if len(plain) == 1 and len(plain[0]) >= 3 and not any(
                                reader.doc_frequency(f, plain[0]) for f in SPELLING_FIELDS):
                            best = _closest(reader, plain[0])
                            if best:
                                fixed, changed = best, True
                        words.append(fixed)
                    text = " ".join(words)
                texts.append(f'"{text}"' if unit.phrase else text + ("*" if unit.prefix else ""))
            out.append(" OR ".join(texts))
        return " ".join(out) if changed else None

    def suggest(self, text: str, *, store_id: int | None, locale: str, limit: int = 8,
                hidden_store_ids: tuple[int, ...] = ()) -> list[Suggestion]:
        parsed = parse(text)
        if parsed.empty:
            return []
        if not text.endswith(" "):
            last = parsed.groups[-1][-1]
            if script_of(last.text) == "word" and not last.phrase and not last.prefix:
                parsed.groups[-1][-1] = Unit(last.text, prefix=True)
        query = build_query(parsed, locale, names_only=True)
        if query is None:
            return []
        request = SearchRequest(text=text, locale=locale, store_id=store_id, hidden_store_ids=hidden_store_ids)
        with self._lock:
            searcher = self._current_searcher()
            query = cap_prefixes(query, searcher.reader())
            results = searcher.search(**_restricted(query, self._filter(request)), mask=self._mask(request),
                                      limit=limit)
            hits = [(int(h["id"]), h["slug"], h["store_slug"], h["names"]) for h in results]
        terms = highlight_terms(parsed, locale)
        out = []
        for product_id, slug, store_slug, names in hits:
            name = names.get(locale) or next(iter(names.values()), "")
            out.append(Suggestion(id=product_id, slug=slug, store_slug=store_slug, name=name,
                                  label=highlight(name, terms, locale)))
        return out


def _closest(reader, word: str) -> str | None:
    maxdist = 1 if len(word) <= 4 else 2
    best = None
    for field in SPELLING_FIELDS:
        for candidate in reader.terms_within(field, word, maxdist, prefix=1):
            rank = (_distance(word, candidate), -reader.doc_frequency(field, candidate), candidate)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


# --- highlighting -----------------------------------------------------------------------------

def highlight_terms(parsed: ParsedQuery, locale: str) -> dict[str, set[str]]:
    """The analysed query words per analysis family (prefixes as ``word*``)."""
    terms: dict[str, set[str]] = {}
    for unit in parsed.units():
        for part in split_scripts(unit.text):
            for fam in _families_for(script_of(part), locale):
                if unit.prefix:
                    if fam == "plain":
                        terms.setdefault(fam, set()).update(w + "*" for w in plain_words(part)[-1:])
                    continue
                terms.setdefault(fam, set()).update(_analysed(fam, part))
    return terms


def highlight(text: str, terms: dict[str, set[str]], locale: str) -> Markup:
    """``text`` escaped, with the characters of words matching ``terms``
    wrapped in ``<mark>``."""
    if not text or not terms:
        return escape(text or "")
    spans: list[tuple[int, int]] = []
    fams = {"plain", family(locale), "en", "ar", "cjk"}
    for fam in fams:
        wanted = terms.get(fam)
        if not wanted:
            continue
        prefixes = tuple(w[:-1] for w in wanted if w.endswith("*"))
        for token in analyzer(fam)(text, chars=True):
            if token.text in wanted:
                spans.append((token.startchar, token.endchar))
            elif prefixes:
                typed = max((len(p) for p in prefixes if token.text.startswith(p)), default=0)
                if typed:  # only the typed part of the word
                    spans.append((token.startchar, min(token.endchar, token.startchar + typed)))
    if not spans:
        return escape(text)
    spans.sort()
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, cursor = [], 0
    for start, end in merged:
        out.append(escape(text[cursor:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)

