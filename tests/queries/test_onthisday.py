"""On this day over the real seeds: day-precise matches, then the month, then a quote."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.domain.records import Precision
from bot.queries.corpus import Corpus
from bot.queries.onthisday import month_days, on_this_day
from bot.queries.results import OnThisDay
from bot.store import CorpusStore


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    corpus = await Corpus.load(await CorpusStore.open(indexed_seeds_db))
    yield corpus
    await corpus.close()


def outlets(answer: OnThisDay) -> list[str | None]:
    return [e.citation.source.outlet for e in answer.entries]


async def test_the_crossing_episode_on_june_21st(corpus: Corpus) -> None:
    answer = await on_this_day(corpus, date(2026, 6, 21))
    assert (answer.month, answer.day, answer.year, answer.fallback) == (6, 21, 2026, "none")
    assert answer.quote is None
    assert [e.text.split(" “")[0] for e in answer.entries] == ["Crossing publishes"]
    assert outlets(answer) == ["Crossing"]
    assert answer.entries[0].when.iso() == "2026-06-21"


async def test_the_latepost_interview_on_april_18th(corpus: Corpus) -> None:
    # Issue 14 item 4: April 18 is Yunqi Capital's republication; LatePost's own date is not given.
    answer = await on_this_day(corpus, date(2024, 4, 18))
    assert answer.fallback == "none"
    assert [e.text.split(" “")[0] for e in answer.entries] == [
        "Yunqi Capital republishes LatePost’s"
    ]
    # cited by its dateline line, not the bare date (issue 14 item 3)
    assert answer.entries[0].citation.evidence == "云启资本·April 18, 2024"


async def test_any_year_matches_the_month_day(corpus: Corpus) -> None:
    for year in (2020, 2025, 2027, 2100):
        answer = await on_this_day(corpus, date(year, 6, 21))
        assert (answer.year, answer.fallback, outlets(answer)) == (year, "none", ["Crossing"])


async def test_only_day_precise_events_match_a_day(corpus: Corpus) -> None:
    # Month-precise events start on the 1st (`Mar 2024`, `Jan 2025`); they never match it.
    for day in (date(2024, 3, 1), date(2025, 1, 1), date(2021, 12, 1)):
        answer = await on_this_day(corpus, day)
        assert answer.fallback == "month", day
    for day in (date(2026, 6, 21), date(2024, 4, 18)):
        answer = await on_this_day(corpus, day)
        assert all(e.when.precision is Precision.DAY for e in answer.entries)
        assert all(
            (e.when.start.month, e.when.start.day) == (day.month, day.day) for e in answer.entries
        )


async def test_nothing_that_day_falls_back_to_the_month(corpus: Corpus) -> None:
    answer = await on_this_day(corpus, date(2025, 10, 5))
    assert (answer.fallback, answer.quote) == ("month", None)
    texts = [e.text for e in answer.entries]
    assert any(t.startswith("MiniMax-M2 released") for t in texts)
    assert "Glow, MiniMax's first product, launches" in texts  # one entry per happening
    assert len(texts) == len(set(texts))
    for entry in answer.entries:
        assert entry.when.start.month == 10
        assert entry.when.precision in (Precision.DAY, Precision.MONTH)
    keys = [(e.when.start, e.when.end) for e in answer.entries]
    assert keys == sorted(keys)


async def test_the_month_fallback_leaves_out_seasons_and_years(corpus: Corpus) -> None:
    # June: `mid-2026` (a part of the year) and whole years overlap it, but are too coarse.
    answer = await on_this_day(corpus, date(2025, 6, 2))
    assert answer.fallback == "month"
    assert answer.entries
    assert {e.when.precision for e in answer.entries} <= {Precision.DAY, Precision.MONTH}
    assert "mid-2026" not in [e.citation.evidence for e in answer.entries]
    assert "Crossing publishes" in " ".join(e.text for e in answer.entries)


async def test_a_month_without_events_falls_back_to_the_quote_of_the_day(
    corpus: Corpus,
) -> None:
    from bot.queries.quotes import quote_of_the_day

    day = date(2030, 2, 10)
    answer = await on_this_day(corpus, day)
    assert (answer.fallback, answer.entries) == ("quote", ())
    expected = await quote_of_the_day(corpus, day)
    assert answer.quote == expected
    assert answer.quote is not None and answer.quote.how == "daily"


async def test_february_29th(corpus: Corpus) -> None:
    answer = await on_this_day(corpus, date(2024, 2, 29))
    assert (answer.month, answer.day, answer.year, answer.fallback) == (2, 29, 2024, "quote")
    assert answer == await on_this_day(corpus, date(2024, 2, 29))


def test_leap_day_events_show_on_february_28th_of_common_years() -> None:
    assert month_days(date(2025, 2, 28)) == ["02-28", "02-29"]
    assert month_days(date(2024, 2, 28)) == ["02-28"]
    assert month_days(date(2024, 2, 29)) == ["02-29"]
    assert month_days(date(2026, 6, 21)) == ["06-21"]


async def test_every_date_of_a_year_answers_deterministically(corpus: Corpus) -> None:
    seen = set()
    day = date(2024, 1, 1)
    while day.year == 2024:
        answer = await on_this_day(corpus, day)
        assert answer == await on_this_day(corpus, day)
        assert answer.entries or answer.fallback == "quote"
        if answer.fallback == "quote":
            assert answer.quote is not None
        seen.add(answer.fallback)
        day += timedelta(days=1)
    assert seen == {"none", "month", "quote"}
