"""Quotes: the best match for free text (optionally by one speaker), a random one, the next
match after a given one, and the quote of a given day.

Matching is FTS5 bm25 first; the few dozen best candidates are then re-ranked with rapidfuzz,
so words that appear together and in order (`scaling laws`) beat words scattered apart.
When nothing matches as typed, the last word is taken as a prefix, then misspelt words are
respelled from the index's vocabulary, then quotes matching any of the words are ranked.
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Literal

from rapidfuzz import fuzz, utils

from bot.domain.records import Person
from bot.domain.text import shown as shown_text
from bot.queries.corpus import Corpus
from bot.queries.people import NAME_CUTOFF, close_people, resolve_person, speakers_of
from bot.queries.results import Problem, QuoteAnswer
from bot.queries.search import MIN_PREFIX, RANK_WINDOW, fold, query_words, respell
from bot.store.quotes_read import QuoteRow

CANDIDATES = 50  # re-ranked per request; also the most "next match" can reach
MAX_ANY_WORDS = 6  # words tried one by one in the last resort, rarest first
LEXICAL_WEIGHT = 0.5  # bm25 (relative to the best candidate) vs rapidfuzz, both 0..100
QUESTION_WEIGHT = 0.8  # a match in the question counts a little less than in the quote
FUZZ_CHARS = 1000
MAX_SHOWN = 60  # characters of the user's text repeated in a message


def _blank(text: str | None) -> bool:
    """No text at all: nothing but spaces and invisible format characters."""
    return text is None or all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


async def _matches(
    corpus: Corpus, words: list[str], speakers: Sequence[str] | None
) -> tuple[list[QuoteRow], list[str]]:
    """The candidates, best bm25 first, and the words that found them."""
    store = corpus.store
    text = " ".join(words)
    for prefix in (False, True)[: 2 if len(words[-1]) >= MIN_PREFIX else 1]:
        rows = await store.quote_matches(
            text, speakers=speakers, limit=CANDIDATES, window=RANK_WINDOW, prefix=prefix
        )
        if rows:
            return rows, words
    vocabulary = await store.vocabulary("quotes")
    fixed = respell(words, vocabulary)
    if fixed and fixed != [fold(word) for word in words]:
        rows = await store.quote_matches(
            " ".join(fixed), speakers=speakers, limit=CANDIDATES, window=RANK_WINDOW
        )
        if rows:
            return rows, fixed
    # Any of the words: bm25 of an OR query is the sum of each word's part, so sum them.
    found: dict[int, QuoteRow] = {}
    scores: dict[int, float] = {}
    for word in sorted(fixed, key=lambda w: (vocabulary.get(w, 0), w))[:MAX_ANY_WORDS]:
        for row in await store.quote_matches(
            word, speakers=speakers, limit=CANDIDATES, window=RANK_WINDOW
        ):
            found[row.id] = row
            scores[row.id] = scores.get(row.id, 0.0) + row.score
    best = sorted(found, key=lambda i: (scores[i], i))[:CANDIDATES]
    return [replace(found[i], score=scores[i]) for i in best], fixed


def _ranked(rows: list[QuoteRow], words: Sequence[str]) -> list[QuoteRow]:
    """Blend bm25 (as a share of the best candidate's) with rapidfuzz's partial match."""
    query = utils.default_process(" ".join(words))
    best = min((row.score for row in rows), default=0.0)

    def blended(row: QuoteRow) -> float:
        lexical = 100.0 * row.score / best if best < 0 else 0.0
        fuzzy = fuzz.partial_ratio(query, utils.default_process(row.text[:FUZZ_CHARS]))
        if row.question:
            asked = fuzz.partial_ratio(query, utils.default_process(row.question[:FUZZ_CHARS]))
            fuzzy = max(fuzzy, QUESTION_WEIGHT * asked)
        return LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * fuzzy

    scored = [(blended(row), row) for row in rows]
    return [row for _, row in sorted(scored, key=lambda pair: (-pair[0], pair[1].id))]


def _answer(
    corpus: Corpus,
    row: QuoteRow,
    how: Literal["match", "random", "daily"],
    *,
    query: str | None = None,
    speaker_filter: str | None = None,
    rank: int = 0,
    total: int = 1,
) -> QuoteAnswer:
    person = None if row.speaker is None else corpus.catalog.person(row.speaker)
    return QuoteAnswer(
        row.id,
        row.text,
        speaker=person.name if person is not None else row.speaker,
        speaker_as_written=row.speaker,
        question=row.question,
        citation=corpus.catalog.citation(row.file, row.heading),
        how=how,
        query=query,
        speaker_filter=speaker_filter,
        rank=rank,
        total=total,
    )


async def _pick(
    corpus: Corpus, start: int, speakers: Sequence[str] | None, attributed: bool
) -> QuoteRow | None:
    """The first quote from id `start` on that the filters keep, wrapping around at the end.

    Two index seeks, however large the corpus; ids are dense, so a uniform `start` gives a
    near-uniform quote (one after a run of quotes the filters drop is a little likelier)."""
    store = corpus.store
    found = await store.quote_id_from(start, speakers=speakers, attributed=attributed)
    if found is None:
        found = await store.quote_id_from(0, speakers=speakers, attributed=attributed)
    return None if found is None else await store.quote(found)


async def _speaker(corpus: Corpus, speaker: str) -> tuple[Person, tuple[str, ...]] | Problem:
    found = resolve_person(corpus.catalog, speaker)
    if isinstance(found, Problem):
        # A near name (`Zhou`) offers its people; anything else, the people who are quoted.
        if close_people(corpus.catalog, speaker, cutoff=NAME_CUTOFF):
            return found
        quoted = {corpus.catalog.person(s) for s in await corpus.store.quoted_speakers()}
        names = tuple(sorted(p.name for p in quoted if p is not None))
        return Problem(found.message, names)
    spellings = await speakers_of(corpus, found)
    if await corpus.store.quote_id_from(0, speakers=spellings) is None:
        return Problem(f"The corpus holds no quotes by {found.name}.")
    return found, spellings


async def find_quote(
    corpus: Corpus,
    query: str | None = None,
    speaker: str | None = None,
    *,
    rank: int = 0,
    rng: random.Random | None = None,
) -> QuoteAnswer | Problem:
    """The quote at `rank` (0 = best) among the matches for `query`, by `speaker` if given;
    a random quote when `query` is empty. Ask `rank + 1` for the next match."""
    person: Person | None = None
    speakers: tuple[str, ...] | None = None
    if speaker is not None and not _blank(speaker):
        resolved = await _speaker(corpus, speaker)
        if isinstance(resolved, Problem):
            return resolved
        person, speakers = resolved
    by = None if person is None else person.name
    if _blank(query):
        bounds = await corpus.store.quote_id_range()
        row = None
        if bounds is not None:
            row = await _pick(corpus, (rng or random.Random()).randint(*bounds), speakers, False)
        if row is None:
            return Problem("The corpus holds no quotes.")
        return _answer(corpus, row, "random", speaker_filter=by)
    words = query_words(query or "")
    shown = shown_text(query or "", MAX_SHOWN)
    if not words:
        return Problem(f"No words to match in “{shown}”: try a few words.")
    rows, used = await _matches(corpus, words, speakers)
    if not rows:
        return Problem(f"No quote matches “{shown}”.")
    rank = max(rank, 0)
    if rank >= len(rows):
        return Problem(f"No more matches for “{shown}”.")
    row = _ranked(rows, used)[rank]
    return _answer(corpus, row, "match", query=query, speaker_filter=by, rank=rank, total=len(rows))


async def quote_of_the_day(corpus: Corpus, day: date) -> QuoteAnswer | Problem:
    """An attributed quote chosen by the date alone: the same all day, everywhere."""
    bounds = await corpus.store.quote_id_range()
    row = None
    if bounds is not None:
        low, high = bounds
        digest = int(hashlib.sha256(day.isoformat().encode()).hexdigest()[:8], 16)
        row = await _pick(corpus, low + digest % (high - low + 1), None, True)
    if row is None:
        return Problem("The corpus holds no attributed quotes.")
    return _answer(corpus, row, "daily")
