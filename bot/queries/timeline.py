"""The timeline: dated events by year, by date range and by words, in date order, paginated.

Decisions:
- A year (or a range) shows every event whose dates *overlap* it: `late 2021` and
  `December 2021` under 2021, a `2021-2022` range under both 2021 and 2022. Each entry keeps
  its own precision, so a month-precise event is never shown as a day.
- Date order: by start, then by end (for the same start, the finer date first: `Jan 2025`
  before `2025`), then precision, document and position in it.
- A document that states the same thing with the same dates twice yields one entry.
- Words match anywhere in the event's text or subject (`M1` finds `MiniMax-M1-40K`), all of
  them, in any order; ASCII letters case-blind. Only the first `MAX_WORDS` distinct words count.
- A page past the end shows the last page; `per_page` is kept within 1..`MAX_PER_PAGE`.
- Nothing to show is a `Problem` that says what was asked, with the years that do have events
  (for the words asked, if any) as suggestions.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from bot.domain.records import FuzzyDate, Precision
from bot.domain.text import shorten
from bot.queries.corpus import Corpus
from bot.queries.results import Problem, Timeline, TimelineEntry
from bot.store.timeline_read import EventRow

MAX_WORDS = 16
MAX_PER_PAGE = 50
MAX_SHOWN = 60  # characters of the user's text repeated in a message
MAX_SUGGESTIONS = 25
_EDGE_PUNCTUATION = "\"'`.,;:!?()[]{}<>“”‘’«»…—–"
_MIN_DAY, _MAX_DAY = date.min.isoformat(), date.max.isoformat()


def entry(corpus: Corpus, row: EventRow) -> TimelineEntry:
    """A stored event as an answer shows it, with its citation."""
    when = FuzzyDate(
        start=date.fromisoformat(row.start),
        end=date.fromisoformat(row.end),
        precision=Precision(row.precision),
        part=row.part,
    )
    citation = corpus.catalog.citation(row.file, row.heading, row.evidence)
    return TimelineEntry(when, row.text, row.subject, citation)


def _ascii_lower(text: str) -> str:
    # SQLite's lower() folds ASCII letters only; fold the words the same way.
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def clean_query(query: str | None) -> str | None:
    """The query as shown back: spaces collapsed, invisible characters gone; None if blank."""
    if query is None:
        return None
    visible = "".join(ch for ch in query if unicodedata.category(ch) != "Cf")
    flat = " ".join(unicodedata.normalize("NFKC", visible).split())
    return flat or None


def query_words(query: str | None) -> list[str]:
    """The distinct words to look for, folded as the store compares them."""
    words: list[str] = []
    for raw in (clean_query(query) or "").split():
        word = raw.strip(_EDGE_PUNCTUATION) or raw  # keep `%` or `"` as asked
        folded = _ascii_lower(word)
        if folded not in words:
            words.append(folded)
    return words[:MAX_WORDS]


def _window(year: int | None, start: date | None, end: date | None) -> tuple[str, str] | None:
    """The ISO bounds events must overlap; None when no date can fall within them."""
    first, last = _MIN_DAY, _MAX_DAY
    if year is not None:
        if not date.min.year <= year <= date.max.year:
            return None
        first, last = date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    if start is not None:
        first = max(first, start.isoformat())
    if end is not None:
        last = min(last, end.isoformat())
    return (first, last) if first <= last else None


async def event_years(corpus: Corpus, words: list[str] | None = None) -> list[int]:
    """Every year some event (holding every word) overlaps, in order."""
    years: set[int] = set()
    for first, last in await corpus.store.event_year_spans(words=words or ()):
        years.update(range(first, last + 1))
    return sorted(years)


async def _nothing(
    corpus: Corpus,
    year: int | None,
    start: date | None,
    end: date | None,
    query: str | None,
    words: list[str],
) -> Problem:
    asked = "No events"
    if year is not None:
        asked += f" in {year}"
    if start is not None and end is not None:
        asked += f" between {start.isoformat()} and {end.isoformat()}"
    elif start is not None:
        asked += f" from {start.isoformat()} on"
    elif end is not None:
        asked += f" up to {end.isoformat()}"
    if query is not None:
        asked += f" match “{shorten(query, MAX_SHOWN)}”"
    years = await event_years(corpus, words)
    if year is not None:  # the nearest years first, then back in order
        years = sorted(sorted(years, key=lambda y: (abs(y - year), y))[:MAX_SUGGESTIONS])
    return Problem(asked + ".", tuple(str(y) for y in years[-MAX_SUGGESTIONS:]))


async def timeline(
    corpus: Corpus,
    year: int | None = None,
    query: str | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    page: int = 0,
    per_page: int = 10,
) -> Timeline | Problem:
    """One page of the events of `year` and/or `start`..`end` holding the words of `query`."""
    if start is not None and end is not None and end < start:
        return Problem(
            f"The range ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )
    shown = clean_query(query)
    words = query_words(shown)
    window = _window(year, start, end)
    if window is None:
        return await _nothing(corpus, year, start, end, shown, words)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    page = max(page, 0)
    first, last = window
    store = corpus.store
    rows, total = await store.timeline_page(
        first=first, last=last, words=words, limit=per_page, offset=page * per_page
    )
    if not rows:  # nothing at all, or a page past the end
        total = await store.timeline_count(first=first, last=last, words=words)
        if total == 0:
            return await _nothing(corpus, year, start, end, shown, words)
        page = (total - 1) // per_page
        rows, total = await store.timeline_page(
            first=first, last=last, words=words, limit=per_page, offset=page * per_page
        )
    page_count = -(-total // per_page)
    entries = tuple(entry(corpus, row) for row in rows)
    return Timeline(entries, page, page_count, total, year=year, query=shown)
