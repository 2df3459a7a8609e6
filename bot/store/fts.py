"""The one way user text becomes an FTS5 MATCH expression.

Every word of the user's text becomes a double-quoted FTS5 string, so nothing the user types
(`"`, `NEAR(`, `*`, `OR`, `-`, `^`, `col:value`, ...) can act as FTS5 syntax. The words are
joined with spaces, which FTS5 reads as AND.
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.text import words as split_words

MAX_WORDS = 16
MAX_WORD_LENGTH = 64
MAX_INPUT_LENGTH = 1000


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts_query(user_text: str, *, prefix: bool = False) -> str | None:
    """An FTS5 MATCH expression for `user_text`, or None when it has no words to search for.

    With `prefix=True` the last word also matches as a prefix (`"scal"*`), for as-you-type
    search. At most `MAX_WORDS` words of at most `MAX_WORD_LENGTH` characters are kept.
    """
    text = unicodedata.normalize("NFKC", user_text[: MAX_INPUT_LENGTH * 2])[:MAX_INPUT_LENGTH]
    words = [word[:MAX_WORD_LENGTH] for word in split_words(text)][:MAX_WORDS]
    if not words:
        return None
    terms = [_quote(word) for word in words]
    if prefix:
        terms[-1] += "*"
    return " ".join(terms)


# ---------------------------------------------------------------- ranked (any-word) search

MAX_RANKED_TERMS = 24
# Chinese, Japanese and Korean letters: indexed and searched one character at a time.
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)
_CJK_PAIR = re.compile(f"({_CJK.pattern})(?={_CJK.pattern})")
# Words that say nothing about what is searched for; a query made only of them keeps them.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "ours",
        "she",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "tell",
        "said",
        "say",
        "says",
    ]
)


def is_stop_word(word: str) -> bool:
    """A word that says nothing searched for; written in capitals it is a name (`US`)."""
    return word.casefold() in STOP_WORDS and not (len(word) > 1 and word.isupper())


def cjk_spaced(text: str | None) -> str | None:
    """`text` with a space between adjacent CJK characters, so that FTS5 indexes each one as
    a word and a Chinese word anywhere in a run is found as a phrase of its characters."""
    return None if text is None else _CJK_PAIR.sub(r"\1 ", text)


def is_cjk(word: str) -> bool:
    return bool(_CJK.search(word))


def _cjk_terms(run: str, *, pairs: bool = True) -> list[str]:
    """A run of Chinese as typed: itself (a phrase of its characters) and, when longer than a
    word usually is, its overlapping pairs, so that 商汤科技 finds 商汤 and a question's own
    words (什么时候成立的) still find the words they share with the text."""
    chars = [ch for ch in run if not ch.isspace()]
    terms = [" ".join(chars)]
    if pairs and len(chars) > 2:
        terms += [" ".join(chars[i : i + 2]) for i in range(len(chars) - 1)]
    return terms


def ranked_terms(user_text: str, *, pairs: bool = True) -> list[str]:
    """The terms a ranked search looks for: words less the stop words (unless nothing else
    is left), Chinese runs as phrases of their characters (and of their pairs, with `pairs`);
    each at most once."""
    text = unicodedata.normalize("NFKC", user_text[: MAX_INPUT_LENGTH * 2])[:MAX_INPUT_LENGTH]
    found = [word[:MAX_WORD_LENGTH] for word in split_words(text)]
    meaningful = [w for w in found if not is_stop_word(w)] or found
    terms: list[str] = []
    for word in meaningful:
        pieces = re.split(f"({_CJK.pattern}+)", word)
        for piece in pieces:
            if not piece:
                continue
            terms += _cjk_terms(piece, pairs=pairs) if is_cjk(piece) else [piece.casefold()]
    return list(dict.fromkeys(terms))[:MAX_RANKED_TERMS]


def to_ranked_query(user_text: str, *, prefix: bool = False, every: bool = False) -> str | None:
    """An FTS5 MATCH expression that any of the terms of `user_text` satisfies (bm25 then
    ranks rows holding more, and rarer, terms first), or with `every` all of them; None when
    it has no words. Every term is double-quoted, so nothing typed acts as FTS5 syntax."""
    terms = [_quote(term) for term in ranked_terms(user_text, pairs=not every)]
    if not terms:
        return None
    if prefix and not is_cjk(terms[-1]):
        terms[-1] += "*"
    return (" " if every else " OR ").join(terms)
