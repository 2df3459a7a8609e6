"""The timeline: happenings by year, by date range, by kind and by words, paginated.

Decisions:
- An entry is a happening (a founding, a round, a release ...), merged across sources: each
  source's date is kept at its own precision, side by side, so a month is never shown as a day
  and `late 2021` (002) stands beside `Dec 2021` (003). At most `TELLINGS` are shown.
- A year (or a range) shows every happening whose dates *overlap* it: `late 2021` and
  `December 2021` under 2021, a `2021-2022` range under both 2021 and 2022.
- A year's pages show its main happenings first (founding, funding, major releases), each
  group in date order; a range, or words, in date order alone. Date order: by start, then by
  end (the finer date first: `Jan 2025` before `2025`).
- `kind` keeps one kind of happening (`release`, `funding`, ...).
- Words match anywhere in the happening's title, subject or its sources' sentences (`M1` finds
  `MiniMax-M1-40K`), all of them, in any order; ASCII letters case-blind. Only the first
  `MAX_WORDS` distinct words count.
- A page past the end shows the last page; `per_page` is kept within 1..`MAX_PER_PAGE`.
- Nothing to show is a `Problem` that says what was asked, with the years that do have events
  (for the words asked, if any) as suggestions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date

from bot.domain.records import EventKind, FuzzyDate, Precision
from bot.domain.text import shorten
from bot.domain.wording import Wording
from bot.queries.corpus import Corpus
from bot.queries.problem_wording import problem
from bot.queries.results import DatedTelling, Problem, Timeline, TimelineEntry
from bot.store.timeline_read import EventRow

MAX_WORDS = 16
MAX_PER_PAGE = 50
MAX_SHOWN = 60  # characters of the user's text repeated in a message
MAX_SUGGESTIONS = 25
TELLINGS = 6  # sources shown per happening
KINDS = tuple(kind.value for kind in EventKind)
_EDGE_PUNCTUATION = "\"'`.,;:!?()[]{}<>“”‘’«»…—–"
_MIN_DAY, _MAX_DAY = date.min.isoformat(), date.max.isoformat()


def _when(row: EventRow) -> FuzzyDate:
    return FuzzyDate(
        start=date.fromisoformat(row.start),
        end=date.fromisoformat(row.end),
        precision=Precision(row.precision),
        part=row.part,
    )


def telling(corpus: Corpus, row: EventRow) -> DatedTelling:
    """One source's date of a happening, cited by its sentence or table row."""
    citation = corpus.catalog.citation(row.file, row.heading, row.sentence or row.evidence)
    return DatedTelling(_when(row), row.file, row.evidence, row.reading, citation)


def entry(corpus: Corpus, row: EventRow) -> TimelineEntry:
    """A stored telling as an answer shows it: its happening, with this one date."""
    return entries(corpus, [row])[0]


def entries(corpus: Corpus, rows: Sequence[EventRow]) -> list[TimelineEntry]:
    """One entry per happening, its tellings side by side, in the order the rows come."""
    grouped: dict[int, list[EventRow]] = {}
    for row in rows:
        grouped.setdefault(row.happening, []).append(row)
    found = []
    for tellings in grouped.values():
        first = tellings[0]
        dated = tuple(telling(corpus, row) for row in tellings)
        # Under the finest date; where the sources differ, under the earliest.
        shown = min(dated, key=lambda t: t.when.start) if first.differ else dated[0]
        found.append(
            TimelineEntry(
                when=shown.when,
                text=first.title or first.sentence,
                subject=first.subject,
                citation=shown.citation,
                kind=first.kind,
                tellings=dated,
                differ=first.differ,
                more=max(first.tellings - len(dated), 0),
            )
        )
    return found


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


async def event_years(
    corpus: Corpus, words: list[str] | None = None, kind: str | None = None
) -> list[int]:
    """Every year some happening (of `kind`, holding every word) overlaps, in order."""
    return await corpus.store.event_years(words=words or (), kind=kind)


async def _nothing(
    corpus: Corpus,
    year: int | None,
    start: date | None,
    end: date | None,
    query: str | None,
    words: list[str],
    kind: str | None = None,
) -> Problem:
    window: Wording | str = ""
    if start is not None and end is not None:
        window = Wording.of("problem.between", start=start.isoformat(), end=end.isoformat())
    elif start is not None:
        window = Wording.of("problem.from", start=start.isoformat())
    elif end is not None:
        window = Wording.of("problem.up_to", end=end.isoformat())
    asked = {
        "kind": Wording.of(f"event.{kind}") if kind else "",
        "year": "" if year is None else Wording.of("problem.in_year", year=year),
        "window": window,
        "match": ""
        if query is None
        else Wording.of("problem.matching", query=shorten(query, MAX_SHOWN)),
    }
    years = await event_years(corpus, words, kind)
    if year is not None:  # the nearest years first, then back in order
        years = sorted(sorted(years, key=lambda y: (abs(y - year), y))[:MAX_SUGGESTIONS])
    return problem("problem.no_events", tuple(str(y) for y in years[-MAX_SUGGESTIONS:]), **asked)


async def timeline(
    corpus: Corpus,
    year: int | None = None,
    query: str | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    page: int = 0,
    per_page: int = 10,
    kind: str | None = None,
) -> Timeline | Problem:
    """One page of the happenings of `year` and/or `start`..`end` of `kind` holding the words
    of `query`."""
    if kind is not None and kind not in KINDS:
        return problem("problem.no_event_kind", KINDS, kind=shorten(kind, MAX_SHOWN))
    if start is not None and end is not None and end < start:
        return problem("problem.backwards_range", end=end.isoformat(), start=start.isoformat())
    shown = clean_query(query)
    words = query_words(shown)
    window = _window(year, start, end)
    if window is None:
        return await _nothing(corpus, year, start, end, shown, words, kind)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    page = max(page, 0)
    first, last = window
    store = corpus.store
    main_first = year is not None and start is None and end is None and not words

    async def read(at: int) -> tuple[list[EventRow], int]:
        return await store.timeline_page(
            first=first,
            last=last,
            words=words,
            kind=kind,
            limit=per_page,
            offset=at * per_page,
            main_first=main_first,
            tellings=TELLINGS,
        )

    rows, total = await read(page)
    if not rows:  # nothing at all, or a page past the end
        total = await store.timeline_count(first=first, last=last, words=words, kind=kind)
        if total == 0:
            return await _nothing(corpus, year, start, end, shown, words, kind)
        page = (total - 1) // per_page
        rows, total = await read(page)
    page_count = -(-total // per_page)
    shown_entries = tuple(entries(corpus, rows))
    return Timeline(shown_entries, page, page_count, total, year=year, query=shown, kind=kind)
