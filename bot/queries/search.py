"""Search: passages for free text, best first, with a highlighted snippet and a citation.

Also home to what quotes share with search: splitting user text into words and respelling
words the index does not know (`scalling` -> `scaling`) from the index's own vocabulary.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.domain.text import words
from bot.queries.chinese import with_english
from bot.queries.corpus import Corpus
from bot.queries.hybrid import fuse_passages
from bot.queries.problem_wording import problem
from bot.queries.ranking import MARKS, collapse, excerpt, segments, typed_forms, weights
from bot.queries.results import Problem, SearchHit, SearchResults
from bot.store.search_read import RankedPassage

__all__ = [
    "closest_term",
    "fold",
    "query_words",
    "ranked",
    "respell",
    "search",
    "search_rows",
    "segments",
]

MAX_QUERY_CHARS = 1000
MAX_WORDS = 16
MAX_PER_PAGE = 25
SNIPPET_WORDS = 30
MIN_PREFIX = 3  # a shorter last word is not tried as a prefix: it would match too much
# Ranking reads bm25 for at most this many matches (in index order), so a word that matches
# most of a large corpus costs no more than a rarer one; below it, ranking is exact.
RANK_WINDOW = 200
# Any-word matching finds a long tail of passages holding one common word; those worth less
# than this share of the best are not shown.
RELEVANCE_FLOOR = 0.35


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


async def ranked(
    corpus: Corpus,
    text: str,
    *,
    prefix: bool = False,
    window: int = RANK_WINDOW,
    floor: float = RELEVANCE_FLOOR,
) -> list[RankedPassage]:
    """Passages holding any of the words of `text`, best first: bm25 weighed by how many of
    the words each holds, side by side or not, and by its kind; near-duplicates collapsed;
    those worth less than `floor` of the best left out."""
    rows = await corpus.store.ranked_passages(text, window=window, marks=MARKS, prefix=prefix)
    typed = typed_forms(text)
    each = weights(((row.marked, row.kind) for row in rows), typed)
    scored = {row.id: row.score * value for row, value in zip(rows, each, strict=True)}
    best = sorted(rows, key=lambda row: (scored[row.id], row.id))
    if best:  # bm25 is negative: the floor is a share of the best (most negative) score
        least = floor * scored[best[0].id]
        best = [row for row in best if scored[row.id] <= least]
    return collapse(best, lambda row: row.marked)


async def _matches(corpus: Corpus, words: list[str]) -> tuple[list[RankedPassage], str]:
    """The ranked passages and the text that found them: as typed, the last word as a
    prefix (`lightn`), or respelled from the index's vocabulary (`lightnin` -> `lightning`)."""
    text = " ".join(words)
    rows = await ranked(corpus, text)
    if not rows and len(words[-1]) >= MIN_PREFIX:  # the last word may be cut short
        rows = await ranked(corpus, text, prefix=True)
    if not rows:
        fixed = respell(words, await corpus.store.vocabulary("passages"))
        if fixed and fixed != [fold(word) for word in words]:
            text = " ".join(fixed)
            rows = await ranked(corpus, text)
    return rows, text


async def search_rows(corpus: Corpus, query: str) -> tuple[list[RankedPassage], str]:
    """What `search` ranks for `query`, all pages, and the text searched (see `search`);
    with the semantic extra, fused with the passages nearest the query as typed in meaning."""
    words = query_words(with_english(query, corpus.catalog))
    if not words:
        return [], ""
    rows, text = await _matches(corpus, words)
    return await fuse_passages(corpus, query[:MAX_QUERY_CHARS], rows), text


async def search(
    corpus: Corpus, query: str, *, page: int = 0, per_page: int = 5
) -> SearchResults | Problem:
    """Passages holding any of the words of `query`, ranked (see `ranked`), one page. When
    none match: the last word as a prefix, then the words respelled.

    `SearchResults.query` is the text searched: the respelled words when the typed ones
    matched nothing. A page past the end is the last page.
    """
    rows, text = await search_rows(corpus, query)
    if not text:
        return problem("problem.nothing_to_search")
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    if not rows:
        return SearchResults(text, (), 0, 0, 0)
    page_count = math.ceil(len(rows) / per_page)
    page = min(max(0, page), page_count - 1)
    hits = tuple(
        SearchHit(
            excerpt(row.marked, words=SNIPPET_WORDS),
            corpus.catalog.citation(row.file, row.heading, passage=row.id),
        )
        for row in rows[page * per_page : (page + 1) * per_page]
    )
    return SearchResults(text, hits, page, page_count, len(rows), more=len(rows) >= RANK_WINDOW)
