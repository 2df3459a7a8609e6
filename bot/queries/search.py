"""Search: passages for free text, best first, with a highlighted snippet and a citation.

Also home to what quotes share with search: splitting user text into words and respelling
words the index does not know (`scalling` -> `scaling`) from the index's own vocabulary.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.domain.text import words
from bot.queries.corpus import Corpus
from bot.queries.results import Problem, SearchHit, SearchResults, Segment
from bot.store.quotes_read import SnippetRow

MAX_QUERY_CHARS = 1000
MAX_WORDS = 16
MAX_PER_PAGE = 25
SNIPPET_TOKENS = 30
MIN_PREFIX = 3  # a shorter last word is not tried as a prefix: it would match too much
# Ranking reads bm25 for at most this many matches (in index order), so a word that matches
# most of a large corpus costs no more than a rarer one; below it, ranking is exact.
RANK_WINDOW = 200
_OPEN, _CLOSE, _ELLIPSIS = "\ue000", "\ue001", "…"
_MARKS = re.compile(f"({_OPEN}|{_CLOSE})")
_SPACES = re.compile(r"\s+")


def query_words(text: str) -> list[str]:
    """The first words of user text, as FTS5 splits them (see `bot.domain.text.words`)."""
    return words(text[:MAX_QUERY_CHARS])[:MAX_WORDS]


def fold(word: str) -> str:
    """A word as the FTS tokenizer stores it: lower case, without diacritics."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _edit_budget(word: str) -> int:
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2 if len(word) <= 11 else 3


def closest_term(word: str, vocabulary: Mapping[str, int]) -> str | None:
    """The index term nearest `word` within a few typing slips, the most frequent on a tie."""
    folded = fold(word)
    if folded in vocabulary:
        return folded
    budget = _edit_budget(folded)
    if budget == 0:
        return None
    near = process.extract(
        folded, list(vocabulary), scorer=OSA.distance, score_cutoff=budget, limit=None
    )
    if not near:
        return None
    return min(near, key=lambda hit: (hit[1], -vocabulary[hit[0]], hit[0]))[0]


def respell(words: Sequence[str], vocabulary: Mapping[str, int]) -> list[str]:
    """`words` with unknown ones replaced by the nearest known term, hopeless ones dropped."""
    found = (closest_term(word, vocabulary) for word in words)
    return list(dict.fromkeys(term for term in found if term is not None))


def segments(snippet: str) -> tuple[Segment, ...]:
    """Split an FTS5 snippet at its private-use markers into plain and highlighted runs."""
    pieces: list[Segment] = []
    highlight = False
    for piece in _MARKS.split(snippet):
        if piece in (_OPEN, _CLOSE):
            highlight = piece == _OPEN
            continue
        text = _SPACES.sub(" ", piece)
        if text:
            pieces.append(Segment(text, highlight))
    if pieces:
        pieces[0] = Segment(pieces[0].text.lstrip(), pieces[0].highlight)
        pieces[-1] = Segment(pieces[-1].text.rstrip(), pieces[-1].highlight)
    return tuple(piece for piece in pieces if piece.text)


async def _page(
    corpus: Corpus, text: str, page: int, per_page: int, *, prefix: bool = False
) -> tuple[list[SnippetRow], int, int]:
    """The hits of page `page` (the last page when past the end), the total, the page."""
    store = corpus.store

    async def fetch(page: int) -> tuple[list[SnippetRow], int]:
        return await store.passage_search(
            text,
            limit=per_page,
            offset=page * per_page,
            window=RANK_WINDOW,
            marks=(_OPEN, _CLOSE, _ELLIPSIS),
            tokens=SNIPPET_TOKENS,
            prefix=prefix,
        )

    rows, total = await fetch(page)
    if not rows:  # nothing matches, or the page is past the end
        total = await store.passage_match_count(text, prefix=prefix, cap=RANK_WINDOW + 1)
        last = max(0, math.ceil(min(total, RANK_WINDOW) / per_page) - 1)
        if total and last < page:
            page = last
            rows, total = await fetch(page)
    return rows, total, page


async def search(
    corpus: Corpus, query: str, *, page: int = 0, per_page: int = 5
) -> SearchResults | Problem:
    """Passages matching every word of `query`, one page. When none match: the last word
    as a prefix (`lightn`), then the words respelled from the index's vocabulary.

    `SearchResults.query` is the text searched: the respelled words when the typed ones
    matched nothing. A page past the end is the last page.
    """
    words = query_words(query)
    if not words:
        return Problem("Nothing to search for: type a few words.")
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(0, page)
    text = " ".join(words)
    rows, total, page = await _page(corpus, text, page, per_page)
    if total == 0 and len(words[-1]) >= MIN_PREFIX:  # the last word may be cut short
        rows, total, page = await _page(corpus, text, page, per_page, prefix=True)
    if total == 0:
        fixed = respell(words, await corpus.store.vocabulary("passages"))
        if fixed and fixed != [fold(word) for word in words]:
            text = " ".join(fixed)
            rows, total, page = await _page(corpus, text, page, per_page)
    if total == 0:
        return SearchResults(" ".join(words), (), 0, 0, 0)
    hits = tuple(
        SearchHit(segments(row.snippet), corpus.catalog.citation(row.file, row.heading))
        for row in rows
    )
    page_count = math.ceil(min(total, RANK_WINDOW) / per_page)
    return SearchResults(
        text, hits, page, page_count, min(total, RANK_WINDOW), more=total > RANK_WINDOW
    )
