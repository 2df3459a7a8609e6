"""On this day: what happened on a month-day across the years, with a labelled fallback.

Decisions:
- Only day-precise tellings match a month-day: `2024-03` (a month) never matches March 1st;
  each shows its happening with that one date.
- Every year counts, before or after the year asked about: the corpus is an archive, and the
  documents date themselves (a podcast of June 21, 2026 is "on this day" every June 21st).
  Entries come in date order, so by year.
- On February 28th of a common year, February 29th events are shown too, so a leap-day event
  is not skipped for three years out of four; on February 29th, only February 29th.
- Nothing that day: the events of the same month in any year, day- or month-precise only (a
  season or a year is too coarse to belong to a month), `fallback="month"`. Nothing that month
  either: the quote of the day, `fallback="quote"` (`quote` is None when there is no quote).
- The answer depends on the date alone: the same date gives the same answer.
"""

from __future__ import annotations

import calendar
from datetime import date

from bot.queries.corpus import Corpus
from bot.queries.results import OnThisDay, Problem
from bot.queries.timeline import entries


def month_days(day: date) -> list[str]:
    """The 'MM-DD' keys that count as `day`."""
    keys = [day.strftime("%m-%d")]
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        keys.append("02-29")
    return keys


async def on_this_day(corpus: Corpus, day: date) -> OnThisDay:
    store = corpus.store
    rows = await store.events_on_month_days(month_days(day))
    if rows:
        found = tuple(entries(corpus, rows))
        return OnThisDay(day.month, day.day, day.year, found, "none")
    rows = await store.events_in_month(day.month)
    if rows:
        found = tuple(entries(corpus, rows))
        return OnThisDay(day.month, day.day, day.year, found, "month")
    from bot.queries.quotes import quote_of_the_day  # loaded only when it is needed

    answer = await quote_of_the_day(corpus, day)
    quote = None if isinstance(answer, Problem) else answer
    return OnThisDay(day.month, day.day, day.year, (), "quote", quote)
