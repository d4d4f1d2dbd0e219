"""What the shopper typed, read forgivingly into a small query structure.

Nothing a shopper types is an error: control characters are dropped, the text
is cut to ``MAX_QUERY`` characters and ``MAX_UNITS`` parts, an unbalanced quote
closes at the end, stray operators are ignored. Supported:

- words: every one must match (in any field, in any language);
- ``"a phrase"``: the words next to each other;
- ``-word`` or ``NOT word``: products without it;
- ``a OR b``: either (at most ``MAX_ALTERNATIVES``);
- ``shi*``: a prefix (at least two characters before the star).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY = 200
MAX_UNITS = 10  # words, phrases and prefixes kept of one query (OR alternatives included)
MAX_ALTERNATIVES = 5  # per OR group
MIN_PREFIX = 2

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Unit:
    """One required part of a query: a word, a phrase or a prefix."""

    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass
class ParsedQuery:
    # Each group is a list of alternatives (joined by OR); every group must match.
    groups: list[list[Unit]] = field(default_factory=list)
    excluded: list[Unit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups

    def units(self) -> list[Unit]:
        return [u for group in self.groups for u in group]


def clean(text: str | None) -> str:
    """The query with control and format characters gone, spaces collapsed and
    cut to ``MAX_QUERY`` characters."""
    if not text:
        return ""
    text = text[: MAX_QUERY * 4]
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
                   if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn") or c in "\u200c\u200d")
    return " ".join(kept.split())[:MAX_QUERY].strip()


def _word(raw: str) -> Unit | None:
    raw = raw.strip("()[]{}<>|&!^~+:;,")
    if "*" in raw or "?" in raw:
        stem = re.split(r"[*?]", raw, maxsplit=1)[0].strip("'\".-")
        return Unit(stem, prefix=True) if len(stem) >= MIN_PREFIX else None
    raw = raw.strip("'\".-")
    return Unit(raw) if raw else None


def parse(text: str | None) -> ParsedQuery:
    text = clean(text)
    query = ParsedQuery()
    negate = join_or = False
    for match in _TOKEN.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if word in ("AND", "&&"):
            continue
        if word in ("OR", "||"):
            join_or = bool(query.groups)
            continue
        if word == "NOT":
            negate = True
            continue
        if phrase is not None:
            phrase = " ".join(phrase.replace("*", " ").split())
            unit = Unit(phrase, phrase=" " in phrase) if phrase else None
        else:
            if word.startswith("-") and len(word) > 1:
                negate, word = True, word[1:]
            unit = _word(word)
        if unit is None:
            negate = join_or = False
            continue
        kept = len(query.units()) + len(query.excluded)
        if kept >= MAX_UNITS:
            pass  # the rest of a very long query adds cost, not meaning
        elif negate:
            query.excluded.append(unit)
        elif join_or:
            if len(query.groups[-1]) < MAX_ALTERNATIVES:
                query.groups[-1].append(unit)
        else:
            query.groups.append([unit])
        negate = join_or = False
    return query
