"""The timeline over the real seeds: by year, range and words, in date order, paginated."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.domain.records import FuzzyDate, Precision
from bot.queries.corpus import Corpus
from bot.queries.results import Problem, Timeline, TimelineEntry
from bot.queries.timeline import query_words, timeline
from bot.store import CorpusStore


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    corpus = await Corpus.load(await CorpusStore.open(indexed_seeds_db))
    yield corpus
    await corpus.close()


async def answer(
    corpus: Corpus, year: int | None = None, query: str | None = None, **options: Any
) -> Timeline:
    result = await timeline(corpus, year, query, **options)
    assert isinstance(result, Timeline), result
    return result


async def everything(
    corpus: Corpus, year: int | None = None, query: str | None = None
) -> list[TimelineEntry]:
    """Every entry, page after page."""
    entries: list[TimelineEntry] = []
    first = await answer(corpus, year, query, per_page=50)
    for page in range(first.page_count):
        entries += (await answer(corpus, year, query, page=page, per_page=50)).entries
    assert len(entries) == first.total
    return entries


def texts(entries: tuple[TimelineEntry, ...] | list[TimelineEntry]) -> list[str]:
    return [e.text for e in entries]


def find(entries: list[TimelineEntry], start: str) -> TimelineEntry:
    found = [e for e in entries if e.text.startswith(start)]
    assert len(found) == 1, (start, texts(entries))
    return found[0]


def in_date_order(entries: list[TimelineEntry]) -> bool:
    keys = [(e.when.start, e.when.end) for e in entries]
    return keys == sorted(keys)


def main_then_the_rest(entries: list[TimelineEntry]) -> tuple[list[TimelineEntry], ...]:
    """A year's page: its main happenings (founding, funding, releases dated to the month)
    first, then the others, each part in date order."""
    main = [e for e in entries if e.kind in ("founding", "funding") or _major(e)]
    assert entries[: len(main)] == main
    return main, entries[len(main) :]


def _major(entry: TimelineEntry) -> bool:
    fine = (Precision.DAY, Precision.MONTH)
    return entry.kind == "release" and any(t.when.precision in fine for t in entry.tellings)


def evidence(entry: TimelineEntry) -> str:
    return " ".join(t.citation.evidence or "" for t in entry.tellings)


async def test_2025_main_happenings_first_each_in_date_order_with_its_releases(
    corpus: Corpus,
) -> None:
    entries = await everything(corpus, 2025)
    main, rest = main_then_the_rest(entries)
    assert main and rest and in_date_order(main) and in_date_order(rest)
    m2 = find(entries, "MiniMax-M2 released")
    assert (m2.when, m2.subject, m2.kind) == (FuzzyDate.month(2025, 10), "MiniMax-M2", "release")
    assert m2.citation.source.file.startswith("003_")
    assert m2.citation.heading is not None and "Release Timeline" in m2.citation.heading
    # cited by its table row, not the bare date (issue 14 item 3)
    assert m2.citation.evidence is not None
    assert m2.citation.evidence.startswith("| **Oct 2025** | **MiniMax-M2** |")
    # one happening, told by the table row and by the heading of its specification
    assert [t.when for t in m2.tellings] == [FuzzyDate.month(2025, 10)] * 2
    m1 = find(entries, "MiniMax-M1 (M1-40K and M1-80K) is released")
    assert m1.when == FuzzyDate.month(2025, 6)
    for name in ("MiniMax-M1-40K", "MiniMax-M1-80K"):
        assert name in evidence(m1)
    for entry in entries:
        assert any(t.when.overlaps(FuzzyDate.year(2025)) for t in entry.tellings)


async def test_a_finer_date_comes_before_a_coarser_one_with_the_same_start(
    corpus: Corpus,
) -> None:
    entries = await everything(corpus, 2025)
    january = [i for i, e in enumerate(entries) if e.when.precision is Precision.MONTH]
    whole_year = [i for i, e in enumerate(entries) if e.when.precision is Precision.YEAR]
    assert entries[january[0]].when.start == entries[whole_year[0]].when.start
    assert january[0] < whole_year[0]


async def test_2021_has_one_founding_with_each_sources_date_at_its_precision(
    corpus: Corpus,
) -> None:
    entries = await everything(corpus, 2021)
    main, rest = main_then_the_rest(entries)
    assert in_date_order(main) and in_date_order(rest)
    founding = find(entries, "MiniMax is founded")  # once, not once per source (issue 14)
    assert founding.kind == "founding" and not founding.differ
    dates = {(t.file[:3], t.when) for t in founding.tellings}
    assert ("001", FuzzyDate.part_of_year(2021, "end")) in dates
    assert ("002", FuzzyDate.part_of_year(2021, "late")) in dates
    assert ("003", FuzzyDate.month(2021, 12)) in dates  # never shown as a day
    assert founding.when == FuzzyDate.month(2021, 12)  # the finest first
    told = evidence(founding)
    assert "MiniMax was founded at the end of 2021." in told
    assert "Yanjunjie founded MiniMax in late 2021" in told


async def test_a_range_over_two_years_shows_under_both(corpus: Corpus) -> None:
    for year in (2021, 2022):
        backing = find(await everything(corpus, year), "Early backing from MiHoYo")
        spans = {(t.when.start, t.when.end) for t in backing.tellings}
        assert (date(2021, 1, 1), date(2022, 12, 31)) in spans  # the table's `2021-2022`
        assert (date(2021, 12, 1), date(2022, 12, 31)) in spans  # Phase 1 (Dec 2021 - 2022)
    assert "Early backing" not in " ".join(texts(await everything(corpus, 2023)))


async def test_words_find_glow(corpus: Corpus) -> None:
    result = await answer(corpus, None, "Glow")
    told = " ".join(evidence(e) for e in result.entries)
    assert "Its first product, Glow, launched in October 2022" in told
    assert result.query == "Glow"
    for query in ("glow", "GLOW", "  glow  ", "ＧＬＯＷ", "gl\u200bow"):
        assert (await answer(corpus, None, query)).entries == result.entries, query


async def test_words_in_any_order_all_of_them(corpus: Corpus) -> None:
    one = await answer(corpus, None, "M1 released")
    other = await answer(corpus, None, "released, M1")
    assert one.entries and one.entries == other.entries
    for entry in one.entries:
        told = f"{entry.text} {evidence(entry)}".lower()
        assert "m1" in told and "released" in told
    assert len(one.entries) < len((await answer(corpus, None, "M1")).entries)


async def test_words_match_the_subject(corpus: Corpus) -> None:
    result = await answer(corpus, None, "Wei Tenure")  # `Wei Wei` is in the subject
    assert [(e.subject, e.kind, e.when.iso()) for e in result.entries] == [
        ("Wei Wei", "hire", "late 2023"),
        ("Wei Wei", "departure", "2024"),
    ]


async def test_phases_come_in_date_order_not_document_order(corpus: Corpus) -> None:
    result = await answer(corpus, None, "Phase", per_page=50)
    order = texts(result.entries)
    # Phase 4 (March 2024, the Series B) comes before Phase 3 (April 2024, abab 6.5)
    assert order.index("Series B: $600M led by Alibaba") < order.index(
        "The abab 6.5 series is released (003: the first MoE-based model)"
    )
    assert [(e.when.start, e.when.end) for e in result.entries] == sorted(
        (min(t.when.start for t in e.tellings), e.when.end) for e in result.entries
    ) or in_date_order(list(result.entries))


async def test_year_and_words_together(corpus: Corpus) -> None:
    entries = await everything(corpus, 2025, "M1")
    assert entries and all("m1" in e.text.lower() for e in entries)
    assert all(e.when.overlaps(FuzzyDate.year(2025)) for e in entries)
    problem = await timeline(corpus, 2019, "Glow")
    # Glow's launch is 2022's; STARFIELD's and Hailuo AI's, which its sentence orders after it
    # ("followed by"), may be any year up to the republication (2024)
    assert problem == Problem("No events in 2019 match “Glow”.", ("2022", "2023", "2024"))


async def test_date_range(corpus: Corpus) -> None:
    result = await answer(corpus, start=date(2024, 3, 1), end=date(2024, 3, 31), per_page=50)
    assert "Series B: $600M led by Alibaba" in texts(result.entries)
    march = FuzzyDate.month(2024, 3)
    assert all(any(t.when.overlaps(march) for t in e.tellings) for e in result.entries)
    assert "Phase 3" not in " ".join(evidence(e) for e in result.entries if e.kind != "release")
    whole = await everything(corpus)
    later = await answer(corpus, start=date(2026, 1, 1), per_page=50)
    assert list(later.entries) == [
        e for e in whole if any(t.when.end >= date(2026, 1, 1) for t in e.tellings)
    ]
    backwards = await timeline(corpus, start=date(2024, 3, 31), end=date(2024, 3, 1))
    assert isinstance(backwards, Problem) and "before it starts" in backwards.message


async def test_pagination(corpus: Corpus) -> None:
    whole = await everything(corpus, 2025)
    first = await answer(corpus, 2025, per_page=5)
    assert (first.page, first.total, first.page_count) == (0, len(whole), -(-len(whole) // 5))
    pages = [await answer(corpus, 2025, page=p, per_page=5) for p in range(first.page_count)]
    assert [e for page in pages for e in page.entries] == whole
    assert all(len(page.entries) == 5 for page in pages[:-1])
    assert 1 <= len((last := pages[-1]).entries) <= 5
    beyond = await answer(corpus, 2025, page=first.page_count + 10, per_page=5)
    assert beyond == last and beyond.page == first.page_count - 1
    assert await answer(corpus, 2025, page=-3, per_page=5) == first
    assert len((await answer(corpus, 2025, per_page=0)).entries) == 1
    assert await answer(corpus, 2024, per_page=7, page=1) == await answer(
        corpus, 2024, per_page=7, page=1
    )  # deterministic


@pytest.mark.parametrize("year", [1800, 0, -5, 99999, 2030])
async def test_a_year_without_events_is_a_problem_with_the_years_that_have_some(
    corpus: Corpus, year: int
) -> None:
    problem = await timeline(corpus, year)
    assert isinstance(problem, Problem)
    assert problem.message == f"No events in {year}."
    assert {"2021", "2024", "2025", "2026"} <= set(problem.suggestions)
    assert list(problem.suggestions) == sorted(problem.suggestions, key=int)


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE events;--",
        "%",
        "_",
        '"',
        "' OR 1=1 --",
        'Glow" OR "x',
        "🚀",
        "🚀 Glow",
        "x" * 500,
        "Glow " * 100,
        "\u200b\u200b",
        "NEAR(Glow launched)",
        "Glow*",
    ],
)
async def test_hostile_text_answers_cleanly(corpus: Corpus, query: str) -> None:
    before = await corpus.store.counts()
    result = await timeline(corpus, None, query)
    if isinstance(result, Problem):
        assert result.message.startswith("No events match “")
        assert len(result.message) < 100
    else:
        for entry in result.entries:  # matched literally: `%` and `_` are no wildcards
            haystack = f"{entry.text} {entry.subject or ''} {evidence(entry)}".lower()
            assert all(word in haystack for word in query_words(query))
    assert await corpus.store.counts() == before


async def test_percent_is_literal_and_blank_text_no_filter(corpus: Corpus) -> None:
    result = await answer(corpus, None, "%", per_page=50)
    assert 0 < result.total < (await answer(corpus)).total
    assert all("%" in evidence(e) for e in result.entries)
    assert await answer(corpus, 2025, "  \u200b ") == await answer(corpus, 2025)


async def test_every_citation_is_verbatim_in_its_document(corpus: Corpus) -> None:
    for entry in await everything(corpus):
        document = await corpus.store.document_text(entry.citation.source.file)
        assert document is not None and entry.citation.evidence is not None
        assert entry.citation.evidence in document


async def test_a_statement_repeated_in_one_document_shows_once(
    indexed_seeds_db: Path, tmp_path: Path
) -> None:
    copy = Path(shutil.copy(indexed_seeds_db, tmp_path / "copy.db"))
    with sqlite3.connect(copy) as conn:  # the same event again, from the same document
        conn.execute(
            "INSERT INTO events (document_id, passage_id, start, end, precision, part, text,"
            " evidence, subject, subject_key, curated) SELECT document_id, passage_id, start,"
            " end, precision, part, text, evidence, subject, subject_key, curated FROM events"
            " WHERE text LIKE 'MiniMax-M2 released%'"
        )
    corpus = await Corpus.load(await CorpusStore.open(copy))
    try:
        entries = await everything(corpus, 2025)
        find(entries, "MiniMax-M2 released")  # once
        assert len(find(entries, "MiniMax-M2 released").tellings) == 2  # the row, the heading
    finally:
        await corpus.close()


async def test_kind_keeps_one_kind_of_happening(corpus: Corpus) -> None:
    releases = await everything_of_kind(corpus, 2025, "release")
    assert releases and all(e.kind == "release" for e in releases)
    assert "MiniMax-M2 released" in texts(releases)
    funding = await answer(corpus, None, kind="funding", per_page=50)
    assert funding.kind == "funding" and funding.entries
    assert "Series B: $600M led by Alibaba" in texts(funding.entries)
    assert all(e.kind == "funding" for e in funding.entries)
    nothing = await timeline(corpus, 2014, kind="funding")
    assert isinstance(nothing, Problem) and nothing.message == "No funding events in 2014."
    assert "2024" in nothing.suggestions
    unknown = await timeline(corpus, 2025, kind="party")
    assert isinstance(unknown, Problem) and "release" in unknown.suggestions


async def everything_of_kind(corpus: Corpus, year: int, kind: str) -> list[TimelineEntry]:
    first = await answer(corpus, year, kind=kind, per_page=50)
    assert first.page_count == 1
    return list(first.entries)


async def test_relative_and_ambiguous_dates_keep_their_words(corpus: Corpus) -> None:
    [gpt4] = (await answer(corpus, None, "GPT-4 racing released")).entries
    [told] = gpt4.tellings
    assert (told.reading, told.words) == ("about a year before Apr 2024", "a year ago")
    assert told.when.precision is Precision.YEAR  # a year at most, never a month
    [may] = (await answer(corpus, None, "running M1")).entries
    assert may.tellings[0].reading == "May 2026 or May 2025 (ambiguous)"
    assert {2025, 2026} <= {y for y in range(2020, 2030) if may.when.overlaps(FuzzyDate.year(y))}


async def test_where_sources_date_a_happening_differently_the_entry_says_so(
    corpus: Corpus,
) -> None:
    [moe] = (await answer(corpus, None, "MoE compute R&D")).entries
    assert moe.differ
    assert {t.file[:3] for t in moe.tellings} == {"001", "003"}
    founding = find(await everything(corpus, 2021), "MiniMax is founded")
    assert not founding.differ  # Dec 2021, the end of 2021 and late 2021 agree
