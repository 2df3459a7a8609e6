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
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Literal

from rapidfuzz import fuzz, utils

from bot.domain.records import Person
from bot.domain.text import shown as shown_text
from bot.queries.corpus import Corpus
from bot.queries.hybrid import fuse_quotes
from bot.queries.people import NAME_CUTOFF, close_people, resolve_person, speakers_of
from bot.queries.problem_wording import problem
from bot.queries.quote_query import read_quote_query
from bot.queries.ranking import MARKS, collapse, typed_forms, weights
from bot.queries.results import Problem, QuoteAnswer
from bot.queries.search import (
    MIN_PREFIX,
    RANK_WINDOW,
    closest_term,
    fold,
    respell,
)
from bot.store.quotes_read import QuoteRow

CANDIDATES = 50  # re-ranked per request; also the most "next match" can reach
LEXICAL_WEIGHT = 0.5  # bm25 (relative to the best candidate) vs rapidfuzz, both 0..100
QUESTION_WEIGHT = 0.8  # a match in the question counts a little less than in the quote
FUZZ_CHARS = 1000
MAX_SHOWN = 60  # characters of the user's text repeated in a message
PREFERRED = 10  # the best candidates a caller's preference re-orders


def _blank(text: str | None) -> bool:
    """No text at all: nothing but spaces and invisible format characters."""
    return text is None or all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


async def _ranked_rows(
    corpus: Corpus,
    text: str,
    speakers: Sequence[str] | None,
    *,
    prefix: bool = False,
    every: bool = False,
) -> list[QuoteRow]:
    """Quotes holding the words of `text` (stemmed; `every` word or any), bm25 weighed as
    search weighs it (how many of the words, side by side), near-duplicates collapsed."""
    found = await corpus.store.ranked_quotes(
        text, window=RANK_WINDOW, marks=MARKS, speakers=speakers, prefix=prefix, every=every
    )
    if not found:  # `_matches` tries its next way: no read of quotes for none
        return []
    typed = typed_forms(text)
    each = weights(((f"{q.marked} {q.marked_question}", "paragraph") for q in found), typed)
    scored = {q.id: q.score * value for q, value in zip(found, each, strict=True)}
    best = sorted(found, key=lambda q: (scored[q.id], q.id))
    best = collapse(best, lambda q: q.marked, limit=CANDIDATES)
    rows = await corpus.store.quotes_by_id([q.id for q in best])
    return [replace(rows[q.id], score=scored[q.id]) for q in best if q.id in rows]


async def _matches(
    corpus: Corpus, words: list[str], speakers: Sequence[str] | None, in_context: bool = True
) -> tuple[list[QuoteRow], list[str]]:
    """The candidates, best first, and the words that found them (`words` itself when every
    typed word did): quotes holding every word
    (stemmed: `collapse` finds "collapsed"), the last as a prefix; quotes whose passage or
    chapter holds them all; the words respelled from the index's vocabulary; when none holds
    them all, quotes holding any, ranked."""
    text = " ".join(words)
    for prefix in (False, True)[: 2 if len(words[-1]) >= MIN_PREFIX else 1]:
        rows = await _ranked_rows(corpus, text, speakers, prefix=prefix, every=True)
        if rows:
            return rows, words
    rows = []
    if in_context:
        rows = await corpus.store.quotes_in_context(
            text, limit=CANDIDATES, window=RANK_WINDOW, speakers=speakers
        )
    if rows:  # said where every word stands (its passage, its chapter): a nearer match
        return rows, words  # than a quote holding some of them
    fixed = respell(words, await corpus.store.vocabulary("quotes"))
    if fixed and fixed != [fold(word) for word in words]:
        rows = await _ranked_rows(corpus, " ".join(fixed), speakers, every=True)
        if rows:
            return rows, fixed
    for tried in (list(words), fixed):
        rows = await _ranked_rows(corpus, " ".join(tried), speakers) if tried else []
        if rows:
            return rows, tried
    return [], []


async def _only_in_passages(corpus: Corpus, words: Sequence[str]) -> list[str]:
    """The words no quote holds, nor a near spelling of them, when passages hold every one
    of them: a quote for the other words alone would answer something else (`10T model` is
    not `model`). Words nothing holds (typing noise) leave the others to answer."""
    quoted = await corpus.store.vocabulary("quotes")
    passages = await corpus.store.vocabulary("passages")
    missing = [word for word in words if closest_term(word, quoted) is None]
    return missing if all(fold(word) in passages for word in missing) else []


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
        citation=corpus.catalog.citation(row.file, row.heading, said=row.text),
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
        return replace(found, suggestions=names)
    spellings = await speakers_of(corpus, found)
    if await corpus.store.quote_id_from(0, speakers=spellings) is None:
        return problem("problem.no_quotes_by", name=found.name)
    return found, spellings


async def find_quote(
    corpus: Corpus,
    query: str | None = None,
    speaker: str | None = None,
    *,
    rank: int = 0,
    rng: random.Random | None = None,
    by_meaning: bool = True,
    in_context: bool = True,
    prefer: Callable[[str, str], tuple[int, ...]] | None = None,
) -> QuoteAnswer | Problem:
    """The quote at `rank` (0 = best) among the matches for `query`, by `speaker` if given;
    a random quote when `query` is empty. Ask `rank + 1` for the next match. With the
    semantic extra the matches are re-ranked by meaning too, unless `by_meaning` is False;
    `in_context` False: never by the words around a quote alone (/ask wants them said);
    `prefer` (of a quote and the question it answers, highest first) re-orders the best few."""
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
            return problem("problem.no_quotes")
        return _answer(corpus, row, "random", speaker_filter=by)
    reading = read_quote_query(corpus.catalog, query or "")
    words = reading.words
    if person is None and reading.person is not None:  # `what did Yan say about AGI`
        spellings = await speakers_of(corpus, reading.person)
        if await corpus.store.quote_id_from(0, speakers=spellings) is not None:
            person, speakers, by = reading.person, spellings, reading.person.name
    shown = shown_text(query or "", MAX_SHOWN)
    if not words:
        return problem("problem.no_words", query=shown)
    rows, used = await _matches(corpus, words, speakers, in_context)
    unquoted = [] if used is words else await _only_in_passages(corpus, words)
    if unquoted:
        said = shown_text(" ".join(unquoted), MAX_SHOWN)
        return problem("problem.only_in_passages", said=said, query=shown)
    if not rows:
        return problem("problem.no_quote_match", query=shown)
    rank = max(rank, 0)
    if rank >= len(rows):
        return problem("problem.no_more_matches", query=shown)
    best = _ranked(rows, used)
    if by_meaning:
        best = await fuse_quotes(corpus, (query or "")[:FUZZ_CHARS], best)
    if prefer is not None:  # a stable sort: the ranking's order among equals
        head = sorted(
            best[:PREFERRED], key=lambda r: prefer(r.text, r.question or ""), reverse=True
        )
        best = head + best[PREFERRED:]
    row = best[rank]
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
        return problem("problem.no_attributed_quotes")
    return _answer(corpus, row, "daily")
