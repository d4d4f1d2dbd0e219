"""Search text analysis per language, and the forgiving query reader."""

import pytest

from app.search.analysis import analyzer, family, normalize_arabic, plain_words, split_scripts
from app.search.query import MAX_QUERY, MAX_UNITS, clean, parse
from app.search.whoosh_engine import _distance, highlight


def words(fam, text, **kwargs):
    return [t.text for t in analyzer(fam)(text, **kwargs)]


def test_european_languages_are_stemmed_and_folded():
    assert words("en", "Running Shoes") == ["run", "shoe"]
    assert words("de", "Leinenhemden") == words("de", "Leinenhemd")
    assert words("fr", "chemises") == words("fr", "chemise")
    assert words("ru", "рубашки") == words("ru", "рубашка")
    assert words("plain", "Café Crème") == ["cafe", "creme"]


def test_arabic_normalisation():
    assert normalize_arabic("قَمِيص") == "قميص"  # diacritics
    assert normalize_arabic("أحمد") == normalize_arabic("احمد") == normalize_arabic("إحمد")  # alef forms
    assert normalize_arabic("جمـــيل") == "جميل"  # tatweel
    assert normalize_arabic("القميص") == "قميص"  # the definite article
    assert normalize_arabic("مكتبة") == normalize_arabic("مكتبه")  # ta marbuta


def test_scripts_without_spaces_become_bigrams():
    assert words("cjk", "手机壳", mode="query") == ["手机", "机壳"]
    assert "手" in words("cjk", "手机壳")  # single characters too at index time
    assert words("cjk", "ภาษา", mode="query") == ["ภา", "าษ", "ษา"]
    assert words("cjk", "한국어", mode="query") == ["한국", "국어"]
    assert words("cjk", "茶", mode="query") == ["茶"]
    assert words("cjk", "Tea pot") == []  # Latin words are not this analyzer's


def test_scripts_are_kept_apart():
    assert plain_words("iPhone 手机壳 قميص Tシャツ") == ["iphone", "t"]
    assert split_scripts("T恤") == ["T", "恤"]
    assert family("zh-hant") == family("my") == "cjk" and family("vi") == "plain" and family("xx") == "plain"


def test_query_reading_is_forgiving():
    assert parse("").empty and parse("   ").empty and parse("AND (").empty and parse("*").empty
    assert parse('"red shirt').groups[0][0].phrase  # an unbalanced quote closes at the end
    q = parse("a OR b -c NOT d ex*")
    assert [[u.text for u in g] for g in q.groups] == [["a", "b"], ["ex"]]
    assert [u.text for u in q.excluded] == ["c", "d"] and q.groups[1][0].prefix
    assert len(clean("x" * 10000)) == MAX_QUERY
    assert clean("a\x00b\x1b[31m\u200bc") == "a b [31mc"
    assert len(parse(" ".join(f"w{i}" for i in range(50))).groups) == MAX_UNITS


@pytest.mark.parametrize("a,b,d", [("shirt", "shirt", 0), ("shrit", "shirt", 1), ("linnen", "linen", 1),
                                   ("teapot", "tepot", 1), ("abc", "xyz", 3)])
def test_edit_distance(a, b, d):
    assert _distance(a, b) == d


def test_highlight_escapes_and_marks():
    terms = {"plain": {"shirt"}, "en": {"shirt"}}
    assert str(highlight("<b>Shirt</b> & tie", terms, "en")) == "&lt;b&gt;<mark>Shirt</mark>&lt;/b&gt; &amp; tie"
    assert str(highlight("Linen Shirts", {"plain": {"lin*"}}, "en")) == "<mark>Lin</mark>en Shirts"
    assert str(highlight("亚麻衬衫", {"cjk": {"衬衫"}}, "zh-hans")) == "亚麻<mark>衬衫</mark>"
    assert str(highlight("plain", {}, "en")) == "plain"
