"""The one way user text becomes an FTS5 MATCH expression.

Every word of the user's text becomes a double-quoted FTS5 string, so nothing the user types
(`"`, `NEAR(`, `*`, `OR`, `-`, `^`, `col:value`, ...) can act as FTS5 syntax. The words are
joined with spaces, which FTS5 reads as AND.
"""

from __future__ import annotations

import unicodedata

MAX_WORDS = 16
MAX_WORD_LENGTH = 64
MAX_INPUT_LENGTH = 1000

# Letters, marks (combining accents, vowel signs) and digits make words; FTS5's unicode61
# tokenizer then splits each quoted word the same way it split the indexed text.
_WORD_CATEGORIES = frozenset("LMN")


def _words(text: str) -> list[str]:
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf"):
            # Control and format characters (zero-width space/joiner, BOM, bidi marks) are
            # dropped outright, so `sca\u200bling` is the word `scaling`.
            continue
        if category[0] in _WORD_CATEGORIES:
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts_query(user_text: str, *, prefix: bool = False) -> str | None:
    """An FTS5 MATCH expression for `user_text`, or None when it has no words to search for.

    With `prefix=True` the last word also matches as a prefix (`"scal"*`), for as-you-type
    search. At most `MAX_WORDS` words of at most `MAX_WORD_LENGTH` characters are kept.
    """
    text = unicodedata.normalize("NFKC", user_text[: MAX_INPUT_LENGTH * 2])[:MAX_INPUT_LENGTH]
    words = [word[:MAX_WORD_LENGTH] for word in _words(text)][:MAX_WORDS]
    if not words:
        return None
    terms = [_quote(word) for word in words]
    if prefix:
        terms[-1] += "*"
    return " ".join(terms)
