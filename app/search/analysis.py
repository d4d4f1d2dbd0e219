"""Text analysis per language for the search index.

Each URL locale belongs to one *family* of analysis, and each family has a pair
of index fields (``n_<family>`` for names, ``b_<family>`` for the rest):

- ``en de es fr pt ru it``: words, lower-cased, Snowball-stemmed, then accents
  folded (so "shirts" finds "shirt" and "cafe" finds "Café");
- ``ar``: Arabic words with diacritics, tatweel and the alef/ya/ta marbuta
  variants normalised and a leading definite article dropped, so a query with
  or without vowel marks finds the same product;
- ``cjk`` (zh-hans, zh-hant, ja, ko, th, my): scripts written without spaces
  between words are cut into overlapping character bigrams (and single
  characters at index time, so a one-character query also works);
- ``plain`` (id, ms, vi, and every Latin or Cyrillic text of any language
  besides): words lower-cased and accent-folded, never stemmed. The plain
  fields serve exact matches whatever the shopper's language, typo tolerance,
  "did you mean" and search-as-you-type prefixes.

Scripts are kept apart: the word tokenizer skips the no-space scripts and
Arabic, and each special analyzer only sees its own script.
"""

from __future__ import annotations

import re
import unicodedata

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, Token, Tokenizer
from whoosh.support.charset import accent_map

# Code point ranges of the scripts written without spaces between words (Thai,
# Myanmar, Hangul, kana, CJK ideographs and compatibility forms).
NO_SPACE = ("\u0e00-\u0e7f\u1000-\u109f\u1100-\u11ff\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31f0-\u31ff"
            "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f")
ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"

NO_SPACE_RE = re.compile(f"[{NO_SPACE}]")
ARABIC_RE = re.compile(f"[{ARABIC}]")
# A word: letters and digits of any other script (an apostrophe or dot inside
# a word keeps it whole: "don't", "3.5").
WORD = rf"(?:(?![{NO_SPACE}{ARABIC}])[^\W_])+(?:[.'’](?:(?![{NO_SPACE}{ARABIC}])[^\W_])+)*"
ARABIC_WORD = f"[{ARABIC}]+"
NO_SPACE_RUN = re.compile(f"[{NO_SPACE}]+")

LOCALE_FAMILY = {
    "en": "en", "de": "de", "es": "es", "fr": "fr", "pt": "pt", "ru": "ru", "it": "it", "ar": "ar",
    "zh-hans": "cjk", "zh-hant": "cjk", "ja": "cjk", "ko": "cjk", "th": "cjk", "my": "cjk",
    "id": "plain", "ms": "plain", "vi": "plain",
}
STEMMED = ("en", "de", "es", "fr", "pt", "ru", "it")
FAMILIES = (*STEMMED, "ar", "cjk", "plain")


def family(locale: str) -> str:
    return LOCALE_FAMILY.get(locale, "plain")


# --- Arabic ----------------------------------------------------------------------------------

_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_AR_LETTERS = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
                             "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a"})
_AR_ARTICLES = ("\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644",
                "\u0627\u0644")  # wal-, bil-, kal-, fal-, al-


def normalize_arabic(word: str) -> str:
    """Arabic spelling variants folded to one form: vowel marks and tatweel
    removed, alef forms to bare alef, alef maqsura to ya, ta marbuta to ha,
    hamza seats to their letter, and a definite article dropped from words
    long enough to keep a stem."""
    word = _AR_MARKS.sub("", unicodedata.normalize("NFKC", word)).translate(_AR_LETTERS)
    for article in _AR_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article):]
    return word


class ArabicNormalizer(Filter):
    def __call__(self, tokens):
        for t in tokens:
            t.text = normalize_arabic(t.text)
            if t.text:
                yield t


# --- scripts without spaces -----------------------------------------------------------------

class BigramTokenizer(Tokenizer):
    """Overlapping character bigrams of each run of a no-space script; at index
    time also each single character (``unigrams``, for names: so a
    one-character query matches). A one-character run gives that character."""

    def __init__(self, unigrams: bool = True):
        self.unigrams = unigrams

    def __eq__(self, other):
        return isinstance(other, BigramTokenizer) and other.unigrams == self.unigrams

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        unigrams = self.unigrams and mode != "query"
        for match in NO_SPACE_RUN.finditer(value):
            run, offset = match.group(), match.start()
            grams = [(i, 1) for i in range(len(run))] if unigrams or len(run) == 1 else []
            grams += [(i, 2) for i in range(len(run) - 1)]
            for i, size in grams:
                t.text = run[i:i + size]
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = t.text
                if positions:
                    t.pos = pos
                    pos += 1
                if chars:
                    t.startchar = start_char + offset + i
                    t.endchar = t.startchar + size
                yield t


# --- analyzers ---------------------------------------------------------------------------------

def _words():
    return RegexTokenizer(WORD) | LowercaseFilter()


def analyzer(fam: str, *, body: bool = False):
    """The analyzer of a family's fields (``body``: of its description field,
    where scripts without spaces keep only bigrams, half the postings)."""
    if fam in STEMMED:
        return _words() | StemFilter(lang=fam, cachesize=50000) | CharsetFilter(accent_map)
    if fam == "ar":
        return RegexTokenizer(ARABIC_WORD) | ArabicNormalizer()
    if fam == "cjk":
        return BigramTokenizer(unigrams=not body)
    return _words() | CharsetFilter(accent_map)


def plain_words(text: str) -> list[str]:
    """``text``'s words as the plain fields hold them."""
    return [t.text for t in PLAIN(text)]


PLAIN = analyzer("plain")


def script_of(text: str) -> str:
    """Which analysis a piece of query text needs: ``cjk``, ``ar`` or ``word``."""
    if NO_SPACE_RE.search(text):
        return "cjk"
    if ARABIC_RE.search(text):
        return "ar"
    return "word"


_SCRIPT_RUN = re.compile(f"([{NO_SPACE}]+|[{ARABIC}]+)")


def split_scripts(word: str) -> list[str]:
    """A query word cut where its script changes ("T恤" -> "T", "恤")."""
    return [part for part in _SCRIPT_RUN.split(word) if part and not part.isspace()]
